//! Rules are data: phrase patterns in files under `rules/<lang>/<kind>.rules`,
//! compiled in, and extendable at run time with files in the same format.
//!
//! A rule file is a list of lines `ROLE ID PATTERN`:
//!
//! ```text
//! # A comment. Blank lines are ignored.
//! @kind related                      # kind of the rules below (default: the file
//!                                    # name, else a part of the id naming a kind)
//! drop   en.related.read-more   ^(read more|related)\s*:
//! drop:80 en.share.share-this   ^share this( article| story)?$
//! ```
//!
//! `PATTERN` is a regular expression (the `regex` crate's syntax) matched
//! against the block's normal form: NFC, lowercase, straight quotes, single
//! spaces (see `normalize`). Patterns are normalised the same way when
//! loaded, so write them in lowercase.
//!
//! Roles:
//! - `drop` removes a block on its own. `drop:N` applies only to blocks of at
//!   most N characters; plain `drop` to blocks of at most 300 characters or
//!   where the match covers half the block.
//! - `open` starts a region of the rule's kind (an appeal, a cookie notice,
//!   a related-links box) that runs over the blocks that fit it.
//! - `close` ends such a region (a button label: "Remind me later"); a short
//!   block that matches a closer is removed on its own.
//! - `keep` marks body that looks like boilerplate (story credits); it
//!   overrides `drop`.
//! - `within` is vocabulary that lets a region of the rule's kind go on.
//! - `cue.NAME` feeds a signal the classifier combines (see `classify`):
//!   `cue.we`, `cue.you`, `cue.ask`, `cue.money`, `cue.period`,
//!   `cue.thanks`. No cue removes anything alone.

mod builtin;
mod every_match;
mod exact;
mod literals;
pub mod markup;

use crate::error::Error;
use crate::model::Kind;
use crate::normalize::normalize;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
pub(crate) use every_match::EveryMatch;
use regex::Regex;
use regex_syntax::hir::Hir;
use std::sync::OnceLock;

/// What a rule does (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Drop { max_chars: Option<usize> },
    Open,
    Close,
    Keep,
    Within,
    Cue(Cue),
}

/// The signals that cue rules feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// The publisher speaking: we, our, us.
    We,
    /// The reader addressed: you, your.
    You,
    /// A call to action: support us, donate, subscribe, become a member.
    Ask,
    /// A money amount.
    Money,
    /// A period that goes with money: monthly, per month, a year.
    Period,
    /// Thanks to the reader.
    Thanks,
}

impl Cue {
    fn from_name(name: &str) -> Option<Cue> {
        Some(match name {
            "we" => Cue::We,
            "you" => Cue::You,
            "ask" => Cue::Ask,
            "money" => Cue::Money,
            "period" => Cue::Period,
            "thanks" => Cue::Thanks,
            _ => return None,
        })
    }

    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }

    pub fn name(self) -> &'static str {
        match self {
            Cue::We => "we",
            Cue::You => "you",
            Cue::Ask => "ask",
            Cue::Money => "money",
            Cue::Period => "period",
            Cue::Thanks => "thanks",
        }
    }
}

/// One rule as read from a file, with its pattern compiled on first use.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub kind: Option<Kind>,
    pub role: Role,
    pub pattern: String,
    /// `pattern` compiled, the first time the prefilter leaves the rule
    /// as a candidate: compiling all ~600 rules cost more than half of
    /// start-up (0.6 G instructions), and most documents confirm only a
    /// few dozen of them. Rules from the caller's files are compiled when
    /// read, so that a bad pattern is reported with its line; the built-in
    /// ones are checked by the tests (`builtin_rules_compile`).
    regex: OnceLock<Regex>,
}

impl Rule {
    /// The compiled pattern.
    pub fn regex(&self) -> &Regex {
        self.regex
            .get_or_init(|| Regex::new(&self.pattern).expect("built-in patterns compile (tested)"))
    }

    /// The rule's leftmost-first match in `norm`, if any.
    pub fn find<'r>(&'r self, norm: &str) -> Option<Hit<'r>> {
        let m = self.regex().find(norm)?;
        Some(Hit {
            rule: self,
            matched: m.as_str().to_string(),
            span: (m.start(), m.end()),
        })
    }
}

