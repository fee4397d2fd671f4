//! The quality gate: reads the floors file and checks measured figures
//! against it.
//!
//! The file is a small subset of TOML: `[section]` headers naming a
//! report section (a corpus, `<pool>-pooled`, or an appeals split such as
//! `appeals-dev.html`), then `key = number` lines; `#` starts a comment.
//! Keys are figure names; each is a floor (the figure must not be lower),
//! except `max_empty_predictions`, a ceiling.

use crate::summary::Report;
use anyhow::{Result, anyhow, bail};

/// Figure names a floors file may use.
const KEYS: [&str; 10] = [
    "f1",
    "precision",
    "recall",
    "accuracy",
    "max_empty_predictions",
    "line_precision",
    "line_recall",
    "exact",
    "negatives_kept",
    "boilerplate_removed",
];

/// One floor.
#[derive(Debug, Clone, PartialEq)]
pub struct Floor {
    pub section: String,
    pub key: String,
    pub value: f64,
}

/// The outcome of checking the floors.
#[derive(Debug, Default)]
pub struct Gate {
    /// Floors compared with a measured figure.
    pub checked: usize,
    /// Figures below their floor (or above their ceiling), described.
    pub failures: Vec<String>,
    /// Floors with no figure to compare (corpus not evaluated).
    pub unchecked: Vec<String>,
}

/// Parses a floors file.
pub fn parse(text: &str) -> Result<Vec<Floor>> {
    let mut floors = Vec::new();
    let mut section: Option<String> = None;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        let at = || format!("line {}", n + 1);
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = Some(name.trim().trim_matches('"').to_string());
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .ok_or_else(|| anyhow!("{}: expected `key = number`", at()))?;
        let key = key.trim();
        if !KEYS.contains(&key) {
            bail!(
                "{}: unknown figure `{key}` (known: {})",
                at(),
                KEYS.join(", ")
            );
        }
        let value: f64 = value
            .trim()
            .parse()
            .map_err(|_| anyhow!("{}: `{}` is not a number", at(), value.trim()))?;
        let section = section
            .clone()
            .ok_or_else(|| anyhow!("{}: floor before any [section]", at()))?;
        floors.push(Floor {
            section,
            key: key.to_string(),
            value,
        });
    }
    Ok(floors)
}

/// Compares each floor with the report's figure.
pub fn check(floors: &[Floor], report: &Report) -> Gate {
    let mut gate = Gate::default();
    for f in floors {
        let measured = (report.sections.iter())
            .find(|s| s.name == f.section)
            .and_then(|s| s.figures().into_iter().find(|(k, _)| *k == f.key))
            .map(|(_, v)| v);
        let Some(m) = measured else {
            gate.unchecked.push(format!(
                "[{}] {}: not measured in this run",
                f.section, f.key
            ));
            continue;
        };
        gate.checked += 1;
        let ceiling = f.key.starts_with("max_");
        if (ceiling && m > f.value) || (!ceiling && m < f.value) {
            let rel = if ceiling {
                "above its ceiling"
            } else {
                "below its floor"
            };
            gate.failures.push(format!(
                "[{}] {} = {m:.4} is {rel} {}",
                f.section, f.key, f.value
            ));
        }
    }
    gate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sections_keys_and_comments() {
        let f =
            parse("# floors\n[wceb-pooled]\nf1 = 0.5 # noise\n\n[\"a.html\"]\nexact=2\n").unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(
            (f[0].section.as_str(), f[0].key.as_str(), f[0].value),
            ("wceb-pooled", "f1", 0.5)
        );
        assert_eq!(
            (f[1].section.as_str(), f[1].key.as_str(), f[1].value),
            ("a.html", "exact", 2.0)
        );
    }

    #[test]
    fn rejects_odd_lines() {
        assert!(parse("f1 = 0.5").is_err());
        assert!(parse("[x]\nf2 = 0.5").is_err());
        assert!(parse("[x]\nf1 = high").is_err());
        assert!(parse("[x]\nf1").is_err());
    }
}
