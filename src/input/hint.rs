//! What a document says about itself that helps guess its charset when it
//! declares none: the hint chardetng takes, a top-level domain, as a
//! browser passes the page's own.
//!
//! In this order:
//! 1. the page's language (`<html lang>`, `<meta http-equiv=
//!    content-language>`, `og:locale`), as the domain of a country that
//!    writes it (`pl` for Polish, `gr` for Greek, `us` for English);
//! 2. the country domain of the page's own URL (`<link rel=canonical>`,
//!    `og:url`); `.com`, `.org` and the like say nothing;
//! 3. English prose: when the words between the tags are plainly English,
//!    the Western domain. English needs no letter beyond ASCII, so its few
//!    other bytes (`£`, curly quotes, dashes) give the detector too little
//!    to tell windows-1252 from a Central European charset, where "£200"
//!    becomes "Ł200".
//!
//! Only ASCII is read, so the bytes need not be decoded first.

/// How far into the document the head is looked for.
const HEAD: usize = 16 * 1024;

/// Languages whose legacy charset is not the Western one, as a country
/// domain chardetng knows for that charset. Any other language written in
/// the Latin alphabet gets the Western domain, [`WESTERN`].
const LANGUAGE_DOMAINS: &[(&str, &str)] = &[
    ("ar", "sa"),
    ("az", "az"),
    ("be", "by"),
    ("bg", "bg"),
    ("bs", "ba"),
    ("cs", "cz"),
    ("el", "gr"),
    ("fa", "ir"),
    ("he", "il"),
    ("hr", "hr"),
    ("hu", "hu"),
    ("hy", "am"),
    ("is", "is"),
    ("iw", "il"),
    ("ja", "jp"),
    ("ka", "ge"),
    ("kk", "kz"),
    ("ko", "kr"),
    ("lt", "lt"),
    ("lv", "lv"),
    ("mk", "mk"),
    ("mn", "mn"),
    ("pl", "pl"),
    ("ro", "ro"),
    ("ru", "ru"),
    ("sk", "sk"),
    ("sl", "si"),
    ("sr", "rs"),
    ("th", "th"),
    ("tr", "tr"),
    ("uk", "ua"),
    ("ur", "pk"),
    ("vi", "vn"),
    ("yi", "il"),
    ("zh", "cn"),
];

/// Languages of the Western charset (windows-1252).
const WESTERN_LANGUAGES: &[&str] = &[
    "af", "br", "ca", "co", "cy", "da", "de", "en", "es", "et", "eu", "fi", "fo", "fr", "fy", "ga",
    "gd", "gl", "id", "it", "lb", "ms", "nb", "nl", "nn", "no", "oc", "pt", "rm", "sq", "sv", "sw",
    "tl",
];

/// A domain chardetng reads as Western.
const WESTERN: &str = "us";

/// Words that make up a good share of any English prose and rarely
/// appear in other languages.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "for", "that", "with", "are", "was", "this", "from", "have",
    "you", "your", "which", "will", "been", "their", "would",
];

/// The top-level domain to hint the detector with, lowercase ASCII
/// letters, or `None` when the document says nothing useful.
pub fn tld(bytes: &[u8], html: bool) -> Option<String> {
    if html {
        let head = ascii_lowercase(&bytes[..bytes.len().min(HEAD)]);
        let tags = Tags::read(&head);
        let from_language = tags.language.as_deref().and_then(language_domain);
        let from_url = tags.url.as_deref().and_then(country_domain);
        if let Some(tld) = from_language.or(from_url) {
            return Some(tld);
        }
    }
    reads_as_english(bytes).then(|| WESTERN.to_string())
}

/// What the head's tags say: the language and the page's own URL.
#[derive(Default)]
struct Tags {
    language: Option<String>,
    url: Option<String>,
}

impl Tags {
    /// Reads `<html lang>`, `<meta http-equiv=content-language>`,
    /// `og:locale`, `<link rel=canonical>` and `og:url` from lowercased
    /// bytes; the first of each kind wins.
    fn read(lower: &[u8]) -> Tags {
        let mut tags = Tags::default();
        let mut from = 0;
        while let Some(p) = memchr::memchr(b'<', &lower[from..]) {
            let start = from + p + 1;
            let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
            tags.take(&lower[start..end]);
            from = end;
        }
        tags
    }

    /// Takes what one tag (between `<` and `>`) says.
    fn take(&mut self, tag: &[u8]) {
        let name_end = tag
            .iter()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(tag.len());
        let attrs = attributes(&tag[name_end..]);
        let get = |name: &[u8]| {
            attrs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
        };
        let language = match &tag[..name_end] {
            b"html" => get(b"lang").or_else(|| get(b"xml:lang")),
            b"meta" if get(b"http-equiv").as_deref() == Some("content-language") => get(b"content"),
            b"meta" if get(b"property").as_deref() == Some("og:locale") => get(b"content"),
            _ => None,
        };
        let url = match &tag[..name_end] {
            b"link" if get(b"rel").as_deref() == Some("canonical") => get(b"href"),
            b"meta" if get(b"property").as_deref() == Some("og:url") => get(b"content"),
            _ => None,
        };
        if self.language.is_none() {
            self.language = language.filter(|l| !l.trim().is_empty());
        }
        if self.url.is_none() {
            self.url = url;
        }
    }
}

