//! The theme switch in the header: auto (follow the system) → light → dark (remembered and
//! applied by [`crate::hooks::use_theme`]). A `theme` URL parameter (used by embeds) wins over
//! the remembered choice until the switch is used on that page.

use crate::context::AppContext;
use crate::state::Action;
use explorer_core::view_state::Theme;
use yew::prelude::*;

/// The theme after `theme` in the switch's cycle.
pub fn next_theme(theme: Theme) -> Theme {
    match theme {
        Theme::Auto => Theme::Light,
        Theme::Light => Theme::Dark,
        Theme::Dark => Theme::Auto,
    }
}

/// A button stating the theme in force (`current`); each press moves to the next one.
pub fn theme_switch(app: &AppContext, current: Theme) -> Html {
    let (icon, label) = match current {
        Theme::Auto => ("◐", "Theme: auto"),
        Theme::Light => ("☀", "Theme: light"),
        Theme::Dark => ("☾", "Theme: dark"),
    };
    let onclick = app.callback(move |_: MouseEvent| Action::SetTheme(next_theme(current)));
    html! {
        <button id="theme-switch" type="button" class="theme-switch" data-theme-choice={current.key()}
            title="Change the theme: auto (follow the system) → light → dark" {onclick}>
            <span class="theme-icon" aria-hidden="true">{ icon }</span>{ " " }{ label }
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cycle_visits_every_theme() {
        assert_eq!(next_theme(Theme::Auto), Theme::Light);
        assert_eq!(next_theme(Theme::Light), Theme::Dark);
        assert_eq!(next_theme(Theme::Dark), Theme::Auto);
    }
}
