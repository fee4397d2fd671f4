//! Required literals of a rule pattern: a set of strings at least one of
//! which occurs in every match. A text that contains none of them cannot
//! match the pattern, which is what lets one Aho-Corasick pass over a block
//! rule out almost every rule before any regex runs (see `Prefilter`).
//!
//! Candidate sets come from `regex-syntax`'s literal extractor, applied not
//! only to the whole pattern (its prefixes and suffixes) but to every
//! stretch of every concatenation inside it: a match of the whole contains
//! a match of each stretch, so literals that start or end a stretch are
//! "inner" literals of the whole. Alternations take the union of their
//! branches' sets. Of all valid sets the most selective wins.
//!
//! The extractor takes look-around assertions for the empty string. Where a
//! stretch starts with `\b` (Unicode word boundary), its prefix literals
//! start at a word boundary, and an occurrence of one that does not (the
//! "te" in "tener") is no evidence for the rule: the literal carries that
//! condition (`Literal::word_start`), and likewise at its end. Short
//! function words are most of the rules' literals ("you", "te", "us"), and
//! without this most blocks would be candidates for most cue rules. The
//! rule's regex still confirms every candidate.

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};

/// A literal every match of a rule contains, with the word boundaries the
/// rule puts around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    pub bytes: Vec<u8>,
    /// A Unicode word boundary holds right before the literal.
    pub word_start: bool,
    /// A Unicode word boundary holds right after the literal.
    pub word_end: bool,
}

impl Literal {
    /// Bytes plus a little for each boundary condition: roughly how rare an
    /// occurrence is. "us" between word boundaries is as rare as "just".
    fn selectivity(&self) -> usize {
        self.bytes.len() + usize::from(self.word_start) + usize::from(self.word_end)
    }
}

/// Sets whose least selective literal reaches this rank by size only.
const ENOUGH: usize = 8;

/// Cap on the extractor's literals per sequence: beyond it the extractor
/// shortens literals itself; bigger sets only cost start-up time.
const MAX_LITERALS: usize = 64;

/// A set of literals one of which occurs (with its boundaries) in every
/// match of `hir`, or `None` when there is none (the pattern can match
/// without any fixed text, like `^\d+$`).
pub fn required(hir: &Hir) -> Option<Vec<Literal>> {
    best_of(hir)
}

fn best_of(hir: &Hir) -> Option<Vec<Literal>> {
    let mut best = None;
    if let HirKind::Concat(subs) = hir.kind() {
        for i in 0..subs.len() {
            // A set nothing can beat ends the search (most rules have a
            // long literal somewhere): the stretches below cost a copy of
            // the pattern's tree each.
            if best.as_deref().is_some_and(unbeatable) {
                return best;
            }
            // The stretch from `i` to the end, and the one from the start
            // to `i` (for i = 0 and the last i: the whole).
            let tail = Hir::concat(subs[i..].to_vec());
            let head = Hir::concat(subs[..=i].to_vec());
            consider(&mut best, extract(&tail, ExtractKind::Prefix));
            consider(&mut best, extract(&head, ExtractKind::Suffix));
            consider(&mut best, best_of(&subs[i]));
        }
    } else {
        consider(&mut best, extract(hir, ExtractKind::Prefix));
        consider(&mut best, extract(hir, ExtractKind::Suffix));
    }
    if best.as_deref().is_some_and(unbeatable) {
        return best;
    }
    match hir.kind() {
        HirKind::Alternation(subs) => {
            let union = subs
                .iter()
                .map(best_of)
                .collect::<Option<Vec<_>>>()
                .map(|sets| prune(sets.into_iter().flatten().collect()));
            consider(&mut best, union);
        }
        HirKind::Capture(c) => consider(&mut best, best_of(&c.sub)),
        // At least one repetition: the sub-pattern's literals are required.
        HirKind::Repetition(r) if r.min >= 1 => consider(&mut best, best_of(&r.sub)),
        _ => {}
    }
    best
}

/// Whether every match of `hir` starts with `\b` (the parser factors a
/// shared `\b` out of alternations, so it may sit outside or inside).
fn starts_at_boundary(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(Look::WordUnicode) => true,
        HirKind::Concat(subs) => subs.first().is_some_and(starts_at_boundary),
        HirKind::Alternation(subs) => subs.iter().all(starts_at_boundary),
        HirKind::Capture(c) => starts_at_boundary(&c.sub),
        _ => false,
    }
}

/// Whether every match of `hir` ends with `\b`.
fn ends_at_boundary(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(Look::WordUnicode) => true,
        HirKind::Concat(subs) => subs.last().is_some_and(ends_at_boundary),
        HirKind::Alternation(subs) => subs.iter().all(ends_at_boundary),
        HirKind::Capture(c) => ends_at_boundary(&c.sub),
        _ => false,
    }
}

