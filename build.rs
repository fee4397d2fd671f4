//! Lists every file under `rules/` so the library compiles them in with
//! `include_str!`: adding a rule or word-family file needs no code change.
//! `*.rules` files (phrase and markup rules) go to `builtin_rules.rs`,
//! `*.words` files (word families) to `builtin_words.rs`.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
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
