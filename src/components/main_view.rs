//! The view shown in the main area: the results, the reader, or an analysis view.

use crate::components::reader::Reader;
use crate::components::results::Results;
use crate::components::views::collocates::CollocatesView;
use crate::components::views::concordance::ConcordanceView;
use crate::components::views::distribution::DistributionView;
use crate::components::views::keyness::KeynessView;
use crate::components::views::trends::TrendsView;
use crate::components::views::words::WordsView;
use crate::context::use_app;
use explorer_core::api::SearchPage;
use explorer_core::view_state::View;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`MainView`].
#[derive(Properties, PartialEq)]
pub struct MainViewProps {
    /// The search for the current state.
    pub search: Option<Rc<SearchPage>>,
    /// The query once typing rests (what the analysis views show).
    pub settled: AttrValue,
}

/// The view of the current tab.
#[component]
pub fn MainView(props: &MainViewProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let view = app.state.view.view;
    let request = app.view_request(view, &props.settled);
    match (view, app.state.reader_doc()) {
        (View::Reader, Some(id)) => html! {
            <Reader id={id.to_owned()} query={app.state.view.query.clone()} hit={app.state.hit} />
        },
        (View::Concordance, _) => html! { <ConcordanceView {request} /> },
        (View::Words, _) => html! { <WordsView {request} /> },
        (View::Keyness, _) => html! { <KeynessView {request} /> },
        (View::Collocates, _) => html! { <CollocatesView {request} /> },
        (View::Distribution, _) => html! { <DistributionView {request} /> },
        (View::Trends, _) => html! { <TrendsView {request} /> },
        _ => html! { <Results search={props.search.clone()} /> },
    }
}
