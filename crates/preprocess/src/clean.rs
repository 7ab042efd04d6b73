//! Noise removal: turns the non-empty lines of a capture into clean paragraphs.
//!
//! The rules, in order:
//! 1. page chrome anywhere is dropped (see [`crate::chrome`]);
//! 2. in the header area, every line before the title's first occurrence is dropped,
//!    and so are date lines, link/domain lines and reading-time lines;
//! 3. every line that repeats the title is dropped;
//! 4. heading marks are stripped and bullet markers (`▪`, `►`, `-`, `*`, `·`, …) normalised to `• `;
//!    lines without a letter or digit are dropped;
//! 5. a paragraph identical to the previous one is dropped, and of two adjacent short
//!    near-duplicates (an image caption and its alt text) only the longer is kept;
//! 6. at the end, calls to the reader (a question to them, an appeal to join, subscribe
//!    or donate) and a dangling short line ending in `:` are dropped.

use crate::chrome::is_chrome;
use crate::lines::{folded_words, is_title_line, strip_heading_marks, Line, HEADER_LINES};
use crate::meta::is_header_furniture;

/// Paragraphs shorter than this many words may be near-duplicate captions.
const SHORT_PARAGRAPH_WORDS: usize = 50;
/// Share of the shorter paragraph's words that must recur in the other for a near-duplicate.
const NEAR_DUPLICATE_SHARE: f64 = 0.7;
/// Trailing calls to the reader are at most this many words long.
const CALL_WORDS: usize = 12;
/// A trailing line ending in `:` is dangling when it has at most this many words.
const DANGLING_WORDS: usize = 8;

/// A line that cleaning removed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// Its line in the file, from 1.
    pub line: usize,
    /// Its text.
    pub text: String,
    /// Why it was taken for page clutter.
    pub why: &'static str,
}

/// The clean paragraphs of a document whose title is `title`.
pub fn clean(lines: &[Line], title: &str) -> Vec<String> {
    clean_reporting(lines, title).0
}

/// The clean paragraphs of a document whose title is `title`, and every line removed, with why.
pub fn clean_reporting(lines: &[Line], title: &str) -> (Vec<String>, Vec<Removed>) {
    let header = lines.len().min(HEADER_LINES);
    let title_at = lines[..header].iter().position(|l| is_title_line(&l.text, title));
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut removed = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.as_str();
        let why = if title_at.is_some_and(|t| i < t) {
            Some("before the title (site navigation)")
        } else if i < header && is_header_furniture(text) {
            Some("page header (a date, an address or a reading time)")
        } else if is_chrome(text) {
            Some("page furniture (icons, player times, share and comment notices, podcast links)")
        } else if is_title_line(text, title) {
            Some("repeats the title")
        } else {
            None
        };
        if let Some(why) = why {
            removed.push(Removed { line: line.number, text: text.to_owned(), why });
            continue;
        }
        let paragraph = normalise(text);
        if paragraph.chars().any(char::is_alphanumeric) {
            push_unless_duplicate(&mut out, paragraph, line.number, &mut removed);
        } else {
            removed.push(Removed { line: line.number, text: text.to_owned(), why: "no letter or digit" });
        }
    }
    drop_trailing_calls(&mut out, &mut removed);
    removed.sort_by_key(|r| r.line);
    (out.into_iter().map(|(p, _)| p).collect(), removed)
}

/// Strips heading marks and turns a leading bullet (`▪ `, `► `, `• `, `- `, `* `, `· `, …) into `• `.
pub fn normalise(line: &str) -> String {
    let line = strip_heading_marks(line);
    for bullet in ['▪', '►', '▸', '•', '-', '*', '·', '◦', '‣'] {
        if let Some(rest) = line.strip_prefix(bullet) {
            if rest.starts_with(' ') && !rest.trim().is_empty() {
                return format!("• {}", rest.trim());
            }
        }
    }
    line.to_string()
}

