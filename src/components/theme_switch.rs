//! The theme switch in the header: auto (follow the system) → light → dark, remembered in
//! localStorage (`corpus-explorer-theme`) and applied as `data-theme` on `<html>`.
//!
//! A `theme` URL parameter (used by embeds) wins over the remembered choice until the
//! switch is used on that page.

use explorer_core::view_state::Theme;
use yew::prelude::*;

/// The localStorage key of the remembered choice (absent: auto).
pub const STORAGE_KEY: &str = "corpus-explorer-theme";

fn storage() -> Option<web_sys::Storage> {
    // Storage may be missing or refused (privacy settings, sandboxed frames): then nothing is remembered.
    web_sys::window()?.local_storage().ok().flatten()
}

/// The remembered choice (auto when none, or when storage is unavailable).
pub fn stored_theme() -> Theme {
    storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()).and_then(|v| Theme::from_key(&v)).unwrap_or_default()
}

/// Remembers a choice (auto removes the key).
pub fn store_theme(theme: Theme) {
    if let Some(s) = storage() {
        let _ = match theme {
            Theme::Auto => s.remove_item(STORAGE_KEY),
            t => s.set_item(STORAGE_KEY, t.key()),
        };
    }
}

/// Puts the theme on the root element (auto: no attribute, the CSS follows the system).
pub fn apply_theme(theme: Theme) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = match theme {
            Theme::Auto => root.remove_attribute("data-theme"),
            t => root.set_attribute("data-theme", t.key()),
        };
    }
}

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
    /// Called with the next theme of the cycle.
    pub on_change: Callback<Theme>,
}

/// A button stating the current theme; each press moves to the next one.
#[component]
pub fn ThemeSwitch(props: &ThemeSwitchProps) -> Html {
    let (icon, label) = match props.current {
        Theme::Auto => ("◐", "Theme: auto"),
        Theme::Light => ("☀", "Theme: light"),
        Theme::Dark => ("☾", "Theme: dark"),
    };
    let onclick = {
        let (on_change, current) = (props.on_change.clone(), props.current);
        Callback::from(move |_| on_change.emit(next_theme(current)))
    };
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
