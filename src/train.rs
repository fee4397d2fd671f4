//! What `newsbody-train` needs from inside the library (feature `train`,
//! not part of the public API): each block of a document with the
//! scorer's features as the scorer sees them, and whether a rule already
//! decided it.

use crate::classify::{self, score};
use crate::model::Kind;
use crate::{Cleaner, html, input, text};

/// One block of a document.
#[derive(Debug, Clone)]
pub struct Sample {
    /// The block's text as given (a page's: its visible text).
    pub text: String,
    /// The scorer's features, in the order of [`feature_names`].
    pub features: Vec<f32>,
    /// The rule that removed the block before the scorer, with its kind.
    pub rule: Option<(Kind, String)>,
    /// A `keep` rule protects the block.
    pub protected: bool,
}

/// The names of the scorer's features, in row order.
pub fn feature_names() -> &'static [&'static str] {
    &score::features::NAMES
}

/// The hash a weights file records for these names.
pub fn names_hash() -> u64 {
    score::format::names_hash(&score::features::NAMES)
}

/// The weights file format version.
pub const FORMAT_VERSION: u32 = score::format::VERSION;

/// The blocks of a text given as bytes (decoded as `Cleaner::clean`
/// does), as the scorer would see them.
pub fn text_samples(cleaner: &Cleaner, bytes: &[u8]) -> Vec<Sample> {
    let decoded = input::decode(bytes, false, None);
    let text = decoded
        .text
        .strip_prefix('\u{FEFF}')
        .unwrap_or(&decoded.text);
    let blocks = text::segment(text);
    samples(cleaner, &blocks)
}

/// The blocks of a saved page's main content (bytes decoded as
/// `Cleaner::clean` does), as the scorer would see them.
pub fn html_samples(cleaner: &Cleaner, bytes: &[u8]) -> Vec<Sample> {
    let decoded = input::decode(bytes, true, None);
    let (dom, _) = html::parse(&decoded.text);
    let page = html::read(dom, &cleaner.rules, None);
    samples(cleaner, &page.blocks)
}

fn samples(cleaner: &Cleaner, blocks: &[crate::model::Block]) -> Vec<Sample> {
    let (rows, decided, protected) = classify::samples(blocks, &cleaner.rules);
    let width = score::features::COUNT;
    (blocks.iter().enumerate())
        .map(|(i, b)| Sample {
            text: b.text.clone(),
            features: rows[i * width..(i + 1) * width].to_vec(),
            rule: decided[i].as_ref().map(|r| (r.kind, r.rule.clone())),
            protected: protected[i],
        })
        .collect()
}
