//! Tidying single metadata values: HTML entities left in JSON-LD strings,
//! language tags, bylines and URLs.

/// Named entities that pages leave in JSON-LD strings.
const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("rsquo", "\u{2019}"),
    ("lsquo", "\u{2018}"),
    ("rdquo", "\u{201D}"),
    ("ldquo", "\u{201C}"),
    ("ndash", "\u{2013}"),
    ("mdash", "\u{2014}"),
    ("hellip", "\u{2026}"),
];

/// Decodes `&amp;`, `&#39;`, `&#x2019;` and the entities of [`ENTITIES`];
/// anything else is left as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest
            .get(1..rest.len().min(12))
            .and_then(|r| r.find(';'))
            .and_then(|end| Some((entity(&rest[1..end + 1])?, end + 2)));
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code)
            .filter(|c| *c != '\0')
            .map(String::from);
    }
    ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_string())
}

/// A BCP 47 language tag in its usual case (`en`, `en-US`, `zh-Hant-TW`),
/// from `en_us`, `EN-us` or a `content-language` list (`de, en`: the
/// first). `None` when it is not a tag (`English`, `{{lang}}`).
pub fn language(s: &str) -> Option<String> {
    let first = s.split(',').next()?.trim();
    let mut parts = first.split(['-', '_']);
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = primary.to_ascii_lowercase();
    for sub in parts {
        if sub.is_empty() || sub.len() > 8 || !sub.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        out.push('-');
        match sub.len() {
            2 if sub.bytes().all(|b| b.is_ascii_alphabetic()) => {
                out.push_str(&sub.to_ascii_uppercase())
            }
            4 if sub.bytes().all(|b| b.is_ascii_alphabetic()) => {
                out.push_str(&sub[..1].to_ascii_uppercase());
                out.push_str(&sub[1..].to_ascii_lowercase());
            }
            _ => out.push_str(&sub.to_ascii_lowercase()),
        }
    }
    Some(out)
}

/// A byline as a name: without a leading "By", and not a URL or a
/// `@handle` (`article:author` often holds a profile link).
pub fn author(s: &str) -> Option<String> {
    let s = s.trim();
    if s.contains("://") || s.starts_with("www.") || s.starts_with('@') {
        return None;
    }
    let s = after_prefix(s, &["by ", "by: ", "von ", "par ", "por "]).map_or(s, str::trim_start);
    Some(s.to_string()).filter(|s| !s.is_empty())
}

/// What follows the first of `prefixes` (lowercase) that `s` opens with,
/// in any case.
pub fn after_prefix<'a>(s: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes.iter().find_map(|p| {
        let head = s.get(..p.len())?;
        (head.to_lowercase() == *p).then(|| &s[p.len()..])
    })
}

/// An absolute `http(s)` URL from `href`: as it is when absolute, else
/// resolved against `base` (absolute too) when there is one.
pub fn absolute_url(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if is_absolute(href) {
        return Some(href.to_string());
    }
    let base = base.filter(|b| is_absolute(b))?;
    let scheme_end = base.find("://")? + 3;
    if let Some(rest) = href.strip_prefix("//") {
        return Some(format!("{}{rest}", &base[..scheme_end]));
    }
    let host_end = base[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(base.len(), |i| scheme_end + i);
    if href.starts_with('/') {
        return Some(format!("{}{href}", &base[..host_end]));
    }
    if href.is_empty() || href.contains(':') {
        return None;
    }
    let path_end = base[host_end..]
        .find(['?', '#'])
        .map_or(base.len(), |i| host_end + i);
    let dir_end = base[host_end..path_end]
        .rfind('/')
        .map_or(host_end, |i| host_end + i);
    Some(format!("{}/{href}", &base[..dir_end]))
}

fn is_absolute(u: &str) -> bool {
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")) && u.len() > 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("Tom &amp; Jerry&#8217;s &#x27;x&#39; &bogus; &"),
            "Tom & Jerry\u{2019}s 'x' &bogus; &"
        );
    }

    #[test]
    fn language_tags() {
        assert_eq!(language("en_us").as_deref(), Some("en-US"));
        assert_eq!(language("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(language("de, en").as_deref(), Some("de"));
        assert_eq!(language("English"), None);
        assert_eq!(language("{{lang}}"), None);
    }

    #[test]
    fn bylines() {
        assert_eq!(author("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(author("https://facebook.com/jane"), None);
        assert_eq!(author("Bystrova Anna").as_deref(), Some("Bystrova Anna"));
    }

    #[test]
    fn urls() {
        let base = Some("https://news.example/a/b/page.html?x=1");
        assert_eq!(
            absolute_url("/c", base).as_deref(),
            Some("https://news.example/c")
        );
        assert_eq!(
            absolute_url("d.html", base).as_deref(),
            Some("https://news.example/a/b/d.html")
        );
        assert_eq!(
            absolute_url("//cdn.example/x", base).as_deref(),
            Some("https://cdn.example/x")
        );
        assert_eq!(absolute_url("/c", None), None);
        assert_eq!(absolute_url("javascript:void(0)", base), None);
    }
}
