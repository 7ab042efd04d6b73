//! Markdown documents: YAML-style front matter for metadata, and the body read with a
//! CommonMark parser (`pulldown-cmark`) and turned into plain text, one paragraph per block,
//! with the markup (headings, emphasis, links, images, code marks, quotes, tables, HTML tags)
//! stripped.
//!
//! ```markdown
//! ---
//! title: Notes on the moonquill
//! date: 2024-05-01
//! region: north
//! tags: [birds, night]
//! ---
//! # Notes on the moonquill
//!
//! The *moonquill* sings at [night](https://example.org).
//! ```

use crate::error::{value_or_errors, CorpusError};
use crate::lines::collapse_whitespace;
use crate::sidecar::Sidecar;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::path::Path;

/// A Markdown file split into its front matter's metadata and its body as plain-text lines
/// (headings keep one `#` per level so that the title is found as for text files, list items
/// start with `• `).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markdown {
    /// What the front matter says (empty without front matter).
    pub meta: Sidecar,
    /// One line per block.
    pub text: String,
}

/// Parses a Markdown file's front matter and converts its body.
pub fn parse_markdown(path: &Path, source: &str) -> Result<Markdown, Vec<CorpusError>> {
    let lines: Vec<&str> = source.lines().collect();
    let (meta, body) = if lines.first().is_some_and(|l| l.trim_end() == "---") {
        let Some(close) = lines.iter().skip(1).position(|l| matches!(l.trim_end(), "---" | "...")) else {
            return Err(vec![CorpusError::at_line(path, 1, "front matter is not closed (no '---' line after it)")]);
        };
        // The body starts after the closing line: `lines` are the pieces of `split_inclusive`.
        let body_start: usize = source.split_inclusive('\n').take(close + 2).map(str::len).sum();
        (parse_front_matter(path, &lines[1..=close])?, &source[body_start..])
    } else {
        (Sidecar::default(), source)
    };
    Ok(Markdown { meta, text: blocks_to_text(body) })
}

/// Parses front matter lines (the ones between the `---` lines; the first is line 2 of the file).
fn parse_front_matter(path: &Path, lines: &[&str]) -> Result<Sidecar, Vec<CorpusError>> {
    let mut entries: Vec<(usize, String, Vec<String>, bool)> = Vec::new(); // line, key, values, is_list
    let mut errors = Vec::new();
    for (i, raw) in lines.iter().enumerate() {
        let number = i + 2;
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indented = trimmed.len() < line.len();
        if let Some(item) = trimmed.strip_prefix("- ").or(if trimmed == "-" { Some("") } else { None }) {
            if let Some((_, _, values, is_list)) = entries.last_mut().filter(|e| e.3 || e.2.is_empty()) {
                *is_list = true;
                values.extend(scalar(item));
                continue;
            }
        }
        let key_value = if indented { None } else { line.split_once(':') };
        let Some((key, value)) = key_value.filter(|(k, v)| is_key(k) && (v.is_empty() || v.starts_with(' '))) else {
            let msg = if indented && entries.last().is_some_and(|e| e.2.is_empty()) {
                let key = &entries.last().expect("checked").1;
                crate::sidecar::nested_message(key, true)
            } else {
                format!("front matter line is not 'key: value': {}", trimmed)
            };
            errors.push(CorpusError::at_line(path, number, msg));
            continue;
        };
        let key = key.trim().to_string();
        if let Some(first) = entries.iter().find(|e| e.1 == key) {
            errors.push(CorpusError::at_line(
                path,
                number,
                format!("'{key}' is given twice (first on line {})", first.0),
            ));
            continue;
        }
        let value = value.trim();
        let values = if value.starts_with('{') {
            errors.push(CorpusError::at_line(path, number, crate::sidecar::nested_message(&key, true)));
            continue;
        } else if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            split_flow_list(inner).iter().filter_map(|v| scalar(v)).collect()
        } else {
            scalar(value).into_iter().collect()
        };
        entries.push((number, key, values, value.starts_with('[')));
    }
    let mut meta = Sidecar::default();
    for (number, key, values, _) in entries {
        let text = values.join(", ");
        if text.trim().is_empty() {
            continue;
        }
        if let Err(msg) = meta.set(&key, &text) {
            errors.push(CorpusError::at_line(path, number, msg));
        }
    }
    value_or_errors(meta, errors)
}

