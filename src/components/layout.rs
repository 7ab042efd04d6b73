//! The two layouts around the view shown: the full page, and the compact embed.

use crate::components::embed_dialog::EmbedDialog;
use crate::components::filters::{FiltersDrawer, FiltersToggle};
use crate::components::footer::Footer;
use crate::components::header::{Brand, ResultCount, SearchRow};
use crate::components::notices::Notices;
use crate::components::shortcuts::ShortcutsDialog;
use crate::components::tabs::Tabs;
use crate::components::theme_switch::ThemeSwitch;
use crate::components::update_banner::UpdateBanner;
use crate::context::use_app;
use explorer_core::api::SearchPage;
use explorer_core::view_state::{Presentation, Theme};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of the layouts.
#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    /// The search for the current state (none while it runs).
    pub search: Option<Rc<SearchPage>>,
    /// The theme in force.
    #[prop_or_default]
    pub theme: Theme,
    /// The view shown.
    pub children: Html,
}

/// The full explorer: header, filters, tabs, the view, footer.
#[component]
pub fn PageLayout(props: &LayoutProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let drawer = app.state.ui.drawer;
    html! {
        <div class="shell">
            <header class="top">
                <Brand />
                <SearchRow />
                <ResultCount search={props.search.clone()} />
                <ThemeSwitch current={props.theme} />
            </header>
            <UpdateBanner />
            <Notices search={props.search.clone()} />
            <div class={classes!("layout", drawer.then_some("drawer-open"))}>
                <FiltersDrawer search={props.search.clone()} />
                <div class="main-column">
                    <FiltersToggle />
                    <div class="tab-row">
                        <Tabs />
                        <EmbedDialog />
                    </div>
                    <main id="app" class="content">{ props.children.clone() }</main>
                </div>
            </div>
            <Footer />
            <ShortcutsDialog />
        </div>
    }
}

/// The compact layout of an iframe: the search box (unless hidden), the view, and a link to
/// the full explorer.
#[component]
pub fn EmbedLayout(props: &LayoutProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let mut full = app.state.view.clone();
    full.presentation = Presentation::default();
    let path = gloo::utils::window().location().pathname().unwrap_or_default();
    let full_url = format!("{path}{}", full.to_query_string());
    html! {
        <div class="shell embed">
            if app.state.view.presentation.search_box {
                <header class="top embed-top">
                    <SearchRow />
                    <ResultCount search={props.search.clone()} />
                </header>
            }
            <Notices search={props.search.clone()} />
            <main id="app" class="content">{ props.children.clone() }</main>
            <p class="embed-foot"><a id="open-full" href={full_url} target="_blank" rel="noopener">{ "Open the full explorer ↗" }</a></p>
            <ShortcutsDialog />
        </div>
    }
}
