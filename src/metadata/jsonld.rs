//! What a page's JSON-LD says about its article: the `NewsArticle`,
//! `Article`, `BlogPosting` (and kin) node, found at the top level, in an
//! array, in an `@graph` or nested (`mainEntity`), with `@id` references
//! resolved (`"author": {"@id": "#jane"}` names the `Person` node with that
//! id). The scripts come parsed (see `model::Head`).

use super::values::decode_entities;
use crate::model::head::squeeze_value as squeeze;
use serde_json::{Map, Value};
use std::collections::{HashMap, VecDeque};

/// Nodes visited across all scripts at most: a bound on hostile input
/// (serde_json itself stops nesting at depth 128).
const MAX_NODES: usize = 20_000;
/// Authors read at most.
const MAX_AUTHORS: usize = 20;

/// The `@type`s of an article, without their `schema.org` prefix.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "AskPublicNewsArticle",
    "SatiricalArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
];

/// What the JSON-LD says, as found (dates not yet normalised).
#[derive(Debug, Default)]
pub struct LdFacts {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    /// `datePublished`, then `dateCreated`.
    pub dates: Vec<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    /// The publisher's name, or the `WebSite` node's.
    pub site_name: Option<String>,
}

/// Reads every script.
pub fn read(values: Vec<&Value>) -> LdFacts {
    let graph = Graph::build(&values);
    let article = graph.article();
    let page = graph.top(|t| t.ends_with("Page"));
    let site = graph.top(|t| t == "WebSite");
    let nodes: Vec<&Map<String, Value>> = article.into_iter().chain(page).collect();
    let field = |keys: &[&str]| {
        nodes.iter().find_map(|n| {
            keys.iter()
                .find_map(|k| n.get(*k).and_then(|v| graph.text(v)))
        })
    };
    let mut facts = LdFacts {
        headline: field(&["headline", "name"]),
        description: field(&["description"]),
        language: nodes
            .iter()
            .chain(&site)
            .find_map(|n| n.get("inLanguage").and_then(language)),
        url: nodes.iter().find_map(|n| {
            ["url", "mainEntityOfPage"]
                .iter()
                .find_map(|k| n.get(*k).and_then(url))
        }),
        ..LdFacts::default()
    };
    if let Some(n) = nodes.first() {
        for k in ["datePublished", "dateCreated"] {
            facts.dates.extend(n.get(k).and_then(|v| graph.text(v)));
        }
        for k in ["author", "creator"] {
            if facts.authors.is_empty() {
                if let Some(v) = n.get(k) {
                    graph.names(v, &mut facts.authors);
                }
            }
        }
    }
    let mut publishers = Vec::new();
    if let Some(p) = nodes.iter().find_map(|n| n.get("publisher")) {
        graph.names(p, &mut publishers);
    }
    facts.site_name = publishers
        .into_iter()
        .next()
        .or_else(|| site.and_then(|s| graph.text_of(s, "name")));
    facts
}

/// `inLanguage`: a code, or a `Language` node's `alternateName` or `name`.
fn language(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(squeeze(s)),
        Value::Array(a) => a.first().and_then(language),
        Value::Object(o) => ["alternateName", "name"]
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str).map(squeeze)),
        _ => None,
    }
}

/// `url` or `mainEntityOfPage`: a string, or an object's `url` or `@id`
/// (never its name: a reference is not resolved here). Absolute only.
fn url(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Array(a) => return a.first().and_then(url),
        Value::Object(o) => ["url", "@id"]
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str))?,
        _ => return None,
    };
    let s = squeeze(s);
    (s.starts_with("http://") || s.starts_with("https://")).then_some(s)
}

/// Where a node stands.
#[derive(Debug, Clone, Copy)]
struct Place {
    /// At the top of a script, in a top-level array, or in `@graph`.
    top: bool,
    /// Under an `itemListElement` (a list of other stories).
    in_list: bool,
}

/// Every object of every script, shallowest first, and the ones that
/// define an `@id`.
struct Graph<'a> {
    nodes: Vec<(&'a Map<String, Value>, Place)>,
    ids: HashMap<&'a str, &'a Map<String, Value>>,
}

