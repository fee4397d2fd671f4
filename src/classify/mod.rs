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
//! 4. `score`: the learned scorer decides the blocks no rule decided.
//!
//! A block no stage removes is kept: losing body is worse than keeping a
//! stray line.
//!
//! When the scorer removes blocks, the stages run again on the blocks
//! left, as a second pass over the output would see them (the facts are
//! not read again), until a round removes nothing: so a second pass finds
//! nothing more, and cleaning stays idempotent.

mod direct;
pub mod facts;
pub mod families;
mod furniture;
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
fn doc_languages<'f, 'r: 'f>(facts: impl Iterator<Item = &'f Facts<'r>>) -> u32 {
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

/// Rounds of stages and scorer at most (the second finds nothing more on
/// almost every document).
const MAX_ROUNDS: usize = 4;

/// Classifies every block; `None` keeps it. Without a scorer, the rules
/// alone decide.
pub fn classify(blocks: &[Block], rules: &RuleSet, scorer: Option<&Forest>) -> Vec<Option<Reason>> {
    let mut facts: Vec<Facts> = blocks.iter().map(|b| facts::facts(b, rules)).collect();
    let mut decided: Vec<Option<Reason>> = vec![None; blocks.len()];
    let mut view: Vec<usize> = (0..blocks.len()).collect();
    let mut langs = None;
    for _ in 0..MAX_ROUNDS {
        let doc_langs = read_languages(blocks, &mut facts, &view, &mut langs);
        let mut doc = Doc::over(blocks, &facts, &view, doc_langs);
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

/// The languages of the blocks at `view`; when they differ from the last
/// round's (`langs`), the asks told by word families are read again, as
/// they depend on the document's languages.
fn read_languages(
    blocks: &[Block],
    facts: &mut [Facts],
    view: &[usize],
    langs: &mut Option<u32>,
) -> u32 {
    let now = doc_languages(view.iter().map(|&i| &facts[i]));
    if *langs != Some(now) {
        for &i in view {
            facts[i].family_ask = None;
            facts[i].find_family_ask(&blocks[i].norm, now);
        }
        *langs = Some(now);
    }
    now
}

/// The rules' stages, in order.
fn stages(doc: &mut Doc, rules: &RuleSet) {
    direct::apply(doc);
    markup::apply(doc, rules);
    furniture::apply(doc);
    regions::apply(doc);
    revise::apply(doc);
}

impl<'a, 'r> Doc<'a, 'r> {
    /// The blocks at `view`, nothing decided yet.
    fn over(
        blocks: &'a [Block],
        facts: &'a [Facts<'r>],
        view: &[usize],
        langs: u32,
    ) -> Doc<'a, 'r> {
        let facts: Vec<&Facts> = view.iter().map(|&i| &facts[i]).collect();
        let protected = facts.iter().map(|f| f.keep.is_some()).collect();
        Doc {
            blocks: view.iter().map(|&i| &blocks[i]).collect(),
            facts,
            decided: vec![None; view.len()],
            protected,
            langs,
        }
    }
}

/// What the scorer is fitted to: every block's features as the scorer
/// sees them in the first round (after the rules), and the rules'
/// decisions.
#[cfg(feature = "train")]
pub fn samples(blocks: &[Block], rules: &RuleSet) -> (Vec<f32>, Vec<Option<Reason>>, Vec<bool>) {
    let mut facts: Vec<Facts> = blocks.iter().map(|b| facts::facts(b, rules)).collect();
    let view: Vec<usize> = (0..blocks.len()).collect();
    let langs = read_languages(blocks, &mut facts, &view, &mut None);
    let mut doc = Doc::over(blocks, &facts, &view, langs);
    stages(&mut doc, rules);
    let rows = score::features::rows(&doc, rules);
    (rows, doc.decided, doc.protected)
}
