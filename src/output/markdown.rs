//! Markdown output: the kept blocks as CommonMark, with the structure the
//! page gave them (headings, lists, quotes, tables as in GitHub Flavored
//! Markdown, code blocks, emphasis) and every literal character escaped,
//! so that the Markdown renders back to exactly the body's text.
//!
//! The structure of each block ([`Shape`]) is recorded while the page is
//! cut into blocks; text input has none, and its blocks become paragraphs.
//! Links and images are not carried: their text is.

use crate::model::shape::{EM, Emphasis, ListPlace, Role, STRONG};
use crate::model::{Cleaned, Shape, Verdict};

/// A block with no recorded structure: a paragraph.
static PLAIN: Shape = Shape {
    role: Role::Paragraph,
    quote: 0,
    list: None,
    group: 0,
    emphasis: Vec::new(),
    cells: Vec::new(),
};

impl Cleaned {
    /// The body as Markdown (CommonMark, with GitHub Flavored Markdown
    /// tables): headings, paragraphs, lists, quotes, tables, code blocks
    /// and emphasis as the page marked them up; each kept block is one
    /// Markdown block (a table row, a table line; a code line, a code-block
    /// line). Text input gives one paragraph per kept block. Literal
    /// characters are escaped (see [`escape`]), so the Markdown renders to
    /// the body's text.
    ///
    /// ```
    /// let page = "<html><body><article><h2>What the council decided</h2>\
    ///     <p>The budget grows by <em>4 percent</em>; [see] *all* of it.</p>\
    ///     <ol><li>Roads</li><li>Schools</li></ol></article></body></html>";
    /// let cleaner = newsbody::Cleaner::new(Default::default())?;
    /// let cleaned = cleaner.clean_str(page, newsbody::InputKind::Html)?;
    /// assert_eq!(
    ///     cleaned.to_markdown(),
    ///     "## What the council decided\n\n\
    ///      The budget grows by *4 percent*; \\[see\\] \\*all\\* of it.\n\n\
    ///      1. Roads\n2. Schools\n"
    /// );
    /// # Ok::<(), newsbody::Error>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        let kept: Vec<(&str, &Shape)> = self
            .blocks
            .iter()
            .filter(|b| b.verdict == Verdict::Keep)
            .map(|b| (b.text.as_str(), b.shape.as_ref().unwrap_or(&PLAIN)))
            .collect();
        render(&kept)
    }
}

/// Escapes `s` so that, as the text of a Markdown paragraph (or heading,
/// list item or table cell), it renders back to exactly `s`: `\`, `` ` ``,
/// `*`, `_`, `[`, `]`, `<`, `|` and `~` always; `&` where it would start
/// an entity; `#`, `>`, `-`, `+`, `=` and `1.`/`1)` where a line starts
/// with them; a closing `#` run; and a space or tab that starts or ends a
/// line (as `&#32;`/`&#9;`, since Markdown strips them and four leading
/// spaces make a code block). Each line break in `s` stays a line break
/// (a soft break; `s` should have no empty lines, which end a paragraph).
///
/// ```
/// use newsbody::markdown::escape;
/// assert_eq!(escape("# 1. *Not* a [link]"), r"\# 1. \*Not\* a \[link\]");
/// assert_eq!(escape("2024. A year"), r"2024\. A year");
/// assert_eq!(escape("AT&T &amp; R&D"), r"AT&T \&amp; R&D");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8 + 4);
    for (k, line) in s.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        escape_into(&mut out, line, true, true);
    }
    out
}

/// Escapes one line, or a piece of one: `start` when it begins the line,
/// `end` when it ends it.
fn escape_into(out: &mut String, s: &str, start: bool, end: bool) {
    let mut rest = s;
    if start {
        rest = escape_line_start(out, s);
    }
    let offset = s.len() - rest.len();
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = offset + i;
        let last = end && chars.peek().is_none();
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if entity_follows(&s[at + 1..]) => out.push_str("\\&"),
            '#' if end && closing_run(s, at) => out.push_str("\\#"),
            '\r' => out.push_str("&#13;"),
            c if c == '\x0B' || (last && c.is_ascii_whitespace()) => {
                push_reference(out, c);
            }
            _ => out.push(c),
        }
    }
}