/// A front matter key: letters, digits, `_`, `-`, `.`.
fn is_key(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// One YAML-style scalar: quotes removed, a trailing ` # comment` dropped; `None` for `null`/`~`/empty.
fn scalar(value: &str) -> Option<String> {
    let v = value.trim();
    let text = if let Some(inner) = v.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        inner.replace("\\\"", "\"").replace("\\\\", "\\")
    } else if let Some(inner) = v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        inner.replace("''", "'")
    } else {
        let v = match v.find(" #") {
            Some(at) => v[..at].trim_end(),
            None => v,
        };
        if matches!(v, "null" | "~" | "") {
            return None;
        }
        v.to_string()
    };
    Some(text).filter(|t| !t.trim().is_empty())
}

/// Splits the inside of `[a, "b, c", d]` at commas outside quotes.
fn split_flow_list(inner: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for c in inner.chars() {
        match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some(c);
                current.push(c);
            }
            (Some(q), _) if c == q => {
                quote = None;
                current.push(c);
            }
            (None, ',') => parts.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    parts.push(current);
    parts
}

/// The body's blocks as lines of plain text, read with a CommonMark parser (with tables,
/// strike-through, task lists and footnotes): one line per paragraph, list item (`• ` before
/// it), heading (`#` marks as its level), table row (cells joined with ` | `), code block,
/// footnote and block of HTML (its text); footnote references go, and the marks of emphasis, links, images, code spans and quotes go, their text
/// stays. The parser reads without recursion, in time linear in the input however deep the
/// nesting or many the brackets.
fn blocks_to_text(body: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS | Options::ENABLE_FOOTNOTES;
    let mut blocks = Blocks::default();
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Start(Tag::Item) => blocks.start("• "),
            Event::Start(Tag::Heading { level, .. }) => blocks.start(&format!("{} ", "#".repeat(level as usize))),
            Event::Start(tag) if is_block(&tag.to_end()) => blocks.begin(),
            Event::End(TagEnd::HtmlBlock) => {
                blocks.text = html_block_text(&blocks.text);
                blocks.flush();
            }
            Event::End(TagEnd::TableCell) => blocks.end_cell(),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => blocks.end_row(),
            Event::End(end) if is_block(&end) => blocks.flush(),
            Event::Rule => blocks.flush(),
            Event::Text(t) | Event::Code(t) | Event::Html(t) => blocks.text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => blocks.text.push(' '),
            // Inline HTML tags, task list boxes, footnote references, the marks of emphasis, links and images.
            _ => {}
        }
    }
    blocks.flush();
    blocks.out.join("\n")
}

/// Whether a tag is a block whose text is a line of its own (or holds such blocks); the
/// others are table parts and inline markup.
fn is_block(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Table
            | TagEnd::FootnoteDefinition
    )
}

/// The text of a block of HTML, read in one pass: tags and comments are dropped, and so is
/// the content of `script` and `style` elements; entities are left as written.
fn html_block_text(html: &str) -> String {
    // ASCII lowercase keeps every byte where it was.
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut rest = 0;
    while let Some(found) = html[rest..].find('<') {
        let at = rest + found;
        out.push_str(&html[rest..at]);
        let tag = &lower[at + 1..];
        // What ends the markup, and whether reading goes on at that end (a closing tag) or after it.
        let (end, at_end) = if tag.starts_with("!--") {
            ("-->", false)
        } else if tag.starts_with("script") {
            ("</script", true)
        } else if tag.starts_with("style") {
            ("</style", true)
        } else if tag.starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?')) {
            (">", false)
        } else {
            out.push('<');
            rest = at + 1;
            continue;
        };
        match tag.find(end) {
            Some(i) => rest = at + 1 + i + if at_end { 0 } else { end.len() },
            // Markup that is not closed runs to the end of the block.
            None => return out,
        }
    }
    out.push_str(&html[rest..]);
    out
}

