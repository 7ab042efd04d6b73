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
pub fn collapse_whitespace(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
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

    #[test]
    fn title_lines_match_loosely() {
        assert!(is_title_line("## Putin Rules Out USSR Restoration", "Putin rules out USSR restoration"));
        assert!(!is_title_line("Putin Rules Out", "Putin Rules Out USSR Restoration"));
        assert!(!is_title_line("—", "—"));
    }
}
