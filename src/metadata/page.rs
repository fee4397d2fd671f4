//! One pass over the parsed page, gathering every place metadata can
//! stand: `<meta>` (and any element's `itemprop` with `content`), the
//! canonical link, `<base>`, `<html lang>`, `<title>`, JSON-LD scripts and
//! `<time>` elements. The cascade in `mod.rs` then reads them in order of
//! trust.

use crate::html::attr::attr;
use scraper::{ElementRef, Html};

/// JSON-LD scripts read at most; a bound on hostile pages.
const MAX_SCRIPTS: usize = 64;
/// `<time>` elements kept at most: the first ones are the article's.
const MAX_TIMES: usize = 32;
/// Bylines kept at most, and their length in characters at most.
const MAX_BYLINES: usize = 8;
const MAX_BYLINE_CHARS: usize = 120;
/// `<meta>` entries kept at most.
const MAX_METAS: usize = 2_000;
/// Bytes of one metadata value kept at most.
pub const MAX_VALUE: usize = 4_096;

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// A `<time>` element.
#[derive(Debug)]
pub struct TimeTag {
    /// Its `datetime` attribute, or else its text.
    pub value: String,
    /// Marked as the publication time (`pubdate`, `itemprop=datePublished`).
    pub published: bool,
}

/// What the page holds, as found.
#[derive(Debug, Default)]
pub struct Page {
    /// `(key, value)` in document order; the key is the lowercased `name`,
    /// `property`, `itemprop` or `http-equiv`.
    pub metas: Vec<(String, String)>,
    /// `<link rel=canonical href>`, as written.
    pub canonical: Option<String>,
    /// `<base href>`.
    pub base: Option<String>,
    /// `<html lang>` (or `xml:lang`).
    pub lang: Option<String>,
    /// The first `<title>` outside SVG, whitespace collapsed.
    pub title: Option<String>,
    /// The text of each `application/ld+json` script.
    pub json_ld: Vec<String>,
    /// `<time>` elements in document order.
    pub times: Vec<TimeTag>,
    /// Microdata `itemprop=author` and `rel=author` texts.
    pub bylines: Vec<String>,
}

impl Page {
    /// Walks `doc` once (iteratively: deep pages cannot overflow).
    pub fn gather(doc: &Html) -> Page {
        let mut page = Page::default();
        let root = doc.root_element();
        page.lang = attr(root.value(), "lang")
            .or_else(|| attr(root.value(), "xml:lang"))
            .map(squeeze)
            .filter(|l| !l.is_empty());
        for node in doc.tree.root().descendants().filter_map(ElementRef::wrap) {
            let el = node.value();
            if &*el.name.ns != HTML_NS {
                continue;
            }
            let text = || squeeze(&node_text(node));
            match el.name() {
                "meta" => page.meta(el),
                "link" if has_token(attr(el, "rel"), "canonical") => {
                    if page.canonical.is_none() {
                        page.canonical = attr(el, "href").map(squeeze).filter(|h| !h.is_empty());
                    }
                }
                "base" if page.base.is_none() => page.base = attr(el, "href").map(squeeze),
                "title" if page.title.is_none() => {
                    page.title = Some(text()).filter(|t| !t.is_empty());
                }
                "script" if is_json_ld(attr(el, "type")) && page.json_ld.len() < MAX_SCRIPTS => {
                    page.json_ld.push(node_text(node));
                }
                "time" if page.times.len() < MAX_TIMES => {
                    let value = attr(el, "datetime").map(squeeze).unwrap_or_else(text);
                    let published = attr(el, "pubdate").is_some()
                        || has_token(attr(el, "itemprop"), "datePublished");
                    page.times.push(TimeTag { value, published });
                }
                _ => {
                    if let (Some(prop), Some(content)) = (attr(el, "itemprop"), attr(el, "content"))
                    {
                        page.push_meta(prop, content);
                    } else if has_token(attr(el, "itemprop"), "author")
                        || (el.name() == "a" && has_token(attr(el, "rel"), "author"))
                    {
                        page.push_byline(node);
                    }
                }
            }
        }
        page
    }

    /// A microdata author (its `name` property when it is an item) or a
    /// `rel=author` link, when its text is short enough to be a name.
    fn push_byline(&mut self, el: ElementRef<'_>) {
        if self.bylines.len() >= MAX_BYLINES {
            return;
        }
        let named = attr(el.value(), "itemscope").and_then(|_| {
            el.descendants()
                .filter_map(ElementRef::wrap)
                .find(|d| has_token(attr(d.value(), "itemprop"), "name"))
        });
        let text = match named {
            Some(n) => attr(n.value(), "content").map_or_else(|| squeeze(&node_text(n)), squeeze),
            None => squeeze(&node_text(el)),
        };
        if !text.is_empty() && text.chars().count() <= MAX_BYLINE_CHARS {
            self.bylines.push(text);
        }
    }

    fn meta(&mut self, el: &scraper::node::Element) {
        let Some(content) = attr(el, "content") else {
            return;
        };
        for key in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(k) = attr(el, key) {
                // `property` may hold several RDFa terms.
                for k in k.split_whitespace() {
                    self.push_meta(k, content);
                }
            }
        }
    }

    fn push_meta(&mut self, key: &str, value: &str) {
        let value = squeeze(value);
        if !value.is_empty() && self.metas.len() < MAX_METAS {
            self.metas.push((key.to_ascii_lowercase(), value));
        }
    }

    /// The first value under any of `keys`, in the order of `keys`.
    pub fn meta_value(&self, keys: &[&str]) -> Option<&str> {
        keys.iter()
            .find_map(|k| self.metas.iter().find(|(mk, _)| mk == k))
            .map(|(_, v)| v.as_str())
    }

    /// Every value under `key`, in document order.
    pub fn meta_values<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.metas
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

fn has_token(attr: Option<&str>, token: &str) -> bool {
    attr.is_some_and(|a| a.split_whitespace().any(|t| t.eq_ignore_ascii_case(token)))
}

fn is_json_ld(ty: Option<&str>) -> bool {
    ty.is_some_and(|t| {
        t.split(';')
            .next()
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
    })
}

/// The text under an element (for `<title>`, `<script>`, `<time>`),
/// bounded.
fn node_text(el: ElementRef<'_>) -> String {
    let mut s = String::new();
    for t in el.text() {
        s.push_str(t);
        if s.len() > 4 * 1024 * 1024 {
            break;
        }
    }
    s
}

/// Collapses whitespace runs to one space, trims, and caps the length at
/// [`MAX_VALUE`] bytes (on a character boundary).
pub fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(MAX_VALUE));
    for w in s.split_whitespace() {
        if out.len() + w.len() + 1 > MAX_VALUE {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
