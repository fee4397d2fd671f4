//! The JSON form validates against `schema/newsbody-output-v1.json` for
//! every fixture (text and HTML) and, when the shared corpus is beside the
//! project, every page of it; in both the plain and the explain form. The
//! schema and the code also agree on the kinds and on the field names.
//! The schema is read by the validator of `json_schema/`.

mod json_schema;

use newsbody::{Cleaned, Cleaner, InputKind, Kind, Options};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

static SCHEMA: LazyLock<Value> = LazyLock::new(|| {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/newsbody-output-v1.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema file"))
        .expect("schema is JSON")
});

/// Every `input.txt` and `input.html` under `root/<group>/<name>/`.
fn inputs(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for group in std::fs::read_dir(root).into_iter().flatten().flatten() {
        for case in std::fs::read_dir(group.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            for name in ["input.txt", "input.html"] {
                let p = case.path().join(name);
                if p.exists() {
                    out.push(p);
                }
            }
        }
    }
    out.sort();
    out
}

fn clean(path: &Path) -> Cleaned {
    let kind = if path.extension().is_some_and(|e| e == "html") {
        InputKind::Html
    } else {
        InputKind::Text
    };
    let cleaner = Cleaner::new(Options {
        input: kind,
        ..Options::default()
    })
    .unwrap();
    cleaner.clean(&std::fs::read(path).unwrap()).unwrap()
}

/// Validates both forms of every input; returns how many were checked.
fn validate_all(paths: &[PathBuf]) -> usize {
    let validator = json_schema::Validator::new(&SCHEMA);
    let mut errors = Vec::new();
    for path in paths {
        let c = clean(path);
        let source = path.display().to_string();
        let forms = [
            (
                "json",
                serde_json::to_value(c.to_json(Some(&source))).unwrap(),
            ),
            (
                "explain",
                serde_json::to_value(c.to_explain_json(None)).unwrap(),
            ),
            ("serde", serde_json::to_value(&c).unwrap()),
        ];
        for (form, value) in forms {
            for e in validator.errors(&value) {
                errors.push(format!("{source} ({form}): {e}"));
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    paths.len()
}

#[test]
fn every_fixture_validates() {
    let paths = inputs(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"));
    assert!(paths.iter().any(|p| p.ends_with("input.txt")));
    assert!(paths.iter().any(|p| p.ends_with("input.html")));
    validate_all(&paths);
}

#[test]
fn the_shared_corpus_validates_when_present() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let root = if root.exists() {
        root
    } else {
        PathBuf::from("/work/shared/corpus")
    };
    let paths = inputs(&root);
    if paths.is_empty() {
        println!("shared corpus not found: skipped");
        return;
    }
    println!("{} corpus documents validated", validate_all(&paths));
}

#[test]
fn the_schema_lists_every_kind() {
    let listed: Vec<&str> = SCHEMA["$defs"]["kind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(listed, names);
}

#[test]
fn the_schema_documents_every_field() {
    let c = clean(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/metadata/jsonld-single/input.html"),
    );
    let v = serde_json::to_value(c.to_explain_json(Some("x"))).unwrap();
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&v), keys(&SCHEMA["properties"]));
    assert_eq!(
        keys(&v["metadata"]),
        keys(&SCHEMA["$defs"]["metadata"]["properties"])
    );
    assert_eq!(v["schema"], newsbody::SCHEMA_VERSION);
    let text = serde_json::to_string(&c.to_explain_json(Some("x"))).unwrap();
    let fields = [
        "schema", "source", "title", "metadata", "body", "removed", "warnings", "blocks",
    ];
    let at: Vec<usize> = fields
        .iter()
        .map(|f| text.find(&format!("\"{f}\":")).unwrap())
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "fields in the documented order: {text}"
    );
}

#[test]
fn the_schema_rejects_what_the_code_must_never_write() {
    let validator = json_schema::Validator::new(&SCHEMA);
    let c =
        clean(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text/seed-shape-en/input.txt"));
    let good = serde_json::to_value(c.to_explain_json(None)).unwrap();
    assert!(validator.is_valid(&good));
    let broken: [(&str, Value); 9] = [
        ("/removed/0/kind", "bogus".into()),
        ("/schema", 2.into()),
        ("/body", Value::Null),
        ("/blocks/0/decision", "maybe".into()),
        ("/metadata/date", "March 5, 2024".into()),
        ("/removed/0/position", (-1).into()),
        ("/removed/0/rule", "".into()),
        ("/blocks/0/kind", "appeal".into()),
        ("/warnings", serde_json::json!([1])),
    ];
    for (pointer, value) in broken {
        let mut v = good.clone();
        *v.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer} exists")) = value;
        assert!(!validator.is_valid(&v), "{pointer} should be refused");
    }
    let mut v = good.clone();
    v.as_object_mut().unwrap().remove("warnings");
    assert!(!validator.is_valid(&v), "a required field is missing");
}
