//! Sums document results up into the report: one section per corpus (and
//! per format split of an appeals corpus, and per pool), the worst
//! documents, the per-case lines and throughput. Each section exposes its
//! figures by name for the floors.

use crate::corpus::{Layout, Plan};
use crate::run::{Outcome, Run};
use newsbody::eval::lines::{Boilerplate, LineScore};
use newsbody::eval::metric::{self, CorpusScore};
use serde::Serialize;

/// Everything printed.
#[derive(Debug, Serialize)]
pub struct Report {
    pub sections: Vec<Section>,
    pub worst: Vec<DocLine>,
    pub cases: Vec<CaseLine>,
    pub throughput: Vec<Throughput>,
    pub total: Throughput,
    pub threads: usize,
    pub warnings: Vec<String>,
}

/// One summary line.
#[derive(Debug, Serialize)]
pub struct Section {
    pub name: String,
    /// A format split of an appeals corpus (`.html`, `.text`, `.all`).
    pub split: bool,
    pub tokens: CorpusScore,
    pub lines: Option<LineSummary>,
    /// Snippet corpora: their figures replace the token figures.
    pub snippets: Option<crate::snippets::Summary>,
}

/// Line scores of an appeals corpus or split, macro-averaged over cases.
#[derive(Debug, Serialize)]
pub struct LineSummary {
    pub cases: usize,
    pub precision: f64,
    pub recall: f64,
    /// Cases whose output lines equal the expected lines, in order.
    pub exact: usize,
    /// Mean share of boilerplate lines removed, over plain-text cases that
    /// have boilerplate; `None` when there are none.
    pub boilerplate_removed: Option<f64>,
    /// Boilerplate lines removed and present, summed over those cases.
    pub boilerplate_lines: (usize, usize),
    pub negatives: usize,
    /// Negative cases whose every expected line was kept.
    pub negatives_kept: usize,
    pub negatives_lost: Vec<String>,
}

