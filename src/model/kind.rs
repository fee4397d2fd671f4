//! What a removed block was: the fifteen kinds of boilerplate, with the
//! stable names that rule files, the explain view and the JSON report use.

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
