//! Text normalisation for matching: case folding and accent folding.
//!
//! Matching is case- and accent-insensitive: `Milošević`, `MILOSEVIC` and
//! `milosevic` all fold to `milosevic`. Cyrillic `ё` folds to `е`, but `й`
//! keeps its breve, since in Russian it is a letter of its own. Typographic
//! apostrophes fold to `'`.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds one token (or any text) to its matching form.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Folds `text` and appends the result to `out` (avoids an allocation per token).
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    for c in text.chars() {
        for l in c.to_lowercase() {
            fold_char(l, out);
        }
    }
}

fn fold_char(c: char, out: &mut String) {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{FF07}' => out.push('\''),
        'й' => out.push('й'),
        'ё' => out.push('е'),
        c if c.is_ascii() => out.push(c),
        c => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.push(d)
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Milošević"), "milosevic");
        assert_eq!(fold("coup d'État"), "coup d'etat");
        assert_eq!(fold("Ångström"), "angstrom");
    }

    #[test]
    fn cyrillic_keeps_short_i_and_folds_yo() {
        assert_eq!(fold("Сталин"), "сталин");
        assert_eq!(fold("Ёлка"), "елка");
        assert_eq!(fold("Мой"), "мой");
        assert_eq!(fold("ЙОД"), "йод");
    }

    #[test]
    fn apostrophes_fold() {
        assert_eq!(fold("Stalin’s"), "stalin's");
    }
}
