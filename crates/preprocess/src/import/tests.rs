//! Tests of [`Import`]: folders, sidecars, `corpus.toml`, archives (with their damage and
//! their bombs), encodings, bad files among good ones, duplicate ids, cleaning, pasted text.

use super::*;
use explorer_core::{Corpus, Document};
use std::io::Write;

const LONG: &str = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty";

fn files(list: &[(&str, &[u8])]) -> Vec<(String, Vec<u8>)> {
    list.iter().map(|(p, b)| (p.to_string(), b.to_vec())).collect()
}

fn import(list: &[(&str, &[u8])]) -> Imported {
    Import::new(files(list), ImportOptions::default()).finish()
}

fn corpus(imported: &Imported) -> &Corpus {
    imported.corpus.as_ref().unwrap_or_else(|| panic!("no corpus: {:#?}", imported.problems))
}

fn doc<'a>(c: &'a Corpus, id: &str) -> &'a Document {
    c.documents.iter().find(|d| d.id == id).unwrap_or_else(|| panic!("no document {id} in {:?}", ids(c)))
}

fn ids(c: &Corpus) -> Vec<&str> {
    c.documents.iter().map(|d| d.id.as_str()).collect()
}

/// A zip archive of these entries (a name ending in `/` is a folder), compressed with Deflate.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        if name.ends_with('/') {
            w.add_directory(*name, options).unwrap();
        } else {
            w.start_file(*name, options).unwrap();
            w.write_all(bytes).unwrap();
        }
    }
    w.finish().unwrap().into_inner()
}

/// Sets, in every local and central header of `archive`, the 2 bytes at `local` and `central`
/// past the header's signature to `value` (the flags: 6 and 8; the method: 8 and 10).
fn patch(archive: &mut [u8], local: usize, central: usize, value: u16) {
    let at: Vec<(usize, usize)> = archive
        .windows(4)
        .enumerate()
        .filter_map(|(i, w)| match w {
            b"PK\x03\x04" => Some((i, local)),
            b"PK\x01\x02" => Some((i, central)),
            _ => None,
        })
        .collect();
    for (i, offset) in at {
        archive[i + offset..i + offset + 2].copy_from_slice(&value.to_le_bytes());
    }
}

#[test]
fn folders_with_sidecars_in_subfolders_and_the_top_corpus_toml() {
    let imported = import(&[
        ("mine/corpus.toml", b"title = \"Mine\"\nfacets = [\"region\"]\n[[people]]\nlabel = \"Ada\"\n"),
        ("mine/letters/a.txt", format!("A letter\nAda wrote {LONG}\n").as_bytes()),
        ("mine/letters/a.toml", b"region = \"north\"\nauthor = \"Bo\"\n"),
        ("mine/notes/a.md", format!("# A note\n\n{LONG}\n").as_bytes()),
        ("mine/notes/b.txt", format!("Another\n{LONG} again\n").as_bytes()),
        ("mine/notes/b.toml", b"region = \"south\"\n"),
        ("mine/notes/orphan.toml", b"region = \"east\"\n"),
        ("mine/sub/corpus.toml", b"title = \"Not this one\"\n"),
    ]);
    let c = corpus(&imported);
    assert_eq!(c.meta.title.as_deref(), Some("Mine"));
    assert_eq!(c.meta.facets, ["region"]);
    assert_eq!(c.people, ["Ada"]);
    // The sidecar in letters/ is a.txt's, not notes/a.md's; the second 'a' is renamed.
    assert_eq!(ids(c), ["a", "b", "mine/notes/a"]);
    // The documents' lines are the corpus file's, after its header.
    let lines = String::from_utf8(imported.document_lines.clone()).unwrap();
    assert_eq!(format!("{}\n{lines}", c.jsonl_header()), c.to_jsonl());
    let a = doc(c, "a");
    assert_eq!((a.fields.get("region").map(String::as_str), a.author.as_deref()), (Some("north"), Some("Bo")));
    assert_eq!(a.people, ["Ada"]);
    assert!(doc(c, "mine/notes/a").fields.is_empty());
    assert_eq!(doc(c, "b").fields["region"], "south");
    assert_eq!(
        imported.renamed,
        ["mine/notes/a.md: id 'a' is also the id of mine/letters/a.txt; this document's id is 'mine/notes/a'"]
    );
    assert_eq!(
        imported.problems,
        ["mine/notes/orphan.toml: sidecar has no matching document (expected orphan.txt, orphan.md or orphan.html)"]
    );
    assert_eq!(
        imported.ignored,
        ["mine/sub/corpus.toml: not used: only the corpus.toml nearest the top is read (mine/corpus.toml)"]
    );
    assert_eq!((imported.files, imported.documents), (3, 3));
}

