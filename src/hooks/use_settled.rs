//! A value that follows another once it has stopped changing for a moment.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// `value`, but only after it has kept the same value for `delay_ms` (its first value at once).
/// The heavy analysis views follow the query through this, so that while a person types, a
/// newer keystroke supersedes the computation an older one would have started.
#[hook]
pub fn use_settled<T: Clone + PartialEq + 'static>(value: T, delay_ms: u32) -> T {
    let settled = use_state(|| value.clone());
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let settled = settled.clone();
        use_effect_with(value, move |value| {
            if *value != *settled {
                let (settled, value) = (settled.clone(), value.clone());
                // Replacing the timeout cancels the one an older value set.
                *timer.borrow_mut() = Some(Timeout::new(delay_ms, move || settled.set(value)));
            } else {
                *timer.borrow_mut() = None;
            }
        });
    }
    (*settled).clone()
}
