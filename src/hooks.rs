//! Hooks shared by components.

pub mod use_key;
pub mod use_settled;
