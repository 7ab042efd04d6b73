//! HTML documents, read with a real HTML parser (html5ever, through `scraper`).
//!
//! Scripts, styles and page furniture (`nav`, `header`, `footer`, `aside`, `script`, `style`,
//! `noscript`, `form`, `template`, `iframe`, `svg`) are skipped; the paragraphs are the block
//! elements `p`, `li`, `h2`–`h6`, `blockquote`, `pre`, `td`, `th`, `dd`, `dt`, `figcaption` in
//! document order (a block inside another gives its own paragraph, and the text around it
//! gives others). The title is the first `<h1>` outside the furniture, else `<title>`, else an
//! `<h1>` inside a header; metadata comes from `<meta name="author|description|date|keywords">`,
//! `<meta property="article:published_time|article:author|og:site_name">` and
//! `<link rel="canonical">`.

use crate::lines::collapse_whitespace;
use crate::sidecar::Sidecar;
use scraper::{ElementRef, Html, Node};

/// Elements whose content is never text of the document.
const SKIPPED: [&str; 11] =
    ["nav", "header", "footer", "aside", "script", "style", "noscript", "form", "template", "iframe", "svg"];
/// Elements each of which is a paragraph (`h1` is the title).
const BLOCKS: [&str; 14] =
    ["p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th", "dd", "dt", "figcaption"];

/// What an HTML page gives: title, metadata (as from a sidecar), paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlPage {
    /// The page's title, when it has one.
    pub title: Option<String>,
    /// Metadata from `<meta>` and `<link rel="canonical">`.
    pub meta: Sidecar,
    /// Dates in `<meta>` tags that could not be read (for a warning).
    pub bad_dates: Vec<String>,
    /// The text, one string per block element.
    pub paragraphs: Vec<String>,
}

/// How deep elements may be nested in a page (real pages stay under a hundred or so). The
/// HTML parser slows down with the square of the nesting depth (20,000 nested `<div>`s take
/// seconds), so a deeper page is refused before it is parsed.
pub const MAX_DEPTH: usize = 4096;

/// Elements not counted in the nesting depth: those without an end tag, and those whose end
/// tag may be left out (a page of 10,000 unclosed `<p>`s is not deep).
const NOT_NESTING: [&str; 34] = [
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption",
    "rb", "rt", "rtc", "rp", "html", "head", "body", "br", "img", "meta", "link", "input", "hr", "area", "base", "col",
    "embed", "param", "source", "wbr",
];

