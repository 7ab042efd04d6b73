//! Suggestions while typing: completions of the last word from the corpus vocabulary.

use crate::index::Index;
use crate::matching::is_wildcard;
use crate::tokenize::for_each_word;

/// Completions offered at most.
pub const MAX_SUGGESTIONS: usize = 8;

/// One completion of the word being typed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Suggestion {
    /// The completed word (folded, as in the index).
    pub word: String,
    /// Number of documents it occurs in.
    pub docs: usize,
    /// The whole query with the word being typed replaced by this one and a space.
    pub query: String,
}

/// Completions of the word at the end of `input` (when one is being typed there), most frequent
/// first. Nothing when the input ends in a space or punctuation, the word is a single letter, or
/// the word is already complete: the most frequent completion is the word itself. Nor for a
/// wildcard pattern (`wom?n`, `*ism`, `de*iza`: a wildcard right before the word's last letters),
/// which is matched as written.
pub fn completions(index: &Index, input: &str) -> Vec<Suggestion> {
    let mut last = None;
    for_each_word(input, |range, folded| last = Some((range, folded.to_owned())));
    let Some((range, word)) = last else { return Vec::new() };
    if range.end != input.len() || word.chars().count() < 2 {
        return Vec::new();
    }
    if input[..range.start].ends_with(is_wildcard) {
        return Vec::new();
    }
    let mut ids = index.completions(&word, 4 * MAX_SUGGESTIONS);
    // A possessive ("stalin's") is not offered when the word itself ("stalin") is.
    ids.retain(|&id| {
        let t = index.term(id);
        !(t.ends_with("'s") && index.lookup(&t[..t.len() - 2]).is_some())
    });
    crate::sort::sort_by_key(&mut ids, |&id| (std::cmp::Reverse(index.postings(id).len()), id));
    if ids.first().is_some_and(|&id| index.term(id) == word) {
        return Vec::new();
    }
    ids.into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|id| {
            let term = index.term(id);
            Suggestion {
                word: term.to_owned(),
                docs: index.postings(id).len(),
                query: format!("{}{} ", &input[..range.start], term),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::tests::tiny;

    #[test]
    fn completes_the_last_word_most_frequent_first() {
        let idx = Index::build(&tiny(&[("", "stalin stalinism"), ("", "stalin stalingrad stalin’s"), ("", "stalin")]));
        let s = completions(&idx, "putin Stal");
        let words: Vec<&str> = s.iter().map(|s| s.word.as_str()).collect();
        assert_eq!(words, ["stalin", "stalingrad", "stalinism"]);
        assert_eq!(s[0].docs, 3);
        assert_eq!(s[0].query, "putin stalin ");
    }

    #[test]
    fn nothing_when_the_word_is_complete() {
        let idx = Index::build(&tiny(&[("", "stalin stalinism"), ("", "stalin")]));
        assert!(completions(&idx, "stalin").is_empty());
        assert_eq!(completions(&idx, "stalini")[0].word, "stalinism");
    }

    #[test]
    fn nothing_after_a_space_or_for_one_letter() {
        let idx = Index::build(&tiny(&[("", "stalin")]));
        assert!(completions(&idx, "stal ").is_empty());
        assert!(completions(&idx, "s").is_empty());
        assert!(completions(&idx, "").is_empty());
        assert!(completions(&idx, "🙂").is_empty());
    }

    #[test]
    fn nothing_for_a_wildcard_pattern() {
        let idx = Index::build(&tiny(&[("", "woman women stalinism bolshevism destalinization izamir")]));
        for q in ["wom?n", "wom?", "*ism", "*is", "de*iza", "?talin", "wom*n", "*", "??", "st?"] {
            assert!(completions(&idx, q).is_empty(), "{q}");
        }
        // A wildcard elsewhere in the query does not stop the last word's completions.
        assert_eq!(completions(&idx, "*ism wom")[0].word, "woman");
        assert_eq!(completions(&idx, "stalin? wom")[0].word, "woman");
    }

    #[test]
    fn keeps_quotes_and_operators_before_the_word() {
        let idx = Index::build(&tiny(&[("", "union state")]));
        assert_eq!(completions(&idx, "-\"union sta")[0].query, "-\"union state ");
    }
}
