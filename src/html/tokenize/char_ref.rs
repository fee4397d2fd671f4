//! Character references (`&amp;`, `&#8217;`, `&#x2014;`, legacy `&copy`
//! without a semicolon), as html5ever's character-reference tokenizer
//! reads them: the longest named reference that starts here, and in an
//! attribute value the historical rule that `&copy=` or `&copyx` stay
//! as written.

use super::Tokenizer;
use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// The characters a reference stands for (one or two).
pub type Chars = [Option<char>; 2];

/// The longest entity name, semicolon included.
const LONGEST_NAME: usize = 32;

impl Tokenizer<'_> {
    /// The reference at `at` (an `&`): its characters and the position
    /// after it, or `None` when the `&` is only an ampersand.
    pub(super) fn char_ref(&self, at: usize, in_attribute: bool) -> Option<(Chars, usize)> {
        let b = self.bytes;
        match b.get(at + 1)? {
            b'#' => numeric(b, at + 2),
            c if c.is_ascii_alphanumeric() => self.named(at + 1, in_attribute),
            _ => None,
        }
    }

    fn named(&self, from: usize, in_attribute: bool) -> Option<(Chars, usize)> {
        let b = self.bytes;
        let run = b[from..]
            .iter()
            .take(LONGEST_NAME)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let semicolon = b.get(from + run) == Some(&b';');
        let longest = run + usize::from(semicolon);
        // Every prefix of a name is in the table too (mapped to zero): the
        // longest full name that starts here is the one html5ever finds.
        let (len, (c1, c2)) = (1..=longest.min(LONGEST_NAME)).rev().find_map(|len| {
            let name = &self.src[from..from + len];
            NAMED_ENTITIES
                .get(name)
                .filter(|m| m.0 != 0)
                .map(|&m| (len, m))
        })?;
        let end = from + len;
        if b[end - 1] != b';'
            && in_attribute
            && b.get(end)
                .is_some_and(|&c| c == b'=' || c.is_ascii_alphanumeric())
        {
            return None;
        }
        let chars = [char::from_u32(c1), char::from_u32(c2).filter(|_| c2 != 0)];
        Some((chars, end))
    }
}

/// A numeric reference whose digits (or `x` and hex digits) start at `at`.
fn numeric(b: &[u8], at: usize) -> Option<(Chars, usize)> {
    let (base, start) = match b.get(at) {
        Some(b'x' | b'X') => (16, at + 1),
        _ => (10, at),
    };
    let digits = b[start.min(b.len())..]
        .iter()
        .take_while(|c| (**c as char).is_digit(base))
        .count();
    if digits == 0 {
        return None;
    }
    let mut value: u32 = 0;
    for &c in &b[start..start + digits] {
        let d = (c as char).to_digit(base).expect("a digit");
        value = value.saturating_mul(base).saturating_add(d);
    }
    let mut end = start + digits;
    if b.get(end) == Some(&b';') {
        end += 1;
    }
    Some(([Some(numeric_char(value)), None], end))
}

/// What a numeric reference stands for: the standard's replacements for
/// NUL, surrogates, out-of-range values and the C1 controls.
fn numeric_char(n: u32) -> char {
    match n {
        0 | 0xD800..=0xDFFF | 0x11_0000.. => '\u{fffd}',
        0x80..=0x9F => {
            C1_REPLACEMENTS[(n - 0x80) as usize].unwrap_or_else(|| char::from_u32(n).expect("C1"))
        }
        n => char::from_u32(n).unwrap_or('\u{fffd}'),
    }
}

#[cfg(test)]
mod tests {
    use super::numeric_char;

    #[test]
    fn numeric_references_follow_the_replacement_table() {
        assert_eq!(numeric_char(0), '\u{fffd}');
        assert_eq!(numeric_char(0x80), '\u{20ac}');
        assert_eq!(numeric_char(0x81), '\u{81}');
        assert_eq!(numeric_char(0xD800), '\u{fffd}');
        assert_eq!(numeric_char(0x110000), '\u{fffd}');
        assert_eq!(numeric_char(0x2019), '\u{2019}');
    }
}
