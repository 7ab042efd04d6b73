//! Paging for long tables: "‹ Previous · page 2 of 40 · Next ›".

use yew::prelude::*;

/// Rows shown per page in the analysis tables.
pub const PAGE_SIZE: usize = 100;

/// Properties of [`Pager`].
#[derive(Properties, PartialEq)]
pub struct PagerProps {
    /// The current page, from 1 (clamped to the pages there are).
    pub page: usize,
    /// Number of rows in all.
    pub rows: usize,
    /// Called with the page to show.
    pub on_page: Callback<usize>,
}

/// Number of pages for `rows` rows (at least 1).
pub fn pages(rows: usize) -> usize {
    rows.div_ceil(PAGE_SIZE).max(1)
}

/// The rows of `page` (from 1, clamped), as a range.
pub fn page_range(page: usize, rows: usize) -> std::ops::Range<usize> {
    let page = page.clamp(1, pages(rows));
    let start = (page - 1) * PAGE_SIZE;
    start..(start + PAGE_SIZE).min(rows)
}

/// The pager (nothing when everything fits on one page).
#[component]
pub fn Pager(props: &PagerProps) -> Html {
    let total = pages(props.rows);
    if total <= 1 {
        return html! {};
    }
    let page = props.page.clamp(1, total);
    let go = |p: usize| {
        let on_page = props.on_page.clone();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert_eq!(pages(0), 1);
        assert_eq!(pages(250), 3);
        assert_eq!(page_range(3, 250), 200..250);
        assert_eq!(page_range(9, 250), 200..250);
        assert_eq!(page_range(0, 250), 0..100);
        assert_eq!(page_range(1, 0), 0..0);
    }
}
