//! The HTTP response inside a WARC `response` record: status line and
//! headers (parsed by `httparse`), then the payload with its transfer
//! coding (`chunked`) and content codings (`gzip`, `deflate`, `br`) undone.
//!
//! Common Crawl stores payloads already decoded and renames the headers
//! (`X-Crawler-Content-Encoding`), so their absence is the common case;
//! other crawlers (wget, Heritrix) keep the bytes as sent. A crawler that
//! cut a payload at its size limit leaves a truncated chunk or gzip
//! stream: what decodes is kept, and a warning says the payload is cut.

use std::io::{self, Read};

/// Headers read at most; a response with more is corrupt.
const MAX_HEADERS: usize = 256;

/// A parsed response.
#[derive(Debug)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// `Content-Type`'s media type, lowercased (`text/html`).
    pub media_type: Option<String>,
    /// `Content-Type`'s `charset` parameter, as written.
    pub charset: Option<String>,
    /// The payload, decoded.
    pub body: Vec<u8>,
    /// What went wrong without making the payload unusable.
    pub warnings: Vec<String>,
}

/// Parses `block`, a record's HTTP response, decoding a payload of at
/// most `limit` bytes.
pub fn parse(block: &[u8], limit: usize) -> Result<Response, String> {
    let mut headers = vec![httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut res = httparse::Response::new(&mut headers);
    let mut config = httparse::ParserConfig::default();
    config
        .allow_spaces_after_header_name_in_responses(true)
        .allow_obsolete_multiline_headers_in_responses(true)
        .allow_multiple_spaces_in_response_status_delimiters(true)
        .ignore_invalid_headers_in_responses(true);
    let head_len = match config.parse_response(&mut res, block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err("truncated HTTP header".into()),
        Err(e) => return Err(format!("bad HTTP header: {e}")),
    };
    let header = |name: &str| {
        res.headers
            .iter()
            .filter(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (media_type, charset) = content_type(&header("Content-Type"));
    let mut warnings = Vec::new();
    let mut body = block[head_len..].to_vec();
    if has_token(&header("Transfer-Encoding"), "chunked") {
        let (decoded, complete) = dechunk(&body);
        if !complete {
            warnings.push("HTTP payload truncated (chunked encoding cut off)".into());
        }
        body = decoded;
    }
    for coding in header("Content-Encoding").rsplit(',').map(str::trim) {
        body = decode(&body, &coding.to_ascii_lowercase(), limit, &mut warnings)?;
    }
    Ok(Response {
        status: res.code.unwrap_or(0),
        media_type,
        charset,
        body,
        warnings,
    })
}

/// The media type (lowercased) and charset of a `Content-Type` value.
pub fn content_type(value: &str) -> (Option<String>, Option<String>) {
    let mut parts = value.split(';');
    let media = parts
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(|c| c == '"' || c == '\'').to_string())
    });
    (media, charset.filter(|c| !c.is_empty()))
}

fn has_token(list: &str, token: &str) -> bool {
    list.split(',')
        .any(|t| t.trim().eq_ignore_ascii_case(token))
}

/// The data of a chunked body, and whether its last chunk was reached.
fn dechunk(mut body: &[u8]) -> (Vec<u8>, bool) {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let Ok(httparse::Status::Complete((used, size))) = httparse::parse_chunk_size(body) else {
            return (out, false);
        };
        if size == 0 {
            return (out, true);
        }
        body = &body[used..];
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        if size > body.len() {
            out.extend_from_slice(body);
            return (out, false);
        }
        out.extend_from_slice(&body[..size]);
        body = &body[size..];
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

/// Undoes one content coding, keeping at most `limit` bytes.
fn decode(
    body: &[u8],
    coding: &str,
    limit: usize,
    warnings: &mut Vec<String>,
) -> Result<Vec<u8>, String> {
    let reader: Box<dyn Read + '_> = match coding {
        "" | "identity" | "none" => return Ok(body.to_vec()),
        "gzip" | "x-gzip" => Box::new(flate2::bufread::MultiGzDecoder::new(body)),
        // "deflate" is meant to be zlib-wrapped, but some servers send raw
        // deflate: the zlib header's first byte tells them apart.
        "deflate" if body.first().is_some_and(|b| b & 0x0f == 8) => {
            Box::new(flate2::bufread::ZlibDecoder::new(body))
        }
        "deflate" => Box::new(flate2::bufread::DeflateDecoder::new(body)),
        "br" => Box::new(brotli_decompressor::Decompressor::new(body, 4096)),
        other => return Err(format!("unsupported HTTP Content-Encoding {other:?}")),
    };
    let (out, error) = read_bounded(reader, limit);
    if out.len() > limit {
        return Err(format!(
            "HTTP payload over the limit of {limit} bytes once decompressed"
        ));
    }
    match error {
        None => Ok(out),
        Some(_) if !out.is_empty() => {
            warnings.push(format!("HTTP payload truncated ({coding} stream cut off)"));
            Ok(out)
        }
        Some(e) => Err(format!("cannot decode {coding} HTTP payload: {e}")),
    }
}