/// Escapes what would start a block at the beginning of a line; returns
/// the rest of the line.
fn escape_line_start<'s>(out: &mut String, s: &'s str) -> &'s str {
    let Some(c) = s.chars().next() else {
        return s;
    };
    match c {
        c if c.is_ascii_whitespace() || c == '\x0B' => {
            push_reference(out, c);
            return &s[1..];
        }
        '#' | '>' | '-' | '+' | '=' => {
            out.push('\\');
            out.push(c);
            return &s[1..];
        }
        _ => {}
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && matches!(s.as_bytes().get(digits), Some(b'.' | b')')) {
        out.push_str(&s[..digits]);
        out.push('\\');
        out.push(s.as_bytes()[digits] as char);
        return &s[digits + 1..];
    }
    s
}

/// Writes `c` as a numeric character reference (`&#32;`).
fn push_reference(out: &mut String, c: char) {
    use std::fmt::Write;
    let _ = write!(out, "&#{};", u32::from(c));
}

/// Whether the text after a `&` would make it an entity or character
/// reference (`&amp;`, `&#32;`, `&#x20;`).
fn entity_follows(after: &str) -> bool {
    let name = after.strip_prefix('#').unwrap_or(after);
    let len = name.bytes().take_while(u8::is_ascii_alphanumeric).count();
    len > 0 && name.as_bytes().get(len) == Some(&b';')
}

/// Whether the `#` at `at` starts a run of `#` that would close an ATX
/// heading: only `#`, spaces and tabs follow, and a space, a tab or the
/// line's start comes before.
fn closing_run(s: &str, at: usize) -> bool {
    let before = s[..at].chars().next_back();
    let run_start = !matches!(before, Some('#'));
    run_start
        && matches!(before, None | Some(' ' | '\t'))
        && s[at..].chars().all(|c| matches!(c, '#' | ' ' | '\t'))
}

/// Renders the kept blocks.
fn render(kept: &[(&str, &Shape)]) -> String {
    let mut r = Renderer::default();
    let mut i = 0;
    while i < kept.len() {
        let shape = kept[i].1;
        let mut j = i + 1;
        if matches!(shape.role, Role::Row | Role::Code) {
            while j < kept.len() && same_group(shape, kept[j].1) {
                j += 1;
            }
        }
        r.block(&kept[i..j]);
        i = j;
    }
    r.out
}

/// Rows of one table, or lines of one `<pre>`, rendered together.
fn same_group(a: &Shape, b: &Shape) -> bool {
    a.role == b.role
        && a.group == b.group
        && a.quote == b.quote
        && b.list.is_none_or(|l| !l.first)
        && a.list.map(|l| (l.depth, l.list)) == b.list.map(|l| (l.depth, l.list))
}

#[derive(Default)]
struct Renderer {
    out: String,
    /// The previous block's shape: quotes, list place.
    prev: Option<(u8, Option<ListPlace>)>,
    /// For each open list level: the content column of its item, the
    /// list's id, and whether it uses the alternative marker.
    levels: Vec<(usize, u32, bool)>,
}

