//! Why a block is removed: one type from the first stage that knows it
//! (a box the HTML stage rules out, a title, a caption) through
//! classification to the report.

use super::Kind;
use serde::Serialize;

/// Why a block is removed: what it was, the stable id of the rule that
/// fired (see `rules/` and the README), and the phrase or signal that made
/// it fire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// What the block was.
    pub kind: Kind,
    /// The stable id of the rule that fired.
    pub rule: String,
    /// The phrase or signal that made the rule fire.
    pub evidence: String,
}

impl Reason {
    /// A reason of `kind`, given by `rule`, with its `evidence`.
    pub fn new(kind: Kind, rule: impl Into<String>, evidence: impl Into<String>) -> Reason {
        Reason {
            kind,
            rule: rule.into(),
            evidence: evidence.into(),
        }
    }
}
