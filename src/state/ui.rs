//! The page's own state: what is open, which theme was chosen, how many results are shown.

use super::Action;
use explorer_core::view_state::Theme;

/// Results shown at first (each with its snippet); "Show more" adds as many again.
pub const SHOWN: usize = 50;

/// The dialogs of the page; one is open at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    /// The search help beside the search box.
    Help,
    /// The keyboard shortcuts.
    Shortcuts,
    /// The embed code for the current view.
    Embed,
}

/// The page's state that the URL does not hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Ui {
    /// The theme chosen with the switch (remembered across visits).
    pub stored_theme: Theme,
    /// The switch was used on this page (it then wins over the URL's `theme`).
    pub switched_here: bool,
    /// The filters drawer of narrow screens is open.
    pub drawer: bool,
    /// The dialog open.
    pub dialog: Option<Dialog>,
    /// Results shown (each with its snippet).
    pub shown: usize,
    /// A newer build is installed and waiting: the page offers to reload.
    pub update_available: bool,
}

impl Ui {
    /// The page as it opens.
    pub fn new(stored_theme: Theme) -> Ui {
        Ui { stored_theme, switched_here: false, drawer: false, dialog: None, shown: SHOWN, update_available: false }
    }

    /// The theme in force: the one the URL asks for (embeds), else the one chosen with the
    /// switch; using the switch on a page whose URL names a theme overrides the URL.
    pub fn theme(&self, from_url: Theme) -> Theme {
        if from_url != Theme::Auto && !self.switched_here {
            from_url
        } else {
            self.stored_theme
        }
    }

    /// Applies an action that changes only the page's own state.
    pub(super) fn apply(&mut self, action: Action) {
        match action {
            Action::ShowMore => self.shown += SHOWN,
            Action::SetTheme(t) => {
                self.stored_theme = t;
                self.switched_here = true;
            }
            Action::SetDrawer(open) => self.drawer = open,
            Action::OpenDialog(d) => self.dialog = Some(d),
            Action::CloseDialog => self.dialog = None,
            Action::UpdateAvailable => self.update_available = true,
            _ => {}
        }
    }
}
