//! Decides, block by block, what is body and what is boilerplate.
//!
//! The stages run in this order, each reading the facts of `facts.rs` and
//! the decisions of the stages before it:
//! 1. `direct`: rules that remove a block on their own (`drop`, short
//!    closers), and markup decisions made while reading the page.
//! 2. `regions`: appeal, cookie and related-link regions that start at an
//!    opener (or a block that is an appeal on its own) and run while the
//!    blocks fit, up to a closer; closers also pull in the asks before them.
//! 3. `revise`: context. Labels between removed blocks go with them, a tail
//!    of labels after the last body goes, runs of menu items go, and bare
//!    related headlines inside the body go, and so does a list of links
//!    under its own heading at the end of a page.
//! 4. `score`: the learned scorer decides the blocks no rule decided.
//!
//! A block no stage removes is kept: losing body is worse than keeping a
//! stray line.
//!
//! When the scorer removes blocks, the stages run again on the blocks
//! left, as a second pass over the output would see them (the facts are
//! the same and are not read again), until a round removes nothing: so a
//! second pass finds nothing more, and cleaning stays idempotent.

mod direct;
pub mod facts;
mod markup;
mod regions;
mod revise;
pub mod score;

use crate::model::{Block, Reason};
use crate::rules::RuleSet;
use facts::Facts;
use score::forest::Forest;

/// The decisions being made on a document's blocks (all of them, or the
/// ones a round before left).
pub struct Doc<'a, 'r> {
    pub blocks: Vec<&'a Block>,
    pub facts: Vec<&'a Facts<'r>>,
    pub decided: Vec<Option<Reason>>,
    /// Blocks a `keep` rule protects: nothing removes them but markup.
    pub protected: Vec<bool>,
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

/// Rounds of stages and scorer at most (the second finds nothing more on
/// almost every document).
const MAX_ROUNDS: usize = 4;

/// Classifies every block; `None` keeps it. Without a scorer, the rules
/// alone decide.
pub fn classify(blocks: &[Block], rules: &RuleSet, scorer: Option<&Forest>) -> Vec<Option<Reason>> {
    let facts: Vec<Facts> = blocks.iter().map(|b| facts::facts(b, rules)).collect();
    let mut decided: Vec<Option<Reason>> = vec![None; blocks.len()];
    let mut view: Vec<usize> = (0..blocks.len()).collect();
    let rounds = std::env::var("NB_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(MAX_ROUNDS);
    for _ in 0..rounds {
        let mut doc = Doc::over(blocks, &facts, &view);
        stages(&mut doc, rules);
        let scored = scorer.map_or(0, |s| score::apply(&mut doc, rules, s));
        for (&i, d) in view.iter().zip(doc.decided) {
            if d.is_some() {
                decided[i] = d;
            }
        }
        if scored == 0 {
            break;
        }
        view.retain(|&i| decided[i].is_none());
    }
    decided
}

/// The rules' stages, in order.
fn stages(doc: &mut Doc, rules: &RuleSet) {
    direct::apply(doc);
    markup::apply(doc, rules);
    regions::apply(doc);
    revise::apply(doc);
}

impl<'a, 'r> Doc<'a, 'r> {
    /// The blocks at `view`, nothing decided yet.
    fn over(blocks: &'a [Block], facts: &'a [Facts<'r>], view: &[usize]) -> Doc<'a, 'r> {
        let facts: Vec<&Facts> = view.iter().map(|&i| &facts[i]).collect();
        let protected = facts.iter().map(|f| f.keep.is_some()).collect();
        Doc {
            blocks: view.iter().map(|&i| &blocks[i]).collect(),
            facts,
            decided: vec![None; view.len()],
            protected,
        }
    }
}

/// What the scorer is fitted to: every block's features as the scorer
/// sees them in the first round (after the rules), and the rules'
/// decisions.
#[cfg(feature = "train")]
pub fn samples(blocks: &[Block], rules: &RuleSet) -> (Vec<f32>, Vec<Option<Reason>>, Vec<bool>) {
    let facts: Vec<Facts> = blocks.iter().map(|b| facts::facts(b, rules)).collect();
    let view: Vec<usize> = (0..blocks.len()).collect();
    let mut doc = Doc::over(blocks, &facts, &view);
    stages(&mut doc, rules);
    let rows = score::features::rows(&doc, rules);
    (rows, doc.decided, doc.protected)
}
