//! What a page says about itself, read once while the page is read into
//! the arena (`html::head`) and shared by the two stages that use it:
//! finding the article and its title (`html`), and the metadata cascade
//! (`metadata`). Values are kept as found (whitespace collapsed); each
//! reader applies its own order of trust.

use crate::normalize::squeeze_within;
use serde_json::Value;

/// Bytes of one value kept at most (a bound on hostile pages).
const MAX_VALUE: usize = 4_096;

/// A value as the head keeps it: whitespace collapsed, at most
/// `MAX_VALUE` bytes (whole words).
pub(crate) fn squeeze_value(s: &str) -> String {
    squeeze_within(s, MAX_VALUE)
}

/// The head's facts, and the other places metadata can stand: `<meta>`
/// (and any element's `itemprop` with `content`), the canonical link,
/// `<base>`, `<html lang>`, `<title>`, JSON-LD scripts (parsed once),
/// `<time>` elements and bylines.
///
/// Read it from a page with `Head::read` and pass it to
/// [`crate::metadata::extract`]; cleaning a page reads it once and uses it
/// for both the title and the metadata.
#[derive(Debug, Default)]
pub struct Head {
    /// `(key, value)` in document order; the key is the lowercased `name`,
    /// `property`, `itemprop` or `http-equiv`.
    pub(crate) metas: Vec<(String, String)>,
    /// `<link rel=canonical href>`, as written.
    pub(crate) canonical: Option<String>,
    /// `<base href>`.
    pub(crate) base: Option<String>,
    /// `<html lang>` (or `xml:lang`).
    pub(crate) lang: Option<String>,
    /// The first `<title>` with text, whitespace collapsed, bounded.
    pub(crate) title: Option<String>,
    /// JSON-LD scripts that parse, in document order.
    pub(crate) json_ld: Vec<JsonLd>,
    /// `<time>` elements in document order.
    pub(crate) times: Vec<TimeTag>,
    /// The first `<h1>` with text, whitespace collapsed, bounded: the
    /// headline when the title is only the site's name.
    pub(crate) h1: Option<String>,
    /// How many `<h1>` elements have text (a page of teasers has many).
    pub(crate) h1_count: usize,
    /// Microdata `itemprop=author` and `rel=author` texts.
    pub(crate) bylines: Vec<String>,
    /// The title as the page shows it, the way the article stage reads
    /// it (`html::title`).
    pub(crate) shown: Shown,
}

/// The title facts the article stage reads: only elements outside what
/// is never content (`html::prune`), and each as written.
#[derive(Debug, Default)]
pub(crate) struct Shown {
    /// The first `<title>`'s text, even when blank.
    pub title: Option<String>,
    /// The `content` of the first `<meta>` whose `property` (else `name`)
    /// is `og:title` or `twitter:title`.
    pub og_title: Option<String>,
}

/// One JSON-LD script, parsed once, and which readers take it.
#[derive(Debug)]
pub(crate) struct JsonLd {
    pub value: Value,
    /// Among the scripts the metadata cascade reads (the first ones, of
    /// type `application/ld+json` with or without parameters).
    pub for_metadata: bool,
    /// Read by the article stage for `articleBody` and `headline`: of
    /// type exactly `application/ld+json`, outside what is never
    /// content, and valid JSON as written (the metadata also reads a
    /// script after repairing a comment wrapper or raw line breaks).
    pub for_article: bool,
}

/// A `<time>` element.
#[derive(Debug)]
pub(crate) struct TimeTag {
    /// Its `datetime` attribute, or else its text.
    pub value: String,
    /// Marked as the publication time (`pubdate`, `itemprop=datePublished`).
    pub published: bool,
}

impl Head {
    /// The first value under any of `keys`, in the order of `keys`.
    pub(crate) fn meta_value(&self, keys: &[&str]) -> Option<&str> {
        keys.iter()
            .find_map(|k| self.metas.iter().find(|(mk, _)| mk == k))
            .map(|(_, v)| v.as_str())
    }

    /// Every value under `key`, in document order.
    pub(crate) fn meta_values<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.metas
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}