/// One role's rules: a bit per rule of the [`RuleSet`], set for the rules
/// of the role. Rules are numbered in file order, so walking the bits up
/// walks the role's rules in rule order.
#[derive(Debug)]
pub struct Matcher {
    mask: Vec<u64>,
}

/// A rule that matched a block, with the matched text.
#[derive(Debug, Clone)]
pub struct Hit<'r> {
    pub rule: &'r Rule,
    pub matched: String,
    pub span: (usize, usize),
}

impl Matcher {
    fn new(all: &[Rule], pick: impl Fn(&Rule) -> bool) -> Matcher {
        let mut mask = vec![0u64; all.len().div_ceil(64)];
        for (i, r) in all.iter().enumerate() {
            if pick(r) {
                mask[i / 64] |= 1 << (i % 64);
            }
        }
        Matcher { mask }
    }

    /// This matcher's rules that may match the text `candidates` was made
    /// from, in rule order. Only these can match; each still has to be
    /// confirmed with [`Rule::find`].
    pub fn candidates<'a>(
        &'a self,
        candidates: &'a Candidates,
    ) -> impl Iterator<Item = usize> + 'a {
        self.mask
            .iter()
            .zip(&candidates.bits)
            .enumerate()
            .flat_map(|(w, (&m, &c))| Bits(m & c).map(move |b| w * 64 + b))
    }

    /// The first rule of this matcher, in rule order, that matches `norm`.
    pub fn first<'r>(
        &self,
        rules: &'r [Rule],
        candidates: &Candidates,
        norm: &str,
    ) -> Option<Hit<'r>> {
        self.candidates(candidates)
            .find_map(|i| rules[i].find(norm))
    }
}

/// The set bits of a word, lowest first.
struct Bits(u64);

impl Iterator for Bits {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let b = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1;
        Some(b)
    }
}

/// The rules that may match one text: a bit per rule of the [`RuleSet`].
/// A rule that is not a candidate cannot match the text.
#[derive(Debug, Clone)]
pub struct Candidates {
    bits: Vec<u64>,
}

impl Candidates {
    #[cfg(test)]
    pub fn has(&self, rule: usize) -> bool {
        self.bits[rule / 64] & (1 << (rule % 64)) != 0
    }
}

/// Finds the candidate rules of a text with one pass of one Aho-Corasick
/// automaton. Running every role's rules as regex sets over every block
/// cost a lazy DFA over hundreds of patterns per role (most of the time of
/// cleaning text, and its DFA cache thrashed); instead each rule is
/// reduced to required literals (see `literals`): every match of the rule
/// contains one of them, so a rule none of whose literals occurs in the
/// text (at a word boundary where the rule has one) cannot match it, and
/// only the few candidates run their regex.
#[derive(Debug)]
struct Prefilter {
    /// Over the distinct literals of all rules.
    ac: Option<EveryMatch>,
    /// Per distinct literal: whether its first and last characters are
    /// word characters (what a word boundary next to it needs).
    ends: Vec<(bool, bool)>,
    /// Rules of literal `k`: `uses[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    uses: Vec<Use>,
    /// Candidates before any literal is seen: the rules without literals.
    always: Vec<u64>,
}

/// A rule a literal stands for, with the boundaries the rule puts around
/// it.
#[derive(Debug, Clone, Copy)]
struct Use {
    rule: u32,
    word_start: bool,
    word_end: bool,
}

impl Prefilter {
    fn new(required: &[Option<Vec<literals::Literal>>]) -> Result<Prefilter, Error> {
        let words = required.len().div_ceil(64);
        let mut always = vec![0u64; words];
        let mut by_literal: std::collections::BTreeMap<&[u8], Vec<Use>> = Default::default();
        for (i, lits) in required.iter().enumerate() {
            match lits {
                Some(lits) => {
                    for l in lits {
                        by_literal.entry(l.bytes.as_slice()).or_default().push(Use {
                            rule: i as u32,
                            word_start: l.word_start,
                            word_end: l.word_end,
                        });
                    }
                }
                None => always[i / 64] |= 1 << (i % 64),
            }
        }
        let mut starts = Vec::with_capacity(by_literal.len() + 1);
        let mut uses = Vec::new();
        let mut ends = Vec::with_capacity(by_literal.len());
        for (bytes, rules) in &by_literal {
            starts.push(uses.len() as u32);
            uses.extend_from_slice(rules);
            let text = String::from_utf8_lossy(bytes);
            ends.push((
                text.chars().next().is_some_and(is_word_char),
                text.chars().next_back().is_some_and(is_word_char),
            ));
        }
        starts.push(uses.len() as u32);
        let ac = if by_literal.is_empty() {
            None
        } else {
            Some(
                EveryMatch::new(by_literal.keys())
                    .map_err(|e| rule_error("(literal prefilter)", 0, e))?,
            )
        };
        Ok(Prefilter {
            ac,
            ends,
            starts,
            uses,
            always,
        })
    }

