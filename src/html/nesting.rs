//! A guard against nesting bombs, fed every tag as the tokenizer reads
//! it, before the tree builder sees it.
//!
//! html5ever's tree builder walks its stack of open elements for every
//! scope check, and reopens every unclosed formatting element (`<b>`,
//! `<font>`, ...) at each new text, so a page nested N deep, or with N
//! formatting elements left open, costs O(N²) or worse to parse (html5ever
//! issue #788: 512 KB of nested `<div>` takes minutes). Browsers cap the
//! depth at 512. The guard does the same: it follows the tags with a small
//! model of the tree builder's stack and leaves out the start tags (and
//! their end tags) that would nest deeper than [`MAX_DEPTH`] or keep more
//! than [`MAX_OPEN_FORMATTING`] formatting elements open. Text is never
//! left out: content deeper than the cap lands in the element at the cap,
//! as in a browser.
//!
//! The model must never think a page shallower than html5ever builds it
//! (that would let a bomb through), so it pops elements only where the
//! parser certainly does: end tags in scope, the implied ends of `<p>`,
//! `<li>`, `<dd>`, `<dt>`, `<option>`, table cells and rows, headings and
//! `<a>`. Where it cannot be sure it keeps the element open, which errs
//! toward a deeper estimate. Ordinary pages are far below the caps and
//! pass unchanged.

use foldhash::fast::FixedState;
use html5ever::LocalName;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Deepest nesting kept, as in Chromium and WebKit.
pub const MAX_DEPTH: usize = 512;
/// Most formatting elements left open at once (html5ever keeps them in its
/// list of active formatting elements and reopens them all at each text).
pub const MAX_OPEN_FORMATTING: usize = 64;

/// The guard, fed every tag the tokenizer reads, in order.
#[derive(Default)]
pub struct Guard {
    model: Model,
    /// Tags left out or closed early so far.
    edits: usize,
}

impl Guard {
    /// What to do with a start tag.
    pub fn start(&mut self, name: &LocalName, self_closing: bool) -> Start {
        let id = self.model.names.id(name.as_bytes());
        let answer = self.model.start(id, self_closing);
        if !matches!(answer, Start::Keep) {
            self.edits += 1;
        }
        answer
    }

    /// Whether to hand on an end tag (`false`: its start tag was left out
    /// or closed early).
    pub fn end(&mut self, name: &LocalName) -> bool {
        let id = self.model.names.id(name.as_bytes());
        let keep = self.model.end(id);
        if !keep {
            self.edits += 1;
        }
        keep
    }

    /// How many tags were left out or closed early.
    pub fn edits(&self) -> usize {
        self.edits
    }
}

/// What to do with a start tag.
pub enum Start {
    Keep,
    /// Leave the tag out.
    Cut,
    /// Close the named element (the deepest open one) just before it.
    CloseFirst(LocalName),
}

/// Classes of elements the tree builder treats alike.
mod class {
    pub const SPECIAL: usize = 0;
    /// Special, but not address, div or p (which `<li>`'s implied end
    /// passes), nor li, dd, dt (which it looks for).
    pub const STRICT: usize = 1;
    /// The boundaries of "has an element in scope".
    pub const SCOPE: usize = 2;
    pub const BUTTON: usize = 3;
    pub const LIST: usize = 4;
    /// The boundaries of "in table scope".
    pub const TABLE: usize = 5;
    pub const FOREIGN_ROOT: usize = 6;
    /// Where foreign content holds HTML again (`foreignObject`, ...).
    pub const INTEGRATION: usize = 7;
    pub const COUNT: usize = 8;
}

const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr", "image",
];
const FORMATTING: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u",
];
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "base",
    "basefont",
    "bgsound",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "img",
    "input",
    "keygen",
    "li",
    "link",
    "listing",
    "main",
    "marquee",
    "menu",
    "meta",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "param",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "source",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
    "wbr",
    "xmp",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "foreignobject",
    "desc",
];
/// Start tags that close an open `<p>` first.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "form",
    "hr",
    "xmp",
    "plaintext",
    "li",
    "dd",
    "dt",
];
/// Start tags that end foreign content (svg, math) they appear in.
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
    "font",
];
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

