//! The page's components, one file each.

pub mod app;
pub mod embed_dialog;
pub mod explorer;
pub mod export_buttons;
pub mod filters;
pub mod header;
pub mod help;
pub mod highlighted;
pub mod layout;
pub mod live_count;
pub mod notices;
pub mod pager;
pub mod reader;
pub mod result_list;
pub mod results;
pub mod search_box;
pub mod shortcuts;
pub mod tabs;
pub mod theme_switch;
pub mod views;
