//! Saved pages into blocks. For now: every paragraph-like element's text,
//! in document order, without script, style and other non-content.

use crate::block::{Block, Markup};
use scraper::{ElementRef, Html, Node};

const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "tr",
    "figcaption",
    "dt",
    "dd",
];
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe", "select", "textarea",
    "button",
];

/// The blocks and title of a page parsed once by the caller (who reads
/// its metadata from the same tree).
pub fn blocks(doc: &Html) -> (Vec<Block>, Option<String>) {
    let title = doc
        .select(&scraper::Selector::parse("title").expect("valid selector"))
        .next()
        .map(|t| {
            t.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|t| !t.is_empty());
    let mut out = Vec::new();
    let mut stack = vec![doc.root_element()];
    // Iterative walk: deep documents cannot overflow the stack.
    while let Some(el) = stack.pop() {
        let name = el.value().name();
        if SKIP_TAGS.contains(&name) {
            continue;
        }
        if BLOCK_TAGS.contains(&name) {
            let text = visible_text(el);
            if !text.is_empty() {
                out.push(Block::html(
                    text,
                    Markup {
                        tag: name.to_string(),
                        ..Markup::default()
                    },
                ));
            }
            continue;
        }
        let children: Vec<ElementRef> = el.children().filter_map(ElementRef::wrap).collect();
        stack.extend(children.into_iter().rev());
    }
    (out, title)
}

fn visible_text(el: ElementRef) -> String {
    let mut s = String::new();
    let mut stack = vec![*el];
    while let Some(node) = stack.pop() {
        match node.value() {
            Node::Text(t) => s.push_str(t),
            Node::Element(e) if SKIP_TAGS.contains(&e.name()) => {}
            _ => stack.extend(node.children().rev()),
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
