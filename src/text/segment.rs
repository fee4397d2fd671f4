//! Cuts plain text into blocks. A block is a line, except that the lines of
//! a hard-wrapped paragraph (blank-line separated, lines of similar width
//! that mostly do not end a sentence) make one block. Every byte of the
//! input belongs to exactly one block's text or trailing separator, so kept
//! blocks can be printed exactly as they were.

use crate::model::Block;

/// Splits `text` into blocks; leading blank lines are dropped.
pub fn segment(text: &str) -> Vec<Block> {
    let blocks = spans(text);
    let mut out = Vec::with_capacity(blocks.len());
    for (k, &(start, end)) in blocks.iter().enumerate() {
        let next = blocks.get(k + 1).map_or(text.len(), |b| b.0);
        out.push(Block::text(&text[start..end], &text[end..next]));
    }
    out
}

/// How many blocks [`segment`] cuts `text` into, without building them.
pub fn count(text: &str) -> usize {
    spans(text).len()
}

/// The byte span of every block's text.
fn spans(text: &str) -> Vec<(usize, usize)> {
    let lines = lines_with_spans(text);
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].blank {
            i += 1;
            continue;
        }
        // The paragraph group: consecutive non-blank lines.
        let mut j = i;
        while j < lines.len() && !lines[j].blank {
            j += 1;
        }
        let group = &lines[i..j];
        if is_hard_wrapped(text, group) {
            blocks.push((group[0].start, group[group.len() - 1].content_end));
        } else {
            blocks.extend(group.iter().map(|l| (l.start, l.content_end)));
        }
        i = j;
    }
    blocks
}

struct Line {
    start: usize,
    content_end: usize,
    blank: bool,
}

fn lines_with_spans(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    while start < bytes.len() {
        let end = memchr_newline(&bytes[start..]).map_or(bytes.len(), |p| start + p);
        // Carriage returns before the line feed (CRLF, or the CRCRLF of a
        // text converted twice) belong to the separator: if a block kept
        // one, a second pass reading it as the CR of a CRLF would cut the
        // block differently.
        let mut content_end = end;
        while content_end > start && bytes[content_end - 1] == b'\r' {
            content_end -= 1;
        }
        let blank = text[start..content_end].trim().is_empty();
        lines.push(Line {
            start,
            content_end,
            blank,
        });
        start = end + 1;
    }
    lines
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', bytes)
}

/// A group of lines is one hard-wrapped paragraph when its lines (all but
/// the last) are of similar width, no wider than a typical wrap column,
/// each too full to have taken the next line's first word, and most do not
/// end a sentence.
fn is_hard_wrapped(text: &str, group: &[Line]) -> bool {
    // At least two lines besides the last, so that "similar widths" is
    // measured, not assumed: with one, any open line of wrap width joined
    // the next, and lines left side by side after removals between them
    // joined on the next pass (cleaning was not idempotent).
    if group.len() < 3 {
        return false;
    }
    let body = &group[..group.len() - 1];
    let widths: Vec<usize> = body
        .iter()
        .map(|l| text[l.start..l.content_end].trim_end().chars().count())
        .collect();
    let max = *widths.iter().max().unwrap_or(&0);
    let min = *widths.iter().min().unwrap_or(&0);
    if !(WRAP_MIN..=WRAP_MAX).contains(&max) || min * 4 < max * 3 {
        return false;
    }
    // A wrapping editor breaks a line only when the next word would not
    // fit: a line that had room for the next line's first word was ended
    // by hand. (Without this, lines left side by side after a short line
    // between them was removed read as wrapped on the next pass.)
    let broke_for_room = body
        .iter()
        .zip(&group[1..])
        .zip(&widths)
        .all(|((_, next), &w)| {
            let next = text[next.start..next.content_end].trim_start();
            let word = next
                .split_whitespace()
                .next()
                .map_or(0, |w| w.chars().count());
            w + 1 + word > max
        });
    if !broke_for_room {
        return false;
    }
    let open = body
        .iter()
        .filter(|l| {
            let t = text[l.start..l.content_end].trim_end();
            !t.ends_with(['.', '!', '?', ':', '"', '\u{201D}'])
        })
        .count();
    open * 3 >= body.len() * 2
}

/// Editors wrap at a fixed column, usually 60 to 80 characters.
const WRAP_MIN: usize = 60;
const WRAP_MAX: usize = 100;

#[cfg(test)]
mod tests {
    use super::segment;

    #[test]
    fn one_block_per_line_and_separators_kept() {
        let b = segment("One.\nTwo.\n\nThree.");
        let texts: Vec<_> = b.iter().map(|b| (b.text.as_str(), &*b.trailing)).collect();
        assert_eq!(texts, [("One.", "\n"), ("Two.", "\n\n"), ("Three.", "")]);
    }

    #[test]
    fn hard_wrapped_paragraph_is_one_block() {
        let p = "This paragraph was wrapped by an editor at a fixed column so\n\
                 that its lines all have roughly the same width and do not end\n\
                 a sentence.\n\nNext.";
        let b = segment(p);
        assert_eq!(b.len(), 2);
        assert!(b[0].text.contains("same width"));
    }

    #[test]
    fn lines_with_room_for_the_next_word_are_not_wrapped() {
        // Similar widths, no sentence ends, but the first line could have
        // taken "Second": it was ended by hand (a list of labels, or lines
        // left side by side after a removal).
        let p = "A first line of labels without a full stop at the end\n\
                 Second line of labels also without any full stop here at all\n\
                 Last.";
        assert_eq!(segment(p).len(), 3);
    }

    #[test]
    fn crlf_is_part_of_the_separator() {
        let b = segment("A line.\r\nB line.\r\n");
        assert_eq!(b[0].text, "A line.");
        assert_eq!(b[0].trailing, "\r\n");
    }
}
