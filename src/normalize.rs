//! One normal form for matching: NFC, lowercase, straight quotes and
//! apostrophes, plain spaces, single spaces. Rules are written against this
//! form and are normalised the same way when loaded.
//!
//! And the squeezed form of a value read from a page (a title, a meta
//! value): whitespace runs collapsed to one space, nothing else changed.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Returns the matching form of `text`.
///
/// Three paths give the same result at different costs: ASCII text (most
/// English) is folded byte by byte, as ASCII is already NFC and its case
/// folding is a bit flip; text that the NFC quick check finds already
/// composed (almost all real text) is folded char by char without
/// composing; only the rest goes through full NFC.
pub fn normalize(text: &str) -> String {
    let mut out = Fold {
        out: Vec::with_capacity(text.len()),
        last_space: true,
    };
    if text.is_ascii() {
        out.ascii_run(text.as_bytes());
    } else if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        // Runs of ASCII (most of the text even in most other Latin-script
        // languages) byte by byte, the rest char by char.
        let mut rest = text;
        while !rest.is_empty() {
            let ascii = rest
                .bytes()
                .position(|b| !b.is_ascii())
                .unwrap_or(rest.len());
            out.ascii_run(&rest.as_bytes()[..ascii]);
            rest = &rest[ascii..];
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                out.char(c);
                rest = chars.as_str();
            }
        }
    } else {
        text.nfc().for_each(|c| out.char(c));
    }
    let mut out = out.out;
    if out.last() == Some(&b' ') {
        out.pop();
    }
    // Only whole characters were appended: checked once, here.
    String::from_utf8(out).expect("folded text is UTF-8")
}

/// `s` with whitespace runs collapsed to one space and trimmed.
pub fn squeeze(s: &str) -> String {
    squeeze_within(s, usize::MAX)
}

/// [`squeeze`], keeping at most `max` bytes: the words that fit whole.
pub fn squeeze_within(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max));
    for w in s.split_whitespace() {
        if out.len() + w.len() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The folded text being built, as UTF-8 bytes: spaces squeezed, leading
/// ones dropped.
struct Fold {
    out: Vec<u8>,
    last_space: bool,
}

impl Fold {
    /// ASCII bytes, as `ascii` one by one, appended straight to the
    /// buffer: per byte a table lookup and no UTF-8 encoding.
    fn ascii_run(&mut self, bytes: &[u8]) {
        let out = &mut self.out;
        let mut last_space = self.last_space;
        for &b in bytes {
            let f = ASCII_FOLD[usize::from(b)];
            if f == b' ' {
                if !last_space {
                    out.push(b' ');
                }
                last_space = true;
            } else {
                out.push(f);
                last_space = false;
            }
        }
        self.last_space = last_space;
    }

    /// An ASCII byte: the same as `char` for it, without the tables.
    #[inline]
    fn ascii(&mut self, b: u8) {
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => self.space(),
            b'`' => self.push('\''),
            _ => self.push(b.to_ascii_lowercase() as char),
        }
    }

    #[inline]
    fn char(&mut self, c: char) {
        if c.is_ascii() {
            return self.ascii(c as u8);
        }
        let c = fold_char(c);
        if c == ' ' {
            self.space();
        } else if c.is_uppercase() {
            for l in c.to_lowercase() {
                self.push(l);
            }
        } else {
            self.push(c);
        }
    }

    #[inline]
    fn space(&mut self) {
        if !self.last_space {
            self.out.push(b' ');
        }
        self.last_space = true;
    }

    /// A character that is not a space (lowercase never yields one).
    #[inline]
    fn push(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.out
            .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        self.last_space = false;
    }
}

/// What `Fold::ascii` makes of each ASCII byte (`b' '` for the spaces it
/// squeezes). Only indices below 128 are used.
const ASCII_FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b' ' | b'\t' | b'\r' | b'\n' => b' ',
            b'`' => b'\'',
            c => c.to_ascii_lowercase(),
        };
        b += 1;
    }
    t
};

/// Folds typographic variants to one character.
fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' | '\u{2002}'
        | '\u{2003}' | '\u{3000}' | '\t' | '\r' | '\n' => ' ',
        '\u{200B}' | '\u{200C}' | '\u{FEFF}' => ' ',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn folds_case_quotes_and_spaces() {
        assert_eq!(
            normalize("  Don\u{2019}t\u{00A0}\u{00A0}Stop “Now” "),
            "don't stop \"now\""
        );
    }

    #[test]
    fn composes_and_keeps_nukta_forms_equal() {
        // U+095D is a composition exclusion: NFC decomposes it, so both
        // spellings meet in the decomposed form.
        assert_eq!(normalize("\u{095D}"), normalize("\u{0922}\u{093C}"));
        assert_eq!(normalize("e\u{0301}"), "\u{00E9}");
    }

    /// The old single path: NFC, then fold and lowercase char by char.
    fn reference(text: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        let mut out = String::new();
        let mut last_space = true;
        for c in text.nfc() {
            let c = super::fold_char(c);
            let lower: Vec<char> = if c.is_uppercase() {
                c.to_lowercase().collect()
            } else {
                vec![c]
            };
            for l in lower {
                if l == ' ' {
                    if !last_space {
                        out.push(' ');
                    }
                    last_space = true;
                } else {
                    out.push(l);
                    last_space = false;
                }
            }
        }
        if out.ends_with(' ') {
            out.pop();
        }
        out
    }

    #[test]
    fn all_paths_agree_with_the_reference() {
        let samples = [
            "",
            "   ",
            "Plain ASCII,\tWith\r\nBreaks and `ticks`  ",
            "\u{0130}stanbul \u{1E9E} \u{01C5}EMAL \u{03A3}\u{0391}\u{03A3}",
            "Über \u{201E}Spenden\u{201C}\u{00A0}\u{2014} \u{0423}\u{043A}\u{0440}\u{0430}\u{0457}\u{043D}\u{0430}",
            "Cafe\u{0301} \u{095D} \u{0915}\u{093C} A\u{030A}",
            "\u{200B}zero\u{FEFF}width\u{3000}ideo\u{0085}next\u{000B}vt",
        ];
        for s in samples {
            assert_eq!(normalize(s), reference(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_reference_on_any_text(s in "\\PC{0,40}") {
            proptest::prop_assert_eq!(normalize(&s), reference(&s));
        }

        #[test]
        fn agrees_on_mixed_scripts_and_marks(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "A", "z", " ", "\t", "\n", "`", "\u{00C9}", "e\u{0301}", "\u{0301}", "\u{0327}",
                "\u{0130}", "\u{03A3}", "\u{0416}", "\u{095D}", "\u{093C}", "\u{00A0}", "\u{2019}",
                "\u{01C5}", "\u{1E9E}", "\u{FB01}", "\u{212B}",
            ]), 0..24)
        ) {
            let s: String = parts.concat();
            proptest::prop_assert_eq!(normalize(&s), reference(&s));
        }
    }
}
