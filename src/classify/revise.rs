//! Stage 3: context. Short doubtful blocks follow their neighbours, as in
//! jusText's revision: between two removed blocks a label goes with them;
//! between two kept blocks it stays.

use super::facts::Facts;
use super::{Doc, Removed};
use crate::Kind;
use crate::rules::Cue;

/// A run of at least this many labels around a removed block is a menu.
const MENU_RUN: usize = 6;
/// ... and this many without one.
const MENU_RUN_ALONE: usize = 12;
/// A label on a saved page is a menu item when this much of it is a link.
const MENU_LINK_DENSITY: f32 = 0.5;

pub fn apply(doc: &mut Doc) {
    bare_headlines(doc);
    menu_runs(doc);
    between_removed(doc);
    tail(doc);
}

fn doubtful(doc: &Doc, i: usize) -> bool {
    !doc.removed(i) && !doc.protected[i] && doc.facts[i].is_label()
}

fn prose(doc: &Doc, i: usize) -> bool {
    !doc.removed(i) && doc.facts[i].terminal && !doc.facts[i].is_short()
}

/// A related headline dropped into the body without a "Read more" prefix.
/// Subheads introduce what follows; inserted headlines have the shapes of
/// a headline elsewhere: "Title: Subtitle", a leading number, a hashtag.
fn bare_headlines(doc: &mut Doc) {
    for i in 1..doc.len().saturating_sub(1) {
        if !doubtful(doc, i) || doc.facts[i].words < 3 {
            continue;
        }
        if !(prose(doc, i - 1) && prose(doc, i + 1)) {
            continue;
        }
        if let Some(shape) = headline_shape(&doc.blocks[i].text) {
            doc.remove(
                i,
                Removed::new(Kind::Related, "related.bare-headline", shape),
            );
        }
    }
}

fn headline_shape(text: &str) -> Option<String> {
    let t = text.trim();
    if t.starts_with('#')
        || t.split_whitespace()
            .any(|w| w.starts_with('#') && w.len() > 2)
    {
        return Some("hashtag".into());
    }
    if let Some((head, rest)) = t.split_once(": ") {
        let next = rest.chars().next()?;
        if !head.is_empty() && (next.is_uppercase() || next.is_ascii_digit()) {
            return Some("\"Title: Subtitle\" shape".into());
        }
    }
    let first = t.split_whitespace().next()?;
    if first.chars().all(|c| c.is_ascii_digit()) && t.split_whitespace().count() >= 3 {
        return Some("leading number (listicle)".into());
    }
    None
}

/// Runs of labels (menus, tag lists, card fields) next to boilerplate.
fn menu_runs(doc: &mut Doc) {
    let n = doc.len();
    let mut i = 0;
    while i < n {
        let member = |doc: &Doc, k: usize| {
            doc.removed(k) || (doubtful(doc, k) && doc.facts[k].is_short() && linky(doc, k))
        };
        if !member(doc, i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && member(doc, j) {
            j += 1;
        }
        let labels = (i..j).filter(|&k| !doc.removed(k)).count();
        let with_removed = (i..j).any(|k| doc.removed(k));
        if (with_removed && labels >= MENU_RUN) || labels >= MENU_RUN_ALONE {
            for k in i..j {
                doc.remove(
                    k,
                    Removed::new(
                        Kind::Navigation,
                        "context.menu-run",
                        format!("one of {labels} labels in a row"),
                    ),
                );
            }
        }
        i = j;
    }
}

/// On a saved page a menu item is a link: short lines of body (list
/// items, table cells, dates) are not. Text has no links to tell by.
fn linky(doc: &Doc, k: usize) -> bool {
    doc.blocks[k]
        .markup
        .as_ref()
        .is_none_or(|m| m.link_density >= MENU_LINK_DENSITY)
}

/// Labels between two removed blocks go with them.
fn between_removed(doc: &mut Doc) {
    let n = doc.len();
    let mut i = 0;
    while i < n {
        if !doubtful(doc, i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && doubtful(doc, j) {
            j += 1;
        }
        if i > 0 && j < n && doc.removed(i - 1) && doc.removed(j) {
            let kind = doc.decided[i - 1]
                .as_ref()
                .map_or(Kind::Navigation, |r| r.kind);
            for k in i..j {
                doc.remove(
                    k,
                    Removed::new(
                        kind,
                        "context.between-removed",
                        format!("label between removed blocks {} and {j}", i - 1),
                    ),
                );
            }
        }
        i = j;
    }
}

/// After the last body block: labels and short asks that trail removed
/// boilerplate go with it; a lone headline with no body after it is not a
/// subhead (nothing follows for it to introduce) and goes too.
fn tail(doc: &mut Doc) {
    let n = doc.len();
    let mut start = n;
    while start > 0 {
        let k = start - 1;
        let f = &doc.facts[k];
        let fits = doc.removed(k) || doc.protected[k] || doubtful(doc, k) || short_ask(f);
        if !fits {
            break;
        }
        start = k;
    }
    if start == n {
        return;
    }
    let has_removed = (start..n).any(|k| doc.removed(k));
    if has_removed {
        for k in start..n {
            if doc.removed(k) || doc.protected[k] {
                continue;
            }
            doc.remove(
                k,
                Removed::new(
                    Kind::Navigation,
                    "context.tail",
                    "after the body, among removed blocks",
                ),
            );
        }
        return;
    }
    // No boilerplate in the tail: only a single trailing headline goes.
    let labels: Vec<usize> = (start..n).filter(|&k| !doc.protected[k]).collect();
    if let [k] = labels[..]
        && k > 0
        && prose(doc, k - 1)
        && doc.facts[k].words >= 4
        && doc.facts[k].is_label()
    {
        doc.remove(
            k,
            Removed::new(
                Kind::Related,
                "related.trailing-headline",
                "headline with no body after it",
            ),
        );
    }
}

fn short_ask(f: &Facts) -> bool {
    f.is_short() && (f.voiced() || f.has(Cue::Ask) || f.has(Cue::Thanks))
}
