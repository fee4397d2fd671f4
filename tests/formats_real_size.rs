//! Every output format on a real-sized page (over 100 KB, with the
//! furniture of a news site), through the real `newsbody` binary: text,
//! JSON, the explain view (plain and JSON) and Markdown. The page is the
//! fixture `html/long-water-billing-feature`; its expected body is the
//! reviewed `expected.txt`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn case() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/html/long-water-billing-feature")
}

fn run(args: &[&str]) -> String {
    let page = case().join("input.html");
    assert!(std::fs::metadata(&page).unwrap().len() > 100_000);
    let out = Command::new(env!("CARGO_BIN_EXE_newsbody"))
        .args(args)
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn expected() -> String {
    std::fs::read_to_string(case().join("expected.txt")).unwrap()
}

#[test]
fn text_is_the_expected_body() {
    assert_eq!(run(&[]), expected());
}

#[test]
fn json_has_the_body_metadata_and_every_removal() {
    let v: Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["body"], expected());
    let m = &v["metadata"];
    assert_eq!(
        m["title"],
        "Why Millbeck's water bills went wrong, and how they were fixed"
    );
    assert_eq!(m["author"], "Rhiannon Tate");
    assert_eq!(m["date"], "2024-11-18T07:30:00Z");
    assert_eq!(m["language"], "en-GB");
    assert_eq!(
        m["url"],
        "https://courier.example/news/millbeck-water-bills"
    );
    let removed = v["removed"].as_array().unwrap();
    let gone = |start: &str| {
        removed
            .iter()
            .any(|r| r["text"].as_str().unwrap().starts_with(start) && r["rule"].is_string())
    };
    for start in [
        "Support local journalism",
        "Stories like this take months of work.",
        "Get the Millbeck Morning",
        "Read more: Council tax",
    ] {
        assert!(gone(start), "{start:?} not among the removals");
    }
}

#[test]
fn explain_lists_every_block_with_its_decision() {
    let view = run(&["--explain", "--color", "never"]);
    let kept: Vec<&str> = view
        .lines()
        .filter_map(|l| l.strip_prefix("keep | "))
        .collect();
    let body = expected();
    assert_eq!(kept, body.lines().collect::<Vec<_>>());
    assert!(
        view.lines()
            .any(|l| l.starts_with("drop related en.related.read-more | Read more:"))
    );
    let drops = view.lines().filter(|l| l.starts_with("drop ")).count();
    let evidence = view
        .lines()
        .filter(|l| l.trim_start().starts_with("evidence:"))
        .count();
    assert_eq!(drops, evidence);

    let v: Value = serde_json::from_str(&run(&["--explain", "--format", "json"])).unwrap();
    let blocks = v["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), kept.len() + drops);
    for (k, b) in blocks.iter().enumerate() {
        assert_eq!(b["position"], k);
        assert_eq!(b["decision"] == "keep", b["rule"].is_null());
    }
}

#[test]
fn markdown_keeps_the_structure() {
    let md = run(&["--format", "markdown"]);
    for line in [
        "## \\#1 complaint: estimated bills",
        "### What the tariff table actually said",
        "| Customer band | Standing charge | Per cubic metre |",
        "| --- | --- | --- |",
        "| Residential \\| small | £38.20 | £1.74 |",
        "> I am not a computer person, but I know when a number is multiplied by the wrong thing. \
         Once you see it, you cannot unsee it.",
        "1. Accounts that were overcharged by more than £100 are refunded first, by bank transfer, \
         before the end of December.",
        "  - Online readings are confirmed by email within a day.",
        "bill = standing_charge + (cubic_metres * unit_rate)",
        "\\+12% was the figure one councillor used for the average overcharge, but the utility's own \
         analysis puts it closer to \\~40% for households in the smaller residential band, where the \
         standing charge is lower and the error therefore weighed more heavily.",
    ] {
        assert!(md.lines().any(|l| l == line), "missing {line:?} in\n{md}");
    }
    assert!(md.contains("**more than 400 pages**"), "{md}");
    assert!(md.contains("*meter\\_multiplier*"), "{md}");
    assert!(md.contains("2023\\. That was the year"), "{md}");
    assert!(!md.contains("Read more"), "{md}");
    assert!(!md.contains("Support local journalism"), "{md}");
    // Several inputs: one header per input, as for text.
    let two = Command::new(env!("CARGO_BIN_EXE_newsbody"))
        .args(["-f", "markdown"])
        .arg(case().join("input.html"))
        .arg(case().join("input.html"))
        .output()
        .unwrap();
    let out = String::from_utf8(two.stdout).unwrap();
    assert_eq!(out.matches("==> ").count(), 2);
}

#[test]
fn markdown_is_refused_with_explain_and_jsonl() {
    for flag in ["--explain", "--jsonl"] {
        let out = Command::new(env!("CARGO_BIN_EXE_newsbody"))
            .args(["-f", "markdown", flag])
            .arg(case().join("input.html"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag}");
    }
}
