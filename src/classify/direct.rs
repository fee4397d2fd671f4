//! Stage 1: decisions a block earns on its own.

use super::Doc;
use crate::model::Reason;

/// A closer (button label) is removed alone when it is at most this long.
const BUTTON_MAX_CHARS: usize = 40;

pub fn apply(doc: &mut Doc) {
    for i in 0..doc.len() {
        if let Some(markup) = &doc.blocks[i].markup
            && let Some(preset) = &markup.preset
        {
            doc.decided[i] = Some(preset.clone());
            continue;
        }
        let f = &doc.facts[i];
        let why = if let Some(hit) = f.applicable_drop() {
            Some(Reason::new(
                hit.rule.kind.expect("drop rules have a kind"),
                hit.rule.id.clone(),
                hit.matched.clone(),
            ))
        } else if let Some(hit) = &f.close
            && f.chars <= BUTTON_MAX_CHARS
        {
            Some(Reason::new(
                hit.rule.kind.expect("close rules have a kind"),
                hit.rule.id.clone(),
                hit.matched.clone(),
            ))
        } else {
            None
        };
        if let Some(why) = why {
            doc.remove(i, why);
        }
    }
}
