//! Context-free facts about one block: its shape, the rules that match it
//! and the cues it carries. Everything later stages decide is read from
//! here.

use super::families::{self, Family, FamilyHits};
use crate::model::Block;
use crate::model::Kind;
use crate::rules::{Cue, Hit, Role, RuleSet};

/// Blocks shorter than this many characters are "short".
pub const SHORT_CHARS: usize = 60;
/// Blocks that end no sentence and are at most this long read as labels or
/// headlines ("doubtful" in jusText's terms).
pub const LABEL_MAX_CHARS: usize = 120;
/// Appeal paragraphs are compact; longer blocks are not appeals on their
/// own (they can still be part of a region).
pub const STRONG_MAX_CHARS: usize = 600;
/// A `drop` rule without its own limit applies to blocks up to this long,
/// or to longer blocks when the match covers half of them.
pub const DROP_MAX_CHARS: usize = 300;

/// What is known of a block before looking at its neighbours.
#[derive(Debug, Default)]
pub struct Facts<'r> {
    pub chars: usize,
    pub words: usize,
    /// Ends a sentence (. ! ? … or a closing quote after one).
    pub terminal: bool,
    // The hits are boxed: few blocks have any, and every block carries
    // the four fields (a pointer each rather than a whole hit).
    pub drop: Option<Box<Hit<'r>>>,
    pub open: Option<Box<Hit<'r>>>,
    pub close: Option<Box<Hit<'r>>>,
    pub keep: Option<Box<Hit<'r>>>,
    /// Kinds whose `within` vocabulary the block uses, each once.
    pub within: Vec<Kind>,
    /// Bit set of [`Cue`]s found outside quotations.
    pub cues: u8,
    /// The first matched phrase per cue, for evidence.
    pub cue_evidence: Vec<(Cue, String)>,
    /// Length of the normal form in bytes.
    pub norm_bytes: usize,
    /// The word families the block's words belong to (see `families`).
    pub families: FamilyHits,
    /// An ask told by its words (see [`family_ask`]): the donate words
    /// it opens with, for evidence.
    pub family_ask: Option<String>,
}

impl Facts<'_> {
    pub fn has(&self, cue: Cue) -> bool {
        self.cues & cue.bit() != 0
    }

    /// Short and not a sentence: a label, button, headline or menu item.
    pub fn is_label(&self) -> bool {
        !self.terminal && self.chars <= LABEL_MAX_CHARS
    }

    pub fn is_short(&self) -> bool {
        self.chars < SHORT_CHARS
    }

    /// The publisher speaking or the reader addressed.
    pub fn voiced(&self) -> bool {
        self.has(Cue::We) || self.has(Cue::You)
    }

    /// Reads like part of an appeal: voice plus an ask, money or thanks.
    pub fn appeal_like(&self) -> bool {
        (self.voiced() && (self.has(Cue::Ask) || self.has(Cue::Money) || self.has(Cue::Thanks)))
            || (self.has(Cue::Ask) && self.has(Cue::Money))
    }

    /// An appeal on its own, without an opener: an ask together with money
    /// and a period, or an ask from "we" to "you". Money and a period make
    /// a pledge only when the publisher or the reader is in the block, or
    /// the block is a short button ("Give $5 monthly"): a news sentence
    /// reporting that "a monthly gift of $10 feeds a family" is not one.
    pub fn strong_appeal(&self) -> bool {
        self.chars <= STRONG_MAX_CHARS
            && self.has(Cue::Ask)
            && ((self.has(Cue::Money)
                && self.has(Cue::Period)
                && (self.voiced() || self.is_short()))
                || (self.has(Cue::We) && self.has(Cue::You))
                || self.family_ask.is_some())
    }

    /// Evidence text for the cues that are present.
    pub fn cue_summary(&self) -> String {
        let cues = self
            .cue_evidence
            .iter()
            .map(|(c, m)| format!("{}:{m:?}", c.name()));
        let words = self
            .family_ask
            .iter()
            .map(|w| format!("ask by donate words: {w}"));
        cues.chain(words).collect::<Vec<_>>().join(" ")
    }

    /// The drop hit, if its rule applies to a block of this length.
    pub fn applicable_drop(&self) -> Option<&Hit<'_>> {
        let hit = self.drop.as_deref()?;
        let Role::Drop { max_chars } = hit.rule.role else {
            return None;
        };
        let covered = (hit.span.1 - hit.span.0) * 2 >= self.norm_len();
        let ok = match max_chars {
            Some(max) => self.chars <= max,
            None => self.chars <= DROP_MAX_CHARS || covered,
        };
        ok.then_some(hit)
    }

    fn norm_len(&self) -> usize {
        self.norm_bytes
    }
}