fn classes(name: &str) -> [bool; class::COUNT] {
    let mut c = [false; class::COUNT];
    c[class::SPECIAL] = SPECIAL.contains(&name);
    c[class::STRICT] =
        c[class::SPECIAL] && !matches!(name, "address" | "div" | "p" | "li" | "dd" | "dt");
    c[class::SCOPE] = matches!(
        name,
        "applet"
            | "caption"
            | "html"
            | "table"
            | "td"
            | "th"
            | "marquee"
            | "object"
            | "template"
            | "mi"
            | "mo"
            | "mn"
            | "ms"
            | "mtext"
            | "annotation-xml"
            | "foreignobject"
            | "desc"
    );
    c[class::BUTTON] = name == "button";
    c[class::LIST] = matches!(name, "ol" | "ul");
    c[class::TABLE] = matches!(name, "html" | "table" | "template");
    c[class::FOREIGN_ROOT] = matches!(name, "svg" | "math");
    c[class::INTEGRATION] = matches!(
        name,
        "foreignobject" | "desc" | "annotation-xml" | "mi" | "mo" | "mn" | "ms" | "mtext"
    );
    c
}

/// Other names worth a fixed number (common on pages, in no table above):
/// any name in no table behaves alike, but a known one needs no hashing.
const COMMON: &[&str] = &[
    "a", "abbr", "cite", "data", "del", "figure", "hgroup", "ins", "kbd", "label", "mark", "nobr",
    "optgroup", "option", "picture", "q", "samp", "span", "sub", "sup", "svg", "math", "time",
    "var", "path", "g", "use", "circle", "rect", "polygon", "defs", "symbol", "clippath",
];

/// A tag name as a number: an index into the known names, or past them,
/// into the names a page brings of its own.
type Name = u32;

/// What the model needs to know of a name, looked up once.
#[derive(Clone, Copy, Default)]
struct Info {
    /// Bit `1 << c` for each class `c` of [`class`].
    classes: u8,
    void: bool,
    /// Its index in [`FORMATTING`].
    formatting: Option<u8>,
    closes_p: bool,
    breakout: bool,
    heading: bool,
}

impl Info {
    fn of(name: &str) -> Info {
        let c = classes(name);
        Info {
            classes: (0..class::COUNT)
                .filter(|&k| c[k])
                .fold(0, |bits, k| bits | 1 << k),
            void: VOID.contains(&name),
            formatting: FORMATTING.iter().position(|f| *f == name).map(|f| f as u8),
            closes_p: CLOSES_P.contains(&name),
            breakout: BREAKOUT.contains(&name),
            heading: HEADINGS.contains(&name),
        }
    }
}

/// Every name in the tables, sorted, with its [`Info`], and the number
/// of each.
struct Known {
    names: Vec<&'static str>,
    info: Vec<Info>,
    index: HashMap<&'static [u8], Name, FixedState>,
}

static KNOWN: LazyLock<Known> = LazyLock::new(|| {
    let mut names: Vec<&'static str> = [VOID, FORMATTING, SPECIAL, CLOSES_P, BREAKOUT, COMMON]
        .concat()
        .into_iter()
        .chain(TAG_NAMES_IN_CODE.iter().copied())
        .collect();
    names.sort_unstable();
    names.dedup();
    let info = names.iter().map(|n| Info::of(n)).collect();
    let index = (names.iter().enumerate())
        .map(|(k, n)| (n.as_bytes(), k as Name))
        .collect();
    Known { names, info, index }
});

/// Names the model's code compares against, beyond the tables.
const TAG_NAMES_IN_CODE: &[&str] = &[
    "html",
    "head",
    "body",
    "p",
    "li",
    "dd",
    "dt",
    "option",
    "optgroup",
    "a",
    "nobr",
    "button",
    "td",
    "th",
    "tr",
    "tbody",
    "thead",
    "tfoot",
    "table",
    "caption",
    "br",
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "textarea",
    "title",
    "plaintext",
    "svg",
    "math",
    "foreignobject",
    "desc",
    "annotation-xml",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "applet",
    "marquee",
    "object",
    "template",
    "ol",
    "ul",
];

/// Numbers names: the known ones and the page's own, each by a map.
/// Lowercases on the way, into a buffer kept between tags.
#[derive(Default)]
struct Names {
    own: HashMap<Box<[u8]>, Name, FixedState>,
    own_names: Vec<String>,
    lower: Vec<u8>,
}

