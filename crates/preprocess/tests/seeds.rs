//! The five seed documents of the default corpus (`/corpus`), read from disk:
//! final metadata, text-only extraction, and noise removal.

use explorer_core::{Corpus, Document};
use explorer_preprocess::build_corpus;
use explorer_preprocess::document::{build_document, Cleaning};
use explorer_preprocess::sidecar::Sidecar;
use std::path::PathBuf;
use std::sync::OnceLock;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        build_corpus(&corpus_dir())
            .unwrap_or_else(|errors| panic!("{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")))
    })
}

fn doc(prefix: &str) -> &'static Document {
    corpus().documents.iter().find(|d| d.id.starts_with(prefix)).expect("seed document")
}

/// The document built from its text alone, as if it had no sidecar.
fn text_only(prefix: &str) -> Document {
    let id = doc(prefix).id.clone();
    let text = std::fs::read_to_string(corpus_dir().join(format!("{id}.txt"))).unwrap();
    build_document(&id, &text, &Sidecar::default(), &[], Cleaning::RemoveClutter).unwrap().0
}

fn date(d: &Document) -> Option<String> {
    d.date.map(|d| d.to_string())
}

fn all_text(d: &Document) -> String {
    d.paragraphs.join("\n")
}

fn assert_people(d: &Document, present: &[&str], absent: &[&str]) {
    for p in present {
        assert!(d.people.iter().any(|x| x == p), "{}: {p} should be mentioned, got {:?}", d.id, d.people);
    }
    for p in absent {
        assert!(!d.people.iter().any(|x| x == p), "{}: {p} should not be mentioned, got {:?}", d.id, d.people);
    }
}

#[test]
fn corpus_shape() {
    let c = corpus();
    let ids: Vec<&str> = c.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "000_ac5c7bc8b710b4fa",
            "001_e54ca7f7c8acd83d",
            "002_0f2cfdde7b0527a1",
            "003_e52c51dd1f0dd32d",
            "004_4dd6afc7a955fa9c"
        ]
    );
    assert_eq!(c.version.len(), 16);
    assert!(c.version.chars().all(|ch| ch.is_ascii_hexdigit()));
    assert_eq!(build_corpus(&corpus_dir()).unwrap().version, c.version, "deterministic");
    for p in [
        "Putin",
        "Stalin",
        "Lenin",
        "Trotsky",
        "Gorbachev",
        "Yeltsin",
        "Khrushchev",
        "Brezhnev",
        "Lukashenko",
        "Zyuganov",
        "Marx",
    ] {
        assert!(c.people.iter().any(|x| x == p), "{p} missing from people.txt");
    }
    assert_eq!(c.people[0], "Putin", "people keep the file order");
}

/// The seed corpus is web captures (`remove_clutter = true` in its corpus.toml): every line
/// cleaning removed is listed by `check` with its file, line and why, and every non-empty line
/// of every file is either in the corpus (as a title or text) or listed.
#[test]
fn what_cleaning_removes_is_listed() {
    let loaded = explorer_preprocess::load_corpus(&corpus_dir());
    let report = explorer_preprocess::check::report(&corpus_dir(), &loaded);
    assert!(report.contains(&format!(
        "Removed as page clutter (remove_clutter = true in corpus.toml): {} lines in 5 files:",
        loaded.removed.len()
    )));
    let line = "001_e54ca7f7c8acd83d.txt:30: page furniture (icons, player times, share and comment notices, podcast links): 'Podcasts'";
    assert!(report.contains(line), "{report}");
    for found in &loaded.found {
        let text = std::fs::read_to_string(&found.path).unwrap();
        let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
        let removed = loaded.removed.iter().filter(|e| e.path == found.path).count();
        // Kept lines are paragraphs, the title line(s) are removed as repeats or kept as the
        // title; metadata lines (author, date) read from the header are removed as header.
        assert!(removed > 0 && removed < lines, "{}: {removed} of {lines}", found.path.display());
        assert!(found.document.paragraphs.len() + removed <= lines, "{}", found.path.display());
    }
}

