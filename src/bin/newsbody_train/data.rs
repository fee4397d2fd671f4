//! Gathers labelled blocks from the corpora: the residue texts (every
//! peer, every dataset) cleaned as text, the wceb pages through the HTML
//! path, and the training documents we compose (`compose`). Only the
//! blocks the scorer decides are kept: those no rule removed or
//! protected, with at least one token.
//!
//! Where wceb's truth and our spec disagree: the truth keeps captions,
//! which our spec removes. A residue line that is a caption on the same
//! page (the HTML path found it in a `figcaption` or an element named a
//! caption) is left out of training: labelled body it would teach the
//! scorer to keep captions, labelled boilerplate it would teach it to drop
//! the sentences captions resemble. On pages, the title, standfirst,
//! byline and captions are decided by the HTML rules before the scorer
//! and never reach it. In texts, a headline or byline at the top is body
//! by our spec as by the truth, and is labelled so.

use crate::label::body_shares;
use anyhow::{Context, Result};
use newsbody::train::{Sample, html_samples, text_samples};
use newsbody::{Cleaner, InputKind, Options, Scorer};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The wceb datasets, in the order datasets are numbered.
pub const DATASETS: [&str; 5] = [
    "cleaneval",
    "cleanportaleval",
    "dragnet",
    "l3s-gn1",
    "readability",
];

/// Where a document comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Residue,
    Page,
    Composed,
}

/// One document's labelled blocks.
pub struct Doc {
    pub source: Source,
    /// Index into [`DATASETS`]; `None` for composed documents.
    pub dataset: Option<usize>,
    /// The extractor whose output a residue text is (its folder under
    /// `residue/`); `None` for pages and composed documents.
    pub peer: Option<String>,
    /// Feature rows, one per kept block.
    pub x: Vec<f32>,
    /// 1 for boilerplate, 0 for body (a share between for mixed blocks).
    pub y: Vec<f32>,
    /// Tokens of each kept block.
    pub tokens: Vec<usize>,
    /// Each kept block's text (for `--predictions`).
    pub texts: Vec<String>,
    /// The document's file, for `--predictions`.
    pub name: String,
}

/// A page of a dataset, with its truth.
struct Page {
    dataset: usize,
    id: String,
    html: PathBuf,
    truth: PathBuf,
}

fn cleaner(input: InputKind) -> Result<Cleaner> {
    Ok(Cleaner::new(Options {
        input,
        scorer: Scorer::Off,
        ..Options::default()
    })?)
}

/// Reads every labelled document of the corpus folder.
pub fn corpus(root: &Path) -> Result<Vec<Doc>> {
    let pages = pages(&root.join("wceb"))?;
    let html = cleaner(InputKind::Html)?;
    let text = cleaner(InputKind::Text)?;
    let results: Vec<(Doc, HashSet<String>)> = pages
        .par_iter()
        .map(|p| page(&html, p))
        .collect::<Result<_>>()?;
    let mut captions: HashMap<(usize, &str), HashSet<String>> = HashMap::new();
    let mut docs = Vec::new();
    for (p, (doc, caps)) in pages.iter().zip(results) {
        captions.insert((p.dataset, p.id.as_str()), caps);
        docs.push(doc);
    }
    let texts = residue(&root.join("residue"))?;
    let residue_docs: Vec<Doc> = texts
        .par_iter()
        .map(|(dataset, peer, input, truth)| {
            let id = input.file_stem().unwrap_or_default().to_string_lossy();
            let caps = captions.get(&(*dataset, id.as_ref()));
            let mut doc = residue_doc(&text, *dataset, input, truth, caps)?;
            doc.peer = Some(peer.clone());
            Ok(doc)
        })
        .collect::<Result<_>>()?;
    docs.extend(residue_docs);
    Ok(docs)
}

fn pages(wceb: &Path) -> Result<Vec<Page>> {
    let mut out = Vec::new();
    for (d, name) in DATASETS.iter().enumerate() {
        let dir = wceb.join(name);
        for html in sorted(&dir.join("html"), "html")? {
            let id = html
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let truth = dir.join("truth").join(format!("{id}.txt"));
            if truth.is_file() {
                out.push(Page {
                    dataset: d,
                    id,
                    html,
                    truth,
                });
            }
        }
    }
    Ok(out)
}