/// Appends `paragraph` (of line `line`) unless it repeats the last one; of two short
/// near-duplicates keeps the longer. What is not kept goes to `removed`.
fn push_unless_duplicate(out: &mut Vec<(String, usize)>, paragraph: String, line: usize, removed: &mut Vec<Removed>) {
    if let Some((last, last_line)) = out.last_mut() {
        if *last == paragraph {
            removed.push(Removed { line, text: paragraph, why: "repeats the line before" });
            return;
        }
        let (a, b) = (folded_words(last), folded_words(&paragraph));
        if near_duplicates(&a, &b) {
            let why = "a short near-duplicate of the line beside it (taken for an image caption and its alt text)";
            if b.len() > a.len() {
                let text = std::mem::replace(last, paragraph);
                removed.push(Removed { line: *last_line, text, why });
                *last_line = line;
            } else {
                removed.push(Removed { line, text: paragraph, why });
            }
            return;
        }
    }
    out.push((paragraph, line));
}

/// Whether two word sequences are short near-duplicates: both under [`SHORT_PARAGRAPH_WORDS`]
/// words, and at least [`NEAR_DUPLICATE_SHARE`] of the shorter one's words (4 or more) start
/// the other or recur in it in order.
pub fn near_duplicates(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < 4 || long.len() >= SHORT_PARAGRAPH_WORDS {
        return false;
    }
    let needed = (short.len() as f64 * NEAR_DUPLICATE_SHARE).ceil() as usize;
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    prefix >= needed || common_subsequence(short, long) >= needed
}

