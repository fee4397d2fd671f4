//! Which documents a run reads, and where each one's output goes.
//!
//! Expanding the command line never stops at a bad input: a missing path or
//! an unlistable folder becomes a failure of that input (exit 1), and the
//! others go on. Choosing output paths, on the other hand, refuses the whole
//! run before anything is written (exit 2) when two inputs would share an
//! output, when an output would land on an input, when the output folder
//! lies inside a folder being walked, or when a name would leave the folder.

use anyhow::{Context, Error, Result, anyhow, bail};
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

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
    /// The name used in messages and headers.
    pub fn display(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string())
    }
}

/// The command line's inputs, expanded.
#[derive(Debug, Default)]
pub struct Expanded {
    /// The documents to clean, in a stable order.
    pub jobs: Vec<Job>,
    /// Inputs that could not be used at all, each naming its path.
    pub failures: Vec<Error>,
    /// The folders that were walked.
    pub folders: Vec<PathBuf>,
    /// The walked folders that held no document.
    pub empty_folders: Vec<PathBuf>,
}

/// Expands the command line's inputs into jobs, in a stable order: files as
/// given, folders walked recursively for `.html`, `.htm` and `.txt` files,
/// sorted by path. Symbolic links inside folders are followed only with
/// `follow`.
pub fn expand(inputs: &[PathBuf], follow: bool) -> Expanded {
    let mut out = Expanded::default();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.jobs.push(Job {
                path: None,
                relative: PathBuf::from("stdin"),
            });
            continue;
        }
        match std::fs::metadata(input) {
            Err(e) => out
                .failures
                .push(anyhow!(e).context(format!("{}: cannot read", input.display()))),
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                walk(input, follow, &mut found, &mut out.failures);
                found.sort();
                if found.is_empty() {
                    out.empty_folders.push(input.clone());
                }
                for f in found {
                    let rel = f.strip_prefix(input).unwrap_or(&f).with_extension("");
                    out.jobs.push(Job {
                        path: Some(f),
                        relative: rel,
                    });
                }
                out.folders.push(input.clone());
            }
            Ok(_) => out.jobs.push(Job {
                path: Some(input.clone()),
                relative: input
                    .file_stem()
                    .map_or_else(|| PathBuf::from("output"), PathBuf::from),
            }),
        }
    }
    out
}

/// Walks `dir` iteratively. Without `follow`, symbolic links are skipped;
/// with it, they are followed and each real folder is visited once, so a
/// link loop ends. A folder that cannot be listed is a failure; the walk
/// goes on with the rest.
fn walk(dir: &Path, follow: bool, out: &mut Vec<PathBuf>, failures: &mut Vec<Error>) {
    let mut seen = HashSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        if follow && !seen.insert(d.canonicalize().unwrap_or_else(|_| d.clone())) {
            continue;
        }
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                failures.push(anyhow!(e).context(format!("{}: cannot list folder", d.display())));
                continue;
            }
        };
        for entry in entries {
            match entry_kind(entry, follow) {
                Ok(Some((p, true))) => stack.push(p),
                Ok(Some((p, false))) if has_wanted_extension(&p) => out.push(p),
                Ok(_) => {}
                Err(e) => failures.push(e.context(format!("{}: cannot list folder", d.display()))),
            }
        }
    }
}

/// A folder entry as `(path, is_folder)`, or `None` when it is neither a
/// regular file nor a folder (or a link, when links are not followed).
fn entry_kind(
    entry: std::io::Result<std::fs::DirEntry>,
    follow: bool,
) -> Result<Option<(PathBuf, bool)>> {
    let entry = entry?;
    let path = entry.path();
    let ft = entry.file_type()?;
    let ft = if ft.is_symlink() && follow {
        match std::fs::metadata(&path) {
            Ok(m) => m.file_type(),
            Err(_) => return Ok(None), // a dangling link is not a document
        }
    } else {
        ft
    };
    Ok(if ft.is_dir() {
        Some((path, true))
    } else if ft.is_file() {
        Some((path, false))
    } else {
        None
    })
}

fn has_wanted_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
}

/// The output path of every job under `dir`, refusing collisions, outputs
/// that would land on an input, an output folder inside a walked folder,
/// and names that would leave the output folder.
pub fn output_paths(exp: &Expanded, dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let root = resolve(dir).with_context(|| format!("{}: cannot resolve", dir.display()))?;
    for folder in &exp.folders {
        let f = resolve(folder)?;
        if root.starts_with(&f) {
            bail!(
                "output folder {} lies inside input folder {}: outputs would be mixed with \
                 inputs and read again by the next run; choose a folder outside it",
                dir.display(),
                folder.display()
            );
        }
    }
    let outs = exp
        .jobs
        .iter()
        .map(|job| output_path(job, dir, &root, ext))
        .collect::<Result<Vec<_>>>()?;
    refuse_collisions(&exp.jobs, &outs)?;
    refuse_overwrites(&exp.jobs, &outs)?;
    Ok(outs.into_iter().map(|(out, _)| out).collect())
}

/// One job's output path, as written and as resolved; refuses a relative
/// name with `..`, a root or a prefix, and an output that resolves outside
/// the folder (through a link inside it).
fn output_path(job: &Job, dir: &Path, root: &Path, ext: &str) -> Result<(PathBuf, PathBuf)> {
    if !job
        .relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        bail!(
            "{}: output name would leave the output folder",
            job.display()
        );
    }
    let mut rel = job.relative.clone().into_os_string();
    rel.push(".");
    rel.push(ext);
    let out = dir.join(rel);
    let resolved = resolve(&out).with_context(|| format!("{}: cannot resolve", out.display()))?;
    if !resolved.starts_with(root) {
        bail!(
            "{}: output {} would leave the output folder (through a symbolic link)",
            job.display(),
            out.display()
        );
    }
    Ok((out, resolved))
}

fn refuse_collisions(jobs: &[Job], outs: &[(PathBuf, PathBuf)]) -> Result<()> {
    let mut seen: HashMap<&Path, &Job> = HashMap::new();
    for (job, (out, resolved)) in jobs.iter().zip(outs) {
        if let Some(other) = seen.insert(resolved, job) {
            bail!(
                "{} and {} would both be written to {}; nothing was written",
                other.display(),
                job.display(),
                out.display()
            );
        }
    }
    Ok(())
}

fn refuse_overwrites(jobs: &[Job], outs: &[(PathBuf, PathBuf)]) -> Result<()> {
    let mut inputs = HashMap::new();
    for job in jobs {
        if let Some(p) = &job.path {
            inputs.insert(resolve(p)?, p);
        }
    }
    for (out, resolved) in outs {
        if let Some(input) = inputs.get(resolved) {
            bail!(
                "{}: output {} would overwrite this input; choose another output folder",
                input.display(),
                out.display()
            );
        }
    }
    Ok(())
}

/// An absolute path with every existing part's links resolved and the rest
/// (which does not exist yet) normalised lexically, so that paths which do
/// not exist yet can be compared with ones that do.
fn resolve(path: &Path) -> Result<PathBuf> {
    let abs = std::env::current_dir()?.join(path);
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    let base = loop {
        match existing.canonicalize() {
            Ok(c) => break c,
            Err(_) => match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    existing = parent;
                }
                // `..` or `.` at the end of a missing path: normalise below.
                _ => break normalise(existing),
            },
        }
    };
    let mut out = base;
    for part in rest.into_iter().rev() {
        out.push(part);
    }
    Ok(normalise(&out))
}

/// Removes `.` and resolves `..` lexically.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
