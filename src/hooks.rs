//! The page's behaviour, as hooks: asking the engine, the URL, the theme, the focus, the
//! keyboard, dialogs, the host page.

pub mod focus_trap;
pub mod use_engine;
pub mod use_focus;
pub mod use_host;
pub mod use_key;
pub mod use_modal;
pub mod use_page;
pub mod use_settled;
pub mod use_theme;
pub mod use_url;
