//! A block's place in the page's structure, as far as Markdown can say
//! it: recorded while a page is cut into blocks (`html::flatten`) and
//! rendered by the Markdown output. Text input has none.

/// Where a block sits in the page's structure, as far as Markdown can say
/// it: a paragraph, heading, list item, quote, table row or code line, and
/// its emphasised spans. Recorded for blocks of HTML input (see
/// [`crate::BlockReport::shape`]) and rendered by
/// [`crate::Cleaned::to_markdown`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shape {
    pub(crate) role: Role,
    /// Blockquotes around the block.
    pub(crate) quote: u8,
    /// The list item the block is in.
    pub(crate) list: Option<ListPlace>,
    /// The table or `<pre>` a row or code line belongs to (consecutive
    /// blocks of one group are rendered as one table or code block).
    pub(crate) group: u32,
    /// Emphasised spans of the text, in order, not overlapping.
    pub(crate) emphasis: Vec<Emphasis>,
    /// Table rows: where each cell but the first starts in the text, as
    /// the byte offset of the separator before it.
    pub(crate) cells: Vec<u32>,
}

/// What a block is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Role {
    #[default]
    Paragraph,
    /// A heading of level 1 to 6.
    Heading(u8),
    /// A table row whose cells are plain text.
    Row,
    /// One line of preformatted text.
    Code,
}

/// The list item a block is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ListPlace {
    /// 1 for a top-level list, 2 for a list inside an item, ...
    pub depth: u8,
    pub ordered: bool,
    /// The item's number in its list, from 1.
    pub number: u32,
    /// The first block of the item (later ones continue it).
    pub first: bool,
    /// Which list (lists next to each other stay apart).
    pub list: u32,
}

/// Emphasis: `em`/`i`.
pub(crate) const EM: u8 = 1;
/// Strong emphasis: `strong`/`b`.
pub(crate) const STRONG: u8 = 2;

/// An emphasised span: byte offsets into the block's text and the style
/// ([`EM`], [`STRONG`] or both).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Emphasis {
    pub start: u32,
    pub end: u32,
    pub style: u8,
}
