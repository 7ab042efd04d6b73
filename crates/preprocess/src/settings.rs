//! The corpus folder's optional `corpus.toml`: what the corpus says about itself.
//!
//! ```toml
//! title = "Speeches of the Union"
//! description = "Addresses to parliament, 1990–2020."
//! languages = ["en", "ru"]
//! stopwords = ["hon", "member"]
//! facets = ["party", "region"]     # metadata fields offered as facets, in this order
//! strict = true                     # a file that is not UTF-8 is an error (not read as Windows-1252)
//! remove_clutter = true             # the texts are web captures: remove page clutter (told by `check`)
//!
//! [[people]]
//! label = "Stalin"
//! aliases = ["Joseph Stalin", "Stalin", "Сталин"]
//! ```

use crate::error::{line_of_offset, value_or_errors, CorpusError};
use crate::people::{person, Person};
use crate::sidecar::read_toml;
use explorer_core::model::CorpusMeta;
use std::path::Path;
use toml::de::DeValue;

/// The keys `corpus.toml` may have.
pub const KEYS: [&str; 8] =
    ["title", "description", "languages", "stopwords", "facets", "people", "strict", "remove_clutter"];
/// The keys of one `[[people]]` entry.
pub const PEOPLE_KEYS: [&str; 2] = ["label", "aliases"];

/// What `corpus.toml` says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// Title, description, languages and stopwords (folded); `facets` as declared.
    pub meta: CorpusMeta,
    /// The line of each declared facet.
    pub facet_lines: Vec<usize>,
    /// The people, with the line of the `people` key, when listed here.
    pub people: Option<(Vec<Person>, usize)>,
    /// `strict = true`: a file that is not UTF-8 (or UTF-16 with a byte-order mark) is an
    /// error, not read as Windows-1252 with a warning.
    pub strict: bool,
    /// `remove_clutter = true`: the texts are web captures; page clutter is removed from
    /// them (and told by `check`). Otherwise every line is kept.
    pub remove_clutter: bool,
}

/// Parses `corpus.toml` read from `path`, reporting every problem with its line.
pub fn parse_settings(path: &Path, text: &str) -> Result<Settings, Vec<CorpusError>> {
    let line = |offset: usize| line_of_offset(text.as_bytes(), offset);
    let mut settings = Settings::default();
    let mut errors = Vec::new();
    read_toml(path, text, |name, at, value| {
        let mut err = |msg: String| errors.push(CorpusError::at_line(path, at, msg));
        match name {
            "strict" | "remove_clutter" => match value {
                DeValue::Boolean(b) if name == "strict" => settings.strict = *b,
                DeValue::Boolean(b) => settings.remove_clutter = *b,
                _ => err(format!("'{name}' must be true or false")),
            },
            "title" | "description" => match value {
                DeValue::String(s) if !s.trim().is_empty() => {
                    let s = crate::lines::collapse_whitespace(s);
                    if name == "title" {
                        settings.meta.title = Some(s);
                    } else {
                        settings.meta.description = Some(s);
                    }
                }
                DeValue::String(_) => err(format!("'{name}' is empty")),
                _ => err(format!("'{name}' must be a string")),
            },
            "languages" | "stopwords" | "facets" => {
                let Some(items) = strings(value) else {
                    err(format!("'{name}' must be a list of strings"));
                    return;
                };
                for (s, span) in items {
                    let at = line(span);
                    match name {
                        "languages" => settings.meta.languages.push(s.to_lowercase()),
                        "stopwords" => match explorer_core::tokenize::tokenize(&s).as_slice() {
                            [one] => settings.meta.stopwords.push(one.folded.clone()),
                            _ => errors.push(CorpusError::at_line(path, at, format!("stopword '{s}' is not one word"))),
                        },
                        _ if settings.meta.facets.contains(&s) => {
                            errors.push(CorpusError::at_line(path, at, format!("facet '{s}' is listed twice")))
                        }
                        _ => {
                            settings.meta.facets.push(s);
                            settings.facet_lines.push(at);
                        }
                    }
                }
            }
            "people" => match value {
                DeValue::Array(entries) => {
                    let mut people: Vec<Person> = Vec::new();
                    for entry in entries {
                        let entry_at = line(entry.span().start);
                        match parse_person(path, entry.get_ref(), &line) {
                            Ok(Some(p)) if people.iter().any(|q| q.label == p.label) => errors
                                .push(CorpusError::at_line(path, entry_at, format!("'{}' is listed twice", p.label))),
                            Ok(Some(p)) => people.push(p),
                            Ok(None) => {}
                            Err(e) => errors.extend(e),
                        }
                    }
                    settings.people = Some((people, at));
                }
                _ => err("'people' must be a list of tables ([[people]] label = \"…\" aliases = […])".into()),
            },
            _ => err(format!("unknown key '{name}' (expected one of: {})", KEYS.join(", "))),
        }
    })?;
    value_or_errors(settings, errors)
}

