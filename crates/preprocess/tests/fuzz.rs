//! Fuzzing of the corpus readers with proptest (issue 7): arbitrary bytes and nasty UTF-8 in
//! every kind of file the preprocessor reads, built in a temporary folder.
//!
//! Every property runs `PROPTEST_CASES` cases (default 256, the short run of `cargo test`);
//! the long run is documented in the README:
//! `PROPTEST_CASES=100000 cargo test --release -p explorer-preprocess --test fuzz`.
//! Failures are not written to `proptest-regressions/`: every crash found becomes a named
//! regression test beside the code it fixes.

mod common;
use common::TempDir;
use explorer_preprocess::build_corpus;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// The number of cases of each property: `PROPTEST_CASES`, else 256.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.trim().parse().ok()).unwrap_or(256)
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() }
}

impl TempDir {
    fn new(files: &[(&str, &[u8])]) -> TempDir {
        TempDir::with_label("fuzz", files)
    }
}

/// Builds a folder of these files: no panic; every error names one of the files (its
/// Display starts with the file's path) and a line inside it; a built corpus has only
/// non-blank paragraphs without NUL.
fn build(files: &[(&str, &[u8])]) -> Result<(), TestCaseError> {
    let dir = TempDir::new(files);
    match build_corpus(dir.path()) {
        Ok(corpus) => {
            for d in &corpus.documents {
                for p in &d.paragraphs {
                    prop_assert!(!p.trim().is_empty(), "document {} has a blank paragraph {p:?}", d.id);
                    prop_assert!(!p.contains('\0'), "document {} has a NUL in {p:?}", d.id);
                }
                prop_assert!(!d.id.is_empty(), "a document without id");
            }
        }
        Err(errors) => {
            prop_assert!(!errors.is_empty());
            for e in &errors {
                let shown = e.to_string();
                let file = files.iter().find(|(name, _)| dir.path().join(name) == e.path);
                prop_assert!(file.is_some(), "{shown}: not one of the files");
                let (_, bytes) = file.expect("checked");
                prop_assert!(shown.starts_with(&e.path.display().to_string()), "{shown}");
                if let Some(line) = e.line {
                    // A line ends with \n, \r\n or a lone \r.
                    let ends = |i: usize| bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
                    let lines = (0..bytes.len()).filter(|&i| ends(i)).count() + 1;
                    prop_assert!(line >= 1 && line <= lines, "{shown}: the file has {lines} lines: {bytes:?}");
                    prop_assert!(shown.starts_with(&format!("{}:{line}: ", e.path.display())), "{shown}");
                } else {
                    prop_assert!(shown.starts_with(&format!("{}: ", e.path.display())), "{shown}");
                }
            }
        }
    }
    Ok(())
}

/// Fragments every format shares: scripts, marks, bidi controls, joiners, emoji, high code
/// points, NUL and control bytes, line ends, markup, `%` and `:`.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    "Stalin", "Сталин", "Milošević", "e\u{301}", "\u{301}", "\u{b3e}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{200D}",
    "\u{200B}", "\u{FEFF}", "👨‍👩‍👧", "🇷🇺", "\u{10FFFF}", "\u{FFFD}", "\0", "\u{1}", "\u{7F}", "\u{85}", "\u{2028}",
    "\u{A0}", "İ", "ß", "’", "'", "\"", "\\", "\r\n", "\r", "\n", "\n\n", "\t", " ", "  ", "<script>", "</script>",
    "</textarea>", "javascript:", "<p>", "&amp;", "&#0;", ":", ",", ";", "%", "%00", "#", "-", "*", "[", "]", "{",
    "}", "=", "...", "…", "â€™", "Ã©", "2025-12-11", "July 5, 2025", "5 Jul, 2025 21:37", "2021-12-10 | Outlet",
    "https://example.org/a", "title", "date", "author",
];

