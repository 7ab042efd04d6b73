//! Unicode-aware word tokenising.
//!
//! Words are found by the Unicode word-boundary rules (UAX #29), so Latin,
//! Cyrillic and other scripts are split the same way: apostrophes inside a
//! word keep it whole (`Stalin’s`, `don’t`), hyphens split (`de-Stalinization`
//! gives `de` and `Stalinization`), numbers stay whole (`4,500`, `2.0`), and
//! punctuation, spaces and emoji are never words.

use crate::normalize::fold_into;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// One word of a text: where it is (byte offsets, always on char boundaries) and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the word in the text it came from.
    pub range: Range<usize>,
    /// The folded (lowercased, accent-free) form used for matching.
    pub folded: String,
}

/// Splits `text` into word tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for_each_word(text, |range, folded| out.push(Token { range, folded: folded.to_owned() }));
    out
}

/// The byte ranges of the words of `text` (no folding, no allocation per word).
pub fn word_ranges(text: &str) -> Vec<Range<usize>> {
    word_ranges_upto(text, usize::MAX)
}

/// The byte ranges of the first `count` words of `text` (stops reading there).
pub fn word_ranges_upto(text: &str, count: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if text.is_ascii() {
        ascii_words_while(text, |r, _| {
            out.push(r);
            out.len() < count
        });
    } else {
        for_each_word(text, |r, _| {
            if out.len() < count {
                out.push(r)
            }
        });
    }
    out
}

/// Calls `f` with the byte range and folded form of each word, reusing one buffer.
///
/// A text that is not all ASCII is read by the Unicode rules only around its other characters:
/// from a space before them to a space after them. The rest goes the ASCII way, which gives
/// the same words much faster: a long text with a few curly quotes or dashes (a whole speech
/// in one paragraph) is read almost as fast as an ASCII one.
pub fn for_each_word(text: &str, mut f: impl FnMut(Range<usize>, &str)) {
    if text.is_ascii() {
        return ascii_words(text, f);
    }
    mixed_words(text, &mut f);
}

/// [`for_each_word`] of a text that is not all ASCII. Not generic (`f` is called through a
/// pointer): one copy of it serves every caller, where a copy per caller grew the app's wasm by
/// 4 kB (gzip).
fn mixed_words(text: &str, f: &mut dyn FnMut(Range<usize>, &str)) {
    let b = text.as_bytes();
    // A text splits at `i` when a space ends what is before and a printable ASCII character
    // other than a space begins what follows: the Unicode rules put a word boundary there and
    // decide every other boundary on either side without looking across it (a space joins
    // nothing, and no rule carries on past one, or past the character after it).
    let splits = |i: usize| b[i - 1] == b' ' && (b'!'..=b'~').contains(&b[i]);
    let mut from = 0;
    while from < b.len() {
        let Some(other) = b[from..].iter().position(|c| !c.is_ascii()).map(|k| from + k) else {
            return ascii_words(&text[from..], |r, w| f(r.start + from..r.end + from, w));
        };
        // The ASCII text before the split that precedes the other character, the ASCII way.
        if let Some(split) = (from + 1..=other).rev().find(|&i| splits(i)) {
            ascii_words(&text[from..split], |r, w| f(r.start + from..r.end + from, w));
            from = split;
        }
        // From there to the next split after it (other characters in between come along), by
        // the Unicode rules.
        let to = (other + 1..b.len()).find(|&i| splits(i)).unwrap_or(b.len());
        by_unicode_rules(&text[from..to], |r, w| f(r.start + from..r.end + from, w));
        from = to;
    }
}

/// [`for_each_word`] by the Unicode rules alone (UAX #29).
fn by_unicode_rules(text: &str, mut f: impl FnMut(Range<usize>, &str)) {
    let mut buf = String::new();
    for (start, word) in text.unicode_word_indices() {
        // A colon joins letters in UAX #29 (Swedish "S:t"), but here it separates words,
        // so that "title:stalin" or "Note:this" are two words. So does any space UAX #29 puts
        // in a word: a mark clings to the space before it (" \u{b3e}" is one segment), and
        // the narrow no-break space U+202F joins letters (it is ExtendNumLet).
        for part in word.split(|c: char| c == ':' || c.is_whitespace()) {
            // `part` is a slice of `word`: its offset is the distance between their starts.
            let part_start = start + (part.as_ptr() as usize - word.as_ptr() as usize);
            // Trailing apostrophes (plural possessive "workers’") are not part of the word.
            let part = part.trim_end_matches(['\'', '\u{2019}']);
            if part.is_empty() || !part.chars().any(char::is_alphanumeric) {
                continue;
            }
            buf.clear();
            fold_into(part, &mut buf);
            // Folding drops diacritics: a word of nothing else is no word.
            if !buf.chars().any(char::is_alphanumeric) {
                continue;
            }
            f(part_start..part_start + part.len(), &buf);
        }
    }
}

