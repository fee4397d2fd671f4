//! Plain text into blocks.

mod body;
mod segment;

pub use body::body;
pub use segment::segment;