fn text_of(format: &'static [&'static str]) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => proptest::sample::select(COMMON).prop_map(str::to_owned),
        6 => proptest::sample::select(format).prop_map(str::to_owned),
        2 => any::<char>().prop_map(String::from),
        3 => "[a-zA-Z]{1,10}( [a-z]{1,8}){0,6}",
        1 => "\\PC{1,8}",
        1 => "[a-z]{100,300}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Contents of a file: arbitrary bytes, or nasty UTF-8 with this format's own fragments.
fn contents(format: &'static [&'static str]) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        1 => proptest::collection::vec(any::<u8>(), 0..512),
        // Mostly text with a few arbitrary bytes spliced in.
        1 => (text_of(format), proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..3))
            .prop_map(|(t, bytes)| {
                let mut b = t.into_bytes();
                for (at, byte) in bytes {
                    let at = at.index(b.len() + 1);
                    b.insert(at, byte);
                }
                b
            }),
        4 => text_of(format).prop_map(String::into_bytes),
    ]
}

#[rustfmt::skip]
const TXT: &[&str] = &[
    "Share", "Comments", "[Music]", "[Theme Music]", "00:12", "12:34:56", "Apple Podcasts", "Support us", "Join us",
    "Reply", "Facebook", "[caption id=\"x\"]", "[/caption]", "Read more:", "Photo: AP", "By John Smith",
];
#[rustfmt::skip]
const MD: &[&str] = &[
    "---\n", "---", "+++\n", "title: x\n", "title:\n", "date: 2022\n", "date: 2024-13-45\n", "tags: [a, b]\n",
    "tags: [[a]]\n", "key: {a: 1}\n", "id: \n", "kind: news\n", "# ", "## ", "###### ", "* ", "- ", "1. ", "```",
    "```rust\n", "`", "> ", "[a](b)", "![i](s)", "[", "](", "|a|b|\n", "|---|---|\n", "<div>", "</div>", "**", "__",
    "_", "~~", "    ", "<!-- x -->", "\\*", "&nbsp;", "[^1]", "=====\n",
];
#[rustfmt::skip]
const HTML: &[&str] = &[
    "<html>", "<head>", "</head>", "<body>", "<p>", "</p>", "<h1>", "</h1>", "<h2>", "<title>", "</title>", "<li>",
    "<td>", "<th>", "<pre>", "<blockquote>", "<dd>", "<figcaption>", "<nav>", "<header>", "<footer>", "<aside>",
    "<svg>", "<template>", "<iframe>", "<noscript>", "<style>", "<form>", "<div>", "</div>", "<br>",
    "<meta name=\"author\" content=\"", "<meta name=\"date\" content=\"2022-13-45\">",
    "<meta property=\"article:published_time\" content=\"", "<meta name=\"description\" content=\"",
    "<meta property=\"og:site_name\" content=\"", "<link rel=\"canonical\" href=\"", "\">", "\" />", "<![CDATA[",
    "<!--", "-->", "&#x110000;", "&#xD800;", "&nbsp;", "&lt;", "&", "<", ">", "</", "<!DOCTYPE html>", "<?xml ?>",
];
#[rustfmt::skip]
const JSON: &[&str] = &[
    "[", "]", "{", "}", "[{", "}]", "},{", "\"text\":", "\"paragraphs\":", "\"id\":", "\"title\":", "\"date\":",
    "\"outlet\":", "\"kind\":", "\"url\":", "\"author\":", "\"region\":", "\"Title\":", "\"TEXT\":", "\"\":", ",",
    ":", "\"", "\\u0000", "\\ud800", "\\udfff", "\\u202e", "\\n", "\\r\\n", "\\\"", "null", "true", "false", "0",
    "-0", "1e999", "1.5", "18446744073709551616", "[]", "{}", "[[1]]", "{\"a\":{}}", "[\"a\",\"\"]",
    "\"a\\nb\\n\\n c\"", "\"2022\"", "\"x\"",
];
#[rustfmt::skip]
const CSV: &[&str] = &[
    "text", "title", "id", "date", "outlet", "region", "Text", "TEXT", ",", ",,", "\"", "\"\"", "\"a,b\"",
    "\"line\nbreak\"", "\"\r\n\"", "\r\n", "\r", "\n", ";", "\t", "2022", "x",
];
#[rustfmt::skip]
const TOML: &[&str] = &[
    "title = ", "outlet = ", "date = ", "date_note = ", "author = ", "kind = ", "url = ", "id = ", "region = ",
    "Title = ", "authors = ", "titel = ", "\"x\"", "'x'", "\"\"\"", "'''", "\"2022\"", "\"2022-13-45\"",
    "2022-01-01", "1979-05-27T07:32:00Z", "3", "-1", "1e400", "nan", "inf", "true", "[1, [2]]", "[\"a\", \"b\"]",
    "{a = 1}", "[table]", "[[array]]", "[a.b]", "a.b = 1", "\n", "#", "=", "\"\\u0000\"", "\"\\uD800\"",
];
#[rustfmt::skip]
const SETTINGS: &[&str] = &[
    "title = ", "description = ", "languages = ", "stopwords = ", "facets = ", "people = ", "[[people]]",
    "[people]", "label = ", "aliases = ", "[\"en\", \"ru\"]", "[\"region\"]", "[\"outlet\"]", "[\"Stalin\"]",
    "\"Stalin\"", "\"\"", "[]", "[1]", "[[\"a\"]]", "{label = \"x\"}", "unknown = 1", "\"x\"", "'x'", "3", "\n",
    "#", "=",
];
#[rustfmt::skip]
const PEOPLE: &[&str] = &[
    "Stalin", "Lenin", "Joseph Stalin", "Сталин", ": ", ":", ", ", ",", "# comment", "#", "\n", "Stalin: Stalin",
    "Stalin: ", "Lenin: Ulyanov, Lenin", ": alias", "'s", "s",
];

