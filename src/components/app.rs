//! The root component: loads the corpus (with a progress bar), then shows the explorer, or
//! why the corpus could not be loaded.

use crate::components::explorer::Explorer;
use crate::engine::protocol::Progress;
use crate::load::{self, Loading};
use yew::prelude::*;

/// The app.
#[component]
pub fn App() -> Html {
    let loading = use_state(|| Loading::Starting);
    {
        let loading = loading.clone();
        use_effect_with((), move |_| load::follow(move |step| loading.set(step)));
    }
    match &*loading {
        Loading::Ready(client) => html! { <Explorer client={client.clone()} /> },
        Loading::Failed(message) => html! {
            <main id="app" class="load-error">
                <h1>{ "Corpus Explorer" }</h1>
                <p role="alert">{ message.clone() }</p>
                if load::corpus_in_use().is_some() {
                    <p><a id="open-built-in" href="?">{ "Open the explorer's own corpus" }</a></p>
                }
            </main>
        },
        step => {
            let percent = (step.fraction() * 100.0).round().clamp(0.0, 100.0) as u32;
            let label = match step {
                Loading::Starting => "Starting the search engine…".to_owned(),
                Loading::Progress(Progress::Fetching { loaded, .. }) => {
                    format!("Downloading the corpus… {:.1} MB", loaded / 1e6)
                }
                Loading::Progress(Progress::Reading { done, total }) => {
                    format!("Reading {done} of {total} documents…")
                }
                Loading::Progress(Progress::Indexing { done, total }) => {
                    format!("Indexing {done} of {total} documents…")
                }
                _ => String::new(),
            };
            html! {
                <main id="app" class="loading" aria-busy="true">
                    <h1>{ "Corpus Explorer" }</h1>
                    <label for="load-progress">{ label }</label>
                    <progress id="load-progress" max="100" value={percent.to_string()}>{ format!("{percent}%") }</progress>
                </main>
            }
        }
    }
}
