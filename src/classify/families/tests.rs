//! Unit tests of the word families: the format, the matching modes, and
//! per language the words each family must find in a label or sentence
//! of that language (and a body sentence where it must find none).

use super::*;

/// The families found in `text` (normalised first), each once.
fn families_in(text: &str) -> Vec<Family> {
    let hits = find(&normalize(text));
    Family::ALL.into_iter().filter(|&f| hits.has(f)).collect()
}

fn assert_has(text: &str, family: Family) {
    let found = families_in(text);
    assert!(
        found.contains(&family),
        "{text:?}: {found:?} lacks {family:?}"
    );
}

fn assert_lacks(text: &str, family: Family) {
    let found = families_in(text);
    assert!(
        !found.contains(&family),
        "{text:?}: {found:?} has {family:?}"
    );
}

#[test]
fn builtin_files_load_and_cover_every_language() {
    let langs = languages();
    for l in [
        "en", "de", "fr", "es", "it", "pt", "ru", "uk", "hi", "zh", "ja", "cs", "pl", "nl",
    ] {
        assert!(
            langs.iter().any(|x| x == l),
            "no word file for {l}: {langs:?}"
        );
    }
}

/// Every concept family has words in every language.
#[test]
fn every_language_names_every_family() {
    for (name, contents) in builtin::FILES {
        for f in Family::ALL {
            let prefix = format!("{}:", f.name());
            assert!(
                contents
                    .lines()
                    .any(|l| l.trim_start().starts_with(&prefix)),
                "{name} has no {} line",
                f.name()
            );
        }
    }
}

#[test]
fn stemmed_entries_meet_their_inflections() {
    let fam = Families::load([("t/families.words", "@match stem english\nshare: share\n")])
        .expect("loads");
    for w in ["share", "shares", "shared", "sharing", "Share"] {
        assert_eq!(fam.find(&normalize(w)).count(Family::Share), 1, "{w}");
    }
    for w in ["shareholder", "reshare", "sharp"] {
        assert_eq!(fam.find(&normalize(w)).count(Family::Share), 0, "{w}");
    }
}

#[test]
fn a_respelled_stem_still_meets_its_forms() {
    // "happy" stems to "happi": the key is the shared "happ".
    let fam = Families::load([("t/families.words", "@match stem english\ndonate: happy\n")])
        .expect("loads");
    for w in ["happy", "happiness"] {
        assert_eq!(fam.find(w).count(Family::Donate), 1, "{w}");
    }
}

#[test]
fn exact_prefix_and_substring_entries() {
    let fam = Families::load([
        (
            "a/families.words",
            "@match stem english\nshare: =x, =e-mail\nnavigation: categor*\n",
        ),
        ("b/families.words", "@match substring\nshare: 分享\n"),
        ("c/families.words", "@match prefix\ndonate: підтрим\n"),
    ])
    .expect("loads");
    let n = |t: &str, f| fam.find(&normalize(t)).count(f);
    assert_eq!(n("X", Family::Share), 1);
    assert_eq!(n("xylophone", Family::Share), 0);
    assert_eq!(n("box", Family::Share), 0);
    assert_eq!(n("E-mail", Family::Share), 1);
    assert_eq!(n("Categories", Family::Navigation), 1);
    assert_eq!(n("点击分享到微信", Family::Share), 1);
    assert_eq!(n("Підтримайте нас", Family::Donate), 1);
    assert_eq!(n("непідтримка", Family::Donate), 0);
}

#[test]
fn phrases_match_whole_and_inflect_their_last_word() {
    let fam = Families::load([(
        "t/families.words",
        "@match stem english\nsubscribe: sign up\nrelated: see also\n",
    )])
    .expect("loads");
    assert_eq!(fam.find("sign up today").count(Family::Subscribe), 1);
    assert_eq!(fam.find("sign upon arrival").count(Family::Subscribe), 0);
    assert_eq!(fam.find("see also:").count(Family::Related), 1);
    assert_eq!(fam.find("oversee also").count(Family::Related), 0);
}

