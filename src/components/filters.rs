//! The facet filters beside the results; on narrow screens a drawer opened by a button.

use crate::components::facet_panel::FacetPanel;
use crate::context::use_app;
use crate::hooks::focus_trap::keep_tab_inside;
use crate::hooks::use_focus::use_drawer_focus;
use crate::state::Action;
use explorer_core::api::SearchPage;
use std::rc::Rc;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// Properties of [`FiltersDrawer`].
#[derive(Properties, PartialEq)]
pub struct FiltersDrawerProps {
    /// The search whose facet counts are shown.
    pub search: Option<Rc<SearchPage>>,
}

/// The filters as a complementary region (a drawer with a backdrop when open on a narrow screen).
#[component]
pub fn FiltersDrawer(props: &FiltersDrawerProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
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
    let counts = props.search.as_ref().map(|s| s.facets.clone()).unwrap_or_default();
    html! {
        <>
            <aside id="sidebar" class={classes!("sidebar", open.then_some("open"))} aria-label="Filters" {onkeydown}>
                <div class="drawer-head">
                    <button id="drawer-close" type="button" class="drawer-close" aria-label="Close filters"
                        onclick={close.clone()}>{ "×" }</button>
                </div>
                <FacetPanel {counts} filters={app.state.view.filters.clone()}
                    on_toggle={app.callback(|(f, v, on)| Action::SetFilter(f, v, on))}
                    on_clear={app.callback(|_: ()| Action::ClearFilters)} />
            </aside>
            if open {
                <div class="drawer-backdrop" onclick={close}></div>
            }
        </>
    }
}

/// The button that opens the drawer, with the number of filters set.
#[component]
pub fn FiltersToggle() -> Html {
    let toggle = use_node_ref();
    let app = use_app();
    let open = app.as_ref().is_some_and(|a| a.state.ui.drawer);
    use_drawer_focus(open, toggle.clone());
    let Some(app) = app else { return html! {} };
    let count = app.state.view.filters.pairs().count();
    html! {
        <button id="filters-toggle" ref={toggle} type="button" class="filters-toggle"
            aria-expanded={open.to_string()} aria-controls="sidebar"
            onclick={app.callback(move |_: MouseEvent| Action::SetDrawer(!open))}>
            { "Filters" }
            if count > 0 { { format!(" ({count})") } }
        </button>
    }
}
