//! What starts with `<!` or `<?`: comments, bogus comments, the doctype
//! and CDATA sections.
//!
//! Comments are handed over empty: nothing reads their text, but a comment
//! node still parts the texts on either side of it, as in the tree
//! html5ever builds.

use super::Tokenizer;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Doctype, Token};

impl Tokenizer<'_> {
    /// After `<!`.
    pub(super) fn markup_declaration(&mut self, at: usize) {
        let rest = &self.bytes[at..];
        if rest.starts_with(b"--") {
            self.comment(at + 2);
        } else if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
            self.doctype(at + 7);
        } else if rest.starts_with(b"[CDATA[") && self.in_foreign_content() {
            self.cdata(at + 7);
        } else {
            self.bogus_comment(at);
        }
    }

    /// A comment whose text starts at `at`: it ends at the first `-->` or
    /// `--!>`, or right away as `<!-->` or `<!--->`.
    fn comment(&mut self, at: usize) {
        let b = self.bytes;
        let end = if b[at..].starts_with(b">") {
            at + 1
        } else if b[at..].starts_with(b"->") {
            at + 2
        } else {
            comment_end(b, at)
        };
        self.emit(Token::CommentToken(StrTendril::new()));
        self.pos = end;
    }

    /// A bogus comment (`<?...>`, `<!...>`, `</ ...>`) runs to the next `>`.
    pub(super) fn bogus_comment(&mut self, at: usize) {
        let end = memchr::memchr(b'>', &self.bytes[at..]).map_or(self.bytes.len(), |p| at + p + 1);
        self.emit(Token::CommentToken(StrTendril::new()));
        self.pos = end;
    }

    /// A CDATA section in foreign content: its text, up to `]]>`.
    fn cdata(&mut self, at: usize) {
        let b = self.bytes;
        let (text_end, end) = match memchr::memmem::find(&b[at..], b"]]>") {
            Some(p) => (at + p, at + p + 3),
            None => (b.len(), b.len()),
        };
        let mut from = at;
        while let Some(p) = memchr::memchr(b'\0', &b[from..text_end]) {
            self.text(from, from + p);
            self.emit(Token::NullCharacterToken);
            from += p + 1;
        }
        self.text(from, text_end);
        self.pos = end;
    }

    /// A doctype, read after `<!doctype`.
    fn doctype(&mut self, at: usize) {
        let mut r = DoctypeReader {
            b: self.bytes,
            src: self.src,
            j: at,
            doctype: Doctype::default(),
        };
        r.read();
        self.pos = r.j;
        self.emit(Token::DoctypeToken(r.doctype));
    }
}

/// Where a comment whose text starts at `at` ends (past its `-->` or
/// `--!>`; the end of the page when it is never closed).
fn comment_end(b: &[u8], at: usize) -> usize {
    let mut from = at;
    while let Some(p) = memchr::memmem::find(&b[from..], b"--") {
        let after = from + p + 2;
        match b.get(after) {
            Some(b'>') => return after + 1,
            Some(b'!') if b.get(after + 1) == Some(&b'>') => return after + 2,
            _ => from = from + p + 1,
        }
    }
    b.len()
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b' ')
}

/// The doctype states, from "doctype" to the closing `>`.
struct DoctypeReader<'a> {
    b: &'a [u8],
    src: &'a str,
    j: usize,
    doctype: Doctype,
}

impl DoctypeReader<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.j).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(is_space) {
            self.j += 1;
        }
    }

    /// Ends the doctype at the end of the page or at a `>`, with quirks.
    fn quirks_end(&mut self) {
        self.doctype.force_quirks = true;
        if self.peek() == Some(b'>') {
            self.j += 1;
        }
    }

    fn read(&mut self) {
        self.skip_space();
        match self.peek() {
            None | Some(b'>') => return self.quirks_end(),
            Some(_) => {}
        }
        let start = self.j;
        while self.peek().is_some_and(|c| !is_space(c) && c != b'>') {
            self.j += 1;
        }
        self.doctype.name = Some(name_text(&self.src[start..self.j], true));
        self.after_name();
    }

    fn after_name(&mut self) {
        self.skip_space();
        let rest = &self.b[self.j..];
        let keyword = |k: &[u8]| rest.len() >= 6 && rest[..6].eq_ignore_ascii_case(k);
        match self.peek() {
            None => self.quirks_end(),
            Some(b'>') => self.j += 1,
            _ if keyword(b"public") => {
                self.j += 6;
                self.identifiers(true);
            }
            _ if keyword(b"system") => {
                self.j += 6;
                self.identifiers(false);
            }
            _ => {
                self.doctype.force_quirks = true;
                self.bogus();
            }
        }
    }

    /// After `public` (then the public and maybe the system identifier) or
    /// `system`.
    fn identifiers(&mut self, public: bool) {
        self.skip_space();
        let Some(q @ (b'"' | b'\'')) = self.peek() else {
            return self.missing_identifier();
        };
        if !self.quoted(q, public) {
            return;
        }
        self.skip_space();
        match self.peek() {
            None => self.quirks_end(),
            Some(b'>') => self.j += 1,
            Some(q @ (b'"' | b'\'')) if public => {
                if self.quoted(q, false) {
                    self.after_system();
                }
            }
            Some(_) if public => {
                self.doctype.force_quirks = true;
                self.bogus();
            }
            Some(_) => self.bogus(),
        }
    }

    fn after_system(&mut self) {
        self.skip_space();
        match self.peek() {
            None => self.quirks_end(),
            Some(b'>') => self.j += 1,
            Some(_) => self.bogus(),
        }
    }

    fn missing_identifier(&mut self) {
        match self.peek() {
            None | Some(b'>') => self.quirks_end(),
            Some(_) => {
                self.doctype.force_quirks = true;
                self.bogus();
            }
        }
    }

    /// A quoted identifier opened by `q` at `j`; `false` when the doctype
    /// ended inside it (at a `>` or the end of the page).
    fn quoted(&mut self, q: u8, public: bool) -> bool {
        self.j += 1;
        let start = self.j;
        while self.peek().is_some_and(|c| c != q && c != b'>') {
            self.j += 1;
        }
        let text = Some(name_text(&self.src[start..self.j], false));
        if public {
            self.doctype.public_id = text;
        } else {
            self.doctype.system_id = text;
        }
        if self.peek() == Some(q) {
            self.j += 1;
            return true;
        }
        self.quirks_end();
        false
    }

    /// The bogus doctype state: to the next `>`.
    fn bogus(&mut self) {
        self.j = memchr::memchr(b'>', &self.b[self.j..]).map_or(self.b.len(), |p| self.j + p + 1);
    }
}

/// A doctype name (lowercased) or identifier (as written), NUL replaced.
fn name_text(s: &str, lower: bool) -> StrTendril {
    let t: String = s
        .chars()
        .map(|c| match c {
            '\0' => '\u{fffd}',
            c if lower => c.to_ascii_lowercase(),
            c => c,
        })
        .collect();
    StrTendril::from_slice(&t)
}

#[cfg(test)]
mod tests {
    use super::comment_end;

    #[test]
    fn comments_end_at_the_first_closing_dashes() {
        let end = |s: &str| comment_end(s.as_bytes(), 0);
        assert_eq!(end("a-->b"), 4);
        assert_eq!(end("a--->b"), 5);
        assert_eq!(end("a--!>b"), 5);
        assert_eq!(end("a--!-->b"), 7);
        assert_eq!(end("a-- >b"), 6);
    }
}
