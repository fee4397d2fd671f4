//! Scoring a cleaner's output against ground truth, as the evaluation
//! command (`newsbody-eval`) does it.
//!
//! Two measures, both defined in the shared corpus README:
//!
//! - [`metric`]: token-shingle precision, recall and F1 (the ScrapingHub
//!   article-extraction benchmark's measure), per document and averaged
//!   over a corpus.
//! - [`lines`]: line precision, line recall, exact match and the share of
//!   boilerplate lines removed, for corpora whose truth is a set of lines
//!   taken verbatim from the input.
//!
//! ```
//! use newsbody::eval::metric::{score, aggregate};
//! let doc = score("one two three four five", "one two three four");
//! assert_eq!(doc.precision, 1.0);
//! assert_eq!(doc.recall, 0.5);
//! let corpus = aggregate(&[doc]);
//! assert!((corpus.f1 - 2.0 / 3.0).abs() < 1e-12);
//! ```

pub mod lines;
pub mod metric;
