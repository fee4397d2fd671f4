//! The text format: the body, assembled from the kept blocks. A page's
//! body has one block per line; a text's body keeps each kept block with
//! its original separator, so that it cuts into the same blocks again
//! (cleaning twice equals cleaning once).

use crate::model::{Block, Reason};
use crate::text::count;

/// The kept blocks of a page, one per line.
pub fn page_body(blocks: &[Block], decided: &[Option<Reason>]) -> String {
    let mut body = String::new();
    for (b, d) in blocks.iter().zip(decided) {
        if d.is_none() {
            body.push_str(&b.text);
            body.push('\n');
        }
    }
    body
}

/// The kept blocks of a text with their original separators. Where
/// removed blocks follow a kept one, the widest separator of the run
/// stands after it, so a paragraph break that closed the removed run is
/// not lost.
///
/// Removing lines from a group of one-line blocks can leave lines side by
/// side whose widths read as a hard-wrapped paragraph, which the next pass
/// would take as one block. When the body would not cut into the kept
/// blocks again, the lines of every group that lost a line are set apart
/// by blank lines instead.
pub fn text_body(blocks: &[Block], removed: &[bool]) -> String {
    let body = join(blocks, removed, false);
    let kept = removed.iter().filter(|&&r| !r).count();
    if count(&body) == kept {
        return body;
    }
    join(blocks, removed, true)
}

fn join(blocks: &[Block], removed: &[bool], set_apart: bool) -> String {
    let newlines = |s: &str| s.bytes().filter(|&b| b == b'\n').count();
    // A group is a run of blocks between blank lines; mark the groups that
    // lost a block.
    let mut group = Vec::with_capacity(blocks.len());
    let mut lost = vec![false];
    for (b, &r) in blocks.iter().zip(removed) {
        group.push(lost.len() - 1);
        *lost.last_mut().expect("one group at least") |= r;
        if newlines(&b.trailing) >= 2 {
            lost.push(false);
        }
    }
    let mut body = String::new();
    let mut i = 0;
    while i < blocks.len() {
        if removed[i] {
            i += 1;
            continue;
        }
        body.push_str(&blocks[i].text);
        let mut sep = &*blocks[i].trailing;
        let mut j = i + 1;
        while j < blocks.len() && removed[j] {
            if newlines(&blocks[j].trailing) > newlines(sep) {
                sep = &blocks[j].trailing;
            }
            j += 1;
        }
        body.push_str(sep);
        if set_apart && lost[group[i]] && j < blocks.len() && newlines(sep) == 1 {
            body.push_str(if sep.ends_with("\r\n") { "\r\n" } else { "\n" });
        }
        i = j;
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn clean(text: &str, drop: &[&str]) -> String {
        let blocks = segment(text);
        let removed: Vec<bool> = blocks.iter().map(|b| drop.contains(&&*b.text)).collect();
        text_body(&blocks, &removed)
    }

    #[test]
    fn separators_of_kept_blocks_are_kept() {
        assert_eq!(clean("a\nb\n\nc\n", &["b"]), "a\n\nc\n");
        assert_eq!(clean("a\nb\nc\n", &["b"]), "a\nc\n");
    }

    #[test]
    fn lines_that_would_read_as_wrapped_are_set_apart() {
        // Four lines of wrap width, one short label among them: not a
        // wrapped paragraph, so each line is a block. Without the label the
        // rest would read as wrapped.
        let line = "word ".repeat(14);
        let line = line.trim_end();
        let text = format!("{line}\n{line}\nLabel\n{line}\n{line}\n");
        assert_eq!(segment(&text).len(), 5);
        let out = clean(&text, &["Label"]);
        assert_eq!(segment(&out).len(), 4, "{out:?}");
        assert_eq!(out, format!("{line}\n\n{line}\n\n{line}\n\n{line}\n"));
    }
}
