//! Every document format, corpus.toml, facets, the check report and the command line, on
//! folders made for the test and on `tests/fixtures/formats`; every bad file with its exact message.

mod common;
use common::TempDir;
use explorer_core::{Corpus, Document};
use explorer_preprocess::{build_corpus, load_corpus};
use std::path::{Path, PathBuf};
use std::process::Command;

impl TempDir {
    fn new(files: &[(&str, &[u8])]) -> TempDir {
        TempDir::with_label("formats", files)
    }

    fn corpus(&self) -> Corpus {
        build_corpus(self.path())
            .unwrap_or_else(|e| panic!("{}", self.strip(e.iter().map(|e| e.to_string())).join("\n")))
    }

    /// The errors of building this folder, displayed relative to it.
    fn errors(&self) -> Vec<String> {
        self.strip(build_corpus(self.path()).expect_err("the build should fail").iter().map(|e| e.to_string()))
    }

    /// The warnings of loading this folder, displayed relative to it.
    fn warnings(&self) -> Vec<String> {
        self.strip(load_corpus(self.path()).warnings.iter().map(|e| e.to_string()))
    }

    fn strip(&self, lines: impl Iterator<Item = String>) -> Vec<String> {
        let prefix = format!("{}/", self.path().display());
        lines.map(|l| l.replace(&prefix, "")).collect()
    }
}

const LONG: &str = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty";

fn doc<'a>(c: &'a Corpus, id: &str) -> &'a Document {
    c.documents.iter().find(|d| d.id == id).unwrap_or_else(|| panic!("no document {id}"))
}

fn text(d: &Document) -> String {
    d.paragraphs.join("\n")
}

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/formats")
}

// ---- the fixture: one document in every format ----

#[test]
fn fixture_has_every_format_with_its_word_and_metadata() {
    let c = build_corpus(&fixture()).unwrap_or_else(|e| panic!("{e:?}"));
    let ids: Vec<&str> = c.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["diary-1", "field-notes", "lanternfish", "ledger-7", "letter-1", "moonquill"]);
    for (id, word) in [
        ("field-notes", "zebrafrog"),
        ("moonquill", "moonquill"),
        ("lanternfish", "lanternfish"),
        ("letter-1", "quillpebble"),
        ("diary-1", "frostwhistle"),
        ("ledger-7", "copperwren"),
    ] {
        assert!(text(doc(&c, id)).to_lowercase().contains(word), "{id} should contain {word}: {}", text(doc(&c, id)));
        for other in c.documents.iter().filter(|d| d.id != id) {
            assert!(!text(other).to_lowercase().contains(word), "{word} only in {id}");
        }
    }
    let all: String = c.documents.iter().map(|d| format!("{} {}", d.title, text(d))).collect();
    assert!(
        !all.contains("navwidget") && !all.contains("scriptcorn") && !all.contains("Related"),
        "furniture stripped"
    );
    assert_eq!(c.meta.title.as_deref(), Some("Formats fixture"));
    assert_eq!(c.meta.languages, ["en"]);
    assert_eq!(c.meta.stopwords, ["lorem"]);
    assert_eq!(c.meta.facets, ["region", "season"], "declared, then automatic");
    assert_eq!(c.people, ["Ada Lovelace"]);
    let region = |id: &str| doc(&c, id).fields.get("region").cloned();
    assert_eq!(
        ["field-notes", "moonquill", "lanternfish", "letter-1", "diary-1", "ledger-7"].map(region),
        ["north", "south", "south", "north", "south", "north"].map(|s| Some(s.to_string()))
    );

    let t = doc(&c, "field-notes");
    assert_eq!(
        (t.title.as_str(), t.outlet.as_deref(), t.kind.as_str()),
        ("Field notes from the marsh", Some("Marsh Gazette"), "notes")
    );
    assert_eq!(t.people, ["Ada Lovelace"]);
    let m = doc(&c, "moonquill");
    assert_eq!(m.title, "The moonquill's song");
    assert_eq!(m.author.as_deref(), Some("Iris Fenwick"));
    assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2024-05-01"));
    assert_eq!(m.fields["tags"], "birds, night");
    assert!(m.paragraphs[0].starts_with("The moonquill sings only on clear nights, and only when the wind has dropped below a whisper; see the survey for"), "{}", m.paragraphs[0]);
    assert_eq!(m.paragraphs[1], "• It nests in hollow reeds.");
    let h = doc(&c, "lanternfish");
    assert_eq!(h.title, "The lanternfish");
    assert_eq!(h.author.as_deref(), Some("Theo Marsh"));
    assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("2022-11-03"));
    assert_eq!(h.fields["description"], "Notes on a glowing fish.");
    assert_eq!(h.paragraphs.len(), 4);
    assert_eq!(h.paragraphs[2], "Where it lives");
    let j = doc(&c, "letter-1");
    assert_eq!((j.author.as_deref(), j.paragraphs.len()), (Some("Mara Quist"), 2));
    assert_eq!(j.fields["season"], "winter");
    let l = doc(&c, "diary-1");
    assert_eq!((l.title.as_str(), l.date.map(|d| d.to_string())), ("Diary of a summer", Some("2020".to_string())));
    let v = doc(&c, "ledger-7");
    assert_eq!((v.title.as_str(), v.paragraphs.len()), ("The copperwren ledger", 2));
    assert!(!v.fields.contains_key("text") && !v.fields.contains_key("id") && !v.fields.contains_key("title"));
}

