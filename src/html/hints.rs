//! Class and id hints of elements (see `rules::markup`), computed on first
//! use and remembered: matching every element's names up front would cost
//! more than the rest of the extraction.

use super::dom::Dom;
use crate::rules::markup::{Hints, MarkupRules};

/// The hints of the elements asked about so far.
pub struct HintCache<'r> {
    rules: &'r MarkupRules,
    cache: Vec<Option<Hints>>,
}

impl<'r> HintCache<'r> {
    pub fn new(rules: &'r MarkupRules, dom: &Dom) -> HintCache<'r> {
        HintCache {
            rules,
            cache: vec![None; dom.nodes.len()],
        }
    }

    /// The hints of element `i`.
    pub fn get(&mut self, dom: &Dom, i: u32) -> Hints {
        if let Some(h) = self.cache[i as usize] {
            return h;
        }
        let n = dom.node(i);
        let h = if n.class.is_empty() && n.id.is_empty() {
            Hints::default()
        } else {
            self.rules.hints(&n.class, &n.id)
        };
        self.cache[i as usize] = Some(h);
        h
    }
}
