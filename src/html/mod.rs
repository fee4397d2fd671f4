//! Saved pages into blocks: parse once, leave out what is never content,
//! find the article container, and cut it into blocks that carry their
//! markup features. The stages, in the order data flows:
//!
//! 0. `nesting`: cap pathological nesting before the parser sees it.
//! 1. `dom` (with `prune`): parse with html5ever and copy the visible
//!    nodes into a pre-order arena; gather `<title>`, `og:title` and
//!    JSON-LD on the way.
//! 2. `stats`: subtree sums (text, links, commas, paragraphs).
//! 3. `meta`, `title`: JSON-LD `articleBody` and headline; the title.
//! 4. `main_content` (with `hints`): score candidate containers and pick
//!    the article with its sibling paragraphs.
//! 5. `clean`: boxes inside the article that are not text.
//! 6. `flatten`: blocks with `Markup` features.

pub(crate) mod attr;
mod clean;
mod dom;
mod flatten;
mod hints;
mod main_content;
mod meta;
mod nesting;
mod prune;
mod stats;
mod tag;
mod title;

use crate::model::Block;
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

/// The page's blocks and title.
pub fn blocks(doc: &scraper::Html, rules: &RuleSet) -> (Vec<Block>, Option<String>) {
    let mut dom = dom::Dom::from_doc(doc);
    let raw = stats::raw_lengths(&dom);
    dom.settle_hidden(&raw.len);
    let stats = stats::Stats::compute(&dom, &raw);
    drop(raw);
    let ld = meta::ld_article(&dom.meta.json_ld);
    let title = title::title(&dom, ld.headline.as_deref());
    let mut hints = hints::HintCache::new(&rules.markup, &dom);
    let roots = main_content::find(&dom, &stats, &mut hints, ld.body.as_deref());
    let dropped = clean::conditionally(&dom, &stats, &mut hints, &roots);
    let blocks = flatten::Flattener::new(&dom, &rules.markup, &stats, &dropped, title.as_deref())
        .run(&roots);
    (blocks, title)
}
