//! Reads the residue corpus: other extractors' text outputs for the wceb
//! pages, to be cleaned as text (`residue/<peer>/<dataset>/text/<id>.txt`,
//! with `residue/<peer>/<dataset>/truth` pointing at the wceb dataset's
//! truth folder).
//!
//! A path may be the residue root (every peer, each pooled over its
//! datasets: `<peer>-pooled`), one peer's folder (pooled the same way) or
//! one dataset of a peer. Each dataset is a corpus named `<peer>/<dataset>`.
//! Only the ids that have a text are scored: the truth folder holds every
//! page of the dataset, and an empty output was left out of the corpus.

use crate::corpus::{Corpus, Layout, Plan, Pool, paired_docs, subfolders};
use anyhow::{Context, Result, bail};
use std::fs;
use std::path::{Path, PathBuf};

/// Whether `path` is a residue root, a peer folder or a peer's dataset.
pub fn is_residue(path: &Path) -> bool {
    is_dataset(path) || !peers(path).is_empty() || !datasets(path).is_empty()
}

/// Adds the corpora (and per-peer pools) under `path` to the plan.
pub fn discover(path: &Path, plan: &mut Plan) -> Result<()> {
    if is_dataset(path) {
        let peer = parent_name(path);
        let c = dataset(path, &peer, &mut plan.warnings)?;
        plan.corpora.push(c);
        return Ok(());
    }
    let peers = match peers(path) {
        p if p.is_empty() => vec![path.to_path_buf()],
        p => p,
    };
    for peer in peers {
        let peer_name = name(&peer);
        let first = plan.corpora.len();
        for d in datasets(&peer) {
            let c = dataset(&d, &peer_name, &mut plan.warnings)?;
            plan.corpora.push(c);
        }
        let members: Vec<usize> = (first..plan.corpora.len()).collect();
        if members.is_empty() {
            bail!("{}: no residue dataset", peer.display());
        }
        let name = format!("{peer_name}-pooled");
        plan.pools.push(Pool { name, members });
    }
    Ok(())
}

/// A peer's dataset folder: `text/` and a `truth` folder or link file.
fn is_dataset(path: &Path) -> bool {
    path.join("text").is_dir() && path.join("truth").exists() && !path.join("html").exists()
}

/// The dataset folders of a peer, sorted.
fn datasets(peer: &Path) -> Vec<PathBuf> {
    subfolders(peer)
        .unwrap_or_default()
        .into_iter()
        .filter(|d| is_dataset(d))
        .collect()
}

/// The peer folders of a residue root, sorted.
fn peers(root: &Path) -> Vec<PathBuf> {
    subfolders(root)
        .unwrap_or_default()
        .into_iter()
        .filter(|p| !datasets(p).is_empty())
        .collect()
}

fn name(path: &Path) -> String {
    let abs = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    abs.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

fn parent_name(path: &Path) -> String {
    let abs = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    abs.parent().map_or_else(String::new, name)
}

/// The truth folder: `truth` itself when it is a folder (or a symbolic
/// link to one), else a file holding the folder's path relative to the
/// dataset (how a link reads where links were not kept).
fn truth_dir(dataset: &Path) -> Result<PathBuf> {
    let truth = dataset.join("truth");
    if truth.is_dir() {
        return Ok(truth);
    }
    let target = fs::read_to_string(&truth)
        .with_context(|| format!("{}: cannot read the truth link", truth.display()))?;
    let dir = dataset.join(target.trim());
    if !dir.is_dir() {
        bail!(
            "{}: names {}, which is not a folder",
            truth.display(),
            dir.display()
        );
    }
    Ok(dir)
}

fn dataset(path: &Path, peer: &str, warnings: &mut Vec<String>) -> Result<Corpus> {
    let dataset = name(path);
    let corpus = format!("{peer}/{dataset}");
    let truth = truth_dir(path)?;
    let docs = paired_docs(
        &path.join("text"),
        &["txt"],
        &truth,
        &corpus,
        false,
        warnings,
    )?;
    Ok(Corpus {
        name: corpus,
        layout: Layout::Residue,
        dataset: Some(dataset),
        peer: Some(peer.to_string()),
        docs,
    })
}