#[test]
fn check_report_on_the_fixture() {
    let loaded = load_corpus(&fixture());
    assert!(loaded.errors.is_empty() && loaded.warnings.is_empty(), "{:?} {:?}", loaded.errors, loaded.warnings);
    let report = explorer_preprocess::check::report(Path::new("formats"), &loaded);
    for line in [
        "Documents: 6 (284 words)",
        "  jsonl     1 file,    1 document,      34 words",
        "Facet fields: region (declared), season (automatic)",
        "  region: 6 of 6 documents, 2 distinct values",
        "        3  north",
        "Duplicates (identical text): none",
        "Errors: none",
        "OK: 0 errors, 0 warnings",
    ] {
        assert!(report.lines().any(|l| l == line), "missing line {line:?} in\n{report}");
    }
}

// ---- formats on their own ----

#[test]
fn markdown_front_matter_and_sidecar() {
    let dir = TempDir::new(&[
        ("a.md", format!("---\ntitle: Front Title\nparty: Green\nid: custom-id\n---\n# Body Heading\n\nSome *emphasised* text, {LONG}.\n").as_bytes()),
        ("a.toml", b"author = \"Sidecar Author\"\nparty = \"Blue\"\n"),
    ]);
    let c = dir.corpus();
    let d = &c.documents[0];
    assert_eq!((d.id.as_str(), d.title.as_str()), ("custom-id", "Front Title"));
    assert_eq!(d.author.as_deref(), Some("Sidecar Author"));
    assert_eq!(d.fields["party"], "Blue", "the sidecar overrides the front matter");
    assert_eq!(d.paragraphs, ["Body Heading".to_string(), format!("Some emphasised text, {LONG}.")]);
}

#[test]
fn json_and_csv_ids_and_fields() {
    let dir = TempDir::new(&[
        ("d.json", format!("[{{\"text\": \"{LONG}\", \"score\": 1.5, \"flag\": true}}, {{\"id\": \"x\", \"title\": \"X\", \"text\": \"b {LONG}\"}}]").as_bytes()),
        ("r.csv", format!("text,party\n\"c {LONG}\",Red\n\"d {LONG}\",Red\n\"e {LONG}\",Blue\n").as_bytes()),
    ]);
    let c = dir.corpus();
    let ids: Vec<&str> = c.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["d-1", "r-1", "r-2", "r-3", "x"]);
    let d1 = doc(&c, "d-1");
    assert_eq!(d1.title, "one two three four five six seven eight nine ten…", "untitled: the first words");
    assert_eq!((d1.fields["score"].as_str(), d1.fields["flag"].as_str()), ("1.5", "true"));
    assert_eq!(c.meta.facets, ["party"], "3 documents, 2 values: automatic");
}

