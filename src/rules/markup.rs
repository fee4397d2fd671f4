//! Markup rules: what class and id names say about an element.
//!
//! They live in `rules/markup/*.rules` (and in any extra rule file that
//! starts with the line `@markup`), one rule a line, `ROLE ID PATTERN`,
//! like the phrase rules. `PATTERN` is a regular expression matched against
//! the *name form* of each class name and of the id, one name at a time:
//! camelCase split, every run of characters other than letters and digits
//! turned into one space, lowercased. `articleBody__main-text` reads
//! `article body main text`, so `\bbody\b` finds it and `related` also
//! finds `relatedlinks`.
//!
//! Roles:
//! - `drop` (needs a kind, from `@kind`, the file name or the id): a block inside
//!   an element with such a name is removed, with the rule id and the name
//!   as evidence. Only elements between the block and the content root
//!   count, and not those holding most of the article.
//! - `positive`, `negative`: class weight when scoring candidate
//!   containers (+25 / -25 for the class, and again for the id).
//! - `unlikely`: the element is skipped when looking for the article,
//!   unless a `maybe` rule also matches it.
//! - `maybe`: see `unlikely`.
//! - `ignore`: a name that says nothing about its element (a taxonomy
//!   class such as `category-social-media`, a slug made from a heading):
//!   no other rule reads it.

use super::exact::{self, StringSet};
use super::{parse_hir, rule_error};
use crate::error::Error;
use crate::model::Kind;
use regex::RegexSet;

/// What a markup rule does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkupRole {
    Drop,
    Positive,
    Negative,
    Unlikely,
    Maybe,
    Ignore,
}

/// One markup rule.
#[derive(Debug, Clone)]
pub struct MarkupRule {
    pub id: String,
    pub kind: Option<Kind>,
    pub role: MarkupRole,
    pub pattern: String,
}

/// All markup rules, compiled together: those of fixed strings (almost
/// all) in one automaton, the others in a regex set.
#[derive(Debug)]
pub struct MarkupRules {
    pub rules: Vec<MarkupRule>,
    strings: StringSet,
    set: RegexSet,
    /// The rule of each pattern of `set`.
    set_rules: Vec<usize>,
}

/// What the names of one element say.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints {
    /// Class weight for scoring, -50 to 50.
    pub weight: i32,
    /// Skipped when looking for the article.
    pub unlikely: bool,
}

/// The name form of a class name or id (see the module documentation).
pub fn name_form(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut prev_lower = false;
    let mut gap = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if (gap || (prev_lower && c.is_uppercase())) && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            prev_lower = c.is_lowercase();
            out.extend(c.to_lowercase());
        } else {
            gap = true;
            prev_lower = false;
        }
    }
    out
}

impl MarkupRules {
    pub fn new(rules: Vec<MarkupRule>) -> Result<MarkupRules, Error> {
        let strings: Vec<Option<Vec<exact::Exact>>> = rules
            .iter()
            .map(|r| parse_hir(&r.pattern).and_then(|h| exact::strings(&h)))
            .collect();
        let set_rules: Vec<usize> = (0..rules.len()).filter(|&k| strings[k].is_none()).collect();
        let set = RegexSet::new(set_rules.iter().map(|&k| &rules[k].pattern))
            .map_err(|e| rule_error("(markup rules)", 0, e))?;
        let strings = StringSet::new(&strings).map_err(|e| rule_error("(markup rules)", 0, e))?;
        Ok(MarkupRules {
            rules,
            strings,
            set,
            set_rules,
        })
    }

    /// The numbers of the rules matching a name form, in rule order.
    fn matches(&self, form: &str) -> impl Iterator<Item = usize> {
        let mut hits = vec![false; self.rules.len()];
        self.strings.matches(form, &mut hits);
        if !self.set_rules.is_empty() {
            for k in self.set.matches(form).into_iter() {
                hits[self.set_rules[k]] = true;
            }
        }
        hits.into_iter()
            .enumerate()
            .filter_map(|(k, hit)| hit.then_some(k))
    }

    /// The first `drop` rule matching a name form.
    pub fn drop_hit(&self, form: &str) -> Option<&MarkupRule> {
        let mut hits = self.matches(form).map(|k| &self.rules[k]);
        let mut first = None;
        for r in hits.by_ref() {
            match r.role {
                MarkupRole::Ignore => return None,
                MarkupRole::Drop if first.is_none() => first = Some(r),
                _ => {}
            }
        }
        first
    }

    /// What one class name (or id) says, as [`Roles`] bits: nothing when
    /// an `ignore` rule matches it.
    pub fn name_roles(&self, name: &str) -> Roles {
        let mut roles = 0;
        for k in self.matches(&name_form(name)) {
            roles |= match self.rules[k].role {
                MarkupRole::Positive => Roles::POSITIVE,
                MarkupRole::Negative => Roles::NEGATIVE,
                MarkupRole::Unlikely => Roles::UNLIKELY,
                MarkupRole::Maybe => Roles::MAYBE,
                MarkupRole::Ignore => return Roles(0),
                MarkupRole::Drop => 0,
            };
        }
        Roles(roles)
    }

