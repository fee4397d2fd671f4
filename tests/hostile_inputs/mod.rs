//! Generators of hostile inputs, shared by `tests/hostile.rs` (which checks
//! that each one is cleaned without a panic or a hang) and
//! `examples/linearity.rs` (which times each one at two sizes to show that
//! the time grows linearly). Big inputs are made here, never committed.
//!
//! Every generator takes a target size in bytes and returns about that
//! many bytes (never much more), so the same shape can be timed at 4 MB and
//! at 16 MB.

#![allow(dead_code)] // each user needs only some of the generators

/// A named generator: what it makes, whether it is HTML, and the maker.
pub struct Shape {
    pub name: &'static str,
    pub html: bool,
    pub make: fn(usize) -> Vec<u8>,
}

/// All shapes, in the order they are reported.
pub const SHAPES: &[Shape] = &[
    Shape {
        name: "single-paragraph",
        html: false,
        make: single_paragraph,
    },
    Shape {
        name: "long-line-no-spaces",
        html: false,
        make: long_line_no_spaces,
    },
    Shape {
        name: "tiny-lines",
        html: false,
        make: tiny_lines,
    },
    Shape {
        name: "repeated-appeal",
        html: false,
        make: repeated_appeal,
    },
    Shape {
        name: "repeated-openers",
        html: false,
        make: repeated_openers,
    },
    Shape {
        name: "headline-run",
        html: false,
        make: headline_run,
    },
    Shape {
        name: "removed-run-labels",
        html: false,
        make: removed_run_labels,
    },
    Shape {
        name: "repeated-phrase-line",
        html: false,
        make: repeated_phrase_line,
    },
    Shape {
        name: "quotes-and-money",
        html: false,
        make: quotes_and_money,
    },
    Shape {
        name: "cyrillic-lines",
        html: false,
        make: cyrillic_lines,
    },
    Shape {
        name: "hard-wrapped",
        html: false,
        make: hard_wrapped,
    },
    Shape {
        name: "html-nested-div",
        html: true,
        make: nested_div,
    },
    Shape {
        name: "html-nested-inline",
        html: true,
        make: nested_inline,
    },
    Shape {
        name: "html-unclosed-p",
        html: true,
        make: unclosed_p,
    },
    Shape {
        name: "html-formatting-soup",
        html: true,
        make: formatting_soup,
    },
    Shape {
        name: "html-reopened-formatting",
        html: true,
        make: reopened_formatting,
    },
    Shape {
        name: "html-huge-script",
        html: true,
        make: huge_script,
    },
    Shape {
        name: "html-huge-attribute",
        html: true,
        make: huge_attribute,
    },
    Shape {
        name: "html-many-paragraphs",
        html: true,
        make: many_paragraphs,
    },
];

/// Repeats `unit` until `size` bytes are reached (whole units only).
fn repeat(unit: &str, size: usize) -> Vec<u8> {
    let n = (size / unit.len()).max(1);
    unit.repeat(n).into_bytes()
}

/// One paragraph of prose with no line break at all.
pub fn single_paragraph(size: usize) -> Vec<u8> {
    repeat(
        "The council met on Tuesday and approved the budget after a long debate. ",
        size,
    )
}

/// One "word" with no spaces and no line break.
pub fn long_line_no_spaces(size: usize) -> Vec<u8> {
    repeat("abcdefghij", size)
}

/// One short line after another: a million blocks for 4 MB.
pub fn tiny_lines(size: usize) -> Vec<u8> {
    repeat("ab.\n", size)
}

/// One appeal paragraph, over and over.
pub fn repeated_appeal(size: usize) -> Vec<u8> {
    repeat(
        "We need your help. Please support us monthly from just $5.\n",
        size,
    )
}

/// Appeal openers that no ask confirms: every one of them starts a region
/// that is scanned and then rejected.
pub fn repeated_openers(size: usize) -> Vec<u8> {
    repeat("Dear readers,\n", size)
}

/// Prose, then many hashtag lines (bare related headlines, not short
/// enough for a menu): each one's nearest kept neighbour lies behind all
/// the ones removed before it.
pub fn headline_run(size: usize) -> Vec<u8> {
    let mut s = String::from("The council approved the budget on Tuesday after a long debate.\n");
    // Two lines with no word in common, so neither is a subhead of the
    // other.
    let lines = "#budget #council #spending #river #election #mayor #transport\n\
                 #weather #football #concert #theatre #museum #garden #holiday\n";
    let n = (size / lines.len()).max(1);
    s.push_str(&lines.repeat(n));
    s.into_bytes()
}

