//! The library's errors: few, and each says what to fix.

/// Why cleaning or loading rules failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A rule file line could not be understood.
    #[error("rule file {source_name}, line {line}: {message}")]
    Rule {
        /// The rule file's name.
        source_name: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A scorer weights file could not be read, or was fitted to other
    /// features than this build computes.
    #[error("scorer weights: {0}")]
    Weights(String),
    /// The input is larger than [`crate::Options::max_input_bytes`].
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// The input's size.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The input is not text: a binary format's signature opens it, or
    /// control characters are more than a small share of its start. Not
    /// overridden by [`crate::InputKind`]: binary is never cleaned.
    #[error("not text: {why}")]
    NotText {
        /// What gave it away.
        why: String,
    },
}
