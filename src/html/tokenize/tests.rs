//! The tokenizer against html5ever's own: a page must give the same tree
//! (every node in order, element names and namespaces, the attributes
//! kept, every text) whichever tokenizer feeds the tree builder, on
//! hand-made pages, on random ones, and on every page of the shared
//! corpus when it is present.

use super::super::tree::{Data, Sink, Tree};
use html5ever::tendril::TendrilSink;
use proptest::prelude::*;
use std::fmt::Write;

/// The tree html5ever's own tokenizer makes, through the same tree
/// builder and sink.
fn reference(html: &str) -> Tree {
    let html = super::normalize_newlines(html.strip_prefix('\u{feff}').unwrap_or(html));
    html5ever::parse_document(Sink::new(), Default::default()).one(&*html)
}

/// A tree written out, one node a line, with the attributes our tokenizer
/// keeps (html5ever's keeps them all).
fn dump(tree: &Tree) -> String {
    let mut out = String::new();
    let mut stack = vec![(0u32, 0usize)];
    while let Some((i, depth)) = stack.pop() {
        let pad = "  ".repeat(depth);
        match &tree.node(i).data {
            Data::Document => out.push_str("#document\n"),
            Data::Other => writeln!(out, "{pad}#other").unwrap(),
            Data::Text(t) => writeln!(out, "{pad}{:?}", &**t).unwrap(),
            Data::Element(e) => {
                let mut attrs: Vec<String> = (e.attrs.iter())
                    .filter(|a| super::tag::keeps(&e.name.local, &a.name.local))
                    .map(|a| format!(" {}:{}={:?}", a.name.ns, a.name.local, &*a.value))
                    .collect();
                attrs.sort();
                let (ns, local) = (&e.name.ns, &e.name.local);
                writeln!(out, "{pad}<{ns} {local}{}>", attrs.concat()).unwrap();
            }
        }
        let children: Vec<u32> = tree.children(i).collect();
        stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
    }
    out
}

/// Where the two trees of `html` part, if they do. Pages the nesting guard
/// changed are not compared (html5ever alone does not change them).
fn difference(html: &str) -> Option<String> {
    let parsed = super::parse(html);
    if parsed.nesting_edits > 0 {
        return None;
    }
    let (ours, theirs) = (dump(&parsed.tree), dump(&reference(html)));
    if ours == theirs {
        return None;
    }
    let line = (ours.lines().zip(theirs.lines()))
        .position(|(a, b)| a != b)
        .unwrap_or(0);
    let show = |s: &str| {
        let lines: Vec<&str> = s.lines().skip(line.saturating_sub(4)).take(8).collect();
        lines.join("\n")
    };
    Some(format!(
        "ours:\n{}\nhtml5ever:\n{}",
        show(&ours),
        show(&theirs)
    ))
}

fn assert_same(html: &str) {
    if let Some(d) = difference(html) {
        panic!("{html:?}\n{d}");
    }
}

#[test]
fn tags_attributes_and_references() {
    for html in [
        "<p class=a id='b' data-x=\"c\" CLASS=d>x</p>",
        "<div class=\"a&amp;b&notin;&noti&copy=x&#x41;&#65&#0;&#x110000;\">&amp &ampx &#150; &unknown; &</div>",
        "<a href=x title=\"t\"><b class=c>bold<p>para</a>after",
        "<div a\"b=c d='e'f g=h/i/>text</div><br/><img src=x>",
        "<table><tr><td>a<td>b</table>text<table>stray<tr>",
        "<p>a<!-- c -->b<!---->c<!-->d<!--->e<!-- x --!> f<?pi?>g</ x>h</>i",
        "<pre>\nline</pre><pre></>\nline</pre><textarea>\nt&amp;</textarea>",
        "<title>T &amp; <b>x</b></title><style>a<b</style></sty><xmp><i></xmp>",
        "<svg viewBox=\"0 0 1 1\"><path d=x/><foreignObject><p>in</p></foreignObject><![CDATA[c<d]]></svg>",
        "<math><mi>x</mi><annotation-xml encoding=\"text/html\"><div>d</div></annotation-xml></math>",
        "<template><p>in template</p></template><select><option>a<option>b</select>",
        "<noscript><p>no</p></noscript><iframe><b>x</b></iframe><plaintext><p>all text",
    ] {
        assert_same(html);
    }
}

#[test]
fn doctypes_and_quirks() {
    for html in [
        "<!DOCTYPE html><p><table><tr><td>x</table>",
        "<!doctype html public \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p><table></table>",
        "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0 Strict//EN' 'http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd'><p><table>",
        "<!DOCTYPE><p><table>",
        "<!DOCTYPE html SYSTEM \"about:legacy-compat\"><p><table>",
        "<!DOCTYPE html bogus><p><table>",
        "<!DOCTYPE html PUBLIC \"x\" junk><p><table>",
        "<!DOCTYPE html PUBLIC",
        "<!doctype html PUBLIC \"-//W3O//DTD W3 HTML Strict 3.0//EN//\"><p><table>",
    ] {
        assert_same(html);
    }
}