    /// Class weight and likelihood of an element from its class and id,
    /// each name's roles from `roles` (which may remember them: names
    /// repeat across a page's elements; [`MarkupRules::name_roles`] says
    /// them).
    pub fn hints_with(&self, class: &str, id: &str, mut roles: impl FnMut(&str) -> Roles) -> Hints {
        let mut h = Hints::default();
        let (mut unlikely, mut maybe) = (false, false);
        for attr in [class, id] {
            let (mut pos, mut neg) = (false, false);
            for name in attr.split_whitespace() {
                let r = roles(name);
                pos |= r.has(Roles::POSITIVE);
                neg |= r.has(Roles::NEGATIVE);
                unlikely |= r.has(Roles::UNLIKELY);
                maybe |= r.has(Roles::MAYBE);
            }
            h.weight += 25 * (i32::from(pos) - i32::from(neg));
        }
        h.unlikely = unlikely && !maybe;
        h
    }
}

/// The scoring roles the rules give one name, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Roles(u8);

impl Roles {
    pub const POSITIVE: u8 = 1;
    pub const NEGATIVE: u8 = 2;
    pub const UNLIKELY: u8 = 4;
    pub const MAYBE: u8 = 8;

    pub fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

/// Whether a rule file holds markup rules.
pub fn is_markup_file(name: &str, contents: &str) -> bool {
    name.starts_with("markup/")
        || name.contains("/markup/")
        || contents
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            == Some("@markup")
}

/// Reads one markup rule file into `out`.
pub fn parse_file(name: &str, contents: &str, out: &mut Vec<MarkupRule>) -> Result<(), Error> {
    super::read_lines(name, contents, |l| {
        let role = match l.role {
            "drop" => MarkupRole::Drop,
            "positive" => MarkupRole::Positive,
            "negative" => MarkupRole::Negative,
            "unlikely" => MarkupRole::Unlikely,
            "maybe" => MarkupRole::Maybe,
            "ignore" => MarkupRole::Ignore,
            r => return Err(rule_error(name, l.line, format!("unknown role {r:?}"))),
        };
        let kind = match role {
            MarkupRole::Drop => l.kind.or_else(|| super::kind_in_id(l.id)),
            _ => l.kind,
        };
        if role == MarkupRole::Drop && kind.is_none() {
            return Err(rule_error(name, l.line, super::NO_KIND));
        }
        // A pattern of fixed strings has parsed and never runs as a regex;
        // the others are compiled here so that an error names its line.
        if parse_hir(l.pattern)
            .and_then(|h| exact::strings(&h))
            .is_none()
        {
            regex::Regex::new(l.pattern).map_err(|e| rule_error(name, l.line, e))?;
        }
        out.push(MarkupRule {
            id: l.id.to_string(),
            kind,
            role,
            pattern: l.pattern.to_string(),
        });
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_forms() {
        assert_eq!(
            name_form("articleBody__main-text"),
            "article body main text"
        );
        assert_eq!(name_form("NEWSLETTER_box"), "newsletter box");
        assert_eq!(name_form("col-md-8"), "col md 8");
        assert_eq!(name_form("--"), "");
    }

    /// The rules split between the automaton and the regex set match
    /// what all of them as one regex set match: on the class names and ids
    /// of the fixtures' pages, and on each rule's strings set against word
    /// and non-word characters.
    #[test]
    fn split_rules_match_what_one_regex_set_matches() {
        let set = crate::rules::RuleSet::load(&[]).expect("built-in rules");
        let m = &set.markup;
        assert!(
            m.set_rules.len() < m.rules.len() / 2,
            "most rules are strings"
        );
        let whole = RegexSet::new(m.rules.iter().map(|r| &r.pattern)).expect("compiles");
        let mut forms: Vec<String> = Vec::new();
        let attr = regex::Regex::new(r#"(?:class|id)\s*=\s*["']([^"']*)["']"#).expect("ok");
        for page in crate::rules::fixture_inputs("input.html") {
            for c in attr.captures_iter(&page) {
                forms.extend(c[1].split_whitespace().map(name_form));
            }
        }
        assert!(forms.len() > 100, "fixture names found");
        for r in &m.rules {
            let Some(strings) = parse_hir(&r.pattern).and_then(|h| exact::strings(&h)) else {
                continue;
            };
            for e in strings {
                let s = String::from_utf8(e.bytes).expect("utf-8");
                for (before, after) in [("", ""), ("x", ""), ("", "x"), ("a ", " b"), ("é", "é")]
                {
                    forms.push(format!("{before}{s}{after}"));
                }
            }
        }
        for f in &forms {
            let want: Vec<usize> = whole.matches(f).into_iter().collect();
            let got: Vec<usize> = m.matches(f).collect();
            assert_eq!(got, want, "{f:?}");
        }
    }

    #[test]
    fn markup_files_are_told_apart() {
        assert!(is_markup_file("markup/tokens.rules", ""));
        assert!(is_markup_file("mine.rules", "# mine\n@markup\ndrop x y\n"));
        assert!(!is_markup_file("en/appeal.rules", "open x y"));
    }
}
