//! Stage 3: context. Short doubtful blocks follow their neighbours, as in
//! jusText's revision: between two removed blocks a label goes with them;
//! between two kept blocks it stays.

use super::Doc;
use super::facts::{Facts, LABEL_MAX_CHARS};
use super::families::Family;
use crate::model::Kind;
use crate::model::Reason;
use crate::rules::Cue;

/// A run of at least this many labels around a removed block is a menu.
/// Runs without a removed block stay: lists, tables and code are body.
const MENU_RUN: usize = 6;
/// A label on a saved page is a menu item when this much of it is a link.
const MENU_LINK_DENSITY: f32 = 0.5;
/// A tail with at least this many removed blocks is a page footer: all its
/// labels go. With fewer, only the labels after its first removed block.
const FOOTER_REMOVED: usize = 3;

/// Each step can expose new context for the others, so they run until
/// nothing changes (a second pass over the output must find nothing more).
const MAX_ROUNDS: usize = 8;

pub fn apply(doc: &mut Doc) {
    for _ in 0..MAX_ROUNDS {
        let before = doc.decided.iter().filter(|d| d.is_some()).count();
        page_title(doc);
        captions(doc);
        menu_runs(doc);
        between_removed(doc);
        bare_headlines(doc);
        link_list_tail(doc);
        tail(doc);
        if doc.decided.iter().filter(|d| d.is_some()).count() == before {
            break;
        }
    }
    teaser_list(doc);
}

/// A linked headline is at least this much link.
const HEADLINE_LINK_DENSITY: f32 = 0.8;
/// A teaser under a linked headline is at most this long.
const TEASER_MAX_CHARS: usize = 300;
/// Linked headlines a teaser list has at least.
const TEASER_PAIRS: usize = 2;

/// A section front or index page, not an article: what is left is nothing
/// but linked headlines, each with one short unlinked teaser sentence after
/// it. Such a page has no body, so the whole list goes. Saved pages only:
/// text has no links to tell a headline by.
fn teaser_list(doc: &mut Doc) {
    let kept: Vec<usize> = (0..doc.len()).filter(|&k| !doc.removed(k)).collect();
    let density = |k: usize| doc.blocks[k].markup.as_ref().map(|m| m.link_density);
    if kept
        .iter()
        .any(|&k| density(k).is_none() || doc.protected[k])
    {
        return;
    }
    // A headline reads as one: a menu item or a "Read more" link is shorter.
    let headline = |k: usize| {
        doc.facts[k].is_label()
            && doc.facts[k].words >= *HEADLINE_WORDS.start()
            && density(k).is_some_and(|d| d >= HEADLINE_LINK_DENSITY)
    };
    let teaser = |k: usize| {
        doc.facts[k].terminal
            && doc.facts[k].chars <= TEASER_MAX_CHARS
            && density(k).is_some_and(|d| d < 0.5)
    };
    let mut headlines = 0;
    let mut prev_headline = false;
    for &k in &kept {
        if headline(k) && !prev_headline {
            headlines += 1;
            prev_headline = true;
        } else if prev_headline && teaser(k) {
            prev_headline = false;
        } else {
            return;
        }
    }
    // Every headline has its teaser.
    if prev_headline || headlines < TEASER_PAIRS {
        return;
    }
    for k in kept {
        doc.remove(
            k,
            Reason::new(
                Kind::Related,
                "related.teaser-list",
                format!("{headlines} linked headlines with teasers and no body"),
            ),
        );
    }
}

fn doubtful(doc: &Doc, i: usize) -> bool {
    !doc.removed(i) && !doc.protected[i] && doc.facts[i].is_label()
}

fn prose(doc: &Doc, i: usize) -> bool {
    !doc.removed(i) && doc.facts[i].terminal && !doc.facts[i].is_short()
}

/// The nearest kept block before `i`. Context rules look past removed
/// blocks, as a second pass over the output would: that keeps cleaning
/// idempotent.
fn kept_before(doc: &Doc, i: usize) -> Option<usize> {
    (0..i).rev().find(|&k| !doc.removed(k))
}

