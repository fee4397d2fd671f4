//! Patterns that are a short list of fixed strings: `\bnewsletters?\b`,
//! `\bmost (read|popular)\b|\bsidebar`, `^support$`. Every match of such a
//! pattern is one of its strings, with a condition at each end (a Unicode
//! word boundary, the start or the end of the text), so which of many such
//! patterns match a text is answered by one Aho-Corasick pass over it,
//! where a regex set spends most of its time building lazy DFA states (the
//! markup rules' set took about 7% of cleaning a page).

use super::{boundary_after, boundary_before, every_match_automaton, is_word_char};
use aho_corasick::AhoCorasick;
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// More strings than this and the pattern runs as a regex.
const MAX_STRINGS: usize = 64;
/// Classes of at most this many characters are spelled out (`[.!]`).
const MAX_CLASS_CHARS: u32 = 8;
/// Repetitions up to this many times are spelled out (`x{0,2}`).
const MAX_REPEAT: u32 = 4;

/// One string of a pattern, with the conditions at its ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exact {
    pub bytes: Vec<u8>,
    pub start: Edge,
    pub end: Edge,
}

impl Exact {
    /// Whether this string's occurrence at `at..at + len` in `text` meets
    /// the conditions at its ends.
    fn holds(&self, text: &str, at: usize) -> bool {
        let end = at + self.bytes.len();
        let first_word = || {
            std::str::from_utf8(&self.bytes)
                .ok()
                .and_then(|s| s.chars().next())
                .is_some_and(is_word_char)
        };
        let last_word = || {
            std::str::from_utf8(&self.bytes)
                .ok()
                .and_then(|s| s.chars().next_back())
                .is_some_and(is_word_char)
        };
        (!self.start.text || at == 0)
            && (!self.end.text || end == text.len())
            && (!self.start.word || boundary_before(text, at, first_word()))
            && (!self.end.word || boundary_after(text, end, last_word()))
    }
}

/// Conditions at one end of a string.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Edge {
    /// A Unicode word boundary (`\b`).
    pub word: bool,
    /// The start (`^`) or end (`$`) of the text.
    pub text: bool,
}

/// Which of several fixed-string patterns match a text, with one pass of
/// one automaton over all their strings.
#[derive(Debug)]
pub struct StringSet {
    ac: Option<AhoCorasick>,
    /// Per string of the automaton: its pattern's number, and the string.
    strings: Vec<(usize, Exact)>,
}

impl StringSet {
    /// A set of `patterns[k]`'s strings; a `None` pattern is left out
    /// (it never matches here).
    pub fn new(patterns: &[Option<Vec<Exact>>]) -> Result<StringSet, aho_corasick::BuildError> {
        let strings: Vec<(usize, Exact)> = patterns
            .iter()
            .enumerate()
            .flat_map(|(k, p)| p.iter().flatten().map(move |e| (k, e.clone())))
            .collect();
        let ac = if strings.is_empty() {
            None
        } else {
            Some(every_match_automaton(
                strings.iter().map(|(_, e)| &e.bytes),
            )?)
        };
        Ok(StringSet { ac, strings })
    }

    /// Sets `hits[k]` for every pattern `k` that matches `text`.
    pub fn matches(&self, text: &str, hits: &mut [bool]) {
        let Some(ac) = &self.ac else {
            return;
        };
        for m in ac.find_overlapping_iter(text) {
            let (k, e) = &self.strings[m.pattern().as_usize()];
            if !hits[*k] && e.holds(text, m.start()) {
                hits[*k] = true;
            }
        }
    }
}

