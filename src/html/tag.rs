//! The element names the HTML path tells apart, and what each one is for
//! layout: a block boundary, inline text, or never content.

/// An element's name, reduced to what the extraction needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// A text node (not an element).
    Text,
    P,
    Div,
    Section,
    Article,
    Main,
    Body,
    H1,
    /// `h2` to `h6`: subheads.
    Heading(u8),
    Li,
    Ul,
    Ol,
    Dl,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Table,
    Tr,
    /// `td` and `th`.
    Cell,
    Figure,
    Figcaption,
    Aside,
    Footer,
    Header,
    Nav,
    Form,
    A,
    Br,
    Hr,
    Img,
    /// Any other block-level element (address, center, details, custom
    /// elements with a hyphen, ...).
    OtherBlock,
    /// Any other inline element (span, b, em, font, Word's `o:p`, ...).
    Inline,
}

impl Tag {
    /// The tag for an element name (lowercase, as html5ever gives it).
    pub fn from_name(name: &str) -> Tag {
        match name {
            "p" => Tag::P,
            "div" => Tag::Div,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "body" => Tag::Body,
            "h1" => Tag::H1,
            "h2" => Tag::Heading(2),
            "h3" => Tag::Heading(3),
            "h4" => Tag::Heading(4),
            "h5" => Tag::Heading(5),
            "h6" => Tag::Heading(6),
            "li" => Tag::Li,
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "blockquote" => Tag::Blockquote,
            "pre" => Tag::Pre,
            "table" => Tag::Table,
            "tr" => Tag::Tr,
            "td" | "th" => Tag::Cell,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "aside" => Tag::Aside,
            "footer" => Tag::Footer,
            "header" => Tag::Header,
            "nav" => Tag::Nav,
            "form" => Tag::Form,
            "a" => Tag::A,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "img" => Tag::Img,
            "address" | "center" | "details" | "summary" | "dialog" | "fieldset" | "hgroup"
            | "caption" | "tbody" | "thead" | "tfoot" | "html" | "menu" | "legend" | "frameset"
            | "noframes" | "option" => Tag::OtherBlock,
            n if n.contains('-') => Tag::OtherBlock,
            _ => Tag::Inline,
        }
    }

    /// The name used in block features (`p`, `h2`, `li`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Tag::Text => "#text",
            Tag::P => "p",
            Tag::Div => "div",
            Tag::Section => "section",
            Tag::Article => "article",
            Tag::Main => "main",
            Tag::Body => "body",
            Tag::H1 => "h1",
            Tag::Heading(2) => "h2",
            Tag::Heading(3) => "h3",
            Tag::Heading(4) => "h4",
            Tag::Heading(5) => "h5",
            Tag::Heading(_) => "h6",
            Tag::Li => "li",
            Tag::Ul => "ul",
            Tag::Ol => "ol",
            Tag::Dl => "dl",
            Tag::Dt => "dt",
            Tag::Dd => "dd",
            Tag::Blockquote => "blockquote",
            Tag::Pre => "pre",
            Tag::Table => "table",
            Tag::Tr => "tr",
            Tag::Cell => "td",
            Tag::Figure => "figure",
            Tag::Figcaption => "figcaption",
            Tag::Aside => "aside",
            Tag::Footer => "footer",
            Tag::Header => "header",
            Tag::Nav => "nav",
            Tag::Form => "form",
            Tag::A => "a",
            Tag::Br => "br",
            Tag::Hr => "hr",
            Tag::Img => "img",
            Tag::OtherBlock => "div",
            Tag::Inline => "span",
        }
    }

    /// Starts and ends a line of text: everything but inline elements,
    /// links, images, line breaks and text.
    pub fn is_block(self) -> bool {
        !matches!(self, Tag::Text | Tag::Inline | Tag::A | Tag::Br | Tag::Img)
    }

    /// Page furniture: what sits in it is rarely body.
    pub fn is_furniture(self) -> bool {
        matches!(self, Tag::Aside | Tag::Footer | Tag::Nav | Tag::Form)
    }
}
