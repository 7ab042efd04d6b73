//! Metadata a capture's own text tells: title, date, outlet, address and kind,
//! all looked for in the header area (the first [`HEADER_LINES`] non-empty lines).

use crate::chrome::{host_of, is_chrome, link_line_url};
use crate::dates::parse_date_line;
use crate::lines::{clean_title, strip_heading_marks, title_tag, Line, HEADER_LINES};
use crate::sidecar::Sidecar;

/// Whether a header line carries metadata rather than text: a date line, a link or domain line,
/// or page chrome. Such lines are never the title and are dropped from the header.
pub fn is_header_furniture(line: &str) -> bool {
    is_chrome(line) || parse_date_line(line).is_some() || link_line_url(line).is_some()
}

/// Reads the metadata of a document from its non-empty lines: the title (cleaned of heading
/// marks and tags), the date of the first date line, the outlet named on it (`2021-12-10 |
/// Emancipation`) or else the host of the address, the address of a link or domain line, and
/// the kind a title tag implies (`[Audio]` → `podcast`, `[Video]` → `video`).
pub fn extract(lines: &[Line]) -> Sidecar {
    let header = &lines[..lines.len().min(HEADER_LINES)];
    let mut meta = Sidecar::default();

    let date_at = header.iter().position(|l| parse_date_line(&l.text).is_some());
    if let Some(i) = date_at {
        let line = parse_date_line(&header[i].text).expect("position found a date line");
        meta.date = Some(line.date);
        meta.outlet = line.outlet;
    }
    meta.url = header.iter().find_map(|l| link_line_url(&l.text));
    if meta.outlet.is_none() {
        meta.outlet = meta.url.as_deref().and_then(host_of);
    }

    let title_line = find_title_line(header, date_at);
    if let Some(line) = title_line {
        let title = clean_title(line);
        meta.kind = title_tag(line).and_then(kind_of_tag);
        meta.title = Some(title).filter(|t| !t.is_empty());
    }
    meta
}

/// The title line: the first markdown heading; else the line next to the first date line
/// (the one before it unless that is furniture, else the one after); else the first line
/// that is not furniture.
fn find_title_line(header: &[Line], date_at: Option<usize>) -> Option<&str> {
    if let Some(h) = header.iter().find(|l| strip_heading_marks(&l.text) != l.text) {
        return Some(&h.text);
    }
    let usable = |i: usize| header.get(i).map(|l| l.text.as_str()).filter(|t| !is_header_furniture(t));
    if let Some(d) = date_at {
        let before = d.checked_sub(1).and_then(usable);
        if let Some(t) = before.or_else(|| usable(d + 1)) {
            return Some(t);
        }
    }
    header.iter().map(|l| l.text.as_str()).find(|t| !is_header_furniture(t))
}

fn kind_of_tag(tag: &str) -> Option<String> {
    match tag.to_lowercase().as_str() {
        "audio" | "podcast" => Some("podcast".into()),
        "video" => Some("video".into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn meta(text: &str) -> Sidecar {
        extract(&split_lines(text))
    }

    #[test]
    fn heading_date_and_link() {
        let m = meta("# Big News\n\n[example.org](https://example.org)\n\n## Big News\n2025-12-11\n1 min read\nBody.");
        assert_eq!(m.title.as_deref(), Some("Big News"));
        assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2025-12-11"));
        assert_eq!(m.url.as_deref(), Some("https://example.org"));
        assert_eq!(m.outlet.as_deref(), Some("example.org"));
        assert_eq!(m.kind, None);
    }

    #[test]
    fn title_before_the_date_line() {
        let m = meta("Site nav\nThe Real Title\n2021-12-10 | The Outlet\nBody text here.");
        assert_eq!(m.title.as_deref(), Some("The Real Title"));
        assert_eq!(m.outlet.as_deref(), Some("The Outlet"));
    }

    #[test]
    fn title_after_the_date_line_when_chrome_precedes_it() {
        let m = meta("icon a icon b icon c icon d icon e\n5 Jul, 2025 21:37\nThe Title\nBody.");
        assert_eq!(m.title.as_deref(), Some("The Title"));
        assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2025-07-05"));
        let m = meta("July 5, 2025\nThe Title\nBody.");
        assert_eq!(m.title.as_deref(), Some("The Title"));
    }

    #[test]
    fn first_plain_line_with_tag() {
        let m = meta("0:00\n[Audio] Talk About Things\nA new episode of X is now on air:\nBody.");
        assert_eq!(m.title.as_deref(), Some("Talk About Things"));
        assert_eq!(m.kind.as_deref(), Some("podcast"));
        assert_eq!(m.date, None);
        assert_eq!(m.url, None);
    }

    #[test]
    fn dates_only_in_the_header() {
        assert_eq!(meta(&crate::lines::text_ending_past_the_header("2025-12-11")).date, None);
    }
}
