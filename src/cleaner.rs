//! The one entry point: a [`Cleaner`] with its rules compiled, and the
//! way a document takes through it (decode, dispatch to the text or HTML
//! stage, classify, assemble the result).

use crate::classify::score::forest::Forest;
use crate::model::{Block, BlockReport, Cleaned, Kind, Metadata, Reason, Removal, Verdict};
use crate::options::{InputKind, Options, Scorer};
use crate::{Error, classify, html, input, metadata, output, rules, text};
use std::sync::{Arc, LazyLock};

/// The built-in rules, compiled once per process.
static BUILTIN: LazyLock<Arc<rules::RuleSet>> =
    LazyLock::new(|| Arc::new(rules::RuleSet::load(&[]).expect("built-in rules are valid")));

/// The built-in scorer: static tables, nothing to read.
static BUILTIN_SCORER: LazyLock<Option<Arc<Forest>>> =
    LazyLock::new(|| Forest::builtin().map(Arc::new));

/// The warning of a document whose body is empty.
const EMPTY_BODY: &str = "empty body: nothing in the input was kept as article text";

/// A cleaner with its rules compiled, reusable across documents and threads.
#[derive(Debug, Clone)]
pub struct Cleaner {
    options: Options,
    pub(crate) rules: Arc<rules::RuleSet>,
    scorer: Option<Arc<Forest>>,
}

impl Cleaner {
    /// Compiles the built-in rules and the options' extra rules, and
    /// takes the scorer the options name.
    ///
    /// Fails when an extra rule file is malformed (the error names the
    /// file and line) or when scorer weights cannot be read.
    pub fn new(options: Options) -> Result<Cleaner, Error> {
        let rules = if options.extra_rules.is_empty() {
            Arc::clone(&BUILTIN)
        } else {
            Arc::new(rules::RuleSet::load(&options.extra_rules)?)
        };
        let scorer = match &options.scorer {
            Scorer::BuiltIn => BUILTIN_SCORER.clone(),
            Scorer::Off => None,
            Scorer::Weights(text) => Some(Arc::new(Forest::parse(text).map_err(Error::Weights)?)),
        };
        Ok(Cleaner {
            options,
            rules,
            scorer,
        })
    }