/// A related headline dropped into the body without a "Read more" prefix.
/// Subheads introduce what follows; inserted headlines have the shapes of
/// a headline elsewhere: "Title: Subtitle", a leading number, a hashtag.
///
/// Removing a headline changes what its kept neighbours stand next to (a
/// run of hashtag lines before a paragraph goes one by one from the back),
/// so the rule runs to its own fixpoint: the kept blocks are a linked list,
/// and a removal puts just the two neighbours it joins back on the work
/// list. A run of any length costs one pass, and a second pass over the
/// output finds nothing more.
fn bare_headlines(doc: &mut Doc) {
    let n = doc.len();
    let (mut prev, mut next) = kept_links(doc);
    // A kept doubtful line of three words or more in a headline's shape.
    let candidate = |doc: &Doc, i: usize| {
        (doubtful(doc, i) && doc.facts[i].words >= 3)
            .then(|| headline_shape(&doc.blocks[i].text))
            .flatten()
    };
    let mut queued: Vec<bool> = (0..n).map(|i| candidate(doc, i).is_some()).collect();
    let mut work: std::collections::VecDeque<usize> = (0..n).filter(|&i| queued[i]).collect();
    while let Some(i) = work.pop_front() {
        queued[i] = false;
        let Some(shape) = candidate(doc, i) else {
            continue;
        };
        let (before_i, kept_after) = (prev[i], next[i]);
        let before = before_i.is_some_and(|k| prose(doc, k));
        let after = kept_after.is_some_and(|k| prose(doc, k));
        let next_numbered =
            kept_after.is_some_and(|k| doubtful(doc, k) && starts_with_number(&doc.blocks[k].text));
        // A lone line between two paragraphs, or a numbered line that does
        // not start a list; list items and roster lines stand among labels.
        let fits = match shape {
            Shape::Hashtag => before || after,
            Shape::TitleSubtitle => before && after,
            Shape::Listicle => before && !next_numbered,
        };
        // Subheads introduce what follows and share its words; an inserted
        // headline changes the topic.
        let on_topic =
            kept_after.is_some_and(|k| shares_topic(&doc.blocks[i].norm, &doc.blocks[k].norm));
        if !fits || on_topic {
            continue;
        }
        let removed = doc.remove(
            i,
            Reason::new(Kind::Related, "related.bare-headline", shape.describe()),
        );
        if !removed {
            continue;
        }
        // Unlink `i`; its neighbours now stand next to each other.
        if let Some(p) = before_i {
            next[p] = kept_after;
        }
        if let Some(q) = kept_after {
            prev[q] = before_i;
        }
        for k in [before_i, kept_after].into_iter().flatten() {
            if !queued[k] && candidate(doc, k).is_some() {
                queued[k] = true;
                work.push_back(k);
            }
        }
    }
}

/// For every block, the nearest kept block before and after it.
fn kept_links(doc: &Doc) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let n = doc.len();
    let mut prev = vec![None; n];
    let mut next = vec![None; n];
    let mut last = None;
    for (i, p) in prev.iter_mut().enumerate() {
        *p = last;
        if !doc.removed(i) {
            last = Some(i);
        }
    }
    last = None;
    for (i, q) in next.iter_mut().enumerate().rev() {
        *q = last;
        if !doc.removed(i) {
            last = Some(i);
        }
    }
    (prev, next)
}

#[derive(Clone, Copy)]
enum Shape {
    Hashtag,
    TitleSubtitle,
    Listicle,
}

impl Shape {
    fn describe(self) -> &'static str {
        match self {
            Shape::Hashtag => "hashtag",
            Shape::TitleSubtitle => "\"Title: Subtitle\" shape",
            Shape::Listicle => "leading number (listicle)",
        }
    }
}

