//! A guard against pathological nesting. html5ever checks the stack of
//! open elements for every start tag, so a page nesting 200,000 `<div>`s
//! takes minutes to parse (the walk after it is iterative and would be
//! fine). Before parsing, container tags that open beyond `MAX_DEPTH` are
//! dropped with their end tags; the text between them stays. Pages below
//! the limit are passed through untouched.

use std::borrow::Cow;

/// Nesting of container tags beyond which tags are dropped.
const MAX_DEPTH: usize = 1024;

/// Tags that nest only with an explicit end tag.
const CONTAINERS: &[&[u8]] = &[
    b"div",
    b"span",
    b"section",
    b"article",
    b"main",
    b"aside",
    b"header",
    b"footer",
    b"nav",
    b"blockquote",
    b"ul",
    b"ol",
    b"table",
    b"font",
    b"center",
    b"em",
    b"strong",
    b"b",
    b"i",
    b"u",
    b"small",
    b"big",
];

/// `(is_end, name, end of the tag)` for a tag starting at `at` (`<`).
fn tag_at(b: &[u8], at: usize) -> Option<(bool, &[u8], usize)> {
    let mut k = at + 1;
    let end_tag = b.get(k) == Some(&b'/');
    if end_tag {
        k += 1;
    }
    let start = k;
    while k < b.len() && b[k].is_ascii_alphanumeric() {
        k += 1;
    }
    if k == start {
        return None;
    }
    let close = k + b[k..].iter().position(|&c| c == b'>')?;
    Some((end_tag, &b[start..k], close + 1))
}

fn is_container(name: &[u8]) -> bool {
    CONTAINERS.iter().any(|c| c.eq_ignore_ascii_case(name))
}

/// `html` with container tags beyond `MAX_DEPTH` removed.
pub fn limit(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    if !too_deep(b) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let (mut depth, mut dropped, mut copied) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(p) = b[i..].iter().position(|&c| c == b'<') {
        let at = i + p;
        let Some((end_tag, name, next)) = tag_at(b, at).filter(|t| is_container(t.1)) else {
            i = at + 1;
            continue;
        };
        let _ = name;
        let drop = if end_tag {
            if dropped > 0 {
                dropped -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= MAX_DEPTH {
            dropped += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            out.push_str(&html[copied..at]);
            copied = next;
        }
        i = next;
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Whether container tags ever nest beyond the limit (counted naively).
fn too_deep(b: &[u8]) -> bool {
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(p) = b[i..].iter().position(|&c| c == b'<') {
        let at = i + p;
        match tag_at(b, at).filter(|t| is_container(t.1)) {
            Some((end_tag, _, next)) => {
                if end_tag {
                    depth = depth.saturating_sub(1);
                } else {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return true;
                    }
                }
                i = next;
            }
            None => i = at + 1,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_pass_through() {
        let html = "<div><p>a</p></div>";
        assert!(matches!(limit(html), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_and_text_kept() {
        let n = MAX_DEPTH * 3;
        let html = format!("{}<p>deep</p>{}tail", "<div>".repeat(n), "</div>".repeat(n));
        let out = limit(&html);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("<p>deep</p>") && out.ends_with("tail"));
    }
}