#[test]
fn corpus_toml_remove_clutter_people_txt_and_strict_are_honoured() {
    let capture =
        "Menu\nThe Title\n2025-12-11\nStalin spoke at length about the plan for the harvest and the mills.\nShare\n";
    let imported = import(&[
        ("corpus.toml", b"remove_clutter = true\nstrict = true\n"),
        ("people.txt", b"Stalin: Stalin, Joseph Stalin\n"),
        ("a.txt", capture.as_bytes()),
        ("b.txt", b"Caf\xe9 title\nSome text.\n"),
    ]);
    let c = corpus(&imported);
    let a = doc(c, "a");
    assert_eq!(a.title, "The Title");
    assert_eq!(a.people, ["Stalin"]);
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2025-12-11"));
    assert!(imported.removed.iter().any(|r| r.starts_with("a.txt:1: before the title")), "{:?}", imported.removed);
    assert!(imported.removed.iter().any(|r| r.starts_with("a.txt:5: page header")), "{:?}", imported.removed);
    // strict = true: the file that is not UTF-8 is left out, the other kept.
    assert_eq!(ids(c), ["a"]);
    assert_eq!(
        imported.problems[..2],
        [
            "b.txt:1: not valid UTF-8 (first bad byte at offset 3); save it as UTF-8 (corpus.toml says strict = true)",
            "b.txt: left out because of the error above",
        ]
    );
}

#[test]
fn a_corpus_toml_with_errors_is_not_used_and_the_files_are_read() {
    let imported = import(&[("corpus.toml", b"titel = \"x\"\n"), ("a.txt", format!("T\n{LONG}\n").as_bytes())]);
    assert_eq!(ids(corpus(&imported)), ["a"]);
    assert_eq!(imported.problems.len(), 2, "{:#?}", imported.problems);
    assert!(imported.problems[0].starts_with("corpus.toml:1: unknown key 'titel'"));
    assert_eq!(
        imported.problems[1],
        "corpus.toml: not used because of the errors above; the files were read without it"
    );
}

#[test]
fn remove_clutter_can_be_asked_without_corpus_toml() {
    let text = "Menu\nThe Title\n2025-12-11\nBody text about the harvest.\n";
    let keep = import(&[("a.txt", text.as_bytes())]);
    assert_eq!(doc(corpus(&keep), "a").paragraphs, ["The Title", "2025-12-11", "Body text about the harvest."]);
    assert!(keep.removed.is_empty());
    let clean = Import::new(files(&[("a.txt", text.as_bytes())]), ImportOptions { remove_clutter: true }).finish();
    let a = doc(corpus(&clean), "a");
    assert_eq!(
        (a.title.as_str(), a.paragraphs.as_slice()),
        ("The Title", ["Body text about the harvest.".to_string()].as_slice())
    );
    assert_eq!(clean.removed.len(), 3, "{:?}", clean.removed);
    assert_eq!(clean.removed[0], "a.txt:1: before the title (site navigation): 'Menu'");
}