#[test]
fn automatic_facets_need_repeated_values() {
    let row = |i: usize, party: &str, uniq: &str| format!("\"w{i} {LONG}\",{party},{uniq},{}\n", i % 13);
    let mut csv = String::from("text,party,uniq,many\n");
    for i in 0..14 {
        csv.push_str(&row(i, if i % 2 == 0 { "A" } else { "B" }, &format!("u{i}")));
    }
    let dir = TempDir::new(&[
        ("r.csv", csv.as_bytes()),
        ("one.md", format!("---\nsolo: x\n---\n# Solo\n\n{LONG}\n").as_bytes()),
    ]);
    // party: 2 values over 14 documents; uniq: as many values as documents; many: 13 values (> 12); solo: 1 document.
    assert_eq!(dir.corpus().meta.facets, ["party"]);
}

// ---- corpus.toml ----

#[test]
fn corpus_toml_people_and_facets() {
    let dir = TempDir::new(&[
        ("a.txt", format!("Title\nJoseph Stalin and {LONG}\n").as_bytes()),
        ("a.toml", b"party = \"Red\"\n"),
        ("corpus.toml", b"title = \"T\"\nfacets = [\"party\"]\n[[people]]\nlabel = \"Stalin\"\naliases = [\"Joseph Stalin\", \"\xd0\xa1\xd1\x82\xd0\xb0\xd0\xbb\xd0\xb8\xd0\xbd\"]\n"),
    ]);
    let c = dir.corpus();
    assert_eq!(c.people, ["Stalin"]);
    assert_eq!(c.documents[0].people, ["Stalin"]);
    assert_eq!(c.meta.facets, ["party"]);
    assert_eq!(c.meta.title.as_deref(), Some("T"));
}

/// The version (in exports and the check report) changes with corpus.toml and the people list
/// as well as with the documents, and only then.
#[test]
fn corpus_version_covers_settings_and_people() {
    let text = format!("Title\nJoseph Stalin and {LONG}\n");
    let version = |files: &[(&str, &[u8])]| TempDir::new(files).corpus().version;
    let plain = version(&[("a.txt", text.as_bytes())]);
    assert_eq!(version(&[("a.txt", text.as_bytes())]), plain);
    let titled = version(&[("a.txt", text.as_bytes()), ("corpus.toml", b"title = \"T\"\n")]);
    let retitled = version(&[("a.txt", text.as_bytes()), ("corpus.toml", b"title = \"U\"\n")]);
    let stopwords =
        version(&[("a.txt", text.as_bytes()), ("corpus.toml", b"title = \"T\"\nstopwords = [\"joseph\"]\n")]);
    let people = version(&[("a.txt", text.as_bytes()), ("people.txt", b"Lenin\n")]);
    let all = [&plain, &titled, &retitled, &stopwords, &people];
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(a, b);
        }
    }
}

#[test]
fn corpus_toml_problems() {
    let doc_txt: &[u8] = b"Title\nSome text.\n";
    let dir = TempDir::new(&[
        ("a.txt", doc_txt),
        ("people.txt", b"Lenin\n"),
        (
            "corpus.toml",
            b"title = \"T\"\ntitel = \"x\"\nfacets = [\"party\", \"year\"]\n[[people]]\nlabel = \"Stalin\"\n",
        ),
    ]);
    assert_eq!(
        dir.errors(),
        [
            "corpus.toml:2: unknown key 'titel' (expected one of: title, description, languages, stopwords, facets, people, strict, remove_clutter)",
        ]
    );
    let dir = TempDir::new(&[
        ("a.txt", doc_txt),
        ("people.txt", b"Lenin\n"),
        ("corpus.toml", b"facets = [\"party\",\n  \"year\"]\n\n[[people]]\nlabel = \"Stalin\"\n"),
    ]);
    assert_eq!(
        dir.errors(),
        [
            "corpus.toml:1: facet 'party' is not a metadata field of any document",
            "corpus.toml:2: 'year' is a built-in facet; list only further metadata fields",
            "corpus.toml:4: people are listed in both people.txt and corpus.toml",
        ]
    );
}

// ---- every bad file ----

