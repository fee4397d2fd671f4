//! Stage 2: regions. An appeal, a cookie notice or a related-links box is a
//! run of blocks: an opener ("A Message from ...:", "This website uses
//! cookies", "Read more"), blocks that fit it, and often a closer ("Remind
//! me later", "Donate now"). A block that is an appeal on its own also
//! starts a region, and a closer pulls in the asks just before it.

use super::Doc;
use super::facts::Facts;
use crate::model::Kind;
use crate::model::Reason;
use crate::rules::Cue;

/// How far a closer reaches back for the asks before it.
const CLOSER_REACH: usize = 6;

pub fn apply(doc: &mut Doc) {
    let n = doc.len();
    let counts = Counts::new(&doc.facts);
    let mut last: Option<Scan> = None;
    let mut i = 0;
    while i < n {
        let Some((kind, rule, evidence)) = start_at(doc, i) else {
            i += 1;
            continue;
        };
        let explicit = doc.facts[i].open.is_some();
        let scan = match last.filter(|s| s.covers(i, kind, explicit)) {
            Some(s) => s,
            None => Scan::run(doc, i, kind, explicit),
        };
        last = Some(scan);
        let (end, closed) = scan.result(i, n);
        if confirmed(&counts, i, end, kind, closed) {
            let begin = reach_back(doc, i, kind, CLOSER_REACH);
            for k in begin..=end {
                let why = if k == i {
                    Reason::new(kind, rule.clone(), evidence.clone())
                } else {
                    Reason::new(
                        kind,
                        format!("region.{kind}"),
                        format!(
                            "in the {kind} region opened by {rule} at block {i}{}",
                            cue_note(doc.facts[k])
                        ),
                    )
                };
                doc.remove(k, why);
            }
            // Removals stop at `end`, and later starts look only past it:
            // the last scan's view of those blocks is still true.
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

/// One forward scan of a region: where it stopped and why. A region that
/// starts at any block between `start` and `stop` stops at the same block,
/// since whether a block fits depends on the region's kind and the block
/// alone; so a run of openers that nothing confirms ("Dear readers," a
/// thousand times) is scanned once, not once per opener, which keeps this
/// stage linear.
#[derive(Debug, Clone, Copy)]
struct Scan {
    kind: Kind,
    explicit: bool,
    start: usize,
    /// The block the scan stopped at (the closer when `closed`), or the
    /// document's length.
    stop: usize,
    closed: bool,
    /// The last block after `start` that is not a trailing label, or
    /// `start`.
    solid: usize,
}

impl Scan {
    /// Scans forward from `start`. Labels at the end of a region that
    /// stopped at body text are left out: a subhead after a box introduces
    /// the body that follows.
    fn run(doc: &Doc, start: usize, kind: Kind, explicit: bool) -> Scan {
        let n = doc.len();
        let mut solid = start;
        let mut j = start + 1;
        let mut closed = false;
        while j < n && !doc.protected[j] {
            let f = &doc.facts[j];
            if f.close.is_some() && f.chars <= 2 * super::facts::SHORT_CHARS {
                closed = true;
                break;
            }
            if !fits(kind, f, doc.removed(j), explicit) {
                break;
            }
            // In a related-links box the headlines are the content;
            // elsewhere a trailing label may be the subhead of the body
            // that follows.
            if !f.is_label() || doc.removed(j) || kind == Kind::Related {
                solid = j;
            }
            j += 1;
        }
        Scan {
            kind,
            explicit,
            start,
            stop: j,
            closed,
            solid,
        }
    }

    /// Whether a region of `kind` starting at `i` would scan the same
    /// blocks to the same stop.
    fn covers(&self, i: usize, kind: Kind, explicit: bool) -> bool {
        self.kind == kind && self.explicit == explicit && self.start < i && i < self.stop
    }

    /// The last block of the region that starts at `i` (this scan's start
    /// or a block it covers), and whether a closer ended it.
    fn result(&self, i: usize, n: usize) -> (usize, bool) {
        if self.closed {
            (self.stop, true)
        } else if self.stop < n {
            (self.solid.max(i), false)
        } else {
            (n - 1, false)
        }
    }
}

/// Running counts of the cues `confirmed` looks for, so that a region's
/// counts are a subtraction, not a walk.
struct Counts {
    strong: Vec<u32>,
    ask: Vec<u32>,
    money: Vec<u32>,
}

impl Counts {
    fn new(facts: &[&Facts]) -> Counts {
        let running = |pred: &dyn Fn(&Facts) -> bool| {
            let mut acc = 0u32;
            let mut v = Vec::with_capacity(facts.len() + 1);
            v.push(0);
            for f in facts {
                acc += u32::from(pred(f));
                v.push(acc);
            }
            v
        };
        Counts {
            strong: running(&|f| f.strong_appeal()),
            ask: running(&|f| f.has(Cue::Ask)),
            money: running(&|f| f.has(Cue::Money)),
        }
    }

    /// Whether any block in `start..=end` passes the counted test.
    fn any(v: &[u32], start: usize, end: usize) -> bool {
        v[end + 1] > v[start]
    }
}

/// An appeal region must show an ask with money, a closer, or one block
/// that is an appeal on its own: "Dear readers," before an editor's letter
/// is not an appeal. Other regions open with phrases specific enough.
fn confirmed(counts: &Counts, start: usize, end: usize, kind: Kind, closed: bool) -> bool {
    if kind != Kind::Appeal {
        return true;
    }
    if closed {
        return true;
    }
    Counts::any(&counts.strong, start, end)
        || (Counts::any(&counts.ask, start, end) && Counts::any(&counts.money, start, end))
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
            let why = Reason::new(
                kind,
                "appeal.before-closer",
                format!(
                    "ask before the closer {rule} at block {i}{}",
                    cue_note(doc.facts[k])
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
