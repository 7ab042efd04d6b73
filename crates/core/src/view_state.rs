//! The view a URL describes: query, filters and open document.
//!
//! Parsing never fails: unknown parameters, repeated single-valued ones,
//! malformed percent-encoding and over-long values are read as well as they
//! can be and reported as short warnings for the page to show.

use crate::facets::{Facet, Filters};
use crate::search::Sort;

/// Longest query kept from a URL, in characters.
pub const MAX_QUERY_CHARS: usize = 5000;

/// What a person is looking at; the app's URL mirrors it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    /// The query as typed.
    pub query: String,
    /// Selected facet values.
    pub filters: Filters,
    /// Id of the document open in the reader.
    pub doc: Option<String>,
    /// Order of the results.
    pub sort: Sort,
}

impl ViewState {
    /// Reads a URL query string (with or without the leading `?`).
    pub fn from_query_string(qs: &str) -> (ViewState, Vec<String>) {
        let mut state = ViewState::default();
        let mut warnings = Vec::new();
        let mut seen_q = false;
        for pair in qs.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, key_ok) = decode(raw_key);
            let (mut value, value_ok) = decode(raw_value);
            if !key_ok || !value_ok {
                warnings.push(format!(
                    "The URL parameter “{}” was not properly encoded; it was read as well as possible.",
                    clip(&key, 40)
                ));
            }
            match key.as_str() {
                "" => {}
                "q" => {
                    if seen_q {
                        warnings.push("The URL has more than one query (q); the first was used.".into());
                        continue;
                    }
                    seen_q = true;
                    if value.chars().count() > MAX_QUERY_CHARS {
                        value = value.chars().take(MAX_QUERY_CHARS).collect();
                        warnings.push(format!("The query in the URL was cut to {MAX_QUERY_CHARS} characters."));
                    }
                    state.query = value;
                }
                "sort" => match Sort::from_key(value.trim()) {
                    Some(sort) => state.sort = sort,
                    None => warnings.push(format!(
                        "Unknown sort order “{}” was ignored (use relevance, newest, oldest or title).",
                        clip(&value, 40)
                    )),
                },
                "doc" => {
                    if state.doc.is_some() {
                        warnings.push("The URL names more than one document (doc); the first was used.".into());
                    } else if !value.trim().is_empty() {
                        state.doc = Some(clip(value.trim(), 200));
                    }
                }
                other => match Facet::from_key(other) {
                    Some(facet) => {
                        if !value.trim().is_empty() {
                            state.filters.add(facet, clip(value.trim(), 200));
                        }
                    }
                    None => warnings.push(format!("Unknown URL parameter “{}” was ignored.", clip(other, 40))),
                },
            }
        }
        (state, warnings)
    }

    /// The URL query string for this view (with a leading `?`, or empty for the default view).
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        if !self.query.is_empty() {
            parts.push(format!("q={}", encode(&self.query)));
        }
        for (facet, value) in self.filters.pairs() {
            parts.push(format!("{}={}", facet.key(), encode(value)));
        }
        if self.sort != Sort::Relevance {
            parts.push(format!("sort={}", self.sort.key()));
        }
        if let Some(doc) = &self.doc {
            parts.push(format!("doc={}", encode(doc)));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// Decodes `application/x-www-form-urlencoded` text. Returns the text and whether it was well formed;
/// bad `%` sequences are kept literally and invalid UTF-8 becomes U+FFFD.
pub fn decode(s: &str) -> (String, bool) {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut ok = true;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => {
                        ok = false;
                        out.push(b'%');
                    }
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(s) => (s, ok),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), false),
    }
}

/// Encodes text for a URL query value (unreserved characters kept, space as `+`).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn round_trip() {
        let mut s =
            ViewState {
                query: "Сталин & \"union state\"".into(), doc: Some("001_x".into()), ..Default::default()
            };
        s.filters.add(Facet::Outlet, "RT");
        s.filters.add(Facet::Person, "Stalin");
        let qs = s.to_query_string();
        let (back, warnings) = ViewState::from_query_string(&qs);
        assert_eq!(back, s);
        assert!(warnings.is_empty());
        assert_eq!(ViewState::default().to_query_string(), "");
    }

    #[test]
    fn reads_repeated_filters() {
        let (s, w) = ViewState::from_query_string("?q=stalin&outlet=RT&outlet=Politsturm&year=2025");
        assert!(w.is_empty());
        assert_eq!(s.query, "stalin");
        assert_eq!(s.filters.selected(Facet::Outlet).collect::<Vec<_>>(), ["Politsturm", "RT"]);
        assert!(s.filters.is_selected(Facet::Year, "2025"));
    }

    #[test]
    fn odd_urls_give_warnings_not_errors() {
        let (s, w) = ViewState::from_query_string("?foo=bar&q=%E0%A4%A&&=&doc=");
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w.iter().any(|m| m.contains("foo")));
        assert!(s.query.ends_with("%A"));
        assert_eq!(s.doc, None);
        let (s, w) = ViewState::from_query_string("q=a&q=b");
        assert_eq!(s.query, "a");
        assert_eq!(w.len(), 1);
        let long = format!("q={}", "x".repeat(6000));
        let (s, w) = ViewState::from_query_string(&long);
        assert_eq!(s.query.len(), MAX_QUERY_CHARS);
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn sort_order() {
        let (s, w) = ViewState::from_query_string("?sort=title");
        assert_eq!((s.sort, w.len()), (Sort::Title, 0));
        let (s, w) = ViewState::from_query_string("?sort=sideways");
        assert_eq!((s.sort, w.len()), (Sort::Relevance, 1));
        assert_eq!(ViewState { sort: Sort::Newest, ..Default::default() }.to_query_string(), "?sort=newest");
    }

    #[test]
    fn decode_handles_plus_and_utf8() {
        assert_eq!(decode("a+b%20c"), ("a b c".to_string(), true));
        assert_eq!(decode("%D0%A1%D1%82"), ("Ст".to_string(), true));
        assert!(!decode("%FF").1);
        assert_eq!(decode("%zz"), ("%zz".to_string(), false));
    }

    proptest! {
        #[test]
        fn any_query_string_parses(qs in "\\PC{0,200}") {
            let _ = ViewState::from_query_string(&qs);
        }

        #[test]
        fn encode_decode_round_trip(s in "\\PC{0,60}") {
            prop_assert_eq!(decode(&encode(&s)), (s, true));
        }
    }
}