/// The `name=value` pairs of a tag's attribute text; values may be quoted
/// with `"` or `'` or bare.
fn attributes(mut s: &[u8]) -> Vec<(&[u8], &[u8])> {
    let mut out = Vec::new();
    loop {
        s = trim_start(s);
        let name_len = s
            .iter()
            .position(|&b| b == b'=' || b.is_ascii_whitespace() || b == b'/')
            .unwrap_or(s.len());
        if name_len == 0 {
            match s.split_first() {
                Some((_, rest)) => {
                    s = rest;
                    continue;
                }
                None => return out,
            }
        }
        let (name, rest) = s.split_at(name_len);
        let rest = trim_start(rest);
        let Some(rest) = rest.strip_prefix(b"=") else {
            s = rest;
            continue;
        };
        let rest = trim_start(rest);
        let (value, after) = match rest.first() {
            Some(&q @ (b'"' | b'\'')) => {
                let body = &rest[1..];
                let end = memchr::memchr(q, body).unwrap_or(body.len());
                (&body[..end], body.get(end + 1..).unwrap_or(&[]))
            }
            _ => {
                let end = rest
                    .iter()
                    .position(u8::is_ascii_whitespace)
                    .unwrap_or(rest.len());
                rest.split_at(end)
            }
        };
        out.push((name, value));
        s = after;
    }
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

fn ascii_lowercase(bytes: &[u8]) -> Vec<u8> {
    bytes.iter().map(u8::to_ascii_lowercase).collect()
}

/// The domain for a language tag (`en-GB`, `pt_BR`, `zh-TW`).
fn language_domain(tag: &str) -> Option<String> {
    let tag = tag.trim();
    let mut parts = tag.split(['-', '_']);
    let language = parts.next()?;
    let region = parts.next().unwrap_or("");
    if language == "zh" && matches!(region, "tw" | "hk" | "mo" | "hant") {
        return Some(if region == "hant" { "tw" } else { region }.to_string());
    }
    if let Some((_, tld)) = LANGUAGE_DOMAINS.iter().find(|(l, _)| *l == language) {
        return Some((*tld).to_string());
    }
    WESTERN_LANGUAGES
        .contains(&language)
        .then(|| WESTERN.to_string())
}

/// The country domain of an absolute URL (`https://www.example.co.uk/x`
/// gives `uk`), or `None` for a generic one (`.com`) or no host.
fn country_domain(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let tld = host.trim_end_matches('.').rsplit('.').next()?;
    let known = tld.len() == 2 || matches!(tld, "edu" | "gov" | "mil");
    (known && tld.bytes().all(|b| b.is_ascii_lowercase())).then(|| tld.to_string())
}

/// Whether the words outside the tags are plainly English: at least 20
/// of them are common English words, and they are at least one word in
/// twelve.
fn reads_as_english(bytes: &[u8]) -> bool {
    let (mut words, mut english) = (0usize, 0usize);
    let mut in_tag = false;
    let mut word = Vec::new();
    for &b in bytes {
        match b {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            _ if in_tag => {}
            _ if b.is_ascii_alphabetic() => {
                word.push(b.to_ascii_lowercase());
                continue;
            }
            _ => {}
        }
        if !word.is_empty() {
            words += 1;
            if std::str::from_utf8(&word).is_ok_and(|w| ENGLISH_WORDS.contains(&w)) {
                english += 1;
            }
            word.clear();
        }
    }
    english >= 20 && english * 12 >= words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_language_comes_first() {
        let page = b"<html lang=\"pl\"><head><link rel=canonical href=\"http://x.co.uk/a\">";
        assert_eq!(tld(page, true).as_deref(), Some("pl"));
        let page = b"<HTML><head><meta property='og:locale' content='el_GR'>";
        assert_eq!(tld(page, true).as_deref(), Some("gr"));
        let page = b"<html lang=en-GB><p>x";
        assert_eq!(tld(page, true).as_deref(), Some("us"));
        let page = b"<html lang=\"zh-TW\">";
        assert_eq!(tld(page, true).as_deref(), Some("tw"));
    }

    #[test]
    fn then_the_country_of_the_page_url() {
        let page = b"<html><head><link rel=\"canonical\" href=\"https://www.example.co.uk/story\">";
        assert_eq!(tld(page, true).as_deref(), Some("uk"));
        let page = b"<meta property=\"og:url\" content=\"http://news.example.cz:8080/a\">";
        assert_eq!(tld(page, true).as_deref(), Some("cz"));
        let page = b"<link rel=canonical href=\"https://example.com/a\">";
        assert_eq!(tld(page, true), None);
    }

    #[test]
    fn then_english_prose() {
        let text = "The council said that the plan for the river was approved \
                    and that the work will start in May. "
            .repeat(4);
        assert_eq!(tld(text.as_bytes(), false).as_deref(), Some("us"));
        let polish =
            "Rada miasta zatwierdzi\u{142}a bud\u{17c}et na przysz\u{142}y rok. ".repeat(20);
        assert_eq!(tld(polish.as_bytes(), false), None);
        // Words inside tags are not prose.
        let tags = "<a href=the-and-of-to title=\"the and of to\">x</a>".repeat(40);
        assert_eq!(tld(tags.as_bytes(), true), None);
    }

    #[test]
    fn attributes_quoted_bare_and_odd() {
        let attrs = attributes(b" a=\"1 2\" b='3' c=4 d e = 5 /");
        let got: Vec<(&[u8], &[u8])> = attrs;
        assert_eq!(
            got,
            vec![
                (&b"a"[..], &b"1 2"[..]),
                (b"b", b"3"),
                (b"c", b"4"),
                (b"e", b"5")
            ]
        );
    }
}
