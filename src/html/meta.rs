//! What a page's JSON-LD says about its article: the `articleBody` text
//! (a strong hint of which paragraphs are the body) and the `headline`.

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

/// Reads every JSON-LD script; scripts that do not parse are skipped.
pub fn ld_article(scripts: &[String]) -> LdArticle {
    let mut out = LdArticle::default();
    for s in scripts {
        let Ok(v) = serde_json::from_str::<Value>(s.trim()) else {
            continue;
        };
        // Iterative: deeply nested JSON cannot overflow the stack here
        // (serde_json itself stops at depth 128).
        let mut stack = vec![&v];
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

/// Collapses whitespace runs to one space and trims.
pub fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_article_body_in_a_graph() {
        let s = r#"{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle",
            "headline":"A  title","articleBody":"First  para.\nSecond."}]}"#;
        let a = ld_article(&[s.to_string(), "not json".to_string()]);
        assert_eq!(a.body.as_deref(), Some("First para. Second."));
        assert_eq!(a.headline.as_deref(), Some("A title"));
    }
}
