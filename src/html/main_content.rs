//! Finds the article container, after Mozilla Readability's `grabArticle`:
//! every paragraph-like element scores by its length and commas and gives
//! that score to its ancestors (in full to the parent, half to the
//! grandparent, less further up); each candidate starts from its tag and
//! its class/id weight and ends scaled by its link density. The best
//! candidate, moved up when its parent or several close rivals share an
//! ancestor, plus the siblings that score near it, is the content.
//!
//! JSON-LD `articleBody` and `itemprop="articleBody"` are strong hints:
//! paragraphs they vouch for count triple. When too little text comes out,
//! the search runs again without skipping unlikely elements, then without
//! class weights, as Readability does.

use super::dom::{Dom, GONE, ITEM_BODY, ROLE_FURNITURE};
use super::hints::HintCache;
use super::stats::Stats;
use super::tag::Tag;
use crate::normalize::squeeze;

/// Paragraphs shorter than this do not score.
const MIN_PARAGRAPH: u32 = 25;
/// Ancestors a paragraph gives its score to.
const ANCESTOR_LEVELS: usize = 5;
/// Factor for paragraphs that JSON-LD or `itemprop` vouch for.
const VOUCHED: f32 = 3.0;
/// A run that yields less text than this is retried with fewer filters.
const ENOUGH_TEXT: u32 = 500;
/// A retry replaces a short first result only when it finds this many
/// times more text (plus half of `ENOUGH_TEXT`).
const RETRY_GAIN: u32 = 2;
/// How much bigger than the top candidate the ancestor gathering all
/// vouched paragraphs may be.
const VOUCHED_GROWTH: u32 = 3;
/// Close rivals: score at least this share of the best.
const RIVAL_SHARE: f32 = 0.75;
/// How many close rivals sharing an ancestor move the choice up to it.
const MIN_RIVALS: usize = 3;
/// How many top candidates are compared.
const TOP_N: usize = 5;
/// A retry that finds no post container keeps a short post only when its
/// text is at least this much links (a column of teasers, not prose).
const RETRY_LINK_DENSITY: f32 = 0.25;
/// Levels above a first result searched for a post or article class.
const PROMISE_LEVELS: usize = 3;
/// Levels above the top candidate searched for the article's other parts.
const KIN_LEVELS: usize = 3;
/// An other part holds at least this many paragraphs ...
const KIN_PARAS: u32 = 2;
/// ... and this much text ...
const KIN_TEXT: u32 = 200;
/// ... with a link density under this.
const KIN_LINK_DENSITY: f32 = 0.25;
/// A sibling that joins by score has a link density under this.
const SIBLING_LINK_DENSITY: f32 = 0.5;
/// Characters of a paragraph compared with the JSON-LD body.
const LD_PREFIX: usize = 50;

/// Which filters a search run applies.
#[derive(Debug, Clone, Copy)]
struct Flags {
    skip_unlikely: bool,
    weight_classes: bool,
}

/// The content roots, in document order.
pub fn find(dom: &Dom, stats: &Stats, hints: &mut HintCache, ld_body: Option<&str>) -> Vec<u32> {
    let runs = [
        Flags {
            skip_unlikely: true,
            weight_classes: true,
        },
        Flags {
            skip_unlikely: false,
            weight_classes: true,
        },
        Flags {
            skip_unlikely: false,
            weight_classes: false,
        },
    ];
    let mut first: Option<(u32, Vec<u32>)> = None;
    for flags in runs {
        let roots = search(dom, stats, hints, ld_body, flags);
        let len: u32 = roots.iter().map(|&r| stats.len[r as usize]).sum();
        if len >= ENOUGH_TEXT {
            if let Some((l, r)) = first.take()
                && (len < l.saturating_mul(RETRY_GAIN) + ENOUGH_TEXT / 2
                    || (promising(dom, hints, &r)
                        && (in_furniture(dom, stats, hints, &roots)
                            || (!promising(dom, hints, &roots)
                                && roots_link_density(stats, &roots) > RETRY_LINK_DENSITY))))
            {
                return r;
            }
            return roots;
        }
        if first.as_ref().is_none_or(|(l, _)| *l == 0) {
            first = Some((len, roots));
        }
    }
    match first {
        Some((len, r)) if len > 0 => r,
        _ => body(dom).into_iter().collect(),
    }
}

