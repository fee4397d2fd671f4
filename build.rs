//! Lists every file under `rules/` so the library compiles them in with
//! `include_str!`: adding a rule or word-family file needs no code change.
//! `*.rules` files (phrase and markup rules) go to `builtin_rules.rs`,
//! `*.words` files (word families) to `builtin_words.rs`. Turns the
//! scorer's weights (`scorer/weights.txt`) into static tables, so that the
//! built-in model costs nothing to load.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/classify/score/format.rs"]
#[allow(dead_code)]
mod format;

fn main() {
    scorer();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    if let Ok(langs) = fs::read_dir(&root) {
        for lang in langs.flatten() {
            println!("cargo:rerun-if-changed={}", lang.path().display());
            if let Ok(entries) = fs::read_dir(lang.path()) {
                files.extend(entries.flatten().map(|f| f.path()));
            }
        }
    }
    files.sort();
    write_list(&root, &files, "rules", "builtin_rules.rs");
    write_list(&root, &files, "words", "builtin_words.rs");
}

/// Writes `pub static FILES: &[(&str, &str)]`, the name under `rules/` and
/// the contents of every file with extension `ext`, to `OUT_DIR/out`.
fn write_list(root: &Path, files: &[PathBuf], ext: &str, out: &str) {
    let mut code = String::from("pub static FILES: &[(&str, &str)] = &[\n");
    for p in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == ext))
    {
        let rel = p.strip_prefix(root).unwrap().display().to_string();
        code.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            p.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join(out);
    fs::write(out, code).unwrap();
}

/// `builtin_scorer.rs`: the weights as constants. Without a weights file
/// the tables are empty and the scorer is off.
fn scorer() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scorer/weights.txt");
    println!("cargo:rerun-if-changed={}", path.display());
    let parsed = match fs::read_to_string(&path) {
        Ok(text) => {
            Some(format::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        }
        Err(_) => None,
    };
    let mut code = String::new();
    let (hash, bias, threshold) = parsed
        .as_ref()
        .map_or((0, 0.0, 1.0), |p| (p.names_hash, p.bias, p.threshold));
    code.push_str(&format!("pub static NAMES_HASH: u64 = {hash:#x};\n"));
    code.push_str(&format!("pub static BIAS: f32 = {bias:?};\n"));
    code.push_str(&format!("pub static THRESHOLD: f32 = {threshold:?};\n"));
    code.push_str("pub static NODES: &[Node] = &[\n");
    for n in parsed.iter().flat_map(|p| &p.nodes) {
        code.push_str(&format!(
            "    Node {{ feature: {}, left: {}, right: {}, cut: {:?}, value: {:?} }},\n",
            n.feature, n.left, n.right, n.cut, n.value
        ));
    }
    code.push_str("];\npub static ROOTS: &[u32] = &[");
    for r in parsed.iter().flat_map(|p| &p.roots) {
        code.push_str(&format!("{r}, "));
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_scorer.rs");
    fs::write(out, code).unwrap();
}
