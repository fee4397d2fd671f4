//! The vocabulary every stage shares: the block and its structure on the
//! page, the kinds of boilerplate, the one reason type for "removed, and
//! why", what a page's head says, and what cleaning returns. Stages read and write these types;
//! the output formats (`crate::output`) only read them. Nothing here
//! imports a stage.

pub mod block;
mod cleaned;
pub mod head;
mod kind;
mod metadata;
mod reason;
pub mod shape;

pub use block::Block;
pub use cleaned::{BlockReport, Cleaned, Removal, Verdict};
pub use head::Head;
pub use kind::Kind;
pub use metadata::Metadata;
pub use reason::Reason;
pub use shape::Shape;
