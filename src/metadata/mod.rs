//! The page's metadata (title, author, date, language, canonical URL, site
//! name, description), read from what the page's head says ([`Head`],
//! read once while the page is read into blocks).
//!
//! Each field is a cascade over the sources, in this order of trust:
//! 1. `<meta>`: Open Graph, `article:*`, Twitter cards, Dublin Core,
//!    `name=author`, `name=date` and the like, and microdata `itemprop`
//!    with `content`; plus `<html lang>` and `<link rel=canonical>`, which
//!    come first for language and URL;
//! 2. JSON-LD (`NewsArticle`, `Article`, `BlogPosting`, ...);
//! 3. `<time datetime>` (date) and `<title>` (title).
//!
//! A page whose head names no author may show one in its byline: see
//! [`byline_author`].
//!
//! A title that is only the site's name (or a generic one or two words the
//! headline does not contain) gives way to the page's `<h1>`.
//!
//! A candidate that does not hold up (a date that does not parse, a
//! language that is not a tag, an author that is a profile URL) is passed
//! over for the next. The keys each field reads stand together in the
//! tables below.

mod byline;
mod date;
mod jsonld;
mod values;

pub use crate::model::{Head, Metadata};

pub use byline::byline_author;
pub use date::normalize as normalize_date;

/// Title keys, in order of trust.
const TITLE: &[&str] = &[
    "og:title",
    "twitter:title",
    "dc.title",
    "dcterms.title",
    "title",
    "headline",
    "sailthru.title",
    "parsely-title",
];
/// Author keys (`author` and `article:author` may repeat: all are read).
const AUTHOR: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "parsely-author",
    "sailthru.author",
    "citation_author",
];
/// Publication date keys.
const DATE: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "article.published",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "citation_date",
];
/// Language keys, after `<html lang>`.
const LANGUAGE: &[&str] = &[
    "og:locale",
    "content-language",
    "dc.language",
    "dcterms.language",
    "language",
    "inlanguage",
];
/// URL keys, after `<link rel=canonical>`.
const URL: &[&str] = &[
    "og:url",
    "twitter:url",
    "dc.identifier",
    "dcterms.identifier",
];
/// Keys naming the publisher: an author equal to one of them is passed
/// over for a person's name.
const PUBLISHER: &[&str] = &[
    "og:site_name",
    "publisher",
    "dc.publisher",
    "dcterms.publisher",
    "application-name",
];
/// Site name keys.
const SITE_NAME: &[&str] = &["og:site_name", "dc.publisher", "dcterms.publisher"];
/// Description keys.
const DESCRIPTION: &[&str] = &[
    "description",
    "og:description",
    "twitter:description",
    "dc.description",
    "dcterms.description",
    "dcterms.abstract",
];

/// Reads the metadata from what a page's head says.
///
/// ```
/// use newsbody::metadata::{Head, extract};
/// let head = Head::read(
///     r#"<html lang="en-gb"><head><meta property="og:title" content="A title">
///        <meta property="article:published_time" content="Tue, 05 Mar 2024 10:00:00 GMT">
///        </head><body></body></html>"#,
/// );
/// let m = extract(&head);
/// assert_eq!(m.title.as_deref(), Some("A title"));
/// assert_eq!(m.date.as_deref(), Some("2024-03-05T10:00:00Z"));
/// assert_eq!(m.language.as_deref(), Some("en-GB"));
/// ```
pub fn extract(head: &Head) -> Metadata {
    extract_titled(head, None)
}

