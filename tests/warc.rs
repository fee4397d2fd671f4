//! WARC input: files built here from the fixtures (and from the shared
//! corpus when it is beside the repository) clean to the same bodies as
//! the pages one by one; broken records are error records and reading
//! goes on.

#[path = "support/warc_writer.rs"]
mod warc_writer;

use newsbody::warc::{Page, RecordError, WarcReader};
use newsbody::{Cleaner, InputKind, Options};
use std::path::{Path, PathBuf};
use warc_writer::{Framing, WarcWriter, gzip};

const LIMIT: usize = 256 << 20;

/// Every `input.html` under `dir`, sorted.
fn pages_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A gzipped WARC holding `pages`, and how many carry their charset only
/// in the HTTP header.
fn build(pages: &[PathBuf]) -> (Vec<u8>, usize) {
    let mut w = WarcWriter::new(Vec::new()).unwrap();
    for (i, p) in pages.iter().enumerate() {
        let url = format!("https://news.example/{i}");
        w.page(&url, &std::fs::read(p).unwrap(), Framing::nth(i))
            .unwrap();
    }
    let n = w.header_charset_pages;
    (w.finish().unwrap(), n)
}

/// Checks that the WARC's pages clean as the files do, field by field.
/// The files are cleaned as HTML (`--input html`), as the HTTP header
/// says they are, rather than sniffed.
fn same_as_one_by_one(pages: &[PathBuf]) -> usize {
    let (warc, header_only) = build(pages);
    let as_html = Cleaner::new(Options {
        input: InputKind::Html,
        ..Options::default()
    })
    .unwrap();
    let mut reader = WarcReader::new(&warc[..], LIMIT).unwrap();
    let mut n = 0;
    for (i, item) in reader.by_ref().enumerate() {
        let page = item.unwrap_or_else(|e| panic!("{}: {e}", pages[i].display()));
        assert_eq!(
            page.url.as_deref(),
            Some(format!("https://news.example/{i}").as_str())
        );
        let want = as_html.clean(&std::fs::read(&pages[i]).unwrap()).unwrap();
        let got = page.clean(&as_html).unwrap();
        let name = pages[i].display();
        assert!(
            got.body == want.body,
            "{name}: bodies differ:\n{}\n---\n{}",
            got.body,
            want.body
        );
        assert_eq!(got.title, want.title, "{name}");
        assert_eq!(got.removed, want.removed, "{name}");
        assert_eq!(got.metadata, want.metadata, "{name}");
        n += 1;
    }
    assert_eq!(n, pages.len());
    let skipped = reader.skipped();
    assert_eq!(
        skipped.other_type,
        1 + 2 * pages.len() as u64,
        "warcinfo, requests, metadata"
    );
    assert_eq!(skipped.not_html, 0);
    header_only
}

#[test]
fn fixture_pages_clean_as_they_do_one_by_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let pages = pages_under(&root);
    assert!(pages.len() > 20, "{}", pages.len());
    same_as_one_by_one(&pages);
}

#[test]
fn a_charset_only_in_the_http_header_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.html");
    std::fs::write(
        &page,
        "<html><body><p>Le café de la gare rouvre en mai, après deux ans de travaux.</p>\
         <p>Les habitués s'en réjouissent déjà.</p></body></html>",
    )
    .unwrap();
    let (warc, header_only) = build(std::slice::from_ref(&page));
    assert_eq!(header_only, 1);
    let cleaner = Cleaner::new(Options::default()).unwrap();
    let page: Page = WarcReader::new(&warc[..], LIMIT)
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(page.charset.as_deref(), Some("windows-1252"));
    assert!(
        std::str::from_utf8(&page.content).is_err(),
        "stored in windows-1252"
    );
    let cleaned = page.clean(&cleaner).unwrap();
    assert!(
        cleaned.body.starts_with("Le café de la gare"),
        "{}",
        cleaned.body
    );
    assert!(cleaned.warnings.is_empty(), "{:?}", cleaned.warnings);
}

/// A record whose block is an HTTP response with this page.
fn response_record(w: &mut WarcWriter<Vec<u8>>, url: &str, html: &str) {
    let block = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    w.record(
        "response",
        Some(url),
        "application/http; msgtype=response",
        block.as_bytes(),
    )
    .unwrap();
}

const PAGE: &str =
    "<html><body><p>The council approved the budget on Tuesday night.</p></body></html>";

