//! Builds a gzipped WARC file from folders of saved pages, for
//! benchmarks and for trying `newsbody --warc` (the tests build their own).
//!
//! ```sh
//! cargo run --release --example make_warc -- OUT.warc.gz [--records N] DIR...
//! ```
//!
//! Every `.html` file under the folders becomes a `request`, a `response`
//! and a `metadata` record (see `tests/support/warc_writer.rs` for the
//! HTTP framings and charsets used). With `--records N` the pages are
//! repeated, or cut, to N responses. The URL of the i-th response is
//! `https://warc.example/<i>/<file name>`.

#[path = "../tests/support/warc_writer.rs"]
mod warc_writer;

use std::io::BufWriter;
use std::path::PathBuf;
use warc_writer::{Framing, WarcWriter};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .expect("usage: make_warc OUT.warc.gz [--records N] DIR...");
    let (mut records, mut dirs) = (None, Vec::new());
    while let Some(a) = args.next() {
        if a == "--records" {
            records = args.next().and_then(|n| n.parse::<usize>().ok());
        } else {
            dirs.push(PathBuf::from(a));
        }
    }
    let mut pages = Vec::new();
    for d in &dirs {
        collect(d, &mut pages)?;
    }
    pages.sort();
    assert!(!pages.is_empty(), "no .html file found");
    let n = records.unwrap_or(pages.len());
    let mut w = WarcWriter::new(BufWriter::new(std::fs::File::create(&out)?))?;
    for i in 0..n {
        let p = &pages[i % pages.len()];
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        w.page(
            &format!("https://warc.example/{i}/{name}"),
            &std::fs::read(p)?,
            Framing::nth(i),
        )?;
    }
    let header_only = w.header_charset_pages;
    w.finish()?;
    eprintln!("{out}: {n} pages ({header_only} with the charset only in the HTTP header)");
    Ok(())
}

fn collect(dir: &std::path::Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "html") {
            out.push(p);
        }
    }
    Ok(())
}
