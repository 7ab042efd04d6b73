//! The message protocol between an embedded explorer (in an iframe) and its host page.
//!
//! Every message is a JSON object with `source`, `version` and `type`. The explorer sends
//! (`source: "corpus-explorer"`):
//!
//! | type | fields | when |
//! |---|---|---|
//! | `ready` | `view`, `query`, `results`, `documents` | the explorer has loaded |
//! | `query` | `query`, `results` | the query or filters changed (`results`: documents matching) |
//! | `document` | `id`, `title` | a document was opened in the reader |
//! | `resize` | `height` | the content's height changed (pixels), for the host to size the iframe |
//!
//! The host may send (`source: "corpus-explorer-host"`), and is obeyed only when its origin is
//! listed in the embed URL's `origins` parameter:
//!
//! | type | fields |
//! |---|---|
//! | `setQuery` | `query` (string) |
//! | `setFilters` | `filters`: object of facet → list of values (`{"outlet": ["RT"]}`); replaces all filters |
//! | `openDocument` | `id` (document id) |
//!
//! Anything else is ignored (with a console warning).

use crate::facets::{Facet, Filters};
use crate::view_state::{Presentation, Theme, View, ViewState};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The protocol version; a message with another version is refused.
pub const VERSION: u32 = 1;
/// The `source` of the explorer's messages.
pub const SOURCE: &str = "corpus-explorer";
/// The `source` a host's commands must carry.
pub const HOST_SOURCE: &str = "corpus-explorer-host";

/// A message from the explorer to its host.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Outgoing {
    /// The explorer has loaded.
    Ready {
        /// The view shown (`search`, `concordance`, …).
        view: String,
        /// The query.
        query: String,
        /// Documents matching the query and filters.
        results: usize,
        /// Documents in the corpus.
        documents: usize,
    },
    /// The query or the filters changed.
    Query {
        /// The query.
        query: String,
        /// Documents matching the query and filters.
        results: usize,
    },
    /// A document was opened in the reader.
    Document {
        /// Its id.
        id: String,
        /// Its title.
        title: String,
    },
    /// The content's height in pixels.
    Resize {
        /// Height in CSS pixels.
        height: u32,
    },
}

#[derive(Serialize)]
struct Envelope<'a> {
    source: &'static str,
    version: u32,
    #[serde(flatten)]
    message: &'a Outgoing,
}

impl Outgoing {
    /// The message as JSON, with `source` and `version`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&Envelope { source: SOURCE, version: VERSION, message: self })
            .unwrap_or_else(|_| "{}".to_owned())
    }
}

/// A command from the host page.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Replace the query.
    SetQuery(String),
    /// Replace all filters.
    SetFilters(Filters),
    /// Open a document in the reader.
    OpenDocument(String),
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
enum Raw {
    SetQuery { source: String, version: u32, query: String },
    SetFilters { source: String, version: u32, filters: BTreeMap<String, Vec<String>> },
    OpenDocument { source: String, version: u32, id: String },
}

/// Reads a host command from its JSON form, or says why it is not one.
pub fn parse_command(json: &str) -> Result<Command, String> {
    let raw: Raw = serde_json::from_str(json).map_err(|e| format!("not a command: {e}"))?;
    let (source, version) = match &raw {
        Raw::SetQuery { source, version, .. }
        | Raw::SetFilters { source, version, .. }
        | Raw::OpenDocument { source, version, .. } => (source.as_str(), *version),
    };
    if source != HOST_SOURCE {
        return Err(format!("source must be \"{HOST_SOURCE}\""));
    }
    if version != VERSION {
        return Err(format!("version {version} is not supported (this is version {VERSION})"));
    }
    Ok(match raw {
        Raw::SetQuery { query, .. } => {
            Command::SetQuery(query.chars().take(crate::view_state::MAX_QUERY_CHARS).collect())
        }
        Raw::OpenDocument { id, .. } => Command::OpenDocument(id),
        Raw::SetFilters { filters, .. } => {
            let mut f = Filters::default();
            for (key, values) in filters {
                let facet = Facet::from_param(&key).ok_or_else(|| format!("unknown facet \"{key}\""))?;
                for v in values {
                    f.add(facet.clone(), v);
                }
            }
            Command::SetFilters(f)
        }
    })
}

