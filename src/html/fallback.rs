//! Never an empty body where the page has text. The blocks of the
//! best-scoring container are classified; when the rules leave nothing of
//! it, the next step is tried, and a warning says which one gave the body:
//!
//! 1. the best-scoring container;
//! 2. the largest text region (`region`), found without class names;
//! 3. the whole page's visible text, with the boilerplate rules applied.
//!
//! A fallback step gives the body when what it keeps is text a reader
//! reads, not only labels and links.
//!
//! When no step does, every block of the page is boilerplate (a parked
//! domain's menu), or the content search found a section front (linked
//! headlines with teasers, which has no body and needs no fallback): the
//! body is empty and a warning says why.

use super::Content;
use super::hints::HintCache;
use crate::classify;
use crate::classify::score::forest::Forest;
use crate::model::{Block, Reason};
use crate::rules::RuleSet;

/// The rule that finds a section front: linked headlines with teasers.
const TEASER_LIST: &str = "related.teaser-list";

/// Blocks with their decisions, and the warnings of the fallback.
pub struct Outcome {
    pub blocks: Vec<Block>,
    pub decided: Vec<Option<Reason>>,
    pub warnings: Vec<String>,
}

/// Classifies the content found at `roots`, falling back as the module
/// says when nothing is kept.
pub fn extract(
    page: &Content,
    hints: &mut HintCache,
    rules: &RuleSet,
    scorer: Option<&Forest>,
    roots: &[u32],
) -> Outcome {
    let blocks = page.blocks(hints, roots);
    let decided = classify::classify(&blocks, rules, scorer);
    let done = |blocks, decided, warning: Option<String>| Outcome {
        blocks,
        decided,
        warnings: warning.into_iter().collect(),
    };
    if kept(&decided) {
        return done(blocks, decided, None);
    }
    if has_rule(&decided, TEASER_LIST) {
        let why = "empty body: the page is a list of linked headlines with teasers \
                   (a section front)";
        return done(blocks, decided, Some(why.to_string()));
    }
    let mut any_text = !blocks.is_empty();
    let mut tried: Vec<u32> = roots.to_vec();
    let steps = [
        (page.largest_region(hints), "the largest text region"),
        (
            page.body(),
            "the page's visible text, boilerplate rules applied",
        ),
    ];
    for (root, what) in steps {
        let Some(root) = root else { continue };
        if tried.contains(&root) {
            continue;
        }
        tried.push(root);
        let blocks = page.blocks(hints, &[root]);
        any_text |= !blocks.is_empty();
        let decided = classify::classify(&blocks, rules, scorer);
        if credible(&blocks, &decided, rules) {
            let why = format!(
                "main content: the boilerplate rules left nothing of the best-scoring \
                 container; fell back to {what}"
            );
            return done(blocks, decided, Some(why));
        }
    }
    // A page with no visible text needs no warning: there is nothing to
    // extract, and nothing was lost.
    let why = if !any_text {
        None
    } else if decided.is_empty() {
        Some("empty body: the page's visible text is only labels and links".to_string())
    } else {
        Some(format!(
            "empty body: the rules removed every block of the content found ({}), and \
             neither the largest text region nor the page's visible text holds a \
             sentence outside boilerplate",
            kinds(&decided)
        ))
    };
    done(blocks, decided, why)
}

fn kept(decided: &[Option<Reason>]) -> bool {
    decided.iter().any(Option::is_none)
}

fn has_rule(decided: &[Option<Reason>], rule: &str) -> bool {
    decided.iter().flatten().any(|r| r.rule == rule)
}

/// Whether the kept blocks hold text a reader reads, not only labels and
/// links: at least one sentence-ending block of some length, or a long
/// one, mostly outside links. Labels alone between boilerplate are a menu.
fn credible(blocks: &[Block], decided: &[Option<Reason>], rules: &RuleSet) -> bool {
    blocks.iter().zip(decided).any(|(b, d)| {
        if d.is_some() || b.markup.as_ref().is_some_and(|m| m.link_density >= 0.5) {
            return false;
        }
        let f = classify::facts::facts(b, rules);
        !f.is_short() && !f.is_label()
    })
}