/// The same words as the Unicode rules give for ASCII text, found much faster (this is where
/// index building spends its time). Letters, digits and `_` make words; `.` and `'` join two
/// letters or two digits, `,` and `;` join two digits; `:` always separates.
fn ascii_words(text: &str, mut f: impl FnMut(Range<usize>, &str)) {
    ascii_words_while(text, |r, w| {
        f(r, w);
        true
    });
}

/// [`ascii_words`] that stops when `f` returns false.
fn ascii_words_while(text: &str, mut f: impl FnMut(Range<usize>, &str) -> bool) {
    let b = text.as_bytes();
    let word_char = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut buf = String::new();
    let mut i = 0;
    let n = b.len();
    while i < n {
        if !word_char(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        loop {
            while i < n && word_char(b[i]) {
                i += 1;
            }
            // A joiner between two word characters of the right kinds continues the word.
            if i + 1 < n && i > start {
                let (prev, mid, next) = (b[i - 1], b[i], b[i + 1]);
                let letters = prev.is_ascii_alphabetic() && next.is_ascii_alphabetic();
                let digits = prev.is_ascii_digit() && next.is_ascii_digit();
                let joins = match mid {
                    b'.' | b'\'' => letters || digits,
                    b',' | b';' => digits,
                    _ => false,
                };
                if joins {
                    i += 2;
                    continue;
                }
            }
            break;
        }
        let mut end = i;
        while end > start && b[end - 1] == b'\'' {
            end -= 1;
        }
        let word = &text[start..end];
        if word.bytes().any(|c| c.is_ascii_alphanumeric()) {
            let go_on = if word.bytes().any(|c| c.is_ascii_uppercase()) {
                buf.clear();
                buf.push_str(word);
                buf.make_ascii_lowercase();
                f(start..end, &buf)
            } else {
                f(start..end, word)
            };
            if !go_on {
                return;
            }
        }
    }
}

/// Number of word tokens in `text`.
pub fn count_words(text: &str) -> usize {
    let mut n = 0;
    for_each_word(text, |_, _| n += 1);
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.folded).collect()
    }

    #[test]
    fn latin_with_accents() {
        assert_eq!(words("Coup d’État in Moscow"), ["coup", "d'etat", "in", "moscow"]);
        assert_eq!(words("Slobodan Milošević"), ["slobodan", "milosevic"]);
    }

    #[test]
    fn cyrillic() {
        assert_eq!(words("Иосиф Сталин, «вождь»."), ["иосиф", "сталин", "вождь"]);
    }

    #[test]
    fn apostrophes_keep_words_whole() {
        assert_eq!(words("Stalin’s legacy doesn't fade"), ["stalin's", "legacy", "doesn't", "fade"]);
        assert_eq!(words("the workers’ state"), ["the", "workers", "state"]);
    }

    #[test]
    fn hyphens_split() {
        assert_eq!(words("de-Stalinization, anti-communist"), ["de", "stalinization", "anti", "communist"]);
    }

    #[test]
    fn word_ranges_can_stop_early() {
        let text = "one two three four";
        assert_eq!(word_ranges_upto(text, 2), [0..3, 4..7]);
        assert_eq!(word_ranges_upto("один два три", 2).len(), 2);
        assert_eq!(word_ranges(text).len(), 4);
    }

    #[test]
    fn colons_split() {
        assert_eq!(words("title:Stalin Note:this"), ["title", "stalin", "note", "this"]);
    }

    #[test]
    fn numbers_stay_whole() {
        assert_eq!(words("4,500 million in 2022, USSR 2.0"), ["4,500", "million", "in", "2022", "ussr", "2.0"]);
    }

    #[test]
    fn punctuation_and_emoji_are_not_words() {
        assert!(words("?! … — «» 🎉🙂").is_empty());
        assert_eq!(words("hi🙂there"), ["hi", "there"]);
    }

    /// The ASCII fast path gives exactly what the Unicode rules give.
    fn unicode_words(text: &str) -> Vec<(Range<usize>, String)> {
        let mut out = Vec::new();
        for (start, word) in text.unicode_word_indices() {
            let mut offset = start;
            for part in word.split(':') {
                let part_start = offset;
                offset += part.len() + 1;
                let part = part.trim_end_matches('\'');
                if !part.is_empty() && part.chars().any(char::is_alphanumeric) {
                    out.push((part_start..part_start + part.len(), part.to_ascii_lowercase()));
                }
            }
        }
        out
    }

    /// The words a word reader (`ascii_words`, `by_unicode_rules`, `for_each_word`) gives.
    fn words_of(
        read: impl FnOnce(&str, &mut dyn FnMut(Range<usize>, &str)),
        text: &str,
    ) -> Vec<(Range<usize>, String)> {
        let mut out = Vec::new();
        read(text, &mut |r, w| out.push((r, w.to_owned())));
        out
    }

    fn fast_words(text: &str) -> Vec<(Range<usize>, String)> {
        words_of(|t, f| ascii_words(t, f), text)
    }

    #[test]
    fn ascii_fast_path_cases() {
        for text in [
            "U.S. e.g. don't 4,500 2.0 a.1 1.a a,b 1;2 ww2 x_y __ end.The rock'n'roll 'quoted' it's'",
            "a:b 3:4 ..a.. 'a' ''",
        ] {
            assert_eq!(fast_words(text), unicode_words(text), "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn ascii_fast_path_matches_unicode_rules(text in "[a-cA-C0-2 .,;:'_!?()\"\t\n@#$%&*+=/<>|~^-]{0,40}") {
            proptest::prop_assert_eq!(fast_words(&text), unicode_words(&text));
        }
    }

    fn unicode_only(text: &str) -> Vec<(Range<usize>, String)> {
        words_of(|t, f| by_unicode_rules(t, f), text)
    }

    fn all_words(text: &str) -> Vec<(Range<usize>, String)> {
        words_of(|t, f| for_each_word(t, f), text)
    }

    /// A text read the Unicode way only around its other characters gives the words the
    /// Unicode rules give for the whole text.
    #[test]
    fn mixed_text_cases() {
        for text in [
            "The nation’s “first” duty — to serve. Ω and 2.0 or 4,500 e.g. U.S.",
            "a \u{301}b c\u{200d}d 🇫🇷🇩🇪 x 👍🏽 y \u{202f}z a’s ’tis ‘q’ ",
            "— a",
            "a —",
            "é",
            " é ",
            "x é.y z",
            "a. b",
            "1, 2",
            "a:b é:f",
            "Ёлка ёлка",
            "漢字 かな カタカナ",
            "a \u{b3e} b",
            "don’t  \u{a0}x\u{2028}y\n z",
        ] {
            assert_eq!(all_words(text), unicode_only(text), "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn mixed_text_matches_unicode_rules(
            text in "([a-cA-C0-2 .,;:'_!?()\"\t\n-]|[ ]{1,3}|é|Ω|Ё|’|‘|“|—|…|\u{301}|\u{b3e}|\u{200d}|\u{200b}|\u{a0}|\u{202f}|\u{3000}|🇫|🇷|👍|🏽|漢|か|カ|ー|٣|\u{5d0}|\u{5f3}|\u{ad}){0,30}"
        ) {
            proptest::prop_assert_eq!(all_words(&text), unicode_only(&text));
        }
    }

    /// Found by fuzzing: a lone spacing vowel sign (alphabetic) once gave a token with an empty
    /// folded form, and after a space a token " \u{b3e}" holding the space. Now marks of other
    /// scripts are kept by folding, and a word never starts with the space a mark clings to.
    #[test]
    fn fuzz_regression_lone_vowel_sign_gives_no_empty_or_spaced_word() {
        assert_eq!(words("a \u{b3e} b"), ["a", "\u{b3e}", "b"]);
        for t in tokenize(" \u{b3e}\u{b47} x") {
            assert!(!t.folded.is_empty() && !t.folded.contains(char::is_whitespace), "{t:?}");
        }
        // Combining diacritics alone are no word.
        assert!(tokenize("\u{301}\u{308}").is_empty());
        assert!(crate::query::parse("\u{301}").words().is_empty());
    }

    /// Found by the long fuzz run: UAX #29 joins a letter and a narrow no-break space (U+202F,
    /// ExtendNumLet) into one word, which then folded to "i\u{202f}", a word holding a space.
    #[test]
    fn fuzz_regression_a_narrow_no_break_space_separates_words() {
        assert_eq!(words("İ\u{202f}"), ["i"]);
        assert_eq!(words("a\u{202f}b — 10\u{202f}000"), ["a", "b", "10", "000"]);
        let text = "x\u{202f}Ёлка";
        assert_eq!(&text[tokenize(text)[1].range.clone()], "Ёлка");
    }

    #[test]
    fn ranges_point_at_the_original_text() {
        let text = "Ёлка — Milošević’s";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.range.start) && text.is_char_boundary(t.range.end));
        }
        let t = tokenize(text);
        assert_eq!(&text[t[0].range.clone()], "Ёлка");
        assert_eq!(&text[t[1].range.clone()], "Milošević’s");
        assert_eq!(t[1].folded, "milosevic's");
    }
}