/// One run of the search.
fn search(
    dom: &Dom,
    stats: &Stats,
    hints: &mut HintCache,
    ld_body: Option<&str>,
    flags: Flags,
) -> Vec<u32> {
    let mut score: Vec<Option<f32>> = vec![None; dom.nodes.len()];
    let paras = paragraphs(dom, stats, hints, ld_body, flags);
    let vouched: Vec<u32> = paras.iter().filter(|p| p.2).map(|p| p.0).collect();
    for (p, start, vouched) in paras {
        let (len, commas) = if p == start {
            (
                stats.direct_len[p as usize],
                stats.direct_commas[p as usize],
            )
        } else {
            (stats.len[p as usize], stats.commas[p as usize])
        };
        let segments = 1.0 + stats.brbr[p as usize] as f32;
        let mut s = segments + commas as f32 + (len as f32 / 100.0).floor().min(3.0 * segments);
        if vouched {
            s *= VOUCHED;
        }
        let mut a = start;
        for level in 0..ANCESTOR_LEVELS {
            if a == 0 {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            let base = score[a as usize].unwrap_or_else(|| initial(dom, hints, a, flags));
            score[a as usize] = Some(base + s / divider);
            a = dom.node(a).parent;
        }
    }
    let mut cands: Vec<(u32, f32)> = score
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i as u32, s * (1.0 - stats.link_density(i as u32)))))
        .collect();
    for &(i, s) in &cands {
        score[i as usize] = Some(s);
    }
    cands.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let Some(&(top, _)) = cands.first() else {
        return Vec::new();
    };
    let top = move_up(dom, &score, &cands, top);
    let top = gather_vouched(dom, stats, top, &vouched);
    let mut roots = siblings(dom, stats, hints, &score, top, &vouched);
    kin(dom, stats, hints, top, &mut roots);
    roots
}

/// Adds the article's other parts: an article split into sections (by a
/// figure or a sidebar between them) puts each part in a container of the
/// same class, and the top candidate is only one of them. A container of
/// the class of the top candidate or of one of its close ancestors, next
/// to it, joins when it holds prose (paragraphs, few links).
fn kin(dom: &Dom, stats: &Stats, hints: &mut HintCache, top: u32, roots: &mut Vec<u32>) {
    let mut a = top;
    for _ in 0..KIN_LEVELS {
        let p = dom.node(a).parent;
        if p == 0 || p == super::dom::NONE || dom.node(p).tag == Tag::Body {
            return;
        }
        let class = &*dom.node(a).class;
        if !class.is_empty() {
            let mut found = false;
            for c in dom.children(p) {
                let n = dom.node(c);
                if c == a || n.flags & GONE != 0 || &*n.class != class {
                    continue;
                }
                let prose = stats.paras[c as usize] >= KIN_PARAS
                    && stats.len[c as usize] >= KIN_TEXT
                    && stats.link_density(c) < KIN_LINK_DENSITY;
                if prose
                    && hints.get(dom, c).weight >= 0
                    && !roots
                        .iter()
                        .any(|&r| dom.contains(r, c) || dom.contains(c, r))
                {
                    roots.push(c);
                    found = true;
                }
            }
            if found {
                roots.sort_unstable();
                return;
            }
        }
        a = p;
    }
}

/// The paragraphs that score: `(element, first ancestor to credit,
/// vouched for)`. A leaf block credits its parent; text directly inside a
/// container is a paragraph of its own that credits the container.
fn paragraphs(
    dom: &Dom,
    stats: &Stats,
    hints: &mut HintCache,
    ld_body: Option<&str>,
    flags: Flags,
) -> Vec<(u32, u32, bool)> {
    let mut out = Vec::new();
    let mut item_end = 0u32;
    let mut i = 1u32;
    let n = dom.nodes.len() as u32;
    while i < n {
        let node = dom.node(i);
        if node.flags & GONE != 0 || (flags.skip_unlikely && unlikely(dom, stats, hints, i)) {
            i = node.end;
            continue;
        }
        if node.flags & ITEM_BODY != 0 && stats.len[i as usize] >= ENOUGH_TEXT / 2 {
            item_end = item_end.max(node.end);
        }
        let leaf = !stats.has_block[i as usize];
        let scored = match node.tag {
            Tag::P | Tag::Pre | Tag::Cell | Tag::Heading(_) => true,
            t => t.is_block() && leaf && !matches!(t, Tag::Li | Tag::Dt | Tag::Dd | Tag::H1),
        };
        if scored && leaf && stats.len[i as usize] >= MIN_PARAGRAPH {
            let vouched = i < item_end || ld_vouches(dom, i, ld_body);
            out.push((i, node.parent, vouched));
            i = node.end;
            continue;
        }
        if !leaf && node.tag.is_block() && stats.direct_len[i as usize] >= MIN_PARAGRAPH {
            out.push((i, i, i < item_end));
        }
        i += 1;
    }
    out
}

