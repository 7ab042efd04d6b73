//! Metadata sidecars: `NAME.toml` beside `NAME.txt`, overriding what the text tells.
//!
//! ```toml
//! title = "What does Vladimir Putin want?"
//! outlet = "Unnamed Ukrainian outlet (translated)"
//! date = "2022"            # YYYY, YYYY-MM or YYYY-MM-DD
//! date_note = "autumn 2022" # how a vague date is shown
//! author = "Pavel Lysyansky"
//! kind = "analysis"
//! url = "https://example.org/article"
//! ```

use crate::error::{line_of_offset, CorpusError};
use explorer_core::PartialDate;
use std::path::Path;
use toml::de::{DeTable, DeValue};

/// The keys a sidecar may have.
pub const KEYS: [&str; 7] = ["title", "outlet", "date", "date_note", "author", "kind", "url"];

/// The metadata one sidecar gives; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sidecar {
    /// Title of the document.
    pub title: Option<String>,
    /// Publication or site.
    pub outlet: Option<String>,
    /// Publication date to the precision known.
    pub date: Option<PartialDate>,
    /// How a vague date is shown (`late 2022`).
    pub date_note: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Kind of text (`news`, `analysis`, …).
    pub kind: Option<String>,
    /// Address of the original.
    pub url: Option<String>,
}

/// Parses the sidecar `text` read from `path`, reporting every problem with its line.
pub fn parse_sidecar(path: &Path, text: &str) -> Result<Sidecar, Vec<CorpusError>> {
    let line = |offset: usize| line_of_offset(text.as_bytes(), offset);
    let table = DeTable::parse(text).map_err(|e| {
        let at = e.span().map_or(1, |s| line(s.start));
        vec![CorpusError::at_line(path, at, format!("invalid TOML: {}", e.message().trim()))]
    })?;
    let mut sidecar = Sidecar::default();
    let mut errors = Vec::new();
    for (key, value) in table.get_ref() {
        let name: &str = key.get_ref();
        let at = line(key.span().start);
        if !KEYS.contains(&name) {
            let msg = format!("unknown key '{name}' (expected one of: {})", KEYS.join(", "));
            errors.push(CorpusError::at_line(path, at, msg));
            continue;
        }
        let DeValue::String(s) = value.get_ref() else {
            errors.push(CorpusError::at_line(path, at, format!("'{name}' must be a string")));
            continue;
        };
        let s = s.trim().to_string();
        if s.is_empty() {
            errors.push(CorpusError::at_line(path, at, format!("'{name}' is empty")));
            continue;
        }
        match name {
            "title" => sidecar.title = Some(s),
            "outlet" => sidecar.outlet = Some(s),
            "date" => match PartialDate::parse(&s) {
                Ok(d) => sidecar.date = Some(d),
                Err(e) => errors.push(CorpusError::at_line(path, at, format!("bad date: {e}"))),
            },
            "date_note" => sidecar.date_note = Some(s),
            "author" => sidecar.author = Some(s),
            "kind" => sidecar.kind = Some(s),
            _ => sidecar.url = Some(s),
        }
    }
    errors.sort_by_key(|e| e.line);
    if errors.is_empty() {
        Ok(sidecar)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        parse_sidecar(Path::new("a.toml"), text).unwrap_err().iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn reads_every_key() {
        let text = "title = \"T\"\noutlet = \"O\"\ndate = \"2022-10\"\ndate_note = \"autumn 2022\"\n\
                    author = \"A\"\nkind = \"Analysis\"\nurl = \"https://x.org\"\n";
        let s = parse_sidecar(Path::new("a.toml"), text).unwrap();
        assert_eq!(s.title.as_deref(), Some("T"));
        assert_eq!(s.outlet.as_deref(), Some("O"));
        assert_eq!(s.date.map(|d| d.to_string()).as_deref(), Some("2022-10"));
        assert_eq!(s.date_note.as_deref(), Some("autumn 2022"));
        assert_eq!(s.author.as_deref(), Some("A"));
        assert_eq!(s.kind.as_deref(), Some("Analysis"));
        assert_eq!(s.url.as_deref(), Some("https://x.org"));
    }

    #[test]
    fn empty_sidecar_is_fine() {
        assert_eq!(parse_sidecar(Path::new("a.toml"), "# nothing\n").unwrap(), Sidecar::default());
    }

    #[test]
    fn unknown_keys_with_line() {
        assert_eq!(
            errors("title = \"T\"\n\nauthors = \"A\"\n"),
            ["a.toml:3: unknown key 'authors' (expected one of: title, outlet, date, date_note, author, kind, url)"]
        );
    }

    #[test]
    fn non_string_values_with_line() {
        assert_eq!(errors("date = 2022\n"), ["a.toml:1: 'date' must be a string"]);
        assert_eq!(errors("title = \"T\"\nkind = [\"a\"]\n"), ["a.toml:2: 'kind' must be a string"]);
        assert_eq!(errors("title = \"  \"\n"), ["a.toml:1: 'title' is empty"]);
    }

    #[test]
    fn bad_dates_with_line() {
        assert_eq!(
            errors("title = \"T\"\ndate = \"2022-13\"\n"),
            ["a.toml:2: bad date: '2022-13' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"]
        );
    }

    #[test]
    fn syntax_errors_with_line() {
        let e = errors("title = \"T\"\nkind = \"news\n");
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("a.toml:2: invalid TOML: "), "{}", e[0]);
    }

    #[test]
    fn all_problems_are_reported() {
        assert_eq!(errors("x = \"1\"\ndate = \"soon\"\n").len(), 2);
    }
}
