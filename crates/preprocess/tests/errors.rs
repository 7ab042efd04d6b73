//! Every problem that stops the build, with its exact message, on folders made for the test.

mod common;
use common::TempDir;
use explorer_preprocess::build_corpus;

impl TempDir {
    fn new(files: &[(&str, &[u8])]) -> TempDir {
        TempDir::with_label("test", files)
    }

    /// The errors of building this folder, displayed relative to it.
    fn errors(&self) -> Vec<String> {
        let errors = build_corpus(self.path()).expect_err("the build should fail");
        let prefix = format!("{}/", self.path().display());
        errors.iter().map(|e| e.to_string().replace(&prefix, "")).collect()
    }
}

const DOC: &[u8] = b"A Title\n\nSome text about Stalin.\n";

#[test]
fn a_good_folder_builds() {
    let dir = TempDir::new(&[
        ("b.txt", DOC),
        ("a.md", b"# Markdown Title\n\nText.\n"),
        ("a.toml", b"kind = \"News\"\nauthor = \"Someone\"\n"),
        ("README.md", b"# About this folder\n"),
        ("readme.TXT", b"notes\n"),
        ("people.txt", b"# who\nStalin: Stalin\nLenin\n"),
        ("notes.pdf", b"%PDF-1.4 not read"),
    ]);
    let c = build_corpus(dir.path()).unwrap();
    let ids: Vec<&str> = c.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(c.people, ["Stalin", "Lenin"]);
    assert_eq!(c.documents[0].title, "Markdown Title");
    assert_eq!(c.documents[0].kind, "news");
    assert_eq!(c.documents[0].author.as_deref(), Some("Someone"));
    assert_eq!(c.documents[1].people, ["Stalin"]);
    assert_eq!(c.documents[1].word_count, 4);
}

#[test]
fn folder_does_not_exist() {
    let path = std::env::temp_dir().join("explorer-preprocess-test-missing-folder");
    let errors = build_corpus(&path).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].to_string(), format!("{}: folder does not exist", path.display()));
}

#[test]
fn no_documents() {
    let dir = TempDir::new(&[("README.md", b"# Read me\n"), ("people.txt", b"Lenin\n")]);
    let errors = build_corpus(dir.path()).unwrap_err();
    assert_eq!(
        errors.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
        [format!(
            "{}: no documents found (put .txt, .md, .html, .json, .jsonl or .csv files here)",
            dir.path().display()
        )]
    );
}

