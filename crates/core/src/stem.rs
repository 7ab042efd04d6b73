//! Stemming: English (Porter 2) for Latin-script words, Russian for Cyrillic ones.

use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;

/// Stems folded words, picking the stemmer from the word's script.
pub struct Stemmers {
    english: Stemmer,
    russian: Stemmer,
}

impl Default for Stemmers {
    fn default() -> Self {
        Stemmers { english: Stemmer::create(Algorithm::English), russian: Stemmer::create(Algorithm::Russian) }
    }
}

impl Stemmers {
    /// The stem of a folded word. Words with digits, and very short words, are their own stem.
    pub fn stem<'a>(&self, folded: &'a str) -> Cow<'a, str> {
        if folded.len() < 3 || folded.bytes().any(|b| b.is_ascii_digit()) {
            return Cow::Borrowed(folded);
        }
        if folded.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
            self.russian.stem(folded)
        } else if folded.chars().all(|c| c.is_ascii() || !c.is_alphabetic()) {
            self.english.stem(folded)
        } else {
            Cow::Borrowed(folded)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_russian() {
        let s = Stemmers::default();
        assert_eq!(s.stem("restoration"), s.stem("restorations"));
        assert_eq!(s.stem("stalin's"), "stalin");
        assert_eq!(s.stem("сталина"), s.stem("сталин"));
        assert_eq!(s.stem("2022"), "2022");
    }
}
