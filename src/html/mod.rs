//! Saved pages into blocks: parse once, leave out what is never content,
//! find the article container, and cut it into blocks that carry their
//! markup features. The stages, in the order data flows:
//!
//! 1. `dom` (with `prune`): parse with html5ever and copy the visible
//!    nodes into a pre-order arena; gather `<title>`, `og:title` and
//!    JSON-LD on the way.
//! 2. `stats`: subtree sums (text, links, commas, paragraphs).
//! 3. `meta`, `title`: JSON-LD `articleBody` and headline; the title.
//! 4. `main_content` (with `hints`): score candidate containers and pick
//!    the article with its sibling paragraphs.
//! 5. `clean`: boxes inside the article that are not text.
//! 6. `flatten`: blocks with `Markup` features.
//! 7. `fallback`: classifies the blocks, and when nothing is kept tries
//!    the largest text region (`region`), then the whole page.

pub(crate) mod attr;
mod clean;
mod dom;
mod fallback;
mod flatten;
mod hints;
mod main_content;
mod meta;
mod prune;
mod region;
mod stats;
mod tag;
mod title;

use crate::block::Block;
use crate::classify::Removed;
use crate::rules::RuleSet;

/// Parses a page once, for the blocks and for the metadata.
pub fn parse(html: &str) -> scraper::Html {
    dom::Dom::parse_document(html)
}

/// A page's blocks with their decisions, its title, and the warnings of
/// the content search.
pub struct Extracted {
    pub blocks: Vec<Block>,
    pub decided: Vec<Option<Removed>>,
    pub title: Option<String>,
    pub warnings: Vec<String>,
}

/// Finds the page's main content, cuts it into blocks and classifies
/// them (see `fallback` for what happens when nothing is kept).
pub fn extract(doc: &scraper::Html, rules: &RuleSet) -> Extracted {
    let mut dom = dom::Dom::from_doc(doc);
    let raw = stats::raw_lengths(&dom);
    dom.settle_hidden(&raw.len);
    let stats = stats::Stats::compute(&dom, &raw);
    drop(raw);
    let ld = meta::ld_article(&dom.meta.json_ld);
    let title = title::title(&dom, ld.headline.as_deref());
    let mut hints = hints::HintCache::new(&rules.markup, &dom);
    let roots = main_content::find(&dom, &stats, &mut hints, ld.body.as_deref());
    let page = Page {
        dom: &dom,
        stats: &stats,
        rules,
        title: title.as_deref(),
    };
    let out = fallback::extract(&page, &mut hints, rules, &roots);
    Extracted {
        blocks: out.blocks,
        decided: out.decided,
        title,
        warnings: out.warnings,
    }
}

/// What the steps after the content search read.
struct Page<'a> {
    dom: &'a dom::Dom,
    stats: &'a stats::Stats,
    rules: &'a RuleSet,
    title: Option<&'a str>,
}

impl Page<'_> {
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
