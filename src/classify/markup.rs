//! Stage 2 (saved pages only): what the markup says about a block. A block
//! inside page furniture (aside, footer, nav, form, or an ARIA role of
//! furniture) goes, and so does a block inside an element whose class or
//! id names furniture (see `rules/markup/tokens.rules`): the rule's kind,
//! its id, and the name as evidence.
//!
//! Text rules run first and give the more specific reason; markup then
//! overrides `keep` protection, because a story credit inside a bio box is
//! still in the bio box.

use super::Doc;
use crate::model::Kind;
use crate::model::Reason;
use crate::rules::RuleSet;

/// A block longer than this is text, even in an element named a caption:
/// captions run to a few sentences.
const CAPTION_MAX_CHARS: usize = 600;
/// Caption blocks a photo essay has at least.
const ESSAY_CAPTIONS: usize = 2;

pub fn apply(doc: &mut Doc, rules: &RuleSet) {
    for i in 0..doc.len() {
        if doc.decided[i].is_some() {
            continue;
        }
        let Some(m) = &doc.blocks[i].markup else {
            continue;
        };
        let long = doc.facts[i].chars > CAPTION_MAX_CHARS;
        let why = m
            .tokens
            .iter()
            .find_map(|t| {
                let r = rules.markup.drop_hit(t)?;
                if long && r.kind == Some(Kind::Credit) {
                    return None;
                }
                Some(Reason::new(r.kind?, r.id.clone(), t.clone()))
            })
            .or_else(|| {
                m.in_furniture.then(|| {
                    Reason::new(
                        Kind::Navigation,
                        "markup.furniture",
                        "inside aside, footer, nav or form",
                    )
                })
            });
        if why.is_some() {
            doc.decided[i] = why;
        }
    }
    photo_essay(doc);
}

/// Whether a block went as a caption by its markup (a caption element or
/// a `figcaption`).
fn caption(doc: &Doc, i: usize) -> bool {
    doc.decided[i]
        .as_ref()
        .is_some_and(|r| r.rule == "markup.caption" || r.rule == "html.caption")
}

/// A photo essay or gallery post tells its story in the captions: when
/// the captions hold more text than the sentences not yet removed (labels,
/// buttons and menu items do not count), they are the body and stay.
fn photo_essay(doc: &mut Doc) {
    let (mut captions, mut caption_chars, mut rest) = (0usize, 0usize, 0usize);
    for i in 0..doc.len() {
        if caption(doc, i) {
            captions += 1;
            caption_chars += doc.facts[i].chars;
        } else if doc.decided[i].is_none() && !doc.facts[i].is_label() {
            rest += doc.facts[i].chars;
        }
    }
    if captions < ESSAY_CAPTIONS || caption_chars <= rest {
        return;
    }
    for i in 0..doc.len() {
        if caption(doc, i) {
            doc.decided[i] = None;
        }
    }
}