    fn candidates(&self, text: &str) -> Candidates {
        let mut bits = self.always.clone();
        let Some(ac) = &self.ac else {
            return Candidates { bits };
        };
        for m in ac.find_overlapping_iter(text.as_bytes()) {
            let k = m.pattern().as_usize();
            let (first_word, last_word) = self.ends[k];
            // Computed only if some rule asks: most literals have no
            // boundary condition or share the answer.
            let mut start_ok = None;
            let mut end_ok = None;
            for u in &self.uses[self.starts[k] as usize..self.starts[k + 1] as usize] {
                if u.word_start
                    && !*start_ok
                        .get_or_insert_with(|| boundary_before(text, m.start(), first_word))
                {
                    continue;
                }
                if u.word_end
                    && !*end_ok.get_or_insert_with(|| boundary_after(text, m.end(), last_word))
                {
                    continue;
                }
                bits[u.rule as usize / 64] |= 1 << (u.rule % 64);
            }
        }
        Candidates { bits }
    }
}

/// A word character as the `regex` crate's Unicode `\b` sees it.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        regex_syntax::is_word_character(c)
    }
}

/// Whether a word boundary can hold at byte `at` of `text`, before a
/// literal whose first character is (`first_word`) or is not a word
/// character. Literals with boundary conditions start and end on whole
/// characters; anything else is given the benefit of the doubt.
fn boundary_before(text: &str, at: usize, first_word: bool) -> bool {
    match text.get(..at) {
        Some(before) => before.chars().next_back().is_some_and(is_word_char) != first_word,
        None => true,
    }
}

/// Whether a word boundary can hold at byte `at` of `text`, after a literal
/// whose last character is (`last_word`) or is not a word character.
fn boundary_after(text: &str, at: usize, last_word: bool) -> bool {
    match text.get(at..) {
        Some(after) => after.chars().next().is_some_and(is_word_char) != last_word,
        None => true,
    }
}

/// All rules, grouped per role, with the prefilter that finds the
/// candidates among them.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub drop: Matcher,
    pub open: Matcher,
    pub close: Matcher,
    pub keep: Matcher,
    pub within: Matcher,
    pub cues: Matcher,
    /// Class and id rules for saved pages (see [`markup`]).
    pub markup: markup::MarkupRules,
    prefilter: Prefilter,
}

impl RuleSet {
    /// The built-in rules plus `extra` files given as `(name, contents)`.
    pub fn load(extra: &[(String, String)]) -> Result<RuleSet, Error> {
        let mut rules = Vec::new();
        let mut markup_rules = Vec::new();
        let builtin = builtin::FILES.iter().map(|&(n, c)| (n, c));
        let extra = extra.iter().map(|(n, c)| (n.as_str(), c.as_str()));
        let builtin = builtin.map(|(n, c)| (n, c, Compile::Lazily));
        let extra = extra.map(|(n, c)| (n, c, Compile::Now));
        let mut seen = std::collections::HashMap::new();
        for (name, contents, compile) in builtin.chain(extra) {
            if markup::is_markup_file(name, contents) {
                markup::parse_file(name, contents, &mut markup_rules)?;
            } else {
                parse_file(name, contents, compile, &mut rules)?;
            }
            refuse_duplicate_ids(name, contents, &mut seen)?;
        }
        let required: Vec<Option<Vec<literals::Literal>>> = rules
            .iter()
            .map(|r| parse_hir(&r.pattern).and_then(|h| literals::required(&h)))
            .collect();
        Ok(RuleSet {
            drop: Matcher::new(&rules, |r| matches!(r.role, Role::Drop { .. })),
            open: Matcher::new(&rules, |r| r.role == Role::Open),
            close: Matcher::new(&rules, |r| r.role == Role::Close),
            keep: Matcher::new(&rules, |r| r.role == Role::Keep),
            within: Matcher::new(&rules, |r| r.role == Role::Within),
            cues: Matcher::new(&rules, |r| matches!(r.role, Role::Cue(_))),
            markup: markup::MarkupRules::new(markup_rules)?,
            prefilter: Prefilter::new(&required)?,
            rules,
        })
    }