/// The lines of text gathered from the parser's events.
#[derive(Debug, Default)]
struct Blocks {
    /// The finished lines.
    out: Vec<String>,
    /// What goes before the text of the block being read (`• `, `## `).
    marker: String,
    /// The text of the block being read.
    text: String,
    /// The cells of the table row being read.
    cells: Vec<String>,
}

impl Blocks {
    /// Ends the block being read and starts one (a list item, a heading) with this marker.
    fn start(&mut self, marker: &str) {
        self.flush();
        self.marker = marker.to_string();
    }

    /// A block inside the one being read starts: what was read so far is a line of its own,
    /// but a list item's marker is kept for a paragraph that opens the item.
    fn begin(&mut self) {
        if !self.text.trim().is_empty() {
            self.flush();
        }
    }

    /// Ends the block being read: its text, whitespace collapsed, is a line unless it is empty.
    fn flush(&mut self) {
        let text = collapse_whitespace(&std::mem::take(&mut self.text));
        let marker = std::mem::take(&mut self.marker);
        if !text.is_empty() {
            self.out.push(marker + &text);
        }
    }

    fn end_cell(&mut self) {
        let cell = collapse_whitespace(&std::mem::take(&mut self.text));
        if !cell.is_empty() {
            self.cells.push(cell);
        }
    }

