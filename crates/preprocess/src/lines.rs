//! Splitting a capture into its non-empty lines, and comparing lines with a title.

use explorer_core::tokenize::tokenize;

/// How many non-empty lines at the top of a document count as its header area,
/// where the title, date and address of the page are looked for.
pub const HEADER_LINES: usize = 15;

/// One non-empty line of a document, whitespace collapsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the file.
    pub number: usize,
    /// The text, trimmed, runs of whitespace (including no-break spaces) collapsed to one space.
    pub text: String,
}

/// The non-empty lines of `text` (a leading byte-order mark is ignored).
pub fn split_lines(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .enumerate()
        .map(|(i, l)| Line { number: i + 1, text: collapse_whitespace(l) })
        .filter(|l| !l.text.is_empty())
        .collect()
}

/// Trims `s` and collapses each run of whitespace inside it to one space. Control characters
/// (NUL and the like, which JSON and TOML escapes such as `\u0000` can carry) count as whitespace.
///
/// One pass over the bytes that copies whole spans of text (words with one space between
/// them are already as they should be), characters decoded only past ASCII: every text of a
/// corpus file goes through it (a State of the Union address is one paragraph of 46 kB).
pub fn collapse_whitespace(s: &str) -> String {
    let b = s.as_bytes();
    let n = b.len();
    // The bytes of the character at `i` (on a character boundary), and whether it separates.
    let char_at = |i: usize| -> (usize, bool) {
        let c = b[i];
        if c.is_ascii() {
            (1, c <= b' ' || c == 0x7f)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.len_utf8(), c.is_whitespace() || c.is_control())
        }
    };
    let mut out = String::with_capacity(n);
    // The start of the text not yet copied (a word's start), if a word has been seen since.
    let mut span: Option<usize> = None;
    let mut i = 0;
    while i < n {
        // Printable ASCII, most of most texts: skipped in a tight loop.
        let printable = |c: &u8| c.wrapping_sub(b'!') <= b'~' - b'!';
        if printable(&b[i]) {
            span.get_or_insert(i);
            i += b[i..].iter().position(|c| !printable(c)).unwrap_or(n - i);
            continue;
        }
        let (len, separates) = char_at(i);
        if !separates {
            span.get_or_insert(i);
            i += len;
            continue;
        }
        let run = i;
        i += len;
        while i < n {
            let (len, separates) = char_at(i);
            if !separates {
                break;
            }
            i += len;
        }
        // One space between two words stays in the span; any other run ends it.
        let one_space = i - run == 1 && b[run] == b' ' && i < n;
        if let Some(start) = span.filter(|_| !one_space) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s[start..run]);
            span = None;
        }
    }
    if let Some(start) = span {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[start..]);
    }
    out
}

/// Strips markdown heading marks (`## Title` → `Title`).
pub fn strip_heading_marks(line: &str) -> &str {
    let rest = line.trim_start_matches('#');
    if rest.len() < line.len() && (rest.is_empty() || rest.starts_with(' ')) {
        rest.trim()
    } else {
        line
    }
}

/// The leading bracket tag of a title (`[Audio] Bolshevism …` → `Audio`), if any.
pub fn title_tag(line: &str) -> Option<&str> {
    let rest = strip_heading_marks(line).strip_prefix('[')?;
    let (tag, after) = rest.split_once(']')?;
    let short = !tag.is_empty() && tag.split_whitespace().count() <= 2 && tag.len() <= 20;
    (short && !after.trim().is_empty() && !after.starts_with('(')).then_some(tag)
}

/// A title as it should be shown: heading marks and a leading `[Audio]`-style tag removed.
pub fn clean_title(line: &str) -> String {
    let line = strip_heading_marks(line);
    match title_tag(line) {
        Some(tag) => collapse_whitespace(&line[tag.len() + 2..]),
        None => collapse_whitespace(line),
    }
}

