//! Word families: the vocabulary of each kind of boilerplate by concept
//! (share, related, republish, donate, ...), per language, found in a
//! block's normal form in one pass for all languages at once.
//!
//! Families are evidence, never decisions: a block that names "share" or
//! "newsletter" is often news. The stages that decide combine a block's
//! families with its shape (a short label, a line of network names, a
//! sentence that addresses the reader); see `furniture`.
//!
//! # The data files
//!
//! `rules/<lang>/families.words`, compiled in (`build.rs` lists them):
//!
//! ```text
//! # A comment. Blank lines are ignored.
//! @lang en                         # the language (an id for the hits)
//! @match stem english              # how words meet their inflections
//! share: share, =x, =email, whatsapp
//! related: related, see also, read also, more on this
//! ```
//!
//! A line `FAMILY: ENTRY, ENTRY, ...` adds entries to a family (a family
//! may have several lines). An entry is a word or a phrase, written as in
//! the normal form (lowercase; see `normalize`). How the last word of an
//! entry meets its inflected forms is the file's `@match`:
//! - `stem ALGORITHM` (a Snowball stemmer of the `rust-stemmers` crate:
//!   english, german, french, spanish, italian, portuguese, russian,
//!   dutch, ...): any word with the same stem ("shares", "shared",
//!   "sharing" meet "share").
//! - `prefix`: any word that begins with the entry (write the stem:
//!   Ukrainian "підпиш" meets "підпишіться").
//! - `substring`: the entry anywhere, without word boundaries (Chinese and
//!   Japanese, written without spaces).
//!
//! Two marks override the file's mode for one entry: `=word` is the word
//! exactly (network names, short words: `=x`), `word*` any word that
//! begins with it. The words of a phrase before its last are matched
//! exactly, one space apart; list the variants that matter. Every entry
//! but a substring one starts at a word boundary.
//!
//! The families are the [`Family`] variants; three of them are not
//! boilerplate but help tell it from body: `speech` (reporting verbs:
//! said, argued), `piece` (words naming the piece or the outlet's work:
//! story, article, journalism) and `filler` (function words a label holds
//! besides its family words: this, the, our, on).
//!
//! # Matching
//!
//! Each entry becomes one key of an Aho-Corasick automaton: the entry with
//! its last word cut to the part it shares with its stem (`happy`, stem
//! `happi`, gives `happ`). One overlapping pass finds every key; a key at
//! a word boundary is confirmed by its entries: an exact word must end
//! there, a stemmed one must stem to the entry's stem (only inflected
//! forms are stemmed, and only where a key was found).

use crate::error::Error;
use crate::normalize::normalize;
use crate::rules::{EveryMatch, is_word_char};
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_words.rs"));
}

/// A concept whose words signal a kind of boilerplate (or, for the last
/// three, body and label shape).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// Share verbs and network names: share, tweet, Facebook, WhatsApp.
    Share,
    /// Related, see also, read also, more on this, most read.
    Related,
    /// Republish, syndication, licence, originally published.
    Republish,
    /// Donate, support, member, contribute, gift, chip in.
    Donate,
    /// Subscribe, newsletter, inbox, sign up, alerts, channel.
    Subscribe,
    /// Contact, tip, write to, follow.
    Contact,
    /// Photo, file photo, credit, agency names.
    Credit,
    /// Copyright, rights reserved.
    Copyright,
    /// Cookies, consent, privacy.
    Cookie,
    /// Advertisement, sponsored, affiliate.
    Ad,
    /// App, download, notifications.
    App,
    /// Comments, reply, report this comment, posted by.
    Comment,
    /// Home, menu, next, previous, back to top, tags, categories.
    Navigation,
    /// Editor stamps: edited by, editor, 责任编辑.
    Editor,
    /// Reporting verbs (said, told, argued, according to): body's voice.
    Speech,
    /// Words naming the piece or the outlet's work: story, article,
    /// journalism, newsroom.
    Piece,
    /// Function words a label holds besides its family words.
    Filler,
}

impl Family {
    /// How many families there are: the length of a [`Counts`].
    pub const COUNT: usize = 17;

    /// Every family, in declaration order (the index order of [`Counts`]).
    pub const ALL: [Family; Family::COUNT] = [
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
        Family::Speech,
        Family::Piece,
        Family::Filler,
    ];

