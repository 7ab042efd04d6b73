//! `explorer-preprocess [CORPUS_DIR] [--out FILE] [--index FILE]`: builds the corpus and writes
//! its JSON (JSON Lines when FILE ends in `.jsonl`: a header line, then one document per line)
//! to FILE (through a temporary file, renamed only when all went well), or prints a short
//! summary of it; `--index` also writes its index in binary form (`explorer_core::index`'s
//! file), which the page opens instead of tokenizing every text. Errors go to stderr, one per
//! line; exit code 1.
//!
//! `explorer-preprocess check [CORPUS_DIR]`: reports what the folder holds (documents by
//! format, words, values of each field, facets), its warnings and its errors, without
//! building anything; exit code 1 when there are errors.

use explorer_core::Corpus;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: explorer-preprocess [CORPUS_DIR] [--out FILE] [--index FILE]\n       explorer-preprocess check [CORPUS_DIR]";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Command {
    /// Build, and write the JSON to the file or print a summary, and the index to its file.
    Build { dir: PathBuf, out: Option<PathBuf>, index: Option<PathBuf> },
    /// Report on the folder.
    Check { dir: PathBuf },
}

fn main() -> ExitCode {
    let command = match parse_args(std::env::args().skip(1)) {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("{msg}\n{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    let (dir, out, index) = match command {
        Command::Check { dir } => {
            let loaded = explorer_preprocess::load_corpus(&dir);
            print!("{}", explorer_preprocess::check::report(&dir, &loaded));
            return if loaded.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE };
        }
        Command::Build { dir, out, index } => (dir, out, index),
    };
    let corpus = match explorer_preprocess::build_corpus(&dir) {
        Ok(corpus) => corpus,
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            return ExitCode::FAILURE;
        }
    };
    match out {
        Some(path) => {
            // A `.jsonl` file gets the JSON Lines form the app loads a slice at a time.
            let json = if path.extension().is_some_and(|e| e == "jsonl") {
                corpus.to_jsonl()
            } else {
                serde_json::to_string(&corpus).expect("corpus serializes")
            };
            if let Err(e) = write_atomically(&path, json.as_bytes()) {
                eprintln!("{}: cannot write: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
        None => print_summary(&corpus),
    }
    if let Some(path) = index {
        let bytes = explorer_core::index::Index::build(&corpus).to_bytes(&corpus.version);
        if let Err(e) = write_atomically(&path, &bytes) {
            eprintln!("{}: cannot write: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Writes `bytes` to a temporary file beside `path`, then renames it to `path`, so that
/// `path` is never left half-written.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Reads `check [CORPUS_DIR]` or `[CORPUS_DIR] [--out FILE]`; the folder defaults to `corpus`.
fn parse_args(args: impl Iterator<Item = String>) -> Result<Command, String> {
    let mut args = args.peekable();
    let check = args.peek().is_some_and(|a| a == "check");
    if check {
        args.next();
    }
    let mut dir = None;
    let mut out = None;
    let mut index = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" if !check => out = Some(PathBuf::from(args.next().ok_or("--out needs a file name")?)),
            "--index" if !check => index = Some(PathBuf::from(args.next().ok_or("--index needs a file name")?)),
            "-h" | "--help" => {
                return Err("builds the explorer's corpus from a folder of documents, or checks it".into())
            }
            a if a.starts_with('-') => return Err(format!("unknown option '{a}'")),
            _ if dir.is_some() => return Err(format!("unexpected argument '{arg}'")),
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    let dir = dir.unwrap_or_else(|| PathBuf::from("corpus"));
    Ok(if check { Command::Check { dir } } else { Command::Build { dir, out, index } })
}

fn print_summary(corpus: &Corpus) {
    let or_dash = |s: Option<String>| s.unwrap_or_else(|| "–".into());
    for d in &corpus.documents {
        println!("{}", d.id);
        println!("  title:  {}", d.title);
        println!("  outlet: {}", or_dash(d.outlet.clone()));
        println!("  date:   {}", or_dash(d.date_label()));
        println!("  kind:   {}", d.kind);
        println!("  author: {}", or_dash(d.author.clone()));
        println!("  words:  {} in {} paragraphs", d.word_count, d.paragraphs.len());
        println!("  people: {}", if d.people.is_empty() { "–".into() } else { d.people.join(", ") });
    }
    let words: usize = corpus.documents.iter().map(|d| d.word_count).sum();
    println!(
        "{} documents, {words} words, {} people listed; version {}",
        corpus.documents.len(),
        corpus.people.len(),
        corpus.version
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Command, String> {
        parse_args(list.iter().map(|s| s.to_string()))
    }

    fn build(dir: &str, out: Option<&str>) -> Command {
        Command::Build { dir: PathBuf::from(dir), out: out.map(PathBuf::from), index: None }
    }

    #[test]
    fn arguments() {
        assert_eq!(args(&[]).unwrap(), build("corpus", None));
        assert_eq!(args(&["dir", "--out", "c.json"]).unwrap(), build("dir", Some("c.json")));
        assert_eq!(args(&["--out", "c.json", "dir"]).unwrap(), build("dir", Some("c.json")));
        assert_eq!(args(&["--out"]).unwrap_err(), "--out needs a file name");
        assert_eq!(
            args(&["d", "--index", "i.bin", "--out", "c.jsonl"]).unwrap(),
            Command::Build { dir: "d".into(), out: Some("c.jsonl".into()), index: Some("i.bin".into()) }
        );
        assert_eq!(args(&["--index"]).unwrap_err(), "--index needs a file name");
        assert_eq!(args(&["check", "--index", "x"]).unwrap_err(), "unknown option '--index'");
        assert_eq!(args(&["a", "b"]).unwrap_err(), "unexpected argument 'b'");
        assert_eq!(args(&["-x"]).unwrap_err(), "unknown option '-x'");
        assert_eq!(args(&["check"]).unwrap(), Command::Check { dir: PathBuf::from("corpus") });
        assert_eq!(args(&["check", "d"]).unwrap(), Command::Check { dir: PathBuf::from("d") });
        assert_eq!(args(&["check", "--out", "x"]).unwrap_err(), "unknown option '--out'");
        assert_eq!(args(&["d", "check"]).unwrap_err(), "unexpected argument 'check'");
    }

    #[test]
    fn writes_through_a_temporary_file() {
        let dir = std::env::temp_dir().join(format!("explorer-preprocess-main-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("c.json");
        write_atomically(&path, b"{}").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{}");
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["c.json"]);
        assert!(write_atomically(&dir.join("missing/c.json"), b"{}").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
