//! The URL parameters: one table ([`PARAMS`]) drives reading a query string, writing one,
//! and the names the app reserves (which a corpus's metadata field can never take).
//!
//! Reading never fails: unknown parameters, repeated single-valued ones, malformed
//! percent-encoding and over-long or out-of-range values are read as well as they can be and
//! reported as short warnings for the page to show.

use super::settings::{clip_chars, Chart, Target, MAX_SIDE_CHARS, MAX_TERMS, MAX_TERM_CHARS, MIN_FREQ, WIDTH, WINDOW};
use super::{clip, decode, encode, normalize_origin, Theme, View, ViewState, MAX_QUERY_CHARS};
use crate::analysis::collocates::CollocateSort;
use crate::analysis::concordance::KwicSort;
use crate::analysis::ngrams::N_BOUNDS;
use crate::analysis::trends::Period;
use crate::analysis::wordlist::WordSort;
use crate::analysis::Unit;
use crate::facets::Facet;
use crate::matching::Matching;
use crate::search::Sort;

/// A query string being read.
pub struct Reading {
    /// The view read so far.
    state: ViewState,
    /// The last `view` value (resolved against `doc` at the end).
    view: Option<View>,
    /// Single-valued parameters met already (`q`, `doc`: the first one counts).
    seen: Vec<&'static str>,
    /// What was ignored or cut, for the page to show.
    warnings: Vec<String>,
}

/// One URL parameter of the app.
pub struct Param {
    /// Its name in the URL.
    pub key: &'static str,
    /// Reads a (decoded) value into the state, or warns.
    read: fn(&mut Reading, &str),
    /// The values to write for a state (none when it is the default; several for `term`).
    write: fn(&ViewState) -> Vec<String>,
}

/// Names the preprocessor's known metadata keys take, which are never facets of their own.
const KNOWN_KEYS: [&str; 2] = ["id", "title"];

/// A parameter whose value is one of a fixed list (`all`, each written as `name` gives it),
/// written only when not `default`; any other value is ignored with a warning listing them.
macro_rules! choice {
    ($key:literal, $($field:ident).+, $all:expr, $name:expr, $default:expr) => {
        Param {
            key: $key,
            read: |r, v| {
                if let Some(x) = r.choice($key, v, &$all, $name) {
                    r.state.$($field).+ = x;
                }
            },
            write: |s| unless_default(s.$($field).+, $default, $name),
        }
    };
}

/// A number parameter within `bounds`, written only when not `default`; any other value is
/// ignored with a warning giving the bounds.
macro_rules! number {
    ($key:literal, $($field:ident).+, $bounds:expr, $default:expr) => {
        Param {
            key: $key,
            read: |r, v| {
                if let Some(n) = r.bounded($key, v, $bounds) {
                    r.state.$($field).+ = n;
                }
            },
            write: |s| unless_default(s.$($field).+, $default, |n| n.to_string()),
        }
    };
}

