//! `explorer-preprocess [CORPUS_DIR] [--out FILE]`: builds the corpus and writes its JSON
//! to FILE, or prints a short summary of it. Errors go to stderr, one per line; exit code 1.

use explorer_core::Corpus;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: explorer-preprocess [CORPUS_DIR] [--out FILE]";

fn main() -> ExitCode {
    let (dir, out) = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(msg) => {
            eprintln!("{msg}\n{USAGE}");
            return ExitCode::FAILURE;
        }
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
            let json = serde_json::to_string(&corpus).expect("corpus serializes");
            if let Err(e) = std::fs::write(&path, json) {
                eprintln!("{}: cannot write: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
        None => print_summary(&corpus),
    }
    ExitCode::SUCCESS
}

/// Reads `[CORPUS_DIR] [--out FILE]`; the folder defaults to `corpus`.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<(PathBuf, Option<PathBuf>), String> {
    let mut dir = None;
    let mut out = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a file name")?)),
            "-h" | "--help" => return Err("builds the explorer's corpus from a folder of captures".into()),
            a if a.starts_with('-') => return Err(format!("unknown option '{a}'")),
            _ if dir.is_some() => return Err(format!("unexpected argument '{arg}'")),
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    Ok((dir.unwrap_or_else(|| PathBuf::from("corpus")), out))
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

    fn args(list: &[&str]) -> Result<(PathBuf, Option<PathBuf>), String> {
        parse_args(list.iter().map(|s| s.to_string()))
    }

    #[test]
    fn arguments() {
        assert_eq!(args(&[]).unwrap(), (PathBuf::from("corpus"), None));
        assert_eq!(args(&["dir", "--out", "c.json"]).unwrap(), (PathBuf::from("dir"), Some(PathBuf::from("c.json"))));
        assert_eq!(args(&["--out", "c.json", "dir"]).unwrap().0, PathBuf::from("dir"));
        assert_eq!(args(&["--out"]).unwrap_err(), "--out needs a file name");
        assert_eq!(args(&["a", "b"]).unwrap_err(), "unexpected argument 'b'");
        assert_eq!(args(&["-x"]).unwrap_err(), "unknown option '-x'");
    }
}
