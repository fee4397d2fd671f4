//! Saved pages into blocks: parse once, leave out what is never content,
//! find the article container, and cut it into blocks that carry their
//! markup features. The stages, in the order data flows:
//!
//! 1. `tokenize` (with `nesting`, `tree`): our tokenizer reads the page
//!    (stepping over what is never read) for html5ever's tree builder,
//!    which builds the tree into our sink; the nesting guard caps
//!    pathological nesting on the way. `dom` (with `prune`, `head`)
//!    copies the visible nodes into a pre-order arena and reads the
//!    page's head on the way, once, for the title and for the metadata.
//! 2. `stats`: subtree sums (text, links, commas, paragraphs).
//! 3. `meta`, `title`: JSON-LD `articleBody` and headline; the title.
//! 4. `main_content` (with `hints`): score candidate containers and pick
//!    the article with its sibling paragraphs.
//! 5. `clean`: boxes inside the article that are not text.
//! 6. `flatten`: blocks with `Markup` features.
//! 7. `fallback`: classifies the blocks, and when nothing is kept tries
//!    the largest text region (`region`), then the whole page.

mod clean;
mod dom;
mod fallback;
mod flatten;
mod head;
mod hints;
mod main_content;
mod meta;
mod nesting;
mod prune;
mod region;
mod stats;
mod tag;
mod title;
mod tokenize;
mod tree;

use crate::classify::score::forest::Forest;
use crate::model::{Block, Head, Reason};
use crate::rules::RuleSet;

/// Parses a page once, for the blocks and for the metadata. Elements
/// nested deeper than the browsers' cap become siblings at that depth
/// first, keeping their text (html5ever would take quadratic time on
/// them); the warning says how many tags that changed.
pub fn parse(html: &str) -> (dom::Dom, Option<String>) {
    let (dom, cut) = dom::Dom::parse(html);
    let warning = (cut > 0).then(|| {
        format!(
            "page nested deeper than {} elements (or with too many formatting \
             elements left open): {cut} tag(s) were closed early or left out \
             before parsing; no text was lost",
            nesting::MAX_DEPTH
        )
    });
    (dom, warning)
}

/// A page cut into blocks and classified, with its title, what its head
/// says, and the warnings of the content search.
pub struct Page {
    pub blocks: Vec<Block>,
    /// Each block's decision (`None` keeps it).
    pub decided: Vec<Option<Reason>>,
    /// The title as the page shows it (see `title`).
    pub title: Option<String>,
    pub head: Head,
    pub warnings: Vec<String>,
}

/// Reads a parsed page: finds its main content, cuts it into blocks and
/// classifies them (see `fallback` for what happens when nothing is
/// kept); also its title and its head.
pub fn read(mut dom: dom::Dom, rules: &RuleSet, scorer: Option<&Forest>) -> Page {
    let raw = stats::raw_lengths(&dom);
    dom.settle_hidden(&raw.len);
    let stats = stats::Stats::compute(&dom, &raw);
    drop(raw);
    let scripts = dom.head.json_ld.iter().filter(|s| s.for_article);
    let ld = meta::ld_article(scripts.map(|s| &s.value));
    let title = title::title(&dom, ld.headline.as_deref());
    let mut hints = hints::HintCache::new(&rules.markup, &dom);
    let roots = main_content::find(&dom, &stats, &mut hints, ld.body.as_deref());
    let content = Content {
        dom: &dom,
        stats: &stats,
        rules,
        title: title.as_deref(),
    };
    let out = fallback::extract(&content, &mut hints, rules, scorer, &roots);
    Page {
        blocks: out.blocks,
        decided: out.decided,
        title,
        head: dom.head,
        warnings: out.warnings,
    }
}

/// What cutting content into blocks reads: the arena, its sums, the rules
/// and the title.
struct Content<'a> {
    dom: &'a dom::Dom,
    stats: &'a stats::Stats,
    rules: &'a RuleSet,
    title: Option<&'a str>,
}

impl Content<'_> {
    /// The blocks of the content at `roots`.
    fn blocks(&self, hints: &mut hints::HintCache, roots: &[u32]) -> Vec<Block> {
        let dropped = clean::conditionally(self.dom, self.stats, hints, roots);
        flatten::Flattener::new(
            self.dom,
            &self.rules.markup,
            self.stats,
            &dropped,
            self.title,
        )
        .run(roots)
    }

    fn largest_region(&self, hints: &mut hints::HintCache) -> Option<u32> {
        region::largest(self.dom, self.stats, hints)
    }

    fn body(&self) -> Option<u32> {
        main_content::body(self.dom)
    }
}