    /// The rules that may match `norm` (a normal form, see `normalize`).
    pub fn candidates(&self, norm: &str) -> Candidates {
        self.prefilter.candidates(norm)
    }

    /// Ids of the rules the prefilter cannot narrow down (no required
    /// literal): they run on every block.
    #[cfg(test)]
    fn unfiltered(&self) -> Vec<&str> {
        (0..self.rules.len())
            .filter(|&i| self.prefilter.always[i / 64] & (1 << (i % 64)) != 0)
            .map(|i| self.rules[i].id.as_str())
            .collect()
    }
}

/// Fails on the first rule of the file whose id was already seen, naming
/// both places; `seen` maps every id read so far to its file and line.
fn refuse_duplicate_ids<'a>(
    name: &'a str,
    contents: &'a str,
    seen: &mut std::collections::HashMap<&'a str, (&'a str, usize)>,
) -> Result<(), Error> {
    read_lines(name, contents, |l| {
        match seen.insert(l.id, (name, l.line)) {
            Some((first, line)) => Err(rule_error(
                name,
                l.line,
                format!("duplicate rule id {} (first in {first}, line {line})", l.id),
            )),
            None => Ok(()),
        }
    })
}

/// The kind named by a part of a rule id (`my.related.podcasts` is a
/// `related` rule), for a rule whose file says none.
pub(crate) fn kind_in_id(id: &str) -> Option<Kind> {
    id.split('.').find_map(Kind::from_name)
}

/// The pattern's syntax tree, parsed as the `regex` crate parses it (its
/// default flags). `None` only if it does not parse, which `parse_file`
/// has already ruled out.
pub(crate) fn parse_hir(pattern: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()
}

fn rule_error(name: &str, line: usize, e: impl std::fmt::Display) -> Error {
    Error::Rule {
        source_name: name.to_string(),
        line,
        message: e.to_string(),
    }
}

/// One rule line as written: its 1-based number, the kind in force, and
/// its three fields.
pub(crate) struct RuleLine<'a> {
    pub line: usize,
    pub kind: Option<Kind>,
    pub role: &'a str,
    pub id: &'a str,
    pub pattern: &'a str,
}

/// Reads the lines of a rule file, phrase or markup: skips blank lines,
/// comments and the `@markup` marker, tracks `@kind` (the file name without
/// extension gives the default), and hands each `ROLE ID PATTERN` line to
/// `each`.
pub(crate) fn read_lines<'a>(
    name: &str,
    contents: &'a str,
    mut each: impl FnMut(RuleLine<'a>) -> Result<(), Error>,
) -> Result<(), Error> {
    let stem = std::path::Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let mut kind = Kind::from_name(stem);
    for (n, raw) in contents.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line == "@markup" {
            continue;
        }
        if let Some(k) = line.strip_prefix("@kind") {
            let k = k.trim();
            kind = Some(
                Kind::from_name(k)
                    .ok_or_else(|| rule_error(name, n + 1, format!("unknown kind {k:?}")))?,
            );
            continue;
        }
        let (role, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let rest = rest.trim_start();
        let (id, pattern) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let pattern = pattern.trim();
        if id.is_empty() || pattern.is_empty() {
            return Err(rule_error(name, n + 1, "expected `ROLE ID PATTERN`"));
        }
        each(RuleLine {
            line: n + 1,
            kind,
            role,
            id,
            pattern,
        })?;
    }
    Ok(())
}

/// When a rule's pattern is compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compile {
    /// When read: an error names the file and line.
    Now,
    /// On first use (built-in rules, which the tests compile).
    Lazily,
}

/// The error of a rule that needs a kind and has none.
pub(crate) const NO_KIND: &str = "no kind: add `@kind KIND` above the rule, name the file after \
     a kind (`related.rules`) or name the kind in the rule id (`my.related.podcasts`)";

