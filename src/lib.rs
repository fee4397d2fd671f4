//! newsbody removes publisher appeals and boilerplate from news articles and
//! returns the clean body, with the reason for every removal.
//!
//! It takes either a saved page (HTML) or already-extracted article text:
//!
//! ```
//! let text = "The council approved the budget on Tuesday.\n\
//!             It takes effect in March.\n\
//!             A Message from The Daily Example:\n\
//!             Dear readers,\n\
//!             We rely on you. Please support us monthly from just $3.\n\
//!             Remind me later.\n";
//! let cleaned = newsbody::clean(text.as_bytes(), &newsbody::Options::default()).unwrap();
//! assert_eq!(cleaned.body, "The council approved the budget on Tuesday.\nIt takes effect in March.\n");
//! assert_eq!(cleaned.removed[0].kind, newsbody::Kind::Appeal);
//! ```
//!
//! For many documents, build a [`Cleaner`] once and reuse it (it is `Send +
//! Sync`):
//!
//! ```
//! use newsbody::{Cleaner, Options};
//! let cleaner = Cleaner::new(Options::default()).unwrap();
//! for doc in ["One paragraph.\nRead more: Another story", "Second text."] {
//!     let cleaned = cleaner.clean(doc.as_bytes()).unwrap();
//!     assert!(!cleaned.body.contains("Read more"));
//! }
//! ```
//!
//! The pipeline, in the order data flows: `input` (sniff and decode),
//! `text` or `html` (cut into blocks), `classify` (facts, direct rules,
//! regions, context revision), then `output` assembles the body from the
//! kept blocks and renders the formats. Every stage speaks the vocabulary
//! of `model` (blocks, kinds, the reason for a removal, the result).
//!
//! With the `eval` feature, `eval` scores a body against ground truth with
//! the corpus metric (token shingles and lines); the `newsbody-eval`
//! command is built on it.

/// The README's Rust snippets, compiled by `cargo test` as doctests, so
/// that the library example there builds as written.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeSnippets;

mod classify;
mod cleaner;
mod error;
#[cfg(feature = "eval")]
pub mod eval;
mod html;
mod input;
pub mod metadata;
mod model;
mod normalize;
mod options;
mod output;
mod rules;
mod text;
#[cfg(feature = "train")]
#[doc(hidden)]
pub mod train;
#[cfg(feature = "warc")]
pub mod warc;

pub use cleaner::{Cleaner, clean};
pub use error::Error;
pub use model::{BlockReport, Cleaned, Kind, Metadata, Reason, Removal, Shape, Verdict};
pub use options::{InputKind, Options, Scorer};
pub use output::json::{JsonOutput, SCHEMA_VERSION};
pub use output::{jsonl, markdown};
