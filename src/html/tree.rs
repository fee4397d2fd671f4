//! The page's tree as html5ever's tree builder makes it: our own
//! [`TreeSink`], a `Vec` of linked nodes that holds only what the arena
//! and the head reader use (element names, the attributes that
//! `tokenize` keeps, text as shared slices of the page). `dom` then reads
//! it once, in document order, into the arena.
//!
//! The tree builder may move nodes after inserting them (the adoption
//! agency, foster parenting, `<template>` contents), so the nodes keep
//! parent and sibling links rather than a fixed order.

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, expanded_name, local_name, ns};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

/// No node: the end of a link.
pub const NIL: u32 = u32::MAX;

/// What a node is.
#[derive(Debug)]
pub enum Data {
    Document,
    /// A doctype, comment, processing instruction or template contents:
    /// nothing the reader uses, but a comment still parts two texts.
    Other,
    Text(StrTendril),
    Element(Element),
}

/// An element: its name and the attributes `tokenize` kept.
#[derive(Debug)]
pub struct Element {
    pub name: QualName,
    pub attrs: Vec<Attribute>,
}

impl Element {
    /// The value of the attribute `name` (lowercase) with no prefix and no
    /// namespace (what `scraper::node::Element::attr` found, when the tree
    /// was scraper's).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name.prefix.is_none() && a.name.ns.is_empty() && &*a.name.local == name)
            .map(|a| &*a.value)
    }

    pub fn is_html(&self) -> bool {
        self.name.ns == ns!(html)
    }
}

/// One node and its links.
#[derive(Debug)]
pub struct Node {
    pub parent: u32,
    pub first_child: u32,
    pub last_child: u32,
    pub prev: u32,
    pub next: u32,
    pub data: Data,
}

/// The whole tree; node 0 is the document.
#[derive(Debug)]
pub struct Tree {
    pub nodes: Vec<Node>,
}

impl Tree {
    fn new() -> Tree {
        let mut nodes = Vec::with_capacity(2048);
        nodes.push(Node::new(Data::Document));
        Tree { nodes }
    }

    pub fn node(&self, i: u32) -> &Node {
        &self.nodes[i as usize]
    }

    pub fn element(&self, i: u32) -> Option<&Element> {
        match &self.nodes[i as usize].data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The document's first element child (`<html>`).
    pub fn root_element(&self) -> Option<u32> {
        self.children(0).find(|&c| self.element(c).is_some())
    }

    pub fn children(&self, i: u32) -> impl Iterator<Item = u32> + '_ {
        let mut next = self.node(i).first_child;
        std::iter::from_fn(move || {
            let c = next;
            (c != NIL).then(|| {
                next = self.node(c).next;
                c
            })
        })
    }

    /// The node after `i` in document order within the subtree of `root`,
    /// or `NIL` past its end.
    pub fn following(&self, mut i: u32, root: u32) -> u32 {
        let first = self.node(i).first_child;
        if first != NIL {
            return first;
        }
        while i != root {
            let n = self.node(i);
            if n.next != NIL {
                return n.next;
            }
            i = n.parent;
        }
        NIL
    }

    /// The nodes under `root`, in document order, `root` excluded.
    pub fn descendants(&self, root: u32) -> impl Iterator<Item = u32> + '_ {
        let mut next = self.following(root, root);
        std::iter::from_fn(move || {
            let i = next;
            (i != NIL).then(|| {
                next = self.following(i, root);
                i
            })
        })
    }

    fn push(&mut self, data: Data) -> u32 {
        let i = self.nodes.len() as u32;
        self.nodes.push(Node::new(data));
        i
    }

    fn detach(&mut self, i: u32) {
        let Node {
            parent, prev, next, ..
        } = self.nodes[i as usize];
        if parent == NIL {
            return;
        }
        if prev == NIL {
            self.nodes[parent as usize].first_child = next;
        } else {
            self.nodes[prev as usize].next = next;
        }
        if next == NIL {
            self.nodes[parent as usize].last_child = prev;
        } else {
            self.nodes[next as usize].prev = prev;
        }
        let n = &mut self.nodes[i as usize];
        (n.parent, n.prev, n.next) = (NIL, NIL, NIL);
    }

    fn append_child(&mut self, parent: u32, child: u32) {
        let last = self.nodes[parent as usize].last_child;
        {
            let c = &mut self.nodes[child as usize];
            (c.parent, c.prev, c.next) = (parent, last, NIL);
        }
        if last == NIL {
            self.nodes[parent as usize].first_child = child;
        } else {
            self.nodes[last as usize].next = child;
        }
        self.nodes[parent as usize].last_child = child;
    }

    fn insert_before(&mut self, sibling: u32, child: u32) {
        let Node { parent, prev, .. } = self.nodes[sibling as usize];
        {
            let c = &mut self.nodes[child as usize];
            (c.parent, c.prev, c.next) = (parent, prev, sibling);
        }
        if prev == NIL {
            self.nodes[parent as usize].first_child = child;
        } else {
            self.nodes[prev as usize].next = child;
        }
        self.nodes[sibling as usize].prev = child;
    }

    /// Adds `text` to the text node `i` when it is one.
    fn extend_text(&mut self, i: u32, text: &StrTendril) -> bool {
        if i == NIL {
            return false;
        }
        match &mut self.nodes[i as usize].data {
            Data::Text(t) => {
                t.push_tendril(text);
                true
            }
            _ => false,
        }
    }
}

