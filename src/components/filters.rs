//! The facet filters beside the results; on narrow screens a drawer opened by a button.

use crate::context::AppContext;
use crate::hooks::focus_trap::keep_tab_inside;
use crate::labels;
use crate::state::{Action, State};
use explorer_core::api::SearchPage;
use explorer_core::facets::{Facet, FacetCounts, Filters};
use std::rc::Rc;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// The filters as a complementary region (a drawer with a backdrop when open on a narrow
/// screen), with the facet counts of the search.
pub fn filters_drawer(app: &AppContext, search: Option<&Rc<SearchPage>>) -> Html {
    let open = app.state.ui.drawer;
    let close = app.callback(|_: MouseEvent| Action::SetDrawer(false));
    let onkeydown = {
        let app = app.clone();
        move |e: KeyboardEvent| {
            if !open {
                return;
            }
            if e.key() == "Escape" {
                e.prevent_default();
                app.dispatch(Action::SetDrawer(false));
            } else if let Some(sidebar) = gloo::utils::document().get_element_by_id("sidebar") {
                keep_tab_inside(&sidebar, &e);
            }
        }
    };
    let filters = &app.state.view.filters;
    html! {
        <>
            <aside id="sidebar" class={classes!("sidebar", open.then_some("open"))} aria-label="Filters" {onkeydown}>
                <div class="drawer-head">
                    <button id="drawer-close" type="button" class="drawer-close" aria-label="Close filters"
                        onclick={close.clone()}>{ "×" }</button>
                </div>
                <nav class="facets" aria-label="Filters">
                    <div class="facets-head">
                        <h2>{ "Filter" }</h2>
                        if !filters.is_empty() {
                            <button id="clear-filters" type="button"
                                onclick={app.callback(|_: MouseEvent| Action::ClearFilters)}>{ "Clear all filters" }</button>
                        }
                    </div>
                    <FacetList search={search.cloned()} filters={filters.clone()} dispatch={app.state.dispatcher()} />
                </nav>
            </aside>
            if open {
                <div class="drawer-backdrop" onclick={close}></div>
            }
        </>
    }
}

/// The button that opens the drawer, with the number of filters set.
pub fn filters_toggle(app: &AppContext) -> Html {
    let open = app.state.ui.drawer;
    let count = app.state.view.filters.pairs().count();
    html! {
        <button id="filters-toggle" type="button" class="filters-toggle"
            aria-expanded={open.to_string()} aria-controls="sidebar"
            onclick={app.callback(move |_: MouseEvent| Action::SetDrawer(!open))}>
            { "Filters" }
            if count > 0 { { format!(" ({count})") } }
        </button>
    }
}

/// Properties of [`FacetList`].
#[derive(Properties, PartialEq)]
pub struct FacetListProps {
    /// The search whose facet counts are shown.
    pub search: Option<Rc<SearchPage>>,
    /// The filters set.
    pub filters: Filters,
    /// Where a checkbox sends its intent.
    pub dispatch: UseReducerDispatcher<State>,
}

/// Every facet with its values' counts. A component of its own so that it is rendered only
/// when its counts or the filters change, not on every keystroke and every state change
/// (on the 108 MB benchmark corpus it is 1,200 elements of the page's 1,800).
#[component]
pub fn FacetList(props: &FacetListProps) -> Html {
    let dispatch = props.dispatch.clone();
    let on_toggle = Callback::from(move |(f, v, on)| dispatch.dispatch(Action::SetFilter(f, v, on)));
    let counts = props.search.as_ref().map_or(&[][..], |s| &s.facets);
    html! {
        { for counts.iter().filter(|c| !c.values.is_empty()).map(|c| facet_section(c, &props.filters, &on_toggle)) }
    }
}

/// One facet: its heading and a checkbox with the count of each value.
fn facet_section(counts: &FacetCounts, filters: &Filters, on_toggle: &Callback<(Facet, String, bool)>) -> Html {
    let facet = &counts.facet;
    let heading_id = format!("facet-{}", facet.key());
    html! {
        <section class="facet" data-facet={facet.key().to_owned()} aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ labels::facet(facet) }</h3>
            <ul>
                { for counts.values.iter().map(|(value, count)| {
                    let checked = filters.is_selected(facet.clone(), value);
                    let onchange = {
                        let on_toggle = on_toggle.clone();
                        let (facet, value) = (facet.clone(), value.clone());
                        Callback::from(move |e: Event| {
                            let input: HtmlInputElement = e.target_unchecked_into();
                            on_toggle.emit((facet.clone(), value.clone(), input.checked()));
                        })
                    };
                    html! {
                        <li>
                            <label class={classes!("facet-value", (*count == 0 && !checked).then_some("zero"))} data-value={value.clone()}>
                                <input type="checkbox" {checked} {onchange} />
                                <span class="facet-name">{ value.clone() }</span>
                                <span class="facet-count" aria-label={format!("{count} documents")}>{ count.to_string() }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
