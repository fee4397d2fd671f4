//! One normal form for matching: NFC, lowercase, straight quotes and
//! apostrophes, plain spaces, single spaces. Rules are written against this
//! form and are normalised the same way when loaded.

use unicode_normalization::UnicodeNormalization;

/// Returns the matching form of `text`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    let push = |c: char, out: &mut String, last_space: &mut bool| {
        if c == ' ' {
            if !*last_space {
                out.push(' ');
            }
            *last_space = true;
        } else {
            out.push(c);
            *last_space = false;
        }
    };
    let fast = text.is_ascii();
    let mut handle = |c: char| {
        let c = fold_char(c);
        if c.is_uppercase() {
            for l in c.to_lowercase() {
                push(l, &mut out, &mut last_space);
            }
        } else {
            push(c, &mut out, &mut last_space);
        }
    };
    if fast {
        text.chars().for_each(&mut handle);
    } else {
        text.nfc().for_each(&mut handle);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

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
}