    /// The family's name in the data files.
    pub fn name(self) -> &'static str {
        match self {
            Family::Share => "share",
            Family::Related => "related",
            Family::Republish => "republish",
            Family::Donate => "donate",
            Family::Subscribe => "subscribe",
            Family::Contact => "contact",
            Family::Credit => "credit",
            Family::Copyright => "copyright",
            Family::Cookie => "cookie",
            Family::Ad => "ad",
            Family::App => "app",
            Family::Comment => "comment",
            Family::Navigation => "navigation",
            Family::Editor => "editor",
            Family::Speech => "speech",
            Family::Piece => "piece",
            Family::Filler => "filler",
        }
    }

    pub fn from_name(name: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.name() == name)
    }

    fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// Hits per family, indexed by `Family as usize` (saturating at 255).
pub type Counts = [u8; Family::COUNT];

/// One confirmed hit: the byte span in the normal form (from the entry's
/// first character to the end of the word it ends in) and its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub family: Family,
    /// The word as the entry writes it, uninflected ("support", not
    /// "supporters"): where a sentence opens with it, an imperative.
    pub exact: bool,
    /// The language of the entry (an index of [`languages`]).
    pub lang: u8,
    /// The entry means the same in every language (a name written with
    /// `=`, a substring entry).
    pub neutral: bool,
}

/// The family words found in one block.
#[derive(Debug, Clone, Default)]
pub struct FamilyHits {
    counts: Counts,
    spans: Vec<Span>,
    langs: u32,
}

impl FamilyHits {
    /// Hits of `family` (positions where one of its entries ends).
    pub fn count(&self, family: Family) -> u8 {
        self.counts[family as usize]
    }

    pub fn has(&self, family: Family) -> bool {
        self.count(family) > 0
    }

    /// Hits of every family, indexed by `Family as usize`.
    #[allow(
        dead_code,
        reason = "the interface of the learned block scorer (issue 12)"
    )]
    pub fn counts(&self) -> &Counts {
        &self.counts
    }

    /// Every hit, in the order found (by end position).
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// Languages whose entries (other than `filler`) matched, a bit per
    /// index of [`languages`].
    #[allow(
        dead_code,
        reason = "the interface of the learned block scorer (issue 12)"
    )]
    pub fn langs(&self) -> u32 {
        self.langs
    }

    /// The hits that come from the languages in the bit set `langs` (see
    /// [`languages`]) or mean the same in all. Words and stems of cognates
    /// meet across languages (Spanish "reportar" and English "report"
    /// share a stem, French "application" is the English word): where the
    /// document's language is known, its words decide.
    pub fn only(&self, langs: u32) -> FamilyHits {
        let mut out = FamilyHits::default();
        for s in &self.spans {
            if s.neutral || langs & (1 << s.lang) != 0 {
                let c = &mut out.counts[s.family as usize];
                *c = c.saturating_add(1);
                out.langs |= 1 << s.lang;
                out.spans.push(*s);
            }
        }
        out
    }

    /// Function-word hits per language, added to `per_lang` (indexed as
    /// [`languages`]): the evidence for a document's language.
    pub fn add_filler_by_lang(&self, per_lang: &mut [u32; 32]) {
        for s in self.spans.iter().filter(|s| s.family == Family::Filler) {
            per_lang[s.lang as usize] += 1;
        }
    }

    /// The distinct words of `family` found in `norm`, joined for evidence
    /// (at most `max`).
    pub fn words(&self, family: Family, norm: &str, max: usize) -> String {
        let mut out: Vec<&str> = Vec::new();
        for s in self.spans.iter().filter(|s| s.family == family) {
            let w = norm.get(s.start as usize..s.end as usize).unwrap_or("");
            if !out.contains(&w) && out.len() < max {
                out.push(w);
            }
        }
        out.join(", ")
    }

    /// How many words of `text` (runs of word characters; `text` is the
    /// normal form the hits were found in, or a prefix of it) no hit of
    /// the given families covers. Numbers count as covered (a count or a
    /// date: "12 comments", "1 of 12"). A label whose every word is
    /// covered is made of family words alone.
    pub fn uncovered_words(&self, text: &str, families: u32) -> usize {
        let mut uncovered = 0;
        let mut word_start = None;
        let mut count = |start: usize, end: usize| {
            let at = start as u32;
            let number = text[start..end].bytes().all(|b| b.is_ascii_digit());
            let covered = number
                || self
                    .spans
                    .iter()
                    .any(|s| families & s.family.bit() != 0 && s.start <= at && at < s.end);
            uncovered += usize::from(!covered);
        };
        for (i, c) in text.char_indices() {
            match (is_word_char(c), word_start) {
                (true, None) => word_start = Some(i),
                (false, Some(s)) => {
                    count(s, i);
                    word_start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = word_start {
            count(s, text.len());
        }
        uncovered
    }
}

/// A set of families as a bit mask, for [`FamilyHits::uncovered_words`].
pub fn mask(families: &[Family]) -> u32 {
    families.iter().fold(0, |m, f| m | f.bit())
}

/// The families of the built-in word files found in `norm`, a normal
/// form (see `normalize`).
pub fn find(norm: &str) -> FamilyHits {
    BUILTIN.find(norm)
}

/// Hits per family of the built-in word files in `norm`.
#[allow(
    dead_code,
    reason = "the interface of the learned block scorer (issue 12)"
)]
pub fn count(norm: &str) -> Counts {
    BUILTIN.find(norm).counts
}

