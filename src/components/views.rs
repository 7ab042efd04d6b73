//! The analysis views, one file each, and what they share.

pub mod cloud;
pub mod collocates;
pub mod compare;
pub mod concordance;
pub mod distribution;
pub mod keyness;
pub mod ngrams;
pub mod periods;
pub mod summary;
pub mod terms;
pub mod trends;
pub mod words;

use crate::context::{use_app, AppContext};
use crate::hooks::use_engine::use_view;
use crate::hooks::use_focus::use_pending_focus;
use crate::state::Action;
use explorer_core::analysis::Unit;
use explorer_core::api::{ViewAnswer, ViewData, ViewRequest};
use explorer_core::matching::Matching;
use explorer_core::view_state::{Change, View};
use yew::prelude::*;

/// What every analysis view is given: what it is to show.
#[derive(Properties, PartialEq, Clone)]
pub struct ViewProps {
    /// The view, the query once typing rests, the filters and the settings.
    pub request: ViewRequest,
}

/// An analysis view: asks the engine what the view shows for the request and renders it.
#[component]
pub fn AnalysisView(props: &ViewProps) -> Html {
    let app = use_app();
    let answer = use_view(app.as_ref().map(|a| &a.client), props.request.clone());
    use_pending_focus();
    // While the engine works on this request, the latest answer stays shown, marked busy,
    // with a line that says so (shown after a moment, so quick answers do not flash it).
    let busy = !answer.current;
    let working = busy.then(|| {
        // The stage is announced (it changes a few times); the percentage is the bar's value.
        let stage = answer.progress.map(|w| format!(": {}", w.stage.label())).unwrap_or_default();
        let previous = if answer.value.is_some() { " What is shown below answers the previous request." } else { "" };
        html! {
            <div id="view-working" class="view-working">
                <p role="status">{ format!("Working on it{stage}…{previous}") }</p>
                if let Some(w) = answer.progress {
                    <progress id="view-progress" max="100" value={w.percent().to_string()}
                        aria-label="Progress of the view's computation"></progress>
                }
            </div>
        }
    });
    let shown = match (app, answer.value) {
        (Some(app), Some(answer)) => view_of(&app, &props.request, &answer),
        _ => html! {},
    };
    html! {
        <div id="view-body" class="view-body" aria-busy={busy.to_string()}>
            { for working }
            { shown }
        </div>
    }
}

