//! The scorer's features: one row of numbers per block, in the order of
//! [`NAMES`]. Three parts:
//! - the block's own: its text's shape (see `shape`), the rules' cues and
//!   hits by kind, and on pages its markup (tag, link density, class
//!   hints);
//! - its place in the document: position from either end, distance to the
//!   body's edges (the first and last long sentences), runs of labels and
//!   short lines it stands in, a label ending in a colon before it,
//!   repetition, and the nearest blocks the rules removed, with their
//!   kinds;
//! - its neighbours: a few of the own features of the two blocks before
//!   and the two after.
//!
//! Changing the list changes [`NAMES`] and so the hash a weights file
//! records: old weights are then refused, not misread.

use super::shape::{Shape, shape};
use crate::classify::Doc;
use crate::classify::facts::{Facts, LABEL_MAX_CHARS};
use crate::classify::families::{self, Family};
use crate::model::Kind;
use crate::rules::markup::Roles;
use crate::rules::{Cue, RuleSet};
use std::collections::HashMap;

/// Names of the block's own features.
const OWN_NAMES: [&str; 88] = [
    "chars",
    "words",
    "terminal",
    "cells",
    "ends_colon",
    "ends_digit",
    "upper_share",
    "title_share",
    "first_upper",
    "digit_share",
    "punct_share",
    "pipes",
    "separators",
    "url",
    "email",
    "handle",
    "hashtag",
    "emoji",
    "brackets",
    "wrapped",
    "inner_stops",
    "quotes",
    "list_marker",
    "indented",
    "time",
    "year",
    "cjk_share",
    "word_length",
    "commas",
    "cue.we",
    "cue.you",
    "cue.ask",
    "cue.money",
    "cue.period",
    "cue.thanks",
    "rule.drop",
    "rule.open",
    "rule.close",
    "rule.keep",
    "rule.within",
    "kind.appeal",
    "kind.newsletter",
    "kind.subscription",
    "kind.related",
    "kind.share",
    "kind.republish",
    "kind.copyright",
    "kind.cookie",
    "kind.ad",
    "kind.credit",
    "kind.author",
    "kind.navigation",
    "kind.promo",
    "kind.heading",
    "html",
    "link_density",
    "tag.p",
    "tag.heading",
    "tag.li",
    "tag.table",
    "tag.quote",
    "tag.pre",
    "tag.caption",
    "tag.other",
    "class.positive",
    "class.negative",
    "class.unlikely",
    "furniture",
    "family.share",
    "family.related",
    "family.republish",
    "family.donate",
    "family.subscribe",
    "family.contact",
    "family.credit",
    "family.copyright",
    "family.cookie",
    "family.ad",
    "family.app",
    "family.comment",
    "family.navigation",
    "family.editor",
    "family.speech",
    "family.piece",
    "family.filler",
    "family.kinds",
    "family.uncovered",
    "family.opening",
];

/// The kinds whose rule hits are features, in `OWN_NAMES` order.
const HIT_KINDS: [Kind; 14] = [
    Kind::Appeal,
    Kind::Newsletter,
    Kind::Subscription,
    Kind::Related,
    Kind::Share,
    Kind::Republish,
    Kind::Copyright,
    Kind::Cookie,
    Kind::Ad,
    Kind::Credit,
    Kind::Author,
    Kind::Navigation,
    Kind::Promo,
    Kind::Heading,
];

/// Names of the features of the block's place in the document.
const PLACE_NAMES: [&str; 35] = [
    "topic_core",
    "topic_doc",
    "in_span",
    "span_start",
    "span_end",
    "from_start",
    "from_end",
    "relative_position",
    "chars_before",
    "chars_after",
    "core_before",
    "core_after",
    "core_distance",
    "label_run",
    "label_run_at",
    "short_run",
    "colon_label_before",
    "repeats",
    "prefix_repeats",
    "removed_before",
    "removed_after",
    "removed_before.ask",
    "removed_before.related",
    "removed_before.social",
    "removed_before.footer",
    "removed_before.furniture",
    "removed_before.heading",
    "removed_after.ask",
    "removed_after.related",
    "removed_after.social",
    "removed_after.footer",
    "removed_after.furniture",
    "removed_after.heading",
    "family_label_before",
    "family_label_after",
];

