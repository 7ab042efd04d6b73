//! `explorer-preprocess check`: a report of what a corpus folder holds and what is wrong with it.

use crate::{CorpusError, Loaded, NEAR_EMPTY_WORDS};
use explorer_core::numbers::group_digits as thousands;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

/// How many values of a field are listed.
const TOP_VALUES: usize = 10;

/// The report on `loaded`, read from `dir`, as printed by `explorer-preprocess check`.
pub fn report(dir: &Path, loaded: &Loaded) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "Corpus folder {}", dir.display());
    if let Some(t) = &loaded.meta.title {
        let _ = writeln!(w, "  title: {t}");
    }
    if let Some(d) = &loaded.meta.description {
        let _ = writeln!(w, "  description: {d}");
    }
    if !loaded.meta.languages.is_empty() {
        let _ = writeln!(w, "  languages: {}", loaded.meta.languages.join(", "));
    }

    let words: usize = loaded.found.iter().map(|f| f.document.word_count).sum();
    let _ = writeln!(w, "\nDocuments: {} ({} words)", loaded.found.len(), thousands(words));
    let mut by_format: BTreeMap<crate::Format, (Vec<&Path>, usize, usize)> = BTreeMap::new();
    for f in &loaded.found {
        let e = by_format.entry(f.format).or_default();
        if !e.0.contains(&f.path.as_path()) {
            e.0.push(&f.path);
        }
        e.1 += 1;
        e.2 += f.document.word_count;
    }
    for (format, (files, docs, words)) in &by_format {
        let files = plural(files.len(), "file");
        let _ = writeln!(
            w,
            "  {:<6}{files:>10}, {:>13}, {:>7} words",
            format.name(),
            plural(*docs, "document"),
            thousands(*words)
        );
    }
    for path in &loaded.ignored {
        let _ = writeln!(w, "  not read (not a document format): {}", path.display());
    }
    let _ = writeln!(
        w,
        "People looked for: {}",
        if loaded.people.is_empty() { "none".to_string() } else { loaded.people.join(", ") }
    );
    if !loaded.meta.stopwords.is_empty() {
        let _ = writeln!(w, "Extra stopwords: {}", loaded.meta.stopwords.join(", "));
    }
    let facets: Vec<String> = loaded
        .meta
        .facets
        .iter()
        .enumerate()
        .map(|(i, f)| format!("{f} ({})", if i < loaded.declared_facets { "declared" } else { "automatic" }))
        .collect();
    let _ = writeln!(w, "Facet fields: {}", if facets.is_empty() { "none".into() } else { facets.join(", ") });

    let _ = writeln!(w, "\nValues per field (the {TOP_VALUES} most common):");
    let mut fields: Vec<(String, Vec<String>)> = Vec::new();
    let docs = || loaded.found.iter().map(|f| &f.document);
    fields.push(("outlet".into(), docs().filter_map(|d| d.outlet.clone()).collect()));
    fields.push(("kind".into(), docs().map(|d| d.kind.clone()).collect()));
    fields.push(("year".into(), docs().filter_map(|d| d.year()).map(|y| y.to_string()).collect()));
    fields.push(("author".into(), docs().filter_map(|d| d.author.clone()).collect()));
    let mut names: Vec<&String> = docs().flat_map(|d| d.fields.keys()).collect();
    names.sort();
    names.dedup();
    for name in names {
        fields.push((name.clone(), docs().filter_map(|d| d.fields.get(name).cloned()).collect()));
    }
    for (name, values) in fields {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for v in &values {
            *counts.entry(v.clone()).or_default() += 1;
        }
        let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let _ = writeln!(
            w,
            "  {name}: {} of {} documents, {}",
            values.len(),
            loaded.found.len(),
            plural(counts.len(), "distinct value")
        );
        for (value, n) in counts.iter().take(TOP_VALUES) {
            let _ = writeln!(w, "    {n:>5}  {}", shorten(value, 70));
        }
        if counts.len() > TOP_VALUES {
            let _ = writeln!(w, "           … and {} more", counts.len() - TOP_VALUES);
        }
    }

    let is = |e: &&CorpusError, needles: &[&str]| needles.iter().any(|n| e.message.contains(n));
    let sections: [(&str, Vec<&CorpusError>); 4] = [
        ("Duplicates (identical text)", loaded.warnings.iter().filter(|e| is(e, &["the same text as"])).collect()),
        (
            &format!("Near-empty documents (< {NEAR_EMPTY_WORDS} words)"),
            loaded.warnings.iter().filter(|e| is(e, &["near-empty document"])).collect(),
        ),
        (
            "Encoding problems",
            loaded
                .warnings
                .iter()
                .filter(|e| is(e, &["mis-decoded", "replacement character", "read as Windows-1252"]))
                .collect(),
        ),
        (
            "Other warnings",
            loaded
                .warnings
                .iter()
                .filter(|e| {
                    !is(
                        e,
                        &[
                            "the same text as",
                            "near-empty document",
                            "mis-decoded",
                            "replacement character",
                            "read as Windows-1252",
                        ],
                    )
                })
                .collect(),
        ),
    ];
    let _ = writeln!(w);
    for (title, list) in sections.iter() {
        if list.is_empty() {
            let _ = writeln!(w, "{title}: none");
        } else {
            let _ = writeln!(w, "{title} ({}):", list.len());
            for e in list {
                let _ = writeln!(w, "  warning: {e}");
            }
        }
    }
    // What cleaning removed, per file (only where corpus.toml asks for it: nothing is removed
    // from a text otherwise).
    if !loaded.removed.is_empty() {
        let files = {
            let mut paths: Vec<&Path> = loaded.removed.iter().map(|e| e.path.as_path()).collect();
            paths.dedup();
            paths.len()
        };
        let _ = writeln!(
            w,
            "Removed as page clutter (remove_clutter = true in corpus.toml): {} in {}:",
            plural(loaded.removed.len(), "line"),
            plural(files, "file")
        );
        for e in &loaded.removed {
            let _ = writeln!(w, "  removed: {e}");
        }
    }
    if loaded.errors.is_empty() {
        let _ = writeln!(w, "Errors: none");
    } else {
        let _ = writeln!(w, "Errors ({}):", loaded.errors.len());
        for e in &loaded.errors {
            let _ = writeln!(w, "  {e}");
        }
    }
    let _ = writeln!(
        w,
        "\n{}: {}, {}",
        if loaded.errors.is_empty() { "OK" } else { "FAILED" },
        plural(loaded.errors.len(), "error"),
        plural(loaded.warnings.len(), "warning")
    );
    out
}

fn plural(n: usize, word: &str) -> String {
    format!("{} {word}{}", thousands(n), if n == 1 { "" } else { "s" })
}

/// `s`, cut to `max` characters with `…` when longer.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max - 1).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(plural(1, "file"), "1 file");
        assert_eq!(plural(2, "file"), "2 files");
        assert_eq!(shorten("abcdef", 4), "abc…");
    }
}