impl<'a> Graph<'a> {
    /// Breadth first, so that a top-level article wins over one nested
    /// deeper.
    fn build(values: &[&'a Value]) -> Graph<'a> {
        let mut g = Graph {
            nodes: Vec::new(),
            ids: HashMap::new(),
        };
        let root = Place {
            top: true,
            in_list: false,
        };
        let mut queue: VecDeque<(&Value, Place)> = values.iter().map(|&v| (v, root)).collect();
        let mut seen = 0;
        while let Some((v, place)) = queue.pop_front() {
            seen += 1;
            if seen > MAX_NODES {
                break;
            }
            match v {
                Value::Array(a) => queue.extend(a.iter().map(|v| (v, place))),
                Value::Object(o) => {
                    if let Some(Value::String(id)) = o.get("@id") {
                        if o.len() > 1 {
                            g.ids.entry(id.as_str()).or_insert(o);
                        }
                    }
                    g.nodes.push((o, place));
                    for (k, v) in o.iter().filter(|(_, v)| v.is_object() || v.is_array()) {
                        let child = Place {
                            top: k == "@graph" && place.top,
                            in_list: place.in_list || k == "itemListElement",
                        };
                        queue.push_back((v, child));
                    }
                }
                _ => {}
            }
        }
        g
    }

    /// The first top-level node with a type that `wanted` accepts.
    fn top(&self, wanted: impl Fn(&str) -> bool) -> Option<&'a Map<String, Value>> {
        self.nodes
            .iter()
            .find(|(n, p)| p.top && types(n).any(&wanted))
            .map(|(n, _)| *n)
    }

    /// The article: a top-level one, else one nested (as a `mainEntity`)
    /// but not in a list of other stories.
    fn article(&self) -> Option<&'a Map<String, Value>> {
        let is_article = |t: &str| ARTICLE_TYPES.contains(&t);
        self.top(is_article).or_else(|| {
            self.nodes
                .iter()
                .find(|(n, p)| !p.in_list && types(n).any(is_article))
                .map(|(n, _)| *n)
        })
    }

    /// A node that is only a reference, replaced by its definition.
    fn resolve(&self, o: &'a Map<String, Value>) -> &'a Map<String, Value> {
        match o.get("@id") {
            Some(Value::String(id)) if o.len() == 1 => {
                self.ids.get(id.as_str()).copied().unwrap_or(o)
            }
            _ => o,
        }
    }

    fn text_of(&self, o: &'a Map<String, Value>, key: &str) -> Option<String> {
        o.get(key).and_then(|v| self.text(v))
    }

    /// A value as text: a string; the first text of an array; an object's
    /// `name`, `@value`, `url` or `@id` (as for `mainEntityOfPage`).
    fn text(&self, v: &'a Value) -> Option<String> {
        match v {
            Value::String(s) => Some(squeeze(&decode_entities(s))).filter(|s| !s.is_empty()),
            Value::Array(a) => a.iter().take(8).find_map(|v| self.text(v)),
            Value::Object(o) => {
                let o = self.resolve(o);
                ["name", "@value", "url", "@id"].iter().find_map(|k| {
                    o.get(*k)
                        .filter(|v| v.is_string())
                        .and_then(|v| self.text(v))
                })
            }
            _ => None,
        }
    }

    /// Person names from an `author`: a string, a `Person` (with `name`, or
    /// `givenName` and `familyName`), a reference, or an array of those.
    fn names(&self, v: &'a Value, out: &mut Vec<String>) {
        match v {
            Value::Array(a) => {
                for v in a {
                    if out.len() >= MAX_AUTHORS {
                        break;
                    }
                    self.names(v, out);
                }
            }
            Value::String(_) => out.extend(self.text(v)),
            Value::Object(o) => {
                let o = self.resolve(o);
                let name = self.text_of(o, "name").or_else(|| {
                    let given = self.text_of(o, "givenName")?;
                    Some(match self.text_of(o, "familyName") {
                        Some(f) => format!("{given} {f}"),
                        None => given,
                    })
                });
                out.extend(name);
            }
            _ => {}
        }
    }
}

/// A node's `@type`s, without a `schema:` or `http(s)://schema.org/` prefix.
fn types<'a>(o: &'a Map<String, Value>) -> impl Iterator<Item = &'a str> + 'a {
    let list: Vec<&Value> = match o.get("@type") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    };
    list.into_iter().filter_map(Value::as_str).map(|t| {
        let t = t.trim();
        t.rsplit_once(['/', ':']).map_or(t, |(_, name)| name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_references_in_a_graph() {
        let s = r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"#site","name":"Example Site"},
            {"@type":["NewsArticle"],"headline":"Tom &amp; Jerry",
             "author":[{"@id":"#p1"},{"@type":"Person","givenName":"Ann","familyName":"Lee"}],
             "publisher":{"@id":"#org"},"datePublished":"2024-03-05"},
            {"@type":"Person","@id":"#p1","name":"Jane Doe"},
            {"@type":"Organization","@id":"#org","name":"Example News"}]}"##;
        let v: Value = serde_json::from_str(s).unwrap();
        let f = read(vec![&v]);
        assert_eq!(f.headline.as_deref(), Some("Tom & Jerry"));
        assert_eq!(f.authors, ["Jane Doe", "Ann Lee"]);
        assert_eq!(f.site_name.as_deref(), Some("Example News"));
        assert_eq!(f.dates, ["2024-03-05"]);
    }
}