#[test]
fn bad_lines_are_reported_with_their_number() {
    let err = Families::load([("t/families.words", "@match stem english\nfrob: x\n")]).unwrap_err();
    assert!(err.to_string().contains("line 2"), "{err}");
    let err = Families::load([("t/families.words", "@match stem klingon\n")]).unwrap_err();
    assert!(err.to_string().contains("line 1"), "{err}");
    let err = Families::load([("t/families.words", "share: x\n")]).unwrap_err();
    assert!(err.to_string().contains("@match"), "{err}");
}

#[test]
fn uncovered_words_count_what_no_family_word_covers() {
    let norm = normalize("Share this story on Facebook");
    let hits = find(&norm);
    let label = mask(&[Family::Share, Family::Filler, Family::Piece]);
    assert_eq!(hits.uncovered_words(&norm, label), 0);
    let norm = normalize("Share prices fell sharply on Monday");
    let hits = find(&norm);
    assert!(hits.uncovered_words(&norm, label) >= 4);
}

#[test]
fn counts_are_indexed_by_family() {
    let c = count(&normalize("Related: Share on Facebook"));
    assert_eq!(c[Family::Related as usize], 1);
    assert_eq!(c[Family::Share as usize], 2);
    assert_eq!(c[Family::Cookie as usize], 0);
}

/// Per language: (text, family it must find).
const CASES: &[(&str, Family)] = &[
    // English
    ("Share this story", Family::Share),
    ("Related stories", Family::Related),
    (
        "This article was originally published by The Conversation",
        Family::Republish,
    ),
    (
        "republished under a Creative Commons licence",
        Family::Republish,
    ),
    ("Chip in today with a gift of any size", Family::Donate),
    ("Become a member", Family::Donate),
    ("Sign up for our newsletter", Family::Subscribe),
    ("Questions or tips? Write to the reporter", Family::Contact),
    ("Photo: Anna Berg / Reuters", Family::Credit),
    ("All rights reserved", Family::Copyright),
    ("We use cookies", Family::Cookie),
    ("Advertisement", Family::Ad),
    ("Download our app", Family::App),
    ("Report this comment", Family::Comment),
    ("Back to top", Family::Navigation),
    ("Edited by Jane Roe", Family::Editor),
    ("Opponents argued that the cost would rise", Family::Speech),
    // German
    ("Artikel teilen", Family::Share),
    ("Lesen Sie auch", Family::Related),
    (
        "Der Beitrag erschien zuerst erschienen bei",
        Family::Republish,
    ),
    (
        "Unterstützen Sie unsere Arbeit mit einer Spende",
        Family::Donate,
    ),
    ("Newsletter abonnieren", Family::Subscribe),
    ("Foto: dpa", Family::Credit),
    ("Alle Rechte vorbehalten", Family::Copyright),
    ("Diese Seite verwendet Cookies", Family::Cookie),
    ("Anzeige", Family::Ad),
    ("Kommentare", Family::Comment),
    ("Zurück zur Startseite", Family::Navigation),
    ("sagte der Bürgermeister", Family::Speech),
    // French
    ("Partager sur Facebook", Family::Share),
    ("À lire aussi", Family::Related),
    ("Soutenez-nous, faites un don", Family::Donate),
    ("Abonnez-vous à notre newsletter", Family::Subscribe),
    ("Tous droits réservés", Family::Copyright),
    ("Publicité", Family::Ad),
    // Spanish
    ("Compartir en WhatsApp", Family::Share),
    ("Lee también", Family::Related),
    ("Hazte socio y apoya el periodismo", Family::Donate),
    ("Suscríbete a nuestro boletín", Family::Subscribe),
    ("Todos los derechos reservados", Family::Copyright),
    // Italian
    ("Condividi", Family::Share),
    ("Leggi anche", Family::Related),
    ("Sostieni il nostro giornalismo", Family::Donate),
    ("Iscriviti alla newsletter", Family::Subscribe),
    ("Riproduzione riservata", Family::Copyright),
    // Portuguese
    ("Compartilhe", Family::Share),
    ("Leia também", Family::Related),
    ("Apoie o jornalismo independente", Family::Donate),
    ("Assine a nossa newsletter", Family::Subscribe),
    // Russian
    ("Поделиться", Family::Share),
    ("Читайте также", Family::Related),
    ("Поддержите независимую журналистику", Family::Donate),
    ("Подписывайтесь на наш Telegram-канал", Family::Subscribe),
    ("Все права защищены", Family::Copyright),
    ("Редактор: Иван Петров", Family::Editor),
    // Ukrainian
    ("Поділитися", Family::Share),
    ("Читайте також", Family::Related),
    ("Підтримайте нашу редакцію", Family::Donate),
    ("Підписуйтесь на наш телеграм-канал", Family::Subscribe),
    ("Усі права захищені", Family::Copyright),
    // Hindi
    ("यह भी पढ़ें", Family::Related),
    ("फोटो: पीटीआई", Family::Credit),
    ("व्हाट्सएप पर शेयर करें", Family::Share),
    // Chinese
    ("责任编辑：王丽", Family::Editor),
    ("相关阅读", Family::Related),
    ("分享到微信", Family::Share),
    ("版权所有 未经授权不得转载", Family::Copyright),
    ("图片来源：新华社", Family::Credit),
    ("欢迎关注我们的公众号", Family::Subscribe),
    // Japanese
    ("関連記事", Family::Related),
    ("この記事をシェアする", Family::Share),
    ("無断転載禁止", Family::Copyright),
    ("写真：共同通信", Family::Credit),
    ("メールマガジンに登録", Family::Subscribe),
    // Czech
    ("Sdílet na Facebooku", Family::Share),
    ("Čtěte také", Family::Related),
    ("Podpořte nezávislou žurnalistiku", Family::Donate),
    ("Přihlaste se k odběru newsletteru", Family::Subscribe),
    ("Všechna práva vyhrazena", Family::Copyright),
    ("Foto: ČTK", Family::Credit),
    // Polish
    ("Udostępnij", Family::Share),
    ("Czytaj także", Family::Related),
    ("Wesprzyj niezależne dziennikarstwo", Family::Donate),
    ("Zapisz się do newslettera", Family::Subscribe),
    ("Wszelkie prawa zastrzeżone", Family::Copyright),
    ("Fot. PAP", Family::Credit),
    // Dutch
    ("Deel dit artikel", Family::Share),
    ("Lees ook", Family::Related),
    (
        "Steun onafhankelijke journalistiek, word lid",
        Family::Donate,
    ),
    ("Meld je aan voor onze nieuwsbrief", Family::Subscribe),
    ("Alle rechten voorbehouden", Family::Copyright),
    ("Foto: ANP", Family::Credit),
];

