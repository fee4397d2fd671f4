//! The content as blocks, one per line a reader sees: paragraphs,
//! subheads, list items, quotes, table rows, captions, and text directly
//! inside containers. Every `<br>` starts a new line, as on screen;
//! `<pre>` keeps its lines. Each block carries its markup features
//! (see `model::block::Markup`), and the reason when it is known before
//! classification: the title, a caption, a box that `clean` ruled out.

use super::dom::{Dom, EMPHASIS, GONE, ROLE_FURNITURE, STRONG};
use super::stats::Stats;
use super::tag::Tag;
use crate::model::block::{Block, Markup};
use crate::model::shape::{self, Emphasis, ListPlace, Role, Shape};
use crate::model::{Kind, Reason};
use crate::normalize::squeeze;
use crate::rules::markup::{MarkupRules, name_form};
use std::collections::HashMap;

/// An element that holds more than this share of the content's text is a
/// wrapper, and its class and id say nothing about one block.
const WRAPPER_SHARE: f32 = 0.5;
/// A furniture element holding most of the content is its wrapper when
/// less of its text than this sits in links.
const WRAPPER_LINK_DENSITY: f32 = 0.3;
/// Separates the cells of a table row.
const CELL_SEPARATOR: &str = " | ";

/// An open element while walking. What blocks inherit from their
/// ancestors is carried down on each frame, so that no step walks the
/// whole stack (a page may nest thousands deep).
struct Frame {
    end: u32,
    tag: Tag,
    /// Ends a line when it opens and closes.
    boundary: bool,
    /// The nearest line-ending element's tag, this one included.
    block_tag: &'static str,
    /// Inside a table row whose cells are plain text: one block.
    in_row: bool,
    /// Index of the nearest frame with a preset.
    preset_at: Option<usize>,
    preset: Option<Reason>,
    /// Inside an aside, footer, nav or form (below the root).
    furniture: bool,
    /// The element's own emphasis (`shape::EM`, `shape::STRONG`).
    style: u8,
}

/// Class and id name forms of at most this many elements go with a block.
const MAX_TOKEN_FRAMES: usize = 32;

/// The line being gathered.
#[derive(Default)]
struct Line {
    text: String,
    chars: usize,
    link_chars: usize,
    space: bool,
    /// Emphasised spans of `text`.
    spans: Vec<Emphasis>,
    /// Where each table cell separator starts in `text`.
    cells: Vec<u32>,
}

impl Line {
    fn push(&mut self, s: &str, in_link: bool, style: u8) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{00AD}') {
                continue;
            }
            if self.space && !self.text.is_empty() {
                self.text.push(' ');
                self.chars += 1;
            }
            self.space = false;
            if style != 0 {
                self.emphasise(c.len_utf8(), style);
            }
            self.text.push(c);
            self.chars += 1;
            if in_link {
                self.link_chars += 1;
            }
        }
    }
}

impl Line {
    /// Marks the next `len` bytes as emphasised, extending the last span
    /// when only a space separates them.
    fn emphasise(&mut self, len: usize, style: u8) {
        let at = self.text.len() as u32;
        let end = at + len as u32;
        match self.spans.last_mut() {
            Some(e)
                if e.style == style
                    && (e.end == at
                        || (e.end + 1 == at && self.text.as_bytes()[e.end as usize] == b' ')) =>
            {
                e.end = end;
            }
            _ => self.spans.push(Emphasis {
                start: at,
                end,
                style,
            }),
        }
    }
}

/// An open list while walking.
struct List {
    /// The list element's index.
    id: u32,
    ordered: bool,
    /// Items opened so far.
    items: u32,
    /// Inside one of its items.
    in_item: bool,
    /// Blocks of the current item so far.
    blocks: u32,
}