/// Whether `line` is `title` again (same words once heading marks and tags are removed;
/// case and punctuation do not matter).
pub fn is_title_line(line: &str, title: &str) -> bool {
    let a = folded_words(&clean_title(line));
    !a.is_empty() && a == folded_words(&clean_title(title))
}

/// The folded word tokens of `text`.
pub fn folded_words(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.folded).collect()
}

/// `Title`, twenty paragraphs and then `last`, which is past the header area (for tests).
#[cfg(test)]
pub fn text_ending_past_the_header(last: &str) -> String {
    let paragraphs: String = (0..20).map(|i| format!("Paragraph {i}.\n")).collect();
    format!("Title\n{paragraphs}{last}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_collapses() {
        let lines = split_lines("\u{feff} \n\n  a\u{a0}\u{a0}b  \t c \r\nd\n");
        assert_eq!(lines, vec![Line { number: 3, text: "a b c".into() }, Line { number: 4, text: "d".into() }]);
    }

    #[test]
    fn titles_lose_marks_and_tags() {
        assert_eq!(clean_title("## Putin Rules Out USSR Restoration"), "Putin Rules Out USSR Restoration");
        assert_eq!(clean_title("[Audio] Bolshevism vs. Stalinism: 100 Years"), "Bolshevism vs. Stalinism: 100 Years");
        assert_eq!(clean_title("[Video]  Clip"), "Clip");
        assert_eq!(clean_title("[Theme Music]"), "[Theme Music]");
        assert_eq!(clean_title("[a link](http://x.org) rest"), "[a link](http://x.org) rest");
        assert_eq!(clean_title("#hashtag"), "#hashtag");
        assert_eq!(title_tag("[Audio] Bolshevism"), Some("Audio"));
    }

    /// Found by fuzzing: `[{"text": "a\u0000b long enough"}]` in a JSON file kept the NUL in
    /// the paragraph.
    #[test]
    fn fuzz_regression_control_characters_are_whitespace() {
        assert_eq!(collapse_whitespace("a\0b long enough"), "a b long enough");
        assert_eq!(collapse_whitespace("\0 x\u{1}\u{7f}\u{85}y \0"), "x y");
        let doc = crate::document::build_structured_document(
            "d",
            &["a\0b long enough".to_string()],
            &crate::sidecar::Sidecar::default(),
            &[],
            false,
            crate::document::Cleaning::RemoveClutter,
        )
        .unwrap()
        .0;
        assert_eq!(doc.paragraphs, ["a b long enough"]);
    }

    /// The one-pass collapse gives what splitting at every whitespace or control character
    /// and joining the pieces with one space gives, for any text.
    #[test]
    fn collapsing_is_splitting_and_joining() {
        let split_and_join = |s: &str| {
            s.split(|c: char| c.is_whitespace() || c.is_control())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let pieces = [
            "a",
            "Bé",
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            "\u{a0}",
            "\u{85}",
            "\u{2028}",
            "\u{3000}",
            "\0",
            "\u{7f}",
            "\u{9f}",
            "—",
            "’",
            "Сталин",
            "😀",
            "x\u{301}",
        ];
        // Every sequence of up to four pieces, so that each comes first, last, alone and
        // beside each other one.
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> =
                texts.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
            texts.extend(longer.into_iter().filter(|t| t.chars().count() <= 12));
            texts.sort();
            texts.dedup();
        }
        assert!(texts.len() > 100_000, "{}", texts.len());
        for t in &texts {
            assert_eq!(collapse_whitespace(t), split_and_join(t), "{t:?}");
        }
    }

    #[test]
    fn title_lines_match_loosely() {
        assert!(is_title_line("## Putin Rules Out USSR Restoration", "Putin rules out USSR restoration"));
        assert!(!is_title_line("Putin Rules Out", "Putin Rules Out USSR Restoration"));
        assert!(!is_title_line("—", "—"));
    }
}
