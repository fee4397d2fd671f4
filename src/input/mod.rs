//! Bytes in, UTF-8 out: decide whether the input is HTML or text, and
//! decode it (with a charset declared outside the bytes, when there is
//! one), and refuse input that is not text at all.

mod binary;
mod decode;
mod hint;
mod sniff;

pub use binary::{control_share, signature};
pub use decode::decode;
pub use sniff::looks_like_html;
