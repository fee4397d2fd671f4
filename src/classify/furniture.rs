//! Stage 1b: furniture told by word families and shape, in words no
//! phrase rule lists. Each test pairs a family (see `families`) with a
//! shape that body text does not take:
//! - a label made of nothing but one kind's words ("Most read",
//!   "Back to top", "Report this comment"), or such a label before a colon
//!   and a headline ("Related story: ..."), or before a list of short
//!   items ("Tags: ...");
//! - a run of share lines: network names one per line beside a share
//!   label or removed furniture;
//! - a republishing note: the piece named with republish or licence words,
//!   not reported speech;
//! - a reporter contact line: contact words with an e-mail address or a
//!   handle, not reported speech (a police tip line quotes the police);
//! - an editor stamp: an editor word and a name, alone on a line;
//! - a call to subscribe (newsletter, messenger channel) opening with the
//!   verb and addressing the reader.
//!
//! Donation asks told by their families feed the appeal regions instead
//! (`Facts::family_ask`), so they join the asks around them.

use super::Doc;
use super::facts::Facts;
use super::families::{self, Family, FamilyHits};
use crate::model::{Kind, Reason};
use crate::rules::Cue;

/// A label is at most this long.
const LABEL_CHARS: usize = 60;
/// A note (republishing, contact, subscribe call) is at most this long.
const NOTE_CHARS: usize = 300;
/// Words a headline after a label has at most.
const HEADLINE_WORDS: usize = 20;
/// Words a stamp's name has at most.
const NAME_WORDS: usize = 4;

pub fn apply(doc: &mut Doc) {
    for i in 0..doc.len() {
        if doc.removed(i) || doc.protected[i] {
            continue;
        }
        let f = &doc.facts[i];
        if f.chars > NOTE_CHARS
            || !f
                .families
                .spans()
                .iter()
                .any(|s| s.family != Family::Filler)
        {
            continue;
        }
        let why = {
            let h = &f.families.only(doc.langs);
            let norm = doc.blocks[i].norm.as_str();
            label(f, h, norm)
                .or_else(|| label_prefix(f, h, norm))
                .or_else(|| editor_stamp(f, h, norm))
                .or_else(|| republish_note(f, h, norm))
                .or_else(|| contact_line(f, h, norm))
                .or_else(|| subscribe_call(f, h, norm))
        };
        if let Some(why) = why {
            doc.remove(i, why);
        }
    }
    share_rows(doc);
}

/// The families a label may be made of, with the kind each gives.
const LABEL_FAMILIES: [(Family, Kind); 8] = [
    (Family::Related, Kind::Related),
    (Family::Share, Kind::Share),
    (Family::Comment, Kind::Share),
    (Family::Navigation, Kind::Navigation),
    (Family::Ad, Kind::Ad),
    (Family::Copyright, Kind::Copyright),
    (Family::Cookie, Kind::Cookie),
    (Family::App, Kind::Promo),
];

/// Words a label of `family` may hold besides its family's: function
/// words, and for a related, share or comment label words naming the
/// piece ("Related stories", "Share this article", "Comments on this
/// post").
fn label_mask(family: Family) -> u32 {
    match family {
        Family::Related | Family::Share | Family::Comment => {
            families::mask(&[family, Family::Filler, Family::Piece])
        }
        _ => families::mask(&[family, Family::Filler]),
    }
}

/// A short line that is nothing but one kind's words: "Most read",
/// "Back to top", "12 comments", "Advertisement". Network names alone
/// are left to `share_rows`, which wants a share row around them.
fn label(f: &Facts, h: &FamilyHits, norm: &str) -> Option<Reason> {
    if f.chars > LABEL_CHARS {
        return None;
    }
    let (family, kind) = LABEL_FAMILIES
        .into_iter()
        .find(|&(fam, _)| h.has(fam) && h.uncovered_words(norm, label_mask(fam)) == 0)?;
    // A rights line ends with a stop as often as not; other labels end
    // with none (or a colon).
    if f.terminal && !norm.ends_with(':') && family != Family::Copyright {
        return None;
    }
    if family == Family::Share && !share_verb(h) {
        return None;
    }
    Some(Reason::new(
        kind,
        format!("{}.family-label", kind.name()),
        format!(
            "a label of {} words: {}",
            family.name(),
            h.words(family, norm, 4)
        ),
    ))
}

/// Whether the share words include more than network names (a verb:
/// share, teilen, sdílet; network names are written as names, `=`, and
/// mean the same in every language).
fn share_verb(h: &FamilyHits) -> bool {
    h.spans()
        .iter()
        .any(|s| s.family == Family::Share && !s.neutral)
}