/// One `[[people]]` entry.
fn parse_person(
    path: &Path,
    value: &DeValue<'_>,
    line: &dyn Fn(usize) -> usize,
) -> Result<Option<Person>, Vec<CorpusError>> {
    let DeValue::Table(table) = value else {
        return Err(vec![CorpusError::new(path, "each entry of 'people' must be a table with label and aliases")]);
    };
    let mut errors = Vec::new();
    let mut label = None;
    let mut aliases = Vec::new();
    let mut first_line = None;
    for (key, value) in table {
        let name: &str = key.get_ref();
        let at = line(key.span().start);
        first_line.get_or_insert(at);
        match name {
            "label" => match value.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => label = Some((crate::lines::collapse_whitespace(s), at)),
                _ => errors.push(CorpusError::at_line(path, at, "'label' must be a non-empty string")),
            },
            "aliases" => match strings(value.get_ref()) {
                Some(items) => aliases = items.into_iter().map(|(s, _)| s).collect(),
                None => errors.push(CorpusError::at_line(path, at, "'aliases' must be a list of strings")),
            },
            _ => {
                let msg = format!("unknown key '{name}' in [[people]] (expected one of: {})", PEOPLE_KEYS.join(", "));
                errors.push(CorpusError::at_line(path, at, msg));
            }
        }
    }
    let Some((label, at)) = label else {
        errors.push(CorpusError::at_line(path, first_line.unwrap_or(1), "[[people]] entry without a label"));
        return Err(errors);
    };
    match person(&label, &aliases) {
        Ok(p) if errors.is_empty() => Ok(Some(p)),
        Ok(_) => Err(errors),
        Err(msg) => {
            errors.push(CorpusError::at_line(path, at, msg));
            Err(errors)
        }
    }
}

/// The strings of a TOML array (or a single string), each with the offset where it starts.
fn strings(value: &DeValue<'_>) -> Option<Vec<(String, usize)>> {
    match value {
        DeValue::Array(items) => items
            .iter()
            .map(|i| match i.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => Some((s.trim().to_string(), i.span().start)),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        crate::error::messages(parse_settings(Path::new("corpus.toml"), text))
    }

    #[test]
    fn reads_everything() {
        let text = "title = \"T\"\ndescription = \"D  d\"\nlanguages = [\"EN\", \"ru\"]\nstopwords = [\"Hon\", \"Ёлка\"]\n\
                    facets = [\"party\", \"region\"]\n\n[[people]]\nlabel = \"Stalin\"\naliases = [\"Joseph Stalin\", \"Сталин\"]\n\n\
                    [[people]]\nlabel = \"Lenin\"\n";
        let s = parse_settings(Path::new("corpus.toml"), text).unwrap();
        assert_eq!(s.meta.title.as_deref(), Some("T"));
        assert_eq!(s.meta.description.as_deref(), Some("D d"));
        assert_eq!(s.meta.languages, ["en", "ru"]);
        assert_eq!(s.meta.stopwords, ["hon", "елка"]);
        assert_eq!(s.meta.facets, ["party", "region"]);
        assert_eq!(s.facet_lines, [5, 5]);
        let (people, at) = s.people.unwrap();
        assert_eq!(at, 7);
        assert_eq!(people.iter().map(|p| p.label.as_str()).collect::<Vec<_>>(), ["Stalin", "Lenin"]);
        assert_eq!(people[0].aliases.len(), 2);
    }

    #[test]
    fn problems_with_lines() {
        assert_eq!(
            errors("title = \"T\"\ntitel = \"x\"\n"),
            ["corpus.toml:2: unknown key 'titel' (expected one of: title, description, languages, stopwords, facets, people, strict, remove_clutter)"]
        );
        assert_eq!(errors("strict = \"yes\"\n"), ["corpus.toml:1: 'strict' must be true or false"]);
        assert!(parse_settings(Path::new("corpus.toml"), "strict = true\n").unwrap().strict);
        assert!(!parse_settings(Path::new("corpus.toml"), "title = \"T\"\n").unwrap().strict);
        assert_eq!(errors("facets = \"party\"\n"), ["corpus.toml:1: 'facets' must be a list of strings"]);
        assert_eq!(errors("facets = [\"a\",\n \"a\"]\n"), ["corpus.toml:2: facet 'a' is listed twice"]);
        assert_eq!(errors("stopwords = [\"two words\"]\n"), ["corpus.toml:1: stopword 'two words' is not one word"]);
        assert_eq!(
            errors("[[people]]\nlabel = \"A\"\nalias = [\"b\"]\n"),
            ["corpus.toml:3: unknown key 'alias' in [[people]] (expected one of: label, aliases)"]
        );
        assert_eq!(errors("[[people]]\naliases = [\"b\"]\n"), ["corpus.toml:2: [[people]] entry without a label"]);
        assert_eq!(
            errors("[[people]]\nlabel = \"A\"\n[[people]]\nlabel = \"A\"\n"),
            ["corpus.toml:3: 'A' is listed twice"]
        );
    }
}
