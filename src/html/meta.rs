//! What a page's JSON-LD says about its article: the `articleBody` text
//! (a strong hint of which paragraphs are the body) and the `headline`.

use crate::normalize::squeeze;
use serde_json::Value;

/// The article as JSON-LD describes it.
#[derive(Debug, Default)]
pub struct LdArticle {
    /// The longest `articleBody`, whitespace collapsed.
    pub body: Option<String>,
    pub headline: Option<String>,
}

/// Nodes visited in one JSON-LD script at most: a bound on hostile input.
const MAX_NODES: usize = 20_000;

/// Reads the JSON-LD scripts, parsed (see `head`).
pub fn ld_article<'a>(scripts: impl Iterator<Item = &'a Value>) -> LdArticle {
    let mut out = LdArticle::default();
    for v in scripts {
        // Iterative: deeply nested JSON cannot overflow the stack here
        // (serde_json itself stops at depth 128).
        let mut stack = vec![v];
        let mut seen = 0;
        while let Some(v) = stack.pop() {
            seen += 1;
            if seen > MAX_NODES {
                break;
            }
            match v {
                Value::Array(a) => stack.extend(a.iter()),
                Value::Object(o) => {
                    for (k, v) in o {
                        match (k.as_str(), v) {
                            ("articleBody", Value::String(b)) => keep_longest(&mut out.body, b),
                            ("headline", Value::String(h)) if out.headline.is_none() => {
                                out.headline = Some(squeeze(h));
                            }
                            _ => stack.push(v),
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn keep_longest(slot: &mut Option<String>, text: &str) {
    let text = squeeze(text);
    if slot.as_ref().is_none_or(|s| s.len() < text.len()) {
        *slot = Some(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_article_body_in_a_graph() {
        let s = r#"{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle",
            "headline":"A  title","articleBody":"First  para.\nSecond."}]}"#;
        let v: Value = serde_json::from_str(s).unwrap();
        let a = ld_article([&v].into_iter());
        assert_eq!(a.body.as_deref(), Some("First para. Second."));
        assert_eq!(a.headline.as_deref(), Some("A title"));
    }
}
