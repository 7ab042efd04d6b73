//! Paging for long tables: "‹ Previous · page 2 of 40 · Next ›".

use crate::context::AppContext;
use crate::state::Action;
use explorer_core::api::Page;
use explorer_core::view_state::Change;
use yew::prelude::*;

/// The pager of a page of rows; nothing when everything fits on one page.
pub fn pager<T>(app: &AppContext, rows: &Page<T>) -> Html {
    let total = rows.pages();
    if total <= 1 {
        return html! {};
    }
    let page = rows.page;
    let go = |p: usize| app.callback(move |_: MouseEvent| Action::Change(Change::Page(p)));
    html! {
        <nav class="pager" aria-label="Pages">
            <button type="button" class="pager-prev" disabled={page == 1} onclick={go(page.saturating_sub(1).max(1))}>{ "‹ Previous" }</button>
            <span class="pager-status">{ format!("page {page} of {total}") }</span>
            <button type="button" class="pager-next" disabled={page == total} onclick={go((page + 1).min(total))}>{ "Next ›" }</button>
        </nav>
    }
}
