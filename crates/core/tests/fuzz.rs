//! Fuzzing of the core's parsers and text machinery with proptest (issue 7).
//!
//! Every property runs `PROPTEST_CASES` cases (default 256, the short run of `cargo test`);
//! the long run is documented in the README:
//! `PROPTEST_CASES=100000 cargo test --release -p explorer-core --test fuzz`.
//! Failures are not written to `proptest-regressions/`: every crash found becomes a named
//! regression test beside the code it fixes.

use explorer_core::analysis::{collocates, concordance, StopList};
use explorer_core::embed::{self, Command};
use explorer_core::facets::{Facet, Filters};
use explorer_core::highlight;
use explorer_core::index::Index;
use explorer_core::model::{Corpus, CorpusHeader, Document};
use explorer_core::query::{self, MAX_WORDS};
use explorer_core::search::{self, Compiled, Engine, Sort};
use explorer_core::snippet;
use explorer_core::suggest::{self, MAX_SUGGESTIONS};
use explorer_core::tokenize;
use explorer_core::view_state::{ViewState, MAX_QUERY_CHARS};
use explorer_core::PartialDate;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use std::ops::Range;
use std::sync::LazyLock;

/// The number of cases of each property: `PROPTEST_CASES`, else 256.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.trim().parse().ok()).unwrap_or(256)
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() }
}

/// Pieces of nasty input: scripts, combining marks, bidi controls, joiners, emoji, high code
/// points, NUL, operators and quote/paren soup, fields, `%` sequences, line ends, markup.
#[rustfmt::skip]
const FRAGMENTS: &[&str] = &[
    "stalin", "Stalin", "lenin", "union", "state", "the", "Сталин", "сталина", "Ёлка", "й", "Milošević", "e\u{301}",
    "\u{301}", "\u{300}\u{301}\u{302}", "\u{34F}", "\u{202E}", "\u{202D}", "\u{2066}", "\u{2067}", "\u{2069}",
    "\u{200D}", "\u{200C}", "\u{200B}", "\u{FEFF}", "\u{2060}", "👍🏽", "👨‍👩‍👧", "🇷🇺", "🙂", "\u{10FFFF}", "\u{E000}",
    "\u{FFFD}", "\u{FFFF}", "\u{1D400}", "\0", "\u{7F}", "\u{85}", "\u{2028}", "\u{3000}", "\u{A0}", "İ", "ß", "ẞ",
    "ﬁ", "ǅ", "Σ", "ς", "’", "'", "‘", "ʼ", "٣", "עברית", "العربية", "中文", "日本語", "한국어", "ไทย", "\"", "\"\"",
    "(", ")", "((", "))", "()", "-", "--", "*", "**", "OR", "AND", "NOT", "or", "|", "&", "title:", "Title:",
    "outlet:", "author:", "kind:", "person:", "year:", "year:2022", "year:2021..2025", "year:..", "year:9999..0000",
    "..", ":", "::", "%", "%2", "%ZZ", "%20", "%E2%80%AE", "%FF", "%00", "%C3", "+", "=", "?", "\r\n", "\r", "\n",
    "\t", " ", " ", "  ", "<script>", "</script>", "</textarea>", "javascript:", "<b>", "&amp;", "&#0;", "<!--",
    "]]>", ",", "﹐", "，", "…", "1,000", "2.0", "U.S.", "a-b", "de-Stalinization", "don't", "workers’", "_", "\\",
];

/// A string made of nasty fragments, single arbitrary chars, ASCII words, printable Unicode
/// and (rarely) a very long word.
fn nasty() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(FRAGMENTS).prop_map(str::to_owned),
        3 => Just(" ".to_owned()),
        2 => any::<char>().prop_map(String::from),
        3 => "[a-zA-Z]{1,10}",
        1 => "\\PC{1,8}",
        1 => "[a-zA-Zа-я]{80,400}",
    ]
}

