//! The output formats through the real `newsbody` binary: `--format json`
//! (schema 1 with metadata), `--explain --format json`, and the explain
//! view's colours (`--color`, `NO_COLOR`; never into a pipe on `auto`).

use serde_json::Value;
use std::process::{Command, Output};

const PAGE: &str = r#"<html lang="en"><head><title>Bridge | Gazette</title>
<meta property="og:title" content="Bridge reopens">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head><body><article><p>The old bridge reopens to traffic on Monday after two years of repairs.</p>
<p>Read more: Ten bridges we loved</p></article></body></html>"#;

fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(&page, PAGE).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsbody"));
    cmd.args(args).arg(&page).env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn json_has_schema_source_and_metadata() {
    let v: Value = serde_json::from_str(&stdout(&run(&["--format", "json"], &[]))).unwrap();
    assert_eq!(v["schema"], 1);
    assert!(v["source"].as_str().unwrap().ends_with("page.html"));
    assert_eq!(v["metadata"]["title"], "Bridge reopens");
    assert_eq!(v["metadata"]["date"], "2024-03-05T10:00:00Z");
    assert_eq!(v["metadata"]["language"], "en");
    assert_eq!(v["removed"][0]["kind"], "related");
    assert!(v.get("blocks").is_none());
}

#[test]
fn explain_json_lists_every_block() {
    let out = run(&["--explain", "--format", "json"], &[]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let blocks = v["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0]["decision"], "keep");
    assert_eq!(blocks[0]["kind"], Value::Null);
    assert_eq!(blocks[1]["decision"], "drop");
    assert_eq!(blocks[1]["rule"], "en.related.read-more");
    assert_eq!(v["metadata"]["title"], "Bridge reopens");
}

#[test]
fn explain_is_plain_into_a_pipe_and_with_never() {
    for args in [&["--explain"][..], &["--explain", "--color", "never"]] {
        let text = stdout(&run(args, &[]));
        assert!(!text.contains('\x1b'), "{text}");
        assert!(text.contains("keep | The old bridge reopens"));
        assert!(
            text.contains("drop related en.related.read-more | Read more: Ten bridges we loved")
        );
        assert!(text.contains("     evidence: "));
    }
}

#[test]
fn explain_colours_on_always_even_with_no_color() {
    let coloured = stdout(&run(
        &["--explain", "--color", "always"],
        &[("NO_COLOR", "1")],
    ));
    assert!(coloured.contains("\x1b[2m"), "removed text is dimmed");
    let plain = stdout(&run(&["--explain"], &[]));
    assert_eq!(strip_ansi(&coloured), plain);
}

/// The text without ANSI escape sequences (`ESC [ ... m`).
fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