macro_rules! neighbour_names {
    ($($p:literal),*) => {
        [$(
            concat!($p, ".exists"), concat!($p, ".chars"), concat!($p, ".terminal"),
            concat!($p, ".label"), concat!($p, ".link_density"), concat!($p, ".title_share"),
            concat!($p, ".digit_share"), concat!($p, ".list_marker"), concat!($p, ".pipes"),
            concat!($p, ".removed"), concat!($p, ".furniture_words"),
        )*]
    };
}

/// The neighbours whose features a block sees, by offset.
const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];
const NEIGHBOUR_NAMES: [&str; 44] = neighbour_names!("prev2", "prev1", "next1", "next2");
const PER_NEIGHBOUR: usize = NEIGHBOUR_NAMES.len() / NEIGHBOURS.len();

/// How many features a block has.
pub const COUNT: usize = OWN_NAMES.len() + PLACE_NAMES.len() + NEIGHBOUR_NAMES.len();

/// Every feature's name, in row order.
pub static NAMES: [&str; COUNT] = concat(&[&OWN_NAMES, &PLACE_NAMES, &NEIGHBOUR_NAMES]);

const fn concat<const N: usize>(parts: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut k, mut p) = (0, 0);
    while p < parts.len() {
        let mut j = 0;
        while j < parts[p].len() {
            out[k] = parts[p][j];
            k += 1;
            j += 1;
        }
        p += 1;
    }
    assert!(k == N, "feature name count");
    out
}

/// Features stored as log2(1 + count), shown as the count in evidence.
const LOG_SCALED: [&str; 12] = [
    "chars",
    "words",
    "from_start",
    "from_end",
    "core_before",
    "core_after",
    "core_distance",
    "label_run",
    "label_run_at",
    "short_run",
    "repeats",
    "prefix_repeats",
];

/// Feature `f` with value `v` as evidence reads it: `name=value`, counts
/// rather than their logarithms.
pub fn shown(f: usize, v: f32) -> String {
    let name = NAMES[f];
    let base = name.rsplit('.').next().unwrap_or(name);
    let v = if LOG_SCALED.contains(&name) || (name.contains('.') && base == "chars") {
        (v.exp2() - 1.0).round()
    } else {
        v
    };
    if v.fract() == 0.0 {
        format!("{name}={v:.0}")
    } else {
        format!("{name}={v:.2}")
    }
}

/// A block of at least this many characters that ends a sentence is
/// "core" body: the body's edges are the first and last of them.
pub const CORE_CHARS: u32 = 100;
/// Lines shorter than this make a run of short lines.
const SHORT_LINE: u32 = 40;
/// Distances to removed blocks are counted up to this.
const FAR: usize = 8;

/// What the place and neighbour features read of each block.
struct Own {
    values: [f32; OWN_NAMES.len()],
    /// Hits of the boilerplate families (all but speech, piece, filler).
    furniture_words: u32,
    shape: Shape,
    label: bool,
    core: bool,
    link_density: f32,
}

/// The feature rows of every block of `doc`, one after the other.
pub fn rows(doc: &Doc, rules: &RuleSet) -> Vec<f32> {
    let mut roles = HashMap::new();
    let own: Vec<Own> = (0..doc.len())
        .map(|i| own(doc, i, rules, &mut roles))
        .collect();
    let place = Place::new(doc, &own);
    let mut out = Vec::with_capacity(doc.len() * COUNT);
    for i in 0..doc.len() {
        out.extend_from_slice(&own[i].values);
        place.push(doc, &own, i, &mut out);
        for d in NEIGHBOURS {
            neighbour(doc, &own, i.checked_add_signed(d), &mut out);
        }
    }
    out
}

