//! Pure core of the corpus explorer.
//!
//! Everything here is plain Rust with no browser dependency, so it is tested
//! natively with `cargo test`. The preprocessor uses it to build the corpus at
//! build time and the Yew app uses it to search, highlight and facet in Wasm.

pub mod analysis;
pub mod api;
pub mod corpora;
pub mod date;
pub mod embed;
pub mod engine;
pub mod examples;
pub mod facets;
pub mod fuzzy;
pub mod highlight;
pub mod index;
pub mod jsonl;
pub mod matching;
pub mod model;
pub mod normalize;
pub mod numbers;
pub mod pace;
pub mod query;
pub mod search;
pub mod snippet;
pub mod sort;
pub mod stem;
pub mod stopwords;
pub mod suggest;
pub mod tokenize;
pub mod view_state;

pub use date::PartialDate;
pub use engine::Engine;
pub use facets::{Facet, Filters};
pub use index::Index;
pub use model::{Corpus, Document};
pub use search::{search, SearchOutcome, Sort};
