//! Bytes in, UTF-8 out: decide whether the input is HTML or text, and
//! decode it (with a charset declared outside the bytes, when there is
//! one).

mod decode;
mod sniff;

pub use decode::decode;
pub use sniff::looks_like_html;