fn own<'t>(doc: &'t Doc, i: usize, rules: &RuleSet, roles: &mut HashMap<&'t str, Roles>) -> Own {
    let f: &Facts = doc.facts[i];
    let s = shape(&doc.blocks[i].text);
    let share = |part: u32, whole: u32| {
        if whole == 0 {
            0.0
        } else {
            part as f32 / whole as f32
        }
    };
    let log = |v: u32| (1.0 + v as f32).log2();
    let b = |v: bool| f32::from(u8::from(v));
    let mut v = [0f32; OWN_NAMES.len()];
    let text = [
        log(s.chars),
        log(s.words),
        b(s.terminal),
        s.cells.min(20) as f32,
        b(s.ends_colon),
        b(s.ends_digit),
        share(s.upper, s.letters),
        share(s.capital_words, s.letter_words),
        b(s.first_upper),
        share(s.digits, s.chars),
        share(s.punct, s.chars),
        s.pipes.min(20) as f32,
        s.separators.min(20) as f32,
        b(s.url),
        b(s.email),
        b(s.handle),
        b(s.hashtag),
        s.emoji.min(5) as f32,
        s.brackets.min(5) as f32,
        b(s.wrapped),
        s.inner_stops.min(20) as f32,
        b(s.quotes),
        b(s.list_marker),
        b(s.indented),
        b(s.time),
        b(s.year),
        share(s.cjk, s.letters),
        share(s.letters, s.words),
        s.commas.min(20) as f32,
    ];
    v[..text.len()].copy_from_slice(&text);
    let mut k = text.len();
    for cue in [
        Cue::We,
        Cue::You,
        Cue::Ask,
        Cue::Money,
        Cue::Period,
        Cue::Thanks,
    ] {
        v[k] = b(f.has(cue));
        k += 1;
    }
    k = rule_hits(f, &mut v, k);
    let link_density = markup(doc, i, rules, roles, &mut v[k..]);
    k += MARKUP_FEATURES;
    let furniture_words = families(doc, i, &mut v[k..]);
    Own {
        values: v,
        furniture_words,
        shape: s,
        label: !s.terminal && s.chars as usize <= LABEL_MAX_CHARS,
        core: s.terminal && s.chars >= CORE_CHARS && link_density < 0.5,
        link_density,
    }
}

/// The rules' hits: one feature per role, then one per kind that any
/// role's hit (or `within` vocabulary) names. Returns the next index.
fn rule_hits(f: &Facts, v: &mut [f32], mut k: usize) -> usize {
    for hit in [&f.drop, &f.open, &f.close, &f.keep] {
        v[k] = f32::from(u8::from(hit.is_some()));
        k += 1;
    }
    v[k] = f.within.len() as f32;
    k += 1;
    let kinds = [&f.drop, &f.open, &f.close]
        .into_iter()
        .filter_map(|h| h.as_ref().and_then(|h| h.rule.kind))
        .chain(f.within.iter().copied());
    for kind in kinds {
        if let Some(p) = HIT_KINDS.iter().position(|&x| x == kind) {
            v[k + p] = 1.0;
        }
    }
    k + HIT_KINDS.len()
}

/// Markup features into `v` (all zero for text but the link density,
/// -1); returns the link density.
fn markup<'t>(
    doc: &'t Doc,
    i: usize,
    rules: &RuleSet,
    roles: &mut HashMap<&'t str, Roles>,
    v: &mut [f32],
) -> f32 {
    let Some(m) = doc.blocks[i].markup.as_deref() else {
        v[1] = -1.0;
        return 0.0;
    };
    v[0] = 1.0;
    v[1] = m.link_density;
    let tag = match m.tag.as_str() {
        "p" => 0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => 1,
        "li" | "dt" | "dd" => 2,
        "td" | "th" | "tr" => 3,
        "blockquote" | "q" => 4,
        "pre" | "code" => 5,
        "figcaption" | "caption" => 6,
        _ => 7,
    };
    v[2 + tag] = 1.0;
    let mut hints = 0u8;
    for t in &m.tokens {
        let r = *roles
            .entry(t.as_str())
            .or_insert_with(|| rules.markup.name_roles(t));
        for (bit, role) in [Roles::POSITIVE, Roles::NEGATIVE, Roles::UNLIKELY]
            .into_iter()
            .enumerate()
        {
            hints |= u8::from(r.has(role)) << bit;
        }
    }
    for bit in 0..3 {
        v[10 + bit] = f32::from((hints >> bit) & 1);
    }
    v[13] = f32::from(u8::from(m.in_furniture));
    m.link_density
}

