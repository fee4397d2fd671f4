//! The explain format: every block with `keep`, or `drop KIND RULE` and the
//! evidence. Plain text for tests, pipes and files; the same lines with
//! ANSI styles for a terminal (kept text plain, removed text dimmed, its
//! kind and rule in colour). The data form is [`Cleaned::to_explain_json`].

use crate::model::{Cleaned, Verdict};
use std::fmt::Write;

const RESET: &str = "\x1b[0m";
const DIM: &str = "\x1b[2m";
/// Dim green for the `keep |` mark.
const KEEP_MARK: &str = "\x1b[2;32m";
/// Bold yellow for the kind of a removal.
const KIND: &str = "\x1b[1;33m";
/// Cyan for the rule id.
const RULE: &str = "\x1b[36m";
/// Dim italic for the evidence.
const EVIDENCE: &str = "\x1b[2;3m";

impl Cleaned {
    /// Every block, one per line: `keep | text` or
    /// `drop <kind> <rule> | text`, followed for drops by an indented
    /// `evidence:` line.
    ///
    /// ```
    /// let c = newsbody::clean(b"Body text here.\nRead more: Elsewhere", &Default::default()).unwrap();
    /// let view = c.explain();
    /// assert!(view.contains("keep | Body text here."));
    /// assert!(view.contains("drop related en.related.read-more | Read more: Elsewhere"));
    /// ```
    pub fn explain(&self) -> String {
        self.explain_styled(false)
    }

    /// [`Cleaned::explain`] with ANSI colours, for a terminal: the same
    /// lines, with kept text plain, removed text dimmed, and the kind and
    /// rule of each removal highlighted. Without the escape codes it is
    /// exactly [`Cleaned::explain`].
    ///
    /// ```
    /// let c = newsbody::clean(b"Body text here.\nRead more: Elsewhere", &Default::default()).unwrap();
    /// let coloured = c.explain_colored();
    /// assert!(coloured.contains("\x1b[2m"));
    /// ```
    pub fn explain_colored(&self) -> String {
        self.explain_styled(true)
    }

    fn explain_styled(&self, color: bool) -> String {
        let paint = |style: &str, text: &str| {
            if color {
                format!("{style}{text}{RESET}")
            } else {
                text.to_string()
            }
        };
        let mut out = String::new();
        for b in &self.blocks {
            let text = b.text.replace('\n', " ");
            match &b.verdict {
                Verdict::Keep => {
                    let _ = writeln!(out, "{} {text}", paint(KEEP_MARK, "keep |"));
                }
                Verdict::Drop(why) => {
                    let _ = writeln!(
                        out,
                        "{} {} {} {}",
                        paint(DIM, "drop"),
                        paint(KIND, why.kind.name()),
                        paint(RULE, &why.rule),
                        paint(DIM, &format!("| {text}")),
                    );
                    let _ = writeln!(
                        out,
                        "     {}",
                        paint(EVIDENCE, &format!("evidence: {}", why.evidence))
                    );
                }
            }
        }
        out
    }
}
