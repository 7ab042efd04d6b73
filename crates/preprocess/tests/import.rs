//! The page's import ([`explorer_preprocess::import`]) against the build, on the repository's
//! corpora: the formats fixture and the seed corpus give the same corpus both ways, one file at
//! a time or as a folder; and the explorer's own corpus file (`Corpus::to_jsonl`), dropped in
//! a folder or added in the page, builds the same documents again.

mod common;
use common::TempDir;
use explorer_core::Corpus;
use explorer_preprocess::{build_corpus, load_corpus, Import, ImportOptions, Imported};
use std::path::{Path, PathBuf};

fn repository(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

/// The files directly in `dir` (as the build reads them), named `prefix/NAME`, with their bytes.
fn files_of(dir: &Path, prefix: &str) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let path = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
            (path, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn import(files: Vec<(String, Vec<u8>)>) -> Imported {
    Import::new(files, ImportOptions::default()).finish()
}

fn corpus(imported: &Imported) -> &Corpus {
    imported.corpus.as_ref().unwrap_or_else(|| panic!("no corpus: {:#?}", imported.problems))
}

/// The lines of a report of the build (`path:line: message`) as the import writes them: paths
/// relative to `dir`, under `prefix`.
fn as_imported(dir: &Path, prefix: &str, lines: impl IntoIterator<Item = String>) -> Vec<String> {
    let folder = format!("{}/", dir.display());
    lines.into_iter().map(|l| l.replace(&folder, prefix)).collect()
}

#[test]
fn every_format_of_the_fixture_reads_as_at_build_time() {
    let dir = repository("tests/fixtures/formats");
    let built = build_corpus(&dir).unwrap_or_else(|e| panic!("{e:?}"));
    for prefix in ["", "formats"] {
        let imported = import(files_of(&dir, prefix));
        assert_eq!(corpus(&imported), &built, "added as '{prefix}/…'");
        assert!(imported.problems.is_empty(), "{:?}", imported.problems);
        assert!(imported.renamed.is_empty() && imported.removed.is_empty());
        assert_eq!(imported.ignored, ["not read, as at build time: 1 README"]);
        assert_eq!((imported.files, imported.documents), (6, 6));
    }
    // One format at a time, with its sidecar and the fixture's settings: the same corpus as a
    // folder of just those files builds.
    let all = files_of(&dir, "");
    for name in ["diary.jsonl", "field-notes.txt", "lanternfish.html", "ledger.csv", "letters.json", "moonquill.md"] {
        let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
        let picked: Vec<(String, Vec<u8>)> = all
            .iter()
            .filter(|(n, _)| n == name || n == "corpus.toml" || *n == format!("{stem}.toml"))
            .cloned()
            .collect();
        let folder: Vec<(&str, &[u8])> = picked.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        let tmp = TempDir::with_label("import-format", &folder);
        let one = build_corpus(tmp.path()).unwrap_or_else(|e| panic!("{e:?}"));
        let imported = import(picked);
        assert_eq!(corpus(&imported), &one, "{name}");
        assert_eq!(corpus(&imported).documents.len(), 1);
    }
}

#[test]
fn the_seed_corpus_reads_as_at_build_time_with_what_cleaning_removed() {
    let dir = repository("corpus");
    let loaded = load_corpus(&dir);
    let removed = as_imported(&dir, "corpus/", loaded.removed.iter().map(ToString::to_string));
    let built = loaded.into_corpus().unwrap_or_else(|e| panic!("{e:?}"));
    let imported = import(files_of(&dir, "corpus"));
    assert_eq!(corpus(&imported), &built);
    assert_eq!(imported.removed, removed);
    assert!(!removed.is_empty());
}

/// Builds `corpus` from a folder holding only its explorer corpus file, and imports that file.
fn read_back(corpus: &Corpus) -> (Corpus, Imported) {
    let jsonl = corpus.to_jsonl();
    let dir = TempDir::with_label("import-jsonl", &[("corpus.jsonl", jsonl.as_bytes())]);
    let built = build_corpus(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let imported = import(vec![("corpus.jsonl".into(), jsonl.into_bytes())]);
    (built, imported)
}

#[test]
fn the_explorer_corpus_file_builds_the_same_corpus() {
    for dir in ["tests/fixtures/formats", "corpus"] {
        let original = build_corpus(&repository(dir)).unwrap_or_else(|e| panic!("{e:?}"));
        let (built, imported) = read_back(&original);
        // The same documents, people, settings and facets: the same version.
        assert_eq!(built, original, "{dir}");
        assert_eq!(corpus(&imported), &original, "{dir}");
        assert!(imported.problems.is_empty() && imported.renamed.is_empty(), "{:?}", imported.problems);
        let check = load_corpus(&repository(dir));
        assert_eq!(built.meta.facets, check.meta.facets);
    }
}

#[test]
fn the_folder_s_own_settings_and_people_win_over_the_corpus_file_s() {
    let original = build_corpus(&repository("tests/fixtures/formats")).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(original.people, ["Ada Lovelace"]);
    let jsonl = original.to_jsonl();
    let dir = TempDir::with_label(
        "import-jsonl-own",
        &[
            ("corpus.jsonl", jsonl.as_bytes()),
            ("corpus.toml", b"title = \"Mine\"\n"),
            ("people.txt", b"Lantern: lanternfish\n"),
            ("extra.txt", b"An extra\nThe lanternfish again, and Ada Lovelace.\n"),
        ],
    );
    let built = build_corpus(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(built.meta.title.as_deref(), Some("Mine"));
    assert_eq!(built.people, ["Lantern"]);
    let people = |id: &str| built.documents.iter().find(|d| d.id == id).map(|d| d.people.clone()).unwrap();
    assert_eq!(people("lanternfish"), ["Lantern"]);
    assert_eq!(people("letter-1"), Vec::<String>::new());
    assert_eq!(people("extra"), ["Lantern"]);
    // Without people.txt, the corpus file's people are looked for in the other documents, by label.
    let imported = import(vec![
        ("corpus.jsonl".into(), jsonl.into_bytes()),
        ("extra.txt".into(), b"An extra\nThe lanternfish again, and Ada Lovelace.\n".to_vec()),
    ]);
    let c = corpus(&imported);
    assert_eq!(
        (c.people.as_slice(), c.meta.title.as_deref()),
        (["Ada Lovelace".to_string()].as_slice(), Some("Formats fixture"))
    );
    let extra = c.documents.iter().find(|d| d.id == "extra").unwrap();
    assert_eq!(extra.people, ["Ada Lovelace"]);
}

#[test]
fn a_damaged_explorer_corpus_file_keeps_its_good_documents() {
    let original = build_corpus(&repository("tests/fixtures/formats")).unwrap_or_else(|e| panic!("{e:?}"));
    let mut lines: Vec<String> = original.to_jsonl().lines().map(str::to_string).collect();
    lines[2] = "{\"id\": \"broken\"".into();
    lines.pop();
    let imported = import(vec![("corpus.jsonl".into(), lines.join("\n").into_bytes())]);
    assert_eq!(corpus(&imported).documents.len(), 4);
    assert_eq!(imported.problems.len(), 3, "{:#?}", imported.problems);
    assert!(imported.problems[0]
        .starts_with("corpus.jsonl:3: not a document of an explorer corpus file: EOF while parsing"));
    assert_eq!(
        imported.problems[1],
        "corpus.jsonl: 4 documents added; the record at line 3 was left out because of the error above"
    );
    assert_eq!(
        imported.problems[2],
        "corpus.jsonl:1: warning: the header announces 6 documents and 5 documents follow (was the file cut short or edited?)"
    );
    // At build time, the same file is refused with the same error.
    let dir = TempDir::with_label("import-jsonl-bad", &[("corpus.jsonl", lines.join("\n").as_bytes())]);
    let errors = build_corpus(dir.path()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].to_string().ends_with(&imported.problems[0]["corpus.jsonl".len()..]));
}