/// `(dataset, peer, text, truth)` of every residue text.
fn residue(root: &Path) -> Result<Vec<(usize, String, PathBuf, PathBuf)>> {
    let wceb = root.parent().unwrap_or(root).join("wceb");
    let mut out = Vec::new();
    let mut peers: Vec<PathBuf> = fs::read_dir(root)
        .with_context(|| format!("{}", root.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    peers.sort();
    for peer in peers {
        let peer_name = peer
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        for (d, name) in DATASETS.iter().enumerate() {
            for input in sorted(&peer.join(name).join("text"), "txt")? {
                let id = input
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                let truth = wceb.join(name).join("truth").join(format!("{id}.txt"));
                if truth.is_file() {
                    out.push((d, peer_name.clone(), input, truth));
                }
            }
        }
    }
    Ok(out)
}

fn sorted(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("{}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    Ok(v)
}

fn read(path: &Path) -> Result<String> {
    let bytes = fs::read(path).with_context(|| format!("{}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A page's labelled blocks, and the captions the HTML path found on it.
fn page(cleaner: &Cleaner, p: &Page) -> Result<(Doc, HashSet<String>)> {
    let bytes = fs::read(&p.html).with_context(|| format!("{}", p.html.display()))?;
    let samples = html_samples(cleaner, &bytes);
    let captions = samples
        .iter()
        .filter(|s| {
            s.rule
                .as_ref()
                .is_some_and(|(_, r)| r == "html.caption" || r == "markup.caption")
        })
        .map(|s| fold(&s.text))
        .collect();
    let truth = read(&p.truth)?;
    Ok((
        labelled(
            &p.html.display().to_string(),
            Source::Page,
            Some(p.dataset),
            &samples,
            &truth,
            |_| false,
        ),
        captions,
    ))
}

fn residue_doc(
    cleaner: &Cleaner,
    dataset: usize,
    input: &Path,
    truth: &Path,
    captions: Option<&HashSet<String>>,
) -> Result<Doc> {
    let bytes = fs::read(input).with_context(|| format!("{}", input.display()))?;
    let samples = text_samples(cleaner, &bytes);
    let truth = read(truth)?;
    let is_caption = |s: &Sample| captions.is_some_and(|c| c.contains(&fold(&s.text)));
    Ok(labelled(
        &input.display().to_string(),
        Source::Residue,
        Some(dataset),
        &samples,
        &truth,
        is_caption,
    ))
}

/// Documents composed from `train/*.txt` (see `compose`), `per_file` of
/// each, labelled by how they were composed.
pub fn composed(dir: &Path, per_file: usize) -> Result<Vec<Doc>> {
    let text = cleaner(InputKind::Text)?;
    let mut docs = Vec::new();
    for m in crate::compose::read(dir)? {
        for (k, lines) in crate::compose::documents(&m, per_file)
            .into_iter()
            .enumerate()
        {
            let joined: Vec<&str> = lines.iter().map(|(l, _)| l.as_str()).collect();
            let samples = text_samples(&text, joined.join("\n").as_bytes());
            let flags: Vec<bool> = (lines.iter())
                .filter(|(l, _)| !l.trim().is_empty())
                .map(|&(_, bp)| bp)
                .collect();
            if flags.len() != samples.len() {
                anyhow::bail!("{}: document {k} did not cut into its lines", m.name);
            }
            let mut doc = Doc {
                source: Source::Composed,
                dataset: None,
                peer: None,
                x: Vec::new(),
                y: Vec::new(),
                tokens: Vec::new(),
                texts: Vec::new(),
                name: format!("{}#{k}", m.name),
            };
            for (s, bp) in samples.iter().zip(flags) {
                let tokens = newsbody::eval::metric::tokens(&s.text).len();
                if s.rule.is_some() || s.protected || tokens == 0 {
                    continue;
                }
                doc.x.extend_from_slice(&s.features);
                doc.y.push(f32::from(u8::from(bp)));
                doc.tokens.push(tokens);
                doc.texts.push(s.text.clone());
            }
            docs.push(doc);
        }
    }
    Ok(docs)
}

/// Lowercase, white space folded: how captions are compared.
pub fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The blocks the scorer decides, labelled against `truth`.
fn labelled(
    name: &str,
    source: Source,
    dataset: Option<usize>,
    samples: &[Sample],
    truth: &str,
    left_out: impl Fn(&Sample) -> bool,
) -> Doc {
    let texts: Vec<&str> = samples.iter().map(|s| s.text.as_str()).collect();
    let shares = body_shares(&texts, truth);
    let mut doc = Doc {
        source,
        dataset,
        peer: None,
        x: Vec::new(),
        y: Vec::new(),
        tokens: Vec::new(),
        texts: Vec::new(),
        name: name.to_string(),
    };
    for (s, (share, tokens)) in samples.iter().zip(shares) {
        let Some(share) = share else { continue };
        if s.rule.is_some() || s.protected || left_out(s) {
            continue;
        }
        doc.x.extend_from_slice(&s.features);
        doc.y.push(1.0 - share);
        doc.tokens.push(tokens);
        doc.texts.push(s.text.clone());
    }
    doc
}
