//! The page's components, one file each.

pub mod app;
pub mod embed_dialog;
pub mod explorer;
pub mod export_buttons;
pub mod facet_panel;
pub mod filters;
pub mod footer;
pub mod header;
pub mod help;
pub mod highlighted;
pub mod layout;
pub mod live_count;
pub mod main_view;
pub mod notices;
pub mod pager;
pub mod reader;
pub mod result_list;
pub mod results;
pub mod search_box;
pub mod shortcuts;
pub mod tabs;
pub mod theme_switch;
pub mod update_banner;
pub mod views;