/// The languages of the built-in word files, in the bit order of
/// [`FamilyHits::langs`].
#[allow(
    dead_code,
    reason = "the interface of the learned block scorer (issue 12)"
)]
pub fn languages() -> &'static [String] {
    &BUILTIN.langs
}

/// Built on first use: ~14 files of a few hundred entries each.
static BUILTIN: LazyLock<Families> = LazyLock::new(|| {
    Families::load(builtin::FILES.iter().copied()).expect("built-in word files are valid (tested)")
});

/// How an entry's last word is confirmed where its key was found.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tail {
    /// The key is the whole word.
    Exact,
    /// The key begins the word.
    Prefix,
    /// The word stems (by stemmer `stemmer`) to `stem`; `word` is the
    /// entry's own last word, which needs no stemming. `at` is where the
    /// last word starts in the key.
    Stem {
        stemmer: u8,
        at: u32,
        word: Box<str>,
        stem: Box<str>,
    },
    /// Anywhere, without boundaries.
    Substring,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    family: Family,
    lang: u8,
    tail: Tail,
    /// Written with `=` or matched as a substring: a name or a string
    /// that means the same in every language.
    neutral: bool,
}

/// All word files' entries, compiled into two automata.
///
/// Most keys start at a word boundary. They are searched in the block's
/// separated form (see [`separated`]), where every character that is not
/// part of a word is a space and a space stands at each end: a key is a
/// space and the entry (an exact word also ends in a space), so the
/// automaton reports keys only where a word begins, and whole words only
/// where they end. Substring entries and keys that begin with a sign
/// (`©`) are searched in the normal form itself.
pub struct Families {
    words: Keys,
    loose: Keys,
    stemmers: Vec<Stemmer>,
    langs: Vec<String>,
}

/// One automaton's keys and the entries each key stands for.
struct Keys {
    ac: Option<EveryMatch>,
    /// Entries of key `k`: `entries[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    entries: Vec<Entry>,
}

type KeyMap = std::collections::BTreeMap<String, Vec<Entry>>;

impl Keys {
    fn new(keys: &KeyMap) -> Result<Keys, Error> {
        let mut starts = Vec::with_capacity(keys.len() + 1);
        let mut entries: Vec<Entry> = Vec::new();
        for list in keys.values() {
            let first = entries.len();
            starts.push(first as u32);
            for e in list {
                if !entries[first..].contains(e) {
                    entries.push(e.clone());
                }
            }
        }
        starts.push(entries.len() as u32);
        let ac = if keys.is_empty() {
            None
        } else {
            Some(EveryMatch::new(keys.keys()).map_err(|e| word_error("(word families)", 0, e))?)
        };
        Ok(Keys {
            ac,
            starts,
            entries,
        })
    }

    fn entries(&self, k: usize) -> &[Entry] {
        &self.entries[self.starts[k] as usize..self.starts[k + 1] as usize]
    }
}

impl std::fmt::Debug for Families {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Families")
            .field("word_entries", &self.words.entries.len())
            .field("loose_entries", &self.loose.entries.len())
            .field("langs", &self.langs)
            .finish()
    }
}

