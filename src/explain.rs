//! The explain view: every block with `keep`, or `drop KIND RULE` and the
//! evidence.

use crate::{Cleaned, Verdict};
use std::fmt::Write;

impl Cleaned {
    /// Every block, one per line: `keep | text` or
    /// `drop <kind> <rule> | text`, followed for drops by an indented
    /// `evidence:` line.
    ///
    /// ```
    /// let c = decruft::clean(b"Body text here.\nRead more: Elsewhere", &Default::default()).unwrap();
    /// let view = c.explain();
    /// assert!(view.contains("keep | Body text here."));
    /// assert!(view.contains("drop related en.related.read-more | Read more: Elsewhere"));
    /// ```
    pub fn explain(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            let text = b.text.replace('\n', " ");
            match &b.verdict {
                Verdict::Keep => {
                    let _ = writeln!(out, "keep | {text}");
                }
                Verdict::Drop {
                    kind,
                    rule,
                    evidence,
                } => {
                    let _ = writeln!(out, "drop {kind} {rule} | {text}");
                    let _ = writeln!(out, "     evidence: {evidence}");
                }
            }
        }
        out
    }
}
