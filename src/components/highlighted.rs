//! Text with highlighted ranges, as text nodes and `<mark>` elements (never as HTML).

use explorer_core::highlight::segments;
use std::ops::Range;
use yew::prelude::*;

/// `text` with the byte `ranges` marked (sorted; invalid ones are ignored). Marks are numbered
/// from `first` (their number among all marks of the page section, for hit navigation); the
/// mark numbered `current` is the current hit.
pub fn highlighted(text: &str, ranges: &[Range<usize>], first: usize, current: Option<usize>) -> Html {
    let mut n = first;
    let parts = segments(text, ranges).into_iter().map(|s| {
        if s.marked {
            let i = n;
            n += 1;
            let is_current = current == Some(i);
            html! { <mark class={classes!(is_current.then_some("current"))} data-hit={i.to_string()}>{ s.text.to_owned() }</mark> }
        } else {
            html! { { s.text.to_owned() } }
        }
    });
    html! { <>{ for parts }</> }
}
