//! What a block's text looks like, read in one pass over its characters:
//! length, capitals, digits, punctuation, links, addresses, handles,
//! hashtags, emoji, brackets, list markers, times and years. Language-free
//! by design: these shapes carry over from one publisher to the next.

/// The shape of one block's text.
#[derive(Debug, Default, Clone, Copy)]
pub struct Shape {
    pub chars: u32,
    pub letters: u32,
    pub upper: u32,
    pub digits: u32,
    pub punct: u32,
    pub cjk: u32,
    /// Words between spaces; in scripts written without spaces, a word
    /// per two characters.
    pub words: u32,
    /// Words that start with a capital letter, of those that start with a
    /// letter.
    pub capital_words: u32,
    pub letter_words: u32,
    pub first_upper: bool,
    pub ends_colon: bool,
    pub ends_digit: bool,
    pub pipes: u32,
    /// " / ", " - ", " » ", " > ", " · ", " • " between words.
    pub separators: u32,
    pub url: bool,
    pub email: bool,
    pub handle: bool,
    pub hashtag: bool,
    pub emoji: u32,
    pub brackets: u32,
    /// Opens with a bracket and closes with one: "(AP)", "[Photo: X]".
    pub wrapped: bool,
    /// Sentence ends inside the block (". ", "! ", "? " and CJK stops).
    pub inner_stops: u32,
    pub quotes: bool,
    pub commas: u32,
    pub list_marker: bool,
    /// The text as given starts with white space (an indented line).
    pub indented: bool,
    /// Ends a sentence once table pipes at the ends are stripped (a
    /// layout table's cell rendered as "| text |").
    pub terminal: bool,
    /// Non-empty cells between pipes (1 without pipes).
    pub cells: u32,
    /// "12:49"-like.
    pub time: bool,
    /// A year from 1900 to 2099.
    pub year: bool,
}

/// Reads the shape of `text` (the block's text as given).
pub fn shape(text: &str) -> Shape {
    let mut s = Shape {
        indented: text.starts_with(char::is_whitespace),
        ..Shape::default()
    };
    let t = text.trim();
    let mut prev = ' ';
    let mut prev2 = ' ';
    let mut digit_run = 0u32;
    let mut year_run = 0u32;
    let mut year_pending = false;
    for c in t.chars() {
        s.chars += 1;
        count_char(&mut s, c, prev, prev2);
        // A word starts after white space.
        if !c.is_whitespace() && prev.is_whitespace() {
            start_word(&mut s, c);
        }
        digit_run = if c.is_ascii_digit() { digit_run + 1 } else { 0 };
        year_run = year_start(year_run, digit_run, c, prev);
        // Four digits and no fifth.
        s.year |= year_pending && digit_run == 0;
        year_pending = year_run == 4 && digit_run == 4;
        prev2 = prev;
        prev = c;
    }
    s.year |= year_pending;
    s.words += s.cjk / 2;
    finish(&mut s, t);
    s
}

fn count_char(s: &mut Shape, c: char, prev: char, prev2: char) {
    if c.is_alphabetic() {
        s.letters += 1;
        s.upper += u32::from(c.is_uppercase());
        s.cjk += u32::from(is_cjk(c));
    } else if c.is_ascii_digit() {
        s.digits += 1;
        s.time |= prev == ':' && prev2.is_ascii_digit();
    } else if !c.is_whitespace() {
        s.punct += 1;
        match c {
            '|' => s.pipes += 1,
            '(' | '[' => s.brackets += 1,
            ',' | '\u{3001}' | '\u{FF0C}' => s.commas += 1,
            '"' | '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' | '\u{201E}' => s.quotes = true,
            '\u{3002}' | '\u{FF01}' | '\u{FF1F}' => s.inner_stops += 1,
            _ => s.emoji += u32::from(is_emoji(c)),
        }
    } else if matches!(prev, '.' | '!' | '?') && prev2.is_alphanumeric() {
        s.inner_stops += 1;
    }
}

fn start_word(s: &mut Shape, c: char) {
    s.words += 1;
    if c.is_alphabetic() {
        s.letter_words += 1;
        s.capital_words += u32::from(c.is_uppercase());
    }
    s.hashtag |= c == '#';
    s.handle |= c == '@';
}

/// Counts the digits of a year candidate that starts with 19 or 20 after a
/// non-digit.
fn year_start(run: u32, digits: u32, c: char, prev: char) -> u32 {
    match (digits, c, prev) {
        (1, '1' | '2', _) => 1,
        (2, '9' | '0', '1' | '2') if run == 1 => 2,
        (3 | 4, _, _) if run == digits - 1 => digits,
        _ => 0,
    }
}

/// What needs the whole text: its ends, links, addresses, separators.
fn finish(s: &mut Shape, t: &str) {
    let first = t.chars().next().unwrap_or(' ');
    let last = t.chars().next_back().unwrap_or(' ');
    s.first_upper = first.is_uppercase();
    s.ends_colon = matches!(last, ':' | '\u{FF1A}');
    s.ends_digit = last.is_ascii_digit();
    s.wrapped = matches!(first, '(' | '[') && matches!(last, ')' | ']');
    s.list_marker = list_marker(t);
    let inner = t.trim_matches(|c: char| c == '|' || c.is_whitespace());
    s.terminal = crate::classify::facts::ends_sentence(inner);
    s.cells = inner.split('|').filter(|c| !c.trim().is_empty()).count() as u32;
    let lower_has = |needle: &str| t.contains(needle);
    s.url = lower_has("http://")
        || lower_has("https://")
        || lower_has("www.")
        || [".com", ".org", ".net", ".co.uk", ".de/", ".html"]
            .iter()
            .any(|d| lower_has(d));
    s.email = t.split_whitespace().any(|w| {
        w.find('@')
            .is_some_and(|at| at > 0 && w[at..].contains('.'))
    });
    // A handle is an @ word that is not an address.
    s.handle &= !s.email || t.contains(" @");
    s.separators = [
        " / ",
        " - ",
        " \u{00BB} ",
        " > ",
        " \u{00B7} ",
        " \u{2022} ",
    ]
    .iter()
    .map(|sep| t.matches(sep).count() as u32)
    .sum();
}

/// "- item", "* item", "• item", "1. item", "2) item".
fn list_marker(t: &str) -> bool {
    let mut chars = t.chars();
    match chars.next() {
        Some('-' | '*' | '\u{2022}' | '\u{00B7}' | '\u{2013}' | '\u{25CF}' | '\u{25AA}') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.len() + 3 >= t.len() && (rest.starts_with(". ") || rest.starts_with(") "))
        }
        _ => false,
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_shapes_that_tell_furniture() {
        let s = shape("  Follow @tomli or write to tli@example.org (Photo: AP) 2024, 12:49");
        assert!(s.indented && s.handle && s.email && s.year && s.time);
        assert_eq!(s.brackets, 1);
        assert!(!s.wrapped);
        let s = shape("Home | News | Sport");
        assert_eq!((s.pipes, s.words, s.capital_words), (2, 5, 3));
        assert!(shape("(Reuters)").wrapped);
        assert!(shape("- Read this next").list_marker);
        assert!(shape("12. Item").list_marker && !shape("1985 was a year").list_marker);
        assert!(!shape("It cost 18000 euros").year);
        assert_eq!(shape("He left. She stayed. Done.").inner_stops, 2);
        assert!(shape("Visit www.example.com").url);
        assert!(shape("#climate #cop28").hashtag);
    }
}