/// The literals of a finite sequence: each is a prefix (or suffix) of
/// every match of `hir` it stands for, so it occurs in the text. An
/// infinite sequence (a class too big to spell out) or one with the empty
/// string requires nothing; an empty sequence (matches nothing) is not used
/// either, to stay on the safe side.
///
/// Where `hir` starts or ends with `\b`, so do its literals: a prefix
/// literal starts where the match does; it ends where the match does only
/// if it is exact (the whole match). The other way round for suffixes.
fn extract(hir: &Hir, kind: ExtractKind) -> Option<Vec<Literal>> {
    let prefix = kind.is_prefix();
    let bounds = (starts_at_boundary(hir), ends_at_boundary(hir));
    let seq = Extractor::new()
        .kind(kind)
        .limit_total(MAX_LITERALS)
        .extract(hir);
    let lits = seq.literals()?;
    if lits.is_empty() || lits.iter().any(|l| l.is_empty()) {
        return None;
    }
    Some(prune(
        lits.iter()
            .map(|l| Literal {
                bytes: l.as_bytes().to_vec(),
                word_start: bounds.0 && (prefix || l.is_exact()),
                word_end: bounds.1 && (!prefix || l.is_exact()),
            })
            .collect(),
    ))
}

/// Drops literals that add nothing: one that contains a literal without
/// boundary conditions (wherever the longer occurs, so does the shorter,
/// and it passes), and a copy with more conditions of one with fewer.
fn prune(mut lits: Vec<Literal>) -> Vec<Literal> {
    lits.sort_by(|a, b| {
        (a.bytes.len(), &a.bytes, a.word_start, a.word_end).cmp(&(
            b.bytes.len(),
            &b.bytes,
            b.word_start,
            b.word_end,
        ))
    });
    let mut kept: Vec<Literal> = Vec::with_capacity(lits.len());
    for l in lits {
        let redundant = kept.iter().any(|k| {
            if k.bytes == l.bytes {
                (!k.word_start || l.word_start) && (!k.word_end || l.word_end)
            } else {
                !k.word_start && !k.word_end && contains(&l.bytes, &k.bytes)
            }
        });
        if !redundant {
            kept.push(l);
        }
    }
    kept
}

/// Whether `needle` (never empty) occurs in `hay`. Called for every pair
/// of literals a set holds, at start-up: comparing the first byte before
/// the whole window saves most of the comparisons' calls.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, _)) = needle.split_first() else {
        return true;
    };
    needle.len() <= hay.len()
        && hay
            .windows(needle.len())
            .any(|w| w[0] == first && w == needle)
}

/// Keeps the better of `best` and `cand`.
fn consider(best: &mut Option<Vec<Literal>>, cand: Option<Vec<Literal>>) {
    let Some(cand) = cand else { return };
    if cand.is_empty() {
        return;
    }
    if best.as_ref().is_none_or(|b| rank(&cand) > rank(b)) {
        *best = Some(cand);
    }
}

/// Whether no set can rank above `lits`: `consider` keeps the first of
/// equals, so the search can stop there with the same result.
fn unbeatable(lits: &[Literal]) -> bool {
    rank(lits) == (ENOUGH, std::cmp::Reverse(1))
}

/// Bigger is better: a more selective least selective literal (up to
/// `ENOUGH`), then fewer literals.
fn rank(lits: &[Literal]) -> (usize, std::cmp::Reverse<usize>) {
    let least = lits.iter().map(Literal::selectivity).min().unwrap_or(0);
    (least.min(ENOUGH), std::cmp::Reverse(lits.len()))
}

#[cfg(test)]
mod tests {
    use super::required;

    /// The literals of `pattern`, a boundary shown as `|`.
    fn req(pattern: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::parse(pattern).expect("pattern parses");
        required(&hir).map(|v| {
            v.into_iter()
                .map(|l| {
                    format!(
                        "{}{}{}",
                        if l.word_start { "|" } else { "" },
                        String::from_utf8(l.bytes).expect("utf-8"),
                        if l.word_end { "|" } else { "" },
                    )
                })
                .collect()
        })
    }

    fn strs(v: &[&str]) -> Option<Vec<String>> {
        Some(v.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn prefixes_inner_and_suffix_literals() {
        assert_eq!(
            req(r"^(read more|related)\s*:"),
            strs(&["related", "read more"])
        );
        assert_eq!(req(r"^[^.!?]{2,60} newsletter$"), strs(&[" newsletter"]));
        assert_eq!(req(r"\d+ (dollars?|euros?)"), strs(&[" euro", " dollar"]));
    }

    #[test]
    fn word_boundaries_go_with_the_literals() {
        assert_eq!(req(r"\bhelp (us|me)\b"), strs(&["|help me|", "|help us|"]));
        assert_eq!(req(r"\b(te|tu)\b"), strs(&["|te|", "|tu|"]));
        // Not exact: the end of the match is not the end of the literal.
        assert_eq!(req(r"\bdonat\w+"), strs(&["|donat"]));
        assert_eq!(req(r"\w+ing\b"), strs(&["ing|"]));
    }

    #[test]
    fn alternations_need_every_branch() {
        assert_eq!(req(r"\bdonate\b|\bgive\b"), strs(&["|give|", "|donate|"]));
        assert_eq!(req(r"^\d+$|\bdonate\b"), None);
        assert_eq!(req(r"^\w+$"), None);
    }

    #[test]
    fn optional_parts_are_not_required() {
        assert_eq!(req(r"^(please )?support us"), strs(&["support us"]));
    }
}
