//! A gzip stream read member by member, so that one corrupt member costs
//! only itself.
//!
//! A `.warc.gz` file is a series of gzip members, usually one per record
//! (the WARC standard's recommendation), sometimes one for the whole file.
//! [`Members`] decompresses them as one continuous stream, like flate2's
//! `MultiGzDecoder`, and also says where in the compressed file the member
//! being read began (the offset CDX indexes give). When a member turns out
//! to be corrupt or truncated, its read fails, and [`Members::resync`] skips
//! to the next position holding a valid gzip header, where reading goes on.

use flate2::bufread::GzDecoder;
use std::io::{self, BufRead, Read};

/// The first three bytes of every gzip member (magic number, deflate).
const MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// A reader over the concatenated contents of a file's gzip members.
pub struct Members<R: Read> {
    state: State<R>,
    /// Compressed bytes consumed before the current member began.
    member_start: u64,
    /// Compressed bytes consumed from `R` by finished members and skips.
    consumed: u64,
}

enum State<R: Read> {
    /// Between members: the raw reader, with its consumed-bytes counter.
    Between(Counted<R>),
    /// Inside a member.
    Inside(Box<GzDecoder<Counted<R>>>),
    /// Moved out while switching states (only ever seen after a panic).
    Poisoned,
}

impl<R: Read> Members<R> {
    /// Reads the gzip members of `inner`, which starts at a member.
    pub fn new(inner: R) -> Members<R> {
        Members {
            state: State::Between(Counted::new(inner)),
            member_start: 0,
            consumed: 0,
        }
    }

    /// The compressed offset at which the member last read from began.
    pub fn member_start(&self) -> u64 {
        self.member_start
    }

    /// Abandons the current member and skips to the next gzip header after
    /// its start. Returns `false` when no header is left in the file.
    pub fn resync(&mut self) -> io::Result<bool> {
        let mut raw = match std::mem::replace(&mut self.state, State::Poisoned) {
            State::Between(raw) => raw,
            State::Inside(decoder) => decoder.into_inner(),
            State::Poisoned => return Ok(false),
        };
        self.consumed += raw.take_count();
        // Never resume inside the member that failed: skip its first byte
        // when nothing of it has been consumed yet.
        if self.consumed == self.member_start && !raw.fill_buf()?.is_empty() {
            raw.consume(1);
        }
        let found = skip_to_magic(&mut raw)?;
        self.consumed += raw.take_count();
        self.state = State::Between(raw);
        Ok(found)
    }

    /// Opens the next member, if any bytes are left.
    fn open(&mut self, mut raw: Counted<R>) -> io::Result<Option<Counted<R>>> {
        if raw.fill_buf()?.is_empty() {
            return Ok(Some(raw));
        }
        self.consumed += raw.take_count();
        self.member_start = self.consumed;
        self.state = State::Inside(Box::new(GzDecoder::new(raw)));
        Ok(None)
    }
}

impl<R: Read> Read for Members<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            match std::mem::replace(&mut self.state, State::Poisoned) {
                State::Poisoned => return Ok(0),
                State::Between(raw) => {
                    if let Some(raw) = self.open(raw)? {
                        // End of the file.
                        self.state = State::Between(raw);
                        return Ok(0);
                    }
                }
                State::Inside(mut decoder) => match decoder.read(buf) {
                    Ok(0) => {
                        // A member's end: the next read opens the next one.
                        self.state = State::Between(decoder.into_inner());
                    }
                    Ok(n) => {
                        self.state = State::Inside(decoder);
                        return Ok(n);
                    }
                    Err(e) => {
                        self.state = State::Inside(decoder);
                        return Err(e);
                    }
                },
            }
        }
    }
}

