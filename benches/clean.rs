//! Speed of cleaning, measured with criterion (`cargo bench --bench clean`).
//!
//! - `text/clean`: plain text per MB, from the text fixtures' inputs
//!   repeated to about 1 MB (a synthetic article when there are none).
//! - `html/clean/*` beside `html/parse/*`: whole cleaning of synthetic
//!   news-like pages of about 100, 200 and 300 KB, next to html5ever's bare
//!   parse of the same bytes (`scraper::Html::parse_document`), the floor
//!   no HTML cleaner can go under.
//! - `corpus/clean` beside `corpus/parse`: the same on real pages, every
//!   25th page of the shared corpus's wceb sets (about 60 pages), as one
//!   batch, when the corpus is present (`NEWSBODY_CORPUS` or
//!   `../shared/corpus`); skipped when it is not.
//!
//! The synthetic pages are made here, deterministically, so those figures
//! do not depend on data outside the repository. Never run in CI beyond
//! compiling.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newsbody::{Cleaner, Options};
use std::fmt::Write;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn bench_text(c: &mut Criterion) {
    let text = text_corpus(1 << 20);
    let cleaner = Cleaner::new(Options::default()).expect("built-in rules");
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("clean", |b| {
        b.iter(|| cleaner.clean(black_box(text.as_bytes())).expect("clean"))
    });
    g.finish();
}

fn bench_html(c: &mut Criterion) {
    let cleaner = Cleaner::new(Options::default()).expect("built-in rules");
    let mut g = c.benchmark_group("html");
    g.sample_size(30);
    g.measurement_time(Duration::from_secs(8));
    for kb in [100, 200, 300] {
        let page = news_page(kb * 1000, kb as u64);
        g.throughput(Throughput::Bytes(page.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("clean", format!("{kb}KB")),
            &page,
            |b, p| b.iter(|| cleaner.clean(black_box(p.as_bytes())).expect("clean")),
        );
        g.bench_with_input(
            BenchmarkId::new("parse", format!("{kb}KB")),
            &page,
            |b, p| b.iter(|| scraper::Html::parse_document(black_box(p))),
        );
    }
    g.finish();
}

/// The text fixtures' inputs, blank-line separated, repeated to `size`.
fn text_corpus(size: usize) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut pieces = Vec::new();
    collect_inputs(&root, &mut pieces);
    if pieces.is_empty() {
        let mut rng = Rng(7);
        pieces.push((0..40).map(|_| rng.sentence() + "\n").collect());
    }
    let mut out = String::with_capacity(size + 4096);
    while out.len() < size {
        for p in &pieces {
            out.push_str(p.trim_end());
            out.push_str("\n\n");
        }
    }
    out
}

fn collect_inputs(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect_inputs(&p, out);
        } else if p.file_name().is_some_and(|n| n == "input.txt") {
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.push(t);
            }
        }
    }
}

/// A small deterministic generator (xorshift), so pages are the same on
/// every run.
struct Rng(u64);

const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "on",
    "tuesday",
    "that",
    "its",
    "budget",
    "would",
    "rise",
    "by",
    "three",
    "percent",
    "next",
    "year",
    "after",
    "months",
    "of",
    "talks",
    "with",
    "unions",
    "and",
    "residents",
    "about",
    "schools",
    "roads",
    "parks",
    "minister",
    "announced",
    "new",
    "plan",
    "for",
    "housing",
    "in",
    "the",
    "city",
    "centre",
    "where",
    "rents",
    "have",
    "doubled",
    "since",
    "report",
    "found",
    "a",
    "sharp",
    "fall",
    "in",
    "river",
    "pollution",
    "officials",
    "warned",
];

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn words(&mut self, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(WORDS[self.below(WORDS.len())]);
        }
        s
    }

    fn sentence(&mut self) -> String {
        let n = 12 + self.below(25);
        let mut s = self.words(n);
        s[..1].make_ascii_uppercase();
        s + "."
    }
}

