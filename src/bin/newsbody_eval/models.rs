//! Which cleaner scores which corpus: the built-in scorer by default, none
//! with `--no-scorer`, and with `--model-dir DIR` for a wceb or residue
//! dataset the scorer held out from it (`DIR/without-<dataset>.txt`, as
//! `newsbody-train --held-out DIR` writes them), so that the figures are
//! out of sample.

use crate::corpus::{Corpus, Plan};
use anyhow::{Context, Result};
use newsbody::{Cleaner, InputKind, Options, Scorer};
use std::collections::HashMap;
use std::path::Path;

/// The two cleaners of one scorer: `.html` inputs are cleaned as HTML,
/// `.txt` as text.
pub struct Cleaners {
    pub html: Cleaner,
    pub text: Cleaner,
}

impl Cleaners {
    fn new(scorer: Scorer) -> Result<Cleaners> {
        let cleaner = |input| {
            Cleaner::new(Options {
                input,
                scorer: scorer.clone(),
                ..Options::default()
            })
        };
        Ok(Cleaners {
            html: cleaner(InputKind::Html)?,
            text: cleaner(InputKind::Text)?,
        })
    }
}

/// The cleaners of a run.
pub struct Models {
    default: Cleaners,
    /// By dataset name.
    held_out: HashMap<String, Cleaners>,
}

impl Models {
    /// Reads the held-out weights the plan's datasets need.
    pub fn new(plan: &Plan, model_dir: Option<&Path>, no_scorer: bool) -> Result<Models> {
        let default = Cleaners::new(if no_scorer { Scorer::Off } else { Scorer::BuiltIn })?;
        let mut held_out = HashMap::new();
        if let Some(dir) = model_dir {
            for d in plan.corpora.iter().filter_map(|c| c.dataset.as_deref()) {
                if held_out.contains_key(d) {
                    continue;
                }
                let path = dir.join(format!("without-{d}.txt"));
                let weights = std::fs::read_to_string(&path)
                    .with_context(|| format!("{}: held-out weights", path.display()))?;
                let cleaners = Cleaners::new(Scorer::Weights(weights))
                    .with_context(|| format!("{}", path.display()))?;
                held_out.insert(d.to_string(), cleaners);
            }
        }
        Ok(Models { default, held_out })
    }

    /// The cleaners for a corpus.
    pub fn get(&self, corpus: &Corpus) -> &Cleaners {
        (corpus.dataset.as_ref())
            .and_then(|d| self.held_out.get(d))
            .unwrap_or(&self.default)
    }
}