/// Long runs of removed inserts with labels between them and prose at the
/// ends: context rules look past the removed blocks.
pub fn removed_run_labels(size: usize) -> Vec<u8> {
    let unit = "The mayor spoke to reporters about the plan for the river.\n\
                Read more: Another story about something else\n\
                Read more: Yet another story about the city\n\
                Share this article\n\
                Budget debate\n\
                Read more: A third story about the council\n";
    repeat(unit, size)
}

/// One line made of the same appeal phrase: many regex matches in one
/// block.
pub fn repeated_phrase_line(size: usize) -> Vec<u8> {
    repeat("support us donate now $5 monthly we you ", size)
}

/// Quotes, money and voice: exercises quotation stripping and cues.
pub fn quotes_and_money(size: usize) -> Vec<u8> {
    repeat(
        "\"we need you\" $5 \u{201C}support us\u{201D} \u{20AC}3 a month \"",
        size,
    )
}

/// Short non-ASCII lines (Russian news and an appeal): the rules' Unicode
/// word boundaries on text that is not ASCII.
pub fn cyrillic_lines(size: usize) -> Vec<u8> {
    repeat(
        "Совет утвердил бюджет во вторник.\n\
         Поддержите нас: пожертвуйте 300 рублей в месяц.\n",
        size,
    )
}

/// Paragraphs hard-wrapped at a column, as editors save them.
pub fn hard_wrapped(size: usize) -> Vec<u8> {
    repeat(
        "This paragraph was wrapped by an editor at a fixed column so\n\
         that its lines all have roughly the same width and do not end\n\
         a sentence until this one does.\n\n",
        size,
    )
}

/// `<div>` nested as deep as the size allows, never closed.
pub fn nested_div(size: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><body>");
    let n = size / 5;
    s.push_str(&"<div>".repeat(n));
    s.push_str("<p>Deep text.</p>");
    s.into_bytes()
}

/// Inline `<b>` and `<span>` nested, with text at every level.
pub fn nested_inline(size: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><body><p>");
    let unit = "<b><span>x ";
    s.push_str(&unit.repeat(size / unit.len()));
    s.into_bytes()
}

/// `<p>` opened and never closed, many times.
pub fn unclosed_p(size: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><body>");
    let unit = "<p>Some words in a paragraph that is never closed";
    s.push_str(&unit.repeat(size / unit.len()));
    s.into_bytes()
}

/// Formatting elements with distinct attributes (so the parser's "Noah's
/// ark" clause does not bound them) across block boundaries: the adoption
/// agency and the reconstruction of formatting elements at their worst.
pub fn formatting_soup(size: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><body>");
    let mut i = 0usize;
    while s.len() < size {
        s.push_str(&format!("<b id={i}><i class={i}><p>t</b></i></p>"));
        i += 1;
    }
    s.into_bytes()
}

/// Formatting elements left open across paragraph ends, each with its own
/// attributes: the parser reopens every one of them at each new text.
pub fn reopened_formatting(size: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><body>");
    let mut i = 0usize;
    while s.len() < size {
        s.push_str(&format!("<p><b id={i}>t</p>"));
        i += 1;
    }
    s.into_bytes()
}

/// A page that is nearly all inline script.
pub fn huge_script(size: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><head><script>");
    let unit = "var a = \"<p>not content</p>\"; if (a < b && c > d) { f(); }\n";
    s.push_str(&unit.repeat(size / unit.len()));
    s.push_str("</script></head><body><p>The article.</p></body></html>");
    s.into_bytes()
}

/// One attribute value as long as the size allows.
pub fn huge_attribute(size: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><body><p data-x=\"");
    s.push_str(&"y".repeat(size));
    s.push_str("\">The article.</p></body></html>");
    s.into_bytes()
}

/// Many small paragraphs.
pub fn many_paragraphs(size: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><body><article>");
    let unit = "<p>The council approved the budget.</p>";
    s.push_str(&unit.repeat(size / unit.len()));
    s.push_str("</article></body></html>");
    s.into_bytes()
}
