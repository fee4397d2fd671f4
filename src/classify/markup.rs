//! Stage 2 (saved pages only): what the markup says about a block. A block
//! inside page furniture (aside, footer, nav, form, or an ARIA role of
//! furniture) goes, and so does a block inside an element whose class or
//! id names furniture (see `rules/markup/tokens.rules`): the rule's kind,
//! its id, and the name as evidence.
//!
//! Text rules run first and give the more specific reason; markup then
//! overrides `keep` protection, because a story credit inside a bio box is
//! still in the bio box.

use super::{Doc, Removed};
use crate::Kind;
use crate::rules::RuleSet;

pub fn apply(doc: &mut Doc, rules: &RuleSet) {
    for i in 0..doc.len() {
        if doc.decided[i].is_some() {
            continue;
        }
        let Some(m) = &doc.blocks[i].markup else {
            continue;
        };
        let why = m
            .tokens
            .iter()
            .find_map(|t| {
                let r = rules.markup.drop_hit(t)?;
                Some(Removed::new(r.kind?, r.id.clone(), t.clone()))
            })
            .or_else(|| {
                m.in_furniture.then(|| {
                    Removed::new(
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
}