/// Files saved with old Mac line ends (a lone carriage return) are split into lines like any
/// other, and problems in them are reported at the right line.
#[test]
fn lone_carriage_returns_end_lines() {
    let txt = format!("A title\r2025-12-11\rFirst paragraph {LONG}\rSecond paragraph.\r");
    let csv = "id,title,text\rc1,One,text one\rc2,Two\rc3,Three,text three\r";
    let dir = TempDir::new(&[("mac.txt", txt.as_bytes()), ("rows.csv", csv.as_bytes())]);
    assert_eq!(dir.errors(), ["rows.csv:3: row has 2 fields, the header row has 3"]);
    let dir = TempDir::new(&[("mac.txt", txt.as_bytes())]);
    let c = dir.corpus();
    let d = doc(&c, "mac");
    assert_eq!(d.title, "A title");
    // Every line is kept (no remove_clutter in a corpus.toml): the date line too.
    assert_eq!(d.paragraphs.len(), 3, "{:?}", d.paragraphs);
    assert_eq!(d.paragraphs[2], "Second paragraph.");
}

#[test]
fn binary_and_badly_encoded_files() {
    let dir = TempDir::new(&[
        ("a.txt", b"Title\n\0\0\0\x01\x02binary"),
        ("b.html", b"\x89PNG\r\n\x1a\n\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5"),
    ]);
    assert_eq!(dir.errors(), ["a.txt: binary file, not text", "b.html: binary file, not text"]);
    // UTF-16 with a byte-order mark is read; other bytes are Windows-1252, with a warning.
    let csv: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain("title,text\nÉté,Été à Paris\n".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let dir = TempDir::new(&[("c.csv", &csv), ("d.md", b"# Title\n\ncaf\xe9\n")]);
    let c = dir.corpus();
    assert_eq!(doc(&c, "c-1").paragraphs, ["Été à Paris"]);
    assert_eq!(doc(&c, "d").paragraphs, ["café"]);
    assert!(dir.warnings().contains(
        &"d.md:3: not UTF-8 (first at offset 12): read as Windows-1252; if the text looks wrong, save the file as UTF-8"
            .to_string()
    ));
}

#[test]
fn mis_decoded_text_is_a_warning() {
    let dir = TempDir::new(&[("a.txt", format!("Title\nIt\u{e2}\u{20ac}\u{2122}s {LONG}\n").as_bytes())]);
    dir.corpus();
    assert_eq!(
        dir.warnings(),
        ["a.txt:2: looks mis-decoded ('â€™' is UTF-8 read as Windows-1252); fix the text and save it as UTF-8"]
    );
}

#[test]
fn malformed_front_matter() {
    let dir = TempDir::new(&[
        ("a.md", b"---\ntitle: T\n\nBody text.\n"),
        ("b.md", b"---\ntitle: T\njust some words\n---\nBody.\n"),
        ("c.md", b"---\ntitle: T\n---\n"),
        ("d.md", b"---\nplace: {city: Oslo}\n---\nBody.\n"),
    ]);
    assert_eq!(
        dir.errors(),
        [
            "a.md:1: front matter is not closed (no '---' line after it)",
            "b.md:3: front matter line is not 'key: value': just some words",
            "c.md: no text after the front matter",
            "d.md:2: 'place' is an object; metadata values must be strings, numbers, booleans or lists of them",
        ]
    );
}

#[test]
fn bad_json_and_json_lines() {
    let dir = TempDir::new(&[
        ("a.json", b"[\n  {\"text\": \"x\"},\n  {\"text\": \"y\" \"title\": \"z\"}\n]\n"),
        ("b.json", b"\"just a string\"\n"),
        ("c.json", b"[\n  {\"text\": \"x\"},\n  [1, 2],\n  {\"text\": \"y\", \"meta\": {\"a\": [[1]]}},\n  {\"title\": \"no text\"},\n  {\"text\": \"\"}\n]"),
        ("d.jsonl", b"{\"text\": \"one\"}\n\n[\"not\", \"an object\"]\n{\"text\": \"two\"\n"),
    ]);
    assert_eq!(
        dir.errors(),
        [
            "a.json:3: invalid JSON: expected `,` or `}` (column 16)",
            "b.json:1: expected an object (one document) or an array of objects, one per document ([{\"title\": …, \"text\": …}, …])",
            "c.json:3: item 2 is not a JSON object",
            "c.json:4: 'meta.a' is a list of lists; metadata values must be strings, numbers, booleans or lists of them",
            "c.json:5: no 'text' or 'paragraphs' field",
            "c.json:6: empty document (no text)",
            "d.jsonl:3: line 3 is not a JSON object",
            "d.jsonl:4: invalid JSON: EOF while parsing an object (column 14)",
        ]
    );
}

#[test]
fn bad_csv() {
    let dir = TempDir::new(&[
        ("a.csv", b"title,body\nA,text\n"),
        ("b.csv", b"title,text\nA,text one\nB,text,extra\n\"C\",\"multi\nline\"\nD\n"),
        ("c.csv", b"title,text\nA,\n"),
    ]);
    assert_eq!(
        dir.errors(),
        [
            "a.csv:1: no 'text' column (the header row has: title, body)",
            "b.csv:3: row has 3 fields, the header row has 2",
            "b.csv:6: row has 1 fields, the header row has 2",
            "c.csv:2: empty document (no text)",
        ]
    );
}

#[test]
fn empty_files_of_every_format() {
    let dir = TempDir::new(&[
        ("a.txt", b""),
        ("b.md", b"\n\n"),
        ("c.html", b" "),
        ("d.json", b""),
        ("e.jsonl", b"\n"),
        ("f.csv", b""),
        ("g.html", b"<html><body><nav><p>Menu</p></nav><script>x()</script></body></html>"),
        ("h.json", b"[]"),
    ]);
    assert_eq!(
        dir.errors(),
        [
            "a.txt: file is empty",
            "b.md: file is empty",
            "c.html: file is empty",
            "d.json: file is empty",
            "e.jsonl: file is empty",
            "f.csv: file is empty",
            "g.html: empty document (no text)",
        ]
    );
}

#[test]
fn duplicate_ids_across_files_and_formats() {
    let dir = TempDir::new(&[
        ("a.txt", b"Title\nText.\n"),
        ("b.json", b"[{\"id\": \"a\", \"text\": \"x\"},\n {\"id\": \"b-3\", \"text\": \"y\"},\n {\"text\": \"z\"}]"),
        ("c.csv", b"id,text\nq,one\nq,two\n"),
        ("d.jsonl", b"{\"id\": 7, \"text\": \"x\"}\n{\"id\": \"7\", \"text\": \"y\"}\n"),
    ]);
    assert_eq!(
        dir.errors(),
        [
            "b.json:1: duplicate document id 'a' (also a.txt)",
            "b.json:3: duplicate document id 'b-3' (also b.json:2)",
            "c.csv:3: duplicate document id 'q' (also c.csv:2)",
            "d.jsonl:2: duplicate document id '7' (also d.jsonl:1)",
        ]
    );
}

#[test]
fn warnings_for_repeats_short_documents_and_misspelt_keys() {
    let dir = TempDir::new(&[
        ("a.txt", format!("Title\n{LONG}\n").as_bytes()),
        (
            "b.jsonl",
            format!("{{\"text\": \"{LONG}\", \"authors\": \"X\"}}\n{{\"text\": \"short text\", \"authors\": \"Y\"}}\n")
                .as_bytes(),
        ),
    ]);
    let c = dir.corpus();
    assert_eq!(c.documents.len(), 3);
    assert_eq!(
        dir.warnings(),
        [
            "b.jsonl:1: document 'b-1' has the same text as 'a' (a.txt)",
            "b.jsonl:1: field 'authors' is not a known key (did you mean 'author'?); kept as a metadata field",
            "b.jsonl:2: near-empty document 'b-2': 2 words",
        ]
    );
}

#[test]
fn fields_named_like_url_parameters_are_kept_under_other_names_with_a_warning() {
    let csv = format!("title,page,n,text\nA,12,3,{LONG}\nB,12,4,{LONG} again\nC,7,3,{LONG} once more\n");
    let dir = TempDir::new(&[
        ("corpus.toml", b"facets = [\"page\"]\n"),
        ("a.csv", csv.as_bytes()),
        ("b.jsonl", format!("{{\"text\": \"{LONG} b\", \"sort\": \"x\", \"sort_\": \"y\"}}\n").as_bytes()),
        ("c.md", format!("---\ntitle: C\nview: wide\n---\n\n{LONG} c\n").as_bytes()),
    ]);
    let c = dir.corpus();
    let a = c.documents.iter().find(|d| d.title == "A").unwrap();
    assert_eq!(a.fields.get("page_").map(String::as_str), Some("12"));
    assert_eq!(a.fields.get("n_").map(String::as_str), Some("3"));
    assert!(!a.fields.contains_key("page") && !a.fields.contains_key("n"));
    // A field already called `sort_` keeps its name; `sort` becomes `sort__`.
    let b = doc(&c, "b-1");
    assert_eq!(b.fields.get("sort_").map(String::as_str), Some("y"));
    assert_eq!(b.fields.get("sort__").map(String::as_str), Some("x"));
    assert_eq!(doc(&c, "c").fields.get("view_").map(String::as_str), Some("wide"));
    // The declared facet follows its field; `n_` is an automatic one.
    assert_eq!(c.meta.facets, ["page_", "n_"]);
    let own = "has the name of one of the explorer's own URL parameters; it is kept as";
    assert_eq!(
        dir.warnings(),
        [
            format!("a.csv:2: the field 'n' {own} 'n_'"),
            format!("a.csv:2: the field 'page' {own} 'page_'"),
            format!("b.jsonl:1: the field 'sort' {own} 'sort__'"),
            format!("c.md: the field 'view' {own} 'view_'"),
        ]
    );
}

// ---- the command line ----

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_explorer-preprocess")).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn cli_check_exit_codes_and_out_file() {
    let good = TempDir::new(&[("a.txt", b"Title\nshort\n")]);
    let (code, stdout, _) = cli(&["check", good.path().to_str().unwrap()]);
    assert_eq!(code, 0, "warnings do not fail: {stdout}");
    assert!(stdout.contains("near-empty document 'a': 1 words"), "{stdout}");
    assert!(stdout.ends_with("OK: 0 errors, 1 warning\n"), "{stdout}");

    let bad = TempDir::new(&[("a.txt", b"Title\nText.\n"), ("b.jsonl", b"[1]\n")]);
    let (code, stdout, _) = cli(&["check", bad.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains(&format!("  {}/b.jsonl:1: line 1 is not a JSON object\n", bad.path().display())),
        "{stdout}"
    );
    assert!(stdout.ends_with("FAILED: 1 error, 1 warning\n"), "{stdout}");

    let out = bad.path().join("out.json");
    let (code, _, stderr) = cli(&[bad.path().to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("line 1 is not a JSON object"), "{stderr}");
    assert!(!out.exists(), "nothing half-built is left");
    let written = good.path().join("out.json");
    let (code, _, _) = cli(&[good.path().to_str().unwrap(), "--out", written.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(Corpus::from_json(&std::fs::read_to_string(&written).unwrap()).is_ok());
    let leftovers: Vec<String> = std::fs::read_dir(good.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temporary file left: {leftovers:?}");
}

/// Reading a file is a function of its bytes (and its sidecar's): each file of the fixture,
/// read alone from bytes as the page will read a file a person adds, gives exactly the
/// documents, places and formats that reading the folder gives.
#[test]
fn a_file_read_from_its_bytes_gives_what_the_folder_build_gives() {
    use explorer_preprocess::{read_document_file, settings::parse_settings, Format, Loaded};
    let dir = fixture();
    let folder = load_corpus(&dir);
    assert!(folder.errors.is_empty(), "{:?}", folder.errors);
    let toml = dir.join("corpus.toml");
    let settings = parse_settings(&toml, &std::fs::read_to_string(&toml).unwrap()).unwrap();
    let options = settings.options();
    let people = settings.people.map(|(p, _)| p).unwrap_or_default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut alone = Loaded::default();
    for path in files {
        let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
        let stem = path.file_stem().unwrap().to_string_lossy().to_lowercase();
        if Format::from_extension(&ext).is_none() || stem == "readme" {
            continue;
        }
        let sidecar_path = path.with_extension("toml");
        let sidecar = sidecar_path.exists().then(|| std::fs::read(&sidecar_path).unwrap());
        let bytes = std::fs::read(&path).unwrap();
        read_document_file(&path, bytes, sidecar.map(|b| (sidecar_path.as_path(), b)), &people, options, &mut alone);
    }
    assert!(alone.errors.is_empty(), "{:?}", alone.errors);
    assert_eq!(alone.found.len(), 6);
    assert_eq!(alone.found, folder.found);
    // A file of no document format is told, not skipped in silence.
    read_document_file(Path::new("notes.pdf"), b"%PDF".to_vec(), None, &people, options, &mut alone);
    assert_eq!(
        alone.errors.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
        ["notes.pdf: not a document format (.txt, .md, .html, .json, .jsonl, .csv)"]
    );
}