/// A document that reads well, beside a fuzzed sidecar, settings file or list of people.
const GOOD_TXT: &[u8] = b"A title\n2025-12-11\nStalin and Lenin met Gorbachev in a long paragraph of the text, \
with enough words to be a document of its own and not a near-empty one at all.\n";

proptest! {
    #![proptest_config(config())]

    #[test]
    fn txt(bytes in contents(TXT)) {
        build(&[("doc.txt", &bytes)])?;
    }

    #[test]
    fn markdown(bytes in contents(MD)) {
        build(&[("doc.md", &bytes)])?;
    }

    #[test]
    fn html(bytes in contents(HTML)) {
        build(&[("doc.html", &bytes)])?;
    }

    #[test]
    fn json(bytes in contents(JSON)) {
        build(&[("docs.json", &bytes)])?;
    }

    /// JSON arrays of objects with known and unknown keys and values of every type.
    #[test]
    fn json_structured(objects in proptest::collection::vec(record(), 0..4)) {
        let text = serde_json::Value::Array(objects).to_string();
        build(&[("docs.json", text.as_bytes())])?;
    }

    #[test]
    fn json_lines(bytes in contents(JSON)) {
        build(&[("docs.jsonl", &bytes)])?;
    }

    /// JSON Lines of objects, with blank lines and CRLF between them.
    #[test]
    fn json_lines_structured(objects in proptest::collection::vec((record(), proptest::sample::select(vec!["\n", "\r\n", "\n\n", "\n \n"])), 0..4)) {
        let text: String = objects.into_iter().map(|(o, sep)| format!("{o}{sep}")).collect();
        build(&[("docs.jsonl", text.as_bytes())])?;
    }

    #[test]
    fn csv(bytes in contents(CSV)) {
        build(&[("docs.csv", &bytes)])?;
    }

    /// A header with a text column and rows of nasty cells, quoted or not.
    #[test]
    fn csv_structured(header in proptest::collection::vec(proptest::sample::select(vec!["title", "id", "date", "region", "outlet", "x"]), 0..3), rows in proptest::collection::vec(proptest::collection::vec(cell(), 1..5), 0..4), eol in proptest::sample::select(vec!["\n", "\r\n", "\r"])) {
        let mut text = format!("text{}", header.iter().map(|h| format!(",{h}")).collect::<String>());
        for row in rows {
            text.push_str(eol);
            text.push_str(&row.join(","));
        }
        build(&[("docs.csv", text.as_bytes())])?;
    }

    #[test]
    fn sidecar(bytes in contents(TOML)) {
        build(&[("doc.txt", GOOD_TXT), ("doc.toml", &bytes)])?;
    }

    #[test]
    fn settings(bytes in contents(SETTINGS)) {
        build(&[("doc.txt", GOOD_TXT), ("corpus.toml", &bytes)])?;
    }

    #[test]
    fn people(bytes in contents(PEOPLE)) {
        build(&[("doc.txt", GOOD_TXT), ("people.txt", &bytes)])?;
    }
}