/// How a file's plain entries meet their inflections.
#[derive(Debug, Clone, Copy)]
enum Mode {
    Stem(u8),
    Prefix,
    Substring,
}

/// `norm` with every character that is not part of a word replaced by as
/// many spaces as it has bytes, and a space before and after: byte `i + 1`
/// of the result stands for byte `i` of `norm`.
fn separated(norm: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(norm.len() + 2);
    out.push(b' ');
    let bytes = norm.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let ascii = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(bytes.len() - i);
        // A run of ASCII by the table (`& 0x7f`: no bounds check), then
        // the apostrophes that join a word and its clitic put back.
        let run = &bytes[i..i + ascii];
        let from = out.len();
        out.extend(run.iter().map(|&b| WORD_BYTE[usize::from(b & 0x7f)]));
        for p in memchr::memchr_iter(b'\'', run) {
            if clitic(bytes, i + p) {
                out[from + p] = b'\'';
            }
        }
        i += ascii;
        let Some(c) = norm[i..].chars().next() else {
            break;
        };
        let n = c.len_utf8();
        if is_letter_fast(c) {
            out.extend_from_slice(&bytes[i..i + n]);
        } else {
            out.extend(std::iter::repeat_n(b' ', n));
        }
        i += n;
    }
    out.push(b' ');
    out
}

