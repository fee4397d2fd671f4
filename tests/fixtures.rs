//! Runs every fixture under `fixtures/<group>/<name>/`: cleans `input.txt`
//! or `input.html` and compares the body with `expected.txt`. A mismatch
//! prints a line diff with the rule that removed each missing line.
//!
//! `NEWSBODY_BLESS=1 cargo test --test fixtures` rewrites `expected.txt`
//! from the current output, for review with `git diff` (refused when `CI`
//! is set).

use newsbody::{Cleaner, InputKind, Options, Verdict};
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let bless = std::env::var_os("NEWSBODY_BLESS").is_some_and(|v| v != "0");
    if bless && std::env::var_os("CI").is_some() {
        eprintln!("NEWSBODY_BLESS is refused when CI is set");
        std::process::exit(2);
    }
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let cases = discover(&root);
    let (mut passed, mut failed, mut blessed) = (0, 0, 0);
    for case in &cases {
        let name = case.strip_prefix(&root).unwrap().display().to_string();
        if filter.as_ref().is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        match run_case(case) {
            Ok(()) => {
                passed += 1;
                println!("fixture {name} ... ok");
            }
            Err((actual, report)) => {
                if bless {
                    std::fs::write(case.join("expected.txt"), actual).expect("write expected.txt");
                    blessed += 1;
                    println!("fixture {name} ... blessed");
                } else {
                    failed += 1;
                    println!("fixture {name} ... FAILED\n{report}");
                }
            }
        }
    }
    if cases.is_empty() {
        println!("no fixtures found under {}", root.display());
        std::process::exit(1);
    }
    println!();
    println!("fixtures: {passed} passed, {failed} failed");
    if blessed > 0 {
        println!("{blessed} expected.txt rewritten: review with git diff");
    }
    if failed > 0 {
        std::process::exit(1);
    }
}

fn discover(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(groups) = std::fs::read_dir(root) else {
        return out;
    };
    for g in groups.flatten() {
        let Ok(cases) = std::fs::read_dir(g.path()) else {
            continue;
        };
        for c in cases.flatten() {
            let p = c.path();
            if p.join("input.txt").exists() || p.join("input.html").exists() {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn run_case(case: &Path) -> Result<(), (String, String)> {
    let (input, kind) = if case.join("input.html").exists() {
        (case.join("input.html"), InputKind::Html)
    } else {
        (case.join("input.txt"), InputKind::Text)
    };
    let bytes = std::fs::read(&input).expect("read input");
    let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap_or_default();
    let cleaner = Cleaner::new(Options {
        input: kind,
        ..Options::default()
    })
    .expect("rules load");
    let cleaned = cleaner.clean(&bytes).expect("clean");
    if cleaned.body == expected {
        return Ok(());
    }
    let mut report = String::new();
    let diff = similar::TextDiff::from_lines(expected.as_str(), cleaned.body.as_str());
    for change in diff.iter_all_changes() {
        let line = change.value().trim_end_matches('\n');
        match change.tag() {
            similar::ChangeTag::Equal => {}
            similar::ChangeTag::Delete => {
                let why = cleaned
                    .blocks
                    .iter()
                    .find(|b| b.text.trim() == line.trim())
                    .and_then(|b| match &b.verdict {
                        Verdict::Drop(why) => Some(format!(
                            "   [dropped: {} {}: {}]",
                            why.kind, why.rule, why.evidence
                        )),
                        Verdict::Keep => None,
                    })
                    .unwrap_or_default();
                report.push_str(&format!("  - {line}{why}\n"));
            }
            similar::ChangeTag::Insert => report.push_str(&format!("  + {line}   [kept]\n")),
        }
    }
    if report.is_empty() {
        report = "  (bodies differ only in whitespace or separators)\n".into();
    }
    Err((cleaned.body, report))
}
