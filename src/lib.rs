//! newsbody removes publisher appeals and boilerplate from news articles and
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
//! let cleaned = newsbody::clean(text.as_bytes(), &newsbody::Options::default()).unwrap();
//! assert_eq!(cleaned.body, "The council approved the budget on Tuesday.\nIt takes effect in March.\n");
//! assert_eq!(cleaned.removed[0].kind, newsbody::Kind::Appeal);
//! ```
//!
//! For many documents, build a [`Cleaner`] once and reuse it (it is `Send +
//! Sync`):
//!
//! ```
//! use newsbody::{Cleaner, Options};
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
//! shingles and lines); the `newsbody-eval` command is built on it.

mod block;
mod classify;
mod error;
pub mod eval;
mod explain;
mod html;
mod input;
pub mod jsonl;
pub mod markdown;
pub mod metadata;
mod normalize;
mod options;
mod report;
mod rules;
mod schema;
mod text;
#[cfg(feature = "warc")]
pub mod warc;

pub use error::Error;
pub use metadata::Metadata;
pub use options::{InputKind, Options};
pub use report::{BlockReport, Cleaned, Kind, Removal, Verdict};
pub use schema::{JsonOutput, SCHEMA_VERSION};

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

    /// Cleans a document given as bytes: decodes it (byte-order mark,
    /// UTF-8, `<meta charset>`, else a guess), decides HTML or text (unless
    /// the options say), and returns the body, the removals and, for HTML,
    /// the page's metadata.
    ///
    /// Fails only when the input is over [`Options::max_input_bytes`];
    /// malformed bytes are replaced and reported in `warnings`.
    ///
    /// ```
    /// use newsbody::{Cleaner, Options};
    /// let cleaner = Cleaner::new(Options::default())?;
    /// let page = r#"<html lang="fr"><head><meta property="og:title" content="Le titre">
    ///     </head><body><p>Le conseil a voté le budget mardi soir.</p></body></html>"#;
    /// let cleaned = cleaner.clean(page.as_bytes())?;
    /// assert_eq!(cleaned.body, "Le conseil a voté le budget mardi soir.\n");
    /// assert_eq!(cleaned.metadata.title.as_deref(), Some("Le titre"));
    /// assert_eq!(cleaned.metadata.language.as_deref(), Some("fr"));
    /// # Ok::<(), newsbody::Error>(())
    /// ```
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
    /// as they were, with their original separators; the metadata is
    /// empty.
    ///
    /// ```
    /// let cleaner = newsbody::Cleaner::new(newsbody::Options::default())?;
    /// let text = "The bridge reopens in May.\n\nSign up for our newsletter to get the news in your inbox.\n";
    /// let cleaned = cleaner.clean_text(text);
    /// assert_eq!(cleaned.body, "The bridge reopens in May.\n\n");
    /// assert_eq!(cleaned.removed[0].kind, newsbody::Kind::Newsletter);
    /// assert!(cleaned.metadata.is_empty());
    /// # Ok::<(), newsbody::Error>(())
    /// ```
    pub fn clean_text(&self, text: &str) -> Cleaned {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let blocks = text::segment(text);
        let decided = classify::classify(&blocks, &self.rules);
        let removed: Vec<bool> = decided.iter().map(Option::is_some).collect();
        let body = text::body(&blocks, &removed);
        assemble(blocks, decided, None, body)
    }

    /// Cleans a saved page given as text. The body has one block per line;
    /// the page is parsed once, for the blocks and for the
    /// [`Metadata`].
    ///
    /// ```
    /// let cleaner = newsbody::Cleaner::new(newsbody::Options::default())?;
    /// let page = r#"<html><head>
    ///   <script type="application/ld+json">{"@type": "NewsArticle",
    ///     "author": {"@type": "Person", "name": "Ann Lee"}, "datePublished": "2024-03-05"}</script>
    ///   </head><body><p>The bridge reopens in May.</p><p>Read more: Other news</p></body></html>"#;
    /// let cleaned = cleaner.clean_html(page);
    /// assert_eq!(cleaned.body, "The bridge reopens in May.\n");
    /// assert_eq!(cleaned.metadata.author.as_deref(), Some("Ann Lee"));
    /// assert_eq!(cleaned.metadata.date.as_deref(), Some("2024-03-05"));
    /// # Ok::<(), newsbody::Error>(())
    /// ```
    ///
    /// Elements nested deeper than 512 (the browsers' cap) become siblings
    /// at that depth before parsing, keeping their text, and a warning says
    /// how many tags were changed: the parser would take quadratic time on
    /// them.
    pub fn clean_html(&self, html: &str) -> Cleaned {
        let (html, cut) = input::limit_nesting(html);
        let doc = html::parse(&html);
        let (blocks, title) = html::blocks(&doc, &self.rules);
        let decided = classify::classify(&blocks, &self.rules);
        let body = html_body(&blocks, &decided);
        let mut cleaned = assemble(blocks, decided, title, body);
        cleaned.metadata = metadata::extract(&doc);
        if cut > 0 {
            cleaned.warnings.push(format!(
                "page nested deeper than {} elements (or with too many formatting \
                 elements left open): {cut} tag(s) were closed early or left out \
                 before parsing; no text was lost",
                input::MAX_DEPTH
            ));
        }
        cleaned
    }
}

/// Cleans one document with the given options. For many documents, build
/// a [`Cleaner`] once instead.
///
/// ```
/// let cleaned = newsbody::clean(b"Body text.\nDonate now", &newsbody::Options::default())?;
/// assert_eq!(cleaned.body, "Body text.\n");
/// // The stable JSON form (schema/newsbody-output-v1.json):
/// let json = serde_json::to_value(cleaned.to_json(Some("note.txt"))).unwrap();
/// assert_eq!(json["schema"], 1);
/// # Ok::<(), newsbody::Error>(())
/// ```
pub fn clean(bytes: &[u8], options: &Options) -> Result<Cleaned, Error> {
    Cleaner::new(options.clone())?.clean(bytes)
}

/// The kept blocks of a page, one per line.
fn html_body(blocks: &[block::Block], decided: &[Option<classify::Removed>]) -> String {
    let mut body = String::new();
    for (b, d) in blocks.iter().zip(decided) {
        if d.is_none() {
            body.push_str(&b.text);
            body.push('\n');
        }
    }
    body
}

/// The result of a document: `body` as built, and the decision on every
/// block. The blocks are consumed: each one's text moves into its report
/// rather than being copied.
fn assemble(
    blocks: Vec<block::Block>,
    decided: Vec<Option<classify::Removed>>,
    title: Option<String>,
    body: String,
) -> Cleaned {
    let mut removed = Vec::new();
    let mut reports = Vec::with_capacity(blocks.len());
    for (position, (b, d)) in blocks.into_iter().zip(decided).enumerate() {
        let verdict = match d {
            None => Verdict::Keep,
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
            text: b.text,
            verdict,
            shape: b.markup.as_ref().map(|m| m.shape.clone()),
        });
    }
    Cleaned {
        body,
        title,
        removed,
        warnings: Vec::new(),
        blocks: reports,
        metadata: Metadata::default(),
    }
}