/// A small fixed corpus with every kind of metadata, for searching with arbitrary queries.
fn fixed_corpus() -> Corpus {
    let doc = |id: &str, title: &str, paras: &[&str], outlet: &str, date: &str, people: &[&str]| Document {
        outlet: Some(outlet.into()),
        date: PartialDate::parse(date).ok(),
        people: people.iter().map(|p| p.to_string()).collect(),
        kind: if id.starts_with('r') { "news".into() } else { "blog".into() },
        author: Some("Peterson".into()),
        fields: [("region".to_string(), id[..1].to_string())].into_iter().collect(),
        ..Document::new(id, title, paras.iter().map(|p| p.to_string()).collect())
    };
    Corpus::new(
        "fuzz",
        vec![
            doc("r1", "Union State", &["The union, state of Russia and Belarus.", "state union"], "RT", "2022-10", &[]),
            doc(
                "r2",
                "Stalin and Lenin",
                &["Stalin met Lenin. Gorbachev came later.", "Сталин и Ленин."],
                "RT",
                "2025-07-05",
                &["Stalin", "Lenin"],
            ),
            doc(
                "b1",
                "The union",
                &["A state", "union state", "Milošević’s workers’ de-Stalinization"],
                "Blog",
                "2021",
                &[],
            ),
            doc(
                "b2",
                "Trotsky",
                &["Lenin and Trotsky led the revolution; the party", "👨‍👩‍👧 \u{202E}stalin\u{202C} e\u{301}"],
                "Blog",
                "1917",
                &["Lenin"],
            ),
            doc("b3", "Nothing", &["about the weather and the sea"], "Blog", "2000", &[]),
            doc("b4", "", &[], "Blog", "1999", &[]),
        ],
    )
}

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new(fixed_corpus()));

/// A corpus of one document with this title and these paragraphs, and one fixed document.
fn corpus_of(title: &str, paragraphs: &[String]) -> Corpus {
    Corpus::new(
        "fuzz",
        vec![
            Document::new("x", title, paragraphs.to_vec()),
            Document::new("y", "Stalin", vec!["stalin union state".into()]),
        ],
    )
}

/// Ranges are ascending, disjoint, non-empty, inside `text` and on char boundaries.
fn check_ranges(text: &str, ranges: &[Range<usize>], what: &str) -> Result<(), TestCaseError> {
    let mut last = 0;
    for r in ranges {
        prop_assert!(r.start >= last, "{what}: {r:?} overlaps or precedes the range before, in {text:?}");
        prop_assert!(r.start < r.end && r.end <= text.len(), "{what}: {r:?} is empty or outside {text:?}");
        prop_assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{what}: {r:?} is not on char boundaries of {text:?}"
        );
        last = r.end;
    }
    Ok(())
}

/// `Compiled::spans` of every document: sorted, disjoint, each inside one field or paragraph
/// and below the document's number of positions.
fn check_spans(engine: &Engine, compiled: &Compiled) -> Result<(), TestCaseError> {
    for doc in 0..engine.corpus.documents.len() {
        let mut next = 0;
        for (start, len, _) in compiled.spans(&engine.index, doc) {
            prop_assert!(len >= 1 && start >= next, "span {start}+{len} of doc {doc} is empty or overlaps");
            let end = start + len - 1;
            prop_assert!(end < engine.index.doc_positions(doc), "span {start}+{len} past doc {doc}");
            prop_assert!(engine.index.word_number(doc, start).is_some(), "span starts on a gap");
            prop_assert!(engine.index.word_number(doc, end).is_some(), "span ends on a gap");
            let (a, b) = (engine.index.locate(doc, start), engine.index.locate(doc, end));
            prop_assert_eq!(a.map(|l| l.0), b.map(|l| l.0), "span crosses a field or paragraph");
            next = start + len;
        }
    }
    Ok(())
}

