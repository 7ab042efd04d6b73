//! The address bar mirrors the view; back/forward restore it. Notices also go to the console.

use crate::state::{Action, State};
use crate::url;
use gloo::events::EventListener;
use yew::prelude::*;

/// Writes the view to the URL after each change and restores it on back/forward.
#[hook]
pub fn use_url(state: &UseReducerHandle<State>) {
    use_effect_with((state.view.clone(), state.history), |(view, how)| url::write(view, *how));
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
            let qs = url::current_query_string();
            // Another corpus: the page loads it afresh (its engine holds one corpus).
            if crate::load::corpus_of(&qs) != crate::load::corpus_in_use() {
                let _ = gloo::utils::window().location().reload();
                return;
            }
            dispatch.dispatch(Action::Restore(qs));
        });
        move || drop(listener)
    });
    use_effect_with(state.notices.clone(), |notices| {
        for n in notices {
            gloo::console::warn!(n.clone());
        }
    });
}
