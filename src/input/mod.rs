//! Bytes in, UTF-8 out: decide whether the input is HTML or text, and
//! decode it; for HTML, defuse nesting bombs before the parser sees them.

mod decode;
mod nesting;
mod sniff;

pub use decode::decode;
pub use nesting::{MAX_DEPTH, limit_nesting};
pub use sniff::looks_like_html;