/// Size presets of an embed: label, width (pixels, or a percentage), height in pixels.
pub const SIZES: [(&str, &str, u32); 4] =
    [("Small", "480", 360), ("Medium", "720", 540), ("Large", "960", 720), ("Full width", "100%", 640)];

/// How a person wants the embed of a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbedOptions {
    /// One of [`SIZES`], by number.
    pub size: usize,
    /// Light, dark or auto.
    pub theme: Theme,
    /// Show the search box.
    pub search_box: bool,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions { size: 1, theme: Theme::Auto, search_box: true }
    }
}

/// What the embed dialog offers to copy for a view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippets {
    /// The embedded explorer's address.
    pub src: String,
    /// An `<iframe>` showing it.
    pub iframe: String,
    /// The one line for `embed.js`: the script and a `div` describing the view.
    pub script: String,
}

/// Escapes text for an HTML attribute value in double quotes.
pub fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The snippets embedding `view` (the reader only when it is the tab shown) as `options` say,
/// for the explorer served at `base_url` (its address without a query string).
pub fn snippets(view: &ViewState, base_url: &str, options: EmbedOptions) -> Snippets {
    let mut embedded = view.clone();
    if embedded.view != View::Reader {
        embedded.doc = None;
    }
    embedded.presentation =
        Presentation { embed: true, search_box: options.search_box, theme: options.theme, origins: Vec::new() };
    let src = format!("{base_url}{}", embedded.to_query_string());
    let (_, width, height) = SIZES[options.size.min(SIZES.len() - 1)];
    let iframe = format!(
        "<iframe src=\"{}\" width=\"{width}\" height=\"{height}\" title=\"Corpus Explorer\" loading=\"lazy\" style=\"border:1px solid #ccc;border-radius:8px\"></iframe>",
        attr_escape(&src)
    );
    let mut data_attrs = format!(" data-view=\"{}\"", embedded.view.key());
    if !embedded.query.is_empty() {
        data_attrs.push_str(&format!(" data-query=\"{}\"", attr_escape(&embedded.query)));
    }
    // One attribute per facet, its values separated by `|`, named as embed.js reads it:
    // `data-outlet`, …, and `data-filter-NAME` for a field of the corpus's own.
    let mut facets: Vec<(&Facet, Vec<&str>)> = Vec::new();
    for (facet, value) in embedded.filters.pairs() {
        match facets.last_mut() {
            Some((f, values)) if *f == facet => values.push(value),
            _ => facets.push((facet, vec![value])),
        }
    }
    for (facet, values) in facets {
        let name = match facet {
            Facet::Field(name) => format!("filter-{name}"),
            built_in => built_in.key().to_owned(),
        };
        data_attrs.push_str(&format!(" data-{}=\"{}\"", attr_escape(&name), attr_escape(&values.join("|"))));
    }
    if let Some(doc) = &embedded.doc {
        data_attrs.push_str(&format!(" data-doc=\"{}\"", attr_escape(doc)));
    }
    // The view's settings (`term`, `a`, `b`, `by`, …) as URL parameters, which embed.js
    // passes on as they are.
    let settings = ViewState { analysis: embedded.analysis.clone(), ..ViewState::default() }.to_query_string();
    if let Some(settings) = settings.strip_prefix('?') {
        data_attrs.push_str(&format!(" data-settings=\"{}\"", attr_escape(settings)));
    }
    if options.theme != Theme::Auto {
        data_attrs.push_str(&format!(" data-theme=\"{}\"", options.theme.key()));
    }
    if !options.search_box {
        data_attrs.push_str(" data-searchbox=\"0\"");
    }
    let script = format!(
        "<script src=\"{}\" async></script><div data-corpus-explorer{data_attrs}></div>",
        attr_escape(&format!("{}embed.js", base_url.trim_end_matches("index.html")))
    );
    Snippets { src, iframe, script }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outgoing_messages_carry_source_and_version() {
        let m = Outgoing::Query { query: "stalin".into(), results: 4 };
        assert_eq!(
            m.to_json(),
            r#"{"source":"corpus-explorer","version":1,"type":"query","query":"stalin","results":4}"#
        );
        let r = Outgoing::Ready { view: "search".into(), query: String::new(), results: 5, documents: 5 };
        assert!(r.to_json().contains(r#""type":"ready""#));
    }

    #[test]
    fn commands() {
        let q = parse_command(r#"{"source":"corpus-explorer-host","version":1,"type":"setQuery","query":"lenin"}"#);
        assert_eq!(q, Ok(Command::SetQuery("lenin".into())));
        let f = parse_command(
            r#"{"source":"corpus-explorer-host","version":1,"type":"setFilters","filters":{"outlet":["RT"],"year":["2025"]}}"#,
        )
        .unwrap();
        let Command::SetFilters(f) = f else { panic!("filters") };
        assert!(f.is_selected(Facet::Outlet, "RT") && f.is_selected(Facet::Year, "2025"));
        let d = parse_command(r#"{"source":"corpus-explorer-host","version":1,"type":"openDocument","id":"001"}"#);
        assert_eq!(d, Ok(Command::OpenDocument("001".into())));
    }

    #[test]
    fn bad_commands_are_refused_with_a_reason() {
        for (json, why) in [
            (r#"{"source":"x","version":1,"type":"setQuery","query":"a"}"#, "source"),
            (r#"{"source":"corpus-explorer-host","version":2,"type":"setQuery","query":"a"}"#, "version 2"),
            (r#"{"source":"corpus-explorer-host","version":1,"type":"drop","query":"a"}"#, "not a command"),
            (r#"{"source":"corpus-explorer-host","version":1,"type":"setQuery"}"#, "not a command"),
            (
                r#"{"source":"corpus-explorer-host","version":1,"type":"setFilters","filters":{"q":["red"]}}"#,
                "unknown facet \"q\"",
            ),
            ("<script>", "not a command"),
            ("null", "not a command"),
        ] {
            let e = parse_command(json).unwrap_err();
            assert!(e.contains(why), "{json}: {e}");
        }
    }

    #[test]
    fn the_script_snippet_carries_the_view_s_settings() {
        let (view, _) = ViewState::from_query_string("?view=compare&a=outlet%3Art&b=kind%3A%22blog+post%22&by=year");
        let s = snippets(&view, "https://e.org/x/", EmbedOptions::default());
        assert!(
            s.script.contains(" data-settings=\"by=year&amp;a=outlet%3Art&amp;b=kind%3A%22blog+post%22\""),
            "{}",
            s.script
        );
        assert!(!snippets(&ViewState::default(), "https://e.org/x/", EmbedOptions::default())
            .script
            .contains("data-settings"));
    }

    #[test]
    fn snippets_embed_exactly_the_view_shown() {
        let (mut view, _) =
            ViewState::from_query_string("?q=a%22b&outlet=RT&doc=x&view=concordance&origins=https://h.example");
        let s = snippets(&view, "https://e.org/x/index.html", EmbedOptions::default());
        assert_eq!(s.src, "https://e.org/x/index.html?q=a%22b&outlet=RT&view=concordance&embed=1");
        assert!(s.iframe.starts_with("<iframe src=\"https://e.org/x/index.html?q=a%22b&amp;outlet=RT&amp;view=concordance&amp;embed=1\" width=\"720\" height=\"540\""));
        assert!(s.script.starts_with("<script src=\"https://e.org/x/embed.js\" async></script>"));
        assert!(s.script.ends_with(
            "<div data-corpus-explorer data-view=\"concordance\" data-query=\"a&quot;b\" data-outlet=\"RT\"></div>"
        ));
        // Several values of a facet are one attribute; a field of the corpus's own is read by
        // embed.js as data-filter-NAME.
        let (many, _) = ViewState::from_query_string("?outlet=RT&outlet=Blog&party=Whig&party=Tory");
        let s = snippets(&many, "/", EmbedOptions::default());
        assert!(s.script.contains(" data-outlet=\"Blog|RT\" data-filter-party=\"Tory|Whig\""), "{}", s.script);
        view.view = View::Reader;
        let s = snippets(&view, "/", EmbedOptions { size: 9, theme: Theme::Dark, search_box: false });
        assert!(s.src.contains("doc=x") && s.src.contains("theme=dark&searchbox=0"), "{}", s.src);
        assert!(s.iframe.contains("width=\"100%\" height=\"640\""));
        assert!(s.script.contains("data-doc=\"x\" data-theme=\"dark\" data-searchbox=\"0\""));
    }
}
