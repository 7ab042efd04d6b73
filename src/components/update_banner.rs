//! "A new version is available — reload", while the service worker has a newer build waiting.

use crate::context::use_app;
use crate::offline::reload_to_update;
use yew::prelude::*;

/// The update banner (nothing while there is no newer build).
#[component]
pub fn UpdateBanner() -> Html {
    if !use_app().is_some_and(|app| app.state.ui.update_available) {
        return html! {};
    }
    html! {
        <div id="update-banner" class="update-banner" role="status">
            { "A new version is available — " }
            <button id="update-reload" type="button" onclick={|_: MouseEvent| reload_to_update()}>{ "reload" }</button>
        </div>
    }
}
