//! What cleaning returns: the body, and for every block the decision taken
//! on it, with the rule and the evidence behind each removal.

use super::{Metadata, Reason, Shape};
use serde::Serialize;
use std::ops::Deref;

/// One removed block: what it said, where it stood, and why it went.
///
/// A removal reads as its [`Reason`]: `removal.kind`, `removal.rule` and
/// `removal.evidence` are the reason's fields. In JSON the reason's fields
/// stand between `text` and `position`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// The removed text, as it stood in the input.
    pub text: String,
    /// Why it was removed.
    #[serde(flatten)]
    pub reason: Reason,
    /// The block's index among all blocks of the document, from 0.
    pub position: usize,
}

impl Deref for Removal {
    type Target = Reason;

    fn deref(&self) -> &Reason {
        &self.reason
    }
}

/// The decision taken on one block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "decision", rename_all = "lowercase")]
pub enum Verdict {
    /// The block is body and stays.
    Keep,
    /// The block is removed, for this reason.
    Drop(Reason),
}

/// One block of the document with its decision, for the explain view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlockReport {
    /// The block's index, from 0.
    pub position: usize,
    /// The block's text as it stood in the input (HTML: its visible text).
    pub text: String,
    /// Kept or dropped, and why.
    #[serde(flatten)]
    pub verdict: Verdict,
    /// The block's structure on the page (heading, list item, quote, table
    /// row, code line, emphasis), which [`Cleaned::to_markdown`] renders;
    /// `None` for text input. Not part of the JSON output.
    #[serde(skip)]
    pub shape: Option<Shape>,
}

/// The result of cleaning one document.
///
/// It serialises as the stable JSON object of [`crate::JsonOutput`]
/// (without `source`); see `schema/newsbody-output-v1.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The clean article body. For text input, the kept blocks exactly as
    /// they were, with their original separators; for HTML, one block per
    /// line.
    pub body: String,
    /// The page's title, when the input was HTML and had one (the same as
    /// `metadata.title`).
    pub title: Option<String>,
    /// Every removed block, in document order.
    pub removed: Vec<Removal>,
    /// Problems met on the way that did not stop cleaning (malformed bytes,
    /// a guessed encoding, an empty body, ...).
    pub warnings: Vec<String>,
    /// Every block with its decision, in document order.
    pub blocks: Vec<BlockReport>,
    /// What the page says about itself (HTML); empty for text input.
    pub metadata: Metadata,
}

impl Cleaned {
    /// Whether the body is empty (nothing but whitespace): every block was
    /// removed, or the input held no text. A warning then says so too.
    pub fn is_empty(&self) -> bool {
        self.body.trim().is_empty()
    }
}