/// Length of the longest common subsequence of two word sequences.
fn common_subsequence(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            row[j + 1] = if x == y { prev[j] + 1 } else { row[j].max(prev[j + 1]) };
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// Drops calls to the reader and a dangling `…:` line from the end (at most four lines).
fn drop_trailing_calls(out: &mut Vec<(String, usize)>, removed: &mut Vec<Removed>) {
    for _ in 0..4 {
        let why = match out.last() {
            Some((last, _)) if is_call_to_reader(last) => "a closing call to the reader (to join, subscribe or donate)",
            Some((last, _)) if is_dangling(last) => "a closing short line ending in ':'",
            _ => break,
        };
        if let Some((text, line)) = out.pop() {
            removed.push(Removed { line, text, why });
        }
    }
}

/// A short question to the reader (`Are you a communist?`) or appeal to join, subscribe or
/// donate (`Then apply to join your party!`).
pub fn is_call_to_reader(paragraph: &str) -> bool {
    let words = folded_words(paragraph);
    if words.is_empty() || words.len() > CALL_WORDS {
        return false;
    }
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let question = paragraph.trim_end().ends_with('?') && has(&["you", "your"]);
    question || has(&["join", "subscribe", "donate"])
}

/// A short line ending with `:` that introduces nothing (`Translated and Adapted by:`).
pub fn is_dangling(paragraph: &str) -> bool {
    paragraph.trim_end().ends_with(':') && paragraph.split_whitespace().count() <= DANGLING_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn run(text: &str, title: &str) -> Vec<String> {
        clean(&split_lines(text), title)
    }

    #[test]
    fn drops_lines_before_the_title_and_header_furniture() {
        let text = "Site nav\nMore nav\n# The Title\n[x.org](https://x.org)\n## The Title\n2025-12-11\n1 min read\nBody one.\n\nBody two.";
        assert_eq!(run(text, "The Title"), ["Body one.", "Body two."]);
    }

    #[test]
    fn keeps_the_standfirst_between_title_repeats() {
        let text = "The Title\n\nThe standfirst.\nThe Title\n\nBody.";
        assert_eq!(run(text, "The Title"), ["The standfirst.", "Body."]);
    }

    #[test]
    fn header_furniture_only_in_the_header() {
        let out = run(&crate::lines::text_ending_past_the_header("example.org"), "Title");
        assert_eq!(out.last().map(String::as_str), Some("example.org"));
    }

    #[test]
    fn drops_chrome_anywhere_but_keeps_stage_directions() {
        let text = "Title\nBody.\n[Theme Music]\n[shortcode-box]\n0:00\n24:55\nPodcasts\nMore body.";
        assert_eq!(run(text, "Title"), ["Body.", "[Theme Music]", "More body."]);
    }

    #[test]
    fn normalises_bullets_and_headings() {
        assert_eq!(normalise("▪ He added"), "• He added");
        assert_eq!(normalise("► He added"), "• He added");
        assert_eq!(normalise("- item"), "• item");
        assert_eq!(normalise("* item"), "• item");
        assert_eq!(normalise("· item"), "• item");
        assert_eq!(normalise("### Section"), "Section");
        assert_eq!(normalise("*Pavel Lysyansky is"), "*Pavel Lysyansky is");
        assert_eq!(normalise("-5 degrees"), "-5 degrees");
        assert_eq!(run("Title\n* * *\n—\nBody.", "Title"), ["Body."]);
    }

    #[test]
    fn drops_repeated_and_near_duplicate_captions() {
        let text = "Title\nA caption of a photo here.\nA caption of a photo here.\nBody.";
        assert_eq!(run(text, "Title"), ["A caption of a photo here.", "Body."]);
        let text = "Title\nPutin and Lukashenko observe an exercise in the situation room\n\
                    Putin and Lukashenko observing an exercise in the situation room on Feb. 19, 2022 – Kremlin\nBody.";
        assert_eq!(
            run(text, "Title"),
            ["Putin and Lukashenko observing an exercise in the situation room on Feb. 19, 2022 – Kremlin", "Body."]
        );
    }

    #[test]
    fn different_short_paragraphs_stay() {
        let text = "Title\n• The provision of free school meals and milk for children;\n\
                    • Special food and clothing allowances for children in need;\nWomen and the revolution\nBody.";
        assert_eq!(run(text, "Title").len(), 4);
    }

    #[test]
    fn drops_trailing_calls_and_dangling_lines() {
        let text = "Title\nBody.\nLast real paragraph.\nAre you a communist?\nThen apply to join your party!";
        assert_eq!(run(text, "Title"), ["Body.", "Last real paragraph."]);
        let text = "Title\nBody.\nTranslated and Adapted by:";
        assert_eq!(run(text, "Title"), ["Body."]);
        let text = "Title\nIn the words of Lenin:\nA quote.";
        assert_eq!(run(text, "Title"), ["In the words of Lenin:", "A quote."]);
        let text = "Title\nAre you a communist?\nBody.";
        assert_eq!(run(text, "Title"), ["Are you a communist?", "Body."]);
    }

    #[test]
    fn every_removed_line_is_told_with_its_line_and_why() {
        let text = "Nav\nThe Title\n2025-12-11\nBody one.\nBody one.\n0:00\n* * *\nA caption of a photo here.\n\
                    A caption of a photo here, longer.\nLast.\nPlease subscribe!";
        let (kept, removed) = clean_reporting(&split_lines(text), "The Title");
        assert_eq!(kept, ["Body one.", "A caption of a photo here, longer.", "Last."]);
        let told: Vec<(usize, &str, &str)> = removed.iter().map(|r| (r.line, r.text.as_str(), r.why)).collect();
        assert_eq!(
            told,
            [
                (1, "Nav", "before the title (site navigation)"),
                (2, "The Title", "repeats the title"),
                (3, "2025-12-11", "page header (a date, an address or a reading time)"),
                (5, "Body one.", "repeats the line before"),
                (6, "0:00", "page header (a date, an address or a reading time)"),
                (7, "* * *", "no letter or digit"),
                (
                    8,
                    "A caption of a photo here.",
                    "a short near-duplicate of the line beside it (taken for an image caption and its alt text)"
                ),
                (11, "Please subscribe!", "a closing call to the reader (to join, subscribe or donate)"),
            ]
        );
        // Every line is either kept or told.
        assert_eq!(kept.len() + removed.len(), split_lines(text).len());
    }

    #[test]
    fn near_duplicate_measure() {
        let w = |s: &str| folded_words(s);
        assert!(near_duplicates(&w("one two three four five"), &w("one two three four five six seven")));
        assert!(!near_duplicates(&w("one two three"), &w("one two three four")));
        assert!(!near_duplicates(&w("one two three four five"), &w("six seven eight nine ten one")));
    }
}