impl Node {
    fn new(data: Data) -> Node {
        Node {
            parent: NIL,
            first_child: NIL,
            last_child: NIL,
            prev: NIL,
            next: NIL,
            data,
        }
    }
}

/// The sink html5ever's tree builder drives.
pub struct Sink {
    tree: RefCell<Tree>,
}

impl Sink {
    pub fn new() -> Sink {
        Sink {
            tree: RefCell::new(Tree::new()),
        }
    }
}

impl TreeSink for Sink {
    type Handle = u32;
    type Output = Tree;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Tree {
        self.tree.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> u32 {
        0
    }

    fn elem_name<'a>(&'a self, target: &u32) -> Ref<'a, QualName> {
        Ref::map(self.tree.borrow(), |t| {
            match &t.nodes[*target as usize].data {
                Data::Element(e) => &e.name,
                _ => panic!("not an element"),
            }
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> u32 {
        let template = name.expanded() == expanded_name!(html "template");
        let mut tree = self.tree.borrow_mut();
        let i = tree.push(Data::Element(Element { name, attrs }));
        if template {
            // The contents live in a fragment that is the template's first
            // child (where scraper kept them, when the tree was scraper's).
            let contents = tree.push(Data::Other);
            tree.append_child(i, contents);
        }
        i
    }

    fn create_comment(&self, _text: StrTendril) -> u32 {
        self.tree.borrow_mut().push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        self.tree.borrow_mut().push(Data::Other)
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        let mut tree = self.tree.borrow_mut();
        match child {
            NodeOrText::AppendNode(c) => tree.append_child(*parent, c),
            NodeOrText::AppendText(text) => {
                let last = tree.nodes[*parent as usize].last_child;
                if !tree.extend_text(last, &text) {
                    let t = tree.push(Data::Text(text));
                    tree.append_child(*parent, t);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &u32,
        prev_element: &u32,
        child: NodeOrText<u32>,
    ) {
        let has_parent = self.tree.borrow().nodes[*element as usize].parent != NIL;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let mut tree = self.tree.borrow_mut();
        let d = tree.push(Data::Other);
        tree.append_child(0, d);
    }

    fn get_template_contents(&self, target: &u32) -> u32 {
        self.tree.borrow().nodes[*target as usize].first_child
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &u32, new_node: NodeOrText<u32>) {
        let mut tree = self.tree.borrow_mut();
        if let NodeOrText::AppendNode(c) = new_node {
            tree.detach(c);
        }
        if tree.nodes[*sibling as usize].parent == NIL {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(c) => tree.insert_before(*sibling, c),
            NodeOrText::AppendText(text) => {
                let prev = tree.nodes[*sibling as usize].prev;
                if !tree.extend_text(prev, &text) {
                    let t = tree.push(Data::Text(text));
                    tree.insert_before(*sibling, t);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &u32, attrs: Vec<Attribute>) {
        let mut tree = self.tree.borrow_mut();
        let Data::Element(el) = &mut tree.nodes[*target as usize].data else {
            return;
        };
        for a in attrs {
            if !el.attrs.iter().any(|b| b.name == a.name) {
                el.attrs.push(a);
            }
        }
    }

    fn remove_from_parent(&self, target: &u32) {
        self.tree.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        let mut tree = self.tree.borrow_mut();
        while let Some(c) = Some(tree.nodes[*node as usize].first_child).filter(|&c| c != NIL) {
            tree.detach(c);
            tree.append_child(*new_parent, c);
        }
    }
}
