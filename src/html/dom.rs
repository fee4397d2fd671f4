//! The page as a flat, pre-order arena of its visible nodes.
//!
//! `tokenize` parses the page once into its tree; this module copies the
//! parts that can be content into a `Vec` in document order, leaving out
//! what is never content (see `prune`) and reading the page's head on the
//! way (see `head`). In pre-order a node's descendants are the indices
//! `i + 1 .. end`, so subtrees are ranges, children come after parents, and
//! every later pass is a loop, never a recursion: a page nested 200,000
//! deep cannot overflow the stack.

use super::head::HeadReader;
use super::prune;
use super::tag::Tag;
use super::tokenize;
use super::tree::{Data, Element, NIL, Tree};
use crate::model::Head;

/// No parent: the root.
pub const NONE: u32 = u32::MAX;

/// The element hides itself (`hidden`, `aria-hidden`, inline style).
pub const HIDDEN: u8 = 1;
/// `itemprop="articleBody"`.
pub const ITEM_BODY: u8 = 2;
/// An ARIA role of furniture (navigation, complementary, dialog, ...).
pub const ROLE_FURNITURE: u8 = 4;
/// A `<br>` that follows another `<br>` with only whitespace between.
pub const BR_PAIR: u8 = 8;
/// Left out: a hidden subtree, honoured (see [`Dom::settle_hidden`]).
pub const GONE: u8 = 16;
/// `em` or `i`: emphasised text, for Markdown output.
pub const EMPHASIS: u8 = 32;
/// `strong` or `b`: strongly emphasised text, for Markdown output.
pub const STRONG: u8 = 64;

/// One element or text node.
#[derive(Debug)]
pub struct Node {
    pub parent: u32,
    /// One past the last descendant.
    pub end: u32,
    pub tag: Tag,
    pub flags: u8,
    /// Text nodes: the text as found.
    pub text: Box<str>,
    /// Elements: the `class` attribute.
    pub class: Box<str>,
    /// Elements: the `id` attribute.
    pub id: Box<str>,
}

impl Node {
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// The arena and the page's head.
#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
    pub head: Head,
}

impl Dom {
    /// Parses a page into the arena, reading its head on the way. An
    /// unclosed `<title>` is closed first; the nesting guard runs inside
    /// the tokenizer. Also returns how many tags the guard changed.
    pub fn parse(html: &str) -> (Dom, usize) {
        let parsed = tokenize::parse(&close_title(html));
        (Dom::from_tree(&parsed.tree), parsed.nesting_edits)
    }

    /// Builds the arena from the parsed tree, in document order, reading
    /// the head on the way.
    fn from_tree(tree: &Tree) -> Dom {
        let mut b = Builder {
            tree,
            dom: Dom {
                nodes: Vec::with_capacity(tree.nodes.len()),
                head: Head::default(),
            },
            head: HeadReader::new(tree),
            stack: vec![0],
            skipping: None,
            last_br: vec![false],
        };
        b.dom.push(NONE, Tag::OtherBlock, 0, "", "");
        let mut n = 0;
        'walk: loop {
            b.open(n);
            let first = tree.node(n).first_child;
            if first != NIL {
                n = first;
                continue;
            }
            loop {
                b.close(n);
                let node = tree.node(n);
                if n == 0 || node.parent == NIL {
                    break 'walk;
                }
                if node.next != NIL {
                    n = node.next;
                    break;
                }
                n = node.parent;
            }
        }
        let mut dom = b.dom;
        let len = dom.nodes.len() as u32;
        for &i in &b.stack {
            dom.nodes[i as usize].end = len;
        }
        dom.head = b.head.finish();
        dom
    }

    fn push(&mut self, parent: u32, tag: Tag, flags: u8, class: &str, id: &str) -> u32 {
        let i = self.nodes.len() as u32;
        self.nodes.push(Node {
            parent,
            end: i + 1,
            tag,
            flags,
            text: Box::from(""),
            class: Box::from(class),
            id: Box::from(id),
        });
        i
    }

    /// Honours the `hidden` flags, except on an element that holds most of
    /// the page's text: a page saved while a dialog was open hides its
    /// whole wrapper, and a reader closes the dialog.
    pub fn settle_hidden(&mut self, raw_len: &[u32]) {
        let total = raw_len.first().copied().unwrap_or(0).max(1);
        for (node, &len) in self.nodes.iter_mut().zip(raw_len) {
            if node.has(HIDDEN) && len * 2 < total {
                node.flags |= GONE;
            }
        }
    }

    /// The children of `i`, in order.
    pub fn children(&self, i: u32) -> Children<'_> {
        Children {
            dom: self,
            next: i + 1,
            end: self.nodes[i as usize].end,
        }
    }

    pub fn node(&self, i: u32) -> &Node {
        &self.nodes[i as usize]
    }

    /// Whether `a` is `d` or one of its ancestors.
    pub fn contains(&self, a: u32, d: u32) -> bool {
        a <= d && d < self.nodes[a as usize].end
    }
}

