//! Attribute lookups by plain name. `scraper::node::Element::attr` turns
//! the name into an atom first (a hash and a table lookup) and then
//! searches; elements carry a handful of attributes, so comparing the
//! names in place is cheaper, and it finds the same attribute: the one
//! with that local name, no prefix and no namespace.

use html5ever::QualName;
use scraper::node::Element;

/// The value of the attribute `name` (lowercase) of `el`.
pub fn attr<'a>(el: &'a Element, name: &str) -> Option<&'a str> {
    el.attrs
        .iter()
        .find(|(k, _)| is_plain(k) && &*k.local == name)
        .map(|(_, v)| &**v)
}

/// An attribute name without prefix or namespace: the only kind
/// `Element::attr` finds by a plain name.
pub fn is_plain(name: &QualName) -> bool {
    name.prefix.is_none() && name.ns.is_empty()
}

#[cfg(test)]
mod tests {
    use super::attr;
    use scraper::Html;

    #[test]
    fn finds_what_element_attr_finds() {
        let doc = Html::parse_document(
            r#"<p class="a b" ID=x data-k="v">t</p><svg><a xlink:href="h" href="g"></a></svg>"#,
        );
        for node in doc.tree.nodes() {
            let Some(el) = node.value().as_element() else {
                continue;
            };
            for name in ["class", "id", "data-k", "href", "missing"] {
                assert_eq!(attr(el, name), el.attr(name), "{name}");
            }
        }
    }
}