#[test]
fn an_archive_with_folders_and_files_of_every_kind() {
    let archive = zip(&[
        ("letters/", b""),
        ("letters/corpus.toml", b"title = \"Zipped\"\n"),
        ("letters/1998/", b""),
        ("letters/1998/a.txt", format!("A letter\n{LONG}\n").as_bytes()),
        ("letters/1998/a.toml", b"region = \"north\"\n"),
        ("letters/1999/b.md", format!("# B\n\n{LONG} b\n").as_bytes()),
        ("letters/photo.jpg", b"\xff\xd8\xff\xe0 not really"),
        ("letters/inner.zip", &zip(&[("x.txt", b"X\nx")])),
        ("letters/.hidden.txt", b"Hidden\ntext"),
        ("letters/README.md", b"# About"),
        ("__MACOSX/letters/._a.txt", b"\0\0mac"),
        ("__MACOSX/letters/1998/._a.txt", b"\0\0mac"),
    ]);
    let mut import = Import::new(
        files(&[("letters.zip", &archive), ("top.txt", format!("Top\n{LONG} top\n").as_bytes())]),
        ImportOptions::default(),
    );
    assert_eq!(import.progress().files_total, 3);
    let mut steps = 0;
    while import.step() {
        steps += 1;
        assert_eq!(import.progress().files_done, steps);
    }
    assert_eq!(steps, 3);
    let progress = import.progress();
    assert_eq!((progress.documents, progress.bytes_done), (3, progress.bytes_total));
    let imported = import.finish();
    let c = corpus(&imported);
    assert_eq!(c.meta.title.as_deref(), Some("Zipped"));
    assert_eq!(ids(c), ["a", "b", "top"]);
    assert_eq!(doc(c, "a").fields["region"], "north");
    assert_eq!(imported.problems, Vec::<String>::new());
    assert_eq!(
        imported.ignored,
        [
            "letters.zip/letters/inner.zip: an archive inside an archive is not opened; unpack it and add its files",
            "letters.zip/letters/photo.jpg: not a document format (.txt, .md, .html, .htm, .json, .jsonl, .csv, or a .zip of them)",
            "not read, as at build time: 1 hidden file (names starting with '.'), 1 README and 2 __MACOSX/ entries (file details macOS adds to archives)",
        ]
    );
}

#[test]
fn a_damaged_archive_is_told_and_the_other_files_kept() {
    let good = format!("Good\n{LONG}\n");
    let imported = import(&[("broken.zip", b"PK\x03\x04 not really an archive"), ("good.txt", good.as_bytes())]);
    assert_eq!(ids(corpus(&imported)), ["good"]);
    assert_eq!(imported.problems.len(), 1);
    assert!(
        imported.problems[0].starts_with("broken.zip: not a zip archive that can be read: damaged or not a zip file ("),
        "{:?}",
        imported.problems
    );
    // Cut anywhere, an archive never panics: it is told, or its whole entries are read.
    let archive = zip(&[("a.txt", format!("A\n{LONG}\n").as_bytes()), ("b/c.md", b"# C\n\nSome words here.")]);
    for cut in 0..archive.len() {
        let mut bytes = archive.clone();
        bytes.truncate(cut);
        let imported = import(&[("cut.zip", &bytes)]);
        assert!(imported.corpus.is_some() || !imported.problems.is_empty(), "cut at {cut}");
    }
    // Damage inside an entry's compressed bytes: the entry is told, by archive and name.
    let mut damaged = zip(&[("a.txt", format!("A\n{LONG}\n").repeat(20).as_bytes()), ("b.txt", good.as_bytes())]);
    let data = 30 + "a.txt".len() + 5;
    for b in &mut damaged[data..data + 20] {
        *b ^= 0x5a;
    }
    let imported = import(&[("damaged.zip", &damaged)]);
    assert_eq!(ids(corpus(&imported)), ["b"]);
    assert!(
        imported.problems[0].starts_with("damaged.zip/a.txt: damaged: it could not be unpacked ("),
        "{:?}",
        imported.problems
    );
    assert_eq!(imported.problems[1], "damaged.zip/a.txt: left out because of the error above");
}

