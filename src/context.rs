//! What every component of the explorer can reach: the engine's client and the one state
//! (to read it and to dispatch intents).

use crate::engine::client::Client;
use crate::state::{Action, State};
use explorer_core::api::ViewRequest;
use explorer_core::view_state::View;
use yew::prelude::*;

/// The engine and the state, provided by the explorer to everything inside it.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    /// The engine.
    pub client: Client,
    /// The state and its reducer.
    pub state: UseReducerHandle<State>,
}

impl AppContext {
    /// Dispatches an intent.
    pub fn dispatch(&self, action: Action) {
        self.state.dispatch(action);
    }

    /// A callback dispatching the action `f` makes of its argument.
    pub fn callback<T: 'static>(&self, f: impl Fn(T) -> Action + 'static) -> Callback<T> {
        let dispatch = self.state.dispatcher();
        Callback::from(move |v: T| dispatch.dispatch(f(v)))
    }

    /// What the analysis view `view` is asked to show for the query once typing rests.
    pub fn view_request(&self, view: View, settled_query: &str) -> ViewRequest {
        let v = &self.state.view;
        ViewRequest {
            view,
            query: settled_query.to_owned(),
            filters: v.filters.clone(),
            analysis: v.analysis.clone(),
            open_doc: v.doc.clone(),
        }
    }
}

/// The explorer's context (`None` outside the explorer).
#[hook]
pub fn use_app() -> Option<AppContext> {
    use_context::<AppContext>()
}