/// The strings of `hir` in the order a backtracking search tries them
/// (alternatives left to right, a greedy repetition longest first), or
/// `None` when it is not a short list of fixed strings with conditions
/// only at their ends.
pub fn strings(hir: &Hir) -> Option<Vec<Exact>> {
    let mut out: Vec<Exact> = Vec::new();
    for p in expand(hir)? {
        if let Some(e) = resolve(p)?
            && !out.contains(&e)
        {
            out.push(e);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A string being built, with the assertions met inside it at byte
/// offsets.
#[derive(Debug, Clone, Default)]
struct Partial {
    bytes: Vec<u8>,
    looks: Vec<(usize, Look)>,
}

fn expand(hir: &Hir) -> Option<Vec<Partial>> {
    Some(match hir.kind() {
        HirKind::Empty => vec![Partial::default()],
        HirKind::Literal(l) => vec![Partial {
            bytes: l.0.to_vec(),
            looks: Vec::new(),
        }],
        HirKind::Class(Class::Unicode(c)) => {
            let n: u32 = c
                .ranges()
                .iter()
                .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
                .sum();
            if n > MAX_CLASS_CHARS {
                return None;
            }
            c.iter()
                .flat_map(|r| r.start()..=r.end())
                .map(|ch| Partial {
                    bytes: ch.to_string().into_bytes(),
                    looks: Vec::new(),
                })
                .collect()
        }
        HirKind::Class(Class::Bytes(_)) => return None,
        HirKind::Look(l @ (Look::Start | Look::End | Look::WordUnicode)) => vec![Partial {
            bytes: Vec::new(),
            looks: vec![(0, *l)],
        }],
        HirKind::Look(_) => return None,
        HirKind::Repetition(r) => {
            let max = r.max?;
            if max > MAX_REPEAT {
                return None;
            }
            let sub = expand(&r.sub)?;
            let mut counts: Vec<u32> = (r.min..=max).collect();
            if r.greedy {
                counts.reverse();
            }
            let mut out = Vec::new();
            for k in counts {
                let mut power = vec![Partial::default()];
                for _ in 0..k {
                    power = product(&power, &sub)?;
                }
                out.extend(power);
                if out.len() > MAX_STRINGS {
                    return None;
                }
            }
            out
        }
        HirKind::Capture(c) => expand(&c.sub)?,
        HirKind::Concat(subs) => {
            let mut acc = vec![Partial::default()];
            for s in subs {
                acc = product(&acc, &expand(s)?)?;
            }
            acc
        }
        HirKind::Alternation(subs) => {
            let mut out = Vec::new();
            for s in subs {
                out.extend(expand(s)?);
                if out.len() > MAX_STRINGS {
                    return None;
                }
            }
            out
        }
    })
}

/// Every string of `a` followed by every string of `b`, `a` major: the
/// order a backtracking search tries them in.
fn product(a: &[Partial], b: &[Partial]) -> Option<Vec<Partial>> {
    if a.len() * b.len() > MAX_STRINGS {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            let shift = x.bytes.len();
            let mut bytes = x.bytes.clone();
            bytes.extend_from_slice(&y.bytes);
            let mut looks = x.looks.clone();
            looks.extend(y.looks.iter().map(|&(at, l)| (at + shift, l)));
            out.push(Partial { bytes, looks });
        }
    }
    Some(out)
}

/// The string with its assertions moved to its ends: one inside it holds or
/// fails whatever the text around it (`Ok(None)`: it never matches). `None`
/// when the rule is not of this shape (an empty string).
fn resolve(p: Partial) -> Option<Option<Exact>> {
    let text = String::from_utf8(p.bytes).ok()?;
    if text.is_empty() {
        return None;
    }
    let len = text.len();
    let mut start = Edge::default();
    let mut end = Edge::default();
    for (at, look) in p.looks {
        let possible = match look {
            Look::Start if at == 0 => {
                start.text = true;
                true
            }
            Look::End if at == len => {
                end.text = true;
                true
            }
            Look::WordUnicode if at == 0 => {
                start.word = true;
                true
            }
            Look::WordUnicode if at == len => {
                end.word = true;
                true
            }
            Look::WordUnicode => {
                let before = text.get(..at)?.chars().next_back()?;
                let after = text.get(at..)?.chars().next()?;
                is_word_char(before) != is_word_char(after)
            }
            _ => false,
        };
        if !possible {
            return Some(None);
        }
    }
    Some(Some(Exact {
        bytes: text.into_bytes(),
        start,
        end,
    }))
}

#[cfg(test)]
mod tests {
    use super::strings;

    /// The strings of `pattern`, with `^`/`$` and `\b` shown at the ends.
    fn show(pattern: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::parse(pattern).expect("pattern parses");
        strings(&hir).map(|v| {
            v.into_iter()
                .map(|e| {
                    format!(
                        "{}{}{}{}{}",
                        if e.start.text { "^" } else { "" },
                        if e.start.word { "|" } else { "" },
                        String::from_utf8(e.bytes).expect("utf-8"),
                        if e.end.word { "|" } else { "" },
                        if e.end.text { "$" } else { "" },
                    )
                })
                .collect()
        })
    }

    fn strs(v: &[&str]) -> Option<Vec<String>> {
        Some(v.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn alternatives_in_order_with_their_edges() {
        assert_eq!(show(r"\b(we|our|us)\b"), strs(&["|we|", "|our|", "|us|"]));
        assert_eq!(
            show(r"^remind me later\.?$"),
            strs(&["^remind me later.$", "^remind me later$"])
        );
        assert_eq!(
            show(r"^(a|b)( x)??$"),
            strs(&["^a$", "^a x$", "^b$", "^b x$"])
        );
    }

    #[test]
    fn inner_boundaries_are_decided_on_the_spot() {
        assert_eq!(show(r"\bgo\b \bon\b"), strs(&["|go on|"]));
        assert_eq!(show(r"a\bb"), None);
        assert_eq!(show(r"a^b"), None);
    }

    #[test]
    fn open_ended_or_empty_patterns_are_not_exact() {
        assert_eq!(show(r"\bdonat\w+"), None);
        assert_eq!(show(r"^[^.!?]{2,60}:$"), None);
        assert_eq!(show(r"(x)?"), None);
        assert_eq!(show(r"\d\s?euro\b"), None);
        assert_eq!(show(r"(?m)^x$"), None);
    }
}