/// The line (from 1) where the elements of `source` first nest deeper than [`MAX_DEPTH`], if
/// they do: a linear scan of the tags (comments, scripts and styles skipped), an estimate of
/// the depth the parser would build.
pub fn too_deep(source: &str) -> Option<usize> {
    let b = source.as_bytes();
    let (mut i, mut depth, mut line) = (0, 0usize, 1);
    let name_at = |from: usize| {
        let end = b[from..].iter().position(|c| !c.is_ascii_alphanumeric()).map_or(b.len(), |n| from + n);
        source[from..end].to_ascii_lowercase()
    };
    let skip_to = |from: usize, pattern: &str| {
        let lower = pattern.as_bytes();
        b[from..].windows(lower.len()).position(|w| w.eq_ignore_ascii_case(lower)).map_or(b.len(), |n| from + n)
    };
    while i < b.len() {
        match b[i] {
            b'\n' => line += 1,
            b'<' if b[i + 1..].starts_with(b"!--") => {
                let end = skip_to(i + 4, "-->");
                line += source[i..end].matches('\n').count();
                i = end;
            }
            b'<' if b.get(i + 1) == Some(&b'/') => {
                let name = name_at(i + 2);
                if !name.is_empty() && !NOT_NESTING.contains(&name.as_str()) {
                    depth = depth.saturating_sub(1);
                }
            }
            b'<' if b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => {
                let name = name_at(i + 1);
                let close = skip_to(i, ">");
                let self_closing = close > 0 && b.get(close - 1) == Some(&b'/');
                if name == "script" || name == "style" {
                    let end = skip_to(close, &format!("</{name}"));
                    line += source[i..end].matches('\n').count();
                    i = end;
                    continue;
                }
                if !self_closing && !NOT_NESTING.contains(&name.as_str()) {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(line);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Parses an HTML page.
pub fn parse_html(source: &str) -> HtmlPage {
    let html = Html::parse_document(source);
    let root = html.root_element();
    let mut page = HtmlPage::default();

    let mut walker = Walker::default();
    walker.walk(root, false);
    walker.flush();
    let title_tag = root
        .descendent_elements()
        .find(|e| e.value().name() == "title")
        .map(|e| collapse_whitespace(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    let header_h1 = root
        .descendent_elements()
        .find(|e| e.value().name() == "h1")
        .map(|e| collapse_whitespace(&text_of(e)))
        .filter(|t| !t.is_empty());
    page.title = walker.h1.clone().or(title_tag).or(header_h1);
    page.paragraphs = walker.paragraphs;

    for e in root.descendent_elements() {
        let el = e.value();
        let content = || el.attr("content").map(collapse_whitespace).filter(|c| !c.is_empty());
        let key = match el.name() {
            "meta" => el.attr("name").or(el.attr("property")).map(str::to_lowercase),
            "link" if el.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                if let Some(href) = el.attr("href").map(str::trim).filter(|h| !h.is_empty()) {
                    page.meta.url.get_or_insert_with(|| href.to_string());
                }
                None
            }
            _ => None,
        };
        let (Some(key), Some(value)) = (key, content()) else { continue };
        match key.as_str() {
            "author" | "article:author" => {
                page.meta.author.get_or_insert(value);
            }
            "og:site_name" => {
                page.meta.outlet.get_or_insert(value);
            }
            "description" | "keywords" => {
                page.meta.fields.entry(key.clone()).or_insert(value);
            }
            "date" | "article:published_time" | "dc.date" | "dcterms.date" if page.meta.date.is_none() => {
                match crate::sidecar::parse_date_value(&value) {
                    Ok(d) => page.meta.date = Some(d),
                    Err(_) => page.bad_dates.push(value),
                }
            }
            _ => {}
        }
    }
    page
}

/// The text of an element, skipping scripts and styles inside it. Iterative (an explicit
/// stack, no recursion): a page of 200,000 nested elements is read like any other.
fn text_of(e: ElementRef<'_>) -> String {
    enum Part<'a> {
        Node(ego_tree::NodeRef<'a, Node>),
        Space,
    }
    let mut out = String::new();
    let mut stack: Vec<Part<'_>> = e.children().rev().map(Part::Node).collect();
    while let Some(part) = stack.pop() {
        let node = match part {
            Part::Space => {
                out.push(' ');
                continue;
            }
            Part::Node(node) => node,
        };
        match node.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(el) if !matches!(el.name(), "script" | "style" | "noscript" | "template") => {
                // " " children " ", in document order: pushed in reverse.
                out.push(' ');
                stack.push(Part::Space);
                stack.extend(node.children().rev().map(Part::Node));
            }
            _ => {}
        }
    }
    out
}

/// Collects paragraphs in document order.
#[derive(Default)]
struct Walker {
    /// The first `h1` outside the furniture.
    h1: Option<String>,
    paragraphs: Vec<String>,
    /// Text of the block being read.
    current: String,
}

/// What the walker does next (its work list stands in for recursion, so that nesting depth
/// costs no stack).
enum Job<'a> {
    /// Read the children of an element, inside a block or not.
    Walk(ElementRef<'a>, bool),
    /// Text of a block.
    Text(&'a str),
    /// A space between the text of elements.
    Space,
    /// End the paragraph being read.
    Flush,
    /// An `h1`: the title, if it is the first.
    Heading(ElementRef<'a>),
}

impl Walker {
    fn walk(&mut self, root: ElementRef<'_>, in_block: bool) {
        let mut jobs = vec![Job::Walk(root, in_block)];
        while let Some(job) = jobs.pop() {
            match job {
                Job::Walk(e, in_block) => {
                    let mut todo = Vec::new();
                    for child in e.children() {
                        Self::plan(child, in_block, &mut todo);
                    }
                    jobs.extend(todo.into_iter().rev());
                }
                Job::Text(t) => self.current.push_str(t),
                Job::Space => self.current.push(' '),
                Job::Flush => self.flush(),
                Job::Heading(h) => {
                    self.flush();
                    let text = collapse_whitespace(&text_of(h));
                    if self.h1.is_none() && !text.is_empty() {
                        self.h1 = Some(text);
                    }
                }
            }
        }
    }

    /// The jobs for one child, in document order.
    fn plan<'a>(child: ego_tree::NodeRef<'a, Node>, in_block: bool, todo: &mut Vec<Job<'a>>) {
        match child.value() {
            Node::Text(t) if in_block => todo.push(Job::Text(t)),
            Node::Element(el) => {
                let Some(c) = ElementRef::wrap(child) else { return };
                let name = el.name();
                if SKIPPED.contains(&name) {
                } else if name == "h1" {
                    todo.push(Job::Heading(c));
                } else if BLOCKS.contains(&name) {
                    todo.extend([Job::Flush, Job::Walk(c, true), Job::Flush]);
                } else if name == "br" {
                    todo.push(Job::Space);
                } else {
                    // Inline elements run on in the block; block-level containers (div,
                    // section, …) separate the text around them.
                    let inline = is_inline(name);
                    let separate = in_block && !inline;
                    if separate {
                        todo.push(Job::Flush);
                    }
                    if !inline {
                        todo.push(Job::Space);
                    }
                    todo.push(Job::Walk(c, in_block));
                    if separate {
                        todo.push(Job::Flush);
                    }
                }
            }
            _ => {}
        }
    }

    fn flush(&mut self) {
        let text = collapse_whitespace(&std::mem::take(&mut self.current));
        if text.chars().any(char::is_alphanumeric) && self.paragraphs.last() != Some(&text) {
            self.paragraphs.push(text);
        }
    }
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "dfn"
            | "em"
            | "i"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
            | "wbr"
            | "del"
            | "ins"
            | "font"
            | "label"
            | "img"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!doctype html><html><head><title>Lanterns | The Site</title>
<meta name="author" content="Ann Example"><meta name="description" content="About  lanterns.">
<meta property="article:published_time" content="2024-03-01T10:00:00Z">
<link rel="canonical" href="https://example.org/lanterns">
<style>p { color: red }</style><script>var x = "scriptword";</script></head>
<body><header><a href="/">The Site</a><h1>Site header</h1></header>
<nav><ul><li>Home</li><li>About</li></ul></nav>
<main><article><h1>The <em>lanternfish</em></h1>
<p>First paragraph with <a href="#">a link</a> and &amp; an entity.</p>
<div>loose text is not a paragraph</div>
<ul><li>Item one<ul><li>Nested item</li></ul></li></ul>
<blockquote><p>Quoted words.</p></blockquote>
<table><tr><td>Cell A</td><td>Cell B</td></tr></table>
<h2>A section</h2><pre>code   block</pre>
<form><p>Subscribe now</p></form><noscript><p>Enable JS</p></noscript>
</article></main><aside><p>Related stories</p></aside><footer><p>© 2024</p></footer>
<script>document.write("nope")</script></body></html>"##;

    #[test]
    fn page_text_title_and_meta() {
        let page = parse_html(PAGE);
        assert_eq!(page.title.as_deref(), Some("The lanternfish"));
        assert_eq!(
            page.paragraphs,
            [
                "First paragraph with a link and & an entity.",
                "Item one",
                "Nested item",
                "Quoted words.",
                "Cell A",
                "Cell B",
                "A section",
                "code block"
            ]
        );
        assert_eq!(page.meta.author.as_deref(), Some("Ann Example"));
        assert_eq!(page.meta.date.map(|d| d.to_string()).as_deref(), Some("2024-03-01"));
        assert_eq!(page.meta.url.as_deref(), Some("https://example.org/lanterns"));
        assert_eq!(page.meta.fields["description"], "About lanterns.");
    }

    #[test]
    fn title_falls_back_to_the_title_tag() {
        let page = parse_html("<html><head><title> Only  a title </title></head><body><p>Text.</p></body></html>");
        assert_eq!(page.title.as_deref(), Some("Only a title"));
        assert_eq!(page.paragraphs, ["Text."]);
        let page = parse_html("<header><h1>Header title</h1></header><p>Text.</p><meta name=date content=someday>");
        assert_eq!(page.title.as_deref(), Some("Header title"));
        assert_eq!(page.bad_dates, ["someday"]);
    }

    /// Found by review: the walk recursed once per nesting level, and 100,000 nested `<div>`s
    /// overflowed the stack and aborted the build. The walk is iterative now: the deepest page
    /// the parser is given is read, on a test thread's small stack, to the text at the bottom
    /// (deeper ones are refused, see [`too_deep`]); inline elements nest without limit.
    #[test]
    fn deeply_nested_pages_are_read() {
        let n = MAX_DEPTH;
        let page = format!("<title>Deep</title>{}<p>the bottom</p>{}", "<div>".repeat(n), "</div>".repeat(n));
        let p = parse_html(&page);
        assert_eq!(p.title.as_deref(), Some("Deep"));
        assert_eq!(p.paragraphs, ["the bottom"]);
        let page = format!(
            "<h1>{}deep title{}</h1><p>{}text{}</p>",
            "<b>".repeat(n),
            "</b>".repeat(n),
            "<i>".repeat(n),
            "</i>".repeat(n)
        );
        let p = parse_html(&page);
        assert_eq!((p.title.as_deref(), p.paragraphs), (Some("deep title"), vec!["text".to_string()]));
    }

    #[test]
    fn nesting_is_measured_without_counting_open_ended_elements() {
        let deep = |n: usize, tag: &str| format!("<title>Deep</title>\n{}<p>x", format!("<{tag}>").repeat(n));
        assert_eq!(too_deep(&deep(MAX_DEPTH, "div")), None);
        assert_eq!(too_deep(&deep(MAX_DEPTH + 1, "div")), Some(2));
        assert_eq!(too_deep(&format!("{}</div>", "<div></div>\n".repeat(100_000))), None);
        // Unclosed paragraphs, list items, cells, void and self-closing elements do not nest.
        for tag in ["p", "li", "td", "br", "img", "span/"] {
            assert_eq!(too_deep(&deep(100_000, tag)), None, "{tag}");
        }
        // Tags in comments, scripts and styles are not counted.
        let hidden = format!(
            "<!--{}-->\n<script>{}</script><style>{}</style>",
            "<div>".repeat(5000),
            "<div>".repeat(5000),
            "<b>".repeat(5000)
        );
        assert_eq!(too_deep(&hidden), None);
    }
}
