//! Class and id hints of elements (see `rules::markup`), computed on first
//! use and remembered: matching every element's names up front would cost
//! more than the rest of the extraction.

use super::dom::Dom;
use crate::rules::markup::{Hints, MarkupRules, Roles};
use std::collections::HashMap;

/// The hints of the elements asked about so far, and the roles of the
/// class names and ids seen so far (a page repeats the same few names on
/// many elements).
pub struct HintCache<'r> {
    rules: &'r MarkupRules,
    cache: Vec<Option<Hints>>,
    names: HashMap<String, Roles, foldhash::fast::RandomState>,
}

impl<'r> HintCache<'r> {
    pub fn new(rules: &'r MarkupRules, dom: &Dom) -> HintCache<'r> {
        HintCache {
            rules,
            cache: vec![None; dom.nodes.len()],
            names: HashMap::default(),
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
            let (rules, names) = (self.rules, &mut self.names);
            rules.hints_with(&n.class, &n.id, |name| {
                if let Some(&r) = names.get(name) {
                    return r;
                }
                let r = rules.name_roles(name);
                names.insert(name.to_string(), r);
                r
            })
        };
        self.cache[i as usize] = Some(h);
        h
    }
}
