//! How query words are matched: the analysis views' match mode ([`Matching`]) and the
//! wildcard patterns of the query language ([`Glob`]).
//!
//! A wildcard pattern is a query word holding `*` (any run of characters, none included) or
//! `?` (exactly one character), anywhere: `*ism`, `wom?n`, `de*ization`. It is matched
//! against the corpus vocabulary (the index's folded terms), so its letters are folded as
//! words are (case, accents). A term is one word, so the wildcards stand for its letters
//! (and the digits, inner apostrophes and dots a word can hold); they never span two words.

/// How a query word is matched in the analysis views (`match=form|stem`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize)]
pub enum Matching {
    /// The word's own form (case and accents folded, a possessive 's counted as the word); a
    /// prefix only with `*`.
    #[default]
    Form,
    /// Every form of the word's stem, as the search matches it.
    Stem,
}

impl Matching {
    /// Both modes, as offered to a person.
    pub const ALL: [Matching; 2] = [Matching::Form, Matching::Stem];

    /// The URL value: `form` or `stem`.
    pub fn key(self) -> &'static str {
        match self {
            Matching::Form => "form",
            Matching::Stem => "stem",
        }
    }

    /// The mode named by a URL value.
    pub fn from_key(s: &str) -> Option<Matching> {
        Matching::ALL.into_iter().find(|m| m.key() == s)
    }
}

/// The wildcard for any run of characters (zero or more).
pub const ANY: char = '*';
/// The wildcard for exactly one character.
pub const ONE: char = '?';

/// True for the two wildcard characters, `*` and `?`.
pub fn is_wildcard(c: char) -> bool {
    c == ANY || c == ONE
}

/// True when a (folded) query word holds a wildcard: it is a pattern, not a word.
pub fn has_wildcard(text: &str) -> bool {
    text.contains([ANY, ONE])
}

/// A compiled wildcard pattern: `*` matches any run of characters (none included), `?` exactly
/// one character (a `char`, so one Cyrillic letter as much as one Latin one), every other
/// character itself. The whole word must match (`*ism` matches `stalinism`, not `isms`).
///
/// Matching walks the pattern and the word once, going back only to the last `*` seen (the
/// classic greedy algorithm with one backtracking point, which is exact for these two
/// wildcards): at most `pattern × word` steps, no allocation, no regex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    pattern: Vec<char>,
    /// The characters before the first wildcard.
    prefix: String,
    /// The fewest bytes a matching word can have (one per character that is not `*`).
    min_bytes: usize,
}

impl Glob {
    /// Compiles a pattern (already folded, as a query word is).
    pub fn new(pattern: &str) -> Glob {
        let prefix: String = pattern.chars().take_while(|&c| !is_wildcard(c)).collect();
        let min_bytes = pattern.chars().filter(|&c| c != ANY).count();
        Glob { pattern: pattern.chars().collect(), prefix, min_bytes }
    }

    /// The literal text before the first wildcard: every matching word begins with it, so in
    /// a sorted vocabulary the candidates are one range.
    pub fn literal_prefix(&self) -> &str {
        &self.prefix
    }

    /// True when the whole of `word` matches the pattern.
    pub fn is_match(&self, word: &str) -> bool {
        if word.len() < self.min_bytes {
            return false;
        }
        let p = &self.pattern;
        let next = |at: usize| word[at..].chars().next().map_or(1, char::len_utf8);
        // Pattern index and byte offset in the word.
        let (mut pi, mut wi) = (0usize, 0usize);
        // After the last `*`: the pattern index following it and the word offset it resumes at.
        let mut star: Option<(usize, usize)> = None;
        while wi < word.len() {
            let c = word[wi..].chars().next().unwrap_or(ONE);
            match p.get(pi) {
                Some(&ANY) => {
                    pi += 1;
                    star = Some((pi, wi));
                    continue;
                }
                Some(&ONE) => {
                    pi += 1;
                    wi += c.len_utf8();
                    continue;
                }
                Some(&l) if l == c => {
                    pi += 1;
                    wi += c.len_utf8();
                    continue;
                }
                _ => {}
            }
            // A mismatch: let the last `*` take one more character, or fail.
            match star {
                Some((sp, sw)) => {
                    let resume = sw + next(sw);
                    star = Some((sp, resume));
                    pi = sp;
                    wi = resume;
                }
                None => return false,
            }
        }
        p[pi..].iter().all(|&c| c == ANY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pattern: &str, word: &str) -> bool {
        Glob::new(pattern).is_match(word)
    }

    #[test]
    fn keys() {
        for mode in Matching::ALL {
            assert_eq!(Matching::from_key(mode.key()), Some(mode));
        }
        assert_eq!(Matching::from_key("lemma"), None);
        assert_eq!(Matching::default(), Matching::Form);
        assert_eq!(Matching::Stem.key(), "stem");
    }

    #[test]
    fn stars_and_question_marks() {
        assert!(m("*ism", "stalinism") && m("*ism", "ism") && !m("*ism", "isms"));
        assert!(m("wom?n", "woman") && m("wom?n", "women") && !m("wom?n", "womn") && !m("wom?n", "womaan"));
        assert!(m("stalin*", "stalin") && m("stalin*", "stalingrad") && !m("stalin*", "stali"));
        assert!(m("?talin", "stalin") && !m("?talin", "talin"));
        assert!(m("*", "") && m("*", "anything") && m("**", "x"));
        assert!(m("", "") && !m("", "a") && !m("a", ""));
        assert!(m("stalin", "stalin") && !m("stalin", "stalins"));
    }

    #[test]
    fn backtracking() {
        assert!(m("de*ization", "destalinization") && m("de*ization", "deization"));
        assert!(m("de*iz*ation", "destalinization") && m("de*iz*ation", "deizization"));
        assert!(m("de*iz*ation", "decentralizationization"));
        assert!(!m("de*iz*ation", "destalinisation"));
        assert!(m("*a*a*", "banana") && m("*a*a*", "aa") && !m("*a*a*", "ba") && !m("*a*a*", "bnn"));
        assert!(m("*ab*ab", "xabyabab") && !m("*ab*ab", "xabyaba"));
        assert!(m("a*?b", "axb") && !m("a*?b", "ab") && m("?*?", "ab") && !m("?*?", "a"));
    }

    #[test]
    fn patterns_longer_than_words() {
        assert!(!m("stalin??", "stalin") && !m("stalinism*", "stalin") && !m("???", "ab"));
        assert!(!m("*stalinism", "ism"));
    }

    #[test]
    fn non_ascii_letters() {
        assert!(m("стал*", "сталин") && m("стал*", "сталинизм") && !m("стал*", "стол"));
        assert!(m("ст?лин", "сталин") && !m("ст?лин", "стлин"));
        assert!(m("*изм", "сталинизм") && m("?", "й") && !m("??", "й"));
        assert!(m("milo?evic", "milosevic") && m("*é*", "café"));
    }

    #[test]
    fn literal_prefix() {
        assert_eq!(Glob::new("de*iz*ation").literal_prefix(), "de");
        assert_eq!(Glob::new("*ism").literal_prefix(), "");
        assert_eq!(Glob::new("wom?n").literal_prefix(), "wom");
        assert_eq!(Glob::new("стал*").literal_prefix(), "стал");
        assert!(has_wildcard("wom?n") && has_wildcard("*") && !has_wildcard("woman"));
    }
}
