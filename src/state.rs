//! The app's one state and its reducer.
//!
//! Every change goes through an [`Action`]; the URL mirrors [`State::view`], and
//! [`State::history`] tells the URL effect whether the change is a new step in
//! the browser history (push), a refinement of the current one (replace, e.g.
//! each keystroke of a query), or came from the history itself (none).

use crate::engine::EngineRef;
use explorer_core::facets::{Facet, Filters};
use explorer_core::search::Sort;
use explorer_core::view_state::{Analysis, View, ViewState, MAX_QUERY_CHARS};
use std::rc::Rc;
use yew::Reducible;

/// How a state change is written to the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryWrite {
    /// A new history entry (a new view).
    Push,
    /// Overwrite the current entry (typing, or fixing up a URL).
    Replace,
    /// Leave the history alone (the change came from back/forward).
    None,
}

/// Everything the page shows that is not derived from the corpus.
#[derive(Clone)]
pub struct State {
    /// The corpus being explored.
    pub engine: EngineRef,
    /// Query, filters and open document: what the URL holds.
    pub view: ViewState,
    /// The current hit in the reader (0-based, wraps around).
    pub hit: usize,
    /// Messages about the URL or the last action, shown until the next action.
    pub notices: Vec<String>,
    /// How the last change goes into the browser history.
    pub history: HistoryWrite,
    /// The last action was an edit of the query (so the next one replaces the history entry).
    typing: bool,
}

/// Something a person (or the browser history) did.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The query box changed (a keystroke).
    SetQuery(String),
    /// A whole new query was chosen (a suggestion, an example, a correction): a new history entry.
    PickQuery(String),
    /// The order of the results changed.
    SetSort(Sort),
    /// A facet value was ticked (true) or unticked (false).
    SetFilter(Facet, String, bool),
    /// Clear every filter.
    ClearFilters,
    /// Replace all filters (a host page's command).
    SetFilters(Filters),
    /// Open a document in the reader.
    OpenDoc(String),
    /// Open a document in the reader at a given hit (from a concordance line).
    OpenHit(String, usize),
    /// Show another tab.
    SetView(View),
    /// Change the analysis views' settings.
    SetAnalysis(Analysis),
    /// Close the reader and go back to the results.
    CloseDoc,
    /// Move to the next hit of `count` in the reader.
    NextHit(usize),
    /// Move to the previous hit of `count` in the reader.
    PrevHit(usize),
    /// Back/forward reached a URL: show its view (query string given).
    Restore(String),
    /// Start over: no query, no filters, no document (a new history entry).
    Reset,
}

impl State {
    /// The state a URL query string describes, with notices about anything in it that was ignored.
    pub fn from_url(engine: EngineRef, query_string: &str) -> State {
        let (view, notices) = ViewState::from_query_string(query_string);
        let mut state = State { engine, view, hit: 0, notices, history: HistoryWrite::Replace, typing: false };
        state.validate();
        state
    }

    /// Drops filter values and document ids the corpus does not have, noting each.
    fn validate(&mut self) {
        let notes = self.view.filters.retain_known(&self.engine.facets);
        self.notices.extend(notes);
        if let Some(id) = &self.view.doc {
            if self.engine.corpus.position(id).is_none() {
                self.notices
                    .push(format!("There is no document “{id}” in this corpus; showing the search results instead."));
                self.view.doc = None;
            }
        }
    }

    /// The position of the document shown in the reader, when the reader is the tab shown.
    pub fn reader_doc(&self) -> Option<usize> {
        (self.view.view == View::Reader).then(|| self.open_doc()).flatten()
    }

    /// The position of the open document in the corpus.
    pub fn open_doc(&self) -> Option<usize> {
        self.view.doc.as_deref().and_then(|id| self.engine.corpus.position(id))
    }

