//! What cleaning returns: the body, and for every block the decision taken
//! on it, with the rule and the evidence behind each removal.

use serde::Serialize;
use std::fmt;

/// What a removed block was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A donation, membership or "support us" appeal from the publisher.
    Appeal,
    /// A newsletter or email sign-up prompt.
    Newsletter,
    /// A subscription offer or paywall notice.
    Subscription,
    /// "Read more:", "Related:" and bare related-headline inserts.
    Related,
    /// Share, comment and "follow us" prompts.
    Share,
    /// "Originally published by ...", republishing and syndication notes.
    Republish,
    /// Copyright and "All rights reserved" lines.
    Copyright,
    /// Cookie and consent text.
    Cookie,
    /// Advertisement labels and affiliate disclosures or shopping inserts.
    Ad,
    /// Photo and image credits, captions.
    Credit,
    /// Author bios and "follow the author" promos.
    Author,
    /// Menus, breadcrumbs, tag lists and other page furniture.
    Navigation,
    /// Event, app or product promotion by the publisher.
    Promo,
    /// The page's title, standfirst or byline (HTML: not part of the body).
    Heading,
    /// Text outside the page's main content (HTML).
    Outside,
}

impl Kind {
    /// All kinds, in the order they are documented.
    pub const ALL: [Kind; 15] = [
        Kind::Appeal,
        Kind::Newsletter,
        Kind::Subscription,
        Kind::Related,
        Kind::Share,
        Kind::Republish,
        Kind::Copyright,
        Kind::Cookie,
        Kind::Ad,
        Kind::Credit,
        Kind::Author,
        Kind::Navigation,
        Kind::Promo,
        Kind::Heading,
        Kind::Outside,
    ];

    /// The kind's stable name, as used in rule files and outputs.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Appeal => "appeal",
            Kind::Newsletter => "newsletter",
            Kind::Subscription => "subscription",
            Kind::Related => "related",
            Kind::Share => "share",
            Kind::Republish => "republish",
            Kind::Copyright => "copyright",
            Kind::Cookie => "cookie",
            Kind::Ad => "ad",
            Kind::Credit => "credit",
            Kind::Author => "author",
            Kind::Navigation => "navigation",
            Kind::Promo => "promo",
            Kind::Heading => "heading",
            Kind::Outside => "outside",
        }
    }

    /// Parses a kind's name (see [`Kind::name`]).
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One removed block: what it said, what it was, and why it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// The removed text, as it stood in the input.
    pub text: String,
    /// What the block was.
    pub kind: Kind,
    /// The stable id of the rule that fired (see `rules/` and the README).
    pub rule: String,
    /// The phrase or signal that made the rule fire.
    pub evidence: String,
    /// The block's index among all blocks of the document, from 0.
    pub position: usize,
}

/// The decision taken on one block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "decision", rename_all = "lowercase")]
pub enum Verdict {
    /// The block is body and stays.
    Keep,
    /// The block is removed.
    Drop {
        /// What the block was.
        kind: Kind,
        /// The rule id.
        rule: String,
        /// What made the rule fire.
        evidence: String,
    },
}

/// One block of the document with its decision, for the explain view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlockReport {
    /// The block's index, from 0.
    pub position: usize,
    /// The block's text as it stood in the input (HTML: its visible text).
    pub text: String,
    /// Kept or dropped, and why.
    #[serde(flatten)]
    pub verdict: Verdict,
    /// The block's structure on the page (heading, list item, quote, table
    /// row, code line, emphasis), which [`Cleaned::to_markdown`] renders;
    /// `None` for text input. Not part of the JSON output.
    #[serde(skip)]
    pub shape: Option<crate::markdown::Shape>,
}

/// The result of cleaning one document.
///
/// It serialises as the stable JSON object of [`crate::JsonOutput`]
/// (without `source`); see `schema/newsbody-output-v1.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The clean article body. For text input, the kept blocks exactly as
    /// they were, with their original separators; for HTML, one block per
    /// line.
    pub body: String,
    /// The page's title, when the input was HTML and had one.
    pub title: Option<String>,
    /// Every removed block, in document order.
    pub removed: Vec<Removal>,
    /// Problems met on the way that did not stop cleaning (malformed bytes,
    /// a guessed encoding, ...).
    pub warnings: Vec<String>,
    /// Every block with its decision, in document order.
    pub blocks: Vec<BlockReport>,
    /// What the page says about itself (HTML); empty for text input.
    pub metadata: crate::Metadata,
}
