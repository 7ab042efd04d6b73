//! Hooks shared by components.

pub mod focus_trap;
pub mod use_key;
pub mod use_settled;