/// Every parameter of the app, in the order they are written (the facet filters follow `q`).
pub const PARAMS: &[Param] = &[
    Param { key: "q", read: read_query, write: |s| non_empty(&s.query) },
    Param {
        key: "sort",
        read: |r, v| match Sort::from_key(v.trim()) {
            Some(sort) => r.state.sort = sort,
            None => r.warn(format!(
                "Unknown sort order “{}” was ignored (use {}).",
                clip(v, 40),
                Sort::ALL.map(Sort::key).join(", ")
            )),
        },
        write: |s| unless_default(s.sort, Sort::Relevance, |x| x.key().into()),
    },
    Param { key: "doc", read: read_doc, write: |s| s.doc.iter().cloned().collect() },
    Param {
        key: "view",
        read: |r, v| match View::from_key(v.trim()) {
            Some(view) => r.view = Some(view),
            None => r.warn(format!(
                "Unknown view “{}” was ignored (use {}).",
                clip(v, 40),
                View::ALL.map(View::key).join(", ")
            )),
        },
        // The reader is implied by `doc`; search is the default.
        write: |s| {
            let implied = if s.doc.is_some() { View::Reader } else { View::Search };
            unless_default(s.view, implied, |v| v.key().into())
        },
    },
    number!("width", analysis.width, WIDTH, 6),
    choice!("ksort", analysis.kwic_sort, KwicSort::ALL, KwicSort::key, KwicSort::Document),
    number!("page", analysis.page, (1, 1_000_000), 1),
    choice!("unit", analysis.unit, [Unit::Form, Unit::Stem], |u: Unit| u.key().to_owned(), Unit::Form),
    choice!("stop", analysis.show_stopwords, [false, true], |b| if b { "show" } else { "hide" }.to_owned(), false),
    choice!("wsort", analysis.words_sort, WordSort::ALL, |w: WordSort| w.key().to_owned(), WordSort::Count),
    Param {
        key: "wfilter",
        read: |r, v| r.state.analysis.words_filter = clip(v.trim(), MAX_TERM_CHARS),
        write: |s| non_empty(&s.analysis.words_filter),
    },
    Param {
        key: "stopadd",
        read: |r, v| r.state.analysis.stop_add = word_list(v),
        write: |s| non_empty(&s.analysis.stop_add.join(",")),
    },
    Param {
        key: "stopdel",
        read: |r, v| r.state.analysis.stop_del = word_list(v),
        write: |s| non_empty(&s.analysis.stop_del.join(",")),
    },
    Param {
        key: "target",
        read: |r, v| match Target::from_key(v.trim()) {
            Some(t) => r.state.analysis.target = Some(target_clipped(t)),
            None => r.warn(format!(
                "“{}” is not a valid target (use doc:ID, outlet:NAME or kind:NAME); it was ignored.",
                clip(v.trim(), 40)
            )),
        },
        write: |s| s.analysis.target.iter().map(Target::key).collect(),
    },
    number!("left", analysis.left, WINDOW, 5),
    number!("right", analysis.right, WINDOW, 5),
    number!("min", analysis.min_freq, MIN_FREQ, 3),
    choice!(
        "csort",
        analysis.coll_sort,
        CollocateSort::ALL,
        |c: CollocateSort| c.key().to_owned(),
        CollocateSort::LogDice
    ),
    Param { key: "term", read: read_term, write: |s| s.analysis.terms.clone() },
    choice!("chart", analysis.chart, [Chart::Line, Chart::Bar], |c: Chart| c.key().to_owned(), Chart::Line),
    Param { key: "by", read: read_by, write: |s| unless_default(&s.analysis.by, &Period::Doc, |p| p.key().to_owned()) },
    choice!("match", analysis.matching, Matching::ALL, |m: Matching| m.key().to_owned(), Matching::Form),
    Param {
        key: "a",
        read: |r, v| r.state.analysis.side_a = clip(v.trim(), MAX_SIDE_CHARS),
        write: |s| non_empty(&s.analysis.side_a),
    },
    Param {
        key: "b",
        read: |r, v| r.state.analysis.side_b = clip(v.trim(), MAX_SIDE_CHARS),
        write: |s| non_empty(&s.analysis.side_b),
    },
    number!("n", analysis.n, N_BOUNDS, 2),
    choice!("nquery", analysis.ngram_query, [false, true], flag, false),
    choice!("nstop", analysis.ngram_drop_stop, [false, true], |b| if b { "drop" } else { "keep" }.to_owned(), false),
    choice!("cloud", analysis.cloud, [false, true], flag, false),
    choice!("embed", presentation.embed, [false, true], flag, false),
    Param {
        key: "theme",
        read: |r, v| {
            r.state.presentation.theme = Theme::from_key(v.trim()).unwrap_or_else(|| {
                r.warn(format!("Unknown theme “{}” was ignored (use light, dark or auto).", clip(v, 40)));
                Theme::Auto
            })
        },
        write: |s| unless_default(s.presentation.theme, Theme::Auto, |t| t.key().into()),
    },
    choice!("searchbox", presentation.search_box, [false, true], flag, true),
    Param { key: "origins", read: read_origins, write: |s| non_empty(&s.presentation.origins.join(",")) },
    Param { key: "corpus", read: read_corpus, write: |s| s.corpus.iter().cloned().collect() },
];

