//! Text with highlighted ranges, as text nodes and `<mark>` elements (never as HTML).

use explorer_core::highlight::segments;
use std::ops::Range;
use yew::prelude::*;

/// Properties of [`Highlighted`].
#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    /// The text.
    pub text: AttrValue,
    /// Byte ranges to mark (sorted; invalid ones are ignored).
    pub ranges: Vec<Range<usize>>,
    /// Number of the first mark among all marks of the page section (for hit navigation).
    #[prop_or_default]
    pub first: usize,
    /// The mark (by that number) that is the current hit.
    #[prop_or_default]
    pub current: Option<usize>,
}

/// Renders text with its hits marked.
#[component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    let mut n = props.first;
    let parts = segments(&props.text, &props.ranges).into_iter().map(|s| {
        if s.marked {
            let i = n;
            n += 1;
            let current = props.current == Some(i);
            html! { <mark class={classes!(current.then_some("current"))} data-hit={i.to_string()}>{ s.text.to_owned() }</mark> }
        } else {
            html! { { s.text.to_owned() } }
        }
    });
    html! { <>{ for parts }</> }
}