/// `navigation 12, related 4`: the kinds removed, most frequent first.
fn kinds(decided: &[Option<Reason>]) -> String {
    let mut counts: Vec<(crate::model::Kind, usize)> = Vec::new();
    for r in decided.iter().flatten() {
        match counts.iter_mut().find(|(k, _)| *k == r.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((r.kind, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::super::{Content, dom, hints, stats};
    use super::*;
    use crate::html::tag::Tag;

    /// Runs the fallback on `html` as if the content search had found the
    /// first element with tag `found`.
    fn run(html: &str, found: Tag) -> (String, Vec<String>) {
        let rules = RuleSet::load(&[]).unwrap();
        let (mut dom, _) = dom::Dom::parse(html);
        let raw = stats::raw_lengths(&dom);
        dom.settle_hidden(&raw.len);
        let stats = stats::Stats::compute(&dom, &raw);
        let mut hints = hints::HintCache::new(&rules.markup, &dom);
        let root = (0..dom.nodes.len() as u32)
            .find(|&i| dom.node(i).tag == found)
            .unwrap();
        let page = Content {
            dom: &dom,
            stats: &stats,
            rules: &rules,
            title: None,
        };
        let out = extract(&page, &mut hints, &rules, None, &[root]);
        let body: Vec<&str> = (out.blocks.iter().zip(&out.decided))
            .filter(|(_, d)| d.is_none())
            .map(|(b, _)| b.text.as_str())
            .collect();
        (body.join("\n"), out.warnings)
    }

    const PAGE: &str = "<html><body>\
        <nav><ul><li><a href='/a'>Home</a></li><li><a href='/b'>News</a></li></ul></nav>\
        <div class='story'><p>The council approved the new bus line on Tuesday, after a year of debate \
        about its route through the old town.</p><p>Work on the stops starts in March and the first \
        buses run in September, the transport office said.</p></div>\
        <footer><p>Copyright 2024 The Example Gazette. All rights reserved.</p></footer>\
        </body></html>";

    #[test]
    fn content_found_needs_no_fallback() {
        let (body, warnings) = run(PAGE, Tag::Div);
        assert!(body.starts_with("The council approved"), "{body}");
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_footer_found_falls_back_to_the_largest_text_region() {
        let (body, warnings) = run(PAGE, Tag::Footer);
        assert!(body.starts_with("The council approved"), "{body}");
        assert!(!body.contains("Home"), "{body}");
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].contains("fell back to the largest text region"),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_page_of_links_stays_empty_and_says_why() {
        let html = "<html><body><nav><ul><li><a href='/a'>Music CDs</a></li>\
            <li><a href='/b'>Event tickets</a></li><li><a href='/c'>Movies</a></li></ul></nav>\
            <footer><p>Copyright 2024 Example Domains. All rights reserved.</p></footer>\
            </body></html>";
        let (body, warnings) = run(html, Tag::Footer);
        assert_eq!(body, "");
        assert!(warnings[0].starts_with("empty body"), "{warnings:?}");
    }

    #[test]
    fn a_section_front_has_no_body_and_no_fallback() {
        let mut html = String::from("<html><body><div class='front'>");
        for (h, t) in [
            (
                "Council approves new bus line",
                "The route runs through the old town.",
            ),
            (
                "Harvest festival draws record crowd",
                "More than 12,000 people came.",
            ),
            (
                "School roof repairs finished early",
                "Pupils return to their classrooms.",
            ),
        ] {
            html.push_str(&format!("<h3><a href='/x'>{h}</a></h3><p>{t}</p>"));
        }
        html.push_str("</div><p>A note on our reporting, with a sentence long enough to read.</p>");
        html.push_str("</body></html>");
        let (body, warnings) = run(&html, Tag::Div);
        assert_eq!(body, "");
        assert!(warnings[0].contains("section front"), "{warnings:?}");
    }
}
