//! Decides, block by block, what is body and what is boilerplate.
//!
//! The stages run in this order, each reading the facts of `facts.rs` and
//! the decisions of the stages before it:
//! 1. `direct`: rules that remove a block on their own (`drop`, short
//!    closers), and markup decisions made while reading the page.
//!    `furniture`: labels, share rows, republishing notes, contact lines,
//!    editor stamps and subscribe calls told by word families and shape.
//! 2. `regions`: appeal, cookie and related-link regions that start at an
//!    opener (or a block that is an appeal on its own) and run while the
//!    blocks fit, up to a closer; closers also pull in the asks before them.
//! 3. `revise`: context. Labels between removed blocks go with them, a tail
//!    of labels after the last body goes, runs of menu items go, and bare
//!    related headlines inside the body go, and so does a list of links
//!    under its own heading at the end of a page.
//!
//! A block no stage removes is kept: losing body is worse than keeping a
//! stray line.

mod direct;
pub mod facts;
pub mod families;
mod furniture;
mod markup;
mod regions;
mod revise;

use crate::model::{Block, Reason};
use crate::rules::RuleSet;
use facts::Facts;

/// The decisions being made on a document's blocks.
pub struct Doc<'a, 'r> {
    pub blocks: &'a [Block],
    pub facts: Vec<Facts<'r>>,
    pub decided: Vec<Option<Reason>>,
    /// Blocks a `keep` rule protects: nothing removes them but markup.
    pub protected: Vec<bool>,
    /// The document's languages as a bit set of `families::languages`
    /// (see [`doc_languages`]).
    pub langs: u32,
}

impl Doc<'_, '_> {
    pub fn len(&self) -> usize {
        self.blocks.len()
    }

    pub fn removed(&self, i: usize) -> bool {
        self.decided[i].is_some()
    }

    /// Removes block `i` unless it is already decided or protected.
    pub fn remove(&mut self, i: usize, why: Reason) -> bool {
        if self.decided[i].is_some() || self.protected[i] {
            return false;
        }
        self.decided[i] = Some(why);
        true
    }
}

/// A language is the document's when its function words number at least
/// this share of the most frequent language's.
const LANG_SHARE: u32 = 3;

/// The languages whose function words the document uses most (within a
/// third of the most used one's count), as a bit set of
/// `families::languages`; every language when it uses none.
fn doc_languages(facts: &[Facts]) -> u32 {
    let mut per_lang = [0u32; 32];
    for f in facts {
        f.families.add_filler_by_lang(&mut per_lang);
    }
    let max = per_lang.iter().copied().max().unwrap_or(0);
    if max == 0 {
        return u32::MAX;
    }
    (0..32)
        .filter(|&l| per_lang[l] * LANG_SHARE >= max)
        .fold(0, |m, l| m | 1 << l)
}

/// Classifies every block; `None` keeps it.
pub fn classify(blocks: &[Block], rules: &RuleSet) -> Vec<Option<Reason>> {
    let mut facts: Vec<Facts> = blocks.iter().map(|b| facts::facts(b, rules)).collect();
    let protected = facts.iter().map(|f| f.keep.is_some()).collect();
    let langs = doc_languages(&facts);
    for (f, b) in facts.iter_mut().zip(blocks) {
        f.find_family_ask(&b.norm, langs);
    }
    let mut doc = Doc {
        blocks,
        facts,
        decided: vec![None; blocks.len()],
        protected,
        langs,
    };
    direct::apply(&mut doc);
    markup::apply(&mut doc, rules);
    furniture::apply(&mut doc);
    regions::apply(&mut doc);
    revise::apply(&mut doc);
    doc.decided
}
