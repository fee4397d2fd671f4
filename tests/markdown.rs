//! Markdown output, read back with a CommonMark parser (pulldown-cmark,
//! with GitHub Flavored Markdown tables and strikethrough):
//!
//! - every fixture's Markdown, block by block, renders to the kept blocks'
//!   text, same words in the same order (a table row as its cells joined
//!   with ` | `, a code block as its lines);
//! - what the input page marks as a heading, list item, table row, quote
//!   or `<pre>` line renders as one, and nothing else does;
//! - emphasis renders as emphasis, around the same words;
//! - [`newsbody::markdown::escape`] of any string renders back to it.

use newsbody::{Cleaned, Cleaner, InputKind, Options, Verdict};
use proptest::prelude::*;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What a rendered leaf block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Paragraph,
    Heading(u8),
    Row,
    Code,
}

/// One leaf block of the rendered Markdown.
#[derive(Debug, Clone)]
struct Leaf {
    form: Form,
    /// The first block of a list item: whether the list is ordered.
    item: Option<bool>,
    /// Inside a list item (first block or not).
    in_list: bool,
    quoted: bool,
    text: String,
    /// The text of each emphasis or strong span.
    emphasis: Vec<String>,
}

fn md_options() -> pulldown_cmark::Options {
    pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
}