/// Highlights and snippets of every document of `engine` for `compiled`.
fn check_marks(engine: &Engine, compiled: &Compiled, max_chars: usize) -> Result<(), TestCaseError> {
    for (no, doc) in engine.corpus.documents.iter().enumerate() {
        let h = highlight::document(&engine.index, compiled, no, doc);
        prop_assert_eq!(h.paragraphs.len(), doc.paragraphs.len());
        check_ranges(&doc.title, &h.title, "title highlight")?;
        for (p, ranges) in doc.paragraphs.iter().zip(&h.paragraphs) {
            check_ranges(p, ranges, "paragraph highlight")?;
        }
        check_ranges(&doc.title, &highlight::title(&engine.index, compiled, no, doc), "title-only highlight")?;
        let s = snippet::best(&engine.index, compiled, no, doc, max_chars);
        check_ranges(&s.text, &s.highlights, "snippet")?;
        match doc.paragraphs.get(s.paragraph) {
            Some(p) => prop_assert!(p.contains(&s.text), "snippet {:?} is not in its paragraph {p:?}", s.text),
            None => prop_assert!(doc.paragraphs.is_empty() && s.text.is_empty()),
        }
    }
    Ok(())
}

/// Filters over the fixed corpus, picked by number: none, values some documents have, and a
/// value none has.
fn filters(picks: &[u8]) -> Filters {
    let choices: [(Facet, &str); 9] = [
        (Facet::Outlet, "RT"),
        (Facet::Outlet, "Blog"),
        (Facet::Kind, "news"),
        (Facet::Year, "2021"),
        (Facet::Year, "1917"),
        (Facet::Person, "Lenin"),
        (Facet::Field("region".into()), "b"),
        (Facet::Outlet, "nobody"),
        (Facet::Field("absent".into()), "x"),
    ];
    let mut f = Filters::default();
    for &p in picks {
        if let Some((facet, value)) = choices.get(p as usize) {
            f.add(facet.clone(), *value);
        }
    }
    f
}

/// An arbitrary JSON value (depth-limited), with strings from the nasty fragments.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        nasty().prop_map(Value::String),
        proptest::sample::select(vec![
            "corpus-explorer-host",
            "corpus-explorer",
            "setQuery",
            "setFilters",
            "openDocument",
            "outlet",
            "year",
            "RT",
            "1"
        ])
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((json_key(), inner), 0..6).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn json_key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(vec![
            "source", "version", "type", "query", "filters", "id", "outlet", "kind", "year", "person", "q", "region",
            "title", "doc", "",
        ])
        .prop_map(str::to_owned),
        1 => nasty(),
    ]
}

/// A host command: mostly well-formed envelopes with arbitrary fields.
fn command_object() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    (
        proptest::sample::select(vec!["setQuery", "setFilters", "openDocument", "drop", ""]),
        prop_oneof![Just(json!("corpus-explorer-host")), json_value()],
        prop_oneof![Just(json!(1)), json_value()],
        proptest::collection::vec((json_key(), json_value()), 0..4),
        nasty(),
        proptest::collection::btree_map(json_key(), proptest::collection::vec(nasty(), 0..3), 0..4),
    )
        .prop_map(|(kind, source, version, extra, text, filters)| {
            let mut o = serde_json::Map::new();
            o.insert("type".into(), json!(kind));
            o.insert("source".into(), source);
            o.insert("version".into(), version);
            match kind {
                "setQuery" => o.insert("query".into(), json!(text)),
                "setFilters" => o.insert("filters".into(), json!(filters)),
                _ => o.insert("id".into(), json!(text)),
            };
            for (k, v) in extra {
                o.insert(k, v);
            }
            Value::Object(o)
        })
}