/// Consumes bytes up to the next gzip magic number (left unconsumed).
/// Returns whether one was found.
fn skip_to_magic<R: Read>(raw: &mut Counted<R>) -> io::Result<bool> {
    loop {
        let buf = raw.fill_at_least(MAGIC.len())?;
        if buf.len() < MAGIC.len() {
            let n = buf.len();
            raw.consume(n);
            return Ok(false);
        }
        // Keep the last two bytes when there is no match: the magic may
        // straddle the end of the buffer.
        let n = memchr::memmem::find(buf, &MAGIC).unwrap_or(buf.len() + 1 - MAGIC.len());
        let found = n + MAGIC.len() <= buf.len() && buf[n..n + MAGIC.len()] == MAGIC;
        raw.consume(n);
        if found {
            return Ok(true);
        }
    }
}

/// The compressed file, buffered here (not by a `BufReader`) so that the
/// bytes consumed can be counted and a few more bytes asked for when a
/// gzip header might straddle the buffer's end.
struct Counted<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    count: u64,
}

/// The compressed-side buffer size.
const BUFFER: usize = 64 * 1024;

impl<R: Read> Counted<R> {
    fn new(inner: R) -> Counted<R> {
        Counted {
            inner,
            buf: vec![0; BUFFER],
            pos: 0,
            end: 0,
            count: 0,
        }
    }

    /// The bytes consumed since the last call.
    fn take_count(&mut self) -> u64 {
        std::mem::take(&mut self.count)
    }

    /// The buffered bytes, at least `n` of them unless the file ends first.
    fn fill_at_least(&mut self, n: usize) -> io::Result<&[u8]> {
        if self.end - self.pos < n {
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.pos = 0;
            while self.end < n {
                match self.inner.read(&mut self.buf[self.end..]) {
                    Ok(0) => break,
                    Ok(k) => self.end += k,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(&self.buf[self.pos..self.end])
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.fill_at_least(1)
    }

    fn consume(&mut self, amt: usize) {
        let amt = amt.min(self.end - self.pos);
        self.pos += amt;
        self.count += amt as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn reads_members_as_one_stream_and_knows_where_each_began() {
        let (a, b) = (gz(b"first member "), gz(b"second member"));
        let file = [a.clone(), b].concat();
        let mut m = Members::new(&file[..]);
        let mut first = [0u8; 13];
        m.read_exact(&mut first).unwrap();
        assert_eq!(&first, b"first member ");
        assert_eq!(m.member_start(), 0);
        let mut rest = String::new();
        m.read_to_string(&mut rest).unwrap();
        assert_eq!(rest, "second member");
        assert_eq!(m.member_start(), a.len() as u64);
    }

    #[test]
    fn a_corrupt_member_is_skipped_and_the_next_one_read() {
        // Text that does not compress to a few bytes.
        let middle: Vec<u8> = (0..5000u32).map(|i| b'a' + (i * 7919 % 26) as u8).collect();
        let (a, b, c) = (gz(b"one"), gz(&middle), gz(b"three"));
        let mut bad = b.clone();
        for byte in &mut bad[20..60] {
            *byte ^= 0x5a;
        }
        let file = [a.clone(), bad, c].concat();
        let mut m = Members::new(&file[..]);
        let mut out = Vec::new();
        let mut buf = [0u8; 64];
        let mut errors = 0;
        loop {
            match m.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(_) => {
                    errors += 1;
                    assert!(m.resync().unwrap());
                }
            }
        }
        assert!(errors >= 1);
        let out = String::from_utf8_lossy(&out);
        assert!(out.starts_with("one"), "{out}");
        assert!(out.ends_with("three"), "{out}");
    }

    #[test]
    fn a_truncated_last_member_is_an_error_then_the_end() {
        let (a, b) = (gz(b"whole"), gz(b"cut short here"));
        let file = [a, b[..b.len() - 6].to_vec()].concat();
        let mut m = Members::new(&file[..]);
        let mut s = Vec::new();
        assert!(m.read_to_end(&mut s).is_err());
        assert!(!m.resync().unwrap());
        assert_eq!(m.read(&mut [0u8; 8]).unwrap(), 0);
    }
}
