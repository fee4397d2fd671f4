//! Context-free facts about one block: its shape, the rules that match it
//! and the cues it carries. Everything later stages decide is read from
//! here.

use crate::Kind;
use crate::block::Block;
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
    pub drop: Option<Hit<'r>>,
    pub open: Option<Hit<'r>>,
    pub close: Option<Hit<'r>>,
    pub keep: Option<Hit<'r>>,
    /// Kinds whose `within` vocabulary the block uses.
    pub within: Vec<Kind>,
    /// Bit set of [`Cue`]s found outside quotations.
    pub cues: u8,
    /// The first matched phrase per cue, for evidence.
    pub cue_evidence: Vec<(Cue, String)>,
    /// Length of the normal form in bytes.
    pub norm_bytes: usize,
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
                || (self.has(Cue::We) && self.has(Cue::You)))
    }

    /// Evidence text for the cues that are present.
    pub fn cue_summary(&self) -> String {
        self.cue_evidence
            .iter()
            .map(|(c, m)| format!("{}:{m:?}", c.name()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The drop hit, if its rule applies to a block of this length.
    pub fn applicable_drop(&self) -> Option<&Hit<'_>> {
        let hit = self.drop.as_ref()?;
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
pub fn facts<'r>(block: &Block, rules: &'r RuleSet) -> Facts<'r> {
    let norm = block.norm.as_str();
    let trimmed = block.text.trim();
    let chars = trimmed.chars().count();
    let words = norm.split_whitespace().count();
    let terminal = ends_sentence(trimmed);
    let first = |hits: Vec<Hit<'r>>| hits.into_iter().next();
    let unquoted = strip_quotations(norm);
    let mut cues = 0u8;
    let mut cue_evidence = Vec::new();
    for hit in rules.cues.hits(&rules.rules, &unquoted) {
        if let Role::Cue(cue) = hit.rule.role
            && cues & cue.bit() == 0
        {
            cues |= cue.bit();
            cue_evidence.push((cue, hit.matched));
        }
    }
    let within = rules
        .within
        .hits(&rules.rules, norm)
        .into_iter()
        .filter_map(|h| h.rule.kind)
        .collect();
    Facts {
        chars,
        words,
        terminal,
        drop: first(rules.drop.hits(&rules.rules, norm)),
        open: first(rules.open.hits(&rules.rules, norm)),
        close: first(rules.close.hits(&rules.rules, norm)),
        keep: first(rules.keep.hits(&rules.rules, norm)),
        within,
        cues,
        cue_evidence,
        norm_bytes: norm.len(),
    }
}

/// Whether `text` ends a sentence.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{00BB}' | ')' | ']' | '*'
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
    let count = norm.bytes().filter(|&b| b == b'"').count();
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
    fn quoted_speech_is_removed() {
        assert_eq!(
            strip_quotations("he said \"we need you\" today"),
            "he said    today"
        );
        assert_eq!(strip_quotations("an \"odd one"), "an \"odd one");
    }
}
