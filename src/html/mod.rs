//! Saved pages into blocks: parse once, leave out what is never content,
//! find the article container, and cut it into blocks that carry their
//! markup features. The stages, in the order data flows:
//!
//! 0. `nesting`: cap pathological nesting before the parser sees it.
//! 1. `dom` (with `prune`, `head`): parse with html5ever and copy the
//!    visible nodes into a pre-order arena; read the page's head on the
//!    way, once, for the title and for the metadata.
//! 2. `stats`: subtree sums (text, links, commas, paragraphs).
//! 3. `meta`, `title`: JSON-LD `articleBody` and headline; the title.
//! 4. `main_content` (with `hints`): score candidate containers and pick
//!    the article with its sibling paragraphs.
//! 5. `clean`: boxes inside the article that are not text.
//! 6. `flatten`: blocks with `Markup` features.

mod attr;
mod clean;
mod dom;
mod flatten;
mod head;
mod hints;
mod main_content;
mod meta;
mod nesting;
mod prune;
mod stats;
mod tag;
mod title;

use crate::model::{Block, Head};
use crate::rules::RuleSet;

/// Parses a page once, for the blocks and for the metadata. Elements
/// nested deeper than the browsers' cap become siblings at that depth
/// first, keeping their text (html5ever would take quadratic time on
/// them); the warning says how many tags that changed.
pub fn parse(html: &str) -> (scraper::Html, Option<String>) {
    let (html, cut) = nesting::limit_nesting(html);
    let warning = (cut > 0).then(|| {
        format!(
            "page nested deeper than {} elements (or with too many formatting \
             elements left open): {cut} tag(s) were closed early or left out \
             before parsing; no text was lost",
            nesting::MAX_DEPTH
        )
    });
    (dom::Dom::parse_document(&html), warning)
}

/// A page cut into blocks, with its title and what its head says.
pub struct Page {
    pub blocks: Vec<Block>,
    /// The title as the page shows it (see `title`).
    pub title: Option<String>,
    pub head: Head,
}

/// Reads a parsed page: its blocks, its title and its head.
pub fn read(doc: &scraper::Html, rules: &RuleSet) -> Page {
    let mut dom = dom::Dom::from_doc(doc);
    let raw = stats::raw_lengths(&dom);
    dom.settle_hidden(&raw.len);
    let stats = stats::Stats::compute(&dom, &raw);
    drop(raw);
    let scripts = dom.head.json_ld.iter().filter(|s| s.for_article);
    let ld = meta::ld_article(scripts.map(|s| &s.value));
    let title = title::title(&dom, ld.headline.as_deref());
    let mut hints = hints::HintCache::new(&rules.markup, &dom);
    let roots = main_content::find(&dom, &stats, &mut hints, ld.body.as_deref());
    let dropped = clean::conditionally(&dom, &stats, &mut hints, &roots);
    let blocks = flatten::Flattener::new(&dom, &rules.markup, &stats, &dropped, title.as_deref())
        .run(&roots);
    Page {
        blocks,
        title,
        head: dom.head,
    }
}
