//! Our own HTML tokenizer in front of html5ever's tree builder.
//!
//! html5ever's tokenizer takes a page one character at a time; this one
//! follows the same states of the HTML standard (and html5ever's reading
//! of them: tokens are the same, up to how a run of text is cut) but jumps
//! with `memchr` to the next byte that matters, hands text over as shared
//! slices of the page, and reads less:
//!
//! - the text of scripts, styles and other raw-text elements is found by
//!   its end tag and handed over whole, without a character-by-character
//!   pass (`raw`);
//! - comments are found by their end and handed over empty (nothing reads
//!   them, but they still part two texts) (`declaration`);
//! - of an element's attributes, only those the cleaner or the tree
//!   builder reads are kept; the rest are stepped over (`tag`).
//!
//! html5ever's tree builder then builds the tree by the standard's rules,
//! into our own sink (`super::tree`). The nesting guard
//! (`super::nesting`) sees every tag on the way and leaves out those past
//! its caps.

mod char_ref;
mod declaration;
mod raw;
mod tag;

use super::nesting::{Guard, Start};
use super::tree::{Sink, Tree};
use html5ever::LocalName;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use std::borrow::Cow;

/// A parsed page: its tree, and how many tags the nesting guard changed.
pub struct Parsed {
    pub tree: Tree,
    pub nesting_edits: usize,
}

/// Parses a page into its tree.
pub fn parse(html: &str) -> Parsed {
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    let src = normalize_newlines(html);
    let builder = TreeBuilder::new(Sink::new(), TreeBuilderOpts::default());
    let mut t = Tokenizer {
        src: &src,
        bytes: src.as_bytes(),
        buf: StrTendril::from_slice(&src),
        pos: 0,
        builder: &builder,
        guard: Guard::default(),
        last_start: None,
        state: State::Data,
    };
    t.run();
    let nesting_edits = t.guard.edits();
    builder.end();
    Parsed {
        tree: html5ever::tree_builder::TreeSink::finish(builder.sink),
        nesting_edits,
    }
}

