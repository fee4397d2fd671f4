//! What a page says about itself: title, author, date, language, canonical
//! URL, site name and description, as the metadata stage reads them.

use serde::{Deserialize, Serialize};

/// What a page says about itself. Every field is `None` when the page does
/// not say (and all are for text input). Serialised with every field
/// present, `null` when unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Metadata {
    /// The article's title as its metadata gives it (`og:title`, JSON-LD
    /// `headline`, ..., else `<title>`).
    pub title: Option<String>,
    /// The author or authors, joined with `"; "`.
    pub author: Option<String>,
    /// The publication date in ISO 8601: `2024-03-05T10:00:00Z`,
    /// `2024-03-05T10:00:00+01:00`, `2024-03-05T10:00:00` (no zone given)
    /// or `2024-03-05` (only a date given).
    pub date: Option<String>,
    /// The language as a BCP 47 tag (`en`, `en-US`).
    pub language: Option<String>,
    /// The canonical URL (absolute).
    pub url: Option<String>,
    /// The site or publisher name.
    pub site_name: Option<String>,
    /// The page's own summary.
    pub description: Option<String>,
}

impl Metadata {
    /// Whether no field is known.
    pub fn is_empty(&self) -> bool {
        *self == Metadata::default()
    }
}