/// The view of an answer, under the notes on how its query and terms were read.
fn view_of(app: &AppContext, r: &ViewRequest, answer: &ViewAnswer) -> Html {
    let app = app.clone();
    let view = match &answer.data {
        ViewData::NeedsQuery if r.view == View::Collocates => needs_query(&app, r, "collocates"),
        ViewData::NeedsQuery => needs_query(&app, r, "concordance"),
        ViewData::Concordance(c) => concordance::view(&app, r, c),
        ViewData::Words(w) => words::view(&app, r, w),
        ViewData::Keyness(k) => keyness::view(&app, r, k),
        ViewData::Collocates(c) => collocates::view(&app, r, c),
        ViewData::Distribution(series) => distribution::view(&app, r, series),
        ViewData::Trends { terms, points } => trends::view(&app, r, terms, points),
        ViewData::Periods { terms, by, periods } => periods::view(&app, r, terms, by, periods),
        ViewData::NeedsSides => compare::needs_sides(&app, r),
        ViewData::Compare(c) => compare::view(&app, r, c),
        ViewData::Ngrams(n) => ngrams::view(&app, r, n),
        ViewData::Summary(s) => summary::view(&app, r, s),
        ViewData::None => html! {},
    };
    html! {
        <>
            if !answer.notes.is_empty() {
                <ul id="view-notes" class="notices view-notes">
                    { for answer.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                </ul>
            }
            { view }
        </>
    }
}

/// How the analysis views match a query's words (`match=form|stem`): a menu, and a line saying
/// which is in force.
pub fn match_menu(app: &AppContext, m: Matching) -> Html {
    let options = [(Matching::Form, "the word's own form"), (Matching::Stem, "every form of its stem")]
        .map(|(m, text)| (m.key().to_owned(), text.to_owned()));
    let onchange = app.callback(|e: Event| {
        Action::Change(Change::Matching(Matching::from_key(&field_value(&e)).unwrap_or_default()))
    });
    let said = match m {
        Matching::Form => "Counting each word as written (case and accents aside; a possessive ’s counts as the word); end a word with * for every word it begins.",
        Matching::Stem => "Counting every form of each word's stem, as the search does (stalin: Stalin, Stalinism, …).",
    };
    html! {
        <div class="match-mode">
            { menu("Match ", "match-mode", options, m.key(), onchange) }
            <p class="hint" id="match-said">{ said }</p>
        </div>
    }
}

/// The value of the `<select>` or `<input>` an event came from.
pub fn field_value(e: &Event) -> String {
    use wasm_bindgen::JsCast;
    let target = e.target();
    if let Some(s) = target.as_ref().and_then(|t| t.dyn_ref::<web_sys::HtmlSelectElement>()) {
        return s.value();
    }
    target.and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

/// Whether the `<input type=checkbox>` an event came from is ticked.
pub fn field_checked(e: &Event) -> bool {
    use wasm_bindgen::JsCast;
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked())
}

/// The message shown by a query-based view when there is no query (or none of its words is
/// in the corpus as the view matches them), with the match menu.
pub fn needs_query(app: &AppContext, r: &ViewRequest, what: &str) -> Html {
    let text = if r.query.trim().is_empty() {
        format!("Type a word, a \"phrase\" or a prefix* in the search box to see its {what}.")
    } else {
        format!("The query has no word to show the {what} of.")
    };
    html! {
        <>
            <div class="view-controls">{ match_menu(app, r.analysis.matching) }</div>
            <p class="empty-view">{ text }</p>
        </>
    }
}

/// A labelled menu: `label`, then a `<select>` of `(value, text)` options with `current` selected.
pub fn menu(
    label: &'static str,
    id: &'static str,
    options: impl IntoIterator<Item = (String, String)>,
    current: &str,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <label>{ label }
            <select {id} {onchange}>
                { for options.into_iter().map(|(value, text)| {
                    let selected = value == current;
                    html! { <option {value} {selected}>{ text }</option> }
                }) }
            </select>
        </label>
    }
}

/// The word forms / stems menu of the word list and the distinctive words.
pub fn unit_menu(app: &AppContext, id: &'static str, unit: Unit) -> Html {
    let options =
        [(Unit::Form, "word forms"), (Unit::Stem, "stems")].map(|(u, text)| (u.key().to_owned(), text.to_owned()));
    let onchange = app.callback(|e: Event| {
        Action::Change(Change::Unit(if field_value(&e) == "stem" { Unit::Stem } else { Unit::Form }))
    });
    menu("Count ", id, options, unit.key(), onchange)
}

/// The "Show stopwords" checkbox of the word list and the collocates.
pub fn stopwords_toggle(app: &AppContext, id: &'static str, shown: bool) -> Html {
    let onchange = app.callback(|e: Event| Action::Change(Change::ShowStopwords(field_checked(&e))));
    html! { <label><input {id} type="checkbox" checked={shown} {onchange} />{ " Show stopwords" }</label> }
}

/// A form whose text box (`input`) dispatches the action `f` makes of its text when
/// submitted with text in it, then empties the box.
pub fn on_submit_text(app: &AppContext, input: &NodeRef, f: fn(String) -> Action) -> Callback<SubmitEvent> {
    let (app, input) = (app.clone(), input.clone());
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
            if !i.value().trim().is_empty() {
                app.dispatch(f(i.value()));
                i.set_value("");
            }
        }
    })
}

/// A view's frame: its section (with `class`), its heading `title` and, when given, the count
/// line (`id`, text) under it; then `body`.
pub fn view_frame(class: &'static str, title: &'static str, count: Option<(&'static str, String)>, body: Html) -> Html {
    html! {
        <section class={classes!("view", class)} aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title">{ title }</h2>
                if let Some((id, text)) = count {
                    <p class="view-count" {id}>{ text }</p>
                }
            </div>
            { body }
        </section>
    }
}

/// A data table in a box of its own that scrolls sideways when the table is wider than the
/// screen (a focusable region named `label`).
pub fn data_table(label: String, class: &'static str, id: Option<&'static str>, rows: Html) -> Html {
    html! {
        <div class="table-scroll" role="region" aria-label={label} tabindex="0">
            <table class={classes!("data", class)} {id}>{ rows }</table>
        </div>
    }
}
