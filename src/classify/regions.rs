//! Stage 2: regions. An appeal, a cookie notice or a related-links box is a
//! run of blocks: an opener ("A Message from ...:", "This website uses
//! cookies", "Read more"), blocks that fit it, and often a closer ("Remind
//! me later", "Donate now"). A block that is an appeal on its own also
//! starts a region, and a closer pulls in the asks just before it.

use super::facts::Facts;
use super::{Doc, Removed};
use crate::Kind;
use crate::rules::Cue;

/// How far a closer reaches back for the asks before it.
const CLOSER_REACH: usize = 6;

pub fn apply(doc: &mut Doc) {
    let n = doc.len();
    let mut i = 0;
    while i < n {
        let Some((kind, rule, evidence)) = start_at(doc, i) else {
            i += 1;
            continue;
        };
        let explicit = doc.facts[i].open.is_some();
        let (end, closed) = extend(doc, i, kind, explicit);
        if confirmed(doc, i, end, kind, closed) {
            let begin = reach_back(doc, i, kind, CLOSER_REACH);
            for k in begin..=end {
                let why = if k == i {
                    Removed::new(kind, rule.clone(), evidence.clone())
                } else {
                    Removed::new(
                        kind,
                        format!("region.{kind}"),
                        format!(
                            "in the {kind} region opened by {rule} at block {i}{}",
                            cue_note(&doc.facts[k])
                        ),
                    )
                };
                doc.remove(k, why);
            }
            i = end + 1;
        } else {
            i += 1;
        }
    }
    closers_reach_back(doc);
}

/// Whether block `i` opens a region, and of what.
fn start_at(doc: &Doc, i: usize) -> Option<(Kind, String, String)> {
    if doc.protected[i] {
        return None;
    }
    let f = &doc.facts[i];
    if let Some(hit) = &f.open {
        let kind = hit.rule.kind?;
        return Some((kind, hit.rule.id.clone(), hit.matched.clone()));
    }
    if f.strong_appeal() && !doc.removed(i) {
        return Some((Kind::Appeal, "appeal.strong".into(), f.cue_summary()));
    }
    None
}

/// Whether block `f` can belong to a region of `kind`. After an explicit
/// opener ("A Message from ...:") the publisher's voice is enough; a region
/// that a self-standing appeal started takes only more asks and labels.
fn fits(kind: Kind, f: &Facts, removed: bool, explicit: bool) -> bool {
    if removed || f.within.contains(&kind) {
        return true;
    }
    match kind {
        Kind::Appeal if explicit => {
            f.voiced() || f.has(Cue::Ask) || f.has(Cue::Money) || f.has(Cue::Thanks) || f.is_label()
        }
        Kind::Appeal => f.appeal_like() || (f.is_label() && f.is_short()),
        // A related box or a share bar is a run of labels: a short sentence
        // after it is body.
        Kind::Related | Kind::Share => f.is_label(),
        _ => f.is_label() || f.is_short(),
    }
}

/// The last block of the region that starts at `start`, and whether a
/// closer ended it. Labels at the end of a region that stopped at body text
/// are left out: a subhead after a box introduces the body that follows.
fn extend(doc: &Doc, start: usize, kind: Kind, explicit: bool) -> (usize, bool) {
    let n = doc.len();
    let mut end = start;
    let mut solid = start;
    let mut j = start + 1;
    while j < n && !doc.protected[j] {
        let f = &doc.facts[j];
        if f.close.is_some() && f.chars <= 2 * super::facts::SHORT_CHARS {
            return (j, true);
        }
        if !fits(kind, f, doc.removed(j), explicit) {
            break;
        }
        end = j;
        // In a related-links box the headlines are the content; elsewhere a
        // trailing label may be the subhead of the body that follows.
        if !f.is_label() || doc.removed(j) || kind == Kind::Related {
            solid = j;
        }
        j += 1;
    }
    if j < n { (solid, false) } else { (end, false) }
}

/// An appeal region must show an ask with money, a closer, or one block
/// that is an appeal on its own: "Dear readers," before an editor's letter
/// is not an appeal. Other regions open with phrases specific enough.
fn confirmed(doc: &Doc, start: usize, end: usize, kind: Kind, closed: bool) -> bool {
    if kind != Kind::Appeal {
        return true;
    }
    if closed {
        return true;
    }
    let region = &doc.facts[start..=end];
    region.iter().any(|f| f.strong_appeal())
        || (region.iter().any(|f| f.has(Cue::Ask)) && region.iter().any(|f| f.has(Cue::Money)))
}

/// The first block of the asks just before `i` that belong with it.
fn reach_back(doc: &Doc, i: usize, kind: Kind, limit: usize) -> usize {
    if kind != Kind::Appeal {
        return i;
    }
    let mut begin = i;
    while begin > 0 && i - begin < limit {
        let k = begin - 1;
        let f = &doc.facts[k];
        if doc.protected[k] || doc.removed(k) {
            break;
        }
        let ask_voice = f.appeal_like() || (f.has(Cue::We) && f.has(Cue::You));
        if !(ask_voice || (f.is_label() && f.is_short() && k > 0 && doc.facts[k - 1].appeal_like()))
        {
            break;
        }
        begin = k;
    }
    begin
}

/// Closers that stand alone (a "Donate now" button after two asks) take
/// the asks just before them.
fn closers_reach_back(doc: &mut Doc) {
    for i in 0..doc.len() {
        let Some(hit) = &doc.facts[i].close else {
            continue;
        };
        if !doc.removed(i) {
            continue;
        }
        let kind = hit.rule.kind.unwrap_or(Kind::Appeal);
        let rule = hit.rule.id.clone();
        let begin = reach_back(doc, i, Kind::Appeal, CLOSER_REACH);
        for k in begin..i {
            let why = Removed::new(
                kind,
                "appeal.before-closer",
                format!(
                    "ask before the closer {rule} at block {i}{}",
                    cue_note(&doc.facts[k])
                ),
            );
            doc.remove(k, why);
        }
    }
}

fn cue_note(f: &Facts) -> String {
    let s = f.cue_summary();
    if s.is_empty() {
        String::new()
    } else {
        format!("; cues {s}")
    }
}