/// True when `key` is a URL parameter of the app (or a known document key): a corpus's
/// metadata field of that name can never be a facet in the URL.
pub fn is_reserved(key: &str) -> bool {
    PARAMS.iter().any(|p| p.key == key) || KNOWN_KEYS.contains(&key) || Facet::from_key(key).is_some()
}

/// The names of every parameter of the app, in table order.
pub fn names() -> impl Iterator<Item = &'static str> {
    PARAMS.iter().map(|p| p.key)
}

fn flag(on: bool) -> String {
    if on { "1" } else { "0" }.into()
}

fn non_empty(s: &str) -> Vec<String> {
    if s.is_empty() {
        Vec::new()
    } else {
        vec![s.to_owned()]
    }
}

fn unless_default<T: PartialEq>(value: T, default: T, key: impl Fn(T) -> String) -> Vec<String> {
    if value == default {
        Vec::new()
    } else {
        vec![key(value)]
    }
}

/// Comma-separated words, folded and trimmed, without empties (at most 200).
fn word_list(value: &str) -> Vec<String> {
    // Trimmed after folding: folding drops combining marks, which can bare a space (" \u{301}").
    value.split(',').map(|w| crate::normalize::fold(w).trim().to_owned()).filter(|w| !w.is_empty()).take(200).collect()
}

fn target_clipped(t: Target) -> Target {
    let c = |v: String| clip(&v, 200);
    match t {
        Target::Doc(v) => Target::Doc(c(v)),
        Target::Outlet(v) => Target::Outlet(c(v)),
        Target::Kind(v) => Target::Kind(c(v)),
    }
}

fn read_query(r: &mut Reading, value: &str) {
    if r.first("q") {
        let mut q = value.to_owned();
        if q.chars().count() > MAX_QUERY_CHARS {
            q = clip_chars(&q, MAX_QUERY_CHARS);
            r.warn(format!("The query in the URL was cut to {MAX_QUERY_CHARS} characters."));
        }
        r.state.query = q;
    } else {
        r.warn("The URL has more than one query (q); the first was used.".into());
    }
}

fn read_doc(r: &mut Reading, value: &str) {
    if r.state.doc.is_some() {
        r.warn("The URL names more than one document (doc); the first was used.".into());
    } else if !value.trim().is_empty() {
        r.state.doc = Some(clip(value.trim(), 200));
    }
}

fn read_term(r: &mut Reading, value: &str) {
    let t = clip(value.trim(), MAX_TERM_CHARS);
    let terms = &mut r.state.analysis.terms;
    if t.is_empty() || terms.contains(&t) {
    } else if terms.len() == MAX_TERMS {
        r.warn(format!("At most {MAX_TERMS} terms are compared; “{t}” was ignored."));
    } else {
        terms.push(t);
    }
}

/// `by`: `doc`, `year`, `month` or the name of a metadata field (whether the corpus has it is
/// checked once the corpus is known, by `CorpusInfo::validate`).
fn read_by(r: &mut Reading, value: &str) {
    match Period::from_key(value.trim()) {
        Some(Period::Field(name)) if Facet::from_param(&name).is_none() => r.warn(format!(
            "“{}” is not a period or a metadata field (use doc, year, month or a field's name); it was ignored.",
            clip(&name, 40)
        )),
        Some(by) => r.state.analysis.by = by,
        None => r.warn("The trends' period (by) was empty; each document is shown.".into()),
    }
}