/// Whether the apostrophe at `bytes[at]` joins a word and a clitic of one
/// or two letters ("don't", "editor's", "we'll"), which [`separated`]
/// keeps as one word, rather than an elided article that starts the next
/// word ("l'article", "dell'anno"), which it splits.
fn clitic(bytes: &[u8], at: usize) -> bool {
    let before = at > 0 && bytes[at - 1].is_ascii_alphanumeric();
    let tail = bytes[at + 1..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let after = bytes.get(at + 1 + tail);
    before
        && (1..=2).contains(&tail)
        && after.is_none_or(|b| !b.is_ascii_alphanumeric() && *b < 0x80)
}

/// Each ASCII byte as [`separated`] writes it: itself in a word, else a
/// space.
const WORD_BYTE: [u8; 128] = {
    let mut t = [b' '; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c == b'_' {
            t[b] = c;
        }
        b += 1;
    }
    t
};

/// A key for the separated form: the leading space, then the entry.
fn separated_key(key: &str) -> String {
    let sep = separated(key);
    String::from_utf8_lossy(&sep).trim_end().to_string()
}

/// [`is_word_char`] for a non-ASCII character, answered without a table
/// search for the blocks of the languages served (their letters and
/// marks are all word characters), and by the table elsewhere.
fn is_letter_fast(c: char) -> bool {
    match c as u32 {
        0xD7 | 0xF7 => false,
        0xC0..=0x24F => true,
        0x400..=0x481 | 0x48A..=0x52F => true,
        0x905..=0x939 | 0x93E..=0x94D | 0x958..=0x961 => true,
        0x3041..=0x3096 | 0x30A1..=0x30FA | 0x4E00..=0x9FFF => true,
        _ => is_word_char(c),
    }
}

impl Families {
    /// Reads word files given as `(name, contents)`.
    pub fn load<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Families, Error> {
        let mut keys = KeyMap::new();
        let mut stemmers: Vec<(Algorithm, Stemmer)> = Vec::new();
        let mut langs: Vec<String> = Vec::new();
        for (name, contents) in files {
            parse_file(name, contents, &mut stemmers, &mut langs, &mut keys)?;
        }
        let mut words = KeyMap::new();
        let mut loose = KeyMap::new();
        for (key, list) in keys {
            let starts_word = key.chars().next().is_some_and(is_word_char);
            for e in list {
                let pattern = match e.tail {
                    Tail::Substring => None,
                    _ if !starts_word => None,
                    Tail::Exact => Some(format!("{} ", separated_key(&key))),
                    _ => Some(separated_key(&key)),
                };
                match pattern {
                    Some(p) => words.entry(p).or_default().push(e),
                    None => loose.entry(key.clone()).or_default().push(e),
                }
            }
        }
        Ok(Families {
            words: Keys::new(&words)?,
            loose: Keys::new(&loose)?,
            stemmers: stemmers.into_iter().map(|(_, s)| s).collect(),
            langs,
        })
    }

    /// The family words in `norm`.
    pub fn find(&self, norm: &str) -> FamilyHits {
        let mut hits = FamilyHits::default();
        if let Some(ac) = &self.words.ac {
            let sep = separated(norm);
            for m in ac.find_overlapping_iter(&sep) {
                // The key's leading space is the byte before the word.
                let start = m.start();
                let exact = sep[m.end() - 1] == b' ';
                let end = if exact { m.end() - 2 } else { m.end() - 1 };
                // A space of the separated form can stand for a byte
                // inside a sign of several bytes: such a key is no word.
                if !norm.is_char_boundary(start) || !norm.is_char_boundary(end) {
                    continue;
                }
                self.confirm(
                    self.words.entries(m.pattern().as_usize()),
                    norm,
                    start,
                    end,
                    true,
                    &mut hits,
                );
            }
        }
        if let Some(ac) = &self.loose.ac {
            for m in ac.find_overlapping_iter(norm.as_bytes()) {
                let before = norm[..m.start()].chars().next_back();
                let at_word_start = before.is_none_or(|c| !is_word_char(c))
                    || !norm[m.start()..].starts_with(is_word_char);
                self.confirm(
                    self.loose.entries(m.pattern().as_usize()),
                    norm,
                    m.start(),
                    m.end(),
                    at_word_start,
                    &mut hits,
                );
            }
        }
        hits
    }

    /// Records the entries of a key found at `start..end` of `norm` that
    /// hold there: each family once per key.
    fn confirm(
        &self,
        entries: &[Entry],
        norm: &str,
        start: usize,
        end: usize,
        at_word_start: bool,
        hits: &mut FamilyHits,
    ) {
        let word_goes_on = norm[end..].chars().next().is_some_and(is_word_char);
        let word_end = || {
            end + norm[end..]
                .char_indices()
                .find(|&(_, c)| !is_word_char(c))
                .map_or(norm.len() - end, |(i, _)| i)
        };
        let mut seen = 0u32;
        for e in entries {
            if seen & e.family.bit() != 0 {
                continue;
            }
            let mut exact = true;
            let span_end = match &e.tail {
                Tail::Substring => end,
                _ if !at_word_start => continue,
                Tail::Exact if word_goes_on => continue,
                Tail::Exact => end,
                Tail::Prefix => {
                    exact = !word_goes_on;
                    word_end()
                }
                Tail::Stem {
                    stemmer,
                    at,
                    word,
                    stem,
                } => {
                    let word_end = word_end();
                    let w = &norm[start + *at as usize..word_end];
                    let ok = w == &**word
                        || (w.len() <= word.len() + MAX_ENDING && self.stem_is(*stemmer, w, stem));
                    if !ok {
                        continue;
                    }
                    exact = w == &**word;
                    word_end
                }
            };
            seen |= e.family.bit();
            // Another key of the family found at the same place (the same
            // word listed in two languages, "share" within "share this")
            // is the same hit: it only widens the span.
            if let Some(s) = hits
                .spans
                .iter_mut()
                .rev()
                .take_while(|s| s.start + 64 >= start as u32)
                .find(|s| s.family == e.family && s.start == start as u32)
            {
                s.end = s.end.max(span_end as u32);
                s.exact |= exact;
                s.neutral |= e.neutral;
                continue;
            }
            let c = &mut hits.counts[e.family as usize];
            *c = c.saturating_add(1);
            if e.family != Family::Filler {
                hits.langs |= 1 << e.lang;
            }
            hits.spans.push(Span {
                start: start as u32,
                end: span_end as u32,
                family: e.family,
                exact,
                lang: e.lang,
                neutral: e.neutral,
            });
        }
    }
}

impl Families {
    /// Whether stemmer `k` stems `word` to `stem`. The stems of the words
    /// a thread has met are kept: the words that begin like a family word
    /// are few and recur from document to document, and a stemmer costs
    /// thousands of instructions a word.
    fn stem_is(&self, k: u8, word: &str, stem: &str) -> bool {
        STEMS.with_borrow_mut(|cache| {
            if cache.len() >= STEM_CACHE {
                cache.clear();
            }
            let key = (k, word);
            if let Some(s) = cache.get(&key as &dyn StemKey) {
                return &**s == stem;
            }
            let s: Box<str> = self.stemmers[k as usize].stem(word).into();
            let same = &*s == stem;
            cache.insert((k, word.into()), s);
            same
        })
    }
}

/// Words whose stems a thread keeps before it starts again.
const STEM_CACHE: usize = 1 << 14;

thread_local! {
    static STEMS: std::cell::RefCell<StemCache> = std::cell::RefCell::new(StemCache::default());
}

type StemCache = std::collections::HashMap<(u8, Box<str>), Box<str>, foldhash::fast::RandomState>;

/// Looks up `(stemmer, word)` keys by borrowed words.
trait StemKey {
    fn key(&self) -> (u8, &str);
}

impl StemKey for (u8, Box<str>) {
    fn key(&self) -> (u8, &str) {
        (self.0, &self.1)
    }
}

impl StemKey for (u8, &str) {
    fn key(&self) -> (u8, &str) {
        *self
    }
}

impl<'a> std::borrow::Borrow<dyn StemKey + 'a> for (u8, Box<str>) {
    fn borrow(&self) -> &(dyn StemKey + 'a) {
        self
    }
}

impl PartialEq for dyn StemKey + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for dyn StemKey + '_ {}

impl std::hash::Hash for dyn StemKey + '_ {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state)
    }
}

