//! CSV and JSON export of an analysis table, with the metadata that says where it came from.
//!
//! CSV follows RFC 4180: fields separated by commas, records ended by CRLF, a field
//! holding a comma, a double quote, CR or LF is put in double quotes with its quotes
//! doubled. The first record names the columns; there is no preamble, so every further
//! record is one table row. The metadata that fits a row is repeated on each one as the
//! last three columns `query`, `filters` (`key=value` pairs joined by `; `) and
//! `corpus_version`. Against formula injection in spreadsheets, a *text* field that
//! begins with `=`, `+`, `-`, `@`, a tab or CR gets a leading `'` (numbers are written
//! as numbers: `-1.5` stays a number).
//!
//! JSON is one object: `{"view", "query", "filters": ["key=value", …], "corpus_version",
//! "generated", "columns": […], "rows": [{column: value, …}, …]}`, one row a line, numbers
//! as JSON numbers written as in the CSV (a number that is not finite as `null`).

use serde::Serialize;

/// One value of a table.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub enum Cell {
    /// Text, written as it is (escaped as needed).
    Text(String),
    /// A number: integers are written without a decimal point.
    Number(f64),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<f64> for Cell {
    fn from(x: f64) -> Cell {
        Cell::Number(x)
    }
}

impl From<usize> for Cell {
    fn from(x: usize) -> Cell {
        Cell::Number(x as f64)
    }
}

impl From<u64> for Cell {
    fn from(x: u64) -> Cell {
        Cell::Number(x as f64)
    }
}

impl From<bool> for Cell {
    /// `yes` or `no`.
    fn from(x: bool) -> Cell {
        Cell::from(if x { "yes" } else { "no" })
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    /// The value, or an empty text cell.
    fn from(x: Option<T>) -> Cell {
        x.map_or_else(|| Cell::from(""), Into::into)
    }
}

impl From<u32> for Cell {
    fn from(x: u32) -> Cell {
        Cell::Number(f64::from(x))
    }
}

/// A view's rows under named columns (each row has one cell per column).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Table {
    /// Column names.
    pub columns: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

/// A row of cells: each value converted into a [`Cell`].
macro_rules! cells {
    ($($x:expr),* $(,)?) => {
        vec![$($crate::analysis::export::Cell::from($x)),*]
    };
}
pub(crate) use cells;

impl Table {
    /// A table of `columns` with one row made by `row` of each item.
    pub fn of<T>(columns: &[&str], items: impl IntoIterator<Item = T>, row: impl FnMut(T) -> Vec<Cell>) -> Table {
        Table { columns: columns.iter().map(|c| c.to_string()).collect(), rows: items.into_iter().map(row).collect() }
    }
}

/// Where a table came from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// The view's name (`concordance`, `wordlist`, …).
    pub view: String,
    /// The query as typed.
    pub query: String,
    /// The facet filters as (key, value) pairs (see [`super::filter_pairs`]).
    pub filters: Vec<(String, String)>,
    /// The corpus's content hash ([`crate::Corpus::version`]).
    pub corpus_version: String,
    /// When the export was made, as given by the caller (the core has no clock).
    pub generated: String,
}

impl Meta {
    fn filter_list(&self) -> Vec<String> {
        self.filters.iter().map(|(k, v)| format!("{k}={v}")).collect()
    }
}

/// The table as CSV (RFC 4180, CRLF), with the `query`, `filters`, `corpus_version` columns last.
pub fn to_csv(table: &Table, meta: &Meta) -> String {
    // A byte order mark first, so that spreadsheets (Excel) read the file as UTF-8.
    let mut out = String::from('\u{feff}');
    let extra = [meta.query.clone(), meta.filter_list().join("; "), meta.corpus_version.clone()];
    let header = table.columns.iter().map(String::as_str).chain(["query", "filters", "corpus_version"]);
    record(&mut out, header.map(|c| Cell::Text(c.to_owned())));
    for row in &table.rows {
        record(&mut out, row.iter().cloned().chain(extra.iter().map(|s| Cell::Text(s.clone()))));
    }
    out
}