impl Renderer {
    /// One Markdown block from one kept block, or a table or code block
    /// from a run of them.
    fn block(&mut self, run: &[(&str, &Shape)]) {
        let (text, shape) = run[0];
        self.separate(shape);
        // List indentation goes before the quote marks: a quote inside a
        // list item stays in the item (after the marks, the indentation
        // would make a code block).
        let quote = "> ".repeat(shape.quote as usize);
        // The first line's lead (quote, indentation, list marker) and the
        // lead of the lines after it.
        let (first, next) = match shape.list {
            Some(l) if l.first => {
                let depth = (l.depth as usize - 1).min(self.levels.len());
                let (base, alt) = match self.levels.get(depth) {
                    Some(&(_, id, alt)) => {
                        (self.column(depth), if id == l.list { alt } else { !alt })
                    }
                    None => (self.column(depth), false),
                };
                self.levels.truncate(depth);
                let marker = match (l.ordered, alt) {
                    (false, false) => "-".to_string(),
                    (false, true) => "*".to_string(),
                    (true, false) => format!("{}.", l.number),
                    (true, true) => format!("{})", l.number),
                };
                let col = base + marker.len() + 1;
                self.levels.push((col, l.list, alt));
                let pad = " ".repeat(base);
                let lead = format!("{pad}{quote}{marker} ");
                (lead, format!("{pad}{quote}{}", " ".repeat(col - base)))
            }
            Some(l) => {
                self.levels
                    .truncate((l.depth as usize).min(self.levels.len()));
                let lead = format!("{}{quote}", " ".repeat(self.column(self.levels.len())));
                (lead.clone(), lead)
            }
            None => {
                self.levels.clear();
                (quote.clone(), quote)
            }
        };
        let lines = match shape.role {
            Role::Paragraph => paragraph(text, shape),
            Role::Heading(level) => {
                let mut h = "#".repeat(level.clamp(1, 6) as usize);
                h.push(' ');
                h.push_str(&inline(&text.replace('\n', " "), &shape.emphasis));
                vec![h]
            }
            Role::Row => table(run),
            Role::Code => code(run),
        };
        for (k, line) in lines.iter().enumerate() {
            let lead = if k == 0 { &first } else { &next };
            if line.is_empty() {
                self.out.push_str(lead.trim_end());
            } else {
                self.out.push_str(lead);
                self.out.push_str(line);
            }
            self.out.push('\n');
        }
        self.prev = Some((shape.quote, shape.list));
    }

    /// The content column of list level `depth` (0: outside lists).
    fn column(&self, depth: usize) -> usize {
        depth
            .checked_sub(1)
            .and_then(|d| self.levels.get(d))
            .map_or(0, |l| l.0)
    }

    /// A blank line between blocks (inside the quotes both share, outside
    /// lists, whose items may hold blank lines), except between the
    /// one-line items of a tight list.
    fn separate(&mut self, shape: &Shape) {
        let Some((quote, list)) = self.prev else {
            return;
        };
        let tight = quote == shape.quote
            && list.is_some_and(|l| l.first)
            && shape.list.is_some_and(|l| l.first);
        if !tight {
            let shared = if list.is_some() || shape.list.is_some() {
                0
            } else {
                quote.min(shape.quote)
            };
            let blank = "> ".repeat(shared as usize);
            self.out.push_str(blank.trim_end());
            self.out.push('\n');
        }
    }
}

/// A paragraph's lines: text input keeps its line breaks (blank and
/// space-only lines, which would end the paragraph, are left out), and
/// spaces at either end of a line, which Markdown drops, are trimmed.
fn paragraph(text: &str, shape: &Shape) -> Vec<String> {
    if !shape.emphasis.is_empty() && !text.contains('\n') {
        return vec![inline(text.trim_end(), &shape.emphasis)];
    }
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(escape)
        .collect()
}

/// A table from its rows: the first row is the header (GitHub Flavored
/// Markdown needs one), and every row is padded to the widest.
fn table(run: &[(&str, &Shape)]) -> Vec<String> {
    let rows: Vec<Vec<String>> = run.iter().map(|&(t, s)| cells(t, s)).collect();
    let width = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let mut lines = Vec::with_capacity(rows.len() + 1);
    for (k, row) in rows.iter().enumerate() {
        let mut line = String::from("|");
        for c in 0..width {
            line.push(' ');
            line.push_str(row.get(c).map_or("", String::as_str));
            line.push_str(" |");
        }
        lines.push(line);
        if k == 0 {
            lines.push(format!("|{}", " --- |".repeat(width)));
        }
    }
    lines
}

/// A row's cells, escaped, with their emphasis. `shape.cells` holds
/// where each " | " separator starts.
fn cells(text: &str, shape: &Shape) -> Vec<String> {
    let mut bounds = vec![0];
    for &at in &shape.cells {
        let at = at as usize;
        if at > *bounds.last().expect("not empty") && text.is_char_boundary(at) && at <= text.len()
        {
            bounds.push(at);
        }
    }
    bounds.push(text.len());
    bounds
        .windows(2)
        .enumerate()
        .map(|(k, w)| {
            let mut from = w[0];
            if k > 0 && text[from..w[1]].starts_with(" |") {
                from += 2;
            }
            let raw = &text[from..w[1]];
            let from = from + (raw.len() - raw.trim_start().len());
            let to = from + raw.trim().len();
            let spans: Vec<Emphasis> = shape
                .emphasis
                .iter()
                .filter(|e| e.start as usize >= from && e.end as usize <= to)
                .map(|e| Emphasis {
                    start: e.start - from as u32,
                    end: e.end - from as u32,
                    style: e.style,
                })
                .collect();
            inline(&text[from..to], &spans)
        })
        .collect()
}

