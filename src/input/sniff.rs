//! HTML or text? A doctype or an `<html>`, `<head>` or `<body>` tag near the
//! start means HTML; so does an input that opens with a tag of a page's
//! head or body (`<script>`, `<meta>`, `<table>` ...) or a comment, and a
//! high density of tags anywhere in the first kilobytes. A plain text that
//! mentions `<b>` once stays text.

/// How far into the input the sniffer looks.
const WINDOW: usize = 4096;

/// Whether `bytes` look like an HTML document.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(WINDOW)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if has(b"<!doctype html") || has(b"<html") || has(b"<head") || has(b"<body") {
        return true;
    }
    if opens_with_a_page_tag(&lower) {
        return true;
    }
    let tags = count_tags(&lower);
    let lines = lower.split(|&b| b == b'\n').count().max(1);
    tags >= 5 && tags * 2 >= lines
}

/// Elements an old page without `<html>` or a doctype may open with; a
/// leading script can fill the whole window before any other tag.
const PAGE_OPENERS: &[&[u8]] = &[
    b"script",
    b"style",
    b"meta",
    b"link",
    b"title",
    b"base",
    b"noscript",
    b"table",
    b"div",
    b"center",
    b"font",
    b"frameset",
    b"iframe",
    b"form",
    b"p",
];

/// Whether the first thing after leading whitespace is a comment or one of
/// [`PAGE_OPENERS`] as a whole tag name.
fn opens_with_a_page_tag(lower: &[u8]) -> bool {
    let start = lower.iter().position(|b| !b.is_ascii_whitespace());
    let Some(rest) = start.and_then(|i| lower[i..].strip_prefix(b"<")) else {
        return false;
    };
    rest.starts_with(b"!--")
        || PAGE_OPENERS.iter().any(|name| {
            rest.strip_prefix(*name)
                .and_then(|after| after.first())
                .is_some_and(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
        })
}

/// Counts things that look like opening or closing tags: `<` then a letter
/// or `/` and a letter.
fn count_tags(s: &[u8]) -> usize {
    s.windows(3)
        .filter(|w| {
            w[0] == b'<'
                && (w[1].is_ascii_alphabetic() || (w[1] == b'/' && w[2].is_ascii_alphabetic()))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::looks_like_html;

    #[test]
    fn documents_and_fragments() {
        assert!(looks_like_html(b"<!DOCTYPE html><p>x"));
        assert!(looks_like_html(b"\n\n<HTML><body>x</body></HTML>"));
        assert!(looks_like_html(b"<div><p>a</p><p>b</p><p>c</p></div>"));
        assert!(!looks_like_html(
            b"A story about the <b> tag.\nAnd more text.\n"
        ));
        assert!(!looks_like_html("Dear readers,\nWe need you.".as_bytes()));
    }

    #[test]
    fn a_page_that_opens_with_a_long_script() {
        let mut page = b"\n<SCRIPT LANGUAGE=\"JavaScript\">\n".to_vec();
        page.extend(b"var x = 1;\n".repeat(500));
        assert!(looks_like_html(&page));
        assert!(looks_like_html(b"<!-- saved page -->\nHeadline\nText"));
        assert!(looks_like_html(b"<meta charset=utf-8>\nHeadline"));
        // A word that starts like a tag name is not one.
        assert!(!looks_like_html(b"<pre-print> notes\nA line of text.\n"));
    }
}