/// CR and CRLF become LF, as the standard's input stream does.
fn normalize_newlines(html: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', html.as_bytes()).is_none() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(p) = memchr::memchr(b'\r', rest.as_bytes()) {
        out.push_str(&rest[..p]);
        out.push('\n');
        rest = &rest[p + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Where the tokenizer is between tokens.
#[derive(Clone, Copy, PartialEq, Debug)]
enum State {
    Data,
    Raw(RawKind),
    Plaintext,
}

struct Tokenizer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    /// The page as one shared buffer: text tokens are slices of it.
    buf: StrTendril,
    pos: usize,
    builder: &'a TreeBuilder<u32, Sink>,
    guard: Guard,
    /// The name of the last start tag handed over, for the end tag that
    /// closes a raw-text element.
    last_start: Option<LocalName>,
    state: State,
}

impl Tokenizer<'_> {
    fn run(&mut self) {
        while self.pos < self.bytes.len() {
            match self.state {
                State::Data => self.data(),
                State::Raw(kind) => self.raw(kind),
                State::Plaintext => {
                    self.text_replacing_nul(self.pos, self.bytes.len());
                    self.pos = self.bytes.len();
                }
            }
        }
        self.emit(Token::EOFToken);
    }

    /// The data state, up to the next tag that changes the state.
    fn data(&mut self) {
        let bytes = self.bytes;
        while self.state == State::Data {
            let start = self.pos;
            let Some(off) = memchr::memchr3(b'<', b'&', b'\0', &bytes[start..]) else {
                self.text(start, bytes.len());
                self.pos = bytes.len();
                return;
            };
            let at = start + off;
            self.text(start, at);
            self.pos = at;
            match bytes[at] {
                b'<' => self.tag_open(),
                b'&' => self.char_ref_in_text(),
                _ => {
                    self.emit(Token::NullCharacterToken);
                    self.pos += 1;
                }
            }
        }
    }

    /// At an `&` in the data state.
    fn char_ref_in_text(&mut self) {
        let at = self.pos;
        match self.char_ref(at, false) {
            Some((chars, next)) => {
                let s: String = chars.iter().flatten().collect();
                self.text_owned(&s);
                self.pos = next;
            }
            None => {
                self.text(at, at + 1);
                self.pos = at + 1;
            }
        }
    }

    /// At a `<` in the data state.
    fn tag_open(&mut self) {
        let at = self.pos;
        match self.bytes.get(at + 1) {
            Some(b'!') => self.markup_declaration(at + 2),
            Some(b'/') => self.end_tag_open(at + 2),
            Some(b'?') => self.bogus_comment(at + 1),
            Some(c) if c.is_ascii_alphabetic() => {
                let tag = self.read_tag(TagKind::StartTag, at + 1);
                self.emit_tag(tag);
            }
            _ => {
                self.text(at, at + 1);
                self.pos = at + 1;
            }
        }
    }

    /// After `</` in the data state.
    fn end_tag_open(&mut self, at: usize) {
        match self.bytes.get(at) {
            Some(b'>') => {
                // Nothing is emitted but the error, which html5ever hands
                // to the tree builder as a token: it ends a `<pre>`'s
                // "ignore the next line feed".
                self.emit(Token::ParseError(Cow::Borrowed("Empty end tag")));
                self.pos = at + 1;
            }
            None => {
                self.text(at - 2, at);
                self.pos = at;
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let tag = self.read_tag(TagKind::EndTag, at);
                self.emit_tag(tag);
            }
            Some(_) => self.bogus_comment(at),
        }
    }

    /// Hands a tag to the tree builder (through the nesting guard) and
    /// takes the state it asks for. `None`: the page ended inside the tag.
    fn emit_tag(&mut self, tag: Option<Tag>) {
        let Some(tag) = tag else {
            self.pos = self.bytes.len();
            return;
        };
        match tag.kind {
            TagKind::StartTag => match self.guard.start(&tag.name, tag.self_closing) {
                Start::Keep => {}
                Start::Cut => return,
                Start::CloseFirst(name) => {
                    self.emit(Token::TagToken(Tag {
                        kind: TagKind::EndTag,
                        name: LocalName::from(name),
                        self_closing: false,
                        attrs: Vec::new(),
                    }));
                }
            },
            TagKind::EndTag => {
                if !self.guard.end(&tag.name) {
                    return;
                }
            }
        }
        if tag.kind == TagKind::StartTag {
            self.last_start = Some(tag.name.clone());
        }
        self.state = match self.builder.process_token(Token::TagToken(tag), 1) {
            TokenSinkResult::RawData(kind) => State::Raw(kind),
            TokenSinkResult::Plaintext => State::Plaintext,
            TokenSinkResult::Continue | TokenSinkResult::Script(_) => State::Data,
        };
    }

    /// Hands a token to the tree builder; only a start tag can ask the
    /// tokenizer to change its state (see [`Tokenizer::emit_tag`]).
    fn emit(&self, token: Token) {
        let _ = self.builder.process_token(token, 1);
    }

    /// Hands over the page's bytes `a..b` as text (never an empty token).
    fn text(&self, a: usize, b: usize) {
        if a < b {
            let t = self.buf.subtendril(a as u32, (b - a) as u32);
            self.emit(Token::CharacterTokens(t));
        }
    }

    /// Hands over text that is not a slice of the page.
    fn text_owned(&self, s: &str) {
        if !s.is_empty() {
            self.emit(Token::CharacterTokens(StrTendril::from_slice(s)));
        }
    }

    /// Text in which NUL stands for U+FFFD (raw text, plaintext).
    fn text_replacing_nul(&self, a: usize, b: usize) {
        let mut from = a;
        while let Some(p) = memchr::memchr(b'\0', &self.bytes[from..b]) {
            self.text(from, from + p);
            self.text_owned("\u{fffd}");
            from += p + 1;
        }
        self.text(from, b);
    }

    /// Whether the page holds, at `at`, the end tag of the last start tag
    /// (`</name` and then a space, `/` or `>`): the end of raw text.
    fn appropriate_end_tag_at(&self, at: usize) -> Option<usize> {
        let name = self.last_start.as_ref()?;
        let b = self.bytes;
        let from = at + 2;
        let to = from + name.len();
        let fits = b.get(at + 1) == Some(&b'/')
            && b.get(from..to)
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && matches!(
                b.get(to),
                Some(b'\t' | b'\n' | b'\x0C' | b' ' | b'/' | b'>')
            );
        fits.then_some(to)
    }

    /// Whether the tree builder's adjusted current node is foreign (a
    /// CDATA section is read only there).
    fn in_foreign_content(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

#[cfg(test)]
mod tests;