/// [`extract`], with the title the page stage read first in the title's
/// cascade (the `<h1>` the head confirms, else `og:title`, the JSON-LD
/// headline, or the `<title>` without its site's name), so that a page
/// has one title.
pub(crate) fn extract_titled(head: &Head, page_title: Option<&str>) -> Metadata {
    let scripts = head.json_ld.iter().filter(|s| s.for_metadata);
    let ld = jsonld::read(scripts.map(|s| &s.value).collect());
    let author = author(head, &ld.authors);
    let site_name = head
        .meta_value(SITE_NAME)
        .map(str::to_string)
        .or(ld.site_name);
    let cascade = head
        .meta_value(TITLE)
        .map(str::to_string)
        .or(ld.headline)
        .or(head.title.clone());
    let title = page_title
        .map(values::decode_entities)
        .filter(|p| !is_short_beside(p, cascade.as_deref(), head.title.as_deref()))
        .or(cascade)
        .map(|t| {
            headline(
                t,
                site_name.as_deref(),
                head.h1.as_deref().filter(|_| head.h1_count == 1),
            )
        })
        .map(|t| without_author(t, author.as_deref()))
        .map(|t| without_site(t, site_name.as_deref()));
    Metadata {
        title,
        author,
        date: date(head, &ld.dates),
        language: language(head, ld.language.as_deref()),
        url: url(head, ld.url),
        site_name,
        description: head
            .meta_value(DESCRIPTION)
            .map(str::to_string)
            .or(ld.description),
    }
}

/// The first source that names someone other than the publisher (pages
/// often put the site's name in `author`): each author key (all its
/// values), then JSON-LD, then microdata and `rel=author` bylines. When
/// every source names the publisher, the first does.
fn author(page: &Head, ld: &[String]) -> Option<String> {
    let publisher: Vec<String> = PUBLISHER
        .iter()
        .flat_map(|k| page.meta_values(k))
        .map(str::to_lowercase)
        .collect();
    let metas = AUTHOR.iter().map(|k| join_authors(page.meta_values(k)));
    let others = [ld, &page.bylines]
        .into_iter()
        .map(|names| join_authors(names.iter().map(String::as_str)));
    let mut candidates = metas.chain(others).flatten().peekable();
    let first = candidates.peek().cloned();
    candidates
        .find(|a| !publisher.contains(&a.to_lowercase()))
        .or(first)
}

/// The page's `<h1>` (when it has only one) instead of a title that is
/// only the site's (or a section's) name: the same as the site name, or
/// one or two words that the `<h1>`, of three words or more, does not
/// contain ("Новости" over "Городской совет утвердил бюджет"). An `<h1>`
/// holding the site's name is its logo, not a headline. Otherwise the
/// title.
fn headline(title: String, site_name: Option<&str>, h1: Option<&str>) -> String {
    let Some(h1) = h1 else {
        return title;
    };
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (title_words, h1_words) = (words(&title), words(h1));
    let is_site_name = site_name.is_some_and(|s| words(s) == title_words);
    let is_generic = title_words.len() <= 2
        && h1_words.len() >= 3
        && title_words.iter().all(|w| !h1_words.contains(w));
    let h1_is_site_name = site_name.is_some_and(|s| words(s).iter().all(|w| h1_words.contains(w)));
    if (is_site_name || is_generic) && !h1_is_site_name && h1_words != title_words {
        h1.to_string()
    } else {
        title
    }
}

/// Whether the page stage's title is one or two words where the head
/// offers a title of three or more, and is either the page's `<title>`
/// itself (a section's or site's name: "Archiv") or the start of the
/// head's title (a headline cut short: "Water main").
fn is_short_beside(page: &str, head: Option<&str>, shown: Option<&str>) -> bool {
    let words = |s: &str| s.split_whitespace().count();
    let Some(head) = head.filter(|h| words(h) >= 3) else {
        return false;
    };
    let cut_short = head
        .strip_prefix(page)
        .and_then(|rest| rest.strip_prefix(' '))
        .is_some_and(|rest| rest.starts_with(char::is_alphanumeric));
    words(page) <= 2 && (shown.map(str::trim) == Some(page) || cut_short)
}

/// The title without the site's name before or after it ("Headline -
/// Site", "Site | Headline"), when the page names its site; a title that
/// is only the site's name stays.
fn without_site(title: String, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title;
    };
    for sep in [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " : "] {
        let trailing = format!("{sep}{site}");
        let leading = format!("{site}{sep}");
        let rest = (title.len() > trailing.len())
            .then(|| title.get(title.len() - trailing.len()..))
            .flatten()
            .filter(|end| end.eq_ignore_ascii_case(&trailing))
            .map(|_| &title[..title.len() - trailing.len()])
            .or_else(|| {
                let head = title.get(..leading.len())?;
                (title.len() > leading.len() && head.eq_ignore_ascii_case(&leading))
                    .then(|| &title[leading.len()..])
            });
        if let Some(rest) = rest.map(str::trim).filter(|r| !r.is_empty()) {
            return rest.to_string();
        }
    }
    title
}

