//! Containers inside the content that are not article text, after
//! Readability's "clean conditionally": a box whose class says furniture,
//! a box of few words, a box made of links, a box of images. They are
//! judged from the inside out (a link box inside a body `<div>` goes first,
//! and then no longer counts against the `<div>`), in one backward pass.
//!
//! Their blocks are still emitted, marked with the reason, so that the
//! explain view shows them.

use super::dom::{Dom, GONE, NONE};
use super::hints::HintCache;
use super::stats::Stats;
use super::tag::Tag;
use crate::model::{Kind, Reason};
use std::collections::HashMap;

/// A box with this many commas is prose and stays.
const PROSE_COMMAS: u32 = 10;
/// A box with less text than this (and no heading) is not content.
const TOO_SHORT: u32 = 25;
/// Link density above which a box of weight under 25 is links.
const LINK_HEAVY: f32 = 0.2;
/// ... and a list, or a box with a positive class.
const LINK_LIST: f32 = 0.5;

/// Cleaning that leaves less than this (and less than half) is undone.
const MIN_KEPT: u32 = 250;

/// Sums that shrink as inner boxes go.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    len: u32,
    link: u32,
    commas: u32,
    paras: u32,
    imgs: u32,
    heading: u32,
}

impl Sums {
    fn of(s: &Stats, i: usize) -> Sums {
        Sums {
            len: s.len[i],
            link: s.link[i],
            commas: s.commas[i],
            paras: s.paras[i],
            imgs: s.imgs[i],
            heading: s.heading_len[i],
        }
    }

    fn add(&mut self, o: Sums) {
        self.len += o.len;
        self.link += o.link;
        self.commas += o.commas;
        self.paras += o.paras;
        self.imgs += o.imgs;
        self.heading += o.heading;
    }

    fn minus(self, o: Sums) -> Sums {
        Sums {
            len: self.len.saturating_sub(o.len),
            link: self.link.saturating_sub(o.link),
            commas: self.commas.saturating_sub(o.commas),
            paras: self.paras.saturating_sub(o.paras),
            imgs: self.imgs.saturating_sub(o.imgs),
            heading: self.heading.saturating_sub(o.heading),
        }
    }
}

/// The containers under `roots` whose blocks are out, with the reason.
/// When they would leave almost nothing of the content, none is out: the
/// content was chosen for its text, and an empty result is the worst one.
pub fn conditionally(
    dom: &Dom,
    stats: &Stats,
    hints: &mut HintCache,
    roots: &[u32],
) -> HashMap<u32, Reason> {
    let mut out = HashMap::new();
    let (mut total, mut removed) = (0u32, 0u32);
    for &root in roots {
        let (start, end) = (root as usize, dom.node(root).end as usize);
        let in_figure = figures(dom, start, end);
        // What already went inside each node, and whether a table or a
        // cell with paragraphs sits inside, summed from the back.
        let mut gone: Vec<Sums> = vec![Sums::default(); end - start];
        let mut layout: Vec<bool> = vec![false; end - start];
        for i in (start + 1..end).rev() {
            let node = &dom.nodes[i];
            if node.flags & GONE != 0 || node.parent == NONE {
                continue;
            }
            let p = node.parent as usize - start;
            let is_layout = node.tag == Tag::Table || (node.tag == Tag::Cell && stats.has_block[i]);
            layout[p] |= layout[i - start] || is_layout;
            let full = Sums::of(stats, i);
            let left = full.minus(gone[i - start]);
            let box_ = Box_ {
                i: i as u32,
                left,
                in_figure: in_figure[i - start],
                data_table: !layout[i - start],
            };
            let removed = judge(dom, stats, hints, box_);
            if let Some(why) = removed {
                out.insert(i as u32, why);
                gone[p].add(full);
            } else {
                let inner = gone[i - start];
                gone[p].add(inner);
            }
        }
        total += stats.len[start];
        removed += gone[0].len;
    }
    let kept = total.saturating_sub(removed);
    if kept < MIN_KEPT && kept * 2 < total {
        out.clear();
    }
    out
}

/// Which nodes of `start..end` sit in a `<figure>` (or are one).
fn figures(dom: &Dom, start: usize, end: usize) -> Vec<bool> {
    let mut out = vec![false; end - start];
    let mut figure_end = 0;
    for (k, slot) in out.iter_mut().enumerate() {
        let n = &dom.nodes[start + k];
        if n.tag == Tag::Figure {
            figure_end = figure_end.max(n.end as usize);
        }
        *slot = start + k < figure_end;
    }
    out
}

/// A container being judged.
struct Box_ {
    i: u32,
    /// What is left in it once inner boxes went.
    left: Sums,
    in_figure: bool,
    /// Holds no table and no cell with paragraphs.
    data_table: bool,
}

/// Whether a container is out.
fn judge(dom: &Dom, stats: &Stats, hints: &mut HintCache, b: Box_) -> Option<Reason> {
    let (i, m) = (b.i, b.left);
    let node = dom.node(i);
    let is_list = matches!(node.tag, Tag::Ul | Tag::Ol | Tag::Dl);
    let boxy = matches!(
        node.tag,
        Tag::Div | Tag::Section | Tag::OtherBlock | Tag::Form | Tag::Aside | Tag::Table
    );
    // A leaf box is a paragraph, not a container.
    let container = is_list || (boxy && stats.has_block[i as usize]);
    if !container {
        return None;
    }
    if node.tag == Tag::Table && b.data_table {
        return None;
    }
    let weight = hints.get(dom, i).weight;
    let names = || format!("{} {}", node.class, node.id).trim().to_string();
    if weight < 0 {
        return Some(Reason::new(
            Kind::Navigation,
            "html.negative-class",
            names(),
        ));
    }
    if m.commas >= PROSE_COMMAS {
        return None;
    }
    let ld = if m.len == 0 {
        0.0
    } else {
        m.link as f32 / m.len as f32
    };
    if m.imgs > 1 && (m.paras as f32 / m.imgs as f32) < 0.5 && !b.in_figure {
        return Some(Reason::new(
            Kind::Navigation,
            "html.image-box",
            format!("{} images", m.imgs),
        ));
    }
    let headings = m.len > 0 && m.heading as f32 / m.len as f32 >= 0.9;
    if !is_list && !headings && m.len < TOO_SHORT && (m.imgs == 0 || m.imgs > 2) && !b.in_figure {
        return Some(Reason::new(
            Kind::Navigation,
            "html.short-box",
            format!("{} characters", m.len),
        ));
    }
    let link_heavy = (!is_list && weight < 25 && ld > LINK_HEAVY) || ld > LINK_LIST;
    if link_heavy {
        let kind = if is_list {
            Kind::Related
        } else {
            Kind::Navigation
        };
        return Some(Reason::new(
            kind,
            "html.link-box",
            format!("link density {ld:.2}"),
        ));
    }
    None
}