#[test]
fn sidecar_problems() {
    let dir = TempDir::new(&[
        ("a.txt", DOC),
        ("a.toml", b"title = \"T\"\nplace = { city = \"Oslo\" }\ndate = \"2022-13\"\nkind = [[3]]\n"),
        ("b.txt", DOC),
        ("b.toml", b"title = \"T\"\n\nkind = \"news\n"),
        ("c.toml", b"title = \"Orphan\"\n"),
    ]);
    let errors = dir.errors();
    assert_eq!(errors.len(), 5, "{errors:#?}");
    assert_eq!(
        errors[0],
        "a.toml:2: 'place' is an object; metadata values must be strings, numbers, booleans or lists of them"
    );
    assert_eq!(errors[1], "a.toml:3: bad date: '2022-13' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
    assert_eq!(
        errors[2],
        "a.toml:4: 'kind' is a list of lists; metadata values must be strings, numbers, booleans or lists of them"
    );
    assert!(errors[3].starts_with("b.toml:3: invalid TOML: "), "{}", errors[3]);
    assert_eq!(errors[4], "c.toml: sidecar has no matching document (expected c.txt, c.md or c.html)");
}

/// Folders each with one kind of problem (the last with several), and their exact messages.
#[test]
fn problems_with_their_messages() {
    type Files<'a> = &'a [(&'a str, &'a [u8])];
    let cases: [(&str, Files, &[&str]); 6] = [
        (
            "invalid UTF-8, with strict = true",
            &[("a.txt", b"Title\nline two\nbad \xff byte\n"), ("corpus.toml", b"strict = true\n")],
            &["a.txt:3: not valid UTF-8 (first bad byte at offset 19); save it as UTF-8 (corpus.toml says strict = true)"],
        ),
        (
            "empty and chrome-only files",
            &[
                ("a.txt", b""),
                ("b.txt", b"  \n\n"),
                ("c.txt", b"Title\n0:00\n24:55\nPodcasts\n"),
                ("corpus.toml", b"remove_clutter = true\n"),
            ],
            &["a.txt: file is empty", "b.txt: file is empty", "c.txt: no text left after cleaning"],
        ),
        ("duplicate ids", &[("a.txt", DOC), ("a.md", DOC)], &["a.txt: duplicate document id 'a' (also a.md)"]),
        (
            "missing title",
            &[("a.txt", b"0:00\n1 min read\n"), ("corpus.toml", b"remove_clutter = true\n")],
            &["a.txt: no title found (add title = \"…\" to a.toml)"],
        ),
        (
            "people",
            &[("a.txt", DOC), ("people.txt", b"Lenin\n: Trotsky\nLenin\n")],
            &["people.txt:2: missing name before ':'", "people.txt:3: 'Lenin' is already listed on line 1"],
        ),
        (
            "all problems are reported together",
            &[("a.txt", b""), ("b.txt", b"ab\0cd"), ("c.toml", b"title = \"x\"\n")],
            &[
                "a.txt: file is empty",
                "b.txt: binary file, not text",
                "c.toml: sidecar has no matching document (expected c.txt, c.md or c.html)",
            ],
        ),
    ];
    for (what, files, expected) in cases {
        assert_eq!(TempDir::new(files).errors(), expected, "{what}");
    }
}

/// UTF-16 with a byte-order mark is read as such; bytes that are not UTF-8 are read as
/// Windows-1252 with a warning naming the file and line (an error with `strict = true`, above).
#[test]
fn other_encodings_are_read_and_named() {
    let utf16: Vec<u8> =
        [0xff, 0xfe].into_iter().chain("Über\n\nText in UTF-16.\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let dir = TempDir::new(&[
        ("a.txt", &utf16),
        ("b.txt", b"Caf\xe9 notes\n\nA \x93quoted\x94 line \x96 with a dash.\n"),
        ("c.txt", DOC),
    ]);
    let loaded = explorer_preprocess::load_corpus(dir.path());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let prefix = format!("{}/", dir.path().display());
    let warnings: Vec<String> = loaded
        .warnings
        .iter()
        .map(|e| e.to_string().replace(&prefix, ""))
        .filter(|w| !w.contains("near-empty document"))
        .collect();
    assert_eq!(
        warnings,
        ["b.txt:1: not UTF-8 (first at offset 3): read as Windows-1252; if the text looks wrong, save the file as UTF-8"]
    );
    let c = loaded.into_corpus().unwrap();
    assert_eq!(c.documents[0].title, "Über");
    assert_eq!(c.documents[0].paragraphs, ["Text in UTF-16."]);
    assert_eq!(c.documents[1].title, "Café notes");
    assert_eq!(c.documents[1].paragraphs, ["A \u{201c}quoted\u{201d} line \u{2013} with a dash."]);
}

/// A symbolic link in the corpus folder could publish any file of the machine (`~/.netrc`,
/// `../.env`): it is refused, naming the link, and what it points to is not read.
#[cfg(unix)]
#[test]
fn symbolic_links_are_refused() {
    let secret =
        TempDir::with_label("secret", &[("netrc.txt", b"Secret Title\n\nmachine example.org password hunter2\n")]);
    let dir = TempDir::new(&[("a.txt", DOC)]);
    std::os::unix::fs::symlink(secret.path().join("netrc.txt"), dir.path().join("notes.txt")).unwrap();
    std::os::unix::fs::symlink(secret.path(), dir.path().join("folder")).unwrap();
    assert_eq!(
        dir.errors(),
        ["notes.txt: a symbolic link, refused: the corpus reads only files that are in its folder (copy the file in)"]
    );
}

/// Hostile pages end with a document or a clear error: 200,000 nested `<div>`s (the HTML
/// parser is quadratic in the depth) are refused at the line where they pass the limit; a
/// Markdown paragraph of a megabyte of `[` is read as text (brackets alone are no text: an
/// error says so).
#[test]
fn hostile_depth_and_brackets_give_an_error_or_a_document() {
    let n = 200_000;
    let deep = format!("<title>Deep</title>\n<body>\n{}<p>x</p>{}", "<div>".repeat(n), "</div>".repeat(n));
    let dir = TempDir::new(&[("a.txt", DOC), ("deep.html", deep.as_bytes())]);
    assert_eq!(dir.errors(), ["deep.html:3: elements nested more than 4096 deep; a page this deep is not read"]);
    let brackets = format!("# Brackets\n\n{}\n", "[a".repeat(500_000));
    let dir = TempDir::new(&[("b.md", brackets.as_bytes())]);
    let c = build_corpus(dir.path()).unwrap();
    assert_eq!(c.documents[0].title, "Brackets");
    assert_eq!(c.documents[0].paragraphs[0].len(), 1_000_000);
    let dir =
        TempDir::new(&[("a.txt", DOC), ("c.md", format!("# Only brackets\n\n{}\n", "[".repeat(1_000_000)).as_bytes())]);
    assert_eq!(dir.errors(), ["c.md: no words in the text (only punctuation or symbols)"]);
}

