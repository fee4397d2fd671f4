//! Stage 4: the learned block scorer. It decides the blocks no rule
//! decided: boosted trees (`forest`) over each block's features
//! (`features`: its shape, the rules' hits, its place in the document and
//! its neighbours, its markup on pages) give the log-odds that the block
//! is boilerplate, and a block above the model's threshold goes. The
//! threshold is set for the body's sake: losing a body line costs more
//! than keeping a stray one.
//!
//! A removal carries the rule id `model.<kind>` and, as evidence, the
//! probability and the features that weighed most towards it. The kind
//! is what the block's own rule hits name, else the kind of the removed
//! block beside it, else navigation (most of what the rules miss is page
//! furniture).

pub mod features;
pub mod forest;
pub mod format;
mod shape;

use super::Doc;
use crate::model::Kind;
use crate::model::Reason;
use crate::rules::RuleSet;
use forest::Forest;

/// Features named in a removal's evidence, at most.
const EVIDENCE_FEATURES: usize = 3;

/// Scores the undecided blocks of `doc` and removes those above the
/// threshold; returns how many went.
pub fn apply(doc: &mut Doc, rules: &RuleSet, forest: &Forest) -> usize {
    if (0..doc.len()).all(|i| doc.removed(i) || doc.protected[i]) {
        return 0;
    }
    let rows = features::rows(doc, rules);
    let mut removals = Vec::new();
    for (i, x) in rows.chunks_exact(features::COUNT).enumerate() {
        if doc.removed(i) || doc.protected[i] {
            continue;
        }
        let z = forest.log_odds(x);
        if forest.removes(z) {
            removals.push((i, why(doc, i, forest, x, z)));
        }
    }
    let n = removals.len();
    if takes_the_body(doc, &removals) {
        return 0;
    }
    // Decided after scoring all: a removal here must not change the
    // features of the blocks scored after it.
    for (i, why) in removals {
        doc.remove(i, why);
    }
    n
}

/// Whether the removals would leave no long sentence: then the document
/// is not the kind the scorer knows (a table, a list, code), and it
/// stands back rather than take what may be the body.
fn takes_the_body(doc: &Doc, removals: &[(usize, Reason)]) -> bool {
    let mut gone = removals.iter().map(|&(i, _)| i).peekable();
    let mut left = false;
    for i in 0..doc.len() {
        if gone.peek() == Some(&i) {
            gone.next();
            continue;
        }
        let f = &doc.facts[i];
        if !doc.removed(i) && f.terminal && f.chars >= features::CORE_CHARS as usize {
            left = true;
            break;
        }
    }
    !left && !removals.is_empty()
}

fn why(doc: &Doc, i: usize, forest: &Forest, x: &[f32], z: f32) -> Reason {
    let kind = kind(doc, i);
    let top: Vec<String> = (forest.contributions(x).into_iter())
        .filter(|&(_, c)| c > 0.0)
        .take(EVIDENCE_FEATURES)
        .map(|(f, c)| format!("{} (+{c:.2})", features::shown(f, x[f])))
        .collect();
    Reason::new(
        kind,
        format!("model.{kind}"),
        format!(
            "p={:.2} > {:.2}; {}",
            forest::probability(z),
            forest.threshold,
            top.join(", ")
        ),
    )
}

/// The kind of a block the scorer removes (see the module documentation).
fn kind(doc: &Doc, i: usize) -> Kind {
    let f = &doc.facts[i];
    let own = [&f.drop, &f.open, &f.close]
        .into_iter()
        .find_map(|h| h.as_ref().and_then(|h| h.rule.kind))
        .or_else(|| f.within.first().copied());
    let beside = [i.checked_sub(1), Some(i + 1)]
        .into_iter()
        .flatten()
        .filter_map(|k| doc.decided.get(k)?.as_ref())
        .map(|r| r.kind)
        .find(|k| !matches!(k, Kind::Heading | Kind::Outside));
    own.or(beside).unwrap_or(Kind::Navigation)
}

#[cfg(test)]
mod tests {
    use super::forest::tests::stump;
    use super::*;
    use crate::classify::classify;
    use crate::text;

    fn feature(name: &str) -> usize {
        features::NAMES.iter().position(|n| *n == name).unwrap()
    }

    fn decide(text: &str, forest: &Forest) -> Vec<Option<Reason>> {
        let rules = RuleSet::load(&[]).unwrap();
        classify(&text::segment(text), &rules, Some(forest))
    }

    #[test]
    fn removes_above_the_threshold_with_its_reasons() {
        let forest = Forest::parse(&stump(feature("list_marker"), 0.5, 0.8)).unwrap();
        let text = "The council approved the budget on Tuesday after a long debate about the schools, the roads and the harbour.\n\
                    - Ferry service resumes on the northern route\n\
                    It takes effect in March, officials said after the vote on the new budget for the coming year and the next.\n";
        let d = decide(text, &forest);
        assert!(d[0].is_none() && d[2].is_none(), "{d:?}");
        let r = d[1].as_ref().expect("the list line goes");
        assert_eq!(r.rule, "model.navigation");
        assert_eq!(r.kind, Kind::Navigation);
        assert_eq!(r.evidence, "p=0.82 > 0.80; list_marker=1 (+1.75)");
    }

    #[test]
    fn never_takes_every_long_sentence() {
        let forest = Forest::parse(&stump(feature("terminal"), 0.5, 0.8)).unwrap();
        let text = "The council approved the budget on Tuesday after a long debate about the schools, the roads and the harbour.\n\
                    It takes effect in March, officials said after the vote on the new budget for the coming year and the next.\n";
        assert!(decide(text, &forest).iter().all(Option::is_none));
    }
}
