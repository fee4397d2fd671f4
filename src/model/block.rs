//! The unit of decision: one paragraph, heading, list item, quote, table
//! row or caption, with the features the classifier reads.

use super::{Reason, Shape};
use crate::normalize::normalize;
use std::borrow::Cow;

/// Markup features of a block taken from a saved page.
#[derive(Debug, Clone, Default)]
pub struct Markup {
    /// The block's tag name (`p`, `h2`, `li`, ...).
    pub tag: String,
    /// Class and id tokens of the block and its ancestors up to the content
    /// root, lowercased, nearest first.
    pub tokens: Vec<String>,
    /// Share of the block's characters that sit inside links, 0 to 1.
    pub link_density: f32,
    /// Inside an `aside`, `footer`, `nav` or `form` element.
    pub in_furniture: bool,
    /// Decided before classification (title, outside main content, ...).
    pub preset: Option<Reason>,
    /// Heading, list item, quote, table row or code line, and emphasis:
    /// what Markdown output renders.
    pub shape: Shape,
}

/// One block of a document.
#[derive(Debug, Clone)]
pub struct Block {
    /// The text as it stands in the input (text mode: the exact slice).
    pub text: String,
    /// What follows the block up to the next one (text mode only). The
    /// usual separators (a line break, a blank line) are shared constants,
    /// not one allocation per block.
    pub trailing: Cow<'static, str>,
    /// The matching form of `text` (see [`crate::normalize`]).
    pub norm: String,
    /// Markup features, for blocks from HTML. Boxed: text blocks, which
    /// have none, then carry one pointer instead of the whole struct
    /// (a text of a million short lines has a million blocks).
    pub markup: Option<Box<Markup>>,
}

impl Block {
    /// A block from plain text.
    pub fn text(text: &str, trailing: &str) -> Block {
        Block {
            text: text.to_string(),
            trailing: separator(trailing),
            norm: normalize(text),
            markup: None,
        }
    }

    /// A block from a page, with its markup features.
    pub fn html(text: String, markup: Markup) -> Block {
        let norm = normalize(&text);
        Block {
            text,
            trailing: Cow::Borrowed(""),
            norm,
            markup: Some(Box::new(markup)),
        }
    }
}

/// `s` as a shared constant when it is one of the usual separators.
fn separator(s: &str) -> Cow<'static, str> {
    const COMMON: [&str; 7] = ["", "\n", "\n\n", "\r\n", "\r\n\r\n", " \n", "\n\n\n"];
    match COMMON.iter().find(|&&c| c == s) {
        Some(c) => Cow::Borrowed(c),
        None => Cow::Owned(s.to_string()),
    }
}
