//! What is never content: elements whose text a reader does not see as
//! part of the page (scripts, styles, templates, form controls, embedded
//! frames) and elements hidden by their own markup (`hidden`,
//! `aria-hidden="true"`, inline `display:none` or `visibility:hidden`).
//!
//! Never-content elements are left out of the tree altogether; hidden ones
//! are only flagged, because a saved page sometimes hides its whole
//! wrapper behind an overlay (see `dom::Dom::settle_hidden`).

use scraper::node::Element;

/// Elements whose text is never read as content.
const NEVER_CONTENT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "object", "embed",
    "canvas", "select", "textarea", "button", "input", "option", "optgroup", "datalist", "audio",
    "video", "source", "track", "map", "link", "meta", "title", "base", "param",
];

/// Whether `el` and everything inside it are left out.
pub fn never_content(el: &Element) -> bool {
    NEVER_CONTENT.contains(&el.name())
}

/// Whether `el` hides itself from the reader.
pub fn hidden(el: &Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    if el
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    el.attr("style").is_some_and(style_hides)
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

/// ARIA roles of page furniture: menus, sidebars, dialogs, alerts.
pub fn furniture_role(el: &Element) -> bool {
    el.attr("role").is_some_and(|r| {
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
