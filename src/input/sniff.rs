//! HTML or text? A doctype or an `<html>`, `<head>` or `<body>` tag near the
//! start means HTML; so does a high density of tags anywhere in the first
//! kilobytes. A plain text that mentions `<b>` once stays text.

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
    let tags = count_tags(&lower);
    let lines = lower.split(|&b| b == b'\n').count().max(1);
    tags >= 5 && tags * 2 >= lines
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
}
