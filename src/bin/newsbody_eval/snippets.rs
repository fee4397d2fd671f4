//! Snippet corpora, as trafilatura's own benchmark lays them out and scores
//! them (its `tests/eval_common.py`): `evaldata.json` maps each page's URL
//! to `{"file", "with", "without"}`, the page is `html/<file>`. The body
//! is whitespace-normalised; a `with` snippet found in it is a true
//! positive, missing a false negative; a `without` snippet found is a
//! false positive, missing a true negative. Counts are summed over pages,
//! and precision, recall, accuracy and F1 come from the sums. Empty bodies
//! are counted too, and every page with a miss is listed for debugging.

use crate::corpus::{Corpus, Doc, Layout};
use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// What one page's body must and must not contain.
#[derive(Debug, Clone, Deserialize)]
pub struct Expect {
    #[serde(rename = "with")]
    pub with: Vec<String>,
    #[serde(rename = "without")]
    pub without: Vec<String>,
}

/// One entry of `evaldata.json`.
#[derive(Debug, Deserialize)]
struct Entry {
    file: String,
    #[serde(flatten)]
    expect: Expect,
}

/// One page's counts, with the snippets it got wrong.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Count {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
    /// The body was empty.
    pub empty: bool,
    /// `with` snippets not found.
    pub missed: Vec<String>,
    /// `without` snippets found.
    pub leaked: Vec<String>,
}

/// A corpus's sums and figures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub pages: usize,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
    pub precision: f64,
    pub recall: f64,
    pub accuracy: f64,
    pub f1: f64,
    pub empty: usize,
    /// Pages with a missed or a leaked snippet (or an empty body), by id.
    pub misses: Vec<(String, Count)>,
}

/// Whether `path` is a snippet corpus (`evaldata.json` and `html/`).
pub fn is_corpus(path: &Path) -> bool {
    path.join("evaldata.json").is_file() && path.join("html").is_dir()
}

/// Reads a snippet corpus; pages whose file is missing are skipped with a
/// warning, as trafilatura's evaluation skips them.
pub fn corpus(path: &Path, name: String, warnings: &mut Vec<String>) -> Result<Corpus> {
    let json = path.join("evaldata.json");
    let bytes = std::fs::read(&json).with_context(|| format!("{}", json.display()))?;
    let entries: BTreeMap<String, Entry> =
        serde_json::from_slice(&bytes).with_context(|| format!("{}", json.display()))?;
    let mut docs = Vec::with_capacity(entries.len());
    for (url, e) in entries {
        let input = path.join("html").join(&e.file);
        if !input.is_file() {
            warnings.push(format!("{name}/{}: no page for {url}, skipped", e.file));
            continue;
        }
        docs.push(Doc {
            id: e.file,
            input,
            truth: json.clone(),
            html: true,
            negative: false,
            snippets: Some(e.expect),
        });
    }
    if docs.is_empty() {
        bail!("{}: evaldata.json names no page", path.display());
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(Corpus {
        name,
        layout: Layout::Snippets,
        dataset: None,
        peer: None,
        docs,
    })
}

/// Python's `re.sub(r"\s+", " ", text).strip()`: its `\s` is
/// `str.isspace`, which also takes the four information separators.
pub fn norm(text: &str) -> String {
    let space = |c: char| c.is_whitespace() || matches!(c, '\u{1C}'..='\u{1F}');
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if space(c) {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push(c);
    }
    out
}

impl Expect {
    /// Scores one body.
    pub fn count(&self, body: &str) -> Count {
        let body = norm(body);
        let mut c = Count {
            empty: body.is_empty(),
            ..Count::default()
        };
        for w in &self.with {
            if body.contains(&norm(w)) {
                c.tp += 1;
            } else {
                c.fn_ += 1;
                c.missed.push(w.clone());
            }
        }
        for w in &self.without {
            if body.contains(&norm(w)) {
                c.fp += 1;
                c.leaked.push(w.clone());
            } else {
                c.tn += 1;
            }
        }
        c
    }
}

/// Sums page counts (`(id, count)`) into the corpus figures.
pub fn summarize<'a>(pages: impl Iterator<Item = (&'a str, &'a Count)>) -> Summary {
    let mut s = Summary::default();
    for (id, c) in pages {
        s.pages += 1;
        s.tp += c.tp;
        s.fp += c.fp;
        s.fn_ += c.fn_;
        s.tn += c.tn;
        s.empty += usize::from(c.empty);
        if c.fn_ > 0 || c.fp > 0 || c.empty {
            s.misses.push((id.to_string(), c.clone()));
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    s.precision = ratio(s.tp, s.tp + s.fp);
    s.recall = ratio(s.tp, s.tp + s.fn_);
    s.accuracy = ratio(s.tp + s.tn, s.tp + s.tn + s.fp + s.fn_);
    s.f1 = ratio(2 * s.tp, 2 * s.tp + s.fp + s.fn_);
    s
}

impl Summary {
    /// The figures by the names floors use.
    pub fn figures(&self) -> Vec<(&'static str, f64)> {
        vec![
            ("f1", self.f1),
            ("precision", self.precision),
            ("recall", self.recall),
            ("accuracy", self.accuracy),
            ("max_empty_predictions", self.empty as f64),
        ]
    }

    /// The summary line: the usual columns, then accuracy and the sums.
    pub fn line(&self, name: &str) -> String {
        format!(
            "{name:<30} {:>5}  {:.4}  {:.4}  {:.4}  {:>5}  | snippets: accuracy {:.4}  \
             with found {} of {}  without found {} of {}",
            self.pages,
            self.f1,
            self.precision,
            self.recall,
            self.empty,
            self.accuracy,
            self.tp,
            self.tp + self.fn_,
            self.fp,
            self.fp + self.tn
        )
    }

    /// One line per page with a miss, then its snippets.
    pub fn print_misses(&self, name: &str) {
        println!(
            "\n{name}: {} pages with a missed `with` or a found `without` snippet:",
            self.misses.len()
        );
        for (id, c) in &self.misses {
            let empty = if c.empty { "  EMPTY" } else { "" };
            println!("  {id:<48} missed {}  leaked {}{empty}", c.fn_, c.fp);
            for m in &c.missed {
                println!("      - with    {m:?}");
            }
            for l in &c.leaked {
                println!("      + without {l:?}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_like_python() {
        assert_eq!(norm("  a\u{a0}\n b\u{1F}c\t"), "a b c");
        assert_eq!(norm(""), "");
    }

    #[test]
    fn counts_and_sums() {
        let e = Expect {
            with: vec!["keep  this".into(), "and this".into()],
            without: vec!["Menu".into(), "Footer".into()],
        };
        let a = e.count("Menu\nkeep this\nmore");
        assert_eq!((a.tp, a.fn_, a.fp, a.tn, a.empty), (1, 1, 1, 1, false));
        let b = e.count(" \n");
        assert_eq!((b.tp, b.fn_, b.fp, b.tn, b.empty), (0, 2, 0, 2, true));
        let s = summarize([("a", &a), ("b", &b)].into_iter());
        assert_eq!((s.tp, s.fp, s.fn_, s.tn, s.empty), (1, 1, 3, 3, 1));
        assert!((s.precision - 0.5).abs() < 1e-9);
        assert!((s.recall - 0.25).abs() < 1e-9);
        assert!((s.accuracy - 0.5).abs() < 1e-9);
        assert!((s.f1 - 2.0 / 6.0).abs() < 1e-9);
        assert_eq!(s.misses.len(), 2);
    }
}