fn read_corpus(r: &mut Reading, value: &str) {
    let id = value.trim();
    if !r.first("corpus") {
        r.warn("The URL names more than one corpus (corpus); the first was used.".into());
    } else if crate::corpora::is_id(id) {
        r.state.corpus = Some(id.to_owned());
    } else if !id.is_empty() {
        r.warn(format!(
            "“{}” is not the name of a corpus (corpus= takes the id of a corpus added in this browser); the built-in corpus is shown.",
            clip(id, 40)
        ));
    }
}

fn read_origins(r: &mut Reading, value: &str) {
    for o in value.split(',').map(str::trim).filter(|o| !o.is_empty()).take(20) {
        if let Some(origin) = normalize_origin(o) {
            if !r.state.presentation.origins.contains(&origin) {
                r.state.presentation.origins.push(origin);
            }
        } else {
            r.warn(format!("“{}” is not an origin (https://host[:port]); it was ignored.", clip(o, 60)));
        }
    }
}

impl Reading {
    fn warn(&mut self, message: String) {
        self.warnings.push(message);
    }

    /// True the first time a single-valued parameter is met.
    fn first(&mut self, key: &'static str) -> bool {
        if self.seen.contains(&key) {
            false
        } else {
            self.seen.push(key);
            true
        }
    }

    /// A number within bounds, or a warning.
    fn bounded<T: std::str::FromStr + PartialOrd + std::fmt::Display + Copy>(
        &mut self,
        key: &str,
        value: &str,
        (lo, hi): (T, T),
    ) -> Option<T> {
        match value.trim().parse::<T>() {
            Ok(v) if v >= lo && v <= hi => Some(v),
            _ => {
                self.warn(format!("“{}” is not a valid {key} (use {lo}–{hi}); it was ignored.", clip(value, 40)));
                None
            }
        }
    }

    /// One of a fixed list of values (named by `name`), or a warning listing them.
    fn choice<T: Copy>(&mut self, key: &str, value: &str, all: &[T], name: impl Fn(T) -> String) -> Option<T> {
        let v = value.trim();
        let found = all.iter().copied().find(|&x| name(x) == v);
        if found.is_none() {
            let names: Vec<String> = all.iter().map(|&x| name(x)).collect();
            self.warn(format!("Unknown {key} “{}” was ignored (use {}).", clip(value, 40), names.join(", ")));
        }
        found
    }
}

/// Reads a URL query string (with or without the leading `?`).
pub fn read(qs: &str) -> (ViewState, Vec<String>) {
    let mut r = Reading { state: ViewState::default(), view: None, seen: Vec::new(), warnings: Vec::new() };
    for pair in qs.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, key_ok) = decode(raw_key);
        let (value, value_ok) = decode(raw_value);
        if !key_ok || !value_ok {
            r.warn(format!(
                "The URL parameter “{}” was not properly encoded; it was read as well as possible.",
                clip(&key, 40)
            ));
        }
        if key.is_empty() {
            continue;
        }
        if let Some(param) = PARAMS.iter().find(|p| p.key == key) {
            (param.read)(&mut r, &value);
        } else if let Some(facet) = Facet::from_param(&key) {
            if !value.trim().is_empty() {
                r.state.filters.add(facet, clip(value.trim(), 200));
            }
        } else {
            r.warn(format!("Unknown URL parameter “{}” was ignored.", clip(&key, 40)));
        }
    }
    let mut state = r.state;
    state.view = match r.view {
        Some(View::Reader) if state.doc.is_none() => {
            r.warnings.push("The reader needs a document (doc); showing the search results.".into());
            View::Search
        }
        Some(v) => v,
        None if state.doc.is_some() => View::Reader,
        None => View::Search,
    };
    (state, r.warnings)
}