/// Gathers the facts of `block`.
///
/// One prefilter pass over the normal form names the rules that may match
/// (see `RuleSet::candidates`); only those run their regex, in rule order,
/// and each role stops at the first rule that matches: the first hit is
/// all that `drop`, `open`, `close` and `keep` keep, and a cue already
/// seen needs no second rule.
pub fn facts<'r>(block: &Block, rules: &'r RuleSet) -> Facts<'r> {
    let all = rules.rules.as_slice();
    let norm = block.norm.as_str();
    let trimmed = block.text.trim();
    let chars = trimmed.chars().count();
    let words = count_words(norm);
    let terminal = ends_sentence(trimmed);
    let candidates = rules.candidates(norm);
    let unquoted = strip_quotations(norm);
    // Cues read the text outside quotations; most blocks have none, and
    // then it is the normal form itself with the same candidates.
    let unquoted_candidates = match &unquoted {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(u) => Some(rules.candidates(u)),
    };
    let mut cues = 0u8;
    let mut cue_evidence = Vec::new();
    for i in rules
        .cues
        .candidates(unquoted_candidates.as_ref().unwrap_or(&candidates))
    {
        let rule = &all[i];
        if let Role::Cue(cue) = rule.role
            && cues & cue.bit() == 0
            && let Some(hit) = rule.find(&unquoted)
        {
            cues |= cue.bit();
            cue_evidence.push((cue, hit.matched));
        }
    }
    // Only membership is read: a kind is looked up once.
    let mut within: Vec<Kind> = Vec::new();
    for i in rules.within.candidates(&candidates) {
        let rule = &all[i];
        if let Some(kind) = rule.kind
            && !within.contains(&kind)
            && rule.regex().is_match(norm)
        {
            within.push(kind);
        }
    }
    Facts {
        chars,
        words,
        terminal,
        drop: rules.drop.first(all, &candidates, norm).map(Box::new),
        open: rules.open.first(all, &candidates, norm).map(Box::new),
        close: rules.close.first(all, &candidates, norm).map(Box::new),
        keep: rules.keep.first(all, &candidates, norm).map(Box::new),
        within,
        cues,
        cue_evidence,
        norm_bytes: norm.len(),
        family_ask: None,
        families: families::find(norm),
    }
}

/// Donate words a block must have to be an ask on their account.
const ASK_DONATE_WORDS: u8 = 2;

impl Facts<'_> {
    /// An ask told by its words rather than a listed phrase: "Chip in
    /// today with a gift of any size", "Support our reporting: become a
    /// member". Two donate words or more, a sentence that opens with one
    /// of them uninflected (an imperative: "Chip in", "Give"; not
    /// "Members of the club"), the reader addressed outside quotation,
    /// and no reported speech ("..., the director said").
    ///
    /// `langs` are the document's languages (see `classify`): the donate
    /// words counted are theirs or exact.
    pub fn find_family_ask(&mut self, norm: &str, langs: u32) {
        if self.chars > STRONG_MAX_CHARS
            || self.families.count(Family::Donate) < ASK_DONATE_WORDS
            || !self.has(Cue::You)
        {
            return;
        }
        let h = &self.families.only(langs);
        if h.count(Family::Donate) < ASK_DONATE_WORDS || h.has(Family::Speech) {
            return;
        }
        let imperative = super::furniture::openings(h, norm, Family::Donate)
            .find(|(s, _)| s.exact)
            .map(|(_, w)| w.to_string());
        if let Some(verb) = imperative {
            self.family_ask = Some(format!(
                "{verb:?} opens a sentence; {}",
                h.words(Family::Donate, norm, 4)
            ));
            // An ask like those the cue rules list.
            self.cues |= Cue::Ask.bit();
        }
    }
}