/// Index of "family.uncovered" among the own features.
const FAMILY_UNCOVERED: usize = OWN_NAMES.len() - 2;

/// Markup features, as `markup` writes them.
const MARKUP_FEATURES: usize = 14;

/// The families that name boilerplate (not the body's voice or filler).
const FURNITURE: [Family; 14] = [
    Family::Share,
    Family::Related,
    Family::Republish,
    Family::Donate,
    Family::Subscribe,
    Family::Contact,
    Family::Credit,
    Family::Copyright,
    Family::Cookie,
    Family::Ad,
    Family::App,
    Family::Comment,
    Family::Navigation,
    Family::Editor,
];

/// Word-family features into `v`: hits per family (of the document's
/// languages), how many boilerplate families, the share of words no
/// boilerplate or filler word covers, and whether the block opens with a
/// boilerplate word in its plain form (an imperative, a label). Returns
/// the boilerplate families' hits.
fn families(doc: &Doc, i: usize, v: &mut [f32]) -> u32 {
    let hits = doc.facts[i].families.only(doc.langs);
    for (k, fam) in Family::ALL.into_iter().enumerate() {
        v[k] = f32::from(hits.count(fam).min(10));
    }
    let k = Family::COUNT;
    let furniture: u32 = FURNITURE.iter().map(|&f| u32::from(hits.count(f))).sum();
    v[k] = FURNITURE.iter().filter(|&&f| hits.has(f)).count() as f32;
    let norm = doc.blocks[i].norm.as_str();
    let words = doc.facts[i].words.max(1);
    let mut covering = FURNITURE.to_vec();
    covering.push(Family::Filler);
    let uncovered = hits.uncovered_words(norm, families::mask(&covering));
    v[k + 1] = uncovered.min(words) as f32 / words as f32;
    v[k + 2] =
        f32::from(u8::from(hits.spans().iter().any(|s| {
            s.start == 0 && s.exact && FURNITURE.contains(&s.family)
        })));
    furniture
}

/// One neighbour's features (all zero when there is none).
fn neighbour(doc: &Doc, own: &[Own], at: Option<usize>, out: &mut Vec<f32>) {
    let Some(o) = at.and_then(|k| own.get(k).map(|o| (k, o))) else {
        out.extend_from_slice(&[0.0; PER_NEIGHBOUR]);
        return;
    };
    let (k, o) = o;
    let s = &o.shape;
    let share = |part: u32, whole: u32| {
        if whole == 0 {
            0.0
        } else {
            part as f32 / whole as f32
        }
    };
    out.extend_from_slice(&[
        1.0,
        o.values[0],
        o.values[2],
        f32::from(u8::from(o.label)),
        o.link_density,
        share(s.capital_words, s.letter_words),
        share(s.digits, s.chars),
        f32::from(u8::from(s.list_marker)),
        s.pipes.min(20) as f32,
        f32::from(u8::from(doc.removed(k))),
        o.furniture_words.min(10) as f32,
    ]);
}

