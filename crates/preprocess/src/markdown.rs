//! Markdown documents: YAML-style front matter for metadata, and the body turned into plain
//! text, one paragraph per block, with the markup (headings, emphasis, links, images, code
//! marks, quotes, tables, HTML tags) stripped.
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

use crate::error::CorpusError;
use crate::sidecar::Sidecar;
use std::path::Path;

/// A Markdown file split into its front matter's metadata and its body as plain-text lines
/// (headings keep one `#` per level so that the title is found as for text files).
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
    let (meta, body_start) = if lines.first().is_some_and(|l| l.trim_end() == "---") {
        let Some(close) = lines.iter().skip(1).position(|l| matches!(l.trim_end(), "---" | "...")) else {
            return Err(vec![CorpusError::at_line(path, 1, "front matter is not closed (no '---' line after it)")]);
        };
        (parse_front_matter(path, &lines[1..=close])?, close + 2)
    } else {
        (Sidecar::default(), 0)
    };
    Ok(Markdown { meta, text: blocks_to_text(&lines[body_start.min(lines.len())..]) })
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
    errors.sort_by_key(|e| e.line);
    if errors.is_empty() {
        Ok(meta)
    } else {
        Err(errors)
    }
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

/// The body's blocks as lines of plain text.
fn blocks_to_text(lines: &[&str]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut block: Vec<String> = Vec::new();
    let mut fence: Option<String> = None;
    let flush = |block: &mut Vec<String>, out: &mut Vec<String>| {
        if !block.is_empty() {
            out.push(inline(&block.join(" ")));
            block.clear();
        }
    };
    for raw in lines {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if let Some(marker) = &fence {
            if trimmed.starts_with(marker.as_str()) {
                fence = None;
                let code: Vec<String> = std::mem::take(&mut block);
                out.push(code.join(" "));
            } else if !trimmed.is_empty() {
                block.push(trimmed.to_string());
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(&mut block, &mut out);
            fence = Some(trimmed[..3].to_string());
            continue;
        }
        if trimmed.is_empty() || is_rule(trimmed) && block.is_empty() || trimmed.starts_with("<!--") {
            flush(&mut block, &mut out);
            continue;
        }
        // A setext underline makes the block so far a heading.
        if !block.is_empty() && (trimmed.chars().all(|c| c == '=') || trimmed.chars().all(|c| c == '-')) {
            let level = if trimmed.starts_with('=') { "#" } else { "##" };
            let text = inline(&block.join(" "));
            block.clear();
            out.push(format!("{level} {text}"));
            continue;
        }
        if is_reference_definition(trimmed) {
            continue;
        }
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            flush(&mut block, &mut out);
            let text = inline(trimmed[hashes..].trim().trim_end_matches('#').trim());
            if !text.is_empty() {
                out.push(format!("{} {text}", "#".repeat(hashes)));
            }
            continue;
        }
        let quote_stripped = strip_quote_marks(trimmed);
        if let Some(item) = list_item(quote_stripped) {
            flush(&mut block, &mut out);
            block.push(format!("• {item}"));
            continue;
        }
        if let Some(cells) = table_row(quote_stripped) {
            flush(&mut block, &mut out);
            if !cells.is_empty() {
                out.push(inline(&cells.join(" | ")));
            }
            continue;
        }
        block.push(quote_stripped.to_string());
    }
    flush(&mut block, &mut out);
    out.retain(|l| !l.trim().is_empty() && l.trim() != "•");
    out.join("\n")
}

fn is_rule(line: &str) -> bool {
    let chars: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    chars.len() >= 3 && ["-", "*", "_"].iter().any(|m| chars.chars().all(|c| c.to_string() == *m))
}

/// `[ref]: https://…` lines, which define link targets and show nothing.
fn is_reference_definition(line: &str) -> bool {
    line.starts_with('[') && line.find("]:").is_some_and(|at| !line[1..at].contains(']'))
}

fn strip_quote_marks(line: &str) -> &str {
    let mut l = line;
    while let Some(rest) = l.strip_prefix('>') {
        l = rest.trim_start();
    }
    l
}