/// Where a label ends and what follows it: before ": ", " | ", " » ",
/// " > ", " - " or a full-width colon.
fn split_label(norm: &str) -> Option<(&str, &str)> {
    [": ", " | ", " » ", " > ", " - ", ":", "："]
        .iter()
        .filter_map(|sep| norm.split_once(sep))
        .min_by_key(|(head, _)| head.len())
}

/// A related label before a headline: "Related story: Council delays
/// vote", "More on this | ...", "Lesen Sie auch: ...".
fn label_prefix(f: &Facts, h: &FamilyHits, norm: &str) -> Option<Reason> {
    if f.chars > NOTE_CHARS {
        return None;
    }
    let (head, tail) = split_label(norm)?;
    let head_len = head.len() as u32;
    let related_head = h
        .spans()
        .iter()
        .any(|s| s.family == Family::Related && s.end <= head_len);
    if !related_head || head.split_whitespace().count() > 5 {
        return None;
    }
    if h.uncovered_words(head, label_mask(Family::Related)) > 0 {
        return None;
    }
    let words = tail.split_whitespace().count();
    if words == 0 || words > HEADLINE_WORDS {
        return None;
    }
    Some(Reason::new(
        Kind::Related,
        "related.family-prefix",
        format!("related label {head:?} before a headline"),
    ))
}

/// "Editor: Wang Li", "Edited by Jane Roe", "责任编辑：王丽": an editor word
/// opening a short line, then a name at most.
fn editor_stamp(f: &Facts, h: &FamilyHits, norm: &str) -> Option<Reason> {
    if f.chars > LABEL_CHARS || f.terminal {
        return None;
    }
    let first = h
        .spans()
        .iter()
        .find(|s| s.family == Family::Editor && s.start == first_word_start(norm))?;
    let rest = norm[first.end as usize..].trim_start_matches([':', '：', ' ', '-', '|']);
    let rest = rest.strip_prefix("by ").unwrap_or(rest);
    let words = rest.split_whitespace().count();
    // Chinese names have no spaces: count characters instead.
    let short_name = if rest.is_ascii() || rest.contains(' ') {
        (1..=NAME_WORDS).contains(&words)
    } else {
        (1..=8).contains(&rest.chars().count())
    };
    if !short_name || rest.contains(['.', '!', '?']) {
        return None;
    }
    Some(Reason::new(
        Kind::Author,
        "author.editor-stamp",
        format!(
            "editor stamp {:?} and a name",
            &norm[first.start as usize..first.end as usize]
        ),
    ))
}

fn first_word_start(norm: &str) -> u32 {
    norm.char_indices()
        .find(|&(_, c)| crate::rules::is_word_char(c))
        .map_or(0, |(i, _)| i as u32)
}

/// "This story is republished from X under a Creative Commons licence.":
/// republish words that name the piece itself (a piece word, or the note
/// opening with them), two of them or the opening one, and no reported
/// speech. A story about a study "first published in" a journal names no
/// piece of the outlet's own.
fn republish_note(f: &Facts, h: &FamilyHits, norm: &str) -> Option<Reason> {
    if f.chars > NOTE_CHARS || !h.has(Family::Republish) || h.has(Family::Speech) {
        return None;
    }
    // Opening uninflected: "Republished with permission", not
    // "Republicans said" or "Licensed in Indiana".
    let opens = openings(h, norm, Family::Republish).any(|(s, _)| s.exact);
    let names_piece =
        opening(h, norm, Family::Piece).is_some() || first_words_have(h, norm, Family::Piece, 3);
    if !(opens || (h.count(Family::Republish) >= 2 && names_piece)) {
        return None;
    }
    Some(Reason::new(
        Kind::Republish,
        "republish.family-note",
        format!("republish words: {}", h.words(Family::Republish, norm, 4)),
    ))
}

/// Whether one of the first `n` words of `norm` is a hit of `family`.
fn first_words_have(h: &FamilyHits, norm: &str, family: Family, n: usize) -> bool {
    let limit = norm
        .match_indices(' ')
        .nth(n - 1)
        .map_or(norm.len(), |(i, _)| i) as u32;
    h.spans()
        .iter()
        .any(|s| s.family == family && s.start < limit)
}

/// The hit of `family` that opens `norm` or one of its sentences, if any:
/// an imperative ("Chip in today", "Subscribe to ...") or a note's
/// subject.
pub fn opening<'a>(h: &'a FamilyHits, norm: &'a str, family: Family) -> Option<&'a str> {
    openings(h, norm, family).next().map(|(_, w)| w)
}