/// Query-string soup: parameter names of the app, `=`, `&` and nasty values.
fn query_string() -> impl Strategy<Value = String> {
    // The app's own parameters, the facets, a metadata field and malformed names.
    let names: Vec<&'static str> = explorer_core::view_state::params::names()
        .chain(["id", "title", "outlet", "kind", "year", "person", "region", "", "%71", "q%", "a b"])
        .collect();
    let key = proptest::sample::select(names);
    let value = prop_oneof![
        nasty(),
        proptest::sample::select(vec![
            "reader",
            "concordance",
            "trends",
            "stem",
            "show",
            "bar",
            "1",
            "0",
            "20",
            "21",
            "-1",
            "1e3",
            "doc:x",
            "outlet:",
            "kind:RT",
            "https://a.example",
            "http://[::1]:80,https://b",
            "javascript:alert(1)",
            "dark",
            "oldest",
            "a,b,,c",
            "%E2%80%AE",
            "+",
            "%",
        ])
        .prop_map(str::to_owned),
        // A value percent-encoded the way the app writes it.
        nasty().prop_map(|s| explorer_core::view_state::encode(&s)),
    ];
    let pair = (key, proptest::option::of(value)).prop_map(|(k, v)| match v {
        Some(v) => format!("{k}={v}"),
        None => k.to_owned(),
    });
    (any::<bool>(), proptest::collection::vec(pair, 0..10)).prop_map(|(q, pairs)| {
        let body = pairs.join("&");
        if q {
            format!("?{body}")
        } else {
            body
        }
    })
}

