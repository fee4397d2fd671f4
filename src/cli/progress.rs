//! What a run tells the person watching it, on stderr: one line per failure
//! or warning naming the document, a progress bar while documents are
//! cleaned (only when stderr is a terminal), and a closing summary line.
//!
//! Messages go through here so they never tear the progress bar, and never
//! panic: a stderr that cannot be written to is ignored (unlike `eprintln!`).

use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// Counts documents and bytes, and speaks on stderr. Shared by the workers.
pub struct Reporter {
    bar: ProgressBar,
    cleaned: AtomicU64,
    empty: AtomicU64,
    failed: AtomicU64,
    bytes: AtomicU64,
    start: Instant,
}

impl Reporter {
    /// A reporter for `total` documents; the bar shows only when stderr is
    /// a terminal and `total` is known and above one.
    pub fn new(total: Option<usize>) -> Reporter {
        let bar = match total {
            Some(n) if n > 1 && std::io::stderr().is_terminal() => {
                let bar = ProgressBar::new(n as u64);
                if let Ok(style) = ProgressStyle::with_template(
                    "{elapsed_precise} {wide_bar} {pos}/{len} docs, eta {eta}",
                ) {
                    bar.set_style(style);
                }
                bar
            }
            _ => ProgressBar::hidden(),
        };
        Reporter {
            bar,
            cleaned: AtomicU64::new(0),
            empty: AtomicU64::new(0),
            failed: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            start: Instant::now(),
        }
    }

    /// Prints `newsbody: MESSAGE` on stderr.
    pub fn say(&self, message: &str) {
        self.bar.suspend(|| {
            let _ = writeln!(std::io::stderr().lock(), "newsbody: {message}");
        });
    }

    /// Records a failed document (or input, or record) and names it.
    pub fn failed(&self, error: &anyhow::Error) {
        self.failed.fetch_add(1, Ordering::Relaxed);
        self.say(&format!("{error:#}"));
        self.bar.inc(1);
    }

    /// Records a cleaned document of `bytes` bytes, whose body may be
    /// `empty`, and prints its warnings.
    pub fn cleaned(&self, name: &str, bytes: usize, empty: bool, warnings: &[String]) {
        for w in warnings {
            self.say(&format!("{name}: warning: {w}"));
        }
        self.cleaned.fetch_add(1, Ordering::Relaxed);
        if empty {
            self.empty.fetch_add(1, Ordering::Relaxed);
        }
        self.bytes.fetch_add(bytes as u64, Ordering::Relaxed);
        self.bar.inc(1);
    }

    /// Whether no document failed so far.
    pub fn all_ok(&self) -> bool {
        self.failed.load(Ordering::Relaxed) == 0
    }

    /// Clears the bar and, when `print`, prints the summary line.
    pub fn finish(&self, print: bool) {
        self.bar.finish_and_clear();
        if print {
            self.say(&self.summary());
        }
    }

    /// `N cleaned, N failed, N empty, X MB in S s (X MB/s, N docs/s)`,
    /// with MB = 10^6 bytes of input; the empty ones are among the cleaned.
    pub fn summary(&self) -> String {
        let cleaned = self.cleaned.load(Ordering::Relaxed);
        let empty = self.empty.load(Ordering::Relaxed);
        let failed = self.failed.load(Ordering::Relaxed);
        let mb = self.bytes.load(Ordering::Relaxed) as f64 / 1e6;
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let docs_per_sec = (cleaned + failed) as f64 / secs;
        let precision = if docs_per_sec < 10.0 { 2 } else { 0 };
        format!(
            "{cleaned} cleaned, {failed} failed, {empty} empty, {mb:.1} MB in {secs:.2} s \
             ({:.1} MB/s, {docs_per_sec:.precision$} docs/s)",
            mb / secs,
        )
    }
}