/// Every hit of `family` that opens `norm` or one of its sentences.
pub fn openings<'a>(
    h: &'a FamilyHits,
    norm: &'a str,
    family: Family,
) -> impl Iterator<Item = (&'a families::Span, &'a str)> + 'a {
    h.spans().iter().filter_map(move |s| {
        let before =
            norm[..s.start as usize].trim_end_matches(['"', '\'', '(', '[', '«', ' ', '¡', '¿']);
        let opens = before.is_empty() || before.ends_with(['.', '!', '?', ':', '。', '！', '？']);
        (s.family == family && opens).then(|| (s, &norm[s.start as usize..s.end as usize]))
    })
}

/// "Questions or tips? Write to reporter Tom Li at tli@...": contact words
/// with an address or a handle. Not reported speech: "Police asked anyone
/// with information to e-mail tips@..." is news.
fn contact_line(f: &Facts, h: &FamilyHits, norm: &str) -> Option<Reason> {
    if f.chars > NOTE_CHARS || !h.has(Family::Contact) || h.has(Family::Speech) {
        return None;
    }
    let asked = openings(h, norm, Family::Contact).any(|(s, _)| s.exact) || question_first(h, norm);
    if !asked {
        return None;
    }
    let address = norm
        .split_whitespace()
        .find(|w| is_email(w) || is_handle(w))?;
    Some(Reason::new(
        Kind::Author,
        "author.family-contact",
        format!(
            "contact words ({}) with {address:?}",
            h.words(Family::Contact, norm, 3)
        ),
    ))
}

/// Whether a question comes before the first contact word ("Questions or
/// tips? Write to ...", "Got a story? Email ..."): the reader asked.
fn question_first(h: &FamilyHits, norm: &str) -> bool {
    let first = h
        .spans()
        .iter()
        .find(|s| s.family == Family::Contact)
        .map_or(0, |s| s.end as usize);
    norm.find('?')
        .is_some_and(|q| q < first.max(1) + 40 && q < 60)
}

fn is_email(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    w.split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !host.ends_with('.'))
}

fn is_handle(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',', ';', ')']);
    w.strip_prefix('@')
        .is_some_and(|n| n.len() >= 2 && n.chars().all(|c| c.is_alphanumeric() || c == '_'))
}

/// "Subscribe to our Telegram channel to get the news first": a call that
/// opens with a subscribe word, names a second one (channel, newsletter,
/// inbox), and speaks to the reader or for the publisher.
fn subscribe_call(f: &Facts, h: &FamilyHits, norm: &str) -> Option<Reason> {
    if f.chars > NOTE_CHARS || h.count(Family::Subscribe) < 2 || h.has(Family::Speech) {
        return None;
    }
    // The call opens the block: "Newsletter proceeds support ..." later
    // in a paragraph is no call.
    let verb = openings(h, norm, Family::Subscribe)
        .find(|(s, _)| s.start == first_word_start(norm))
        .map(|(_, w)| w)?;
    if !(f.has(Cue::We) || f.has(Cue::You)) {
        return None;
    }
    Some(Reason::new(
        Kind::Newsletter,
        "newsletter.family-call",
        format!(
            "opens with {verb:?}; subscribe words: {}",
            h.words(Family::Subscribe, norm, 4)
        ),
    ))
}

/// A share row that lost its box: network names one per line ("Facebook",
/// "X", "Email"), in a run with a share label or removed furniture. A
/// list of platforms after a sentence that introduces it stays.
fn share_rows(doc: &mut Doc) {
    let n = doc.len();
    let network = |doc: &Doc, k: usize| {
        let f = &doc.facts[k];
        let norm = doc.blocks[k].norm.as_str();
        !doc.removed(k)
            && !doc.protected[k]
            && f.chars <= LABEL_CHARS
            && !f.terminal
            && f.families.has(Family::Share)
            && f.families.uncovered_words(norm, label_mask(Family::Share)) == 0
    };
    let mut i = 0;
    while i < n {
        if !(network(doc, i) || doc.removed(i)) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && (network(doc, j) || doc.removed(j)) {
            j += 1;
        }
        let anchored = (i..j).any(|k| {
            doc.decided[k]
                .as_ref()
                .is_some_and(|r| matches!(r.kind, Kind::Share | Kind::Related | Kind::Navigation))
        });
        if anchored {
            for k in i..j {
                if !doc.removed(k) && network(doc, k) {
                    let words = doc.facts[k]
                        .families
                        .words(Family::Share, &doc.blocks[k].norm, 3);
                    doc.remove(
                        k,
                        Reason::new(
                            Kind::Share,
                            "share.family-row",
                            format!("share row: {words}"),
                        ),
                    );
                }
            }
        }
        i = j;
    }
}
