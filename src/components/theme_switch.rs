//! The theme switch in the header: auto (follow the system) → light → dark (remembered and
//! applied by [`crate::hooks::use_theme`]). A `theme` URL parameter (used by embeds) wins over
//! the remembered choice until the switch is used on that page.

use crate::context::use_app;
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

/// Properties of [`ThemeSwitch`].
#[derive(Properties, PartialEq)]
pub struct ThemeSwitchProps {
    /// The theme in force.
    pub current: Theme,
}

/// A button stating the current theme; each press moves to the next one.
#[component]
pub fn ThemeSwitch(props: &ThemeSwitchProps) -> Html {
    let (icon, label) = match props.current {
        Theme::Auto => ("◐", "Theme: auto"),
        Theme::Light => ("☀", "Theme: light"),
        Theme::Dark => ("☾", "Theme: dark"),
    };
    let Some(app) = use_app() else { return html! {} };
    let current = props.current;
    let onclick = app.callback(move |_: MouseEvent| Action::SetTheme(next_theme(current)));
    html! {
        <button id="theme-switch" type="button" class="theme-switch" data-theme-choice={props.current.key()}
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