    /// Applies an action (the pure heart of the reducer).
    pub fn apply(&self, action: Action) -> State {
        let mut next = self.clone();
        next.notices.clear();
        next.history = HistoryWrite::Push;
        next.typing = false;
        match action {
            Action::SetQuery(q) => {
                let q: String = q.chars().take(MAX_QUERY_CHARS).collect();
                next.history = if self.typing { HistoryWrite::Replace } else { HistoryWrite::Push };
                next.typing = true;
                next.view.query = q;
                next.hit = 0;
            }
            Action::PickQuery(q) => {
                next.view.query = q.chars().take(MAX_QUERY_CHARS).collect();
                next.hit = 0;
            }
            Action::SetSort(sort) => next.view.sort = sort,
            Action::SetFilter(facet, value, on) => next.view.filters.set(facet, &value, on),
            Action::ClearFilters => next.view.filters = Default::default(),
            Action::SetFilters(f) => {
                next.view.filters = f;
                next.validate();
            }
            Action::OpenDoc(id) => {
                next.view.doc = Some(id);
                next.view.view = View::Reader;
                next.hit = 0;
                next.validate();
            }
            Action::OpenHit(id, hit) => {
                next.view.doc = Some(id);
                next.view.view = View::Reader;
                next.hit = hit;
                next.validate();
            }
            Action::SetView(view) => {
                next.view.view = if view == View::Reader && next.view.doc.is_none() { View::Search } else { view };
                next.view.analysis.page = 1;
            }
            Action::SetAnalysis(a) => next.view.analysis = a,
            Action::CloseDoc => {
                next.view.doc = None;
                next.view.view = View::Search;
            }
            Action::NextHit(count) => {
                next.history = HistoryWrite::None;
                next.hit = if count == 0 { 0 } else { (self.hit + 1) % count };
            }
            Action::PrevHit(count) => {
                next.history = HistoryWrite::None;
                next.hit = if count == 0 { 0 } else { (self.hit + count - 1) % count };
            }
            Action::Reset => {
                // Start over, but stay embedded (or not) as the page was opened.
                next.view = ViewState { presentation: self.view.presentation.clone(), ..ViewState::default() };
                next.hit = 0;
            }
            Action::Restore(qs) => {
                let mut restored = State::from_url(self.engine.clone(), &qs);
                restored.history = HistoryWrite::None;
                return restored;
            }
        }
        next
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorer_core::search::Engine;
    use explorer_core::{Corpus, Document};

    fn engine() -> EngineRef {
        let doc = |id: &str, outlet: &str| Document {
            outlet: Some(outlet.into()),
            kind: "news".into(),
            ..Document::new(id, id, vec!["Stalin".into()])
        };
        let corpus = Corpus::new("t", vec![doc("a", "RT"), doc("b", "Blog")]);
        EngineRef(Rc::new(Engine::new(corpus)))
    }

    #[test]
    fn typing_replaces_history_after_the_first_keystroke() {
        let s = State::from_url(engine(), "");
        let s = s.apply(Action::SetQuery("s".into()));
        assert_eq!(s.history, HistoryWrite::Push);
        let s = s.apply(Action::SetQuery("st".into()));
        assert_eq!(s.history, HistoryWrite::Replace);
        let s = s.apply(Action::OpenDoc("a".into()));
        assert_eq!(s.history, HistoryWrite::Push);
        let s = s.apply(Action::SetQuery("sta".into()));
        assert_eq!(s.history, HistoryWrite::Push);
    }

    #[test]
    fn bad_url_values_are_dropped_with_notices() {
        let s = State::from_url(engine(), "?q=x&outlet=Nope&doc=zzz&foo=1");
        assert_eq!(s.view.query, "x");
        assert!(s.view.filters.is_empty());
        assert_eq!(s.view.doc, None);
        assert_eq!(s.notices.len(), 3, "{:?}", s.notices);
        // The next action clears them.
        assert!(s.apply(Action::SetQuery("y".into())).notices.is_empty());
    }

    #[test]
    fn picked_queries_and_sort_are_new_history_entries() {
        let s = State::from_url(engine(), "").apply(Action::SetQuery("st".into()));
        let s = s.apply(Action::PickQuery("stalin ".into()));
        assert_eq!((s.history, s.view.query.as_str()), (HistoryWrite::Push, "stalin "));
        let s = s.apply(Action::SetSort(Sort::Title));
        assert_eq!((s.history, s.view.sort), (HistoryWrite::Push, Sort::Title));
        // Typing after a pick starts a new entry, then refines it.
        let s = s.apply(Action::SetQuery("stalin l".into()));
        assert_eq!(s.history, HistoryWrite::Push);
    }

    #[test]
    fn views_and_hits() {
        let s = State::from_url(engine(), "?q=stalin");
        let s = s.apply(Action::SetView(View::Concordance));
        assert_eq!(s.view.view, View::Concordance);
        assert_eq!(s.view.to_query_string(), "?q=stalin&view=concordance");
        let s = s.apply(Action::OpenHit("b".into(), 2));
        assert_eq!((s.view.view, s.hit, s.reader_doc()), (View::Reader, 2, Some(1)));
        // The reader tab needs a document.
        let s = s.apply(Action::CloseDoc).apply(Action::SetView(View::Reader));
        assert_eq!(s.view.view, View::Search);
    }

    #[test]
    fn hits_wrap_around() {
        let s = State::from_url(engine(), "?doc=a");
        let s = s.apply(Action::PrevHit(3));
        assert_eq!(s.hit, 2);
        let s = s.apply(Action::NextHit(3));
        assert_eq!(s.hit, 0);
        assert_eq!(s.apply(Action::NextHit(0)).hit, 0);
    }

    #[test]
    fn restore_does_not_write_history() {
        let s = State::from_url(engine(), "").apply(Action::Restore("?q=stalin&outlet=RT".into()));
        assert_eq!(s.history, HistoryWrite::None);
        assert_eq!(s.view.query, "stalin");
        assert!(s.view.filters.is_selected(Facet::Outlet, "RT"));
    }
}