/// A news-like page of about `size` bytes: head with styles and scripts,
/// header navigation, nested wrappers, an article with paragraphs, a
/// figure, inline "Read more" and newsletter inserts, a related box, a
/// sidebar, comments teaser and footer.
fn news_page(size: usize, seed: u64) -> String {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15 ^ seed);
    let mut h = String::with_capacity(size + 8192);
    h.push_str("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    let _ = write!(h, "<title>{} | The Daily Example</title>", r.sentence());
    for i in 0..8 {
        let _ = write!(h, "<link rel=\"stylesheet\" href=\"/css/s{i}.css\">");
    }
    let _ = write!(h, "<style>{}</style>", ".a{color:red}\n".repeat(size / 200));
    let _ = write!(
        h,
        "<script>window.__STATE__={{\"k\":\"{}\"}};</script>",
        "x".repeat(size / 10)
    );
    h.push_str("</head><body class=\"article-page\"><header class=\"site-header\"><nav><ul>");
    for i in 0..30 {
        let _ = write!(h, "<li><a href=\"/section/{i}\">{}</a></li>", r.words(1));
    }
    h.push_str("</ul></nav></header><div id=\"page\"><div class=\"wrap\"><div class=\"row\">");
    h.push_str("<main><article class=\"story\">");
    let _ = write!(
        h,
        "<h1>{}</h1><p class=\"byline\">By A. Writer</p>",
        r.sentence()
    );
    let mut para = 0;
    while h.len() < size * 8 / 10 {
        para += 1;
        h.push_str("<div class=\"story-body\"><p>");
        for _ in 0..(3 + r.below(4)) {
            h.push_str(&r.sentence());
            h.push(' ');
        }
        h.push_str("</p></div>");
        match para % 9 {
            3 => {
                let _ = write!(h, "<p><strong>Read more:</strong> <a href=\"/x/{para}\">{}</a></p>", r.sentence());
            }
            5 => h.push_str(
                "<figure><img src=\"/i.jpg\" alt=\"\"><figcaption>Photo: Agency</figcaption></figure>",
            ),
            7 => h.push_str(
                "<div class=\"newsletter-promo\"><p>Sign up for our daily newsletter.</p>\
                 <form><input type=\"email\"><button>Subscribe</button></form></div>",
            ),
            _ => {}
        }
    }
    h.push_str("<div class=\"related\"><h2>Related</h2><ul>");
    for i in 0..8 {
        let _ = write!(h, "<li><a href=\"/r/{i}\">{}</a></li>", r.sentence());
    }
    h.push_str("</ul></div></article></main><aside class=\"sidebar\"><h3>Most read</h3><ol>");
    while h.len() < size * 95 / 100 {
        let _ = write!(h, "<li><a href=\"/m\">{}</a></li>", r.sentence());
    }
    h.push_str("</ol></aside></div></div></div><footer><p>© 2024 The Daily Example. All rights reserved.</p></footer>");
    h.push_str("<script>(function(){var a=1;})();</script></body></html>");
    h
}

fn bench_corpus(c: &mut Criterion) {
    let pages = corpus_sample(25);
    if pages.is_empty() {
        println!("shared corpus not found: corpus benchmarks skipped");
        return;
    }
    let cleaner = Cleaner::new(Options::default()).expect("built-in rules");
    let mut g = c.benchmark_group("corpus");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.bench_function("clean", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(cleaner.clean(black_box(p.as_bytes())).expect("clean"));
            }
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(scraper::Html::parse_document(black_box(p)));
            }
        })
    });
    g.finish();
}

/// Every `step`-th page of the wceb sets (sorted by name), as UTF-8: both
/// sides of the comparison start from the same text.
fn corpus_sample(step: usize) -> Vec<String> {
    let root = std::env::var_os("NEWSBODY_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        Into::into,
    );
    let Ok(sets) = std::fs::read_dir(root.join("wceb")) else {
        return Vec::new();
    };
    let mut files: Vec<_> = sets
        .flatten()
        .filter_map(|s| std::fs::read_dir(s.path().join("html")).ok())
        .flat_map(|d| d.flatten().map(|e| e.path()))
        .collect();
    files.sort();
    files
        .iter()
        .step_by(step)
        .filter_map(|f| std::fs::read(f).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
}

criterion_group!(benches, bench_text, bench_html, bench_corpus);
criterion_main!(benches);
