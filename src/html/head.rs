//! Reading a page's head once ([`Head`]): every place metadata can stand,
//! gathered element by element while `dom` walks the parsed page, with
//! each JSON-LD script parsed once. The two readers, the article stage
//! (`meta`, `title`) and the metadata cascade (`crate::metadata`), then
//! apply their own order of trust.

use super::attr::attr;
use crate::model::head::{Head, JsonLd, TimeTag, squeeze_value as squeeze};
use scraper::{ElementRef, Html};
use serde_json::Value;

/// JSON-LD scripts the metadata reads at most; a bound on hostile pages.
const MAX_SCRIPTS: usize = 64;
/// `<time>` elements kept at most: the first ones are the article's.
const MAX_TIMES: usize = 32;
/// Bylines kept at most, and their length in characters at most.
const MAX_BYLINES: usize = 8;
const MAX_BYLINE_CHARS: usize = 120;
/// `<meta>` entries kept at most.
const MAX_METAS: usize = 2_000;

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

impl Head {
    /// Parses a page as cleaning does and reads its head.
    ///
    /// ```
    /// use newsbody::metadata::{Head, extract};
    /// let head = Head::read(r#"<html lang="de"><head><title>Die Brücke | Der Anzeiger</title>
    ///     </head><body><p>Text.</p></body></html>"#);
    /// assert_eq!(extract(&head).language.as_deref(), Some("de"));
    /// ```
    pub fn read(html: &str) -> Head {
        let (doc, _) = super::parse(html);
        super::dom::Dom::from_doc(&doc).head
    }
}

/// A [`Head`] being gathered.
pub struct HeadReader {
    head: Head,
    /// JSON-LD scripts taken for the metadata so far.
    metadata_scripts: usize,
}

impl HeadReader {
    /// Starts with what the root element says (`<html lang>`).
    pub fn new(doc: &Html) -> HeadReader {
        let mut head = Head::default();
        let root = doc.root_element();
        head.lang = attr(root.value(), "lang")
            .or_else(|| attr(root.value(), "xml:lang"))
            .map(squeeze)
            .filter(|l| !l.is_empty());
        HeadReader {
            head,
            metadata_scripts: 0,
        }
    }

    /// Reads one element; elements come in document order. `shown`: the
    /// element lies outside what is never content (`prune`), where the
    /// article stage reads the title.
    pub fn element(&mut self, node: ElementRef<'_>, shown: bool) {
        let el = node.value();
        if &*el.name.ns != HTML_NS {
            return;
        }
        if shown {
            self.shown(node);
        }
        let for_article = shown
            && el.name() == "script"
            && attr(el, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case(LD_TYPE));
        let for_metadata = self.gather(node);
        if for_article || for_metadata {
            self.script(&node_text(node), for_article, for_metadata);
        }
    }

    /// The gathered head.
    pub fn finish(self) -> Head {
        self.head
    }

    /// The title facts the article stage reads, each as written.
    fn shown(&mut self, node: ElementRef<'_>) {
        let el = node.value();
        let shown = &mut self.head.shown;
        match el.name() {
            "title" if shown.title.is_none() => shown.title = Some(node_text(node)),
            "meta" => {
                let key = attr(el, "property").or_else(|| attr(el, "name"));
                if matches!(key, Some("og:title" | "twitter:title")) && shown.og_title.is_none() {
                    shown.og_title = attr(el, "content").map(str::to_string);
                }
            }
            _ => {}
        }
    }

    /// What the metadata reads from one element; whether it is a JSON-LD
    /// script the metadata takes.
    fn gather(&mut self, node: ElementRef<'_>) -> bool {
        let el = node.value();
        let head = &mut self.head;
        let text = || squeeze(&node_text(node));
        match el.name() {
            "meta" => self.meta(el),
            "link" if has_token(attr(el, "rel"), "canonical") => {
                if head.canonical.is_none() {
                    head.canonical = attr(el, "href").map(squeeze).filter(|h| !h.is_empty());
                }
            }
            "base" if head.base.is_none() => head.base = attr(el, "href").map(squeeze),
            "title" if head.title.is_none() => {
                head.title = Some(text()).filter(|t| !t.is_empty());
            }
            "script" if is_json_ld(attr(el, "type")) && self.metadata_scripts < MAX_SCRIPTS => {
                self.metadata_scripts += 1;
                return true;
            }
            "time" if head.times.len() < MAX_TIMES => {
                let value = attr(el, "datetime").map(squeeze).unwrap_or_else(text);
                let published = attr(el, "pubdate").is_some()
                    || has_token(attr(el, "itemprop"), "datePublished");
                head.times.push(TimeTag { value, published });
            }
            _ => {
                if let (Some(prop), Some(content)) = (attr(el, "itemprop"), attr(el, "content")) {
                    self.push_meta(prop, content);
                } else if has_token(attr(el, "itemprop"), "author")
                    || (el.name() == "a" && has_token(attr(el, "rel"), "author"))
                {
                    self.push_byline(node);
                }
            }
        }
        false
    }