#[test]
fn no_paragraph_is_empty_and_whitespace_is_collapsed() {
    for d in &corpus().documents {
        assert!(!d.paragraphs.is_empty());
        for p in &d.paragraphs {
            assert!(!p.trim().is_empty(), "{}", d.id);
            assert_eq!(p.trim(), p);
            assert!(!p.contains("  ") && !p.contains('\u{a0}') && !p.contains('\t'), "{}: {p}", d.id);
        }
        let words: usize = d.paragraphs.iter().map(|p| explorer_core::tokenize::count_words(p)).sum();
        assert_eq!(d.word_count, words);
        assert!(d.word_count > 300, "{}", d.id);
    }
}

#[test]
fn seed_000_politsturm() {
    let d = doc("000");
    assert_eq!(d.title, "Putin Rules Out USSR Restoration");
    assert_eq!(d.outlet.as_deref(), Some("Politsturm"));
    assert_eq!(date(d).as_deref(), Some("2025-12-11"));
    assert_eq!(d.date_note, None);
    assert_eq!(d.author, None);
    assert_eq!(d.kind, "news");
    assert_eq!(d.url.as_deref(), Some("http://us.politsturm.com"));
    assert_people(d, &["Putin", "Stalin"], &["Lenin", "Marx", "Gorbachev"]);
    assert_eq!(
        d.paragraphs[0],
        "Restoration of the USSR is senseless according to Putin, contradicting liberal and social-chauvinist claims that he seeks to restore it."
    );
    let last = d.paragraphs.last().unwrap();
    assert!(last.starts_with("• Some social chauvinists echo these claims"), "{last}");
    assert!(last.ends_with("prioritises the interests of a single capitalist state."));
    let text = all_text(d);
    for noise in ["us.politsturm.com", "2025-12-11", "1 min read", "► ", "# "] {
        assert!(!text.contains(noise), "{noise}");
    }
    assert!(!d.paragraphs.iter().any(|p| p == &d.title), "the title is not repeated in the text");
    assert!(d.paragraphs[2].starts_with("• He added that reviving the Soviet Union"), "bullets normalised");
}

#[test]
fn seed_001_rt() {
    let d = doc("001");
    assert_eq!(d.title, "Russian Communists want Stalin rehabilitated");
    assert_eq!(d.outlet.as_deref(), Some("RT"));
    assert_eq!(date(d).as_deref(), Some("2025-07-05"));
    assert_eq!(d.kind, "news");
    assert_eq!(d.author, None);
    assert_eq!(d.url, None);
    assert_eq!(d.people, ["Putin", "Stalin", "Khrushchev", "Zyuganov"]);
    assert_eq!(
        d.paragraphs[0],
        "The party believes the criticism of the notorious Soviet leader by his successor Nikita Khrushchev was politically motivated",
        "the standfirst is kept"
    );
    assert_eq!(
        d.paragraphs.last().unwrap(),
        "According to the CPRF resolution, Volgograd Region should revert to its “historical” name as well. The Kremlin has so far not commented on the initiatives."
    );
    let text = all_text(d);
    for noise in ["icon", "5 Jul, 2025", "commenting", "protected]", "Podcasts", "0:00", "24:55", "15:36"] {
        assert!(!text.contains(noise), "{noise}");
    }
    assert!(!d.paragraphs.iter().any(|p| p == &d.title), "the repeated title is dropped");
}

