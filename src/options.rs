//! How a caller steers cleaning.

/// What the input is. `Auto` sniffs it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InputKind {
    /// Decide from the bytes: a doctype, an `<html>` tag or a high density
    /// of tags means HTML; anything else is text.
    #[default]
    Auto,
    /// Already-extracted article text, one paragraph per line or blank-line
    /// separated paragraphs.
    Text,
    /// A saved web page.
    Html,
}

/// Options for a [`crate::Cleaner`].
#[derive(Debug, Clone)]
pub struct Options {
    /// What the input is.
    pub input: InputKind,
    /// Extra rule files, as `(name, contents)`, in the format of `rules/`.
    /// They are added to the built-in rules.
    pub extra_rules: Vec<(String, String)>,
    /// Inputs larger than this many bytes are refused with
    /// [`crate::Error::TooLarge`].
    pub max_input_bytes: usize,
    /// The learned scorer that decides the blocks no rule decides.
    pub scorer: Scorer,
}

/// Which learned scorer decides the blocks no rule decides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Scorer {
    /// The weights built into the library.
    #[default]
    BuiltIn,
    /// None: the rules alone decide.
    Off,
    /// Weights read from the contents of a weights file (the format of
    /// `scorer/weights.txt`, as `newsbody-train` writes it).
    Weights(String),
}

impl Default for Options {
    fn default() -> Self {
        Options {
            input: InputKind::Auto,
            extra_rules: Vec::new(),
            max_input_bytes: 256 * 1024 * 1024,
            scorer: Scorer::BuiltIn,
        }
    }
}
