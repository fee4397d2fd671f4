//! Training documents we compose ourselves (`train/<lang>.txt`): body
//! paragraphs, body that only looks like boilerplate, and boilerplate
//! items by kind (appeals, share rows, related inserts, credits, contact
//! and tip lines, republishing notes ...), combined into many documents
//! that vary which items appear, where, and how many. Deterministic: a
//! fixed generator seeded by the file's name.
//!
//! File format: `[section]` headers, then items separated by blank lines;
//! an item's lines become consecutive blocks. Sections: `body`,
//! `lookalike` (body), and `start`, `middle`, `end` or `anywhere`
//! (boilerplate, by where it stands in real documents). `#` starts a
//! comment line.

use anyhow::{Context, Result, bail};
use std::fs;
use std::path::Path;

/// Where a boilerplate item goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Start,
    Middle,
    End,
    Anywhere,
}

/// One language's material.
#[derive(Debug, Default)]
pub struct Material {
    pub name: String,
    body: Vec<Vec<String>>,
    lookalike: Vec<Vec<String>>,
    boilerplate: Vec<(Place, Vec<String>)>,
}

/// A composed document: its lines, each with whether it is boilerplate.
pub type Composed = Vec<(String, bool)>;

/// Reads every `train/*.txt`, sorted by name.
pub fn read(dir: &Path) -> Result<Vec<Material>> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .with_context(|| format!("{}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let text = fs::read_to_string(f).with_context(|| format!("{}", f.display()))?;
            let name = f.file_stem().unwrap_or_default().to_string_lossy();
            parse(&name, &text).with_context(|| format!("{}", f.display()))
        })
        .collect()
}

fn parse(name: &str, text: &str) -> Result<Material> {
    let mut m = Material {
        name: name.to_string(),
        ..Material::default()
    };
    let mut section: Option<String> = None;
    let mut item: Vec<String> = Vec::new();
    for (n, line) in text.lines().chain([""]).enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with('#') {
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with('[') {
            if !item.is_empty() {
                let s = section.as_deref().unwrap_or("");
                add(&mut m, s, std::mem::take(&mut item))
                    .with_context(|| format!("line {}", n + 1))?;
            }
            if let Some(s) = trimmed.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                section = Some(s.to_string());
            }
            continue;
        }
        item.push(line.to_string());
    }
    if m.body.is_empty() {
        bail!("no [body] section");
    }
    Ok(m)
}

fn add(m: &mut Material, section: &str, item: Vec<String>) -> Result<()> {
    let place = match section {
        "body" => {
            m.body.push(item);
            return Ok(());
        }
        "lookalike" => {
            m.lookalike.push(item);
            return Ok(());
        }
        "start" => Place::Start,
        "middle" => Place::Middle,
        "end" => Place::End,
        "anywhere" => Place::Anywhere,
        other => bail!("unknown section [{other}]"),
    };
    m.boilerplate.push((place, item));
    Ok(())
}

/// SplitMix64: a small generator with a fixed sequence per seed.
struct Rng(u64);

impl Rng {
    fn new(name: &str, k: usize) -> Rng {
        let mut h: u64 = 0x9E37_79B9_7F4A_7C15 ^ k as u64;
        for b in name.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        Rng(h)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Composes `count` documents from one language's material.
pub fn documents(m: &Material, count: usize) -> Vec<Composed> {
    (0..count)
        .map(|k| document(m, &mut Rng::new(&m.name, k)))
        .collect()
}

fn document(m: &Material, rng: &mut Rng) -> Composed {
    // Body: a run of paragraphs from a random start, in their order (so
    // that a story reads on), sometimes with a look-alike among them.
    let n = 3 + rng.below(m.body.len().clamp(1, 8));
    let first = rng.below(m.body.len());
    let mut body: Vec<Vec<String>> = (0..n)
        .map(|k| m.body[(first + k) % m.body.len()].clone())
        .collect();
    if !m.lookalike.is_empty() && rng.below(2) == 0 {
        let at = rng.below(body.len() + 1);
        body.insert(at, m.lookalike[rng.below(m.lookalike.len())].clone());
    }
    let mut doc: Vec<(Vec<String>, bool)> = body.into_iter().map(|b| (b, false)).collect();
    let inserts = rng.below(5);
    for _ in 0..inserts {
        if m.boilerplate.is_empty() {
            break;
        }
        let (place, item) = &m.boilerplate[rng.below(m.boilerplate.len())];
        let len = doc.len();
        let at = match place {
            Place::Start => rng.below(2).min(len),
            Place::End => len - rng.below(2).min(len),
            Place::Middle => 1 + rng.below(len.saturating_sub(1).max(1)),
            Place::Anywhere => rng.below(len + 1),
        };
        doc.insert(at.min(len), (item.clone(), true));
    }
    doc.into_iter()
        .flat_map(|(lines, bp)| lines.into_iter().map(move |l| (l, bp)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_the_same_documents_every_time() {
        let m = parse(
            "xx",
            "[body]\nOne.\n\nTwo.\n\nThree.\n\n[end]\nShare\nFacebook\n\n[lookalike]\nThe charity raised money.\n",
        )
        .unwrap();
        assert_eq!(m.body.len(), 3);
        assert_eq!(m.boilerplate[0].1, ["Share", "Facebook"]);
        let a = documents(&m, 20);
        assert_eq!(a, documents(&m, 20));
        assert!(
            a.iter()
                .any(|d| d.iter().any(|(l, bp)| l == "Facebook" && *bp))
        );
        assert!(a.iter().all(|d| d.iter().any(|(_, bp)| !bp)));
    }
}
