//! A validator for the part of JSON Schema (draft 2020-12) that
//! `schema/newsbody-output-v1.json` uses, for `tests/schema.rs`: `type`,
//! `const`, `enum`, `required`, `properties`, `items`, `minLength`,
//! `minimum`, `pattern`, `oneOf`, `if`/`then`/`else` and `$ref` to
//! `#/$defs/NAME`; `title`, `description`, `$schema`, `$id` and `$defs`
//! are annotations. Any other keyword is refused when the validator is
//! built, so the schema cannot grow past what is checked here. (The full
//! `jsonschema` crate brought some 40 crates into every `cargo test`.)

use regex::Regex;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Keywords that only annotate.
const ANNOTATIONS: &[&str] = &["$schema", "$id", "$defs", "title", "description"];
/// Keywords that constrain, all handled by [`Validator::check`].
const CHECKED: &[&str] = &[
    "type",
    "const",
    "enum",
    "required",
    "properties",
    "items",
    "minLength",
    "minimum",
    "pattern",
    "oneOf",
    "if",
    "then",
    "else",
    "$ref",
];

/// A schema with its patterns compiled.
pub struct Validator<'a> {
    root: &'a Value,
    patterns: HashMap<String, Regex>,
}

impl<'a> Validator<'a> {
    /// Checks that `root` uses only the keywords above and compiles its
    /// patterns; panics otherwise.
    pub fn new(root: &'a Value) -> Validator<'a> {
        let mut patterns = HashMap::new();
        walk(root, &mut patterns);
        Validator { root, patterns }
    }

    /// Every error of `value`, as `instance path: what is wrong`.
    pub fn errors(&self, value: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.check(self.root, value, "", &mut out);
        out
    }

    pub fn is_valid(&self, value: &Value) -> bool {
        self.errors(value).is_empty()
    }

    fn check(&self, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
        let Some(schema) = schema.as_object() else {
            return;
        };
        let mut fail = |what: String| out.push(format!("{at}: {what}"));
        if let Some(t) = schema.get("type") {
            let types: Vec<&str> = match t {
                Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                t => t.as_str().into_iter().collect(),
            };
            if !types.iter().any(|t| has_type(value, t)) {
                fail(format!("{value} is not of type {t}"));
            }
        }
        if let Some(c) = schema.get("const").filter(|&c| c != value) {
            fail(format!("{value} is not {c}"));
        }
        if let Some(Value::Array(options)) = schema.get("enum")
            && !options.contains(value)
        {
            fail(format!("{value} is not one of {options:?}"));
        }
        if let (Some(n), Some(s)) = (
            schema.get("minLength").and_then(Value::as_u64),
            value.as_str(),
        ) && (s.chars().count() as u64) < n
        {
            fail(format!("{value} is shorter than {n}"));
        }
        if let (Some(n), Some(v)) = (
            schema.get("minimum").and_then(Value::as_f64),
            value.as_f64(),
        ) && v < n
        {
            fail(format!("{value} is less than {n}"));
        }
        if let (Some(Value::String(p)), Some(s)) = (schema.get("pattern"), value.as_str())
            && !self.patterns[p].is_match(s)
        {
            fail(format!("{value} does not match {p}"));
        }
        if let Some(object) = value.as_object() {
            self.check_object(schema, object, at, out);
        }
        if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
            for (i, item) in array.iter().enumerate() {
                self.check(items, item, &format!("{at}/{i}"), out);
            }
        }
        self.check_applicators(schema, value, at, out);
    }

    /// `required` and `properties` of an object.
    fn check_object(
        &self,
        schema: &Map<String, Value>,
        object: &Map<String, Value>,
        at: &str,
        out: &mut Vec<String>,
    ) {
        for name in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = name.as_str().unwrap_or_default();
            if !object.contains_key(name) {
                out.push(format!("{at}: required property {name:?} is missing"));
            }
        }
        for (name, sub) in schema
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            if let Some(v) = object.get(name) {
                self.check(sub, v, &format!("{at}/{name}"), out);
            }
        }
    }

    /// `$ref`, `oneOf` and `if`/`then`/`else`.
    fn check_applicators(
        &self,
        schema: &Map<String, Value>,
        value: &Value,
        at: &str,
        out: &mut Vec<String>,
    ) {
        if let Some(Value::String(r)) = schema.get("$ref") {
            let name = r
                .strip_prefix("#/$defs/")
                .expect("only local $defs references");
            self.check(&self.root["$defs"][name], value, at, out);
        }
        if let Some(Value::Array(options)) = schema.get("oneOf") {
            let passing = options
                .iter()
                .filter(|o| {
                    let mut errors = Vec::new();
                    self.check(o, value, at, &mut errors);
                    errors.is_empty()
                })
                .count();
            if passing != 1 {
                out.push(format!("{at}: {value} matches {passing} of oneOf, not 1"));
            }
        }
        if let Some(condition) = schema.get("if") {
            let mut errors = Vec::new();
            self.check(condition, value, at, &mut errors);
            let branch = if errors.is_empty() { "then" } else { "else" };
            if let Some(sub) = schema.get(branch) {
                self.check(sub, value, at, out);
            }
        }
    }
}

fn has_type(value: &Value, t: &str) -> bool {
    match t {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "number" => value.is_number(),
        "integer" => value.as_f64().is_some_and(|f| f.fract() == 0.0),
        other => panic!("unknown type {other:?} in the schema"),
    }
}

/// Refuses unknown keywords and compiles every pattern, through the whole
/// schema (subschemas sit under `properties`, `items`, `oneOf`, `if`,
/// `then`, `else` and `$defs`).
fn walk(schema: &Value, patterns: &mut HashMap<String, Regex>) {
    let Some(object) = schema.as_object() else {
        return;
    };
    for (key, v) in object {
        assert!(
            ANNOTATIONS.contains(&key.as_str()) || CHECKED.contains(&key.as_str()),
            "the schema uses {key:?}, which tests/json_schema does not check"
        );
        match key.as_str() {
            "pattern" => {
                let p = v.as_str().expect("a pattern is a string");
                patterns.insert(p.to_string(), Regex::new(p).expect("the pattern compiles"));
            }
            "properties" | "$defs" => v
                .as_object()
                .into_iter()
                .flatten()
                .for_each(|(_, s)| walk(s, patterns)),
            "oneOf" => v
                .as_array()
                .into_iter()
                .flatten()
                .for_each(|s| walk(s, patterns)),
            "items" | "if" | "then" | "else" => walk(v, patterns),
            _ => {}
        }
    }
}
