//! Preprocesses the corpus folder into the JSON the app embeds.
//!
//! The folder is `corpus/` beside this file, or the one named by the
//! `CORPUS_DIR` environment variable. Any problem with a corpus file stops the
//! build with one line per problem, `file:line: what is wrong`.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = match std::env::var_os("CORPUS_DIR") {
        Some(d) if !d.is_empty() => manifest.join(d),
        _ => manifest.join("corpus"),
    };
    println!("cargo:rerun-if-env-changed=CORPUS_DIR");
    println!("cargo:rerun-if-changed={}", dir.display());
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.json");
    match explorer_preprocess::build_corpus(&dir) {
        Ok(corpus) => {
            let json = serde_json::to_string(&corpus).expect("a corpus always serialises");
            std::fs::write(&out, json).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
        }
        Err(errors) => {
            eprintln!("The corpus in {} has {} problem(s); fix them and build again:", dir.display(), errors.len());
            for mut e in errors {
                // Name files relative to the repository, as a person would type them.
                if let Ok(rel) = e.path.strip_prefix(&manifest) {
                    e.path = rel.to_path_buf();
                }
                eprintln!("  {e}");
                println!("cargo:warning={e}");
            }
            std::process::exit(1);
        }
    }
}
