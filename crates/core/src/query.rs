//! Query parsing: a typed query becomes the words to look for.
//!
//! Words are split and folded exactly as the corpus text is, so a query
//! matches whatever it would match in the text. Every word must occur (AND).
//! The last word is matched as a prefix while it is still being typed, that
//! is, unless the query ends in a space or punctuation.

use crate::tokenize::for_each_word;

/// At most this many words are searched; more are dropped with a note.
pub const MAX_TERMS: usize = 32;

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    /// The folded word.
    pub text: String,
    /// True when the word also matches longer words it begins.
    pub prefix: bool,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The distinct words to look for, in query order.
    pub terms: Vec<QueryTerm>,
    /// Short messages about how the query was read (shown quietly to the person).
    pub notes: Vec<String>,
}

impl Query {
    /// True when there is nothing to search for: every document matches.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Parses what a person typed. Never fails: input without words gives an empty query and a note.
pub fn parse(input: &str) -> Query {
    let mut words: Vec<(String, usize)> = Vec::new();
    for_each_word(input, |range, folded| words.push((folded.to_owned(), range.end)));
    let mut query = Query::default();
    if words.is_empty() {
        if !input.trim().is_empty() {
            query.notes.push("The query has no words to search for, so all documents are shown.".into());
        }
        return query;
    }
    let last_end = words.last().map(|w| w.1).unwrap_or(0);
    let still_typing = last_end == input.len();
    let total = words.len();
    for (i, (text, _)) in words.into_iter().enumerate() {
        let prefix = still_typing && i + 1 == total;
        if let Some(existing) = query.terms.iter_mut().find(|t| t.text == text) {
            existing.prefix &= prefix;
            continue;
        }
        if query.terms.len() == MAX_TERMS {
            query.notes.push(format!("Only the first {MAX_TERMS} different words of the query are searched."));
            break;
        }
        query.terms.push(QueryTerm { text, prefix });
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(q: &str) -> Vec<(String, bool)> {
        parse(q).terms.into_iter().map(|t| (t.text, t.prefix)).collect()
    }

    #[test]
    fn last_word_is_a_prefix_while_typing() {
        assert_eq!(terms("Stalin restorati"), [("stalin".into(), false), ("restorati".into(), true)]);
        assert_eq!(terms("stalin "), [("stalin".into(), false)]);
        assert_eq!(terms("stalin."), [("stalin".into(), false)]);
    }

    #[test]
    fn no_words_gives_an_empty_query_with_a_note() {
        assert!(parse("").is_empty() && parse("").notes.is_empty());
        assert!(parse("   ").is_empty() && parse("   ").notes.is_empty());
        for q in ["?!.,;", "🙂🎉", "<>"] {
            let p = parse(q);
            assert!(p.is_empty(), "{q}");
            assert_eq!(p.notes.len(), 1, "{q}");
        }
    }

    #[test]
    fn markup_is_just_words() {
        assert_eq!(
            terms("<script>alert(1)</script>"),
            [("script".into(), false), ("alert".into(), false), ("1".into(), false)]
        );
    }

    #[test]
    fn repeated_words_count_once_and_long_queries_are_capped() {
        assert_eq!(terms("union union"), [("union".into(), false)]);
        let long = (0..2500).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        let q = parse(&long);
        assert_eq!(q.terms.len(), MAX_TERMS);
        assert_eq!(q.notes.len(), 1);
    }

    #[test]
    fn cyrillic_query() {
        assert_eq!(terms("Сталин"), [("сталин".into(), true)]);
    }
}