#[test]
fn corrupt_records_are_errors_and_reading_goes_on() {
    let mut w = WarcWriter::new(Vec::new()).unwrap();
    response_record(&mut w, "https://a.example/1", PAGE);
    // A gzip member whose deflate data is damaged.
    let mut bad = gzip(
        format!(
            "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\n{}",
            "x".repeat(5000)
        )
        .as_bytes(),
    );
    for b in &mut bad[30..80] {
        *b ^= 0xa5;
    }
    w.raw(&bad).unwrap();
    response_record(&mut w, "https://a.example/2", PAGE);
    // A member that is not a WARC record.
    w.raw(&gzip(b"HTTP/1.1 200 OK\r\n\r\nnot a record\r\n\r\n"))
        .unwrap();
    // A record without a Content-Length.
    w.raw(&gzip(
        b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:x:nolength>\r\n\r\n",
    ))
    .unwrap();
    // An HTTP response that is cut inside its header.
    w.record(
        "response",
        Some("https://a.example/cut"),
        "application/http",
        b"HTTP/1.1 200 OK\r\nContent-Ty",
    )
    .unwrap();
    // A PDF, skipped.
    w.record(
        "response",
        Some("https://a.example/f.pdf"),
        "application/http",
        b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4",
    )
    .unwrap();
    response_record(&mut w, "https://a.example/3", PAGE);
    let mut file = w.finish().unwrap();
    // The last record is cut short.
    let last = gzip(
        format!("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 900\r\n\r\n{PAGE}").as_bytes(),
    );
    file.extend_from_slice(&last[..last.len() - 10]);

    let mut reader = WarcReader::new(&file[..], LIMIT).unwrap();
    let items: Vec<Result<Page, RecordError>> = reader.by_ref().collect();
    let summary: Vec<String> = items
        .iter()
        .map(|i| match i {
            Ok(p) => format!("page {}", p.url.as_deref().unwrap_or("-")),
            Err(e) => format!(
                "error {}",
                e.url.as_deref().or(e.record_id.as_deref()).unwrap_or("-")
            ),
        })
        .collect();
    assert_eq!(
        summary,
        [
            "page https://a.example/1",
            "error -",
            "page https://a.example/2",
            "error -",
            "error <urn:x:nolength>",
            "error https://a.example/cut",
            "page https://a.example/3",
            "error -",
        ],
        "{items:#?}"
    );
    let messages: Vec<&str> = items
        .iter()
        .filter_map(|i| i.as_ref().err())
        .map(|e| e.message.as_str())
        .collect();
    assert!(messages[0].starts_with("corrupt gzip data"), "{messages:?}");
    assert!(messages[1].starts_with("not a WARC record"), "{messages:?}");
    assert!(messages[2].contains("no Content-Length"), "{messages:?}");
    assert_eq!(messages[3], "truncated HTTP header");
    assert!(messages[4].starts_with("corrupt gzip data"), "{messages:?}");
    assert_eq!(reader.skipped().not_html, 1);
    // Offsets point at the gzip member each record starts in.
    let first = items[0].as_ref().unwrap();
    let second = items[2].as_ref().unwrap();
    assert!(first.offset > 0 && second.offset > first.offset);
    assert_eq!(
        &file[second.offset as usize..second.offset as usize + 2],
        [0x1f, 0x8b]
    );
}

#[test]
fn an_uncompressed_file_with_a_wrong_length_recovers_at_the_next_record() {
    let rec = |url: &str, length_delta: isize| {
        let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{PAGE}");
        let length = (block.len() as isize + length_delta) as usize;
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nContent-Length: {length}\r\n\r\n{block}\r\n\r\n"
        )
    };
    let file = [
        rec("https://a.example/1", 0),
        rec("https://a.example/2", -30),
        rec("https://a.example/3", 0),
    ]
    .concat();
    let items: Vec<_> = WarcReader::new(file.as_bytes(), LIMIT).unwrap().collect();
    assert_eq!(items.len(), 4, "{items:#?}");
    assert!(items[0].is_ok() && items[1].is_ok() && items[3].is_ok());
    let e = items[2].as_ref().unwrap_err();
    assert!(e.message.starts_with("not a WARC record"), "{e}");
    assert_eq!(
        items[3].as_ref().unwrap().url.as_deref(),
        Some("https://a.example/3")
    );
    // In a plain file the offset is the record's own.
    let third = items[3].as_ref().unwrap().offset as usize;
    assert!(file[third..].starts_with("WARC/1.0"));
}

#[test]
fn the_shared_corpus_cleans_as_it_does_one_by_one_when_present() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/wceb");
    let root = if root.exists() {
        root
    } else {
        PathBuf::from("/work/shared/corpus/wceb")
    };
    let pages = pages_under(&root);
    if pages.is_empty() {
        println!("shared corpus not found: skipped");
        return;
    }
    let header_only = same_as_one_by_one(&pages);
    println!(
        "{} wceb pages, {header_only} with the charset only in the HTTP header",
        pages.len()
    );
    assert!(header_only > 0);
}
