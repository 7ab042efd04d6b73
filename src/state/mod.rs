//! The app's one state and its reducer.
//!
//! Every change goes through an [`Action`]: the view the URL mirrors ([`State::view`]), the
//! reader's current hit, the notices, and the page's own state ([`Ui`]: theme, drawer, dialog,
//! results shown, update available). [`State::history`] tells the URL effect whether the
//! change is a new step in the browser history (push), a refinement of the current one
//! (replace, e.g. each keystroke of a query), or came from the history itself (none).

pub mod ui;

use explorer_core::api::CorpusInfo;
use explorer_core::facets::{Facet, Filters};
use explorer_core::matching::Matching;
use explorer_core::search::Sort;
use explorer_core::view_state::{Change, Theme, View, ViewState, MAX_QUERY_CHARS};
use std::rc::Rc;
pub use ui::{Dialog, Ui, SHOWN};
use yew::Reducible;

/// How a state change is written to the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryWrite {
    /// A new history entry (a new view).
    Push,
    /// Overwrite the current entry (typing, or fixing up a URL).
    Replace,
    /// Leave the history alone (the change came from back/forward, or is not in the URL).
    None,
}

/// Everything the page shows that is not derived from the corpus.
#[derive(Clone, PartialEq)]
pub struct State {
    /// What the corpus is (to check URL values against).
    pub info: Rc<CorpusInfo>,
    /// Query, filters, open document, view and settings: what the URL holds.
    pub view: ViewState,
    /// The current hit in the reader (0-based, wraps around).
    pub hit: usize,
    /// How the reader marks the query: as the search reads it (none), or as the analysis view
    /// whose line opened it matched words, so that the line's hit is the reader's.
    pub reader_matching: Option<Matching>,
    /// Messages about the URL or the last action, shown until the next action.
    pub notices: Vec<String>,
    /// How the last change goes into the browser history.
    pub history: HistoryWrite,
    /// The page's own state.
    pub ui: Ui,
    /// The last action was an edit of the query (so the next one replaces the history entry).
    typing: bool,
}

/// Something a person (or the browser history, the host page, the service worker) did.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The query box changed (a keystroke).
    SetQuery(String),
    /// A whole new query was chosen (a suggestion, an example, a correction): a new history entry.
    PickQuery(String),
    /// Look up a query in a view (an n-gram searched as a phrase, a word of a cloud in the
    /// concordance): a new history entry.
    QueryIn(String, View),
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
    /// Open a document in the reader at a given hit (from a concordance line), marking the
    /// query's words as the view matched them.
    OpenHit(String, usize),
    /// Open a document at a hit of a term of the comparison (which becomes the query).
    OpenTermHit(String, usize, String),
    /// Show another tab.
    SetView(View),
    /// Change a setting of the analysis views.
    Change(Change),
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
    /// Show more results.
    ShowMore,
    /// The theme switch chose a theme.
    SetTheme(Theme),
    /// Open (true) or close the filters drawer.
    SetDrawer(bool),
    /// Open a dialog (closing any other).
    OpenDialog(Dialog),
    /// Close the dialog.
    CloseDialog,
    /// A newer build of the app is installed and waiting.
    UpdateAvailable,
}

impl State {
    /// The state a URL query string describes, with notices about anything in it that was
    /// ignored; `stored_theme` is the theme remembered from an earlier visit.
    pub fn new(info: Rc<CorpusInfo>, query_string: &str, stored_theme: Theme) -> State {
        let (mut view, mut notices) = ViewState::from_query_string(query_string);
        notices.extend(info.validate(&mut view));
        State {
            info,
            view,
            hit: 0,
            reader_matching: None,
            notices,
            history: HistoryWrite::Replace,
            ui: Ui::new(stored_theme),
            typing: false,
        }
    }

    /// The id of the document shown in the reader, when the reader is the tab shown.
    pub fn reader_doc(&self) -> Option<&str> {
        (self.view.view == View::Reader).then_some(self.view.doc.as_deref()).flatten()
    }

    /// Applies an action (the pure heart of the reducer).
    pub fn apply(&self, action: Action) -> State {
        let mut next = self.clone();
        next.notices.clear();
        next.history = HistoryWrite::Push;
        next.typing = false;
        let (query, filters, sort) = (&self.view.query, &self.view.filters, self.view.sort);
        match action {
            Action::SetQuery(q) => {
                next.history = if self.typing { HistoryWrite::Replace } else { HistoryWrite::Push };
                next.typing = true;
                next.view.query = q.chars().take(MAX_QUERY_CHARS).collect();
                next.hit = 0;
            }
            Action::PickQuery(q) => {
                next.view.query = q.chars().take(MAX_QUERY_CHARS).collect();
                next.hit = 0;
                next.ui.dialog = None;
            }
            Action::QueryIn(q, view) => {
                next.view.query = q.chars().take(MAX_QUERY_CHARS).collect();
                next.view.view = if view == View::Reader && next.view.doc.is_none() { View::Search } else { view };
                next.view.analysis.page = 1;
                next.hit = 0;
                next.ui.dialog = None;
            }
            Action::SetSort(sort) => next.view.sort = sort,
            Action::SetFilter(facet, value, on) => next.view.filters.set(facet, &value, on),
            Action::ClearFilters => next.view.filters = Filters::default(),
            Action::SetFilters(f) => {
                next.view.filters = f;
                next.notices = next.info.validate(&mut next.view);
            }
            Action::OpenDoc(id) => {
                let mut opened = self.apply(Action::OpenHit(id, 0));
                opened.reader_matching = None;
                return opened;
            }
            Action::OpenHit(id, hit) => {
                next.view.doc = Some(id);
                next.view.view = View::Reader;
                next.hit = hit;
                next.reader_matching = Some(self.view.analysis.matching);
                next.notices = next.info.validate(&mut next.view);
            }
            Action::OpenTermHit(id, hit, term) => {
                next.view.query = term.chars().take(MAX_QUERY_CHARS).collect();
                return next.apply(Action::OpenHit(id, hit));
            }
            Action::SetView(view) => {
                next.view.view = if view == View::Reader && next.view.doc.is_none() { View::Search } else { view };
                next.view.analysis.page = 1;
            }
            Action::Change(change) => next.view.change(change),
            Action::CloseDoc => {
                next.view.doc = None;
                next.view.view = View::Search;
                next.reader_matching = None;
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
                // Start over, but stay embedded (or not) as the page was opened, on its corpus.
                next.view = ViewState {
                    presentation: self.view.presentation.clone(),
                    corpus: self.view.corpus.clone(),
                    ..ViewState::default()
                };
                next.hit = 0;
            }
            Action::Restore(qs) => {
                let mut restored = State::new(self.info.clone(), &qs, self.ui.stored_theme);
                restored.ui = Ui { dialog: None, drawer: false, shown: SHOWN, ..self.ui.clone() };
                restored.history = HistoryWrite::None;
                return restored;
            }
            page_action => {
                next.history = HistoryWrite::None;
                next.ui.apply(page_action);
            }
        }
        // A new query, new filters or a new order start from the first results again.
        if next.view.query != *query || next.view.filters != *filters || next.view.sort != sort {
            next.ui.shown = SHOWN;
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
mod tests;