fn record(out: &mut String, cells: impl Iterator<Item = Cell>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            Cell::Number(x) => out.push_str(&number(x)),
            Cell::Text(s) => field(out, &s),
        }
    }
    out.push_str("\r\n");
}

/// A number as text: integers below 10^15 without a decimal point, other numbers from 10^-6
/// up in Rust's shortest exact form (`0.25`), the rest in the same with an exponent (`1e21`,
/// `2.5e-300`, which CSV readers and JSON read too); an empty field for a number that is not
/// finite.
fn number(x: f64) -> String {
    if !x.is_finite() {
        String::new()
    } else if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else if x.abs() >= 1e15 || x.abs() < 1e-6 {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// True when a spreadsheet could take a text for a formula: it starts with a tab or a carriage
/// return, or with `=`, `+`, `-` or `@` (or their fullwidth forms, which spreadsheets also
/// accept) after any white space and line breaks.
fn looks_like_formula(s: &str) -> bool {
    s.starts_with(['\t', '\r'])
        || s.trim_start().starts_with(['=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}'])
}

/// One text field: guarded against formulas, then quoted when it must be.
fn field(out: &mut String, s: &str) {
    let guard = looks_like_formula(s);
    let quote = s.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    if quote {
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// The table and its metadata as one JSON object (see the module docs).
///
/// Written here rather than through `serde_json::Value`, whose float formatting would add
/// its own tables to the Wasm; strings are still escaped by `serde_json`.
pub fn to_json(table: &Table, meta: &Meta) -> String {
    fn string(out: &mut String, s: &str) {
        out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into()));
    }
    fn list(out: &mut String, items: &[String]) {
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            string(out, item);
        }
        out.push(']');
    }
    let mut out = String::from("{\n");
    for (key, value) in [
        ("view", &meta.view),
        ("query", &meta.query),
        ("corpus_version", &meta.corpus_version),
        ("generated", &meta.generated),
    ] {
        out.push_str(&format!("  \"{key}\": "));
        string(&mut out, value);
        out.push_str(",\n");
    }
    out.push_str("  \"filters\": ");
    list(&mut out, &meta.filter_list());
    out.push_str(",\n  \"columns\": ");
    list(&mut out, &table.columns);
    out.push_str(",\n  \"rows\": [");
    for (i, row) in table.rows.iter().enumerate() {
        out.push_str(if i == 0 { "\n    {" } else { ",\n    {" });
        for (j, (col, cell)) in table.columns.iter().zip(row).enumerate() {
            if j > 0 {
                out.push_str(", ");
            }
            string(&mut out, col);
            out.push_str(": ");
            match cell {
                Cell::Text(s) => string(&mut out, s),
                Cell::Number(x) if x.is_finite() => out.push_str(&number(*x)),
                Cell::Number(_) => out.push_str("null"),
            }
        }
        out.push('}');
    }
    out.push_str(if table.rows.is_empty() { "]\n}\n" } else { "\n  ]\n}\n" });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn sample() -> (Table, Meta) {
        let table = Table {
            columns: vec!["word".into(), "count".into(), "g2".into()],
            rows: vec![
                vec!["plain".into(), Cell::Number(3.0), Cell::Number(-1.5)],
                vec!["a, \"quoted\"\nline".into(), Cell::Number(0.25), Cell::Number(f64::NAN)],
                vec!["=SUM(A1)".into(), "+1".into(), "-2".into()],
                vec!["@x".into(), "\tx".into(), "\r=y".into()],
            ],
        };
        let meta = Meta {
            view: "wordlist".into(),
            query: "-putin".into(),
            filters: vec![("outlet".into(), "RT".into()), ("year".into(), "2022".into())],
            corpus_version: "abc123".into(),
            generated: "2025-01-01T00:00:00Z".into(),
        };
        (table, meta)
    }

    #[test]
    fn csv_quotes_and_guards() {
        let (table, meta) = sample();
        let csv = to_csv(&table, &meta);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "\u{feff}word,count,g2,query,filters,corpus_version");
        // The query "-putin" is text starting with '-': guarded in every row.
        assert_eq!(lines[1], "plain,3,-1.5,'-putin,outlet=RT; year=2022,abc123");
        // Comma, quote and newline: quoted, quotes doubled; NaN is an empty field.
        assert_eq!(lines[2], "\"a, \"\"quoted\"\"\nline\",0.25,,'-putin,outlet=RT; year=2022,abc123");
        assert_eq!(lines[3], "'=SUM(A1),'+1,'-2,'-putin,outlet=RT; year=2022,abc123");
        // Tab and CR openers are guarded; a CR also forces quoting.
        assert_eq!(lines[4], "'@x,'\tx,\"'\r=y\",'-putin,outlet=RT; year=2022,abc123");
        assert_eq!(lines[5], "");
        assert!(csv.ends_with("\r\n"));
        // Header plus one record per row (five CRLFs, one inside no field).
        assert_eq!(csv.matches("\r\n").count(), 5);
    }

    /// Found by review: a formula after white space or a line feed, or opened by a fullwidth
    /// sign, was not guarded.
    #[test]
    fn formulas_after_white_space_and_fullwidth_signs_are_guarded() {
        for s in [" =1+1", "\n=cmd", " \n @SUM(A1)", "\u{ff1d}1+1", "\u{ff0b}1", "\u{ff0d}1", "\u{ff20}x", "\t1", "\r1"]
        {
            assert!(looks_like_formula(s), "{s:?}");
        }
        for s in ["a=b", "1+1", "stalin", "", " ", "e-mail"] {
            assert!(!looks_like_formula(s), "{s:?}");
        }
        let mut out = String::new();
        field(&mut out, " =1+1");
        assert_eq!(out, "' =1+1");
    }

    #[test]
    fn empty_table_is_a_header() {
        let csv = to_csv(&Table { columns: vec!["a".into()], rows: vec![] }, &Meta::default());
        assert_eq!(csv, "\u{feff}a,query,filters,corpus_version\r\n");
    }

    #[test]
    fn json_has_metadata_and_rows_by_column() {
        let (table, meta) = sample();
        let v: Value = serde_json::from_str(&to_json(&table, &meta)).unwrap();
        assert_eq!(v["view"], "wordlist");
        assert_eq!(v["query"], "-putin");
        assert_eq!(v["filters"], serde_json::json!(["outlet=RT", "year=2022"]));
        assert_eq!(v["corpus_version"], "abc123");
        assert_eq!(v["generated"], "2025-01-01T00:00:00Z");
        assert_eq!(v["columns"], serde_json::json!(["word", "count", "g2"]));
        assert_eq!(v["rows"].as_array().unwrap().len(), 4);
        assert_eq!(v["rows"][0], serde_json::json!({"word": "plain", "count": 3, "g2": -1.5}));
        assert_eq!(v["rows"][1]["count"], 0.25);
        assert_eq!(v["rows"][1]["g2"], Value::Null);
        // JSON needs no formula guard: text is kept as it is.
        assert_eq!(v["rows"][2]["word"], "=SUM(A1)");
        assert_eq!(v["rows"][1]["word"], "a, \"quoted\"\nline");
        // One row a line; integers without a decimal point, as in the CSV.
        assert!(to_json(&table, &meta).contains("\n    {\"word\": \"plain\", \"count\": 3, \"g2\": -1.5},\n"));
    }

    #[test]
    fn json_numbers_read_back_exactly_and_empty_tables_are_valid() {
        let values = [1e-7, 123456.789, -0.1, 1e21, 2.5e-300, f64::MAX, 7.0, -0.0];
        let table = Table { columns: vec!["x".into()], rows: values.iter().map(|&x| vec![Cell::Number(x)]).collect() };
        let v: Value = serde_json::from_str(&to_json(&table, &Meta::default())).unwrap();
        for (i, x) in values.iter().enumerate() {
            assert_eq!(v["rows"][i]["x"].as_f64(), Some(*x), "{x}");
        }
        let empty = Table { columns: vec!["a \"b\"".into()], rows: vec![] };
        let v: Value = serde_json::from_str(&to_json(&empty, &Meta::default())).unwrap();
        assert_eq!(v["columns"], serde_json::json!(["a \"b\""]));
        assert_eq!(v["rows"], serde_json::json!([]));
    }
}
