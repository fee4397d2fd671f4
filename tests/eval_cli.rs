//! Runs `newsbody-eval` on small corpora composed here (both layouts, plus
//! odd cases: a case without `expected.txt`, a broken `meta.json`, bytes
//! that are not UTF-8) and checks the summary lines, the gate's exit codes
//! and `--dump`.

use std::fs;
use std::path::Path;
use std::process::Command;

const BODY: &str = "The harbour board met on Monday to approve the new ferry timetable.\n\
                    Crossings will run every forty minutes from the first of June.\n";

fn write(path: &Path, text: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// An appeals corpus with one clean text case, one negative HTML case and
/// two broken cases, and a WCEB folder with two datasets.
fn corpora(root: &Path) {
    let a = root.join("appeals");
    let input = format!("{BODY}Read more: Ten ferries we loved\n");
    write(&a.join("text-1/input.txt"), input.as_bytes());
    write(&a.join("text-1/expected.txt"), BODY.as_bytes());
    write(&a.join("text-1/meta.json"), b"{\"negative\": false}");
    let page = format!(
        "<html><body><article><p>{}</p></article></body></html>",
        BODY.replace('\n', "</p><p>")
    );
    write(&a.join("page-1/input.html"), page.as_bytes());
    write(&a.join("page-1/expected.txt"), BODY.as_bytes());
    write(&a.join("page-1/meta.json"), b"{\"negative\": true}");
    write(&a.join("no-truth/input.txt"), BODY.as_bytes());
    write(&a.join("odd-meta/input.txt"), b"\xff\xfe\x00odd bytes\n");
    write(&a.join("odd-meta/expected.txt"), b"odd bytes\n");
    write(&a.join("odd-meta/meta.json"), b"{not json");
    for set in ["one", "two"] {
        let d = root.join("wceb").join(set);
        write(&d.join("html/p1.html"), page.as_bytes());
        write(&d.join("truth/p1.txt"), BODY.as_bytes());
    }
    write(&root.join("wceb/one/html/orphan.html"), page.as_bytes());
}

fn eval(args: &[&str], root: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsbody-eval"))
        .args(args)
        .current_dir(root)
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap(),
        text(out.stdout),
        text(out.stderr),
    )
}

#[test]
fn summarizes_both_layouts_and_skips_broken_cases() {
    let dir = tempfile::tempdir().unwrap();
    corpora(dir.path());
    let (code, out, err) = eval(
        &["--jobs", "1", "--per-case", "wceb", "appeals"],
        dir.path(),
    );
    assert_eq!(code, 0, "{out}\n{err}");
    for name in [
        "one ",
        "two ",
        "wceb-pooled ",
        "appeals ",
        "appeals.html",
        "appeals.text",
        "appeals.all",
    ] {
        assert!(
            out.lines().any(|l| l.trim_start().starts_with(name)),
            "no line for {name}:\n{out}"
        );
    }
    assert!(
        err.contains("appeals/no-truth: no expected.txt, skipped"),
        "{err}"
    );
    assert!(err.contains("one/orphan: no truth file, skipped"), "{err}");
    assert!(out.contains("threads: 1"), "{out}");
    let pooled = out.lines().find(|l| l.starts_with("wceb-pooled")).unwrap();
    assert!(pooled.split_whitespace().nth(1) == Some("2"), "{pooled}");
}

#[test]
fn gate_fails_below_a_floor_and_dump_writes_predictions() {
    let dir = tempfile::tempdir().unwrap();
    corpora(dir.path());
    write(
        &dir.path().join("low.toml"),
        b"[appeals.all]\nline_recall = 0.1\n",
    );
    write(
        &dir.path().join("high.toml"),
        b"[appeals.all]\nline_recall = 1.01\n",
    );
    let (code, out, _) = eval(
        &["--floors", "low.toml", "--dump", "d", "appeals"],
        dir.path(),
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 floors checked, all met"), "{out}");
    assert!(dir.path().join("d/appeals/text-1.txt").is_file());
    let (code, out, _) = eval(&["--floors", "high.toml", "appeals"], dir.path());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("[appeals.all] line_recall"), "{out}");
    let (code, _, _) = eval(&["missing-folder"], dir.path());
    assert_eq!(code, 2);
}

#[test]
fn json_report_parses() {
    let dir = tempfile::tempdir().unwrap();
    corpora(dir.path());
    let (code, out, _) = eval(&["--json", "appeals"], dir.path());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["report"]["sections"][0]["name"], "appeals");
    assert_eq!(v["report"]["sections"][0]["tokens"]["docs"], 3);
}
