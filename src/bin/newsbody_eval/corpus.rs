//! Finds the documents of each corpus folder in either layout: appeals
//! (`<case>/input.html|input.txt`, `expected.txt`, `meta.json`) or WCEB
//! (`<dataset>/html/<id>.html`, `<dataset>/truth/<id>.txt`), and a folder
//! of WCEB datasets, which also yields a pooled corpus; the residue
//! corpus (other extractors' texts) is read by `residue`, snippet corpora
//! (trafilatura's benchmark) by `snippets`.

use anyhow::{Context, Result, bail};
use std::fs;
use std::path::{Path, PathBuf};

/// Which layout a corpus has; appeal corpora also get line scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Appeals,
    Wceb,
    /// Texts to clean whose input is also scored as given.
    Residue,
    /// trafilatura's benchmark: snippets each page must and must not hold.
    Snippets,
}

/// One document with its ground truth.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Case folder name (appeals) or file stem (WCEB).
    pub id: String,
    pub input: PathBuf,
    pub truth: PathBuf,
    /// The input is a saved page (`.html`), not plain text.
    pub html: bool,
    /// meta.json says `negative: true`: the whole body must stay.
    pub negative: bool,
    /// Snippet corpora: what the body must and must not contain.
    pub snippets: Option<crate::snippets::Expect>,
}

/// One corpus folder.
#[derive(Debug)]
pub struct Corpus {
    pub name: String,
    pub layout: Layout,
    /// The wceb dataset the documents come from (wceb and residue), which
    /// picks the model held out from it (`--model-dir`).
    pub dataset: Option<String>,
    /// The extractor whose texts a residue corpus holds, which picks the
    /// model held out from it as well when there is one.
    pub peer: Option<String>,
    pub docs: Vec<Doc>,
}

/// A corpus made of several others, scored as one.
#[derive(Debug)]
pub struct Pool {
    pub name: String,
    /// Indices into [`Plan::corpora`].
    pub members: Vec<usize>,
}

/// Everything to evaluate.
#[derive(Debug, Default)]
pub struct Plan {
    pub corpora: Vec<Corpus>,
    pub pools: Vec<Pool>,
    /// Documents skipped, with the reason.
    pub warnings: Vec<String>,
}

/// Reads the corpus folders named on the command line.
pub fn discover(paths: &[PathBuf]) -> Result<Plan> {
    let mut plan = Plan::default();
    for path in paths {
        let name = folder_name(path);
        if crate::snippets::is_corpus(path) {
            let c = crate::snippets::corpus(path, name, &mut plan.warnings)?;
            plan.corpora.push(c);
        } else if is_wceb_dataset(path) {
            let c = wceb_dataset(path, name, &mut plan.warnings)?;
            plan.corpora.push(c);
        } else if let Some(datasets) = wceb_datasets(path)? {
            let first = plan.corpora.len();
            for d in &datasets {
                let c = wceb_dataset(d, folder_name(d), &mut plan.warnings)?;
                plan.corpora.push(c);
            }
            let members = (first..plan.corpora.len()).collect();
            let name = format!("{name}-pooled");
            plan.pools.push(Pool { name, members });
        } else if crate::residue::is_residue(path) {
            crate::residue::discover(path, &mut plan)?;
        } else {
            let c = appeals(path, name, &mut plan.warnings)?;
            plan.corpora.push(c);
        }
    }
    Ok(plan)
}

pub fn folder_name(path: &Path) -> String {
    let abs = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    abs.file_name().map_or_else(
        || abs.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn is_wceb_dataset(path: &Path) -> bool {
    path.join("html").is_dir() && path.join("truth").is_dir()
}

/// The WCEB datasets inside `path`, or `None` when it holds none.
fn wceb_datasets(path: &Path) -> Result<Option<Vec<PathBuf>>> {
    let found: Vec<_> = subfolders(path)?
        .into_iter()
        .filter(|d| is_wceb_dataset(d))
        .collect();
    Ok((!found.is_empty()).then_some(found))
}

/// Sorted subfolders of `path`.
pub fn subfolders(path: &Path) -> Result<Vec<PathBuf>> {
    let entries =
        fs::read_dir(path).with_context(|| format!("{}: cannot read folder", path.display()))?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    Ok(dirs)
}

fn wceb_dataset(path: &Path, name: String, warnings: &mut Vec<String>) -> Result<Corpus> {
    let truth = path.join("truth");
    let docs = paired_docs(
        &path.join("html"),
        &["html", "htm"],
        &truth,
        &name,
        true,
        warnings,
    )?;
    Ok(Corpus {
        dataset: Some(name.clone()),
        peer: None,
        name,
        layout: Layout::Wceb,
        docs,
    })
}

/// The inputs in `inputs` with one of `extensions`, sorted, each paired
/// with `<truth>/<stem>.txt`; an input without one is left out with a
/// warning naming `<corpus>/<id>`.
pub fn paired_docs(
    inputs: &Path,
    extensions: &[&str],
    truth: &Path,
    corpus: &str,
    html: bool,
    warnings: &mut Vec<String>,
) -> Result<Vec<Doc>> {
    let entries = fs::read_dir(inputs)
        .with_context(|| format!("{}: cannot read folder", inputs.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|x| extensions.iter().any(|e| x == *e))
        })
        .collect();
    files.sort();
    let mut docs = Vec::with_capacity(files.len());
    for input in files {
        let id = input
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let truth = truth.join(format!("{id}.txt"));
        if !truth.is_file() {
            warnings.push(format!("{corpus}/{id}: no truth file, skipped"));
            continue;
        }
        docs.push(Doc {
            id,
            input,
            truth,
            html,
            negative: false,
            snippets: None,
        });
    }
    Ok(docs)
}

fn appeals(path: &Path, name: String, warnings: &mut Vec<String>) -> Result<Corpus> {
    let mut docs = Vec::new();
    for case in subfolders(path)? {
        let id = folder_name(&case);
        match appeal_case(&case, id.clone()) {
            Ok(doc) => docs.push(doc),
            Err(why) => warnings.push(format!("{name}/{id}: {why}, skipped")),
        }
    }
    if docs.is_empty() {
        bail!(
            "{}: not a corpus folder (no WCEB dataset, no appeals case)",
            path.display()
        );
    }
    Ok(Corpus {
        name,
        layout: Layout::Appeals,
        dataset: None,
        peer: None,
        docs,
    })
}

fn appeal_case(case: &Path, id: String) -> Result<Doc, String> {
    let (input, html) = if case.join("input.html").is_file() {
        (case.join("input.html"), true)
    } else if case.join("input.txt").is_file() {
        (case.join("input.txt"), false)
    } else {
        return Err("no input.html or input.txt".into());
    };
    let truth = case.join("expected.txt");
    if !truth.is_file() {
        return Err("no expected.txt".into());
    }
    let negative = is_negative(&case.join("meta.json"));
    Ok(Doc {
        id,
        input,
        truth,
        html,
        negative,
        snippets: None,
    })
}

/// `negative` from meta.json; false when the file is absent or odd.
fn is_negative(meta: &Path) -> bool {
    fs::read(meta)
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|v| v.get("negative").and_then(|n| n.as_bool()))
        .unwrap_or(false)
}
