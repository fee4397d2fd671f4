//! Which documents a run reads, and where each one's output goes.

use anyhow::{Context, Result, bail};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Extensions of the files taken from a folder.
const EXTENSIONS: &[&str] = &["html", "htm", "txt"];

/// One document to clean.
#[derive(Debug, Clone)]
pub struct Job {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// Path of the output relative to the output folder, without extension.
    pub relative: PathBuf,
}

impl Job {
    pub fn display(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string())
    }
}

/// Expands the command line's inputs into jobs, in a stable order.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<Job>> {
    let mut jobs = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            jobs.push(Job {
                path: None,
                relative: PathBuf::from("stdin"),
            });
            continue;
        }
        let meta = std::fs::metadata(input)
            .with_context(|| format!("{}: cannot read", input.display()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found)?;
            found.sort();
            for f in found {
                let rel = f.strip_prefix(input).unwrap_or(&f).with_extension("");
                jobs.push(Job {
                    path: Some(f),
                    relative: rel,
                });
            }
        } else {
            let name = input
                .file_stem()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("output"));
            jobs.push(Job {
                path: Some(input.clone()),
                relative: name,
            });
        }
    }
    Ok(jobs)
}

/// Walks `dir` without following symbolic links, iteratively.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d)
            .with_context(|| format!("{}: cannot list folder", d.display()))?;
        for e in entries {
            let e = e.with_context(|| format!("{}: cannot list folder", d.display()))?;
            let ft = e.file_type()?;
            let p = e.path();
            if ft.is_dir() {
                stack.push(p);
            } else if ft.is_file()
                && p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
            {
                out.push(p);
            }
        }
    }
    Ok(())
}

/// The output path of every job under `dir`, refusing collisions and
/// outputs that would write over an input.
pub fn output_paths(jobs: &[Job], dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let mut seen: HashMap<PathBuf, &Job> = HashMap::new();
    let mut outs = Vec::with_capacity(jobs.len());
    for job in jobs {
        let mut rel = job.relative.clone().into_os_string();
        rel.push(".");
        rel.push(ext);
        let out = dir.join(rel);
        if let Some(other) = seen.insert(out.clone(), job) {
            bail!(
                "{} and {} would both be written to {}",
                other.display(),
                job.display(),
                out.display()
            );
        }
        outs.push(out);
    }
    for (job, out) in jobs.iter().zip(&outs) {
        if let Some(p) = &job.path
            && same_file(p, out)
        {
            bail!("{}: output would overwrite this input", p.display());
        }
    }
    Ok(outs)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
