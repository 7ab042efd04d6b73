//! The facets beside the results: a checkbox and a count per value.

use explorer_core::facets::{Facet, FacetCounts, Filters};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`FacetPanel`].
#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    /// Counts of every facet's values for the current query and filters.
    pub counts: Vec<FacetCounts>,
    /// The selected values.
    pub filters: Filters,
    /// Called when a value is ticked or unticked.
    pub on_toggle: Callback<(Facet, String, bool)>,
    /// Called by the clear-all button.
    pub on_clear: Callback<()>,
}

/// All facets, with a clear-all button when something is selected.
#[component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let clear = (!props.filters.is_empty()).then(|| {
        let on_clear = props.on_clear.clone();
        html! { <button id="clear-filters" type="button" onclick={move |_| on_clear.emit(())}>{ "Clear all filters" }</button> }
    });
    html! {
        <nav class="facets" aria-label="Filters">
            <div class="facets-head">
                <h2>{ "Filter" }</h2>
                { for clear }
            </div>
            { for props.counts.iter().filter(|c| !c.values.is_empty()).map(|c| facet_section(c, &props.filters, &props.on_toggle)) }
        </nav>
    }
}

fn facet_section(counts: &FacetCounts, filters: &Filters, on_toggle: &Callback<(Facet, String, bool)>) -> Html {
    let facet = &counts.facet;
    let heading_id = format!("facet-{}", facet.key());
    html! {
        <section class="facet" data-facet={facet.key().to_owned()} aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ crate::labels::facet(facet) }</h3>
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