#[test]
fn encrypted_entries_and_unusual_compression_are_told() {
    let text = format!("A\n{LONG}\n");
    let mut encrypted = zip(&[("a.txt", text.as_bytes())]);
    patch(&mut encrypted, 6, 8, 1);
    let mut bzip2 = zip(&[("b.txt", text.as_bytes())]);
    patch(&mut bzip2, 8, 10, 12);
    let imported = import(&[("e.zip", &encrypted), ("z.zip", &bzip2)]);
    assert_eq!(imported.corpus, None);
    assert_eq!(
        imported.problems,
        [
            "e.zip/a.txt: encrypted (protected by a password), which is not read; unpack it and add the file itself",
            "e.zip/a.txt: left out because of the error above",
            "z.zip/b.txt: compressed with bzip2, which is not unpacked (only Deflate, the usual zip compression, is); make the archive again with the usual compression",
            "z.zip/b.txt: left out because of the error above",
            "no document could be read: every document file had errors (above)",
        ]
    );
}

#[test]
fn archives_unpack_no_more_than_their_limits() {
    // 4 MiB of one letter: a few kilobytes compressed.
    let bomb = vec![b'a'; 4 << 20];
    let archive = zip(&[
        ("1.txt", format!("One\n{LONG}\n").as_bytes()),
        ("2-bomb.txt", &bomb),
        ("3.txt", format!("Three\n{LONG} 3\n").as_bytes()),
        ("4.txt", format!("Four\n{LONG} 4\n").as_bytes()),
    ]);
    assert!(archive.len() < 64 << 10, "{}", archive.len());
    let limits = Limits { archive_bytes: 1 << 20, archive_entries: 100 };
    let imported = Import::with_limits(files(&[("b.zip", &archive)]), ImportOptions::default(), limits).finish();
    assert_eq!(ids(corpus(&imported)), ["1"]);
    assert_eq!(
        imported.problems,
        [
            "b.zip/2-bomb.txt: the archives unpack to more than 1 MiB in all, the most one import unpacks; add fewer files at a time",
            "b.zip/2-bomb.txt: left out because of the error above",
            "2 more files of archives were left out for the same reason: the archives unpack to more than 1 MiB in all, the most one import unpacks; add fewer files at a time",
        ]
    );
    // Too many entries: the first ones are read, the others told.
    let limits = Limits { archive_bytes: MAX_ARCHIVE_BYTES, archive_entries: 2 };
    let imported = Import::with_limits(files(&[("b.zip", &archive)]), ImportOptions::default(), limits).finish();
    assert_eq!(imported.files, 2);
    assert_eq!(imported.problems[0], "b.zip: 2 entries left out: one import reads at most 2 entries of archives");
}

