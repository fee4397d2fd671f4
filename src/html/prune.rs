//! What is never content: elements whose text a reader does not see as
//! part of the page (scripts, styles, templates, form controls, embedded
//! frames) and elements hidden by their own markup (`hidden`,
//! `aria-hidden="true"`, inline `display:none` or `visibility:hidden`).
//!
//! Never-content elements are left out of the tree altogether; hidden ones
//! are only flagged, because a saved page sometimes hides its whole
//! wrapper behind an overlay (see `dom::Dom::settle_hidden`).

use super::tree::Element;
use html5ever::{LocalName, local_name};

/// Elements whose text is never read as content (as atoms: comparing
/// one is comparing two integers).
const NEVER_CONTENT: &[LocalName] = &[
    local_name!("script"),
    local_name!("style"),
    local_name!("noscript"),
    local_name!("template"),
    local_name!("svg"),
    local_name!("math"),
    local_name!("iframe"),
    local_name!("frame"),
    local_name!("object"),
    local_name!("embed"),
    local_name!("canvas"),
    local_name!("select"),
    local_name!("textarea"),
    local_name!("button"),
    local_name!("input"),
    local_name!("option"),
    local_name!("optgroup"),
    local_name!("datalist"),
    local_name!("audio"),
    local_name!("video"),
    local_name!("source"),
    local_name!("track"),
    local_name!("map"),
    local_name!("link"),
    local_name!("meta"),
    local_name!("title"),
    local_name!("base"),
    local_name!("param"),
];

/// Whether `el` and everything inside it are left out.
pub fn never_content(el: &Element) -> bool {
    NEVER_CONTENT.contains(&el.name.local)
}

/// The attributes the arena reads, found in one pass over the element's
/// attributes (a lookup by name costs an atom lookup and a search each).
#[derive(Default)]
pub struct Attrs<'a> {
    pub class: Option<&'a str>,
    pub id: Option<&'a str>,
    pub itemprop: Option<&'a str>,
    hidden: bool,
    aria_hidden: Option<&'a str>,
    style: Option<&'a str>,
    role: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    /// Reads the attributes without a prefix or a namespace, as
    /// [`Element::attr`] does.
    pub fn read(el: &'a Element) -> Attrs<'a> {
        let mut a = Attrs::default();
        for at in &el.attrs {
            if at.name.prefix.is_some() || !at.name.ns.is_empty() {
                continue;
            }
            let value = Some(&*at.value);
            match &*at.name.local {
                "class" => a.class = value,
                "id" => a.id = value,
                "itemprop" => a.itemprop = value,
                "hidden" => a.hidden = true,
                "aria-hidden" => a.aria_hidden = value,
                "style" => a.style = value,
                "role" => a.role = value,
                _ => {}
            }
        }
        a
    }

    /// Whether the element hides itself from the reader.
    pub fn hidden(&self) -> bool {
        if self.hidden {
            return true;
        }
        if self
            .aria_hidden
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        {
            return true;
        }
        self.style.is_some_and(style_hides)
    }

    /// Whether its ARIA role is one of page furniture: menus, sidebars,
    /// dialogs, alerts.
    pub fn furniture_role(&self) -> bool {
        self.role.is_some_and(|r| {
            matches!(
                r.trim().to_ascii_lowercase().as_str(),
                "navigation"
                    | "menu"
                    | "menubar"
                    | "complementary"
                    | "alert"
                    | "alertdialog"
                    | "dialog"
                    | "banner"
                    | "contentinfo"
                    | "search"
            )
        })
    }
}

/// An inline style that hides the element.
fn style_hides(style: &str) -> bool {
    let squeezed: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    squeezed.split(';').any(|decl| {
        matches!(
            decl.trim_end_matches("!important"),
            "display:none" | "visibility:hidden"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::style_hides;

    #[test]
    fn inline_styles_that_hide() {
        assert!(style_hides("display: none"));
        assert!(style_hides("color:red; DISPLAY:NONE !important"));
        assert!(style_hides("visibility : hidden"));
        assert!(!style_hides("display:block"));
        assert!(!style_hides("max-display:none-ish"));
    }
}
