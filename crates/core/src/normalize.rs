//! Text normalisation for matching: case folding and accent folding.
//!
//! Matching is case- and accent-insensitive: `Milošević`, `MILOSEVIC` and
//! `milosevic` all fold to `milosevic`. Cyrillic `ё` folds to `е`, but `й`
//! keeps its breve, since in Russian it is a letter of its own. Typographic
//! apostrophes fold to `'`. Accents are folded on the letters of the Latin, Greek and
//! Cyrillic blocks (a table generated from the Unicode decompositions by build.rs), and
//! combining diacritical marks are dropped; marks that are part of other scripts' letters
//! (Indic vowel signs, Japanese voicing marks) are kept, so different words stay different.

include!(concat!(env!("OUT_DIR"), "/fold_table.rs"));

/// True for the combining diacritical marks that accents are written with.
fn is_diacritic(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The base letter of an accented Latin, Greek or Cyrillic letter.
fn base_letter(c: char) -> Option<char> {
    let cp = u32::from(c);
    if cp > 0xFFFF {
        return None;
    }
    FOLD.binary_search_by_key(&(cp as u16), |&(a, _)| a).ok().and_then(|i| char::from_u32(u32::from(FOLD[i].1)))
}

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
        c if is_diacritic(c) => {}
        c => out.push(base_letter(c).unwrap_or(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each text (left) folds to the text on its right.
    fn folds(cases: &[(&str, &str)]) {
        for (text, folded) in cases {
            assert_eq!(fold(text), *folded, "{text:?}");
        }
    }

    #[test]
    fn folds_case_and_accents() {
        folds(&[("Milošević", "milosevic"), ("coup d'État", "coup d'etat"), ("Ångström", "angstrom")]);
    }

    #[test]
    fn cyrillic_keeps_short_i_and_folds_yo() {
        folds(&[("Сталин", "сталин"), ("Ёлка", "елка"), ("Мой", "мой"), ("ЙОД", "йод")]);
    }

    #[test]
    fn decomposed_accents_and_other_scripts() {
        folds(&[("e\u{301}te\u{301}", "ete"), ("Việt Nam", "viet nam"), ("Ἀθῆναι", "αθηναι")]);
        // Marks that make other scripts' letters are kept: these words stay different.
        folds(&[("が", "が"), ("한국", "한국")]);
        assert_ne!(fold("हिन्दी"), fold("हनद"));
    }

    /// The generated table folds exactly what the Unicode decompositions say for these blocks.
    #[test]
    fn table_agrees_with_unicode() {
        use unicode_normalization::char::{decompose_canonical, is_combining_mark};
        for cp in (0x00C0..=0x024F).chain(0x0370..=0x03FF).chain(0x0400..=0x052F).chain(0x1E00..=0x1FFF) {
            let Some(c) = char::from_u32(cp) else { continue };
            let (mut base, mut marks) = (String::new(), 0);
            decompose_canonical(c, |d| if is_combining_mark(d) { marks += 1 } else { base.push(d) });
            if marks > 0 && base.chars().count() == 1 {
                assert_eq!(base_letter(c), base.chars().next(), "U+{cp:04X}");
            }
        }
    }

    #[test]
    fn apostrophes_fold() {
        assert_eq!(fold("Stalin’s"), "stalin's");
    }
}
