//! decruft removes publisher appeals and boilerplate from news articles and
//! returns the clean body, with the reason for every removal.
//!
//! It takes either a saved page (HTML) or already-extracted article text:
//!
//! ```
//! let text = "The council approved the budget on Tuesday.\n\
//!             It takes effect in March.\n\
//!             A Message from The Daily Example:\n\
//!             Dear readers,\n\
//!             We rely on you. Please support us monthly from just $3.\n\
//!             Remind me later.\n";
//! let cleaned = decruft::clean(text.as_bytes(), &decruft::Options::default()).unwrap();
//! assert_eq!(cleaned.body, "The council approved the budget on Tuesday.\nIt takes effect in March.\n");
//! assert_eq!(cleaned.removed[0].kind, decruft::Kind::Appeal);
//! ```
//!
//! For many documents, build a [`Cleaner`] once and reuse it (it is `Send +
//! Sync`):
//!
//! ```
//! use decruft::{Cleaner, Options};
//! let cleaner = Cleaner::new(Options::default()).unwrap();
//! for doc in ["One paragraph.\nRead more: Another story", "Second text."] {
//!     let cleaned = cleaner.clean(doc.as_bytes()).unwrap();
//!     assert!(!cleaned.body.contains("Read more"));
//! }
//! ```
//!
//! The pipeline, in the order data flows: `input` (sniff and decode),
//! `text` or `html` (cut into blocks), `classify` (facts, direct rules,
//! regions, context revision), then the body is assembled from the kept
//! blocks.
//!
//! [`eval`] scores a body against ground truth with the corpus metric (token
//! shingles and lines); the `decruft-eval` command is built on it.

mod block;
mod classify;
mod error;
pub mod eval;
mod explain;
mod html;
mod input;
mod normalize;
mod options;
mod report;
mod rules;
mod text;

pub use error::Error;
pub use options::{InputKind, Options};
pub use report::{BlockReport, Cleaned, Kind, Removal, Verdict};

use std::sync::{Arc, LazyLock};

/// The built-in rules, compiled once per process.
static BUILTIN: LazyLock<Arc<rules::RuleSet>> =
    LazyLock::new(|| Arc::new(rules::RuleSet::load(&[]).expect("built-in rules are valid")));

/// A cleaner with its rules compiled, reusable across documents and threads.
#[derive(Debug, Clone)]
pub struct Cleaner {
    options: Options,
    rules: Arc<rules::RuleSet>,
}

impl Cleaner {
    /// Compiles the built-in rules and the options' extra rules.
    ///
    /// Fails when an extra rule file is malformed; the error names the file
    /// and line.
    pub fn new(options: Options) -> Result<Cleaner, Error> {
        let rules = if options.extra_rules.is_empty() {
            Arc::clone(&BUILTIN)
        } else {
            Arc::new(rules::RuleSet::load(&options.extra_rules)?)
        };
        Ok(Cleaner { options, rules })
    }

    /// Cleans a document given as bytes: decodes it, decides HTML or text
    /// (unless the options say), and returns the body and the removals.
    pub fn clean(&self, bytes: &[u8]) -> Result<Cleaned, Error> {
        if bytes.len() > self.options.max_input_bytes {
            return Err(Error::TooLarge {
                size: bytes.len(),
                limit: self.options.max_input_bytes,
            });
        }
        let is_html = match self.options.input {
            InputKind::Html => true,
            InputKind::Text => false,
            InputKind::Auto => input::looks_like_html(bytes),
        };
        let decoded = input::decode(bytes, is_html);
        let mut cleaned = if is_html {
            self.clean_html(&decoded.text)
        } else {
            self.clean_text(&decoded.text)
        };
        let mut warnings = decoded.warnings;
        warnings.append(&mut cleaned.warnings);
        cleaned.warnings = warnings;
        Ok(cleaned)
    }

    /// Cleans already-extracted article text. Kept blocks come out exactly
    /// as they were, with their original separators.
    pub fn clean_text(&self, text: &str) -> Cleaned {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let blocks = text::segment(text);
        let decided = classify::classify(&blocks, &self.rules);
        assemble(&blocks, decided, None, |body, b| {
            body.push_str(&b.text);
            body.push_str(&b.trailing);
        })
    }

    /// Cleans a saved page given as text. The body has one block per line.
    pub fn clean_html(&self, html: &str) -> Cleaned {
        let (blocks, title) = html::blocks(html);
        let decided = classify::classify(&blocks, &self.rules);
        assemble(&blocks, decided, title, |body, b| {
            body.push_str(&b.text);
            body.push('\n');
        })
    }
}

/// Cleans one document with the given options. For many documents, build
/// a [`Cleaner`] once instead.
pub fn clean(bytes: &[u8], options: &Options) -> Result<Cleaned, Error> {
    Cleaner::new(options.clone())?.clean(bytes)
}

fn assemble(
    blocks: &[block::Block],
    decided: Vec<Option<classify::Removed>>,
    title: Option<String>,
    mut push: impl FnMut(&mut String, &block::Block),
) -> Cleaned {
    let mut body = String::new();
    let mut removed = Vec::new();
    let mut reports = Vec::with_capacity(blocks.len());
    for (position, (b, d)) in blocks.iter().zip(decided).enumerate() {
        let verdict = match d {
            None => {
                push(&mut body, b);
                Verdict::Keep
            }
            Some(r) => {
                removed.push(Removal {
                    text: b.text.clone(),
                    kind: r.kind,
                    rule: r.rule.clone(),
                    evidence: r.evidence.clone(),
                    position,
                });
                Verdict::Drop {
                    kind: r.kind,
                    rule: r.rule,
                    evidence: r.evidence,
                }
            }
        };
        reports.push(BlockReport {
            position,
            text: b.text.clone(),
            verdict,
        });
    }
    Cleaned {
        body,
        title,
        removed,
        warnings: Vec::new(),
        blocks: reports,
    }
}