#[test]
fn every_language_finds_its_families() {
    for &(text, family) in CASES {
        assert_has(text, family);
    }
}

/// Body sentences that must not read as the families their words
/// resemble.
#[test]
fn body_words_that_only_resemble_family_words() {
    assert_lacks("Shareholders approved the merger.", Family::Share);
    assert_lacks("The committee oversees the budget.", Family::Related);
    assert_lacks("Der Bürgermeister unterstrich die Pläne.", Family::Donate);
    assert_lacks("Непідтримка реформи тривала роками.", Family::Donate);
}

/// A sign of several bytes stands for as many spaces in the separated
/// form: a key may not start or end inside it.
#[test]
fn signs_of_several_bytes_are_never_split() {
    for t in [
        "wiler, valais (l\u{FFFD}tschental, 1 hour south of berne)",
        "l\u{2026}article d\u{00B7} l\u{FFFD}\u{FFFD} (c)\u{00A9} x\u{3001}y",
    ] {
        let _ = find(&normalize(t));
    }
}

proptest::proptest! {
    #[test]
    fn any_text_is_searched_without_panic(s in "\\PC{0,60}") {
        let norm = normalize(&s);
        let hits = find(&norm);
        for sp in hits.spans() {
            proptest::prop_assert!(norm.get(sp.start as usize..sp.end as usize).is_some());
        }
        let _ = hits.uncovered_words(&norm, u32::MAX);
    }
}
