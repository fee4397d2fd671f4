//! Rules are data: phrase patterns in files under `rules/<lang>/<kind>.rules`,
//! compiled in, and extendable at run time with files in the same format.
//!
//! A rule file is a list of lines `ROLE ID PATTERN`:
//!
//! ```text
//! # A comment. Blank lines are ignored.
//! @kind related                      # kind of the rules below (default: the file name)
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

use crate::Kind;
use crate::error::Error;
use crate::normalize::normalize;
use regex::{Regex, RegexSet};

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

/// One rule as read from a file.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub kind: Option<Kind>,
    pub role: Role,
    pub pattern: String,
}

/// One role's rules compiled together.
#[derive(Debug)]
pub struct Matcher {
    set: RegexSet,
    each: Vec<Regex>,
    rules: Vec<usize>,
}

/// A rule that matched a block, with the matched text.
#[derive(Debug, Clone)]
pub struct Hit<'r> {
    pub rule: &'r Rule,
    pub matched: String,
    pub span: (usize, usize),
}

impl Matcher {
    fn new(all: &[Rule], pick: impl Fn(&Rule) -> bool) -> Result<Matcher, Error> {
        let rules: Vec<usize> = (0..all.len()).filter(|&i| pick(&all[i])).collect();
        let patterns: Vec<&str> = rules.iter().map(|&i| all[i].pattern.as_str()).collect();
        let set = RegexSet::new(&patterns).map_err(|e| rule_error("(compiled set)", 0, e))?;
        let each = patterns
            .iter()
            .map(|p| Regex::new(p).map_err(|e| rule_error("(compiled)", 0, e)))
            .collect::<Result<_, _>>()?;
        Ok(Matcher { set, each, rules })
    }

    /// Every rule of this matcher that matches `norm`, in rule order.
    pub fn hits<'r>(&self, rules: &'r [Rule], norm: &str) -> Vec<Hit<'r>> {
        if self.rules.is_empty() {
            return Vec::new();
        }
        self.set
            .matches(norm)
            .into_iter()
            .filter_map(|k| {
                let m = self.each[k].find(norm)?;
                Some(Hit {
                    rule: &rules[self.rules[k]],
                    matched: m.as_str().to_string(),
                    span: (m.start(), m.end()),
                })
            })
            .collect()
    }
}

/// All rules, compiled per role.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub drop: Matcher,
    pub open: Matcher,
    pub close: Matcher,
    pub keep: Matcher,
    pub within: Matcher,
    pub cues: Matcher,
}

impl RuleSet {
    /// The built-in rules plus `extra` files given as `(name, contents)`.
    pub fn load(extra: &[(String, String)]) -> Result<RuleSet, Error> {
        let mut rules = Vec::new();
        for (name, contents) in builtin::FILES {
            parse_file(name, contents, &mut rules)?;
        }
        for (name, contents) in extra {
            parse_file(name, contents, &mut rules)?;
        }
        let mut seen = std::collections::HashSet::new();
        for r in &rules {
            if !seen.insert(r.id.as_str()) {
                return Err(Error::Rule {
                    source_name: r.id.clone(),
                    line: 0,
                    message: format!("duplicate rule id {}", r.id),
                });
            }
        }
        Ok(RuleSet {
            drop: Matcher::new(&rules, |r| matches!(r.role, Role::Drop { .. }))?,
            open: Matcher::new(&rules, |r| r.role == Role::Open)?,
            close: Matcher::new(&rules, |r| r.role == Role::Close)?,
            keep: Matcher::new(&rules, |r| r.role == Role::Keep)?,
            within: Matcher::new(&rules, |r| r.role == Role::Within)?,
            cues: Matcher::new(&rules, |r| matches!(r.role, Role::Cue(_)))?,
            rules,
        })
    }
}

fn rule_error(name: &str, line: usize, e: impl std::fmt::Display) -> Error {
    Error::Rule {
        source_name: name.to_string(),
        line,
        message: e.to_string(),
    }
}

/// Reads one rule file into `out`. The file's name without extension gives
/// the default kind (`appeal.rules` holds appeal rules).
pub fn parse_file(name: &str, contents: &str, out: &mut Vec<Rule>) -> Result<(), Error> {
    let stem = std::path::Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let mut kind = Kind::from_name(stem);
    for (n, raw) in contents.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
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
        let (role_s, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let rest = rest.trim_start();
        let (id, pattern) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let pattern = normalize_pattern(pattern.trim());
        if id.is_empty() || pattern.is_empty() {
            return Err(rule_error(name, n + 1, "expected `ROLE ID PATTERN`"));
        }
        let role = parse_role(role_s)
            .ok_or_else(|| rule_error(name, n + 1, format!("unknown role {role_s:?}")))?;
        if !matches!(role, Role::Cue(_)) && kind.is_none() {
            return Err(rule_error(
                name,
                n + 1,
                "no kind: name the file after a kind or add `@kind KIND`",
            ));
        }
        Regex::new(&pattern).map_err(|e| rule_error(name, n + 1, e))?;
        out.push(Rule {
            id: id.to_string(),
            kind,
            role,
            pattern,
        });
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load() {
        let set = RuleSet::load(&[]).expect("built-in rules compile");
        assert!(set.rules.len() > 50);
    }

    #[test]
    fn pattern_escapes_keep_their_case() {
        assert_eq!(normalize_pattern(r"^Read\S+ More\b"), r"^read\S+ more\b");
        assert_eq!(normalize_pattern(r"\p{Lu}X"), r"\p{Lu}x");
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let mut out = Vec::new();
        let err = parse_file("x.rules", "@kind appeal\nfrob id pat\n", &mut out).unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