/// Readability's unlikely candidates: names of furniture, furniture roles.
fn unlikely(dom: &Dom, stats: &Stats, hints: &mut HintCache, i: u32) -> bool {
    let node = dom.node(i);
    if matches!(
        node.tag,
        Tag::Body | Tag::A | Tag::Article | Tag::Main | Tag::Text
    ) {
        return false;
    }
    (node.flags & ROLE_FURNITURE != 0 || hints.get(dom, i).unlikely) && !wraps_page(dom, stats, i)
}

/// Whether an element holds most of the page's text and the page's own
/// content element (a `<main>`, or an `<article>` with the headline):
/// then it wraps the page, whatever its name (a `<header id="header">`
/// left unclosed around the article). A comment section or a sidebar can
/// hold most of the text, but not the article.
fn wraps_page(dom: &Dom, stats: &Stats, i: u32) -> bool {
    if stats.len[i as usize] <= stats.len[0] / 2 {
        return false;
    }
    (i + 1..dom.node(i).end).any(|k| match dom.node(k).tag {
        Tag::Main => true,
        Tag::H1 => {
            let mut a = dom.node(k).parent;
            while a > i && a != super::dom::NONE {
                if dom.node(a).tag == Tag::Article {
                    return true;
                }
                a = dom.node(a).parent;
            }
            false
        }
        _ => false,
    })
}

/// Whether a short first result sits in a container whose class or id
/// names a post or article (`post-body`, `entry-content`): a short post
/// is still the post, and more text elsewhere does not outweigh that when
/// the retry lands in furniture, or outside any post container in text
/// that is largely links (a sidebar of teasers).
fn promising(dom: &Dom, hints: &mut HintCache, roots: &[u32]) -> bool {
    roots.iter().any(|&r| {
        let mut a = r;
        for _ in 0..PROMISE_LEVELS {
            if a == 0 || a == super::dom::NONE {
                break;
            }
            if hints.get(dom, a).weight > 0 {
                return true;
            }
            a = dom.node(a).parent;
        }
        false
    })
}

/// The share of the roots' text that sits in links.
fn roots_link_density(stats: &Stats, roots: &[u32]) -> f32 {
    let len: u32 = roots.iter().map(|&r| stats.len[r as usize]).sum();
    let link: u32 = roots.iter().map(|&r| stats.link[r as usize]).sum();
    if len == 0 {
        0.0
    } else {
        link as f32 / len as f32
    }
}

/// Whether every root lies in (or is) an element skipped as unlikely: a
/// sidebar, comments, a footer.
fn in_furniture(dom: &Dom, stats: &Stats, hints: &mut HintCache, roots: &[u32]) -> bool {
    roots.iter().all(|&r| {
        let mut a = r;
        while a != 0 && a != super::dom::NONE {
            if unlikely(dom, stats, hints, a) {
                return true;
            }
            a = dom.node(a).parent;
        }
        false
    })
}

/// Whether the JSON-LD body holds the start of this paragraph.
fn ld_vouches(dom: &Dom, i: u32, ld_body: Option<&str>) -> bool {
    let Some(body) = ld_body else {
        return false;
    };
    let text = text_of(dom, i);
    let text = squeeze(&text);
    let prefix: String = text.chars().take(LD_PREFIX).collect();
    prefix.chars().count() >= MIN_PARAGRAPH as usize && body.contains(&prefix)
}

/// The raw text of a subtree.
pub fn text_of(dom: &Dom, i: u32) -> String {
    let mut s = String::new();
    let mut k = i;
    let end = dom.node(i).end;
    while k < end {
        let n = dom.node(k);
        if n.flags & GONE != 0 {
            k = n.end;
            continue;
        }
        if n.tag == Tag::Text {
            s.push_str(&n.text);
        } else if n.tag.is_block() || n.tag == Tag::Br {
            s.push(' ');
        }
        k += 1;
    }
    s
}

/// A candidate's starting score: its tag and its class weight.
fn initial(dom: &Dom, hints: &mut HintCache, i: u32, flags: Flags) -> f32 {
    let base = match dom.node(i).tag {
        Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
        Tag::Pre | Tag::Cell | Tag::Blockquote => 3.0,
        Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => -3.0,
        Tag::H1 | Tag::Heading(_) => -5.0,
        _ => 0.0,
    };
    let weight = if flags.weight_classes {
        hints.get(dom, i).weight as f32
    } else {
        0.0
    };
    base + weight
}