/// Reads one rule file into `out`. The kind of a rule is the last `@kind`
/// line above it, else the file's name without extension (`appeal.rules`
/// holds appeal rules), else a part of its id that names a kind.
pub fn parse_file(
    name: &str,
    contents: &str,
    compile: Compile,
    out: &mut Vec<Rule>,
) -> Result<(), Error> {
    read_lines(name, contents, |l| {
        let role = parse_role(l.role)
            .ok_or_else(|| rule_error(name, l.line, format!("unknown role {:?}", l.role)))?;
        let kind = match role {
            Role::Cue(_) => l.kind,
            _ => l.kind.or_else(|| kind_in_id(l.id)),
        };
        if !matches!(role, Role::Cue(_)) && kind.is_none() {
            return Err(rule_error(name, l.line, NO_KIND));
        }
        let pattern = normalize_pattern(l.pattern);
        let regex = OnceLock::new();
        if compile == Compile::Now {
            let compiled = Regex::new(&pattern).map_err(|e| rule_error(name, l.line, e))?;
            let _ = regex.set(compiled);
        }
        out.push(Rule {
            id: l.id.to_string(),
            kind,
            role,
            pattern,
            regex,
        });
        Ok(())
    })
}

fn parse_role(s: &str) -> Option<Role> {
    if let Some(cue) = s.strip_prefix("cue.") {
        return Cue::from_name(cue).map(Role::Cue);
    }
    let (name, arg) = match s.split_once(':') {
        Some((n, a)) => (n, Some(a.parse::<usize>().ok()?)),
        None => (s, None),
    };
    Some(match (name, arg) {
        ("drop", max_chars) => Role::Drop { max_chars },
        ("open", None) => Role::Open,
        ("close", None) => Role::Close,
        ("keep", None) => Role::Keep,
        ("within", None) => Role::Within,
        _ => return None,
    })
}

/// Patterns are matched against normalised text, so literal characters in
/// them get the same folding (quotes, case, NFC). Escapes like `\S` or `\b`
/// must keep their case: only literal letters outside escapes are folded.
fn normalize_pattern(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut chars = p.chars().peekable();
    let mut literal = String::new();
    let flush = |lit: &mut String, out: &mut String| {
        if !lit.is_empty() {
            // normalize() also trims and squeezes spaces: keep them exact.
            let lead = lit.len() - lit.trim_start().len();
            let trail = lit.len() - lit.trim_end().len();
            out.push_str(&" ".repeat(lead.min(1)));
            out.push_str(&normalize(lit));
            if trail > 0 && !lit.trim().is_empty() {
                out.push(' ');
            }
            lit.clear();
        }
    };
    while let Some(c) = chars.next() {
        if c == '\\' {
            flush(&mut literal, &mut out);
            out.push(c);
            if let Some(n) = chars.next() {
                out.push(n);
                if n == 'p' || n == 'P' {
                    // \p{Lu}: copy the class name as is.
                    if chars.peek() == Some(&'{') {
                        for n in chars.by_ref() {
                            out.push(n);
                            if n == '}' {
                                break;
                            }
                        }
                    }
                }
            }
        } else {
            literal.push(c);
        }
    }
    flush(&mut literal, &mut out);
    out
}

/// An automaton whose overlapping search reports every string that
/// occurs, each of a duplicate too (standard semantics), as a DFA: the
/// markup rules' strings are few, so it builds in a few million
/// instructions. The literal prefilter's thousands of literals use
/// [`EveryMatch`], which builds its DFA only once the work is long.
fn every_match_automaton<I, P>(strings: I) -> Result<AhoCorasick, aho_corasick::BuildError>
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(strings)
}