/// Lines of a corpus in JSON Lines form, valid or close to it.
fn jsonl_text() -> impl Strategy<Value = String> {
    let valid = fixed_corpus().to_jsonl();
    let cut = valid.clone();
    prop_oneof![
        nasty(),
        // The valid corpus with a nasty fragment inserted at some char boundary.
        (0..valid.len(), nasty()).prop_map(move |(at, ins)| {
            let at = (0..=at).rev().find(|&i| valid.is_char_boundary(i)).unwrap_or(0);
            format!("{}{}{}", &valid[..at], ins, &valid[at..])
        }),
        // A prefix of it.
        (0..cut.len()).prop_map(move |n| cut.char_indices().take_while(|(i, _)| *i < n).map(|(_, c)| c).collect()),
        // A header and arbitrary lines of JSON.
        proptest::collection::vec(json_value(), 0..4).prop_map(|lines| {
            let mut out = String::from("{\"version\":\"v\",\"documents\":2}\n");
            for l in lines {
                out.push_str(&l.to_string());
                out.push_str("\r\n");
            }
            out
        }),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// Parsing never panics; every word's span lies on char boundaries inside the input and
    /// folds to a non-empty word; at most MAX_WORDS words are kept.
    #[test]
    fn query_parse(input in nasty()) {
        let q = query::parse(&input);
        let words = q.words();
        prop_assert!(words.len() <= MAX_WORDS, "{} words", words.len());
        for w in words {
            prop_assert!(w.span.start < w.span.end && w.span.end <= input.len(), "{:?} outside {input:?}", w.span);
            prop_assert!(input.is_char_boundary(w.span.start) && input.is_char_boundary(w.span.end));
            prop_assert!(!w.text.is_empty());
            prop_assert!(!w.forced || w.prefix);
        }
    }

    /// Token ranges are ascending, disjoint, on char boundaries; each folded form is non-empty;
    /// every way of getting the words agrees.
    #[test]
    fn tokenize_ranges(text in nasty()) {
        let tokens = tokenize::tokenize(&text);
        let ranges: Vec<Range<usize>> = tokens.iter().map(|t| t.range.clone()).collect();
        check_ranges(&text, &ranges, "token")?;
        for t in &tokens {
            prop_assert!(!t.folded.is_empty(), "token {:?} of {text:?} folds to nothing", &text[t.range.clone()]);
            prop_assert!(
                t.folded.chars().any(char::is_alphanumeric) && !t.folded.contains(char::is_whitespace),
                "token {:?} of {text:?} folds to {:?}", &text[t.range.clone()], t.folded
            );
        }
        let mut seen = Vec::new();
        tokenize::for_each_word(&text, |r, f| seen.push((r, f.to_owned())));
        prop_assert_eq!(seen, tokens.iter().map(|t| (t.range.clone(), t.folded.clone())).collect::<Vec<_>>());
        prop_assert_eq!(tokenize::word_ranges(&text), ranges.clone());
        prop_assert_eq!(tokenize::word_ranges_upto(&text, 3), ranges.iter().take(3).cloned().collect::<Vec<_>>());
        prop_assert_eq!(tokenize::count_words(&text), tokens.len());
    }

    /// Searching the fixed corpus never panics; hits are distinct documents that pass the
    /// filters; spans, highlights and snippets are sound.
    #[test]
    fn search_fixed_corpus(input in nasty(), picks in proptest::collection::vec(0u8..12, 0..3), sort in 0usize..4, max in 0usize..300) {
        let engine = &*ENGINE;
        let f = filters(&picks);
        let out = search::search(engine, &input, &f, Sort::ALL[sort]);
        let mut docs: Vec<usize> = out.hits.iter().map(|h| h.doc).collect();
        for h in &out.hits {
            prop_assert!(h.doc < engine.corpus.documents.len());
            prop_assert!(f.passes_all(&engine.facets, h.doc));
            let doc = &engine.corpus.documents[h.doc];
            for (facet, value) in f.pairs() {
                let others: Vec<&str> = f.selected(facet.clone()).collect();
                prop_assert!(facet.values(doc).iter().any(|v| others.contains(&v.as_str())), "{} lacks {facet:?}={value}", doc.id);
            }
        }
        docs.sort_unstable();
        docs.dedup();
        prop_assert_eq!(docs.len(), out.hits.len(), "a document is hit twice");
        prop_assert!(out.hits.len() <= out.query_matches);
        check_spans(engine, &out.compiled)?;
        check_marks(engine, &out.compiled, max)?;
    }

    /// Arbitrary corpus text with arbitrary queries: highlights and snippets are sound.
    #[test]
    fn highlight_and_snippet_any_text(title in nasty(), paras in proptest::collection::vec(nasty(), 0..4), input in nasty(), max in 0usize..300) {
        let engine = Engine::new(corpus_of(&title, &paras));
        let q = query::parse(&input);
        let compiled = Compiled::new(&engine.index, &q);
        check_spans(&engine, &compiled)?;
        check_marks(&engine, &compiled, max)?;
        // The words of the text itself, as a query, mark something in it when it has words.
        let own = tokenize::tokenize(&paras.concat()).into_iter().take(3).map(|t| format!("\"{}\" ", t.folded)).collect::<String>();
        let out = search::search(&engine, &own, &Filters::default(), Sort::Relevance);
        check_spans(&engine, &out.compiled)?;
        check_marks(&engine, &out.compiled, max)?;
    }

    /// Concordance and collocates over arbitrary text and queries: one line per marked hit;
    /// at every width the context is one slice of the line's paragraph around its keyword; every
    /// order is a permutation of the lines; collocate counts are positive.
    #[test]
    fn concordance_any_text(title in nasty(), paras in proptest::collection::vec(nasty(), 0..4), input in nasty(), width in 0usize..8, order in 0usize..8) {
        let engine = Engine::new(corpus_of(&title, &paras));
        let compiled = Compiled::new(&engine.index, &query::parse(&input));
        let doc = &engine.corpus.documents[0];
        let marked = highlight::document(&engine.index, &compiled, 0, doc).count();
        let mut lines = concordance::concordance(&engine, &compiled, &[0]);
        prop_assert_eq!(lines.len(), marked);
        for l in &lines {
            let text = l.text(&engine);
            let c = l.context(&engine, width);
            let joined = format!("{}{}{}", c.left, c.keyword, c.right);
            prop_assert!(text.contains(&joined), "{joined:?} is not in {text:?}");
            // The words of the paragraph (as the index counts them) inside each part.
            let range = |part: &str| {
                let start = part.as_ptr() as usize - text.as_ptr() as usize;
                start..start + part.len()
            };
            let words_in = |r: Range<usize>| tokenize::word_ranges(text).iter().filter(|w| w.start >= r.start && w.end <= r.end).count();
            if !c.keyword.is_empty() {
                let (left, keyword, right) = (range(c.left), range(c.keyword), range(c.right));
                prop_assert!(left.end == keyword.start && keyword.end == right.start && right.end <= text.len());
                prop_assert!(words_in(keyword) >= 1, "{c:?}");
                prop_assert!(words_in(left) <= width && words_in(right) <= width, "{c:?} at width {width}");
            }
        }
        let before: Vec<(usize, u32)> = lines.iter().map(|l| (l.doc, l.position)).collect();
        concordance::sort_lines(&mut lines, concordance::KwicSort::ALL[order]);
        let mut after: Vec<(usize, u32)> = lines.iter().map(|l| (l.doc, l.position)).collect();
        after.sort_unstable();
        let mut sorted_before = before.clone();
        sorted_before.sort_unstable();
        prop_assert_eq!(after, sorted_before);
        let c = collocates::collocates(&engine, &compiled, &[0], 3, 3, 1, &StopList::default());
        prop_assert!(c.rows.iter().all(|r| r.observed >= 1));
    }

    /// Completions never panic; each keeps the input before the last word and ends in a space.
    #[test]
    fn completions(input in nasty(), title in nasty(), para in nasty()) {
        let index = Index::build(&corpus_of(&title, &[para, "stalin stalinism stalingrad stalin’s союз союзный".into()]));
        for index in [&index, &ENGINE.index] {
            let s = suggest::completions(index, &input);
            prop_assert!(s.len() <= MAX_SUGGESTIONS);
            if s.is_empty() {
                continue;
            }
            let mut last = None;
            tokenize::for_each_word(&input, |r, _| last = Some(r));
            let last = last.expect("a suggestion needs a word being typed");
            for sug in &s {
                prop_assert!(std::str::from_utf8(sug.query.as_bytes()).is_ok());
                prop_assert!(sug.query.starts_with(&input[..last.start]), "{:?} does not keep {:?}", sug.query, &input[..last.start]);
                let tail = format!("{} ", sug.word);
                prop_assert!(sug.query.ends_with(&tail), "{:?} does not end in {:?}", sug.query, tail);
                prop_assert!(!sug.word.is_empty() && sug.docs >= 1);
            }
        }
    }

    /// Any query string is read without panic, and the state read writes a query string that
    /// reads back as the same state, without warnings.
    #[test]
    fn view_state_round_trip(qs in prop_oneof![query_string(), nasty()]) {
        let (state, _) = ViewState::from_query_string(&qs);
        prop_assert!(state.query.chars().count() <= MAX_QUERY_CHARS);
        let written = state.to_query_string();
        let (again, warnings) = ViewState::from_query_string(&written);
        prop_assert_eq!(&again, &state, "{:?} was written as {:?}", qs, written);
        prop_assert!(warnings.is_empty(), "{written:?} gives warnings {warnings:?}");
        prop_assert_eq!(again.to_query_string(), written);
    }

    /// Host commands: arbitrary strings and arbitrary JSON objects never panic.
    #[test]
    fn embed_commands(text in nasty(), value in json_value(), object in command_object()) {
        let _ = embed::parse_command(&text);
        let _ = embed::parse_command(&value.to_string());
        if let Ok(c) = embed::parse_command(&object.to_string()) {
            prop_assert_eq!(object["source"].as_str(), Some(embed::HOST_SOURCE));
            if let Command::SetQuery(q) = c {
                prop_assert!(q.chars().count() <= MAX_QUERY_CHARS);
            }
        }
    }

    /// Reading a corpus in JSON Lines form never panics; an error names the line at fault;
    /// a corpus read writes itself back the same.
    #[test]
    fn corpus_from_jsonl(text in jsonl_text()) {
        let _ = CorpusHeader::parse(text.lines().next().unwrap_or(""));
        match Corpus::from_jsonl(&text) {
            Ok(c) => prop_assert_eq!(Corpus::from_jsonl(&c.to_jsonl()), Ok(c)),
            Err(e) => {
                let lines = text.lines().count();
                if e == "the corpus file is empty" {
                    prop_assert!(text.trim().is_empty());
                } else if let Some(rest) = e.strip_prefix("line ") {
                    let n: usize = rest.split(' ').next().unwrap_or("").parse().unwrap_or(0);
                    prop_assert!(n >= 1 && n <= lines, "{e} (the text has {lines} lines)");
                } else {
                    prop_assert!(e.starts_with("the corpus file's first line is not a corpus header"), "{e}");
                }
            }
        }
    }
}
