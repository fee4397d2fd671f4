//! Start and end tags and their attributes, as the standard's tag states
//! read them (tag name, before/after attribute name, attribute value,
//! self-closing start tag).
//!
//! Most attributes are never read (`href` of a link, `src`, `data-*`,
//! `on*`, ...): their names and values are stepped over, not copied. Kept
//! are the attributes the cleaner reads (see `super::super::dom`,
//! `prune` and `head`), those the tree builder reads (`type` of an
//! `<input>`, `encoding` of `<annotation-xml>`, `shadowrootmode` of a
//! `<template>`), and every attribute of a formatting element: the tree
//! builder compares those whole (the "Noah's Ark" clause). End tags keep
//! none (the tree builder ignores them).

use super::Tokenizer;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Tag, TagKind};
use html5ever::{Attribute, LocalName, QualName, local_name, ns};

impl Tokenizer<'_> {
    /// Reads the tag whose name starts at `at` (an ASCII letter). `None`
    /// when the page ends inside it. Leaves `pos` past its `>`.
    pub(super) fn read_tag(&mut self, kind: TagKind, at: usize) -> Option<Tag> {
        let b = self.bytes;
        let end = at + b[at..].iter().position(|&c| ends_name(c) || c == b'/')?;
        let name = LocalName::from(&*lowercase(&self.src[at..end]));
        self.read_attributes(kind, name, end)
    }

    /// Reads the attributes from `j` (just past the tag name) to the end
    /// of the tag.
    pub(super) fn read_attributes(
        &mut self,
        kind: TagKind,
        name: LocalName,
        mut j: usize,
    ) -> Option<Tag> {
        let b = self.bytes;
        let keep = Keep::of(kind, &name);
        let mut attrs: Vec<Attribute> = Vec::new();
        let mut self_closing = false;
        loop {
            j = skip_space(b, j);
            match *b.get(j)? {
                b'>' => {
                    j += 1;
                    break;
                }
                b'/' => {
                    if *b.get(j + 1)? == b'>' {
                        self_closing = true;
                        j += 2;
                        break;
                    }
                    j += 1;
                    continue;
                }
                _ => {}
            }
            // The name: its first character, whatever it is, then up to a
            // space, `/`, `=` or `>`.
            let n0 = j;
            j += 1;
            while j < b.len() && !(ends_name(b[j]) || matches!(b[j], b'/' | b'=')) {
                j += 1;
            }
            let n1 = j;
            j = skip_space(b, j);
            let mut value = None;
            if b.get(j) == Some(&b'=') {
                let (v, next) = self.attribute_value(skip_space(b, j + 1))?;
                value = Some(v);
                j = next;
            }
            let Some(local) = keep.attribute(&self.src[n0..n1]) else {
                continue;
            };
            if attrs.iter().any(|a| a.name.local == local) {
                // The first of two same-named attributes wins.
                continue;
            }
            attrs.push(Attribute {
                name: QualName::new(None, ns!(), local),
                value: value.map_or_else(StrTendril::new, |(a, b)| self.attribute_text(a, b)),
            });
        }
        self.pos = j;
        Some(Tag {
            kind,
            name,
            self_closing,
            attrs,
        })
    }

    /// A value starting at `j`: its bytes and where reading goes on.
    /// `None` when the page ends first.
    fn attribute_value(&self, j: usize) -> Option<((usize, usize), usize)> {
        let b = self.bytes;
        match *b.get(j)? {
            q @ (b'"' | b'\'') => {
                let end = j + 1 + memchr::memchr(q, &b[j + 1..])?;
                Some(((j + 1, end), end + 1))
            }
            // `<a href=>`: an empty value, and the tag ends.
            b'>' => Some(((j, j), j)),
            _ => {
                let end = j + b[j..].iter().position(|&c| ends_name(c))?;
                Some(((j, end), end))
            }
        }
    }

    /// The text of a kept value: a slice of the page, or decoded when it
    /// holds character references or NULs.
    fn attribute_text(&self, a: usize, b: usize) -> StrTendril {
        let raw = &self.bytes[a..b];
        if memchr::memchr2(b'&', b'\0', raw).is_none() {
            return self.buf.subtendril(a as u32, (b - a) as u32);
        }
        let mut out = String::with_capacity(b - a);
        let mut i = a;
        while let Some(p) = memchr::memchr2(b'&', b'\0', &self.bytes[i..b]) {
            out.push_str(&self.src[i..i + p]);
            i += p;
            if self.bytes[i] == b'\0' {
                out.push('\u{fffd}');
                i += 1;
            } else if let Some((chars, next)) = self.char_ref(i, true) {
                out.extend(chars.iter().flatten());
                i = next;
            } else {
                out.push('&');
                i += 1;
            }
        }
        out.push_str(&self.src[i..b]);
        StrTendril::from_slice(&out)
    }
}

