//! Reading a page's head once ([`Head`]): every place metadata can stand,
//! gathered element by element while `dom` walks the parsed tree, with
//! each JSON-LD script parsed once. The two readers, the article stage
//! (`meta`, `title`) and the metadata cascade (`crate::metadata`), then
//! apply their own order of trust.

use super::tree::{Data, Element, Tree};
use crate::model::head::{Head, JsonLd, TimeTag, squeeze_value as squeeze};
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
        super::dom::Dom::parse(html).0.head
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
    pub fn new(tree: &Tree) -> HeadReader {
        let mut head = Head::default();
        let root = tree.root_element().and_then(|r| tree.element(r));
        head.lang = root
            .and_then(|r| r.attr("lang").or_else(|| r.attr("xml:lang")))
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
    pub fn element(&mut self, tree: &Tree, i: u32, shown: bool) {
        let node = Node { tree, i };
        let el = node.el();
        if !el.is_html() {
            return;
        }
        if shown {
            self.shown(node);
        }
        let for_article = shown
            && name(el) == "script"
            && el
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case(LD_TYPE));
        let for_metadata = self.gather(node);
        if for_article || for_metadata {
            self.script(&node.text(), for_article, for_metadata);
        }
    }

    /// The gathered head.
    pub fn finish(self) -> Head {
        self.head
    }

    /// The title facts the article stage reads, each as written.
    fn shown(&mut self, node: Node<'_>) {
        let el = node.el();
        let shown = &mut self.head.shown;
        match name(el) {
            "title" if shown.title.is_none() => shown.title = Some(node.text()),
            "meta" => {
                let key = el.attr("property").or_else(|| el.attr("name"));
                if matches!(key, Some("og:title" | "twitter:title")) && shown.og_title.is_none() {
                    shown.og_title = el.attr("content").map(str::to_string);
                }
            }
            _ => {}
        }
    }

    /// What the metadata reads from one element; whether it is a JSON-LD
    /// script the metadata takes.
    fn gather(&mut self, node: Node<'_>) -> bool {
        let el = node.el();
        let attr = |name| el.attr(name);
        let head = &mut self.head;
        let text = || squeeze(&node.text());
        match name(el) {
            "meta" => self.meta(el),
            "link" if has_token(attr("rel"), "canonical") => {
                if head.canonical.is_none() {
                    head.canonical = attr("href").map(squeeze).filter(|h| !h.is_empty());
                }
            }
            "base" if head.base.is_none() => head.base = attr("href").map(squeeze),
            "title" if head.title.is_none() => {
                head.title = Some(text()).filter(|t| !t.is_empty());
            }
            "h1" => {
                let h1 = text();
                if !h1.is_empty() {
                    head.h1_count += 1;
                    head.h1.get_or_insert(h1);
                }
            }
            "script" if is_json_ld(attr("type")) && self.metadata_scripts < MAX_SCRIPTS => {
                self.metadata_scripts += 1;
                return true;
            }
            "time" if head.times.len() < MAX_TIMES => {
                let value = attr("datetime").map(squeeze).unwrap_or_else(text);
                let published =
                    attr("pubdate").is_some() || has_token(attr("itemprop"), "datePublished");
                head.times.push(TimeTag { value, published });
            }
            _ => {
                if let (Some(prop), Some(content)) = (attr("itemprop"), attr("content")) {
                    self.push_meta(prop, content);
                } else if has_token(attr("itemprop"), "author")
                    || (name(el) == "a" && has_token(attr("rel"), "author"))
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
    fn push_byline(&mut self, node: Node<'_>) {
        if self.head.bylines.len() >= MAX_BYLINES {
            return;
        }
        let named = node.el().attr("itemscope").and_then(|_| {
            // The element itself first (as scraper's `descendants` gave it).
            std::iter::once(node.i)
                .chain(node.tree.descendants(node.i))
                .map(|i| Node { tree: node.tree, i })
                .find(|d| {
                    d.tree
                        .element(d.i)
                        .is_some_and(|e| has_token(e.attr("itemprop"), "name"))
                })
        });
        let text = match named {
            Some(n) => n
                .el()
                .attr("content")
                .map_or_else(|| squeeze(&n.text()), squeeze),
            None => squeeze(&node.text()),
        };
        if !text.is_empty() && text.chars().count() <= MAX_BYLINE_CHARS {
            self.head.bylines.push(text);
        }
    }

    fn meta(&mut self, el: &Element) {
        let Some(content) = el.attr("content") else {
            return;
        };
        for key in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(k) = el.attr(key) {
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

/// An element of the tree.
#[derive(Clone, Copy)]
struct Node<'t> {
    tree: &'t Tree,
    i: u32,
}

impl<'t> Node<'t> {
    fn el(&self) -> &'t Element {
        self.tree.element(self.i).expect("an element")
    }

    /// The text under the element (for `<title>`, `<script>`, `<time>`),
    /// bounded.
    fn text(&self) -> String {
        let mut s = String::new();
        for d in self.tree.descendants(self.i) {
            if let Data::Text(t) = &self.tree.node(d).data {
                s.push_str(t);
                if s.len() > 4 * 1024 * 1024 {
                    break;
                }
            }
        }
        s
    }
}

fn name(el: &Element) -> &str {
    &el.name.local
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
