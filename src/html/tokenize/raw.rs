//! Raw text: what the tree builder asks to be read as text up to an end
//! tag (RCDATA: `<title>`, `<textarea>`; RAWTEXT: `<style>`, `<xmp>`,
//! `<iframe>`, `<noembed>`, `<noframes>`, `<noscript>`; script data).
//!
//! The text is found by its end tag and handed over as one slice of the
//! page: a 100 KB script costs a `memchr` scan, not 100,000 steps of the
//! tokenizer. Script data needs the standard's escape states (`<!--` and
//! `<script>` inside a script change where `</script>` ends it), which
//! [`script_end`] follows on the only bytes that move them: `<` and `-`.

use super::Tokenizer;
use html5ever::tokenizer::TagKind;
use html5ever::tokenizer::states::RawKind;

impl Tokenizer<'_> {
    pub(super) fn raw(&mut self, kind: RawKind) {
        let b = self.bytes;
        let start = self.pos;
        let end = match kind {
            RawKind::Rcdata => return self.rcdata(),
            RawKind::ScriptData | RawKind::ScriptDataEscaped(_) => script_end(b, start),
            RawKind::Rawtext => {
                let mut i = start;
                loop {
                    let Some(p) = memchr::memchr(b'<', &b[i..]) else {
                        break None;
                    };
                    if self.appropriate_end_tag_at(i + p).is_some() {
                        break Some(i + p);
                    }
                    i += p + 1;
                }
            }
        };
        match end {
            Some(at) => {
                self.text_replacing_nul(start, at);
                self.raw_end_tag(at);
            }
            None => {
                self.text_replacing_nul(start, b.len());
                self.pos = b.len();
            }
        }
    }

    /// RCDATA: raw text in which character references count.
    fn rcdata(&mut self) {
        let b = self.bytes;
        let mut start = self.pos;
        let mut i = start;
        while let Some(p) = memchr::memchr2(b'<', b'&', &b[i..]) {
            let at = i + p;
            if b[at] == b'&' {
                match self.char_ref(at, false) {
                    Some((chars, next)) => {
                        self.text_replacing_nul(start, at);
                        let s: String = chars.iter().flatten().collect();
                        self.text_owned(&s);
                        (start, i) = (next, next);
                    }
                    None => i = at + 1,
                }
            } else if self.appropriate_end_tag_at(at).is_some() {
                self.text_replacing_nul(start, at);
                return self.raw_end_tag(at);
            } else {
                i = at + 1;
            }
        }
        self.text_replacing_nul(start, b.len());
        self.pos = b.len();
    }

    /// The end tag of the raw-text element, at `at`.
    fn raw_end_tag(&mut self, at: usize) {
        let name = self
            .last_start
            .clone()
            .expect("raw text follows a start tag");
        let name_end = at + 2 + name.len();
        let tag = self.read_attributes(TagKind::EndTag, name, name_end);
        self.emit_tag(tag);
    }
}

/// Whether `</script` and a space, `/` or `>` stand at `at`.
fn is_script_end_tag(b: &[u8], at: usize) -> bool {
    b.get(at + 1) == Some(&b'/')
        && b.get(at + 2..at + 8)
            .is_some_and(|n| n.eq_ignore_ascii_case(b"script"))
        && b.get(at + 8).is_some_and(|&c| ends_word(c))
}

fn ends_word(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b' ' | b'/' | b'>')
}

/// The ASCII letters from `i` and whether they spell "script" followed by
/// a space, `/` or `>`; returns where the letters end.
fn script_word(b: &[u8], i: usize) -> (usize, bool) {
    let n = b[i.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let j = i + n;
    let is = b[i..j].eq_ignore_ascii_case(b"script") && b.get(j).is_some_and(|&c| ends_word(c));
    (j, is)
}

/// Where the script text that starts at `from` ends: the `<` of its end
/// tag, or `None` when it runs to the end of the page. Follows the script
/// data states: escaped after `<!--` (back to plain after `-->`), and
/// double escaped after `<script` inside that (where `</script>` only
/// goes back to escaped).
fn script_end(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    'plain: loop {
        let at = i + memchr::memchr(b'<', &b[i..])?;
        if is_script_end_tag(b, at) {
            return Some(at);
        }
        if !b[at + 1..].starts_with(b"!--") {
            i = at + 1;
            continue;
        }
        // Escaped, at the dashes of `<!--`.
        i = at + 2;
        let mut double = false;
        loop {
            i += memchr::memchr2(b'-', b'<', &b[i..])?;
            if b[i] == b'-' {
                let run = b[i..].iter().take_while(|&&c| c == b'-').count();
                i += run;
                if run >= 2 && b.get(i) == Some(&b'>') {
                    i += 1;
                    continue 'plain;
                }
                continue;
            }
            // A `<` in (double) escaped text.
            if !double && is_script_end_tag(b, i) {
                return Some(i);
            }
            match (double, b.get(i + 1)) {
                (false, Some(b'/')) => i += 2,
                (false, Some(c)) if c.is_ascii_alphabetic() => {
                    let (j, script) = script_word(b, i + 1);
                    double = script;
                    i = if script { j + 1 } else { j };
                }
                (true, Some(b'/')) => {
                    let (j, script) = script_word(b, i + 2);
                    double = !script;
                    i = if script { j + 1 } else { j };
                }
                _ => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::script_end;

    fn end(s: &str) -> Option<usize> {
        script_end(s.as_bytes(), 0)
    }

    #[test]
    fn scripts_end_where_the_standard_says() {
        assert_eq!(end("a<b</script>"), Some(3));
        assert_eq!(end("x</SCRIPT >"), Some(1));
        assert_eq!(end("x</scripts></script>"), Some(11));
        // Escaped: `</script>` still ends it.
        assert_eq!(end("<!-- x </script>"), Some(7));
        // Double escaped: only after `-->` or `</script>` twice.
        assert_eq!(end("<!--<script></script></script>"), Some(21));
        assert_eq!(end("<!--<script>--></script>"), Some(15));
        assert_eq!(end("<!--<script>x"), None);
        assert_eq!(end("<!-->x</script>"), Some(6));
    }
}
