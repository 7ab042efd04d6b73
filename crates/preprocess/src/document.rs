//! Building one [`Document`] from its text, its sidecar and the list of people.

use crate::clean::clean;
use crate::lines::split_lines;
use crate::meta::extract;
use crate::people::{mentioned, Person};
use crate::sidecar::Sidecar;
use explorer_core::tokenize::count_words;
use explorer_core::Document;

/// The kind of a document when neither its text nor its sidecar tells.
pub const DEFAULT_KIND: &str = "article";

/// Cleans `text` and assembles the document `id`: metadata from the text, overridden by
/// the sidecar, then the paragraphs cleaned against the final title, then the people.
/// Errs with a short message when there is no text or no title.
pub fn build_document(id: &str, text: &str, sidecar: &Sidecar, people: &[Person]) -> Result<Document, String> {
    let lines = split_lines(text);
    if lines.is_empty() {
        return Err("file is empty".into());
    }
    let meta = extract(&lines).overridden_by(sidecar);
    let title = meta.title.ok_or_else(|| format!("no title found (add title = \"…\" to {id}.toml)"))?;
    let paragraphs = clean(&lines, &title);
    if paragraphs.is_empty() {
        return Err("no text left after cleaning".into());
    }
    let kind = meta.kind.unwrap_or_else(|| DEFAULT_KIND.to_string());
    let people = mentioned(people, std::iter::once(title.as_str()).chain(paragraphs.iter().map(String::as_str)));
    Ok(Document {
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
    })
}

/// How many words of the first paragraph make the title of a document that has none.
const TITLE_WORDS: usize = 10;

/// Assembles a document whose text is already separate from its page (an HTML page's
/// blocks, a JSON or CSV record): the paragraphs only have their whitespace collapsed,
/// paragraphs without a letter or digit and immediate repeats dropped (and, with
/// `drop_title`, paragraphs that repeat the title). Without a title, the first words of
/// the text make one. Errs when no text is left.
pub fn build_structured_document(
    id: &str,
    paragraphs: &[String],
    meta: &Sidecar,
    people: &[Person],
    drop_title: bool,
) -> Result<Document, String> {
    let mut clean: Vec<String> = Vec::new();
    for p in paragraphs {
        let p = crate::lines::collapse_whitespace(p);
        let keep = p.chars().any(char::is_alphanumeric)
            && clean.last() != Some(&p)
            && !(drop_title && meta.title.as_deref().is_some_and(|t| crate::lines::is_title_line(&p, t)));
        if keep {
            clean.push(p);
        }
    }
    if clean.is_empty() {
        return Err("empty document (no text)".into());
    }
    let title = meta.title.clone().unwrap_or_else(|| {
        let words: Vec<&str> = clean[0].split_whitespace().collect();
        let mut t = words[..words.len().min(TITLE_WORDS)].join(" ");
        if words.len() > TITLE_WORDS {
            t.push('…');
        }
        t
    });
    let people = mentioned(people, std::iter::once(title.as_str()).chain(clean.iter().map(String::as_str)));
    Ok(Document {
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
    })
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
        let d = build_document("a", text, &sidecar, &people).unwrap();
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
        let d = build_structured_document("x-1", &paras, &meta, &[], true).unwrap();
        assert_eq!((d.id.as_str(), d.kind.as_str(), d.word_count), ("x-1", "article", 3));
        assert_eq!(d.paragraphs, ["a b", "c"]);
        assert_eq!(d.fields["party"], "Red");
        let untitled = build_structured_document(
            "x",
            &["one two three four five six seven eight nine ten eleven".into()],
            &Sidecar::default(),
            &[],
            false,
        )
        .unwrap();
        assert_eq!(untitled.title, "one two three four five six seven eight nine ten…");
        assert_eq!(
            build_structured_document("x", &[" ".into()], &Sidecar::default(), &[], false).unwrap_err(),
            "empty document (no text)"
        );
    }

    #[test]
    fn defaults_and_failures() {
        let d = build_document("a", "Title\nBody.", &Sidecar::default(), &[]).unwrap();
        assert_eq!(d.kind, "article");
        assert_eq!((d.outlet, d.date, d.author, d.url), (None, None, None, None));
        assert_eq!(build_document("a", " \n\t\n", &Sidecar::default(), &[]).unwrap_err(), "file is empty");
        assert_eq!(
            build_document("a", "0:00\n24:55\n", &Sidecar::default(), &[]).unwrap_err(),
            "no title found (add title = \"…\" to a.toml)"
        );
        assert_eq!(
            build_document("a", "Title\n0:00", &Sidecar::default(), &[]).unwrap_err(),
            "no text left after cleaning"
        );
    }
}