/// `text.split_whitespace().count()`, without decoding characters when
/// the text is ASCII (most blocks), and in a normal form (see `normalize`)
/// by counting its single spaces.
fn count_words(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let bytes = text.as_bytes();
    // Single spaces only, none at the ends (the normal form of ASCII
    // text): each space sits between two words.
    let single_spaced = !bytes.starts_with(b" ")
        && !bytes.ends_with(b" ")
        && memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_none()
        && memchr::memchr2(b'\x0B', b'\x0C', bytes).is_none()
        && memchr::memmem::find(bytes, b"  ").is_none();
    if single_spaced {
        return memchr::memchr_iter(b' ', bytes).count() + usize::from(!bytes.is_empty());
    }
    // The ASCII characters `char::is_whitespace` accepts.
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
    let mut words = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        let s = space(b);
        words += usize::from(!s && !in_word);
        in_word = !s;
    }
    words
}

/// Whether `text` ends a sentence.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\''
                    | '\u{201D}'
                    | '\u{2019}'
                    // German and Czech close quotes with the left marks.
                    | '\u{201C}'
                    | '\u{2018}'
                    | '\u{00BB}'
                    | ')'
                    | ']'
                    | '*'
            )
    });
    t.ends_with([
        '.', '!', '?', '\u{2026}', '\u{3002}', '\u{0964}', '\u{061F}', '\u{FF01}', '\u{FF1F}',
    ])
}

/// Removes quoted speech, so that a quoted "we need your help" in a news
/// story does not read as the publisher's voice. Only balanced pairs of
/// straight double quotes (the normal form of all double quotes) go.
pub fn strip_quotations(norm: &str) -> std::borrow::Cow<'_, str> {
    let count = memchr::memchr_iter(b'"', norm.as_bytes()).count();
    if count < 2 {
        return std::borrow::Cow::Borrowed(norm);
    }
    let mut out = String::with_capacity(norm.len());
    let mut inside = false;
    let mut seen = 0;
    let pairs_end = count - count % 2;
    for c in norm.chars() {
        if c == '"' {
            seen += 1;
            if seen <= pairs_end {
                inside = !inside;
                out.push(' ');
                continue;
            }
        }
        if !inside {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_with_punctuation_even_inside_quotes() {
        assert!(ends_sentence("He left."));
        assert!(ends_sentence("\u{201C}We left.\u{201D}"));
        assert!(!ends_sentence("Read more"));
        assert!(ends_sentence("यह खबर है।"));
    }

    #[test]
    fn words_are_counted_as_split_whitespace_does() {
        for t in [
            "",
            " ",
            "one",
            " two  words ",
            "a\tb\nc\x0Bd\x0Ce\rf",
            "x\u{85}y \u{3000}z",
            "caf\u{E9} au lait",
            "a b c",
            "a  b",
            "a\x0Bb c",
            "a b ",
        ] {
            assert_eq!(count_words(t), t.split_whitespace().count(), "{t:?}");
        }
    }

    #[test]
    fn quoted_speech_is_removed() {
        assert_eq!(
            strip_quotations("he said \"we need you\" today"),
            "he said    today"
        );
        assert_eq!(strip_quotations("an \"odd one"), "an \"odd one");
    }
}
