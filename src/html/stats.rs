//! Per-node sums over each subtree: text length, link text, commas,
//! paragraphs, images, list items. One backward pass over the pre-order
//! arena (children sit after their parent, so adding each node into its
//! parent from the back sums every subtree without recursion). Subtrees
//! marked gone add nothing.

use super::dom::{BR_PAIR, Dom, GONE, NONE};
use super::tag::Tag;

/// The sums, indexed like the arena.
#[derive(Debug, Default)]
pub struct Stats {
    /// Visible characters, whitespace runs counted as one.
    pub len: Vec<u32>,
    /// Of those, inside links.
    pub link: Vec<u32>,
    pub commas: Vec<u32>,
    /// Text of inline children only (text directly in the element).
    pub direct_len: Vec<u32>,
    pub direct_commas: Vec<u32>,
    /// `<br><br>` pairs directly inside.
    pub brbr: Vec<u32>,
    /// Paragraphs: `<p>`, leaf boxes with text, `<br><br>` pairs.
    pub paras: Vec<u32>,
    pub imgs: Vec<u32>,
    pub lis: Vec<u32>,
    /// Text inside headings.
    pub heading_len: Vec<u32>,
    /// Has a block-level element below it.
    pub has_block: Vec<bool>,
}

/// Characters with whitespace runs counted as one, and commas.
pub fn measure(text: &str) -> (u32, u32) {
    let (mut len, mut commas, mut space) = (0u32, 0u32, true);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII bytes one at a time (most text); other characters decoded.
        let b = bytes[i];
        let (white, comma) = if b.is_ascii() {
            i += 1;
            // `char::is_whitespace` on ASCII: tab to carriage return, space.
            (matches!(b, b'\t'..=b'\r' | b' '), b == b',')
        } else {
            let c = text[i..].chars().next().expect("a character starts here");
            i += c.len_utf8();
            (
                c.is_whitespace(),
                matches!(
                    c,
                    '\u{060C}' | '\u{FE50}' | '\u{FE10}' | '\u{3001}' | '\u{FF0C}'
                ),
            )
        };
        if white {
            if !space {
                len += 1;
                space = true;
            }
            continue;
        }
        space = false;
        len += 1;
        commas += u32::from(comma);
    }
    (len, commas)
}

/// Every text node measured once, and the text length of every subtree,
/// hidden or not.
pub struct Raw {
    /// Text length of the subtree.
    pub len: Vec<u32>,
    /// Commas of a text node (0 for elements).
    commas: Vec<u32>,
}

/// Measures every text node and sums the lengths over each subtree.
pub fn raw_lengths(dom: &Dom) -> Raw {
    let n = dom.nodes.len();
    let mut len = vec![0u32; n];
    let mut commas = vec![0u32; n];
    for i in (0..n).rev() {
        let node = &dom.nodes[i];
        if node.tag == Tag::Text {
            (len[i], commas[i]) = measure(&node.text);
        }
        if node.parent != NONE {
            len[node.parent as usize] += len[i];
        }
    }
    Raw { len, commas }
}

impl Stats {
    /// The sums, from the text measured in `raw`.
    pub fn compute(dom: &Dom, raw: &Raw) -> Stats {
        let n = dom.nodes.len();
        let z = || vec![0u32; n];
        let mut s = Stats {
            len: z(),
            link: z(),
            commas: z(),
            direct_len: z(),
            direct_commas: z(),
            brbr: z(),
            paras: z(),
            imgs: z(),
            lis: z(),
            heading_len: z(),
            has_block: vec![false; n],
        };
        for i in (0..n).rev() {
            let node = &dom.nodes[i];
            match node.tag {
                Tag::Text => (s.len[i], s.commas[i]) = (raw.len[i], raw.commas[i]),
                Tag::A => s.link[i] = s.len[i],
                Tag::P => s.paras[i] += 1 + s.brbr[i],
                // Text directly in a leaf box reads as paragraphs too, as
                // Readability turns such boxes and `<br><br>` runs into `<p>`.
                Tag::Div
                | Tag::Section
                | Tag::OtherBlock
                | Tag::Article
                | Tag::Main
                | Tag::Cell
                    if !s.has_block[i] && s.len[i] > 0 =>
                {
                    s.paras[i] += 1 + s.brbr[i];
                }
                Tag::Img => s.imgs[i] += 1,
                Tag::Li => s.lis[i] += 1,
                Tag::H1 | Tag::Heading(_) => s.heading_len[i] = s.len[i],
                _ => {}
            }
            if node.parent == NONE || node.flags & GONE != 0 {
                continue;
            }
            s.add_into(i, node.parent as usize, node.tag, node.flags);
        }
        s
    }

    fn add_into(&mut self, i: usize, p: usize, tag: Tag, flags: u8) {
        self.len[p] += self.len[i];
        self.link[p] += self.link[i];
        self.commas[p] += self.commas[i];
        self.paras[p] += self.paras[i];
        self.imgs[p] += self.imgs[i];
        self.lis[p] += self.lis[i];
        self.heading_len[p] += self.heading_len[i];
        if tag.is_block() {
            self.has_block[p] = true;
        } else {
            self.has_block[p] |= self.has_block[i];
            self.direct_len[p] += self.len[i];
            self.direct_commas[p] += self.commas[i];
        }
        if flags & BR_PAIR != 0 {
            self.brbr[p] += 1;
        }
    }

    /// Share of the text inside links, 0 to 1.
    pub fn link_density(&self, i: u32) -> f32 {
        let i = i as usize;
        if self.len[i] == 0 {
            return 0.0;
        }
        (self.link[i] as f32 / self.len[i] as f32).min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::measure;

    /// The plain definition the fast one must agree with.
    fn slow(text: &str) -> (u32, u32) {
        let (mut len, mut commas, mut space) = (0u32, 0u32, true);
        for c in text.chars() {
            if c.is_whitespace() {
                if !space {
                    len += 1;
                    space = true;
                }
                continue;
            }
            space = false;
            len += 1;
            if matches!(
                c,
                ',' | '\u{060C}' | '\u{FE50}' | '\u{FE10}' | '\u{3001}' | '\u{FF0C}'
            ) {
                commas += 1;
            }
        }
        (len, commas)
    }

    #[test]
    fn agrees_with_the_plain_definition() {
        for t in [
            "",
            "  a,  b\t\x0b\x0c\r\n c ",
            "caf\u{e9}\u{a0}\u{a0}na\u{ef}ve\u{3000}x\u{3001}y\u{FF0C}",
            "\u{85}\u{2028}z\x1c\x1f,",
        ] {
            assert_eq!(measure(t), slow(t), "{t:?}");
        }
    }
}