    /// Parses a JSON-LD script once, for the readers that take it.
    fn script(&mut self, text: &str, for_article: bool, for_metadata: bool) {
        let Some((value, as_written)) = parse_json_ld(text) else {
            return;
        };
        let for_article = for_article && as_written;
        if for_article || for_metadata {
            self.head.json_ld.push(JsonLd {
                value,
                for_metadata,
                for_article,
            });
        }
    }

    /// A microdata author (its `name` property when it is an item) or a
    /// `rel=author` link, when its text is short enough to be a name.
    fn push_byline(&mut self, el: ElementRef<'_>) {
        if self.head.bylines.len() >= MAX_BYLINES {
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
            self.head.bylines.push(text);
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
        if !value.is_empty() && self.head.metas.len() < MAX_METAS {
            self.head.metas.push((key.to_ascii_lowercase(), value));
        }
    }
}

/// The JSON-LD script type.
const LD_TYPE: &str = "application/ld+json";

fn has_token(attr: Option<&str>, token: &str) -> bool {
    attr.is_some_and(|a| a.split_whitespace().any(|t| t.eq_ignore_ascii_case(token)))
}

/// A JSON-LD type, parameters allowed (`application/ld+json; charset=utf-8`).
fn is_json_ld(ty: Option<&str>) -> bool {
    ty.is_some_and(|t| {
        t.split(';')
            .next()
            .is_some_and(|t| t.trim().eq_ignore_ascii_case(LD_TYPE))
    })
}

/// A script's value, and whether it parsed as written (else after the
/// repairs of [`repaired`]).
fn parse_json_ld(script: &str) -> Option<(Value, bool)> {
    match serde_json::from_str(script.trim()) {
        Ok(v) => Some((v, true)),
        Err(_) => repaired(script).map(|v| (v, false)),
    }
}

/// Parses one script, repairing what pages commonly get wrong: an HTML
/// comment or CDATA wrapper, and raw line breaks or tabs inside strings.
fn repaired(script: &str) -> Option<Value> {
    let mut s = script.trim();
    for wrapper in ["<!--", "//<![CDATA[", "<![CDATA["] {
        s = s.strip_prefix(wrapper).unwrap_or(s).trim();
    }
    for wrapper in ["-->", "//]]>", "]]>"] {
        s = s.strip_suffix(wrapper).unwrap_or(s).trim();
    }
    serde_json::from_str(s).ok().or_else(|| {
        let repaired: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&repaired).ok()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_parse_once_as_written_or_repaired() {
        let (v, as_written) = parse_json_ld(" {\"headline\":\"A\"} ").unwrap();
        assert_eq!((v["headline"].as_str(), as_written), (Some("A"), true));
        let (v, as_written) = parse_json_ld("<!-- {\"headline\":\"Two\nlines\"} -->").unwrap();
        assert_eq!(
            (v["headline"].as_str(), as_written),
            (Some("Two lines"), false)
        );
        assert!(parse_json_ld("{not json").is_none());
    }

    #[test]
    fn the_article_stage_reads_only_what_a_reader_sees() {
        let head = Head::read(
            r#"<html><head><title></title><meta property="og:title" content=" A  title ">
            <script type="application/ld+json; charset=utf-8">{"headline":"H"}</script>
            </head><body><title>Second</title></body></html>"#,
        );
        assert_eq!(head.shown.title.as_deref(), Some(""));
        assert_eq!(head.title.as_deref(), Some("Second"));
        assert_eq!(head.shown.og_title.as_deref(), Some(" A  title "));
        assert_eq!(head.meta_value(&["og:title"]), Some("A title"));
        assert!(head.json_ld[0].for_metadata && !head.json_ld[0].for_article);
    }
}