/// Writes the query string of a view (with a leading `?`, or empty for the default view).
pub fn write(state: &ViewState) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (i, param) in PARAMS.iter().enumerate() {
        for value in (param.write)(state) {
            parts.push(format!("{}={}", param.key, encode(&value)));
        }
        // The facet filters come right after the query.
        if i == 0 {
            for (facet, value) in state.filters.pairs() {
                parts.push(format!("{}={}", encode(facet.key()), encode(value)));
            }
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facets::is_field_name;

    #[test]
    fn the_app_s_parameters_are_never_field_names() {
        for name in names().chain(["id", "title", "outlet", "kind", "year", "person"]) {
            assert!(is_reserved(name) && !is_field_name(name), "{name}");
        }
        assert!(is_field_name("party") && !is_reserved("party"));
        // One entry a name.
        let mut all: Vec<&str> = names().collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), PARAMS.len());
    }

    #[test]
    fn every_setting_is_written_only_when_not_the_default_and_reads_back() {
        assert_eq!(write(&ViewState::default()), "");
        let mut s = ViewState { query: "a*b ~c".into(), ..Default::default() };
        s.analysis.width = 9;
        s.analysis.page = 3;
        s.analysis.show_stopwords = true;
        s.analysis.words_filter = "x".into();
        s.analysis.stop_add = vec!["said".into()];
        s.analysis.stop_del = vec!["the".into()];
        s.analysis.target = Some(Target::Doc("a&b=c".into()));
        s.analysis.right = 2;
        s.analysis.by = Period::Field("party".into());
        s.analysis.matching = Matching::Stem;
        s.analysis.side_a = "outlet:rt -putin".into();
        s.analysis.side_b = "year:2020..2022".into();
        s.analysis.n = 4;
        s.analysis.ngram_query = true;
        s.analysis.ngram_drop_stop = true;
        s.analysis.cloud = true;
        s.presentation.embed = true;
        s.presentation.search_box = false;
        s.presentation.theme = Theme::Dark;
        s.corpus = Some("my-letters-1f".into());
        let qs = write(&s);
        assert!(qs.ends_with("&corpus=my-letters-1f"), "{qs}");
        assert!(qs.starts_with("?q=a*b+%7Ec&width=9&page=3&stop=show&wfilter=x"), "{qs}");
        assert_eq!(read(&qs), (s, Vec::new()));
    }

    #[test]
    fn bad_values_name_what_is_allowed() {
        let (s, w) = read("?by=%3Cb%3E&match=lemma&n=7&nstop=x");
        assert_eq!(s.analysis, crate::view_state::Analysis::default());
        assert!(w[0].contains("“<b>” is not a period or a metadata field"), "{w:?}");
        assert_eq!(w[1], "Unknown match “lemma” was ignored (use form, stem).");
        assert_eq!(w[2], "“7” is not a valid n (use 2–6); it was ignored.");
        assert_eq!(w[3], "Unknown nstop “x” was ignored (use keep, drop).");
        assert_eq!(read("?by=year").0.analysis.by, Period::Year);
        let (_, w) = read("?wsort=zz&ksort=l4&chart=pie&unit=lemma");
        assert_eq!(w[0], "Unknown wsort “zz” was ignored (use count, docs, alpha).");
        assert_eq!(w[1], "Unknown ksort “l4” was ignored (use doc, kw, l1, l2, l3, r1, r2, r3).");
        assert_eq!(w[2], "Unknown chart “pie” was ignored (use line, bar).");
        assert_eq!(w[3], "Unknown unit “lemma” was ignored (use form, stem).");
    }

    #[test]
    fn a_corpus_is_named_by_an_id_only() {
        assert_eq!(read("?corpus=letters-3a").0.corpus.as_deref(), Some("letters-3a"));
        for bad in ["?corpus=../x", "?corpus=%3Cb%3E", "?corpus=A"] {
            let (s, w) = read(bad);
            assert_eq!(s.corpus, None, "{bad}");
            assert!(w[0].contains("is not the name of a corpus"), "{w:?}");
        }
        let (s, w) = read("?corpus=a&corpus=b");
        assert_eq!((s.corpus.as_deref(), w.len()), (Some("a"), 1));
        assert_eq!(read("?corpus=").0.corpus, None);
    }
}
