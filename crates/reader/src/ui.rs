//! The reader's dialogs: one file each.

pub mod add_texts;
pub mod corpora;