#[test]
fn seed_002_socialist_revolution() {
    let d = doc("002");
    assert_eq!(d.title, "Bolshevism vs. Stalinism: 100 Years Since the Founding of the USSR");
    assert_eq!(d.outlet.as_deref(), Some("Socialist Revolution"));
    assert_eq!(date(d).as_deref(), Some("2022"));
    assert_eq!(d.date_note.as_deref(), Some("late 2022"));
    assert_eq!(d.date_label().as_deref(), Some("late 2022"));
    assert_eq!(d.author.as_deref(), Some("John Peterson"));
    assert_eq!(d.kind, "podcast transcript");
    assert_eq!(d.url.as_deref(), Some("https://socialistrevolution.org"));
    assert_people(d, &["Stalin", "Lenin", "Trotsky", "Gorbachev", "Marx"], &["Lukashenko", "Zyuganov"]);
    assert_eq!(d.paragraphs[0], "[The Internationale song plays in Russian]", "stage directions are kept");
    assert!(d.paragraphs.iter().any(|p| p == "[Theme Music]"));
    assert!(
        d.paragraphs[1].starts_with("History shows that it is not enough for the ruling class to defeat a revolution.")
    );
    assert_eq!(d.paragraphs.last().unwrap(), "And by Ted Grant and Alan Woods, I highly recommend");
    let text = all_text(d);
    for noise in [
        "[Audio]",
        "on Spotify",
        "now on air",
        "Browse all",
        "Support our work",
        "Are you a communist?",
        "apply to join",
    ] {
        assert!(!text.contains(noise), "{noise}");
    }
    assert!(d.paragraphs.iter().any(|p| p == "• Pregnancy consultation centers;"), "indented bullets kept");
    assert!(d.paragraphs.iter().any(|p| p == "In the words of Lenin:"), "a colon line inside the text stays");
}

#[test]
fn seed_003_emancipation() {
    let d = doc("003");
    assert_eq!(d.title, "The implosion of the stalinist USSR");
    assert_eq!(d.outlet.as_deref(), Some("Emancipation"));
    assert_eq!(date(d).as_deref(), Some("2021-12-10"));
    assert_eq!(d.kind, "blog");
    assert_eq!((d.author.as_deref(), d.url.as_deref(), d.date_note.as_deref()), (None, None, None));
    assert_people(d, &["Stalin", "Lenin", "Gorbachev", "Yeltsin", "Khrushchev"], &["Putin", "Trotsky", "Marx"]);
    assert!(d.paragraphs[0]
        .starts_with("A few days ago, in November, was the 30th anniversary of the outlawing of the CPSU"));
    assert_eq!(
        d.paragraphs.last().unwrap(),
        "Read Perestroika and the Implosion of the stalinist USSR, a selection of FOR texts published between 1987 and 1991, or download it as a PDF"
    );
    let text = all_text(d);
    for noise in ["Blog of Emancipation", "We also publish", "Marxist Dictionary", "Navigation Map", "2021-12-10"] {
        assert!(!text.contains(noise), "{noise}");
    }
    // Every image caption appears twice in the capture; once in the text.
    let count = |s: &str| d.paragraphs.iter().filter(|p| p.starts_with(s)).count();
    assert_eq!(count("\"Perestroika, democracy, reform and transparency (glasnost)\""), 1);
    assert_eq!(count("Yeltsin during the 1991 coup."), 1);
}

#[test]
fn seed_004_union_state() {
    let d = doc("004");
    assert_eq!(d.title, "What does Vladimir Putin want?");
    assert_eq!(d.outlet.as_deref(), Some("Unnamed Ukrainian outlet (translated)"));
    assert_eq!(date(d).as_deref(), Some("2022"));
    assert_eq!(d.date_note.as_deref(), Some("autumn 2022"));
    assert_eq!(d.author.as_deref(), Some("Pavel Lysyansky"));
    assert_eq!(d.kind, "analysis");
    assert_eq!(d.url, None);
    assert_people(d, &["Putin", "Lukashenko", "Milošević"], &["Stalin", "Lenin", "Gorbachev", "Yeltsin"]);
    assert!(d.paragraphs[0].starts_with("One big clue is the “Union State”"), "{}", d.paragraphs[0]);
    assert_eq!(
        d.paragraphs.last().unwrap(),
        "*Pavel Lysyansky is the Director of the Institute for Strategic Studies and Security"
    );
    let text = all_text(d);
    for noise in
        ["matryoshka", "Alexander Ryumin/TASS/ZUMA", "[shortcode", "Translated and Adapted by:", "observe strategic"]
    {
        assert!(!text.contains(noise), "{noise}");
    }
    let captions: Vec<&String> = d.paragraphs.iter().filter(|p| p.contains("Alexander Lukashenko observ")).collect();
    assert_eq!(
        captions,
        ["Vladimir Putin and President of Belarus Alexander Lukashenko observing strategic deterrence forces exercise in the Kremlin’s situation room on Feb. 19, 2022 – Kremlin"],
        "of the two near-duplicate captions the longer is kept"
    );
    assert!(d.paragraphs.iter().any(|p| p.starts_with("• In 1999, Slobodan Milošević announced")));
}