/// Walks the content roots and cuts them into blocks.
pub struct Flattener<'a> {
    dom: &'a Dom,
    rules: &'a MarkupRules,
    stats: &'a Stats,
    dropped: &'a HashMap<u32, Reason>,
    title: Option<String>,
    frames: Vec<Frame>,
    /// `(frame index, name forms)` of open elements that are not wrappers.
    forms: Vec<(usize, Vec<String>)>,
    line: Line,
    links: usize,
    pre: usize,
    /// Open emphasis and strong elements.
    em: usize,
    strong: usize,
    quotes: usize,
    lists: Vec<List>,
    tables: Vec<u32>,
    /// The outermost open `<pre>`.
    pre_at: u32,
    wrapper_len: f32,
    out: Vec<Block>,
}

impl<'a> Flattener<'a> {
    pub fn new(
        dom: &'a Dom,
        rules: &'a MarkupRules,
        stats: &'a Stats,
        dropped: &'a HashMap<u32, Reason>,
        title: Option<&str>,
    ) -> Flattener<'a> {
        Flattener {
            dom,
            rules,
            stats,
            dropped,
            title: title.map(|t| t.to_lowercase()),
            frames: Vec::new(),
            forms: Vec::new(),
            line: Line::default(),
            links: 0,
            pre: 0,
            em: 0,
            strong: 0,
            quotes: 0,
            lists: Vec::new(),
            tables: Vec::new(),
            pre_at: 0,
            wrapper_len: 0.0,
            out: Vec::new(),
        }
    }

    /// The blocks of all roots, in order.
    pub fn run(mut self, roots: &[u32]) -> Vec<Block> {
        let total: u32 = roots.iter().map(|&r| self.stats.len[r as usize]).sum();
        self.wrapper_len = total as f32 * WRAPPER_SHARE;
        for &root in roots {
            self.root(root);
        }
        self.out
    }

    fn root(&mut self, root: u32) {
        let end = self.dom.node(root).end;
        self.frames.clear();
        self.forms.clear();
        let tag = self.dom.node(root).tag;
        self.frames.push(Frame {
            end,
            tag,
            boundary: true,
            block_tag: tag.name(),
            in_row: false,
            preset_at: None,
            preset: None,
            furniture: false,
            style: 0,
        });
        let mut i = root + 1;
        while i < end {
            self.close_until(i);
            let node = self.dom.node(i);
            if node.flags & GONE != 0 {
                i = node.end;
                continue;
            }
            match node.tag {
                Tag::Text => {
                    if self.pre > 0 {
                        self.pre_text(&node.text);
                    } else {
                        self.line.push(&node.text, self.links > 0, self.style());
                    }
                }
                // A line break is a new line for the reader: questions
                // and answers, `<br><br>` paragraphs, verse.
                Tag::Br | Tag::Hr => self.flush(),
                _ => self.open(i),
            }
            i += 1;
        }
        self.close_until(end);
        self.flush();
        self.frames.clear();
    }

    fn pre_text(&mut self, text: &str) {
        let style = self.style();
        let mut lines = text.split('\n');
        if let Some(first) = lines.next() {
            self.line.push(first, self.links > 0, style);
        }
        for l in lines {
            self.flush();
            self.line.push(l, self.links > 0, style);
        }
    }

    /// The emphasis of text here.
    fn style(&self) -> u8 {
        let mut style = 0;
        if self.em > 0 {
            style |= shape::EM;
        }
        if self.strong > 0 {
            style |= shape::STRONG;
        }
        style
    }

    fn close_until(&mut self, i: u32) {
        while self.frames.len() > 1 && self.frames.last().is_some_and(|f| f.end <= i) {
            let f = self.frames.last().expect("checked");
            if f.boundary {
                self.flush();
            }
            let f = self.frames.pop().expect("checked");
            if self
                .forms
                .last()
                .is_some_and(|(k, _)| *k == self.frames.len())
            {
                self.forms.pop();
            }
            match f.tag {
                Tag::A => self.links = self.links.saturating_sub(1),
                Tag::Pre => self.pre = self.pre.saturating_sub(1),
                _ => {}
            }
            self.close_shape(&f);
        }
    }

    fn open(&mut self, i: u32) {
        let node = self.dom.node(i);
        let parent = self.frames.last().expect("the root frame");
        let in_row = parent.in_row;
        let small = (self.stats.len[i as usize] as f32) < self.wrapper_len;
        let forms: Vec<String> = if small {
            node.class
                .split_whitespace()
                .chain(node.id.split_whitespace())
                .map(name_form)
                .filter(|f| !f.is_empty())
                .collect()
        } else {
            Vec::new()
        };
        // A span named like furniture (a caption or credit inside the
        // first paragraph) is cut out as a line of its own, so that it can
        // go without the paragraph.
        let furniture_span =
            node.tag == Tag::Inline && forms.iter().any(|f| self.rules.drop_hit(f).is_some());
        let boundary =
            (node.tag.is_block() && !(node.tag == Tag::Cell && in_row)) || furniture_span;
        if boundary {
            self.flush();
        } else if node.tag == Tag::Cell && !self.line.text.is_empty() {
            self.line.cells.push(self.line.text.len() as u32);
            self.line.text.push_str(CELL_SEPARATOR);
            self.line.space = false;
        }
        match node.tag {
            Tag::A => self.links += 1,
            Tag::Pre => self.pre += 1,
            _ => {}
        }
        let style = self.open_shape(i);
        if boundary && !forms.is_empty() {
            self.forms.push((self.frames.len(), forms));
        }
        let row = node.tag == Tag::Tr
            && self
                .dom
                .children(i)
                .all(|c| self.dom.node(c).tag != Tag::Cell || !self.stats.has_block[c as usize]);
        let parent = self.frames.last().expect("the root frame");
        let preset = self.preset(i, small);
        let frame = Frame {
            end: node.end,
            tag: node.tag,
            boundary,
            block_tag: if row {
                "tr"
            } else if boundary && !in_row && !furniture_span {
                node.tag.name()
            } else {
                parent.block_tag
            },
            in_row: row || in_row,
            preset_at: if preset.is_some() {
                Some(self.frames.len())
            } else {
                parent.preset_at
            },
            preset,
            furniture: parent.furniture
                || ((node.tag.is_furniture() || node.flags & ROLE_FURNITURE != 0)
                    && !self.wraps_content(i, small)),
            style,
        };
        self.frames.push(frame);
    }

    /// A form or other furniture element that holds most of the content,
    /// in text rather than links, is the page's own wrapper (a shop's
    /// add-to-cart form around the product, a `role="banner"` header left
    /// unclosed around the page), not a search box or menu beside it.
    fn wraps_content(&self, i: u32, small: bool) -> bool {
        !small && self.stats.link_density(i) < WRAPPER_LINK_DENSITY
    }

    /// Notes the structure an element opens (emphasis, quote, list, item,
    /// table, pre) and returns its own emphasis.
    fn open_shape(&mut self, i: u32) -> u8 {
        let node = self.dom.node(i);
        match node.tag {
            Tag::Blockquote => self.quotes += 1,
            Tag::Ul | Tag::Ol => self.lists.push(List {
                id: i,
                ordered: node.tag == Tag::Ol,
                items: 0,
                in_item: false,
                blocks: 0,
            }),
            Tag::Li => {
                if let Some(l) = self.lists.last_mut() {
                    l.items += 1;
                    l.in_item = true;
                    l.blocks = 0;
                }
            }
            Tag::Table => self.tables.push(i),
            Tag::Pre if self.pre == 1 => self.pre_at = i,
            _ => {}
        }
        let mut style = 0;
        if node.flags & EMPHASIS != 0 {
            self.em += 1;
            style |= shape::EM;
        }
        if node.flags & STRONG != 0 {
            self.strong += 1;
            style |= shape::STRONG;
        }
        style
    }

    /// Undoes [`Self::open_shape`] for a closing element.
    fn close_shape(&mut self, f: &Frame) {
        match f.tag {
            Tag::Blockquote => self.quotes = self.quotes.saturating_sub(1),
            Tag::Ul | Tag::Ol => {
                self.lists.pop();
            }
            Tag::Li => {
                if let Some(l) = self.lists.last_mut() {
                    l.in_item = false;
                }
            }
            Tag::Table => {
                self.tables.pop();
            }
            _ => {}
        }
        if f.style & shape::EM != 0 {
            self.em = self.em.saturating_sub(1);
        }
        if f.style & shape::STRONG != 0 {
            self.strong = self.strong.saturating_sub(1);
        }
    }

    /// The structure of the block being flushed; `text` is the line's
    /// text trimmed by `lead` bytes at the start.
    fn shape(&mut self, line: &mut Line, lead: usize, len: usize) -> Shape {
        let block_tag = self.frames.last().expect("the root frame").block_tag;
        let role = if self.pre > 0 {
            Role::Code
        } else {
            match block_tag.as_bytes() {
                [b'h', n @ b'1'..=b'6'] => Role::Heading(n - b'0'),
                b"tr" => Role::Row,
                _ => Role::Paragraph,
            }
        };
        let group = match role {
            Role::Row => self.tables.last().copied().unwrap_or(0),
            Role::Code => self.pre_at,
            _ => 0,
        };
        let depth = u8::try_from(self.lists.len()).unwrap_or(u8::MAX);
        let list = self.lists.last_mut().filter(|l| l.in_item).map(|l| {
            l.blocks += 1;
            ListPlace {
                depth,
                ordered: l.ordered,
                number: l.items,
                first: l.blocks == 1,
                list: l.id,
            }
        });
        let mut emphasis = std::mem::take(&mut line.spans);
        let mut cells = std::mem::take(&mut line.cells);
        if lead > 0 || emphasis.iter().any(|e| e.end as usize > lead + len) {
            let (lead, end) = (lead as u32, (lead + len) as u32);
            emphasis.retain(|e| e.start >= lead && e.end <= end);
            for e in &mut emphasis {
                e.start -= lead;
                e.end -= lead;
            }
            cells.retain(|&c| c >= lead && c <= end);
            for c in &mut cells {
                *c -= lead;
            }
        }
        Shape {
            role,
            quote: u8::try_from(self.quotes).unwrap_or(u8::MAX),
            list,
            group,
            emphasis,
            cells,
        }
    }

    /// What is known about an element's blocks before classification.
    fn preset(&self, i: u32, small: bool) -> Option<Reason> {
        if let Some(p) = self.dropped.get(&i) {
            return Some(p.clone());
        }
        match self.dom.node(i).tag {
            Tag::H1 => Some(Reason::new(Kind::Heading, "html.title", "h1")),
            Tag::Figcaption => Some(Reason::new(Kind::Credit, "html.caption", "figcaption")),
            Tag::Header if small => Some(Reason::new(Kind::Heading, "html.header", "header")),
            _ => None,
        }
    }

    /// Ends the current line, making it a block if it holds text.
    fn flush(&mut self) {
        let mut line = std::mem::take(&mut self.line);
        let text = line.text.trim();
        if text.is_empty() {
            return;
        }
        let lead = line.text.len() - line.text.trim_start().len();
        let (text, len) = (text.to_string(), text.len());
        let shape = self.shape(&mut line, lead, len);
        let top = self.frames.last().expect("the root frame");
        let mut preset = top.preset_at.and_then(|k| self.frames[k].preset.clone());
        if preset.is_none()
            && self
                .title
                .as_deref()
                .is_some_and(|t| squeeze(&text).to_lowercase() == t)
        {
            preset = Some(Reason::new(
                Kind::Heading,
                "html.title",
                "same as the title",
            ));
        }
        let markup = Markup {
            tag: top.block_tag.to_string(),
            tokens: self
                .forms
                .iter()
                .rev()
                .take(MAX_TOKEN_FRAMES)
                .flat_map(|(_, f)| f.iter().cloned())
                .collect(),
            link_density: if line.chars == 0 {
                0.0
            } else {
                line.link_chars as f32 / line.chars as f32
            },
            in_furniture: top.furniture,
            preset,
            shape,
        };
        self.out.push(Block::html(text, markup));
    }
}