impl Names {
    /// The number of a name as written (any case).
    fn id(&mut self, raw: &[u8]) -> Name {
        self.lower.clear();
        self.lower.extend(raw.iter().map(u8::to_ascii_lowercase));
        if let Some(&k) = KNOWN.index.get(self.lower.as_slice()) {
            return k;
        }
        if let Some(&id) = self.own.get(self.lower.as_slice()) {
            return id;
        }
        let id = (KNOWN.names.len() + self.own_names.len()) as Name;
        // The name ends at an ASCII delimiter of valid UTF-8: it is valid.
        self.own_names
            .push(String::from_utf8_lossy(&self.lower).into_owned());
        self.own.insert(self.lower.clone().into_boxed_slice(), id);
        id
    }

    fn name(&self, id: Name) -> &str {
        let known = &KNOWN.names;
        match known.get(id as usize) {
            Some(n) => n,
            None => &self.own_names[id as usize - known.len()],
        }
    }

    fn info(&self, id: Name) -> Info {
        KNOWN.info.get(id as usize).copied().unwrap_or_default()
    }
}

/// The model of the tree builder's stack of open elements. Every lookup
/// is O(1): each name and each class keeps the stack positions of its
/// open elements.
#[derive(Default)]
struct Model {
    names: Names,
    stack: Vec<(Name, u8)>,
    /// By name: the stack positions of its open elements.
    by_name: Vec<Vec<usize>>,
    by_class: [Vec<usize>; class::COUNT],
    /// Elements left out or closed early, by name, whose end tags are left
    /// out.
    cut: Vec<usize>,
    /// Formatting elements opened and not yet closed by an end tag, by
    /// name (as in [`FORMATTING`]): the parser's active formatting list is
    /// never longer than their sum.
    open_formatting: [usize; FORMATTING.len()],
}

impl Model {
    fn is(&self, id: Name, name: &str) -> bool {
        self.names.name(id) == name
    }

    fn top_of(&self, id: Name) -> Option<usize> {
        self.by_name
            .get(id as usize)
            .and_then(|v| v.last().copied())
    }

    /// The top open element of the name `name` (one the tables know).
    fn top_named(&self, name: &str) -> Option<usize> {
        self.top_of(*KNOWN.index.get(name.as_bytes())?)
    }

    fn top_class(&self, c: usize) -> Option<usize> {
        self.by_class[c].last().copied()
    }

    fn current(&self) -> Option<Name> {
        self.stack.last().map(|&(n, _)| n)
    }

    fn current_is(&self, name: &str) -> bool {
        self.current().is_some_and(|c| self.is(c, name))
    }

    /// Whether the insertion point is inside svg or math (and not back in
    /// HTML at an integration point).
    fn foreign(&self) -> bool {
        self.top_class(class::FOREIGN_ROOT) > self.top_class(class::INTEGRATION)
    }

    /// "Has `name` in scope", with the scope's extra boundary classes.
    fn in_scope(&self, name: &str, extra: &[usize]) -> Option<usize> {
        self.in_scope_at(self.top_named(name)?, extra)
    }

    fn in_scope_at(&self, at: usize, extra: &[usize]) -> Option<usize> {
        let mut limit = self.top_class(class::SCOPE);
        for &c in extra {
            limit = limit.max(self.top_class(c));
        }
        (Some(at) > limit).then_some(at)
    }

    fn in_table_scope(&self, name: &str) -> Option<usize> {
        let at = self.top_named(name)?;
        (Some(at) > self.top_class(class::TABLE)).then_some(at)
    }

    fn push(&mut self, id: Name) {
        let at = self.stack.len();
        let c = self.names.info(id).classes;
        for (k, v) in self.by_class.iter_mut().enumerate() {
            if c & 1 << k != 0 {
                v.push(at);
            }
        }
        if self.by_name.len() <= id as usize {
            self.by_name.resize_with(id as usize + 1, Vec::new);
        }
        self.by_name[id as usize].push(at);
        self.stack.push((id, c));
    }

    fn pop(&mut self) {
        let Some((id, c)) = self.stack.pop() else {
            return;
        };
        for (k, v) in self.by_class.iter_mut().enumerate() {
            if c & 1 << k != 0 {
                v.pop();
            }
        }
        if let Some(v) = self.by_name.get_mut(id as usize) {
            v.pop();
        }
    }

    /// Pops down to and including the element at `at`.
    fn pop_to(&mut self, at: usize) {
        while self.stack.len() > at {
            self.pop();
        }
    }

