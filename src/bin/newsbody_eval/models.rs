//! Which cleaner scores which corpus: the built-in scorer by default, none
//! with `--no-scorer`, and with `--model-dir DIR` for a wceb or residue
//! dataset the scorer held out from it (`DIR/without-<dataset>.txt`, as
//! `newsbody-train --held-out DIR` writes them), so that the figures are
//! out of sample. An extractor's texts of a dataset take the model held
//! out from both, `DIR/without-<dataset>+<peer>.txt`, when the folder has
//! it (`newsbody-train --peer-folds`).

use crate::corpus::{Corpus, Plan};
use anyhow::{Context, Result};
use newsbody::{Cleaner, InputKind, Options, Scorer};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

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
    /// By weights file name (without `.txt`).
    held_out: HashMap<String, Cleaners>,
    dir: Option<PathBuf>,
}

impl Models {
    /// Reads the held-out weights the plan's datasets need.
    pub fn new(plan: &Plan, model_dir: Option<&Path>, no_scorer: bool) -> Result<Models> {
        let default = Cleaners::new(if no_scorer {
            Scorer::Off
        } else {
            Scorer::BuiltIn
        })?;
        let mut held_out = HashMap::new();
        if let Some(dir) = model_dir {
            for c in &plan.corpora {
                let Some(name) = held_out_name(dir, c) else {
                    continue;
                };
                if held_out.contains_key(&name) {
                    continue;
                }
                let path = dir.join(format!("{name}.txt"));
                let weights = std::fs::read_to_string(&path)
                    .with_context(|| format!("{}: held-out weights", path.display()))?;
                let cleaners = Cleaners::new(Scorer::Weights(weights))
                    .with_context(|| format!("{}", path.display()))?;
                held_out.insert(name, cleaners);
            }
        }
        Ok(Models {
            default,
            held_out,
            dir: model_dir.map(Path::to_path_buf),
        })
    }

    /// The cleaners for a corpus.
    pub fn get(&self, corpus: &Corpus) -> &Cleaners {
        (self.dir.as_deref())
            .and_then(|dir| held_out_name(dir, corpus))
            .and_then(|name| self.held_out.get(&name))
            .unwrap_or(&self.default)
    }
}

/// The held-out model of a corpus: `without-<dataset>+<peer>` when `dir`
/// has it, else `without-<dataset>`; `None` for corpora of no dataset.
fn held_out_name(dir: &Path, corpus: &Corpus) -> Option<String> {
    let dataset = corpus.dataset.as_deref()?;
    if let Some(peer) = &corpus.peer {
        let name = format!("without-{dataset}+{peer}");
        if dir.join(format!("{name}.txt")).is_file() {
            return Some(name);
        }
    }
    Some(format!("without-{dataset}"))
}