/// Whether two texts share a content word: a word of at least
/// `TOPIC_WORD` characters, compared on its first `TOPIC_WORD` characters
/// (a crude stem: "travelers" meets "travel").
fn shares_topic(a: &str, b: &str) -> bool {
    const TOPIC_WORD: usize = 5;
    /// The stems of the words at least `TOPIC_WORD` characters long.
    fn stems(s: &str) -> impl Iterator<Item = &str> {
        s.split(|c: char| !c.is_alphanumeric()).filter_map(|w| {
            let (p, c) = w.char_indices().nth(TOPIC_WORD - 1)?;
            Some(&w[..p + c.len_utf8()])
        })
    }
    // The stems of `a` (a short label) go in a set; `b` (any paragraph,
    // perhaps megabytes long) is only streamed past it.
    let a: std::collections::HashSet<&str> = stems(a).collect();
    !a.is_empty() && stems(b).any(|w| a.contains(w))
}

/// Whether a sentence ends inside `text` and another begins: ". A",
/// "! A", "? A" (a capital after the break).
fn two_sentences(text: &str) -> bool {
    let t = text.trim();
    t.match_indices(['.', '!', '?']).any(|(i, _)| {
        let mut rest = t[i + 1..].chars();
        rest.next() == Some(' ') && rest.next().is_some_and(char::is_uppercase)
    })
}

fn starts_with_number(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
}

fn headline_shape(text: &str) -> Option<Shape> {
    let t = text.trim();
    // A headline is one phrase: text with a sentence break inside is speech
    // or prose that happens to lack a final stop.
    if t.contains(". ") || t.contains("! ") || t.contains("? ") {
        return None;
    }
    if t.starts_with('#')
        || t.split_whitespace()
            .any(|w| w.starts_with('#') && w.len() > 2)
    {
        return Some(Shape::Hashtag);
    }
    if let Some((head, rest)) = t.split_once(": ") {
        let next = rest.chars().next()?;
        // "Spendenkonto: Sparkasse, IBAN DE12 3456 ..." or "Tel.: 0301 ..."
        // is a data line of the story (account, phone), not a headline.
        let digits = rest.chars().filter(char::is_ascii_digit).count();
        if !head.is_empty() && digits < 8 && (next.is_uppercase() || next.is_ascii_digit()) {
            return Some(Shape::TitleSubtitle);
        }
    }
    // "5 tips for ...", not "21) Item" or "1. Item" (list numbering).
    let first = t.split_whitespace().next()?;
    if first.len() <= 2
        && first.chars().all(|c| c.is_ascii_digit())
        && t.split_whitespace().count() >= 4
    {
        return Some(Shape::Listicle);
    }
    None
}