/// The contents of every fixture's input file of this name
/// (`fixtures/<group>/<case>/<name>`), for tests of the rule sets.
#[cfg(test)]
pub(crate) fn fixture_inputs(name: &str) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let cases = std::fs::read_dir(&root)
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|group| {
            std::fs::read_dir(group.path())
                .into_iter()
                .flatten()
                .flatten()
        });
    cases
        .filter_map(|case| std::fs::read_to_string(case.path().join(name)).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load() {
        let set = RuleSet::load(&[]).expect("built-in rules compile");
        assert!(set.rules.len() > 50);
    }

    /// Built-in patterns are compiled on first use, where an error could
    /// only panic: every one must compile.
    #[test]
    fn builtin_rules_compile() {
        for (name, contents) in builtin::FILES {
            if markup::is_markup_file(name, contents) {
                continue;
            }
            let mut out = Vec::new();
            parse_file(name, contents, Compile::Now, &mut out)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    #[test]
    fn a_bad_extra_pattern_is_reported_when_loaded() {
        let extra = [(
            "mine.rules".to_string(),
            "@kind appeal\ndrop my.bad ^(oops\n".to_string(),
        )];
        let err = RuleSet::load(&extra).unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }

    #[test]
    fn few_rules_escape_the_prefilter() {
        let set = RuleSet::load(&[]).expect("built-in rules compile");
        let unfiltered = set.unfiltered();
        assert!(unfiltered.len() <= 5, "{unfiltered:?}");
    }

    /// Every line of the fixtures, and texts made to sit on the edges of
    /// word boundaries: each rule that matches must be a candidate.
    #[test]
    fn candidates_include_every_matching_rule() {
        let set = RuleSet::load(&[]).expect("built-in rules compile");
        let mut texts: Vec<String> = [
            "read more: elsewhere",
            "we need your help. please donate $5 monthly.",
            "remind me later",
            "share this article",
            "reporting by jane doe; editing by john roe",
            "unterstützen sie unsere arbeit mit 5 € im monat",
            "éyou you_ _you 1you youé (you) \"you\" you's tú té tútu ¿tú? «vous» l'ue",
            "us, ours; we're we've we'll our",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for input in fixture_inputs("input.txt") {
            texts.extend(input.lines().map(normalize));
        }
        assert!(texts.len() > 100, "fixtures found");
        for t in &texts {
            let c = set.candidates(t);
            for (i, r) in set.rules.iter().enumerate() {
                if r.regex().is_match(t) {
                    assert!(c.has(i), "{} matches {t:?} but is no candidate", r.id);
                }
            }
        }
    }

    #[test]
    fn pattern_escapes_keep_their_case() {
        assert_eq!(normalize_pattern(r"^Read\S+ More\b"), r"^read\S+ more\b");
        assert_eq!(normalize_pattern(r"\p{Lu}X"), r"\p{Lu}x");
    }

    #[test]
    fn a_file_without_kind_takes_it_from_each_rule_id() {
        let extra = [(
            "my.rules".to_string(),
            "# mine\ndrop:60 my.promo.podcast ^listen to our podcast\\b\n\
             drop:40 my.share.whatsapp ^share on whatsapp$\n"
                .to_string(),
        )];
        let set = RuleSet::load(&extra).expect("kinds from the ids");
        let kind = |id: &str| set.rules.iter().find(|r| r.id == id).unwrap().kind;
        assert_eq!(kind("my.promo.podcast"), Some(Kind::Promo));
        assert_eq!(kind("my.share.whatsapp"), Some(Kind::Share));
        let extra = [("my.rules".to_string(), "drop mine ^x$\n".to_string())];
        let err = RuleSet::load(&extra).unwrap_err().to_string();
        assert!(
            err.starts_with("rule file my.rules, line 1: no kind"),
            "{err}"
        );
    }

    #[test]
    fn a_duplicate_id_names_both_files_and_lines() {
        let extra = [(
            "mine.rules".to_string(),
            "@kind related\n\ndrop en.related.read-more ^more:\n".to_string(),
        )];
        let err = RuleSet::load(&extra).unwrap_err().to_string();
        assert!(
            err.starts_with("rule file mine.rules, line 3: duplicate rule id en.related.read-more (first in en/related.rules, line "),
            "{err}"
        );
        let twice = [(
            "mine.rules".to_string(),
            "@kind share\ndrop my.x ^a$\ndrop my.x ^b$\n".to_string(),
        )];
        let err = RuleSet::load(&twice).unwrap_err().to_string();
        assert!(
            err.contains("line 3: duplicate rule id my.x (first in mine.rules, line 2)"),
            "{err}"
        );
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let mut out = Vec::new();
        let err = parse_file(
            "x.rules",
            "@kind appeal\nfrob id pat\n",
            Compile::Now,
            &mut out,
        )
        .unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
