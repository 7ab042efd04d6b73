//! The search engine behind a Web Worker: the [`protocol`] of its messages, the page's
//! [`client`], and the [`worker`]'s side, which runs in the worker with this same wasm.

pub mod client;
pub mod protocol;
pub mod worker;