/// Document-wide facts the place features read.
struct Place {
    n: usize,
    total_chars: f32,
    /// Characters of the blocks before each block.
    chars_before: Vec<f32>,
    /// Core blocks before each block (and after, from the total).
    cores_before: Vec<u32>,
    cores: u32,
    /// For each block, the distance to the nearest core block.
    core_distance: Vec<usize>,
    /// For each block: length of its run of labels and its place in it.
    label_run: Vec<(u32, u32)>,
    short_run: Vec<u32>,
    colon_before: Vec<bool>,
    repeats: Vec<u32>,
    prefix_repeats: Vec<u32>,
    /// Nearest removed block before and after each block.
    removed_before: Vec<Option<usize>>,
    removed_after: Vec<Option<usize>>,
    /// Per block: the share of its words found in other core blocks and
    /// in any other block (-1 for a block without words).
    topic: Vec<(f32, f32)>,
    /// First and last block of the body's span (see `span`).
    span: (usize, usize),
    /// Nearest block before and after that is a label made of
    /// boilerplate words ("Comments", "Related stories", "Share").
    label_before: Vec<Option<usize>>,
    label_after: Vec<Option<usize>>,
}

impl Place {
    fn new(doc: &Doc, own: &[Own]) -> Place {
        let n = doc.len();
        let mut chars_before = Vec::with_capacity(n);
        let mut cores_before = Vec::with_capacity(n);
        let (mut chars, mut cores) = (0f32, 0u32);
        for o in own {
            chars_before.push(chars);
            cores_before.push(cores);
            chars += o.shape.chars as f32;
            cores += u32::from(o.core);
        }
        let (removed_before, removed_after) = nearest(n, |k| doc.removed(k));
        let family_label = |k: usize| {
            own[k].label && own[k].furniture_words > 0 && own[k].values[FAMILY_UNCOVERED] == 0.0
        };
        let (label_before, label_after) = nearest(n, family_label);
        Place {
            n,
            total_chars: chars.max(1.0),
            chars_before,
            cores_before,
            cores,
            core_distance: distances(n, |k| own[k].core),
            label_run: runs(n, |k| own[k].label),
            short_run: runs(n, |k| own[k].shape.chars < SHORT_LINE)
                .into_iter()
                .map(|(len, _)| len)
                .collect(),
            colon_before: colon_before(own),
            repeats: repeats(doc, |b| b.norm.as_str()),
            prefix_repeats: repeats(doc, prefix),
            removed_before,
            removed_after,
            topic: topic(doc, own),
            span: span(own),
            label_before,
            label_after,
        }
    }

    fn push(&self, doc: &Doc, own: &[Own], i: usize, out: &mut Vec<f32>) {
        let log = |v: usize| (1.0 + v as f32).log2();
        let chars = own[i].shape.chars as f32;
        let (run, at) = self.label_run[i];
        let signed_log = |d: isize| d.signum() as f32 * (1.0 + d.unsigned_abs() as f32).log2();
        let (start, end) = self.span;
        out.extend_from_slice(&[
            self.topic[i].0,
            self.topic[i].1,
            f32::from(u8::from(start <= i && i <= end)),
            signed_log(i as isize - start as isize),
            signed_log(i as isize - end as isize),
            log(i),
            log(self.n - 1 - i),
            if self.n > 1 {
                i as f32 / (self.n - 1) as f32
            } else {
                0.0
            },
            self.chars_before[i] / self.total_chars,
            (self.total_chars - self.chars_before[i] - chars).max(0.0) / self.total_chars,
            log(self.cores_before[i] as usize),
            log((self.cores - self.cores_before[i] - u32::from(own[i].core)) as usize),
            log(self.core_distance[i].min(1 << 16)),
            log(run as usize),
            log(at as usize),
            log(self.short_run[i] as usize),
            f32::from(u8::from(self.colon_before[i])),
            log(self.repeats[i] as usize),
            log(self.prefix_repeats[i] as usize),
        ]);
        let near = |k: Option<usize>, d: fn(usize, usize) -> usize| {
            k.map_or(FAR + 1, |k| d(i, k).min(FAR)) as f32
        };
        let before = self.removed_before[i];
        let after = self.removed_after[i];
        out.push(before.map_or(FAR + 1, |k| (i - k).min(FAR)) as f32);
        out.push(after.map_or(FAR + 1, |k| (k - i).min(FAR)) as f32);
        for near in [before, after] {
            let group = near.and_then(|k| doc.decided[k].as_ref().map(|r| group(r.kind)));
            for g in 0..GROUPS {
                out.push(f32::from(u8::from(group == Some(g))));
            }
        }
        out.push(near(self.label_before[i], |i, k| i - k));
        out.push(near(self.label_after[i], |i, k| k - i));
    }
}