/// Stems shorter than this are matched as their entry's word exactly.
const SHORTEST_STEM: usize = 4;

/// A form is at most this many bytes longer than its entry's word: longer
/// words are other words ("shareholders" is no form of "share"), and are
/// not stemmed.
const MAX_ENDING: usize = 12;

fn word_error(name: &str, line: usize, e: impl std::fmt::Display) -> Error {
    Error::Rule {
        source_name: name.to_string(),
        line,
        message: e.to_string(),
    }
}

/// The Snowball algorithm named in a `@match stem NAME` line.
fn algorithm(name: &str) -> Option<Algorithm> {
    Some(match name {
        "arabic" => Algorithm::Arabic,
        "danish" => Algorithm::Danish,
        "dutch" => Algorithm::Dutch,
        "english" => Algorithm::English,
        "finnish" => Algorithm::Finnish,
        "french" => Algorithm::French,
        "german" => Algorithm::German,
        "greek" => Algorithm::Greek,
        "hungarian" => Algorithm::Hungarian,
        "italian" => Algorithm::Italian,
        "norwegian" => Algorithm::Norwegian,
        "portuguese" => Algorithm::Portuguese,
        "romanian" => Algorithm::Romanian,
        "russian" => Algorithm::Russian,
        "spanish" => Algorithm::Spanish,
        "swedish" => Algorithm::Swedish,
        "tamil" => Algorithm::Tamil,
        "turkish" => Algorithm::Turkish,
        _ => return None,
    })
}

/// Reads one word file's entries into `keys`.
fn parse_file(
    name: &str,
    contents: &str,
    stemmers: &mut Vec<(Algorithm, Stemmer)>,
    langs: &mut Vec<String>,
    keys: &mut std::collections::BTreeMap<String, Vec<Entry>>,
) -> Result<(), Error> {
    let dir = std::path::Path::new(name)
        .parent()
        .and_then(|p| p.to_str())
        .unwrap_or("");
    let mut lang = lang_index(langs, if dir.is_empty() { name } else { dir });
    let mut mode = None;
    for (n, raw) in contents.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(l) = line.strip_prefix("@lang") {
            lang = lang_index(langs, l.trim());
            continue;
        }
        if let Some(m) = line.strip_prefix("@match") {
            mode = Some(parse_mode(m.trim(), stemmers).ok_or_else(|| {
                word_error(name, n + 1, format!("unknown @match {:?}", m.trim()))
            })?);
            continue;
        }
        let (family, list) = line
            .split_once(':')
            .ok_or_else(|| word_error(name, n + 1, "expected `FAMILY: ENTRY, ENTRY, ...`"))?;
        let family = Family::from_name(family.trim()).ok_or_else(|| {
            word_error(name, n + 1, format!("unknown family {:?}", family.trim()))
        })?;
        let mode = mode.ok_or_else(|| word_error(name, n + 1, "no `@match` line before"))?;
        for raw in list.split(',') {
            let raw = raw.trim();
            if raw.is_empty() {
                continue;
            }
            let neutral = raw.starts_with('=') || matches!(mode, Mode::Substring);
            // Function words are short and many: matched as written, they
            // need no stemming and meet no longer word.
            let raw = match family {
                Family::Filler if !raw.starts_with('=') && mode_stems(mode) => format!("={raw}"),
                _ => raw.to_string(),
            };
            let (key, tail) = entry(&raw, mode, stemmers)
                .ok_or_else(|| word_error(name, n + 1, format!("empty entry {raw:?}")))?;
            keys.entry(key).or_default().push(Entry {
                family,
                lang,
                tail,
                neutral,
            });
        }
    }
    Ok(())
}