fn level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The leaf blocks of a Markdown document, in order.
fn leaves(md: &str) -> Vec<Leaf> {
    let mut out: Vec<Leaf> = Vec::new();
    let mut cur: Option<Leaf> = None;
    let mut quotes = 0;
    // Open list items: (ordered, whether a leaf has started in it).
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut items: Vec<(bool, bool)> = Vec::new();
    let mut spans: Vec<usize> = Vec::new();
    let mut in_code = false;
    let mut first_cell = true;
    fn flush(cur: &mut Option<Leaf>, out: &mut Vec<Leaf>) {
        if let Some(l) = cur.take() {
            if !l.text.is_empty() || l.form == Form::Row {
                out.push(l);
            }
        }
    }
    let start = |form: Form, items: &mut Vec<(bool, bool)>, quotes: i32| -> Leaf {
        let item = match items.last_mut() {
            Some((ordered, started)) if !*started => {
                *started = true;
                Some(*ordered)
            }
            _ => None,
        };
        Leaf {
            form,
            item,
            in_list: !items.is_empty(),
            quoted: quotes > 0,
            text: String::new(),
            emphasis: Vec::new(),
        }
    };
    for ev in Parser::new_ext(md, md_options()) {
        match ev {
            Event::Start(Tag::BlockQuote(_)) => {
                flush(&mut cur, &mut out);
                quotes += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                flush(&mut cur, &mut out);
                quotes -= 1;
            }
            Event::Start(Tag::List(n)) => {
                flush(&mut cur, &mut out);
                lists.push(n);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut cur, &mut out);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut cur, &mut out);
                items.push((lists.last().copied().flatten().is_some(), false));
                // A tight item's text comes without a paragraph.
                cur = Some(start(Form::Paragraph, &mut items, quotes));
            }
            Event::End(TagEnd::Item) => {
                flush(&mut cur, &mut out);
                items.pop();
            }
            Event::Start(Tag::Paragraph) => {
                if cur.as_ref().is_some_and(|c| c.text.is_empty()) {
                    continue; // a loose item's first paragraph
                }
                flush(&mut cur, &mut out);
                cur = Some(start(Form::Paragraph, &mut items, quotes));
            }
            Event::Start(Tag::Heading { level: l, .. }) => {
                let mut leaf = start(Form::Heading(level(l)), &mut items, quotes);
                if let Some(c) = cur.take() {
                    if c.text.is_empty() {
                        leaf.item = c.item;
                    } else {
                        out.push(c);
                    }
                }
                cur = Some(leaf);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => flush(&mut cur, &mut out),
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut cur, &mut out);
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                flush(&mut cur, &mut out);
                cur = Some(start(Form::Row, &mut items, quotes));
                first_cell = true;
            }
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => flush(&mut cur, &mut out),
            Event::Start(Tag::TableCell) => {
                if !first_cell {
                    cur.as_mut().expect("in a row").text.push_str(" | ");
                }
                first_cell = false;
            }
            Event::Start(Tag::Emphasis | Tag::Strong) => {
                spans.push(cur.as_ref().map_or(0, |c| c.text.len()));
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => {
                let from = spans.pop().expect("balanced");
                if let Some(c) = cur.as_mut() {
                    let s = c.text[from..].to_string();
                    if !c.emphasis.contains(&s) {
                        c.emphasis.push(s);
                    }
                }
            }
            Event::Text(t) if in_code => {
                for line in t.lines() {
                    let mut leaf = start(Form::Code, &mut items, quotes);
                    leaf.text = line.to_string();
                    out.push(leaf);
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                cur.get_or_insert_with(|| start(Form::Paragraph, &mut items, quotes))
                    .text
                    .push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(c) = cur.as_mut() {
                    c.text.push('\n');
                }
            }
            _ => {}
        }
    }
    flush(&mut cur, &mut out);
    out
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for g in std::fs::read_dir(&root).expect("fixtures").flatten() {
        for c in std::fs::read_dir(g.path()).into_iter().flatten().flatten() {
            let p = c.path();
            if p.join("input.html").exists() || p.join("input.txt").exists() {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn clean(case: &Path) -> (Cleaned, Option<String>) {
    let html = case.join("input.html");
    let (path, kind) = if html.exists() {
        (html, InputKind::Html)
    } else {
        (case.join("input.txt"), InputKind::Text)
    };
    let bytes = std::fs::read(&path).expect("read input");
    let cleaner = Cleaner::new(Options {
        input: kind,
        ..Options::default()
    })
    .expect("rules");
    let cleaned = cleaner.clean(&bytes).expect("clean");
    let page = (kind == InputKind::Html).then(|| String::from_utf8_lossy(&bytes).into_owned());
    (cleaned, page)
}

/// What the page itself marks up, by the folded text of the element.
#[derive(Default)]
struct Marked {
    headings: HashMap<String, u8>,
    items: HashMap<String, bool>,
    rows: HashSet<String>,
    quoted: Vec<String>,
    code: HashSet<String>,
    paragraphs: HashSet<String>,
}

fn marked(page: &str) -> Marked {
    let doc = scraper::Html::parse_document(page);
    let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
    let text = |e: scraper::ElementRef| fold(&e.text().collect::<String>());
    let mut m = Marked::default();
    for e in doc.select(&sel("h1, h2, h3, h4, h5, h6")) {
        let level = e.value().name()[1..].parse().expect("h1-h6");
        m.headings.insert(text(e), level);
    }
    for e in doc.select(&sel("li")) {
        let ordered = e
            .parent()
            .and_then(|p| p.value().as_element())
            .is_some_and(|p| p.name() == "ol");
        m.items.insert(text(e), ordered);
    }
    for e in doc.select(&sel("tr")) {
        let cells: Vec<String> = e
            .children()
            .filter_map(scraper::ElementRef::wrap)
            .filter(|c| matches!(c.value().name(), "td" | "th"))
            .map(text)
            .collect();
        m.rows.insert(fold(&cells.join(" | ")));
    }
    for e in doc.select(&sel("blockquote")) {
        m.quoted.push(text(e));
    }
    for e in doc.select(&sel("pre")) {
        for line in e.text().collect::<String>().lines() {
            m.code.insert(fold(line));
        }
    }
    for e in doc.select(&sel("p, div, td, dd, dt, figcaption, span")) {
        m.paragraphs.insert(text(e));
    }
    m
}

/// Compares one case's Markdown with its kept blocks; returns the
/// problems found.
fn check(cleaned: &Cleaned, page: Option<&str>) -> Vec<String> {
    let md = cleaned.to_markdown();
    let got = leaves(&md);
    let kept: Vec<&str> = cleaned
        .blocks
        .iter()
        .filter(|b| b.verdict == Verdict::Keep)
        .map(|b| b.text.as_str())
        .collect();
    let mut problems = Vec::new();
    if got.len() != kept.len() {
        problems.push(format!(
            "{} Markdown blocks for {} kept blocks",
            got.len(),
            kept.len()
        ));
    }
    for (k, (leaf, block)) in got.iter().zip(&kept).enumerate() {
        // A table's rows are padded with empty cells to its widest row
        // (a row wider than the header row would lose cells).
        let same = if leaf.form == Form::Row {
            let cut = |s: &str| fold(s).trim_end_matches(['|', ' ']).to_string();
            cut(&leaf.text) == cut(block)
        } else {
            fold(&leaf.text) == fold(block)
        };
        if !same {
            problems.push(format!(
                "block {k}: renders as {:?}, body has {:?}",
                leaf.text, block
            ));
        }
    }
    let Some(page) = page else {
        if got
            .iter()
            .any(|l| l.form != Form::Paragraph || l.in_list || l.quoted)
        {
            problems.push("text input gave a block that is not a paragraph".into());
        }
        return problems;
    };
    let m = marked(page);
    for (k, leaf) in got.iter().enumerate() {
        let t = fold(&leaf.text);
        // Only text that stands on the page as that element alone is
        // expected to take its form (the same words may also be a
        // paragraph elsewhere).
        let lone = !m.paragraphs.contains(&t);
        let mut problem = |what: String| problems.push(format!("block {k} {t:?}: {what}"));
        match (m.headings.get(&t), leaf.form) {
            (Some(&n), Form::Heading(l)) if n != l => {
                problem(format!("h{l} here, h{n} on the page"))
            }
            (Some(_), Form::Heading(_)) => {}
            (Some(_), f) if lone => problem(format!("a heading on the page, {f:?} here")),
            (None, Form::Heading(_)) if !m.headings.keys().any(|h| h.contains(&t)) => {
                problem("a heading here, not on the page".into())
            }
            _ => {}
        }
        match (m.items.get(&t), leaf.item) {
            (Some(&o), Some(ordered)) if o != ordered => {
                problem(format!("list ordered {ordered} here, {o} on the page"))
            }
            (Some(_), None) if lone && !m.headings.contains_key(&t) => {
                problem("a list item on the page, not here".into())
            }
            (None, Some(_)) if !m.items.keys().any(|h| h.contains(&t)) => {
                problem("a list item here, not on the page".into())
            }
            _ => {}
        }
        let is_row = m.rows.contains(&t);
        if is_row && leaf.form != Form::Row && lone && !m.items.contains_key(&t) {
            problem("a table row on the page, not here".into());
        }
        if leaf.form == Form::Row && !is_row {
            problem("a table row here, not on the page".into());
        }
        let quoted = m.quoted.iter().any(|q| q.contains(&t));
        if leaf.quoted && !quoted {
            problem("quoted here, not on the page".into());
        }
        if !leaf.quoted && m.quoted.contains(&t) && page.matches(leaf.text.as_str()).count() == 1 {
            problem("quoted on the page, not here".into());
        }
        let code = m.code.contains(&t);
        if leaf.form == Form::Code && !code {
            problem("code here, not on the page".into());
        }
        if leaf.form != Form::Code && code && lone {
            problem("code on the page, not here".into());
        }
    }
    problems
}

/// The Markdown of every page of the shared corpus (when it is beside
/// the project) reads back as its kept blocks, block by block.
#[test]
fn the_shared_corpus_renders_back_when_present() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut pages: Vec<PathBuf> = Vec::new();
    for dir in std::fs::read_dir(root.join("wceb"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let html = std::fs::read_dir(dir.path().join("html"))
            .into_iter()
            .flatten()
            .flatten();
        pages.extend(html.map(|e| e.path()));
    }
    for case in std::fs::read_dir(root.join("appeals-dev"))
        .into_iter()
        .flatten()
        .flatten()
    {
        pages.push(case.path().join("input.html"));
    }
    pages.retain(|p| p.exists());
    if pages.is_empty() {
        println!("shared corpus not found: skipped");
        return;
    }
    let cleaner = Cleaner::new(Options::default()).expect("rules");
    let mut failures = Vec::new();
    for page in &pages {
        let bytes = std::fs::read(page).expect("read page");
        let cleaned = cleaner
            .clean_str(&String::from_utf8_lossy(&bytes), InputKind::Html)
            .expect("under the size limit");
        // Text only: the structure oracle needs pages we composed.
        let problems: Vec<String> = check(&cleaned, None)
            .into_iter()
            .filter(|p| !p.starts_with("text input"))
            .collect();
        if !problems.is_empty() {
            failures.push(format!("{}: {}", page.display(), problems.join("; ")));
        }
    }
    println!("{} corpus pages read back", pages.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_renders_back_to_its_body_with_its_structure() {
    let mut failures = Vec::new();
    let cases = fixtures();
    assert!(cases.len() > 50, "fixtures found: {}", cases.len());
    for case in &cases {
        let (cleaned, page) = clean(case);
        let problems = check(&cleaned, page.as_deref());
        if !problems.is_empty() {
            failures.push(format!(
                "{}:\n  {}\n--- markdown ---\n{}",
                case.display(),
                problems.join("\n  "),
                cleaned.to_markdown()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Cleans a composed page and returns its Markdown's leaves.
fn page_leaves(body: &str) -> (String, Vec<Leaf>) {
    let page = format!(
        "<html><head><title>Test page</title></head><body><article>{body}</article></body></html>"
    );
    let cleaned = Cleaner::new(Options::default())
        .expect("rules")
        .clean_str(&page, InputKind::Html)
        .expect("under the size limit");
    let problems = check(&cleaned, Some(&page));
    assert!(
        problems.is_empty(),
        "{problems:#?}\n{}",
        cleaned.to_markdown()
    );
    let md = cleaned.to_markdown();
    let l = leaves(&md);
    (md, l)
}

#[test]
fn emphasis_renders_around_the_same_words() {
    let (md, got) = page_leaves(
        "<p>The vote on the <em>harbour plan</em> was <strong>not close</strong>: \
         <b><i>nine</i></b> to two, with one member <i>absent</i>.</p>\
         <p>Residents said the plan was <em>\"rushed\"</em>, and a**b stays literal, \
         as does <strong>C#</strong> and in<em>side</em>words.</p>\
         <p><em>Whole paragraphs</em> <strong>can be</strong> <em>emphasised too</em>, \
         and so can an <em>*asterisk*</em> or an <em>_underscore_</em>.</p>",
    );
    assert_eq!(
        got[0].emphasis,
        ["harbour plan", "not close", "nine", "absent"],
        "{md}"
    );
    assert!(got[1].emphasis.contains(&"\"rushed\"".to_string()), "{md}");
    assert!(got[1].emphasis.contains(&"C#".to_string()), "{md}");
    assert!(got[1].emphasis.contains(&"side".to_string()), "{md}");
    assert_eq!(
        got[2].emphasis,
        [
            "Whole paragraphs",
            "can be",
            "emphasised too",
            "*asterisk*",
            "_underscore_"
        ],
        "{md}"
    );
}

#[test]
fn structure_renders_as_markdown_blocks() {
    let (md, got) = page_leaves(
        "<h2>How the money is spent</h2>\
         <p>The council published the figures on Tuesday evening after a long meeting.</p>\
         <ul><li>Roads and bridges, mostly repairs</li><li>Schools: two new buildings\
         <ol><li>One in the north</li><li>One by the river</li></ol></li>\
         <li>Libraries, kept open on Sundays</li></ul>\
         <blockquote><p>We had no choice but to act quickly, the mayor said at the meeting.</p>\
         <p>Nobody wanted another year of delays on this.</p></blockquote>\
         <table><tr><th>Item</th><th>Cost</th></tr><tr><td>Roads | bridges</td><td>$4.2m</td></tr>\
         <tr><td>Schools</td><td></td></tr></table>\
         <pre>let total = roads + schools;\n  print(total * 2)</pre>\
         <h3>What happens *next* in [the] budget</h3>\
         <p>1. This line only looks like a list item, and - this - is no bullet.</p>",
    );
    let forms: Vec<(Form, Option<bool>, bool)> =
        got.iter().map(|l| (l.form, l.item, l.quoted)).collect();
    use Form::*;
    assert_eq!(
        forms,
        [
            (Heading(2), None, false),
            (Paragraph, None, false),
            (Paragraph, Some(false), false),
            (Paragraph, Some(false), false),
            (Paragraph, Some(true), false),
            (Paragraph, Some(true), false),
            (Paragraph, Some(false), false),
            (Paragraph, None, true),
            (Paragraph, None, true),
            (Row, None, false),
            (Row, None, false),
            (Row, None, false),
            (Code, None, false),
            (Code, None, false),
            (Heading(3), None, false),
            (Paragraph, None, false),
        ],
        "{md}"
    );
    assert_eq!(got[10].text, "Roads | bridges | $4.2m", "{md}");
    assert_eq!(got[14].text, "What happens *next* in [the] budget", "{md}");
}

#[test]
fn text_lines_that_look_like_markdown_stay_text() {
    let text = "# Not a heading, just a hash\n\n- not a bullet\n\n1. not a list\n\n\
                > not a quote\n\n    four spaces, not code\n\n***\n\n<b>not html</b> & &amp; entities\n\n\
                A line\n=====\n";
    let cleaned = Cleaner::new(Options {
        input: InputKind::Text,
        ..Options::default()
    })
    .expect("rules")
    .clean_str(text, InputKind::Text)
    .expect("under the size limit");
    let problems = check(&cleaned, None);
    assert!(
        problems.is_empty(),
        "{problems:#?}\n{}",
        cleaned.to_markdown()
    );
    assert!(leaves(&cleaned.to_markdown()).len() >= 8);
}

/// Renders `md` as one paragraph and returns its text, soft breaks as
/// line breaks; `None` when it is not exactly one paragraph of text.
fn paragraph_text(md: &str) -> Option<String> {
    let mut text = String::new();
    let mut paragraphs = 0;
    for ev in Parser::new_ext(md, md_options()) {
        match ev {
            Event::Start(Tag::Paragraph) => paragraphs += 1,
            Event::End(TagEnd::Paragraph) => {}
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak => text.push('\n'),
            _ => return None,
        }
    }
    (paragraphs == 1).then_some(text)
}

/// Characters that mean something in Markdown, mixed with letters,
/// digits, spaces and some non-ASCII.
fn tricky() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[ \\t#>*_`~\\[\\]()!<&;|\\\\+=:.0-9a-zA-Z\"'{}^$%@éß€“”«»—–…-]{1,40}",
    )
    .expect("regex")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn escaped_text_renders_back_to_itself(s in tricky().prop_filter("not blank", |s| !s.trim().is_empty())) {
        let md = newsbody::markdown::escape(&s);
        prop_assert_eq!(paragraph_text(&md), Some(s.clone()), "markdown: {:?}", md);
    }

    #[test]
    fn escaped_lines_render_back_to_themselves(
        lines in proptest::collection::vec(tricky().prop_filter("not blank", |s| !s.trim().is_empty()), 1..5)
    ) {
        let s = lines.join("\n");
        let md = newsbody::markdown::escape(&s);
        prop_assert_eq!(paragraph_text(&md), Some(s.clone()), "markdown: {:?}", md);
    }

    #[test]
    fn any_string_renders_back_to_itself(s in "[^\\n\\r\\x00]{1,30}".prop_filter("not blank", |s| !s.trim().is_empty())) {
        let md = newsbody::markdown::escape(&s);
        prop_assert_eq!(paragraph_text(&md), Some(s.clone()), "markdown: {:?}", md);
    }

    #[test]
    fn emphasised_words_render_as_emphasis(
        words in proptest::collection::vec(("[a-z*_#<>&|\\[\\]`\\\\.,:!?\"'()-]{1,6}", 0u8..4), 1..8)
    ) {
        let mut body = String::new();
        let mut want = Vec::new();
        for (w, style) in &words {
            let esc = w.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            let tagged = match style {
                1 => format!("<em>{esc}</em>"),
                2 => format!("<strong>{esc}</strong>"),
                3 => format!("<em><strong>{esc}</strong></em>"),
                _ => esc.clone(),
            };
            if *style > 0 {
                want.push(w.clone());
            }
            body.push_str(&tagged);
            body.push(' ');
        }
        body.push_str("and then the sentence goes on for a while longer.");
        let page = format!("<html><body><article><p>{body}</p></article></body></html>");
        let cleaned = Cleaner::new(Options::default())
            .expect("rules")
            .clean_str(&page, InputKind::Html)
            .expect("under the size limit");
        let md = cleaned.to_markdown();
        let got = leaves(&md);
        prop_assert_eq!(got.len(), 1, "markdown: {}", md);
        let kept = cleaned.blocks.iter().find(|b| b.verdict == Verdict::Keep).expect("kept");
        prop_assert_eq!(fold(&got[0].text), fold(&kept.text), "markdown: {}", md);
        // Every rendered span is text the page emphasised.
        for e in &got[0].emphasis {
            prop_assert!(want.iter().any(|w| fold(&want.join(" ")).contains(e.as_str()) || w == e), "{:?} not emphasised on the page; markdown: {}", e, md);
        }
    }
}

/// A quote inside a nested list item stays a quote in the item: the
/// list's indentation goes before the quote marks, where after them it
/// would make an indented code block.
#[test]
fn a_quote_inside_a_nested_list_item_is_not_code() {
    let (md, got) = page_leaves(
        "<p>The committee listed what it wants the utility to change this winter.</p>\
         <ol><li>Billing<ol><li>Meter readings<ul><li>Checked every quarter by the utility staff\
         <blockquote><p>If you are using the paper card, post it before the fifth of the month.</p>\
         </blockquote></li></ul></li></ol></li><li>Complaints answered within ten working days</li></ol>",
    );
    let quote = got
        .iter()
        .find(|l| l.text.starts_with("If you are using"))
        .expect("the quote is kept");
    assert!(
        quote.quoted && quote.in_list && quote.form == Form::Paragraph,
        "{md}"
    );
    assert!(!got.iter().any(|l| l.form == Form::Code), "{md}");
}