/// The walk from the tree into the arena.
struct Builder<'t> {
    tree: &'t Tree,
    dom: Dom,
    head: HeadReader,
    stack: Vec<u32>,
    /// The never-content element being stepped over.
    skipping: Option<u32>,
    /// Whether the last non-blank node under the top of the stack was a
    /// `<br>`, to mark `<br><br>` pairs.
    last_br: Vec<bool>,
}

impl Builder<'_> {
    fn open(&mut self, n: u32) {
        let tree = self.tree;
        if self.skipping.is_some() {
            if tree.element(n).is_some() {
                self.head.element(tree, n, false);
            }
            return;
        }
        match &tree.node(n).data {
            Data::Element(el) => {
                self.head.element(tree, n, true);
                if prune::never_content(el) {
                    self.skipping = Some(n);
                    return;
                }
                self.element(el);
            }
            Data::Text(t) => {
                if !t.trim().is_empty() {
                    *self.last_br.last_mut().expect("stack has the root") = false;
                }
                let parent = *self.stack.last().expect("stack has the root");
                let i = self.dom.push(parent, Tag::Text, 0, "", "");
                self.dom.nodes[i as usize].text = Box::from(&**t);
            }
            _ => {}
        }
    }

    fn element(&mut self, el: &Element) {
        let tag = Tag::from_name(&el.name.local);
        let attrs = prune::Attrs::read(el);
        let mut flags = 0;
        if attrs.hidden() {
            flags |= HIDDEN;
        }
        if attrs.furniture_role() {
            flags |= ROLE_FURNITURE;
        }
        if attrs
            .itemprop
            .is_some_and(|v| v.split_whitespace().any(|t| t == "articleBody"))
        {
            flags |= ITEM_BODY;
        }
        match &*el.name.local {
            "em" | "i" => flags |= EMPHASIS,
            "strong" | "b" => flags |= STRONG,
            _ => {}
        }
        let top = self.last_br.last_mut().expect("stack has the root");
        if tag == Tag::Br {
            if *top {
                flags |= BR_PAIR;
            }
            *top = true;
        } else {
            *top = false;
        }
        let parent = *self.stack.last().expect("stack has the root");
        let i = self.dom.push(
            parent,
            tag,
            flags,
            attrs.class.unwrap_or(""),
            attrs.id.unwrap_or(""),
        );
        self.stack.push(i);
        self.last_br.push(false);
    }

    fn close(&mut self, n: u32) {
        if self.skipping == Some(n) {
            self.skipping = None;
        } else if self.skipping.is_none() && self.tree.element(n).is_some() && self.stack.len() > 1
        {
            let i = self.stack.pop().expect("checked");
            self.last_br.pop();
            self.dom.nodes[i as usize].end = self.dom.nodes.len() as u32;
        }
    }
}

/// A `<title>` that is never closed swallows the whole page as its text
/// (it is RCDATA): close it before the next tag.
fn close_title(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let find = |needle: &[u8], from: usize| {
        bytes[from.min(bytes.len())..]
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle))
            .map(|p| p + from)
    };
    let Some(open) = find(b"<title", 0) else {
        return html.into();
    };
    if find(b"</title", open).is_some() {
        return html.into();
    }
    let Some(gt) = find(b">", open) else {
        return html.into();
    };
    let Some(next) = find(b"<", gt) else {
        return html.into();
    };
    let mut s = String::with_capacity(html.len() + 8);
    s.push_str(&html[..next]);
    s.push_str("</title>");
    s.push_str(&html[next..]);
    s.into()
}

/// Iterator over a node's children.
pub struct Children<'a> {
    dom: &'a Dom,
    next: u32,
    end: u32,
}

impl Iterator for Children<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.next >= self.end {
            return None;
        }
        let i = self.next;
        self.next = self.dom.nodes[i as usize].end;
        Some(i)
    }
}