/// Field names enter the page as facets and URL parameters: markup, URL metacharacters and
/// over-long names are refused where they are written (the explorer's own parameter names are
/// kept under other names, with a warning: `formats.rs`).
#[test]
fn hostile_field_names_are_refused_where_they_are_written() {
    let csv = "title,text,\"x\"\"><script>alert(1)</script>\"\nA,Some text about Stalin,1\n";
    let toml = "origins = \"https://evil.example\"\n\"a&b=c\" = \"x\"\n";
    let long = format!("---\ntitle: M\n{}: x\n---\n\nText.\n", "n".repeat(41));
    let dir = TempDir::new(&[
        ("a.csv", csv.as_bytes()),
        ("b.txt", DOC),
        ("b.toml", toml.as_bytes()),
        ("c.md", long.as_bytes()),
    ]);
    let errors = dir.errors();
    let csv_error = "a.csv:1: the field name 'x\\\"><script>alert(1)</script>' may hold only letters, digits, '_', '-' and '.', and start with a letter or digit (column 3)";
    let expect = [
        csv_error,
        "b.toml:2: the field name 'a&b=c' may hold only letters, digits, '_', '-' and '.', and start with a letter or digit",
    ];
    for e in expect {
        assert!(errors.iter().any(|x| x == e), "{e}\nin {errors:#?}");
    }
    assert!(!errors.iter().any(|x| x.contains("origins")), "{errors:#?}");
    assert!(errors.iter().any(|x| x.starts_with("c.md:") && x.contains("is longer than 40 characters")), "{errors:#?}");
}

/// The fixture `tests/fixtures/hostile-fields`: markup, event handlers, URL metacharacters, a
/// nameless and an over-long field, in every kind of file that names fields. Each is refused
/// at its `file:line`, and nothing else is; the explorer's own parameter names are kept under
/// other names, each with a warning.
#[test]
fn the_hostile_field_names_fixture_is_refused_name_by_name() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile-fields");
    let prefix = format!("{}/", dir.display());
    let errors: Vec<String> = build_corpus(&dir)
        .expect_err("the build should fail")
        .iter()
        .map(|e| e.to_string().replace(&prefix, ""))
        .collect();
    let rule = "may hold only letters, digits, '_', '-' and '.', and start with a letter or digit";
    let expect = [
        format!("long.md:3: the field name '{}…' is longer than 40 characters", "n".repeat(40)),
        format!("markup.csv:1: the field name 'x\\\"><script>alert(1)</script><i y' {rule} (column 3)"),
        format!("markup.csv:1: the field name 'onmouseover=alert(1)' {rule} (column 4)"),
        format!("page.toml:1: the field name '<img src=x onerror=alert(1)>' {rule}"),
        "page.toml:3: a field has no name".to_string(),
        format!("url.jsonl:1: the field name '?view' {rule}"),
        format!("url.jsonl:1: the field name 'a&b=c' {rule}"),
        format!("url.jsonl:1: the field name 'p%20q' {rule}"),
        format!("url.jsonl:1: the field name 'x#y' {rule}"),
    ];
    assert_eq!(errors, expect);
    let own = "has the name of one of the explorer's own URL parameters; it is kept as";
    let warnings: Vec<String> = explorer_preprocess::load_corpus(&dir)
        .warnings
        .iter()
        .map(|e| e.to_string().replace(&prefix, ""))
        .filter(|w| w.contains(own))
        .collect();
    let expect = [
        format!("reserved.json:2: the field 'doc' {own} 'doc_'"),
        format!("reserved.json:2: the field 'embed' {own} 'embed_'"),
        format!("reserved.json:2: the field 'origins' {own} 'origins_'"),
        format!("reserved.json:2: the field 'q' {own} 'q_'"),
    ];
    assert_eq!(warnings, expect);
}

/// A file over the size limit is refused by its size, without being read: a sparse file of
/// 256 MiB and one byte costs no disk.
#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let dir = TempDir::new(&[("a.txt", DOC)]);
    let big = std::fs::File::create(dir.path().join("big.txt")).unwrap();
    big.set_len(explorer_preprocess::source::MAX_FILE_BYTES + 1).unwrap();
    assert_eq!(
        dir.errors(),
        ["big.txt: 256.0 MiB, more than the 256 MiB a file may have; split it into smaller files"]
    );
}
