//! The largest text region of a page, found without scores: from `<body>`
//! down, into the child that holds most of the text outside links, for as
//! long as one child does. Page furniture (asides, footers, navigation,
//! and what Readability skips by its name: comments, sidebars) holds no
//! region. It is where a reader's eye goes on a page whose markup misleads
//! the content search, and the second step of the fallback when the
//! best-scoring container leaves nothing.

use super::dom::{Dom, GONE, ROLE_FURNITURE};
use super::hints::HintCache;
use super::stats::Stats;
use super::tag::Tag;

/// A child holding at least this share of its parent's unlinked text is
/// the region (or holds it).
const MAJORITY: f32 = 0.6;

/// The largest text region, or `None` when the page has no unlinked text.
pub fn largest(dom: &Dom, stats: &Stats, hints: &mut HintCache) -> Option<u32> {
    let body = (0..dom.nodes.len() as u32).find(|&i| dom.node(i).tag == Tag::Body)?;
    let prose = |i: u32| stats.len[i as usize].saturating_sub(stats.link[i as usize]);
    if prose(body) == 0 {
        return None;
    }
    let mut at = body;
    loop {
        let mut best: Option<u32> = None;
        for c in dom.children(at) {
            let n = dom.node(c);
            if n.tag == Tag::Text
                || n.flags & (GONE | ROLE_FURNITURE) != 0
                || n.tag.is_furniture()
                || !stats.has_block[c as usize]
                || hints.get(dom, c).unlikely
            {
                continue;
            }
            if best.is_none_or(|b| prose(c) > prose(b)) {
                best = Some(c);
            }
        }
        match best {
            Some(c) if prose(c) as f32 >= MAJORITY * prose(at) as f32 => at = c,
            _ => return Some(at),
        }
    }
}