#[test]
fn one_object_json_files_with_nested_objects_give_dotted_fields() {
    let imported = import(&[
        ("mail/1.json", br#"{"id":"1","group":"ham","checksum":{"type":"md5","value":"x"},"text":"Dear all,\nthe meeting is moved."}"#),
        ("mail/2.json", br#"{"id":"2","group":"spam","checksum":{"type":"md5","value":"y"},"text":"You won.\nClick here."}"#),
    ]);
    let c = corpus(&imported);
    let one = doc(c, "1");
    assert_eq!(one.fields["group"], "ham");
    assert_eq!(one.fields["checksum.type"], "md5");
    assert_eq!(one.fields["checksum.value"], "x");
    assert_eq!(one.paragraphs, ["Dear all,", "the meeting is moved."]);
    assert_eq!(c.meta.facets, ["checksum.type"], "one value in two documents; group and value differ in each");
}

#[test]
fn windows_1252_and_utf_16_files_are_read() {
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(format!("Überschrift\n{LONG} ü\n").encode_utf16().flat_map(u16::to_le_bytes));
    let imported = import(&[
        ("old.txt", format!("Caf\u{e9}\n{LONG}\n").replace('\u{e9}', "\u{fffd}").as_bytes()),
        ("u16.txt", &utf16),
    ]);
    let c = corpus(&imported);
    assert_eq!(doc(c, "u16").title, "Überschrift");
    let imported = import(&[
        ("old.txt", &[b"Caf\xe9 \x93quoted\x94\n".as_slice(), LONG.as_bytes()].concat()),
        ("u16.txt", &utf16),
    ]);
    let c = corpus(&imported);
    assert_eq!(doc(c, "old").title, "Café “quoted”");
    assert_eq!(
        imported.problems,
        ["old.txt:1: warning: not UTF-8 (first at offset 3): read as Windows-1252; if the text looks wrong, save the file as UTF-8"]
    );
}

#[test]
fn a_bad_file_among_good_ones_is_told_with_its_line() {
    let imported = import(&[
        ("a.txt", format!("Good\n{LONG}\n").as_bytes()),
        ("b.json", b"[\n  {\"text\": \"x\"},\n  {\"text\": \"y\" \"title\": \"z\"}\n]\n"),
        ("c.csv", format!("id,title,text\nc1,One,{LONG} 1\nc2,Two\nc3,Three,{LONG} 3\n\"c4\",Four,\n").as_bytes()),
        ("d.md", b"---\ntitle: T\n"),
        ("e.html", b"\0\0\0binary"),
    ]);
    let c = corpus(&imported);
    assert_eq!(ids(c), ["a", "c1", "c3"]);
    assert_eq!(
        imported.problems,
        [
            "b.json:3: invalid JSON: expected `,` or `}` (column 16)",
            "b.json: left out because of the error above",
            "c.csv:3: row has 2 fields, the header row has 3",
            "c.csv:5: empty document (no text)",
            "c.csv: 2 documents added; the records at lines 3 and 5 were left out because of the errors above",
            "d.md:1: front matter is not closed (no '---' line after it)",
            "d.md: left out because of the error above",
            "e.html: binary file, not text",
            "e.html: left out because of the error above",
        ]
    );
}

#[test]
fn duplicate_ids_from_two_folders_are_made_unique() {
    let imported = import(&[
        ("inbox/1.txt", format!("First\n{LONG} a\n").as_bytes()),
        ("inbox/2.txt", format!("Second\n{LONG} b\n").as_bytes()),
        ("sent/1.txt", format!("Reply\n{LONG} c\n").as_bytes()),
        ("sent/2.txt", format!("Reply two\n{LONG} d\n").as_bytes()),
    ]);
    let c = corpus(&imported);
    assert_eq!(ids(c), ["1", "2", "sent/1", "sent/2"]);
    assert_eq!(doc(c, "sent/1").title, "Reply");
    assert_eq!(
        imported.renamed,
        [
            "sent/1.txt: id '1' is also the id of inbox/1.txt; this document's id is 'sent/1'",
            "sent/2.txt: id '2' is also the id of inbox/2.txt; this document's id is 'sent/2'",
        ]
    );
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
}

/// The documents as they are read, and whether the corpus keeps that order: the page indexes
/// them as they are read, and uses that index only then.
#[test]
fn documents_as_read_and_whether_the_corpus_keeps_their_order() {
    let text = |t: &str| format!("{t}\n{LONG}\n").into_bytes();
    let read_all = |list: &[(&str, Vec<u8>)]| {
        let list: Vec<(&str, &[u8])> = list.iter().map(|(p, b)| (*p, b.as_slice())).collect();
        let mut import = Import::new(files(&list), ImportOptions::default());
        let mut read = Vec::new();
        while import.step() {
            read.extend(import.documents_from(read.len()).cloned());
        }
        assert_eq!(import.documents_from(read.len()).count(), 0);
        (read, import.finish())
    };
    // Files in path order whose ids ascend: the corpus is the documents as read, ids and all.
    let records = b"[{\"id\": \"c1\", \"text\": \"one\"}, {\"id\": \"c2\", \"text\": \"two\"}]".to_vec();
    let (read, imported) = read_all(&[("a.txt", text("A")), ("b.md", text("B")), ("c.json", records)]);
    assert!(imported.in_reading_order);
    assert_eq!(read, corpus(&imported).documents);
    // Ids that are not in path order (a record's own id), or made unique from a path that
    // sorts later: the corpus is sorted, not as read.
    let records = b"[{\"id\": \"0\", \"text\": \"zero\"}]".to_vec();
    let (read, imported) = read_all(&[("a.txt", text("A")), ("z.json", records)]);
    assert!(!imported.in_reading_order);
    assert_eq!(ids(corpus(&imported)), ["0", "a"]);
    assert_eq!(read.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "0"]);
    let (_, imported) = read_all(&[("x/1.txt", text("A")), ("y/1.txt", text("B")), ("y/2.txt", text("C"))]);
    assert_eq!(ids(corpus(&imported)), ["1", "2", "y/1"]);
    assert!(!imported.in_reading_order);
}

/// Every kind of file the page can add, in no order: settings and people, sidecars, an
/// explorer corpus file, archives, documents of every format, files not read, a bad one.
fn every_kind() -> Vec<(String, Vec<u8>)> {
    let explorer = {
        let mut c = Corpus::new("v1", vec![Document::new("kept-1", "Kept", vec!["A kept text about Ada.".into()])]);
        c.meta.title = Some("Kept".into());
        c.to_jsonl()
    };
    let text = |t: &str| format!("{t}\n{LONG} {t}\n").into_bytes();
    let list: Vec<(&str, Vec<u8>)> = vec![
        ("mine/notes/b.txt", text("B")),
        ("mine/people.txt", b"Ada\n".to_vec()),
        ("mine/corpus.toml", b"title = \"Mine\"\nfacets = [\"region\"]\n".to_vec()),
        ("mine/notes/b.toml", b"region = \"south\"\n".to_vec()),
        ("mine/a.md", format!("# A\n\nAda wrote {LONG}\n").into_bytes()),
        ("mine/kept.jsonl", explorer.into_bytes()),
        (
            "mine/records.json",
            format!("[{{\"id\": \"r1\", \"region\": \"north\", \"text\": \"{LONG}\"}}]").into_bytes(),
        ),
        ("mine/rows.csv", format!("id,region,text\nc1,east,{LONG}\n").into_bytes()),
        ("mine/page.html", format!("<h1>Page</h1><p>{LONG}</p>").into_bytes()),
        ("mine/lines.jsonl", format!("{{\"id\": \"l1\", \"text\": \"{LONG}\"}}\n").into_bytes()),
        ("mine/z.zip", zip(&[("inner/c.txt", &text("C")), ("inner/c.toml", b"region = \"west\"\n")])),
        ("mine/photo.jpg", b"\xff\xd8".to_vec()),
        ("mine/.hidden.txt", text("Hidden")),
        ("mine/README.md", b"# About".to_vec()),
        ("mine/broken.json", b"[{\"text\": }]".to_vec()),
        ("mine/notes/b.txt", text("B again")),
    ];
    list.into_iter().map(|(p, b)| (p.to_string(), b)).collect()
}

/// With the documents' bytes given as they are read, an import gives what it gives with every
/// byte at once; the files it reads at once are the ones the others depend on.
#[test]
fn bytes_given_as_the_files_are_read_give_the_same_import() {
    let all = every_kind();
    let at_once: Vec<&str> = all.iter().map(|(p, _)| p.as_str()).filter(|p| Import::needs_at_once(p)).collect();
    assert_eq!(
        at_once,
        [
            "mine/people.txt",
            "mine/corpus.toml",
            "mine/notes/b.toml",
            "mine/kept.jsonl",
            "mine/lines.jsonl",
            "mine/z.zip"
        ]
    );
    let whole = Import::new(all.clone(), ImportOptions::default()).finish();
    assert!(whole.corpus.as_ref().is_some_and(|c| c.documents.len() == 8), "{whole:#?}");
    let later: Vec<(String, FileBytes)> = (all.iter())
        .map(|(p, b)| match Import::needs_at_once(p) {
            true => (p.clone(), FileBytes::Given(b.clone())),
            false => (p.clone(), FileBytes::Later { size: b.len() as u64 }),
        })
        .collect();
    let mut import = Import::with_later(later, ImportOptions::default());
    assert_eq!(
        import.progress().bytes_total,
        Import::new(all.clone(), ImportOptions::default()).progress().bytes_total
    );
    // Read in path order (the file added twice once, the files not read never).
    let order = import.later();
    let paths: Vec<&str> = order.iter().map(|&i| all[i].0.as_str()).collect();
    assert_eq!(
        paths,
        ["mine/a.md", "mine/broken.json", "mine/notes/b.txt", "mine/page.html", "mine/records.json", "mine/rows.csv"]
    );
    let mut wanted = Vec::new();
    loop {
        if let Some(i) = import.wanted() {
            wanted.push(i);
            import.give(i, all[i].1.clone());
            assert_eq!(import.wanted(), None);
        }
        if !import.step() {
            break;
        }
    }
    assert_eq!(wanted, order);
    assert_eq!(import.finish(), whole);
}

/// A file whose bytes do not come is left out, and says so; the others are read.
#[test]
fn bytes_that_never_come_leave_their_file_out() {
    let files =
        vec![("a.txt".to_string(), FileBytes::Later { size: 9 }), ("b.txt".to_string(), FileBytes::Later { size: 9 })];
    let mut import = Import::with_later(files, ImportOptions::default());
    assert_eq!(import.wanted(), Some(0));
    import.step();
    assert_eq!(import.wanted(), Some(1));
    import.give(1, format!("B\n{LONG}\n").into_bytes());
    import.step();
    let imported = import.finish();
    assert_eq!(ids(corpus(&imported)), ["b"]);
    assert_eq!(
        imported.problems,
        ["a.txt: its bytes never came from the disk; add it again", "a.txt: left out because of the error above"]
    );
}

/// Every line of a poem and of a play is kept unless cleaning is asked for; then what it
/// removes is listed, and no line is lost without a word.
#[test]
fn poems_and_plays_keep_every_line_unless_cleaning_is_asked() {
    let poem = "The Bells\n\nHear the sledges with the bells,\nSilver bells!\n\
                What a world of merriment their melody foretells!\nKeeping time, time, time,\n\
                In a sort of Runic rhyme,\nFrom the bells, bells, bells, bells,\nBells, bells, bells,\n\
                From the jingling and the tinkling of the bells.\nSilver bells!\nSilver bells!\n";
    let play = "CHAPTER 40. Midnight, Forecastle.\n\nHARPOONEERS AND SAILORS.\n\n\
                ALL. A row! a row! a row!\n\nALL. A row! a row! a row!\nALL.   Ha, ha!\n";
    let added = [("poem.txt", poem.as_bytes()), ("play.txt", play.as_bytes())];
    let lines = |text: &str| text.lines().filter(|l| !l.trim().is_empty()).count();
    let keep = import(&added);
    let c = corpus(&keep);
    assert_eq!(doc(c, "poem").paragraphs.len() + 1, lines(poem));
    assert_eq!(doc(c, "play").paragraphs.len() + 1, lines(play));
    assert!(doc(c, "play").paragraphs.iter().filter(|p| *p == "ALL. A row! a row! a row!").count() == 2);
    assert!(keep.removed.is_empty());

    let clean = Import::new(files(&added), ImportOptions { remove_clutter: true }).finish();
    let c = corpus(&clean);
    assert!(clean.removed.iter().any(|r| r.starts_with("play.txt:7: repeats the line before")), "{:#?}", clean.removed);
    assert!(clean.removed.iter().any(|r| r.starts_with("poem.txt:")), "{:#?}", clean.removed);
    for (id, text) in [("poem", poem), ("play", play)] {
        let removed = clean.removed.iter().filter(|r| r.starts_with(&format!("{id}.txt:"))).count();
        // The title line is told as removed ("repeats the title").
        assert_eq!(doc(c, id).paragraphs.len() + removed, lines(text), "{id}: {:#?}", clean.removed);
    }
}

#[test]
fn pasted_text() {
    let text = "First line of my notes.\nSecond line.";
    let imported = Import::pasted("  My   notes ", text, ImportOptions::default()).finish();
    let c = corpus(&imported);
    let d = doc(c, "My notes");
    assert_eq!(d.title, "My notes");
    assert_eq!(d.paragraphs, ["First line of my notes.", "Second line."]);
    assert_eq!(imported.files, 1);
    let unnamed = Import::pasted("", text, ImportOptions::default()).finish();
    assert_eq!(doc(corpus(&unnamed), PASTED_TITLE).title, PASTED_TITLE);
    // Control characters go; a title is whatever else was typed, the id too but for `/` and `\`.
    let odd = Import::pasted(".a/b\\\"c\u{7}", text, ImportOptions::default()).finish();
    assert_eq!(doc(corpus(&odd), ".a-b-\"c").title, ".a/b\\\"c");
    let empty = Import::pasted("x", " \n ", ImportOptions::default()).finish();
    assert_eq!(empty.corpus, None);
    assert_eq!(empty.problems[..2], ["x.txt: file is empty", "x.txt: left out because of the error above"]);
}

#[test]
fn nothing_or_nothing_readable_gives_no_corpus() {
    let none = Import::new(Vec::new(), ImportOptions::default()).finish();
    assert_eq!((none.corpus, none.document_lines.len()), (None, 0));
    assert_eq!(none.problems, ["nothing was added: no files"]);
    let others = import(&[("photo.jpg", b"\xff\xd8"), ("song.mp3", b"ID3"), (".DS_Store", b"x")]);
    assert_eq!(others.corpus, None);
    assert_eq!(
        others.problems,
        ["no document files among the files added (documents are .txt, .md, .html, .htm, .json, .jsonl, .csv, or a .zip of them)"]
    );
    assert_eq!(
        others.ignored,
        [
            "photo.jpg: not a document format (.txt, .md, .html, .htm, .json, .jsonl, .csv, or a .zip of them)",
            "song.mp3: not a document format (.txt, .md, .html, .htm, .json, .jsonl, .csv, or a .zip of them)",
            "not read, as at build time: 1 hidden file (names starting with '.')",
        ]
    );
    assert_eq!((others.files, others.documents), (0, 0));
}

#[test]
fn warnings_come_after_errors() {
    let imported = import(&[("a.txt", b"Short\ntext\n"), ("b.txt", b"\x00"), ("c.txt", b"Short\ntext\n")]);
    assert_eq!(
        imported.problems,
        [
            "b.txt: binary file, not text",
            "b.txt: left out because of the error above",
            "a.txt: warning: near-empty document 'a': 1 words",
            "c.txt: warning: document 'c' has the same text as 'a' (a.txt)",
            "c.txt: warning: near-empty document 'c': 1 words",
        ]
    );
}

#[test]
fn a_file_added_twice_is_read_once() {
    let text = format!("T\n{LONG}\n");
    let imported = import(&[("a.txt", text.as_bytes()), ("./a.txt", text.as_bytes())]);
    assert_eq!(ids(corpus(&imported)), ["a"]);
    assert_eq!(imported.ignored, ["a.txt: added twice; read once"]);
}