/// A fenced code block from the lines of one `<pre>`, taken literally;
/// the fence is longer than any run of backticks inside.
fn code(run: &[(&str, &Shape)]) -> Vec<String> {
    let longest = run
        .iter()
        .flat_map(|(t, _)| t.split(|c| c != '`'))
        .map(str::len)
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let mut lines = vec![fence.clone()];
    lines.extend(run.iter().flat_map(|(t, _)| t.lines().map(str::to_string)));
    lines.push(fence);
    lines
}

/// One line of text with its emphasis: `*em*`, `**strong**`, `***both***`
/// around the spans Markdown can delimit there, the rest escaped.
fn inline(text: &str, emphasis: &[Emphasis]) -> String {
    let spans = usable(text, emphasis);
    if spans.is_empty() {
        return escape(text);
    }
    let mut out = String::with_capacity(text.len() + 8 * spans.len());
    let mut at = 0;
    for e in &spans {
        let (s, t) = (e.start as usize, e.end as usize);
        escape_into(&mut out, &text[at..s], at == 0, false);
        let marks = match e.style {
            EM => "*",
            STRONG => "**",
            _ => "***",
        };
        out.push_str(marks);
        escape_into(&mut out, &text[s..t], false, false);
        out.push_str(marks);
        at = t;
    }
    escape_into(&mut out, &text[at..], at == 0, true);
    out
}

/// The spans that CommonMark reads as emphasis once delimited: spans that
/// touch are merged (keeping the style they share) so that delimiters
/// never run together, and a span is left plain where its delimiters
/// would not open or close (`a*"b"*c`).
fn usable(text: &str, emphasis: &[Emphasis]) -> Vec<Emphasis> {
    let mut merged: Vec<Emphasis> = Vec::new();
    for e in emphasis {
        let (s, t) = (e.start as usize, e.end as usize);
        if s >= t
            || t > text.len()
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(t)
            || e.style & (EM | STRONG) == 0
        {
            continue;
        }
        match merged.last_mut() {
            Some(p) if p.end > e.start => continue,
            Some(p) if p.end == e.start => {
                let style = p.style & e.style;
                if style != 0 {
                    p.end = e.end;
                    p.style = style;
                }
            }
            _ => merged.push(Emphasis {
                style: e.style & (EM | STRONG),
                ..*e
            }),
        }
    }
    merged.retain(|e| {
        let (s, t) = (e.start as usize, e.end as usize);
        let before = class(text[..s].chars().next_back());
        let first = class(text[s..].chars().next());
        let last = class(text[..t].chars().next_back());
        let after = class(text[t..].chars().next());
        let opens = match first {
            Class::Alnum => true,
            Class::Punct => matches!(before, Class::Space | Class::Punct),
            _ => false,
        };
        let closes = match last {
            Class::Alnum => true,
            Class::Punct => matches!(after, Class::Space | Class::Punct),
            _ => false,
        };
        opens && closes
    });
    merged
}

/// A character as CommonMark's flanking rules see it, where we are sure.
#[derive(Clone, Copy)]
enum Class {
    /// Whitespace, or the edge of the text.
    Space,
    /// A letter or digit: never punctuation.
    Alnum,
    /// Certainly punctuation or a symbol.
    Punct,
    /// Anything else: emphasis next to it is left out.
    Unknown,
}

fn class(c: Option<char>) -> Class {
    let Some(c) = c else {
        return Class::Space;
    };
    if c.is_whitespace() {
        Class::Space
    } else if c.is_alphanumeric() {
        Class::Alnum
    } else if c.is_ascii_punctuation()
        || matches!(c,
            '\u{A1}'..='\u{AC}' | '\u{AE}'..='\u{BF}' | '\u{D7}' | '\u{F7}'
            | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}'
            | '\u{3001}'..='\u{3004}' | '\u{3008}'..='\u{3020}'
            | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}')
    {
        Class::Punct
    } else {
        Class::Unknown
    }
}