/// A JSON object with known and unknown keys and values of every type.
fn record() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let key = proptest::sample::select(vec![
        "text",
        "paragraphs",
        "id",
        "title",
        "date",
        "outlet",
        "kind",
        "url",
        "author",
        "date_note",
        "region",
        "Title",
        "authors",
        "",
        "\u{202E}",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text_of(JSON).prop_map(Value::String),
        proptest::sample::select(vec!["2022", "2022-02-30", "July 5, 2025", "", " ", "\0", "a\nb", "\u{FEFF}"])
            .prop_map(|s| Value::String(s.into())),
    ];
    let value = leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec(("[a-z]{1,3}", inner), 0..3)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    });
    // Mostly a document's text (a string, or a list of strings) and then any further keys.
    let body = prop_oneof![
        text_of(JSON).prop_map(|t| Some(("text", Value::String(t)))),
        proptest::collection::vec(text_of(JSON), 0..4)
            .prop_map(|ps| Some(("paragraphs", Value::Array(ps.into_iter().map(Value::String).collect())))),
        Just(None),
    ];
    (body, proptest::collection::vec((key, value), 0..4))
        .prop_map(|(body, kv)| Value::Object(body.into_iter().chain(kv).map(|(k, v)| (k.to_owned(), v)).collect()))
}

/// A CSV cell: nasty text, quoted (with doubled quotes) or raw.
fn cell() -> impl Strategy<Value = String> {
    (text_of(CSV), any::<bool>())
        .prop_map(|(t, quote)| if quote { format!("\"{}\"", t.replace('"', "\"\"")) } else { t })
}

/// Hostile Markdown (deep nesting, long runs of brackets) builds without exhausting the stack
/// of a test thread (in well under a second each; a reader quadratic in it would take minutes,
/// which shows in the suite's time rather than in an assertion).
#[test]
fn hostile_markdown_builds() {
    let n = 100_000;
    for body in [">".repeat(n), "- ".repeat(n / 2), "[".repeat(n), "<".repeat(n), "[a](".repeat(n / 4)] {
        let file = format!("# Title\n\n{body} and a few words to read\n");
        build(&[("doc.md", file.as_bytes())]).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Names of added files: every role, folders, hidden files, archives.
#[rustfmt::skip]
const NAMES: &[&str] = &[
    "a.txt", "dir/a.txt", "dir/a.toml", "a.toml", "b.md", "dir/sub/c.html", "d.json", "e.jsonl", "f.csv",
    "corpus.toml", "dir/corpus.toml", "people.txt", ".hidden.txt", "dir/.git/x.txt", "README.md", "photo.jpg",
    "__MACOSX/._a.txt", "x.zip", "dir/y.zip", "", "/", "..", "../a.txt", "C:\\docs\\a.txt", "a.TXT",
];

/// The first line of an explorer corpus file, and lines that are almost documents.
#[rustfmt::skip]
const EXPLORER_JSONL: &[&str] = &[
    "{\"version\":\"v\",\"people\":[\"Stalin\"],\"meta\":{\"title\":\"T\",\"facets\":[\"region\"]},\"documents\":2}\n",
    "{\"version\":\"v\",\"meta\":{},\"documents\":1}\n", "{\"version\":1,\"meta\":{},\"documents\":-1}\n",
    "{\"id\":\"a\",\"title\":\"A\",\"kind\":\"article\",\"paragraphs\":[\"Stalin spoke\"],\"word_count\":2,\"fields\":{\"region\":\"north\"}}\n",
    "{\"id\":\"\",\"title\":\"A\",\"kind\":\"article\",\"paragraphs\":[],\"word_count\":0}\n", "{\"id\":\"a\"}\n",
    "\"people\":", "\"fields\":{\"q\":\"1\"}", "\"date\":\"2022-13\"", "\n",
];

/// The contents of an added file: any format's fragments, or arbitrary bytes.
fn any_contents() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        contents(TXT),
        contents(MD),
        contents(HTML),
        contents(JSON),
        contents(CSV),
        contents(TOML),
        contents(SETTINGS),
        contents(EXPLORER_JSONL),
    ]
}

