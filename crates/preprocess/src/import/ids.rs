//! Documents that share an id — mail archives number every folder from 1 (`a/1.txt`,
//! `b/1.txt`), two JSON files may both have a record `"id": "7"` — are all kept: the first (in
//! path order) keeps the id, each later one gets an id made from its path (`b/1`; for a record,
//! the file's path and the record's id, `2024/7`), with `-2`, `-3`… added if that is taken too.
//! (The build refuses duplicate ids: a folder is fixed once, where a person adding files in
//! the page cannot rename them.)

use super::paths::without_extension;
use crate::Found;
use std::collections::{HashMap, HashSet};

/// Where a document is, for a person: its path, and the line of its record.
pub(super) fn place(f: &Found) -> String {
    match f.line {
        Some(l) => format!("{}:{l}", f.path.display()),
        None => f.path.display().to_string(),
    }
}

/// Gives every document of `found` (in path order) an id no other has, as the module says; one
/// message per id changed.
pub(super) fn make_ids_unique(found: &mut [Found]) -> Vec<String> {
    let originals: HashSet<String> = found.iter().map(|f| f.document.id.clone()).collect();
    let mut first: HashMap<String, String> = HashMap::new();
    let mut renamed = Vec::new();
    for f in found.iter_mut() {
        let id = f.document.id.clone();
        let Some(first_place) = first.get(&id).cloned() else {
            first.insert(id, place(f));
            continue;
        };
        let base = match f.line {
            Some(_) => format!("{}/{id}", without_extension(&f.path)),
            None => without_extension(&f.path),
        };
        // Neither an id given already nor one another document has (it keeps its own).
        let free = |candidate: &String| !first.contains_key(candidate) && !originals.contains(candidate);
        let unique =
            std::iter::once(base.clone()).chain((2..).map(|n| format!("{base}-{n}"))).find(free).unwrap_or_default();
        renamed
            .push(format!("{}: id '{id}' is also the id of {first_place}; this document's id is '{unique}'", place(f)));
        first.insert(unique.clone(), place(f));
        f.document.id = unique;
    }
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Format;
    use explorer_core::Document;
    use std::path::PathBuf;

    fn found(path: &str, line: Option<usize>, id: &str) -> Found {
        let format = if line.is_some() { Format::Json } else { Format::Text };
        Found { document: Document::new(id, "T", vec!["x".into()]), path: PathBuf::from(path), line, format }
    }

    #[test]
    fn later_documents_get_ids_from_their_paths() {
        let mut docs = vec![
            found("a/1.txt", None, "1"),
            found("b/1.txt", None, "1"),
            found("b/1.md", None, "1"),
            found("c.txt", None, "b/1-2"),
            found("x.json", Some(2), "7"),
            found("y/z.json", Some(3), "7"),
            found("y/z.json", Some(4), "7"),
        ];
        let renamed = make_ids_unique(&mut docs);
        let ids: Vec<&str> = docs.iter().map(|d| d.document.id.as_str()).collect();
        // b/1-2 is c.txt's own: b/1.md gets b/1-3.
        assert_eq!(ids, ["1", "b/1", "b/1-3", "b/1-2", "7", "y/z/7", "y/z/7-2"]);
        assert_eq!(
            renamed,
            [
                "b/1.txt: id '1' is also the id of a/1.txt; this document's id is 'b/1'",
                "b/1.md: id '1' is also the id of a/1.txt; this document's id is 'b/1-3'",
                "y/z.json:3: id '7' is also the id of x.json:2; this document's id is 'y/z/7'",
                "y/z.json:4: id '7' is also the id of x.json:2; this document's id is 'y/z/7-2'",
            ]
        );
    }
}
