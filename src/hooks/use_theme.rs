//! The theme on the root element (`data-theme`; none for auto, where the CSS follows the
//! system), and the switch's choice remembered in localStorage (`corpus-explorer-theme`).

use crate::state::State;
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

fn store_theme(theme: Theme) {
    if let Some(s) = storage() {
        let _ = match theme {
            Theme::Auto => s.remove_item(STORAGE_KEY),
            t => s.set_item(STORAGE_KEY, t.key()),
        };
    }
}

fn apply_theme(theme: Theme) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = match theme {
            Theme::Auto => root.remove_attribute("data-theme"),
            t => root.set_attribute("data-theme", t.key()),
        };
    }
}

/// Applies the theme in force and remembers a choice made with the switch; returns the theme.
#[hook]
pub fn use_theme(state: &State) -> Theme {
    let theme = state.ui.theme(state.view.presentation.theme);
    use_effect_with(theme, |theme| apply_theme(*theme));
    use_effect_with((state.ui.stored_theme, state.ui.switched_here), |(stored, switched)| {
        if *switched {
            store_theme(*stored);
        }
    });
    theme
}
