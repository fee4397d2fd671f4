//! The page's title, returned apart from the body: the `<h1>` that the
//! metadata confirms, else `og:title`, the JSON-LD headline, the
//! `<title>` without its site name, or the first `<h1>`.

use super::dom::{Dom, GONE};
use super::tag::Tag;
use crate::normalize::squeeze;

/// Separators between a headline and the site name in `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "];

/// The title, if the page has one.
pub fn title(dom: &Dom, ld_headline: Option<&str>) -> Option<String> {
    let h1s = h1_texts(dom);
    let og = dom.head.shown.og_title.as_deref().map(squeeze);
    let doc_title = dom.head.shown.title.as_deref().map(squeeze);
    let confirmed = h1s.iter().find(|h| {
        og.as_deref() == Some(h.as_str())
            || ld_headline == Some(h.as_str())
            || doc_title.as_deref().is_some_and(|t| t.contains(h.as_str()))
    });
    confirmed
        .cloned()
        .or(og)
        .or_else(|| ld_headline.map(str::to_string))
        .or_else(|| doc_title.map(|t| strip_site(&t)))
        .or_else(|| h1s.into_iter().next())
        .filter(|t| !t.is_empty())
}

/// The visible text of every `<h1>`, in order.
fn h1_texts(dom: &Dom) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < dom.nodes.len() {
        let n = &dom.nodes[i];
        if n.flags & GONE != 0 {
            i = n.end as usize;
            continue;
        }
        if n.tag == Tag::H1 {
            let text: String = dom.nodes[i + 1..n.end as usize]
                .iter()
                .filter(|d| d.tag == Tag::Text)
                .map(|d| &*d.text)
                .collect::<Vec<_>>()
                .join("");
            let text = squeeze(&text);
            if !text.is_empty() {
                out.push(text);
            }
            i = n.end as usize;
            continue;
        }
        i += 1;
    }
    out
}

/// `Headline | Site` → `Headline`: the longest part between separators.
fn strip_site(t: &str) -> String {
    for sep in SEPARATORS {
        if t.contains(sep) {
            return t
                .split(sep)
                .max_by_key(|p| p.chars().count())
                .unwrap_or(t)
                .trim()
                .to_string();
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::strip_site;

    #[test]
    fn site_names_go() {
        assert_eq!(
            strip_site("Council passes budget | Daily Example"),
            "Council passes budget"
        );
        assert_eq!(strip_site("Plain title"), "Plain title");
    }
}