/// The title without a trailing "| Author" (or "- Author") that names the
/// page's author: some sites append it to `og:title`, while the page shows
/// the headline alone.
fn without_author(title: String, author: Option<&str>) -> String {
    let Some(author) = author else {
        return title;
    };
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let named = author
                .split("; ")
                .any(|a| a.eq_ignore_ascii_case(tail.trim()));
            if named && !head.trim().is_empty() {
                return head.trim_end().to_string();
            }
        }
    }
    title
}

/// Names tidied, duplicates dropped, joined with `"; "`.
fn join_authors<'a>(names: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names.filter_map(values::author) {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    (!out.is_empty()).then(|| out.join("; "))
}

/// Meta keys, then JSON-LD, then `<time>` marked as the publication time,
/// then the first `<time>` that parses.
fn date(page: &Head, ld: &[String]) -> Option<String> {
    let metas = DATE.iter().flat_map(|k| page.meta_values(k));
    let marked = page.times.iter().filter(|t| t.published);
    let times = marked.chain(&page.times).map(|t| t.value.as_str());
    metas
        .chain(ld.iter().map(String::as_str))
        .chain(times)
        .find_map(date::normalize)
}

fn language(page: &Head, ld: Option<&str>) -> Option<String> {
    let metas = LANGUAGE.iter().flat_map(|k| page.meta_values(k));
    page.lang
        .as_deref()
        .into_iter()
        .chain(metas)
        .chain(ld)
        .find_map(values::language)
}

/// `<link rel=canonical>` (resolved against `<base>` or `og:url` when
/// relative), then the URL keys, then JSON-LD.
fn url(page: &Head, ld: Option<String>) -> Option<String> {
    let base = page
        .base
        .as_deref()
        .or_else(|| page.meta_value(&["og:url"]));
    let canonical = page
        .canonical
        .as_deref()
        .and_then(|c| values::absolute_url(c, base));
    canonical
        .or_else(|| {
            URL.iter()
                .flat_map(|k| page.meta_values(k))
                .find_map(|u| values::absolute_url(u, None))
        })
        .or(ld)
}

#[cfg(test)]
mod tests {
    use super::{headline, without_site};

    #[test]
    fn the_site_name_leaves_the_title_only_where_the_page_names_its_site() {
        let site = Some("Valley Post");
        let t = |s: &str| s.to_string();
        assert_eq!(
            without_site(t("Bridge reopens | Valley Post"), site),
            "Bridge reopens"
        );
        assert_eq!(
            without_site(t("VALLEY POST - Bridge reopens"), site),
            "Bridge reopens"
        );
        assert_eq!(without_site(t("Valley Post"), site), "Valley Post");
        assert_eq!(
            without_site(t("Bridge reopens | Hill News"), site),
            "Bridge reopens | Hill News"
        );
        assert_eq!(
            without_site(t("Bridge reopens | Valley Post"), None),
            "Bridge reopens | Valley Post"
        );
    }

    #[test]
    fn the_h1_replaces_only_a_title_that_names_the_site() {
        let headline_text = "Ferry timetable changes from Monday";
        let h1 = Some(headline_text);
        let site = Some("The Harbour Courier");
        let pick = |title: &str, site, h1| headline(title.to_string(), site, h1);
        assert_eq!(pick("The Harbour Courier", site, h1), headline_text);
        assert_eq!(pick("Home", None, h1), headline_text);
        // A real title stays: it shares a word with the h1, or is long.
        assert_eq!(pick("Ferry changes", None, h1), "Ferry changes");
        assert_eq!(pick("New ferry timetable", None, h1), "New ferry timetable");
        // An h1 that is itself the site's name (a logo) is no headline.
        assert_eq!(pick("News", site, site), "News");
        let logo = Some("The Harbour Courier: news for the islands");
        assert_eq!(pick("Ferry news", site, logo), "Ferry news");
        assert_eq!(pick("News", None, Some("Weather")), "News");
        assert_eq!(pick("News", None, None), "News");
    }
}
