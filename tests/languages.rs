//! Checks on the language rules that fixtures cannot show alone: spelling
//! variants that must meet in the normal form.

use newsbody::{Cleaner, InputKind, Options};

fn removed_rules(text: &str) -> Vec<(String, String)> {
    let cleaner = Cleaner::new(Options {
        input: InputKind::Text,
        ..Options::default()
    })
    .expect("rules load");
    let cleaned = cleaner.clean(text.as_bytes()).expect("clean");
    cleaned
        .removed
        .iter()
        .map(|r| (r.rule.clone(), r.text.clone()))
        .collect()
}

/// "पढ़ें" is written with the precomposed letter U+095D or with U+0922
/// and a combining nukta U+093C. NFC decomposes U+095D (a composition
/// exclusion), so both spellings meet and the "also read" rule fires for
/// each.
#[test]
fn hindi_also_read_fires_for_both_nukta_spellings() {
    let precomposed = "\u{092A}\u{095D}\u{0947}\u{0902}";
    let combining = "\u{092A}\u{0922}\u{093C}\u{0947}\u{0902}";
    assert_ne!(precomposed, combining);
    for pad in [precomposed, combining] {
        let text = format!(
            "शहर में मंगलवार को नई बस सेवा शुरू हुई, जिससे हजारों यात्रियों को राहत मिलेगी।\n\
             यह भी {pad}: नगर निगम ने बजट पेश किया\n\
             परिवहन विभाग ने कहा कि अगले महीने और मार्ग जोड़े जाएंगे।\n"
        );
        let removed = removed_rules(&text);
        assert_eq!(removed.len(), 1, "{removed:?}");
        assert_eq!(removed[0].0, "hi.related.also-read");
        assert!(
            removed[0].1.contains(pad),
            "the removed text is the input's own"
        );
    }
}

/// The label-only form ("यह भी पढ़ें" alone on a line) too.
#[test]
fn hindi_also_read_label_fires_for_both_nukta_spellings() {
    for pad in [
        "\u{092A}\u{095D}\u{0947}\u{0902}",
        "\u{092A}\u{0922}\u{093C}\u{0947}\u{0902}",
    ] {
        let text = format!(
            "शहर में मंगलवार को नई बस सेवा शुरू हुई, जिससे हजारों यात्रियों को राहत मिलेगी।\n\
             यह भी {pad}\n\
             परिवहन विभाग ने कहा कि अगले महीने और मार्ग जोड़े जाएंगे।\n"
        );
        let removed = removed_rules(&text);
        assert_eq!(removed.len(), 1, "{removed:?}");
        assert_eq!(removed[0].0, "hi.related.label");
    }
}