/// The documents whose text tells their metadata: title, date, address and outlet as read
/// from the text, and the same paragraphs as with their sidecars.
#[test]
fn text_only_000_001_003() {
    for (prefix, title, day, url, outlet) in [
        (
            "000",
            "Putin Rules Out USSR Restoration",
            "2025-12-11",
            Some("http://us.politsturm.com"),
            Some("us.politsturm.com"),
        ),
        ("001", "Russian Communists want Stalin rehabilitated", "2025-07-05", None, None),
        ("003", "The implosion of the stalinist USSR", "2021-12-10", None, Some("Emancipation")),
    ] {
        let d = text_only(prefix);
        assert_eq!(d.title, title);
        assert_eq!(date(&d).as_deref(), Some(day));
        assert_eq!((d.url.as_deref(), d.outlet.as_deref()), (url, outlet), "{prefix}");
        assert_eq!(d.kind, "article", "{prefix}");
        assert_eq!(d.paragraphs, doc(prefix).paragraphs, "{prefix}");
    }
}

#[test]
fn text_only_002() {
    let d = text_only("002");
    assert_eq!(d.title, "Bolshevism vs. Stalinism: 100 Years Since the Founding of the USSR");
    assert_eq!(d.kind, "podcast", "the [Audio] tag tells the kind");
    assert_eq!(d.date, None);
}

#[test]
fn text_only_004_needs_its_sidecar_title() {
    // The capture starts with an image caption, which is all the text can offer as a title.
    let d = text_only("004");
    assert!(d.title.starts_with("Russian traditional matryoshka nesting dolls"), "{}", d.title);
    assert!(d.paragraphs.iter().any(|p| p == "What does Vladimir Putin want?"));
}

#[test]
fn summary_json_round_trips() {
    let json = serde_json::to_string(corpus()).unwrap();
    assert_eq!(&Corpus::from_json(&json).unwrap(), corpus());
}

/// The index file the build ships reads back as the very index the page would build: every
/// term, posting, position (decoded on first use), paragraph start and length, on the real
/// seed texts (possessives, numbers, dates, quotations).
#[test]
fn the_index_file_reads_back_as_the_index_built_from_the_texts() {
    use explorer_core::index::Index;
    let corpus = corpus();
    let built = Index::build(corpus);
    let bytes = built.to_bytes(&corpus.version);
    let read = Index::from_bytes(&bytes, corpus).expect("the index file is read");
    assert_eq!(read.doc_count(), built.doc_count());
    assert_eq!(read.term_count(), built.term_count());
    assert_eq!(read.avg_len(), built.avg_len());
    for d in 0..built.doc_count() {
        assert_eq!((read.field_len(d), read.para_starts(d)), (built.field_len(d), built.para_starts(d)), "doc {d}");
    }
    for t in 0..built.term_count() as u32 {
        assert_eq!(read.term(t), built.term(t));
        let list =
            |ix: &Index| ix.postings(t).iter().map(|p| (p.doc, p.tf, ix.positions(p).to_vec())).collect::<Vec<_>>();
        assert_eq!(list(&read), list(&built), "term {}", built.term(t));
    }
    let stems = |ix: &Index| {
        let mut s: Vec<(String, Vec<u32>)> = ix.stem_groups().map(|(s, t)| (s.to_owned(), t.to_vec())).collect();
        s.sort();
        s
    };
    assert_eq!(stems(&read), stems(&built));
    assert!(built.term_count() > 1000 && built.lookup("stalin").is_some());
    // Its positions are checked as each term's are first read: all sound.
    assert_eq!(read.damaged(), None);
    // Written again from the index read, the same file.
    assert_eq!(read.to_bytes(&corpus.version), bytes);
}