    /// The options this cleaner was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Cleans a document given as bytes: decodes it (byte-order mark,
    /// UTF-8, `<meta charset>`, else a guess), decides HTML or text (unless
    /// the options say), and returns the body, the removals and, for HTML,
    /// the page's metadata.
    ///
    /// Fails when the input is over [`Options::max_input_bytes`] and when
    /// it is not text ([`Error::NotText`]: a binary format's signature, or
    /// control characters beyond a small share of its start, whatever the
    /// input kind); malformed bytes are replaced and reported in
    /// `warnings`.
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
        self.clean_with_charset(bytes, None)
    }

    /// [`Cleaner::clean`] for bytes whose charset was declared outside
    /// them: the `charset` of an HTTP `Content-Type` header or of a WARC
    /// record's HTTP headers, as its label (`"ISO-8859-1"`, `"utf-8"`).
    ///
    /// Decoding takes, in this order: a byte-order mark; the declared
    /// charset; then the rules of [`Cleaner::clean`] (valid UTF-8, for
    /// HTML a `<meta charset>`, else a guess). A label that names no
    /// charset (see the WHATWG Encoding Standard) is left aside with a
    /// warning; `None` is [`Cleaner::clean`].
    ///
    /// ```
    /// let cleaner = newsbody::Cleaner::new(newsbody::Options::default())?;
    /// // "Café" in ISO-8859-1, as a server declared it.
    /// let page = b"<html><body><p>Caf\xe9 prices rose by a third this year.</p></body></html>";
    /// let cleaned = cleaner.clean_with_charset(page, Some("ISO-8859-1"))?;
    /// assert_eq!(cleaned.body, "Café prices rose by a third this year.\n");
    /// assert!(cleaned.warnings.is_empty());
    /// # Ok::<(), newsbody::Error>(())
    /// ```
    pub fn clean_with_charset(
        &self,
        bytes: &[u8],
        charset: Option<&str>,
    ) -> Result<Cleaned, Error> {
        self.check_size(bytes.len())?;
        refuse_binary(input::signature(bytes))?;
        let kind = match self.options.input {
            InputKind::Auto => sniff(bytes),
            kind => kind,
        };
        let decoded = input::decode(bytes, kind == InputKind::Html, charset);
        refuse_binary(input::control_share(&decoded.text))?;
        let mut cleaned = self.dispatch(&decoded.text, kind);
        let mut warnings = decoded.warnings;
        warnings.append(&mut cleaned.warnings);
        cleaned.warnings = warnings;
        Ok(cleaned)
    }

    /// Cleans a document already decoded, as `kind` says (`Auto` sniffs
    /// it, as [`Cleaner::clean`] does; the options' input kind is not
    /// read). For text, kept blocks come out exactly as they were, with
    /// their original separators, and the metadata is empty; for a page,
    /// the body has one block per line and the page is parsed once, for
    /// the blocks and for the [`Metadata`].
    ///
    /// Fails when the document is over [`Options::max_input_bytes`] or not
    /// text ([`Error::NotText`]).
    ///
    /// ```
    /// use newsbody::{Cleaner, InputKind, Kind, Options};
    /// let cleaner = Cleaner::new(Options::default())?;
    /// let text = "The bridge reopens in May.\n\nSign up for our newsletter to get the news in your inbox.\n";
    /// let cleaned = cleaner.clean_str(text, InputKind::Text)?;
    /// assert_eq!(cleaned.body, "The bridge reopens in May.\n\n");
    /// assert_eq!(cleaned.removed[0].kind, Kind::Newsletter);
    /// assert!(cleaned.metadata.is_empty());
    ///
    /// let page = r#"<html><head>
    ///   <script type="application/ld+json">{"@type": "NewsArticle",
    ///     "author": {"@type": "Person", "name": "Ann Lee"}, "datePublished": "2024-03-05"}</script>
    ///   </head><body><p>The bridge reopens in May.</p><p>Read more: Other news</p></body></html>"#;
    /// let cleaned = cleaner.clean_str(page, InputKind::Html)?;
    /// assert_eq!(cleaned.body, "The bridge reopens in May.\n");
    /// assert_eq!(cleaned.metadata.author.as_deref(), Some("Ann Lee"));
    /// assert_eq!(cleaned.metadata.date.as_deref(), Some("2024-03-05"));
    /// # Ok::<(), newsbody::Error>(())
    /// ```
    pub fn clean_str(&self, doc: &str, kind: InputKind) -> Result<Cleaned, Error> {
        self.check_size(doc.len())?;
        refuse_binary(input::signature(doc.as_bytes()))?;
        refuse_binary(input::control_share(doc))?;
        let kind = match kind {
            InputKind::Auto => sniff(doc.as_bytes()),
            kind => kind,
        };
        Ok(self.dispatch(doc, kind))
    }

    /// Refuses an input over [`Options::max_input_bytes`].
    fn check_size(&self, size: usize) -> Result<(), Error> {
        let limit = self.options.max_input_bytes;
        if size > limit {
            return Err(Error::TooLarge { size, limit });
        }
        Ok(())
    }

    /// Sends a decoded document to the text or the HTML stage; `kind` is
    /// already decided.
    /// An empty body is said in the warnings, so that it is never silent
    /// (the command prints them; JSON carries them).
    fn dispatch(&self, doc: &str, kind: InputKind) -> Cleaned {
        let mut cleaned = if kind == InputKind::Html {
            self.clean_page(doc)
        } else {
            self.clean_text(doc)
        };
        // The page stage may already have said why its body is empty.
        if cleaned.is_empty() && !cleaned.warnings.iter().any(|w| w.starts_with("empty body")) {
            cleaned.warnings.push(EMPTY_BODY.to_string());
        }
        cleaned
    }

    /// Cleans already-extracted article text.
    fn clean_text(&self, text: &str) -> Cleaned {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let blocks = text::segment(text);
        let decided = classify::classify(&blocks, &self.rules, self.scorer.as_deref());
        let removed: Vec<bool> = decided.iter().map(Option::is_some).collect();
        let body = output::text::text_body(&blocks, &removed);
        assemble(blocks, decided, None, body)
    }

    /// Cleans a saved page. Elements nested deeper than the browsers' cap
    /// become siblings at that depth before parsing, keeping their text,
    /// and a warning says so (see `html::parse`).
    fn clean_page(&self, html: &str) -> Cleaned {
        let (dom, nesting_warning) = html::parse(html);
        let page = html::read(dom, &self.rules, self.scorer.as_deref());
        let body = output::text::page_body(&page.blocks, &page.decided);
        // One title: the page stage's reading, checked as the metadata
        // checks its own (a site's name or a generic word gives way to the
        // page's only `<h1>`; the site's name around it goes).
        let mut cleaned = assemble(page.blocks, page.decided, None, body);
        cleaned.metadata = metadata::extract_titled(&page.head, page.title.as_deref());
        cleaned.title.clone_from(&cleaned.metadata.title);
        if cleaned.metadata.author.is_none() {
            // The head names no author: the byline the page shows, removed
            // from the body as a heading line, may.
            cleaned.metadata.author = (cleaned.removed.iter())
                .filter(|r| r.reason.kind == Kind::Heading)
                .find_map(|r| metadata::byline_author(&r.text));
        }
        cleaned.warnings.extend(nesting_warning);
        cleaned.warnings.extend(page.warnings);
        cleaned
    }
}

/// [`Error::NotText`] when a test of `input::binary` found a reason.
fn refuse_binary(why: Option<String>) -> Result<(), Error> {
    match why {
        Some(why) => Err(Error::NotText { why }),
        None => Ok(()),
    }
}

/// `Html` when the bytes look like a page, else `Text`.
fn sniff(bytes: &[u8]) -> InputKind {
    if input::looks_like_html(bytes) {
        InputKind::Html
    } else {
        InputKind::Text
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

/// The result of a document: `body` as built, and the decision on every
/// block. The blocks are consumed: each one's text moves into its report
/// rather than being copied.
fn assemble(
    blocks: Vec<Block>,
    decided: Vec<Option<Reason>>,
    title: Option<String>,
    body: String,
) -> Cleaned {
    let mut removed = Vec::new();
    let mut reports = Vec::with_capacity(blocks.len());
    for (position, (b, d)) in blocks.into_iter().zip(decided).enumerate() {
        let verdict = match d {
            None => Verdict::Keep,
            Some(reason) => {
                removed.push(Removal {
                    text: b.text.clone(),
                    reason: reason.clone(),
                    position,
                });
                Verdict::Drop(reason)
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
