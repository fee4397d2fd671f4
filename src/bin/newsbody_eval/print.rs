//! Prints the report: text for people (summary lines, worst documents,
//! per-case lines, throughput, gate) or one JSON object. Warnings go to
//! stderr in both cases.

use crate::floors::Gate;
use crate::summary::{CaseLine, LineSummary, Report, Section, Throughput};
use anyhow::Result;

/// Prints the report as text.
pub fn text(report: &Report, gate: &Gate, per_case: bool, misses: bool) {
    warnings(report, gate);
    println!(
        "{:<30} {:>5}  {:>6}  {:>6}  {:>6}  {:>5}",
        "corpus", "docs", "F1", "P", "R", "empty"
    );
    for s in &report.sections {
        println!("{}", section(s));
    }
    if per_case && !report.cases.is_empty() {
        println!("\nappeals cases:");
        for c in &report.cases {
            println!("  {}", case(c));
        }
    }
    if misses {
        for s in &report.sections {
            if let Some(snippets) = &s.snippets {
                snippets.print_misses(&s.name);
            }
        }
    }
    if !report.worst.is_empty() {
        println!("\nworst {} documents by F1:", report.worst.len());
        for d in &report.worst {
            let name = format!("{}/{}", d.corpus, d.id);
            println!(
                "  {name:<40} P {:.4}  R {:.4}  F1 {:.4}",
                d.precision, d.recall, d.f1
            );
        }
    }
    println!("\nthroughput, cleaning time only (one thread's speed):");
    for t in &report.throughput {
        println!("  {}", speed(t));
    }
    println!("  {}", speed(&report.total));
    if let (Some(w), Some(d), Some(m)) = (
        report.total.wall_secs,
        report.total.wall_docs_per_sec,
        report.total.wall_mb_per_sec,
    ) {
        println!(
            "wall time: {w:.2} s, {d:.1} docs/s, {m:.2} MB/s, threads: {}",
            report.threads
        );
    }
    gate_summary(gate);
}

fn section(s: &Section) -> String {
    if let Some(snippets) = &s.snippets {
        return snippets.line(&s.name);
    }
    let t = &s.tokens;
    let name = if s.split {
        format!("  {}", s.name)
    } else {
        s.name.clone()
    };
    let mut line = format!(
        "{name:<30} {:>5}  {:.4}  {:.4}  {:.4}  {:>5}",
        t.docs, t.f1, t.precision, t.recall, t.empty_predictions
    );
    if let Some(l) = &s.lines {
        line.push_str(&lines(l));
    }
    line
}

fn lines(l: &LineSummary) -> String {
    let mut out = format!(
        "  | lines P {:.3} R {:.3}  exact {} of {}",
        l.precision, l.recall, l.exact, l.cases
    );
    if let Some(share) = l.boilerplate_removed {
        let (removed, total) = l.boilerplate_lines;
        out.push_str(&format!(
            "  | boilerplate removed {:.1}% ({removed} of {total} lines)",
            share * 100.0
        ));
    }
    if l.negatives > 0 {
        out.push_str(&format!(
            "  | negatives kept whole {} of {}",
            l.negatives_kept, l.negatives
        ));
        if !l.negatives_lost.is_empty() {
            out.push_str(&format!(" (lost: {})", l.negatives_lost.join(", ")));
        }
    }
    out
}

fn case(c: &CaseLine) -> String {
    let bp = match c.boilerplate {
        Some(b) if b.total > 0 => format!(
            "{:5.1}% of {:>2}",
            100.0 * b.removed as f64 / b.total as f64,
            b.total
        ),
        _ => "      -    ".to_string(),
    };
    format!(
        "{:<34} {} {}  lines P {:.3} R {:.3}  exact {:<3}  boilerplate removed {bp}  F1 {:.4}",
        format!("{}/{}", c.corpus, c.id),
        c.format,
        if c.negative { "neg" } else { "   " },
        c.lines.precision,
        c.lines.recall,
        if c.lines.exact { "yes" } else { "no" },
        c.f1
    )
}

fn speed(t: &Throughput) -> String {
    format!(
        "{:<18} {:>5} docs {:>8.2} MB  {:>8.1} docs/s  {:>6.2} MB/s",
        t.name, t.docs, t.megabytes, t.clean_docs_per_sec, t.clean_mb_per_sec
    )
}

fn warnings(report: &Report, gate: &Gate) {
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    for u in &gate.unchecked {
        eprintln!("warning: floor {u}");
    }
}

fn gate_summary(gate: &Gate) {
    if gate.checked == 0 && gate.failures.is_empty() {
        return;
    }
    if gate.failures.is_empty() {
        println!("\nquality gate: {} floors checked, all met", gate.checked);
    } else {
        println!(
            "\nquality gate FAILED: {} of {} floors not met:",
            gate.failures.len(),
            gate.checked
        );
        for f in &gate.failures {
            println!("  {f}");
        }
    }
}

/// Prints the report and the gate as one JSON object.
pub fn json(report: &Report, gate: &Gate) -> Result<()> {
    warnings(report, gate);
    let value = serde_json::json!({
        "report": report,
        "gate": { "checked": gate.checked, "failures": gate.failures, "unchecked": gate.unchecked },
    });
    println!("{}", serde_json::to_string_pretty(&value)?);
    Ok(())
}