#[test]
fn scripts_and_their_escapes() {
    for html in [
        "<script>if (a<b) x()</script><p>after",
        "<script><!-- document.write('<script>x</script>') --></script><p>after",
        "<script><!--<script></script></script>--></script><p>after",
        "<script>a</SCRIPT >b</script x=y><p>after",
        "<script>never closed <p>x",
        "<script><!--",
        "<script type=\"application/ld+json\">{\"a\":\"</scripts>\"}</script>",
    ] {
        assert_same(html);
    }
}

#[test]
fn pages_cut_off_anywhere() {
    let page = "<!DOCTYPE html><html lang=en><head><title>T</title><script>x<y</script>\
                <style>a{}</style></head><body><!-- c --><p class=\"a b\" id=x>One &amp; \
                two<a href='x'>link</a><br/><svg><path d=\"M0\"/></svg><textarea>t</textarea>\
                <table><tr><td>c</td></tr></table><![CDATA[x]]></body></html>";
    for end in 0..=page.len() {
        assert_same(&page[..end]);
    }
}

/// Pieces random pages are made of: markup of every kind, broken ones
/// included.
const PIECES: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<a href=x>",
    "</a>",
    "<b>",
    "</b>",
    "<i class=c>",
    "<table>",
    "<tr>",
    "<td>",
    "</td>",
    "</table>",
    "<li>",
    "<ul>",
    "<svg>",
    "</svg>",
    "<math>",
    "<foreignObject>",
    "<desc>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<title>",
    "</title>",
    "<textarea>",
    "<pre>",
    "<template>",
    "</template>",
    "<select>",
    "<option>",
    "<noscript>",
    "<iframe>",
    "<xmp>",
    "<plaintext>",
    "<!--",
    "-->",
    "--!>",
    "<!",
    "<!DOCTYPE html>",
    "<![CDATA[",
    "]]>",
    "<?x>",
    "</>",
    "</ x>",
    "<",
    ">",
    "/",
    "=",
    "\"",
    "'",
    "&",
    "&amp;",
    "&am",
    "&#x41;",
    "&#",
    "&notin",
    "&copy=",
    "\r\n",
    "\r",
    "\n",
    "\0",
    " ",
    "text",
    "é",
    "<br/>",
    "<img src=x>",
    "<input type=hidden>",
    "<font color=red>",
    "<html lang=de>",
    "<body class=b>",
    "<head>",
    "<meta content=x name=y>",
    "<frameset>",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn random_pages_build_the_same_tree(pieces in prop::collection::vec(0..PIECES.len(), 0..40)) {
        let html: String = pieces.iter().map(|&k| PIECES[k]).collect();
        prop_assert!(difference(&html).is_none(), "{:?}\n{}", html, difference(&html).unwrap());
    }
}

/// Every page of the shared corpus (when present), decoded as cleaning
/// decodes it; every tenth in an unoptimised build, where html5ever's own
/// tokenizer takes a while.
#[test]
fn the_shared_corpus_builds_the_same_trees_when_present() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let root = match std::env::var_os("NEWSBODY_CORPUS") {
        Some(r) => r.into(),
        None if root.exists() => root,
        None => std::path::PathBuf::from("/work/shared/corpus"),
    };
    let mut pages = Vec::new();
    for dir in ["wceb/*/html", "appeals-dev/*", "trafilatura-eval/html"] {
        collect(&root.join(dir), &mut pages);
    }
    if pages.is_empty() {
        println!("shared corpus not found: skipped");
        return;
    }
    let step = if cfg!(debug_assertions) { 10 } else { 1 };
    let mut differ = Vec::new();
    for p in pages.iter().step_by(step) {
        let bytes = std::fs::read(p).expect("read");
        let html = crate::input::decode(&bytes, true, None).text;
        if let Some(d) = difference(&html) {
            differ.push(format!("{}\n{d}", p.display()));
        }
    }
    assert!(
        differ.is_empty(),
        "{} pages differ; first:\n{}",
        differ.len(),
        differ[0]
    );
}

/// The `.html` files a `dir/*/sub`-style pattern names.
fn collect(pattern: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let text = pattern.to_string_lossy();
    let Some((head, tail)) = text.split_once("/*") else {
        let Ok(entries) = std::fs::read_dir(pattern) else {
            return;
        };
        let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        out.extend(
            files
                .into_iter()
                .filter(|f| f.extension().is_some_and(|e| e == "html")),
        );
        return;
    };
    let Ok(entries) = std::fs::read_dir(head) else {
        return;
    };
    for e in entries.flatten() {
        collect(&e.path().join(tail.trim_start_matches('/')), out);
    }
}
