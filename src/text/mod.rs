//! Plain text into blocks.

mod segment;

pub use segment::segment;

/// Whether a separator between two blocks holds a blank line.
pub fn is_paragraph_break(separator: &str) -> bool {
    separator.bytes().filter(|&b| b == b'\n').count() >= 2
}