/// Runs of labels (menus, tag lists, card fields) next to boilerplate.
fn menu_runs(doc: &mut Doc) {
    let n = doc.len();
    let mut i = 0;
    while i < n {
        let member = |doc: &Doc, k: usize| {
            doc.removed(k) || (doubtful(doc, k) && doc.facts[k].is_short() && linky(doc, k))
        };
        if !member(doc, i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && member(doc, j) {
            j += 1;
        }
        let labels = (i..j).filter(|&k| !doc.removed(k)).count();
        let with_removed = (i..j).any(|k| doc.removed(k));
        if with_removed && labels >= MENU_RUN {
            for k in i..j {
                doc.remove(
                    k,
                    Reason::new(
                        Kind::Navigation,
                        "context.menu-run",
                        format!("one of {labels} labels in a row"),
                    ),
                );
            }
        }
        i = j;
    }
}

/// On a saved page a menu item is a link: short lines of body (list
/// items, table cells, dates) are not. Text has no links to tell by.
fn linky(doc: &Doc, k: usize) -> bool {
    doc.blocks[k]
        .markup
        .as_ref()
        .is_none_or(|m| m.link_density >= MENU_LINK_DENSITY)
}

/// Labels between two removed blocks go with them. A line of two
/// sentences is prose however it ends ("A perfect song! Thanks to @x for
/// it"): a short post between a removed title and a comments label stays.
fn between_removed(doc: &mut Doc) {
    let n = doc.len();
    let label = |doc: &Doc, k: usize| doubtful(doc, k) && !two_sentences(&doc.blocks[k].text);
    let mut i = 0;
    while i < n {
        if !label(doc, i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && label(doc, j) {
            j += 1;
        }
        if i > 0 && j < n && doc.removed(i - 1) && doc.removed(j) {
            let kind = doc.decided[i - 1]
                .as_ref()
                .map_or(Kind::Navigation, |r| r.kind);
            for k in i..j {
                doc.remove(
                    k,
                    Reason::new(
                        kind,
                        "context.between-removed",
                        format!("label between removed blocks {} and {j}", i - 1),
                    ),
                );
            }
        }
        i = j;
    }
}

/// After the last body block: labels and short asks that trail removed
/// boilerplate go with it; a lone headline with no body after it is not a
/// subhead (nothing follows for it to introduce) and goes too.
fn tail(doc: &mut Doc) {
    let n = doc.len();
    let mut start = n;
    while start > 0 {
        let k = start - 1;
        let f = &doc.facts[k];
        let fits = doc.removed(k) || doc.protected[k] || doubtful(doc, k) || short_ask(f);
        if !fits {
            break;
        }
        start = k;
    }
    if start == n {
        return;
    }
    let removed = (start..n).filter(|&k| doc.removed(k)).count();
    // Where the boilerplate of the tail begins; what stands before it is
    // body unless the tail is a whole footer.
    let mut end = n;
    if removed > 0 {
        let first = (start..n).find(|&k| doc.removed(k)).unwrap_or(start);
        let from = if removed >= FOOTER_REMOVED {
            start
        } else {
            first
        };
        for k in from..n {
            if doc.removed(k) || doc.protected[k] {
                continue;
            }
            doc.remove(
                k,
                Reason::new(
                    Kind::Navigation,
                    "context.tail",
                    "after the body, among removed blocks",
                ),
            );
        }
        end = from;
    }
    // Before the boilerplate, only a single trailing headline goes.
    let labels: Vec<usize> = (start..end)
        .filter(|&k| !doc.protected[k] && !doc.removed(k))
        .collect();
    if let [k] = labels[..]
        && kept_before(doc, k).is_some_and(|p| prose(doc, p))
        && doc.facts[k].is_label()
        && headline_like(&doc.blocks[k].text)
    {
        doc.remove(
            k,
            Reason::new(
                Kind::Related,
                "related.trailing-headline",
                "headline with no body after it",
            ),
        );
    }
}

/// Link lines a related list at the end of a page has at least.
const LINK_LIST_MIN: usize = 2;

/// A list of links under its own heading at the end of a saved page
/// ("Related stories:", "More on this:"): after the body, a label that
/// ends in a colon (or a heading element), then nothing but link lines
/// (half links or more) and removed blocks to the end. The article has
/// ended; the list is furniture. Text has no links to tell the list by.
fn link_list_tail(doc: &mut Doc) {
    let n = doc.len();
    let density = |k: usize| doc.blocks[k].markup.as_ref().map(|m| m.link_density);
    let mut links = 0;
    let mut k = n;
    let head = loop {
        if k == 0 {
            return;
        }
        k -= 1;
        if doc.removed(k) {
            continue;
        }
        match density(k) {
            None => return,
            Some(d) if d >= MENU_LINK_DENSITY && doc.facts[k].chars <= LABEL_MAX_CHARS * 2 => {
                links += 1
            }
            Some(_) => break k,
        }
    };
    if links < LINK_LIST_MIN || doc.protected[head] || !doc.facts[head].is_label() {
        return;
    }
    let text = doc.blocks[head].text.trim_end();
    let colon = text.ends_with(':') || text.ends_with('\u{ff1a}') || text.ends_with(":-");
    let heading = doc.blocks[head]
        .markup
        .as_ref()
        .is_some_and(|m| m.tag.len() == 2 && m.tag.starts_with('h'));
    if !(colon || heading) || !(0..head).any(|p| prose(doc, p)) {
        return;
    }
    let evidence = format!("list heading {text:?} followed by {links} link lines to the end");
    for k in head..n {
        doc.remove(
            k,
            Reason::new(Kind::Related, "related.link-list-tail", evidence.clone()),
        );
    }
}

fn short_ask(f: &Facts) -> bool {
    f.is_short() && (f.voiced() || f.has(Cue::Ask) || f.has(Cue::Thanks))
}

/// A page's `<title>` left at the top of a whole-page text dump: the first
/// block, a label ending in a site name after a separator ("Headline —
/// Site"), with page chrome (removed blocks) right after it.
fn page_title(doc: &mut Doc) {
    if doc.len() < 2 || !doubtful(doc, 0) || !doc.removed(1) {
        return;
    }
    let text = doc.blocks[0].text.trim();
    let site = [" | ", " \u{2014} ", " \u{2013} ", " - "]
        .iter()
        .filter_map(|sep| text.rsplit_once(sep))
        .map(|(_, site)| site)
        .find(|site| (1..=4).contains(&site.split_whitespace().count()));
    if let Some(site) = site {
        doc.remove(
            0,
            Reason::new(
                Kind::Heading,
                "heading.page-title",
                format!("page title ending in site name {site:?}"),
            ),
        );
    }
}

/// A photo caption stands right before its credit line: when a standalone
/// credit ("Credit: Agency", "Photo: ...") is removed, the short block
/// before it goes too if it opens the document or follows removed text.
/// Not when markup found the credit (a caption element, `figcaption`): the
/// caption is then the text inside that element, and the block before it
/// is the paragraph the photo follows. Nor when the block ends with a
/// colon: it introduces the photo, as prose does.
///
/// And only by evidence that the two belong together: the credit is bare
/// (names and an agency, no description of its own: "Photo: A bus waits
/// ... (Anna Berg / Reuters)" is its own caption), and the block before it
/// is not reporting (no reporting verb: "Opponents argued that ..." is
/// body).
fn captions(doc: &mut Doc) {
    for i in 1..doc.len() {
        let is_credit = doc.decided[i].as_ref().is_some_and(|r| {
            r.kind == Kind::Credit && !r.rule.starts_with("markup.") && !r.rule.starts_with("html.")
        }) && doc.facts[i].chars <= super::facts::SHORT_CHARS * 2;
        let k = i - 1;
        if !is_credit
            || doc.removed(k)
            || doc.protected[k]
            || doc.facts[k].chars > 250
            || doc.blocks[k].text.trim_end().ends_with(':')
            || !bare_credit(&doc.blocks[i].text)
            || doc.facts[k].families.has(Family::Speech)
        {
            continue;
        }
        let opens = k == 0 || doc.removed(k - 1);
        if opens {
            doc.remove(
                k,
                Reason::new(
                    Kind::Credit,
                    "credit.caption",
                    format!("caption before the bare credit at block {i}"),
                ),
            );
        }
    }
}

/// Words a bare credit has at most after its label.
const BARE_CREDIT_WORDS: usize = 8;

/// A credit of names alone ("Photo: Anna Berg/Reuters", "(AP Photo/John
/// Doe)", "Credit: Getty Images"), not a description with a credit in it:
/// no sentence inside, and few words after a label.
fn bare_credit(text: &str) -> bool {
    let t = text.trim();
    let rest = t.split_once(':').map_or(t, |(_, r)| r).trim();
    !rest.contains(". ") && rest.split_whitespace().count() <= BARE_CREDIT_WORDS
}

/// Words a headline has, at least and at most.
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 4..=14;

/// Whether a label reads as a headline rather than a byline, signature,
/// link, timestamp or an introduction to something below (": ").
fn headline_like(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    let lower = t.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    HEADLINE_WORDS.contains(&words)
        && !t.ends_with(':')
        && !t.starts_with(['(', '[', '\u{00A9}'])
        && !lower.contains("http")
        && !t.contains('@')
        && !t.contains(" | ")
        && !t.contains(" - ")
        && !t.contains(" \u{2013} ")
        && !t.contains(" \u{2014} ")
        && ![
            "posted",
            "by",
            "with",
            "source",
            "sources",
            "via",
            "thanks",
            "updated",
            "last",
            "published",
        ]
        .contains(&first)
}
