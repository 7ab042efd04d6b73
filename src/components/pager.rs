//! Paging for long tables: "‹ Previous · page 2 of 40 · Next ›".

use explorer_core::api::PAGE_SIZE;
use yew::prelude::*;

/// The pager of `rows` rows at `page` (from 1, clamped), calling `on_page` with the page to
/// show; nothing when everything fits on one page.
pub fn pager(page: usize, rows: usize, on_page: Callback<usize>) -> Html {
    let total = rows.div_ceil(PAGE_SIZE).max(1);
    if total <= 1 {
        return html! {};
    }
    let page = page.clamp(1, total);
    let go = |p: usize| {
        let on_page = on_page.clone();
        Callback::from(move |_| on_page.emit(p))
    };
    html! {
        <nav class="pager" aria-label="Pages">
            <button type="button" class="pager-prev" disabled={page == 1} onclick={go(page.saturating_sub(1).max(1))}>{ "‹ Previous" }</button>
            <span class="pager-status">{ format!("page {page} of {total}") }</span>
            <button type="button" class="pager-next" disabled={page == total} onclick={go((page + 1).min(total))}>{ "Next ›" }</button>
        </nav>
    }
}
