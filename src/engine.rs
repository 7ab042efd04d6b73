//! The embedded corpus and the search engine built from it once per page load.

use explorer_core::search::Engine;
use explorer_core::Corpus;
use std::rc::Rc;

/// The corpus JSON written by the build script from the corpus folder.
pub const CORPUS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.json"));

/// A shared handle to the engine, compared by identity (it never changes during a page's life).
#[derive(Clone)]
pub struct EngineRef(pub Rc<Engine>);

impl PartialEq for EngineRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for EngineRef {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        &self.0
    }
}

/// Parses the embedded corpus and indexes it, or says why it cannot.
pub fn load() -> Result<EngineRef, String> {
    let corpus = Corpus::from_json(CORPUS_JSON)?;
    Ok(EngineRef(Rc::new(Engine::new(corpus))))
}
