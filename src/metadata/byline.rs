//! The author as the page shows it in the article's byline, for pages
//! whose head names no author: the first block the classifier removed as a
//! heading line (a byline, a dateline) that reads "By NAME" in one of the
//! languages of [`PREFIXES`], the name cut where a date, place or outlet
//! begins.

/// Words that open a byline, lowercase, each followed by a space.
const PREFIXES: &[&str] = &[
    "by ",
    "by: ",
    "von ",
    "par ",
    "por ",
    "di ",
    "door ",
    "av ",
    "af ",
    "od ",
    "autor: ",
    "autorin: ",
    "text: ",
    "auteur : ",
    "auteur: ",
    "автор: ",
];
/// Where a name ends: a list separator, a date or place after it.
const NAME_ENDS: &[&str] = &[
    ",", "|", "•", "·", " - ", " – ", " — ", " on ", " am ", " le ", " el ", "(", "/",
];
/// Small words inside a name ("Ana de la Cruz", "Ann and Bo Lee").
const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "ter", "y",
    "e", "and", "und", "et", "&", "bin", "al",
];
/// Words that make a byline a role or an outlet, not a name alone ("AP
/// Sports Writer", "The Times-Picayune"): such a byline gives no author
/// rather than a wrong one.
const NOT_A_NAME: &[&str] = &[
    "the",
    "writer",
    "correspondent",
    "reporter",
    "editor",
    "staff",
    "redaktion",
    "redakteur",
    "korrespondent",
    "rédaction",
    "redacción",
    "redazione",
];
/// A name has at most this many words.
const MAX_WORDS: usize = 8;

/// The name in a byline such as "By SELINA WILLIAMS" or "Von Anna Berg,
/// Berlin", or `None` when `line` does not read as one.
///
/// ```
/// use newsbody::metadata::byline_author;
/// assert_eq!(byline_author("By Ann Lee, 2 May 2024").as_deref(), Some("Ann Lee"));
/// assert_eq!(byline_author("By the time we arrived it was dark."), None);
/// ```
pub fn byline_author(line: &str) -> Option<String> {
    let line = line.trim();
    let rest = super::values::after_prefix(line, PREFIXES)?;
    let end = NAME_ENDS
        .iter()
        .filter_map(|e| rest.find(e))
        .min()
        .unwrap_or(rest.len());
    let name = rest[..end].trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let named = !words.is_empty()
        && !words
            .iter()
            .any(|w| NOT_A_NAME.contains(&w.to_lowercase().as_str()))
        && words.len() <= MAX_WORDS
        && words.first().is_some_and(|w| capitalised(w))
        && words.last().is_some_and(|w| capitalised(w))
        && words
            .iter()
            .all(|w| capitalised(w) || PARTICLES.contains(&w.to_lowercase().as_str()));
    named.then(|| name.to_string())
}

/// A word of a name: it opens with a capital letter and holds no digit.
fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && !word.chars().any(|c| c.is_numeric())
}

#[cfg(test)]
mod tests {
    use super::byline_author;

    #[test]
    fn a_byline_gives_the_name_alone() {
        let cases = [
            ("By SELINA WILLIAMS", Some("SELINA WILLIAMS")),
            ("Von Anna Berg, Berlin", Some("Anna Berg")),
            (
                "Par Jean-Paul Martin | 3 mars 2021",
                Some("Jean-Paul Martin"),
            ),
            ("Por Ana de la Cruz - 12/01/2022", Some("Ana de la Cruz")),
            (
                "By Ann Lee and Bo Chen on May 2, 2024",
                Some("Ann Lee and Bo Chen"),
            ),
            ("Автор: Иван Петров", Some("Иван Петров")),
        ];
        for (line, name) in cases {
            assert_eq!(byline_author(line).as_deref(), name, "{line}");
        }
    }

    #[test]
    fn a_sentence_or_a_date_is_no_byline() {
        for line in [
            "By the time the vote was called, most members had left.",
            "By 2030 the line will carry twice as many passengers.",
            "Posted May 19, 2020",
            "By",
            "Bylines are short.",
            "By JOSEPH WHITE AP Sports Writer",
            "By The Harbour Courier",
        ] {
            assert_eq!(byline_author(line), None, "{line}");
        }
    }
}
