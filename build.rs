//! Lists every file under `rules/` so the library compiles them in with
//! `include_str!`: adding a rule file needs no code change.

use std::fs;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    if let Ok(langs) = fs::read_dir(&root) {
        for lang in langs.flatten() {
            println!("cargo:rerun-if-changed={}", lang.path().display());
            if let Ok(entries) = fs::read_dir(lang.path()) {
                for f in entries.flatten() {
                    let p = f.path();
                    if p.extension().is_some_and(|e| e == "rules") {
                        files.push(p);
                    }
                }
            }
        }
    }
    files.sort();
    let mut code = String::from("pub static FILES: &[(&str, &str)] = &[\n");
    for p in &files {
        let rel = p.strip_prefix(&root).unwrap().display().to_string();
        code.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            p.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_rules.rs");
    fs::write(out, code).unwrap();
}