/// Reads up to `limit + 1` bytes, keeping what was read before an error.
fn read_bounded(reader: impl Read, limit: usize) -> (Vec<u8>, Option<io::Error>) {
    let mut out = Vec::new();
    let error = reader.take(limit as u64 + 1).read_to_end(&mut out).err();
    (out, error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn response(headers: &str, body: &[u8]) -> Vec<u8> {
        [format!("HTTP/1.1 200 OK\r\n{headers}\r\n").as_bytes(), body].concat()
    }

    #[test]
    fn reads_type_charset_and_body() {
        let r = parse(
            &response(
                "Content-Type: text/html; Charset=\"ISO-8859-1\"\r\n",
                b"<p>x</p>",
            ),
            1000,
        )
        .unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.media_type.as_deref(), Some("text/html"));
        assert_eq!(r.charset.as_deref(), Some("ISO-8859-1"));
        assert_eq!(r.body, b"<p>x</p>");
    }

    #[test]
    fn undoes_chunked_then_gzip() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>hello chunks</p>").unwrap();
        let gz = gz.finish().unwrap();
        let (a, b) = gz.split_at(10);
        let mut chunked = format!("{:x}\r\n", a.len()).into_bytes();
        chunked.extend_from_slice(a);
        chunked.extend_from_slice(format!("\r\n{:x};ext=1\r\n", b.len()).as_bytes());
        chunked.extend_from_slice(b);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let r = parse(
            &response(
                "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                &chunked,
            ),
            1000,
        )
        .unwrap();
        assert_eq!(r.body, b"<p>hello chunks</p>");
        assert!(r.warnings.is_empty());
    }

    #[test]
    fn brotli_and_both_deflates() {
        let text = b"<p>compressed three ways</p>";
        let mut br = Vec::new();
        brotli_compress(text, &mut br);
        let r = parse(&response("Content-Encoding: br\r\n", &br), 1000).unwrap();
        assert_eq!(r.body, text);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(text).unwrap();
        let z = z.finish().unwrap();
        let r = parse(&response("Content-Encoding: deflate\r\n", &z), 1000).unwrap();
        assert_eq!(r.body, text);
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        d.write_all(text).unwrap();
        let d = d.finish().unwrap();
        let r = parse(&response("Content-Encoding: deflate\r\n", &d), 1000).unwrap();
        assert_eq!(r.body, text);
    }

    /// A brotli stream of `text` in one uncompressed meta-block (the
    /// decompressor crate does not compress): WBITS 16, then ISLAST=0,
    /// MNIBBLES=4, MLEN-1, ISUNCOMPRESSED=1, byte-aligned data, then an
    /// empty last meta-block.
    fn brotli_compress(text: &[u8], out: &mut Vec<u8>) {
        let mlen = text.len() as u32 - 1;
        // Bits, least significant first: 0 (WBITS=16), 0 (ISLAST), 00
        // (4 nibbles), 16 bits of MLEN-1, 1 (ISUNCOMPRESSED), pad to a byte.
        let bits: u64 = (mlen as u64) << 4 | 1 << 20;
        out.extend_from_slice(&bits.to_le_bytes()[..3]);
        out.extend_from_slice(text);
        // ISLAST=1, ISLASTEMPTY=1.
        out.push(0b11);
    }

    #[test]
    fn a_truncated_payload_keeps_what_decodes() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&b"<p>long enough text to be cut</p>".repeat(200))
            .unwrap();
        let gz = gz.finish().unwrap();
        let r = parse(
            &response("Content-Encoding: gzip\r\n", &gz[..gz.len() / 2]),
            1 << 20,
        )
        .unwrap();
        assert!(r.body.starts_with(b"<p>long enough"));
        assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    }

    #[test]
    fn refuses_a_bomb_and_a_broken_header() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&[b' '; 100_000]).unwrap();
        let gz = gz.finish().unwrap();
        let e = parse(&response("Content-Encoding: gzip\r\n", &gz), 1000).unwrap_err();
        assert!(e.contains("over the limit"), "{e}");
        assert_eq!(
            parse(b"HTTP/1.1 200 OK\r\nContent-Ty", 10).unwrap_err(),
            "truncated HTTP header"
        );
        assert!(parse(b"HTTP/1.1 200 OK\r\nContent-Encoding: zstd\r\n\r\nx", 10).is_err());
    }
}