/// Whether the attribute `attr` of a start tag `element` is kept (for
/// the tests that compare trees with html5ever's).
#[cfg(test)]
pub fn keeps(element: &str, attr: &str) -> bool {
    Keep::of(TagKind::StartTag, &LocalName::from(element))
        .attribute(attr)
        .is_some()
}

/// A byte that ends a tag name or an unquoted value.
fn ends_name(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b' ' | b'>')
}

fn skip_space(b: &[u8], mut j: usize) -> usize {
    while j < b.len() && matches!(b[j], b'\t' | b'\n' | b'\x0C' | b' ') {
        j += 1;
    }
    j
}

/// A tag or attribute name as the tokenizer gives it: ASCII lowercased,
/// NUL replaced.
fn lowercase(name: &str) -> std::borrow::Cow<'_, str> {
    if name.bytes().any(|c| c.is_ascii_uppercase() || c == 0) {
        name.chars()
            .map(|c| match c {
                '\0' => '\u{fffd}',
                c => c.to_ascii_lowercase(),
            })
            .collect::<String>()
            .into()
    } else {
        name.into()
    }
}

/// Which attributes of a tag are kept.
enum Keep {
    Nothing,
    All,
    /// Those of [`Keep::chosen`] for this element.
    Chosen(Element),
}

/// The elements whose own attributes the cleaner reads.
#[derive(Clone, Copy, PartialEq)]
enum Element {
    Html,
    Meta,
    Link,
    Base,
    Script,
    Input,
    Time,
    AnnotationXml,
    Template,
    Other,
}

impl Keep {
    fn of(kind: TagKind, name: &LocalName) -> Keep {
        if kind == TagKind::EndTag {
            return Keep::Nothing;
        }
        let element = match *name {
            local_name!("a")
            | local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("nobr")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u") => return Keep::All,
            local_name!("html") => Element::Html,
            local_name!("meta") => Element::Meta,
            local_name!("link") => Element::Link,
            local_name!("base") => Element::Base,
            local_name!("script") => Element::Script,
            local_name!("input") => Element::Input,
            local_name!("time") => Element::Time,
            local_name!("annotation-xml") => Element::AnnotationXml,
            local_name!("template") => Element::Template,
            _ => Element::Other,
        };
        Keep::Chosen(element)
    }

    /// The attribute's name when it is kept.
    fn attribute(&self, raw: &str) -> Option<LocalName> {
        match self {
            Keep::Nothing => None,
            Keep::All => Some(LocalName::from(&*lowercase(raw))),
            Keep::Chosen(element) => Self::chosen(*element, raw),
        }
    }

    fn chosen(element: Element, raw: &str) -> Option<LocalName> {
        use Element as E;
        if raw.len() > 14 {
            return None;
        }
        let mut lower = [0u8; 14];
        for (l, c) in lower.iter_mut().zip(raw.bytes()) {
            *l = c.to_ascii_lowercase();
        }
        let name = match (&lower[..raw.len()], element) {
            (b"class", _) => local_name!("class"),
            (b"id", _) => local_name!("id"),
            (b"style", _) => local_name!("style"),
            (b"role", _) => local_name!("role"),
            (b"hidden", _) => local_name!("hidden"),
            (b"aria-hidden", _) => local_name!("aria-hidden"),
            (b"itemprop", _) => local_name!("itemprop"),
            (b"itemscope", _) => local_name!("itemscope"),
            (b"content", _) => local_name!("content"),
            (b"lang", E::Html) => local_name!("lang"),
            (b"xml:lang", E::Html) => local_name!("xml:lang"),
            (b"type", E::Script | E::Input) => local_name!("type"),
            (b"property", E::Meta) => local_name!("property"),
            (b"name", E::Meta) => local_name!("name"),
            (b"http-equiv", E::Meta) => local_name!("http-equiv"),
            (b"rel", E::Link) => local_name!("rel"),
            (b"href", E::Link | E::Base) => local_name!("href"),
            (b"datetime", E::Time) => local_name!("datetime"),
            (b"pubdate", E::Time) => LocalName::from("pubdate"),
            (b"encoding", E::AnnotationXml) => local_name!("encoding"),
            (b"shadowrootmode", E::Template) => local_name!("shadowrootmode"),
            _ => return None,
        };
        Some(name)
    }
}
