//! Example queries for the search help, taken from the corpus itself so that each one finds something.

use crate::search::{search, Engine};
use crate::stopwords::is_stopword;
use crate::tokenize::for_each_word;

/// One example: the query and what it shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Example {
    /// The query to type.
    pub query: String,
    /// What it does.
    pub explains: String,
}

/// Words fit to show: in several documents, at least five letters, not a stopword or a number.
fn good_words(engine: &Engine, n: usize) -> Vec<String> {
    let index = &engine.index;
    let mut ids: Vec<u32> = (0..index.term_count() as u32)
        .filter(|&id| {
            let t = index.term(id);
            t.chars().count() >= 5 && t.chars().all(char::is_alphabetic) && !is_stopword(t)
        })
        .collect();
    crate::sort::sort_by_key(&mut ids, |&id| (std::cmp::Reverse(index.postings(id).len()), id));
    ids.into_iter().take(n).map(|id| index.term(id).to_owned()).collect()
}

/// A misspelling of `word` (one letter changed) that is not itself a corpus word.
fn misspell(engine: &Engine, word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    for i in (1..chars.len()).rev() {
        let replacement = match chars[i] {
            'a' => 'o',
            'e' => 'o',
            'i' => 'y',
            'o' => 'a',
            'u' => 'o',
            'а' => 'о',
            'о' => 'а',
            'е' => 'и',
            'и' => 'е',
            _ => continue,
        };
        let mut c = chars.clone();
        c[i] = replacement;
        let s: String = c.into_iter().collect();
        if engine.index.lookup(&s).is_none() {
            return Some(s);
        }
    }
    None
}

/// Examples of each query form that find something in this corpus.
pub fn examples(engine: &Engine) -> Vec<Example> {
    let words = good_words(engine, 2);
    let mut out = Vec::new();
    let mut add = |query: String, explains: &str| {
        if !search(engine, &query, &Default::default(), Default::default()).hits.is_empty() {
            out.push(Example { query, explains: explains.to_owned() });
        }
    };
    if let [a, b] = words.as_slice() {
        add(format!("{a} {b}"), "documents with both words");
        add(format!("{a} OR {b}"), "documents with either word");
        add(format!("{a} -{b}"), "documents with the first word but not the second");
        add(format!("{}*", a.chars().take(4).collect::<String>()), "words that begin so (a prefix)");
        if let Some(m) = misspell(engine, a) {
            add(m, "a misspelling still finds close spellings");
        }
    }
    // A phrase: two consecutive words of a title.
    'titles: for doc in &engine.corpus.documents {
        let mut prev: Option<String> = None;
        let mut found = None;
        for_each_word(&doc.title, |_, w| {
            if found.is_none() {
                if let Some(p) = &prev {
                    if !is_stopword(p) && !is_stopword(w) && p.chars().count() > 2 && w.chars().count() > 2 {
                        found = Some(format!("\"{p} {w}\""));
                    }
                }
                prev = Some(w.to_owned());
            }
        });
        if let Some(f) = found {
            add(f, "the exact phrase");
            break 'titles;
        }
    }
    if let Some(a) = words.first() {
        add(format!("title:{a}"), "the word in titles only");
    }
    if let Some(outlet) = engine.facets.values(&crate::Facet::Outlet).first() {
        let mut first = None;
        for_each_word(outlet, |_, w| {
            first.get_or_insert_with(|| w.to_owned());
        });
        if let Some(w) = first {
            add(format!("outlet:{w}"), "documents from one outlet (also author:, kind:, person:)");
        }
    }
    let years = engine.facets.values(&crate::Facet::Year);
    if let (Some(last), Some(first)) = (years.first(), years.last()) {
        if first != last {
            add(format!("year:{first}..{last}"), "a range of years");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::tests::tiny;

    #[test]
    fn every_example_finds_something() {
        let mut corpus = tiny(&[
            ("Union State of Russia", "the union state and the soviet republics"),
            ("Soviet legacy", "soviet union history and the legacy of republics"),
            ("Other things", "union history"),
        ]);
        corpus.documents[0].outlet = Some("Kyiv Post".into());
        corpus.documents[0].date = Some(crate::PartialDate::parse("2021").unwrap());
        corpus.documents[1].date = Some(crate::PartialDate::parse("2023").unwrap());
        let engine = Engine::new(corpus);
        let ex = examples(&engine);
        let queries: Vec<&str> = ex.iter().map(|e| e.query.as_str()).collect();
        // The two words in most documents ("union" in 3, then the first of those in 2).
        assert_eq!(queries[0], "union history");
        assert!(queries.iter().any(|q| q.contains(" OR ")));
        assert!(queries.contains(&"\"union state\""), "{queries:?}");
        assert!(queries.contains(&"outlet:kyiv"));
        assert!(queries.contains(&"year:2021..2023"));
        assert!(queries.contains(&"unio*"));
        assert!(queries.contains(&"unian"), "{queries:?}"); // a misspelling of "union"
        for e in &ex {
            assert!(!search(&engine, &e.query, &Default::default(), Default::default()).hits.is_empty(), "{}", e.query);
        }
    }
}
