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

/// The text of an element, skipping scripts and styles inside it.
fn text_of(e: ElementRef<'_>) -> String {
    let mut out = String::new();
    for child in e.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(el) if !matches!(el.name(), "script" | "style" | "noscript" | "template") => {
                if let Some(c) = ElementRef::wrap(child) {
                    out.push(' ');
                    out.push_str(&text_of(c));
                    out.push(' ');
                }
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

impl Walker {
    fn walk(&mut self, e: ElementRef<'_>, in_block: bool) {
        for child in e.children() {
            match child.value() {
                Node::Text(t) if in_block => self.current.push_str(t),
                Node::Element(el) => {
                    let Some(c) = ElementRef::wrap(child) else { continue };
                    let name = el.name();
                    if SKIPPED.contains(&name) {
                        continue;
                    }
                    if name == "h1" {
                        self.flush();
                        let text = collapse_whitespace(&text_of(c));
                        if self.h1.is_none() && !text.is_empty() {
                            self.h1 = Some(text);
                        }
                    } else if BLOCKS.contains(&name) {
                        self.flush();
                        self.walk(c, true);
                        self.flush();
                    } else if name == "br" {
                        self.current.push(' ');
                    } else {
                        // Inline elements run on in the block; block-level containers
                        // (div, section, …) separate the text around them.
                        let inline = is_inline(name);
                        if in_block && !inline {
                            self.flush();
                        }
                        self.current.push_str(if inline { "" } else { " " });
                        self.walk(c, in_block);
                        if in_block && !inline {
                            self.flush();
                        }
                    }
                }
                _ => {}
            }
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
}