/// A zip archive of these entries, with a few of its bytes then changed (none: a sound archive).
fn archive(entries: &[(&str, Vec<u8>)], damage: &[(prop::sample::Index, u8)]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        if w.start_file(*name, options).is_ok() {
            let _ = w.write_all(bytes);
        }
    }
    let mut bytes = w.finish().map(|c| c.into_inner()).unwrap_or_default();
    for (at, byte) in damage {
        if !bytes.is_empty() {
            let at = at.index(bytes.len());
            bytes[at] = *byte;
        }
    }
    bytes
}

/// Imports these files: no panic; ids unique; paragraphs non-blank; every problem names one of
/// the files added (an archive's entries name the archive) or is about the whole import.
fn import(files: Vec<(String, Vec<u8>)>) -> Result<(), TestCaseError> {
    use explorer_preprocess::{Import, ImportOptions};
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let mut import = Import::new(files, ImportOptions { remove_clutter: names.len() % 2 == 0 });
    while import.step() {
        let p = import.progress();
        prop_assert!(p.files_done <= p.files_total && p.bytes_done <= p.bytes_total, "{p:?}");
    }
    let imported = import.finish();
    if let Some(corpus) = &imported.corpus {
        let mut ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        ids.dedup();
        prop_assert_eq!(ids.len(), corpus.documents.len(), "ids unique");
        for d in &corpus.documents {
            prop_assert!(d.paragraphs.iter().all(|p| !p.trim().is_empty()), "{d:?}");
        }
        prop_assert_eq!(imported.documents, corpus.documents.len());
    } else {
        prop_assert!(!imported.problems.is_empty(), "no corpus and no word why: {imported:?}");
    }
    let whole = [
        "nothing was added",
        "no document files among",
        "no document could be read",
        "1 more file",
        "more files of archives",
    ];
    for p in &imported.problems {
        let named = names.iter().any(|n| {
            let first = n.split(['/', '\\']).find(|s| !s.is_empty() && *s != ".").unwrap_or("(a file without a name)");
            p.starts_with(first)
        });
        prop_assert!(named || whole.iter().any(|w| p.contains(w)), "{p}: names no file of {names:?}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// Any files under any names, archives among them.
    #[test]
    fn import_of_any_files(files in proptest::collection::vec((proptest::sample::select(NAMES), any_contents()), 0..6),
                           entries in proptest::collection::vec((proptest::sample::select(NAMES), any_contents()), 0..5),
                           damage in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..3)) {
        let files = files
            .into_iter()
            .map(|(name, bytes)| {
                let bytes = if name.ends_with(".zip") { archive(&entries, &damage) } else { bytes };
                (name.to_string(), bytes)
            })
            .collect();
        import(files)?;
    }

    /// Explorer corpus files, whole or broken, alone or beside other documents.
    #[test]
    fn import_of_explorer_corpus_files(bytes in contents(EXPLORER_JSONL), other in any::<bool>()) {
        let mut files = vec![("corpus.jsonl".to_string(), bytes.clone())];
        if other {
            files.push(("doc.txt".into(), GOOD_TXT.to_vec()));
        }
        import(files)?;
        build(&[("corpus.jsonl", &bytes)])?;
    }
}