    fn end_row(&mut self) {
        let row = std::mem::take(&mut self.cells).join(" | ");
        if !row.is_empty() {
            self.out.push(row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(source: &str) -> Markdown {
        parse_markdown(Path::new("a.md"), source).unwrap()
    }

    fn errors(source: &str) -> Vec<String> {
        crate::error::messages(parse_markdown(Path::new("a.md"), source))
    }

    #[test]
    fn front_matter_values() {
        let m = md("---\ntitle: \"A: B\"\ndate: 2024-05-01 # when\nregion: north\ntags: [a, \"b, c\"]\nauthors:\n  - Ann\n  - 'Bo'\nempty:\n---\nBody.\n");
        assert_eq!(m.meta.title.as_deref(), Some("A: B"));
        assert_eq!(m.meta.date.map(|d| d.to_string()).as_deref(), Some("2024-05-01"));
        assert_eq!(m.meta.fields["region"], "north");
        assert_eq!(m.meta.fields["tags"], "a, b, c");
        assert_eq!(m.meta.fields["authors"], "Ann, Bo");
        assert!(!m.meta.fields.contains_key("empty"));
        assert_eq!(m.text, "Body.");
    }

    #[test]
    fn front_matter_problems() {
        assert_eq!(errors("---\ntitle: T\nBody.\n"), ["a.md:1: front matter is not closed (no '---' line after it)"]);
        assert_eq!(
            errors("---\ntitle: T\njust words\n---\nBody"),
            ["a.md:3: front matter line is not 'key: value': just words"]
        );
        assert_eq!(errors("---\ntitle: T\ntitle: U\n---\n"), ["a.md:3: 'title' is given twice (first on line 2)"]);
        assert_eq!(
            errors("---\nplace:\n  city: Oslo\n---\n"),
            ["a.md:3: 'place' is an object; metadata values must be strings, numbers, booleans or lists of them"]
        );
        assert_eq!(
            errors("---\ndate: soon\n---\n"),
            ["a.md:2: bad date: 'soon' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"]
        );
    }

    #[test]
    fn blocks_and_inline_markup() {
        let m =
            md("# The *Title*\n\nA paragraph\nwrapped over **two** lines with a [link](http://x.org) and `code`.\n\n\
                    > quoted _text_ here\n\n- one\n- two\n1. three\n\n![alt text](i.png)\n\n---\n\n\
                    | a | b |\n|---|---|\n| 1 | 2 |\n\n```\nlet x = 1;\n```\n\nSub\n---\n[x]: http://x.org\n\
                    snake_case and 2 * 3 <br> done\\*");
        assert_eq!(
            m.text.lines().collect::<Vec<_>>(),
            [
                "# The Title",
                "A paragraph wrapped over two lines with a link and code.",
                "quoted text here",
                "• one",
                "• two",
                "• three",
                "alt text",
                "a | b",
                "1 | 2",
                "let x = 1;",
                "## Sub",
                "snake_case and 2 * 3 done*",
            ]
        );
    }

    fn lines(source: &str) -> Vec<String> {
        md(source).text.lines().map(str::to_string).collect()
    }

    #[test]
    fn commonmark_blocks() {
        // Nested and loose list items, nested quotes, a numbered line inside a paragraph.
        assert_eq!(
            lines("- a\n  - nested\n- b\n\n  more of b\n\n> quoted\n> > nested\n\nIn the year\n2024. It rained.\n"),
            ["• a", "• nested", "• b", "more of b", "quoted", "nested", "In the year 2024. It rained."]
        );
        // Indented code, code spans kept as written, entities decoded, footnotes, hard breaks.
        assert_eq!(
            lines("    let  y = 2;\n\nUse `<b>` &amp; `*x*` &copy;[^1]\\\nnext\n\n[^1]: The note.\n"),
            ["let y = 2;", "Use <b> & *x* © next", "The note."]
        );
        // A table without outer pipes; autolinks keep their address.
        assert_eq!(
            lines("A | B\n--|--\nx | y\n\n<http://x.org> and <a@b.org>"),
            ["A | B", "x | y", "http://x.org and a@b.org"]
        );
    }

    #[test]
    fn html_blocks_keep_their_text() {
        assert_eq!(
            lines("<div>\n<p>Caf&eacute; <b>bold</b></p>\n</div>\n\n<!-- a comment\nover lines -->\n\n<script>var x = 1;</script>\n\n<style>p {}</style>\n\nText <span>inline</span>."),
            ["Caf&eacute; bold", "Text inline."]
        );
        assert_eq!(html_block_text("<p>a < b</p><!-- not closed"), "a < b");
        assert_eq!(html_block_text("<SCRIPT>x()</Script >y<div"), "y");
    }

    /// Hostile input: deep nesting and long runs of brackets are read without exhausting the
    /// stack of a test thread, and to a text no longer than twice the source. (Each is read in
    /// well under a second; a reader quadratic in them would take minutes, which shows in the
    /// suite's time: speed is measured by benchmarks, not asserted here.)
    #[test]
    fn hostile_input_is_read() {
        let n = 100_000;
        let hostile = [
            ">".repeat(n) + " deep",
            "> ".repeat(n) + "deep",
            "- ".repeat(n / 2) + "deep",
            "1. ".repeat(n / 3) + "deep",
            (0..1_000).map(|i| " ".repeat(2 * i) + "- deep\n").collect(),
            (0..300).map(|_| ">".repeat(300) + " deep\n").collect(),
            "[".repeat(n),
            "[".repeat(n) + &"]".repeat(n),
            "<".repeat(n),
            "<a ".repeat(n / 3),
            "![".repeat(n / 2),
            "[a](".repeat(n / 4),
            "[^".repeat(n / 2),
            "*a ".repeat(n / 3),
            "`a``".repeat(n / 4),
            "<div>".repeat(n / 5),
            "<div>\n".to_string() + &"<!--".repeat(n / 4),
        ];
        for source in hostile {
            let m = md(&source);
            assert!(m.text.len() <= source.len() * 2, "{:?}…", &source[..20]);
        }
        assert_eq!(md(&(">".repeat(n) + " deep")).text, "deep");
        assert_eq!(
            md(&((0..1_000).map(|i| " ".repeat(2 * i) + "- deep\n").collect::<String>())).text.lines().count(),
            1_000
        );
    }
}