/// Readability's two moves up: to an ancestor shared by enough close
/// rivals, then to parents that score more than the child.
fn move_up(dom: &Dom, score: &[Option<f32>], cands: &[(u32, f32)], top: u32) -> u32 {
    let top_score = cands[0].1;
    let rivals: Vec<u32> = cands[1..cands.len().min(TOP_N)]
        .iter()
        .filter(|&&(i, s)| top_score > 0.0 && s / top_score >= RIVAL_SHARE && !dom.contains(top, i))
        .map(|&(i, _)| i)
        .collect();
    let mut top = top;
    if rivals.len() >= MIN_RIVALS {
        let mut p = dom.node(top).parent;
        while p != 0 && dom.node(p).tag != Tag::Body && p != super::dom::NONE {
            let shared = rivals.iter().filter(|&&r| dom.contains(p, r)).count();
            if shared >= MIN_RIVALS {
                top = p;
                break;
            }
            p = dom.node(p).parent;
        }
    }
    let mut last = score[top as usize].unwrap_or(0.0);
    let threshold = last / 3.0;
    let mut p = dom.node(top).parent;
    while p != 0 && p != super::dom::NONE && dom.node(p).tag != Tag::Body {
        let Some(ps) = score[p as usize] else {
            p = dom.node(p).parent;
            continue;
        };
        if ps < threshold {
            break;
        }
        if ps > last {
            top = p;
            break;
        }
        last = ps;
        p = dom.node(p).parent;
    }
    // An only child adds nothing: its parent is the same content.
    loop {
        let p = dom.node(top).parent;
        if p == 0 || p == super::dom::NONE || dom.node(p).tag == Tag::Body {
            break;
        }
        let elements = dom
            .children(p)
            .filter(|&c| dom.node(c).tag != Tag::Text)
            .count();
        if elements != 1 {
            break;
        }
        top = p;
    }
    top
}

/// When JSON-LD vouches for paragraphs both inside and outside the top
/// candidate (an article split over sibling sections), moves up to the
/// ancestor that holds them all, unless that ancestor is much bigger.
fn gather_vouched(dom: &Dom, stats: &Stats, top: u32, vouched: &[u32]) -> u32 {
    let inside = vouched.iter().filter(|&&p| dom.contains(top, p)).count();
    if inside == 0 || inside == vouched.len() {
        return top;
    }
    let limit = stats.len[top as usize].saturating_mul(VOUCHED_GROWTH);
    let mut a = dom.node(top).parent;
    while a != 0 && a != super::dom::NONE && stats.len[a as usize] <= limit {
        if vouched.iter().all(|&p| dom.contains(a, p)) {
            return a;
        }
        a = dom.node(a).parent;
    }
    top
}

/// The top candidate and the siblings that belong with it.
fn siblings(
    dom: &Dom,
    stats: &Stats,
    hints: &mut HintCache,
    score: &[Option<f32>],
    top: u32,
    vouched: &[u32],
) -> Vec<u32> {
    let parent = dom.node(top).parent;
    // When JSON-LD or `itemprop` vouch for paragraphs in the top candidate,
    // a sibling joins by score only if it holds vouched paragraphs too.
    let holds_vouched = |s: u32| vouched.iter().any(|&p| dom.contains(s, p));
    let strict = holds_vouched(top);
    if parent == 0 || parent == super::dom::NONE {
        return vec![top];
    }
    let top_score = score[top as usize].unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = &*dom.node(top).class;
    let mut out = Vec::new();
    for s in dom.children(parent) {
        let node = dom.node(s);
        if s == top {
            out.push(s);
            continue;
        }
        if node.tag == Tag::Text || node.flags & GONE != 0 {
            continue;
        }
        let bonus = if !top_class.is_empty() && &*node.class == top_class {
            top_score * 0.2
        } else {
            0.0
        };
        let by_score = score[s as usize].is_some_and(|sc| sc + bonus >= threshold);
        if by_score
            && hints.get(dom, s).weight >= 0
            && (!strict || holds_vouched(s))
            && stats.link_density(s) < SIBLING_LINK_DENSITY
        {
            out.push(s);
            continue;
        }
        let para = node.tag == Tag::P || (node.tag == Tag::Div && !stats.has_block[s as usize]);
        if para {
            let (len, ld) = (stats.len[s as usize], stats.link_density(s));
            let ends = || {
                let t = text_of(dom, s);
                t.contains(". ") || t.trim_end().ends_with('.')
            };
            if (len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld == 0.0 && ends()) {
                out.push(s);
            }
        }
    }
    out
}

/// The `<body>`, for pages with nothing to score.
pub fn body(dom: &Dom) -> Option<u32> {
    (0..dom.nodes.len() as u32).find(|&i| dom.node(i).tag == Tag::Body)
}