/// A word's stem for topic overlap: its first five characters (words
/// shorter than four say little), or a pair of characters in scripts
/// written without spaces.
fn stems(norm: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for w in norm.split(|c: char| !c.is_alphanumeric()) {
        let mut idx = w.char_indices().map(|(k, _)| k).chain([w.len()]);
        if w.chars().any(|c| c as u32 >= 0x3040) {
            let ends: Vec<usize> = idx.collect();
            out.extend(ends.windows(3).map(|e| &w[e[0]..e[2]]));
            continue;
        }
        let count = w.chars().count();
        if count >= 4 {
            let end = idx.nth(5.min(count)).unwrap_or(w.len());
            out.push(&w[..end]);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Topic overlap of every block with the rest of the document: an
/// inserted headline, an ad or a teaser for another story shares few words
/// with the article's long sentences.
fn topic(doc: &Doc, own: &[Own]) -> Vec<(f32, f32)> {
    let words: Vec<Vec<&str>> = doc.blocks.iter().map(|b| stems(&b.norm)).collect();
    let mut in_core: HashMap<&str, u32> = HashMap::new();
    let mut in_doc: HashMap<&str, u32> = HashMap::new();
    for (k, ws) in words.iter().enumerate() {
        for &w in ws {
            *in_doc.entry(w).or_default() += 1;
            if own[k].core {
                *in_core.entry(w).or_default() += 1;
            }
        }
    }
    (words.iter().enumerate())
        .map(|(k, ws)| {
            if ws.is_empty() {
                return (-1.0, -1.0);
            }
            let me = u32::from(own[k].core);
            let core = ws
                .iter()
                .filter(|w| in_core.get(*w).copied().unwrap_or(0) > me);
            let other = ws.iter().filter(|w| in_doc[*w] > 1);
            let n = ws.len() as f32;
            (core.count() as f32 / n, other.count() as f32 / n)
        })
        .collect()
}

/// The body's span: the run of blocks with the most prose words net of
/// the words of short lines and labels (as Finn's body text extraction
/// does with text and tags). A subhead inside the body costs little; a
/// list of headlines or a menu at the edges costs more than it brings.
fn span(own: &[Own]) -> (usize, usize) {
    let (mut best, mut best_span) = (f32::MIN, (0, 0));
    let (mut sum, mut start) = (0f32, 0);
    for (k, o) in own.iter().enumerate() {
        let words = o.shape.words as f32;
        let prose = (o.shape.terminal && o.shape.words >= 8) || o.shape.words >= 30;
        let v = if prose { words } else { -(words / 2.0 + 2.0) };
        if sum <= 0.0 {
            sum = 0.0;
            start = k;
        }
        sum += v;
        if sum > best {
            best = sum;
            best_span = (start, k);
        }
    }
    best_span
}

/// Kinds of removed neighbours, in groups: asks, related, social,
/// footer, furniture, heading.
const GROUPS: usize = 6;

fn group(kind: Kind) -> usize {
    match kind {
        Kind::Appeal | Kind::Newsletter | Kind::Subscription | Kind::Promo => 0,
        Kind::Related => 1,
        Kind::Share | Kind::Author => 2,
        Kind::Republish | Kind::Copyright | Kind::Credit | Kind::Cookie | Kind::Ad => 3,
        Kind::Navigation | Kind::Outside => 4,
        Kind::Heading => 5,
    }
}

/// For each block, the nearest block before and after it (not itself)
/// that passes `pick`.
fn nearest(n: usize, pick: impl Fn(usize) -> bool) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut before = vec![None; n];
    let mut after = vec![None; n];
    let mut last = None;
    for (k, b) in before.iter_mut().enumerate() {
        *b = last;
        if pick(k) {
            last = Some(k);
        }
    }
    last = None;
    for (k, a) in after.iter_mut().enumerate().rev() {
        *a = last;
        if pick(k) {
            last = Some(k);
        }
    }
    (before, after)
}

/// For each block, the distance to the nearest block passing `pick` (0
/// for those themselves; `usize::MAX` when there is none).
fn distances(n: usize, pick: impl Fn(usize) -> bool) -> Vec<usize> {
    let (before, after) = nearest(n, &pick);
    (0..n)
        .map(|k| {
            if pick(k) {
                return 0;
            }
            let b = before[k].map_or(usize::MAX, |p| k - p);
            let a = after[k].map_or(usize::MAX, |q| q - k);
            b.min(a)
        })
        .collect()
}

/// For each block: the length of the run of consecutive blocks passing
/// `member` it stands in and its place in the run from 1 (0, 0 outside).
fn runs(n: usize, member: impl Fn(usize) -> bool) -> Vec<(u32, u32)> {
    let mut out = vec![(0, 0); n];
    let mut k = 0;
    while k < n {
        if !member(k) {
            k += 1;
            continue;
        }
        let start = k;
        while k < n && member(k) {
            k += 1;
        }
        for (at, o) in out[start..k].iter_mut().enumerate() {
            *o = ((k - start) as u32, at as u32 + 1);
        }
    }
    out
}

/// Whether a label ending in a colon stands earlier in the block's run of
/// labels ("Share:" then one-word lines).
fn colon_before(own: &[Own]) -> Vec<bool> {
    let mut out = vec![false; own.len()];
    let mut seen = false;
    for (k, o) in own.iter().enumerate() {
        out[k] = seen && o.label;
        seen = if o.label {
            seen || o.shape.ends_colon
        } else {
            false
        };
    }
    out
}

/// For each block, how many other blocks have the same `key`.
fn repeats<'d>(doc: &'d Doc, key: impl Fn(&'d crate::model::Block) -> &'d str) -> Vec<u32> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for b in &doc.blocks {
        *counts.entry(key(b)).or_default() += 1;
    }
    doc.blocks
        .iter()
        .map(|b| {
            let k = key(b);
            if k.is_empty() { 0 } else { counts[k] - 1 }
        })
        .collect()
}

/// The first three words of a block's normal form, when it has more.
fn prefix(b: &crate::model::Block) -> &str {
    let norm = b.norm.as_str();
    match norm.match_indices(' ').nth(2) {
        Some((at, _)) => &norm[..at],
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for n in NAMES {
            assert!(seen.insert(n), "{n} twice");
        }
    }

    #[test]
    fn indices_and_evidence_name_the_right_features() {
        assert_eq!(NAMES[FAMILY_UNCOVERED], "family.uncovered");
        let chars = NAMES.iter().position(|n| *n == "chars").unwrap();
        assert_eq!(shown(chars, 13f32.log2()), "chars=12");
        let prev = NAMES.iter().position(|n| *n == "prev1.chars").unwrap();
        assert_eq!(shown(prev, 3f32.log2()), "prev1.chars=2");
        let share = NAMES.iter().position(|n| *n == "digit_share").unwrap();
        assert_eq!(shown(share, 0.25), "digit_share=0.25");
    }

    #[test]
    fn runs_and_distances() {
        let member = [false, true, true, false, true];
        assert_eq!(
            runs(5, |k| member[k]),
            [(0, 0), (2, 1), (2, 2), (0, 0), (1, 1)]
        );
        assert_eq!(distances(5, |k| k == 3), [3, 2, 1, 0, 1]);
    }
}