/// A letter without its accents (the first character of its canonical
/// decomposition).
fn base_letter(c: char) -> char {
    std::iter::once(c).nfd().next().unwrap_or(c)
}

fn mode_stems(mode: Mode) -> bool {
    matches!(mode, Mode::Stem(_))
}

fn lang_index(langs: &mut Vec<String>, lang: &str) -> u8 {
    match langs.iter().position(|l| l == lang) {
        Some(i) => i as u8,
        None => {
            langs.push(lang.to_string());
            (langs.len() - 1) as u8
        }
    }
}

fn parse_mode(m: &str, stemmers: &mut Vec<(Algorithm, Stemmer)>) -> Option<Mode> {
    let mut words = m.split_whitespace();
    Some(match (words.next()?, words.next(), words.next()) {
        ("prefix", None, None) => Mode::Prefix,
        ("substring", None, None) => Mode::Substring,
        ("stem", Some(alg), None) => {
            let alg = algorithm(alg)?;
            let i = match stemmers.iter().position(|(a, _)| *a == alg) {
                Some(i) => i,
                None => {
                    stemmers.push((alg, Stemmer::create(alg)));
                    stemmers.len() - 1
                }
            };
            Mode::Stem(i as u8)
        }
        _ => return None,
    })
}

/// The automaton key and tail check of one entry as written.
fn entry(raw: &str, mode: Mode, stemmers: &[(Algorithm, Stemmer)]) -> Option<(String, Tail)> {
    let (raw, exact) = match raw.strip_prefix('=') {
        Some(r) => (r, true),
        None => (raw, false),
    };
    let (raw, prefix) = match raw.strip_suffix('*') {
        Some(r) => (r, true),
        None => (raw, false),
    };
    let text = normalize(raw);
    if text.is_empty() {
        return None;
    }
    let tail = match (exact, prefix, mode) {
        (true, _, _) => Tail::Exact,
        (_, true, _) | (_, _, Mode::Prefix) => Tail::Prefix,
        (_, _, Mode::Substring) => Tail::Substring,
        (_, _, Mode::Stem(s)) => {
            let at = text.rfind(' ').map_or(0, |i| i + 1);
            let word = &text[at..];
            let stem = stemmers[s as usize].1.stem(word).into_owned();
            // A stem of three letters or fewer meets too many words of
            // other languages ("topo" stems to "top"): such an entry is
            // its word exactly.
            if stem.chars().count() < SHORTEST_STEM {
                return Some((text, Tail::Exact));
            }
            // The key is what the word and its stem share, letters
            // compared without their accents (the stemmers fold them:
            // "síguenos" stems to "siguen", "menü" to "menu"): "síguen".
            // English stems restore a final e that forms drop ("share",
            // "sharing"), so the key stops before it. The stemmers used
            // here only cut and respell endings, so every form that stems
            // alike begins with the key.
            let shared: Vec<(usize, char)> = word
                .char_indices()
                .zip(stem.chars())
                .take_while(|((_, a), b)| base_letter(*a) == base_letter(*b))
                .map(|(ia, _)| ia)
                .collect();
            let common = match shared.len() {
                0 => word.chars().next().map_or(0, char::len_utf8),
                n if n > 3 && stem.ends_with('e') && n == stem.chars().count() => shared[n - 1].0,
                n => shared[n - 1].0 + shared[n - 1].1.len_utf8(),
            };
            let key = text[..at + common].to_string();
            return Some((
                key,
                Tail::Stem {
                    stemmer: s,
                    at: at as u32,
                    word: word.into(),
                    stem: stem.into(),
                },
            ));
        }
    };
    Some((text, tail))
}

#[cfg(test)]
mod tests;
