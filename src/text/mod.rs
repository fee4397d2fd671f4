//! Plain text into blocks.

mod segment;

pub use segment::{count, segment};