/// The text of a list item (`- a`, `* a`, `+ a`, `1. a`, `1) a`, `- [ ] a`).
fn list_item(line: &str) -> Option<&str> {
    let rest = if let Some(r) = line.strip_prefix("- ").or(line.strip_prefix("* ")).or(line.strip_prefix("+ ")) {
        r
    } else {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        let after = &line[digits..];
        if digits == 0 || digits > 9 {
            return None;
        }
        after.strip_prefix(". ").or(after.strip_prefix(") "))?
    };
    let rest = rest.trim_start();
    Some(rest.strip_prefix("[ ] ").or(rest.strip_prefix("[x] ")).unwrap_or(rest))
}

/// The cells of a table row `| a | b |`; an empty list for the `|---|---|` line.
fn table_row(line: &str) -> Option<Vec<String>> {
    if !(line.starts_with('|') && line.ends_with('|') && line.len() > 1) {
        return None;
    }
    let cells: Vec<String> = line[1..line.len() - 1].split('|').map(|c| c.trim().to_string()).collect();
    let separator = cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
    Some(if separator { Vec::new() } else { cells.into_iter().filter(|c| !c.is_empty()).collect() })
}

/// Strips inline markup: images and links keep their text, code marks, emphasis and
/// strike-through marks and HTML tags go, backslash escapes are resolved.
pub fn inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
                continue;
            }
            '!' if chars.get(i + 1) == Some(&'[') => {
                if let Some((label, next)) = link_at(&chars, i + 1) {
                    out.push_str(&inline(&label));
                    i = next;
                    continue;
                }
            }
            '[' => {
                if let Some((label, next)) = link_at(&chars, i) {
                    out.push_str(&inline(&label));
                    i = next;
                    continue;
                }
            }
            '`' => {
                let run = chars[i..].iter().take_while(|&&c| c == '`').count();
                i += run;
                continue;
            }
            '<' => {
                if let Some(end) = chars[i..].iter().position(|&c| c == '>') {
                    let inside: String = chars[i + 1..i + end].iter().collect();
                    if let Some(url) = inside.strip_prefix("http").map(|_| inside.clone()) {
                        out.push_str(&url);
                        i += end + 1;
                        continue;
                    }
                    let tagish = inside.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
                    if tagish && !inside.contains('<') {
                        i += end + 1;
                        continue;
                    }
                }
            }
            '*' | '_' | '~' => {
                let run = chars[i..].iter().take_while(|&&x| x == c).count();
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + run).copied();
                let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
                // A delimiter touches text on one side only (`*a*`, `**a**`), or is `~~`;
                // `snake_case` and a lone ` * ` stay.
                let intraword = c == '_' && word(before) && word(after);
                let lone = space(before) && space(after);
                if (c != '~' || run >= 2) && !intraword && !lone {
                    i += run;
                    continue;
                }
                for _ in 0..run {
                    out.push(c);
                }
                i += run;
                continue;
            }
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    crate::lines::collapse_whitespace(&out)
}

/// A link `[label](target)` or `[label][ref]` or `[label][]` starting at `chars[at] == '['`:
/// its label and the index after it.
fn link_at(chars: &[char], at: usize) -> Option<(String, usize)> {
    let mut depth = 0;
    let mut close = None;
    for (j, &c) in chars.iter().enumerate().skip(at) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(j);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let label: String = chars[at + 1..close].iter().collect();
    let (open, end) = match chars.get(close + 1) {
        Some('(') => ('(', ')'),
        Some('[') => ('[', ']'),
        _ => return None,
    };
    let _ = open;
    let rest = chars[close + 2..].iter().position(|&c| c == end)?;
    Some((label, close + 2 + rest + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(source: &str) -> Markdown {
        parse_markdown(Path::new("a.md"), source).unwrap()
    }

    fn errors(source: &str) -> Vec<String> {
        parse_markdown(Path::new("a.md"), source).unwrap_err().iter().map(|e| e.to_string()).collect()
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
}