    fn add_cut(&mut self, id: Name) {
        if self.cut.len() <= id as usize {
            self.cut.resize(id as usize + 1, 0);
        }
        self.cut[id as usize] += 1;
    }

    /// A start tag, and what to do with it.
    fn start(&mut self, id: Name, self_closing: bool) -> Start {
        let name = self.names.name(id);
        if matches!(name, "html" | "head" | "body") {
            // Merged into the existing elements, never pushed again.
            return Start::Keep;
        }
        let info = self.names.info(id);
        let foreign = self.foreign();
        let pushes = !(info.void || (foreign && self_closing));
        let open_formatting: usize = self.open_formatting.iter().sum();
        if pushes && info.formatting.is_some() && open_formatting >= MAX_OPEN_FORMATTING {
            // Formatting carries no structure the cleaner reads: leave it
            // out.
            self.add_cut(id);
            return Start::Cut;
        }
        if foreign && info.breakout {
            if let Some(at) = self.top_class(class::FOREIGN_ROOT) {
                self.pop_to(at);
            }
        } else if !foreign {
            self.implied_ends(id, info);
        }
        let mut answer = Start::Keep;
        if pushes && self.stack.len() >= MAX_DEPTH {
            // At the cap the element becomes a sibling of the deepest one
            // (as in a browser), whose own end tag is then left out: a
            // paragraph deep in a bomb stays a paragraph.
            if let Some(top) = self.current() {
                self.pop();
                self.add_cut(top);
                answer = Start::CloseFirst(LocalName::from(self.names.name(top)));
            }
        }
        if let Some(f) = info.formatting {
            self.open_formatting[f as usize] += 1;
        }
        if pushes {
            self.push(id);
        }
        answer
    }

    /// The elements a start tag closes before it opens.
    fn implied_ends(&mut self, id: Name, info: Info) {
        if info.closes_p
            && let Some(at) = self.in_scope("p", &[class::BUTTON])
        {
            self.pop_to(at);
        }
        match self.names.name(id) {
            "li" => self.close_list_item(&["li"], &["dd", "dt"]),
            "dd" | "dt" => self.close_list_item(&["dd", "dt"], &["li"]),
            _ if info.heading && self.current().is_some_and(|c| self.names.info(c).heading) => {
                self.pop();
            }
            "option" | "optgroup" if self.current_is("option") => self.pop(),
            "a" | "nobr" if self.current() == Some(id) => self.pop(),
            "button" => {
                if let Some(at) = self.in_scope("button", &[]) {
                    self.pop_to(at);
                }
            }
            "td" | "th" => self.close_cell(),
            "tr" => {
                self.close_cell();
                if let Some(at) = self.in_table_scope("tr") {
                    self.pop_to(at);
                }
            }
            "tbody" | "thead" | "tfoot" => {
                self.close_cell();
                if let Some(at) = self.in_table_scope("tr") {
                    self.pop_to(at);
                }
                let section = ["tbody", "thead", "tfoot"]
                    .iter()
                    .filter_map(|s| self.in_table_scope(s))
                    .max();
                if let Some(at) = section {
                    self.pop_to(at);
                }
            }
            _ => {}
        }
    }

    /// `<li>` (or `<dd>`, `<dt>`) ends the open item of its kind unless a
    /// special element other than address, div and p stands between.
    fn close_list_item(&mut self, targets: &[&str], blockers: &[&str]) {
        let Some(at) = targets.iter().filter_map(|t| self.top_named(t)).max() else {
            return;
        };
        let mut blocker = self.top_class(class::STRICT);
        for b in blockers {
            blocker = blocker.max(self.top_named(b));
        }
        if Some(at) > blocker {
            self.pop_to(at);
        }
    }

    fn close_cell(&mut self) {
        let cell = ["td", "th"]
            .iter()
            .filter_map(|c| self.in_table_scope(c))
            .max();
        if let Some(at) = cell {
            self.pop_to(at);
        }
    }