/// A document in the worst list.
#[derive(Debug, Serialize)]
pub struct DocLine {
    pub corpus: String,
    pub id: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// One appeals case, for `--per-case`.
#[derive(Debug, Serialize)]
pub struct CaseLine {
    pub corpus: String,
    pub id: String,
    pub format: &'static str,
    pub negative: bool,
    pub lines: LineScore,
    pub boilerplate: Option<Boilerplate>,
    pub f1: f64,
}

/// Speed over a set of documents. MB are 10^6 bytes.
#[derive(Debug, Serialize)]
pub struct Throughput {
    pub name: String,
    pub docs: usize,
    pub megabytes: f64,
    /// Sum of the time spent in `Cleaner::clean`, over all threads.
    pub clean_secs: f64,
    /// Per thread: documents / `clean_secs`.
    pub clean_docs_per_sec: f64,
    pub clean_mb_per_sec: f64,
    /// Whole run (reading, cleaning, scoring) on all threads; total only.
    pub wall_secs: Option<f64>,
    pub wall_docs_per_sec: Option<f64>,
    pub wall_mb_per_sec: Option<f64>,
}

impl Section {
    /// The section's figures by the names floors use.
    pub fn figures(&self) -> Vec<(&'static str, f64)> {
        if let Some(s) = &self.snippets {
            return s.figures();
        }
        let t = &self.tokens;
        let mut f = vec![
            ("f1", t.f1),
            ("precision", t.precision),
            ("recall", t.recall),
            ("max_empty_predictions", t.empty_predictions as f64),
        ];
        if let Some(l) = &self.lines {
            f.push(("line_precision", l.precision));
            f.push(("line_recall", l.recall));
            f.push(("exact", l.exact as f64));
            f.push(("negatives_kept", l.negatives_kept as f64));
            if let Some(b) = l.boilerplate_removed {
                f.push(("boilerplate_removed", b));
            }
        }
        f
    }
}

/// Builds the report from the plan and the run.
pub fn summarize(plan: &Plan, run: &Run, worst: usize) -> Report {
    let mut by_corpus: Vec<Vec<&Outcome>> = plan.corpora.iter().map(|_| Vec::new()).collect();
    for o in &run.outcomes {
        by_corpus[o.corpus].push(o);
    }
    let mut sections = Vec::new();
    for (i, (c, outs)) in plan.corpora.iter().zip(&by_corpus).enumerate() {
        let mut section = token_section(c.name.clone(), outs);
        if c.layout == Layout::Snippets {
            let pages = outs.iter().filter_map(|o| {
                let count = o.snippets.as_ref()?;
                Some((c.docs[o.doc].id.as_str(), count))
            });
            section.snippets = Some(crate::snippets::summarize(pages));
        }
        sections.push(section);
        if c.layout == Layout::Appeals {
            sections.extend(appeal_splits(plan, &c.name, outs));
        }
        sections.extend(given_section(&c.name, outs));
        // A pool follows its last member.
        for pool in plan.pools.iter().filter(|p| p.members.last() == Some(&i)) {
            let outs: Vec<&Outcome> = (pool.members.iter())
                .flat_map(|&m| by_corpus[m].iter().copied())
                .collect();
            sections.push(token_section(pool.name.clone(), &outs));
            sections.extend(given_section(&pool.name, &outs));
        }
    }
    let throughput = (plan.corpora.iter().zip(&by_corpus))
        .map(|(c, outs)| speed(c.name.clone(), outs, None))
        .collect();
    let all: Vec<&Outcome> = run.outcomes.iter().collect();
    let mut warnings = plan.warnings.clone();
    warnings.extend(run.warnings.iter().cloned());
    Report {
        sections,
        worst: worst_docs(plan, &run.outcomes, worst),
        cases: cases(plan, &run.outcomes),
        throughput,
        total: speed("all".into(), &all, Some(run.wall_secs)),
        threads: run.threads,
        warnings,
    }
}

fn token_section(name: String, outs: &[&Outcome]) -> Section {
    let scores: Vec<_> = outs.iter().map(|o| o.score).collect();
    let tokens = metric::aggregate(&scores);
    Section {
        name,
        split: false,
        tokens,
        lines: None,
        snippets: None,
    }
}

/// The `.given` section of residue documents: their inputs scored as
/// given, the figures cleaning should improve on. `None` for other corpora.
fn given_section(name: &str, outs: &[&Outcome]) -> Option<Section> {
    let scores: Vec<_> = outs.iter().map(|o| o.given).collect::<Option<_>>()?;
    if scores.is_empty() {
        return None;
    }
    Some(Section {
        name: format!("{name}.given"),
        split: true,
        tokens: metric::aggregate(&scores),
        lines: None,
        snippets: None,
    })
}

/// The `.html`, `.text` and `.all` sections of an appeals corpus (a format
/// split only when it has cases).
fn appeal_splits(plan: &Plan, name: &str, outs: &[&Outcome]) -> Vec<Section> {
    let splits: [(&str, Option<bool>); 3] =
        [("html", Some(true)), ("text", Some(false)), ("all", None)];
    let mut sections = Vec::new();
    for (suffix, html) in splits {
        let part: Vec<&Outcome> = (outs.iter().copied())
            .filter(|o| html.is_none_or(|h| plan.corpora[o.corpus].docs[o.doc].html == h))
            .collect();
        if part.is_empty() && html.is_some() {
            continue;
        }
        let mut s = token_section(format!("{name}.{suffix}"), &part);
        s.split = true;
        s.lines = Some(line_summary(plan, &part));
        sections.push(s);
    }
    sections
}

fn line_summary(plan: &Plan, outs: &[&Outcome]) -> LineSummary {
    let scores: Vec<LineScore> = outs.iter().filter_map(|o| o.lines).collect();
    let bps: Vec<Boilerplate> = outs.iter().filter_map(|o| o.boilerplate).collect();
    let shares: Vec<f64> = bps.iter().filter_map(Boilerplate::share).collect();
    let negatives: Vec<_> = (outs.iter())
        .filter(|o| plan.corpora[o.corpus].docs[o.doc].negative)
        .collect();
    let lost: Vec<String> = (negatives.iter())
        .filter(|o| o.lines.is_none_or(|l| l.kept < l.expected))
        .map(|o| plan.corpora[o.corpus].docs[o.doc].id.clone())
        .collect();
    LineSummary {
        cases: scores.len(),
        precision: mean(scores.iter().map(|s| s.precision)),
        recall: mean(scores.iter().map(|s| s.recall)),
        exact: scores.iter().filter(|s| s.exact).count(),
        boilerplate_removed: (!shares.is_empty()).then(|| mean(shares.iter().copied())),
        boilerplate_lines: (
            bps.iter().map(|b| b.removed).sum(),
            bps.iter().map(|b| b.total).sum(),
        ),
        negatives: negatives.len(),
        negatives_kept: negatives.len() - lost.len(),
        negatives_lost: lost,
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// The `n` documents with the lowest F1 (ties by name).
fn worst_docs(plan: &Plan, outs: &[Outcome], n: usize) -> Vec<DocLine> {
    // Snippet corpora have no truth text to score tokens against.
    let mut lines: Vec<DocLine> = (outs.iter())
        .filter(|o| o.snippets.is_none())
        .map(|o| DocLine {
            corpus: plan.corpora[o.corpus].name.clone(),
            id: plan.corpora[o.corpus].docs[o.doc].id.clone(),
            precision: o.score.precision,
            recall: o.score.recall,
            f1: o.score.f1(),
        })
        .collect();
    lines.sort_by(|a, b| {
        a.f1.total_cmp(&b.f1)
            .then_with(|| (&a.corpus, &a.id).cmp(&(&b.corpus, &b.id)))
    });
    lines.truncate(n);
    lines
}

fn cases(plan: &Plan, outs: &[Outcome]) -> Vec<CaseLine> {
    (outs.iter())
        .filter_map(|o| {
            let doc = &plan.corpora[o.corpus].docs[o.doc];
            Some(CaseLine {
                corpus: plan.corpora[o.corpus].name.clone(),
                id: doc.id.clone(),
                format: if doc.html { "html" } else { "text" },
                negative: doc.negative,
                lines: o.lines?,
                boilerplate: o.boilerplate,
                f1: o.score.f1(),
            })
        })
        .collect()
}

fn speed(name: String, outs: &[&Outcome], wall: Option<f64>) -> Throughput {
    let docs = outs.len();
    let megabytes = outs.iter().map(|o| o.bytes).sum::<u64>() as f64 / 1e6;
    let clean_secs: f64 = outs.iter().map(|o| o.clean_secs).sum();
    let per = |x: f64, secs: f64| if secs > 0.0 { x / secs } else { 0.0 };
    Throughput {
        name,
        docs,
        megabytes,
        clean_secs,
        clean_docs_per_sec: per(docs as f64, clean_secs),
        clean_mb_per_sec: per(megabytes, clean_secs),
        wall_secs: wall,
        wall_docs_per_sec: wall.map(|w| per(docs as f64, w)),
        wall_mb_per_sec: wall.map(|w| per(megabytes, w)),
    }
}