    /// An end tag: `false` when it must be left out (its start tag was).
    fn end(&mut self, id: Name) -> bool {
        if let Some(n) = self.cut.get_mut(id as usize)
            && *n > 0
        {
            *n -= 1;
            return false;
        }
        let info = self.names.info(id);
        if let Some(f) = info.formatting {
            // A stray end tag closes nothing, so it lowers no count.
            let f = f as usize;
            self.open_formatting[f] = self.open_formatting[f].saturating_sub(1);
            // The adoption agency may move things about; only the plain
            // case (the element is the current node) surely pops.
            if self.current() == Some(id) {
                self.pop();
            }
            return true;
        }
        let name = self.names.name(id);
        let at = match name {
            "p" => self.in_scope("p", &[class::BUTTON]),
            "li" => self.in_scope("li", &[class::LIST]),
            _ if info.heading => HEADINGS.iter().filter_map(|h| self.in_scope(h, &[])).max(),
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" => {
                self.in_table_scope(name)
            }
            "html" | "body" | "head" | "br" => None,
            _ if info.classes & 1 << class::SPECIAL != 0 => {
                self.top_of(id).and_then(|at| self.in_scope_at(at, &[]))
            }
            // Any other end tag closes its element unless a special
            // element stands in between.
            _ => self
                .top_of(id)
                .filter(|&at| Some(at) > self.top_class(class::SPECIAL)),
        };
        if let Some(at) = at {
            self.pop_to(at);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many tags the guard changes in a page.
    fn edits(html: &str) -> usize {
        crate::html::tokenize::parse(html).nesting_edits
    }

    #[test]
    fn ordinary_pages_pass_unchanged() {
        let page = "<!DOCTYPE html><html><head><title>T</title><script>if (a<b) x()</script>\
                    </head><body><div><p>One<p>Two<ul><li>a<li>b</ul><table><tr><td>c<td>d\
                    <tr><td>e</table></div></body></html>";
        assert_eq!(edits(page), 0);
    }

    #[test]
    fn unclosed_paragraphs_and_items_do_not_count_as_nesting() {
        let many = "<p>para ".repeat(5 * MAX_DEPTH)
            + &"<li>item ".repeat(5 * MAX_DEPTH)
            + &"<option>o ".repeat(5 * MAX_DEPTH)
            + &"<tr><td>c ".repeat(5 * MAX_DEPTH);
        assert_eq!(edits(&many), 0);
    }

    #[test]
    fn deep_divs_become_siblings_at_the_cap_and_keep_their_paragraph() {
        let n = 3 * MAX_DEPTH;
        let page = format!(
            "{}<p>deep text</p>{}after",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        // Each div past the cap, and the paragraph, closes the deepest div
        // first; as many real end tags are left out.
        let early = n - MAX_DEPTH + 1;
        assert_eq!(edits(&page), 2 * early);
    }

    #[test]
    fn tricks_that_hide_depth_from_a_naive_count_are_seen() {
        // An end tag does not pass a special element; <li> does not end an
        // item across a <section>; a <p> outside an <object> is not closed
        // by a <div> inside it; a stray end tag closes no formatting
        // element.
        for unit in [
            "<span><div></span>",
            "<li><section>",
            "<p><object><div>",
            "<p><b id=1>t</p></i>",
        ] {
            let page = unit.repeat(2 * MAX_DEPTH);
            assert!(edits(&page) > 0, "{unit}");
        }
    }

    #[test]
    fn open_formatting_elements_are_capped() {
        let page: String = (0..4 * MAX_OPEN_FORMATTING)
            .map(|i| format!("<p><b id={i}>t</p>"))
            .collect();
        assert_eq!(edits(&page), 3 * MAX_OPEN_FORMATTING);
    }

    #[test]
    fn raw_text_and_comments_hold_no_tags() {
        let inner = "<div>".repeat(2 * MAX_DEPTH);
        let page = format!("<script>{inner}</script><!--{inner}--><textarea>{inner}</textarea>");
        assert_eq!(edits(&page), 0);
        // Inside svg, script is not raw text, and `/>` closes.
        let svg = format!("<svg>{}</svg>", "<path/>".repeat(2 * MAX_DEPTH));
        assert_eq!(edits(&svg), 0);
    }

    #[test]
    fn names_the_code_compares_against_are_known() {
        for name in TAG_NAMES_IN_CODE.iter().chain(HEADINGS) {
            assert!(KNOWN.index.contains_key(name.as_bytes()), "{name}");
        }
        let mut names = Names::default();
        let div = names.id(b"DiV");
        assert_eq!(names.name(div), "div");
        let own = names.id(b"My-Widget");
        assert_eq!(names.id(b"my-widget"), own);
        assert_eq!(names.name(own), "my-widget");
    }
}
