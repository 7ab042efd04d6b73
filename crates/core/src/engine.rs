//! The engine: a corpus, its inverted index and its facet table, built once and read by
//! every search and analysis.

use crate::analysis::forward::Forward;
use crate::facets::FacetTable;
use crate::index::Index;
use crate::model::Corpus;

/// A corpus ready to search: the documents, their index and their facet values.
pub struct Engine {
    /// The documents.
    pub corpus: Corpus,
    /// The inverted index over them.
    pub index: Index,
    /// Their facet values.
    pub facets: FacetTable,
    /// The forward index of every document, built the first time a concordance or the
    /// collocates need it (see [`Engine::forward`]).
    forward: std::sync::OnceLock<Forward>,
}

impl Engine {
    /// Indexes a corpus.
    pub fn new(corpus: Corpus) -> Engine {
        let index = Index::build(&corpus);
        Engine::with_index(corpus, index)
    }

    /// The term at every position of every document, built on first use (one pass over the
    /// postings; 4 bytes a position) and kept: the concordance and the collocates of every
    /// later query read it instead of building their own.
    pub fn forward(&self) -> &Forward {
        crate::pace::finish(self.forward_paced(&mut crate::pace::Unpaced))
    }

    /// [`Engine::forward`], telling `pace` how far building it has got (the first time).
    pub async fn forward_paced(&self, pace: &mut impl crate::pace::Pace) -> Result<&Forward, crate::pace::Cancelled> {
        if let Some(forward) = self.forward.get() {
            return Ok(forward);
        }
        let all: Vec<usize> = (0..self.index.doc_count()).collect();
        let built = Forward::build_paced(&self.index, &all, pace).await?;
        Ok(self.forward.get_or_init(|| built))
    }

    /// A corpus and the index already built over it (e.g. a slice at a time with
    /// [`crate::index::IndexBuilder`]).
    pub fn with_index(corpus: Corpus, index: Index) -> Engine {
        let facets = FacetTable::new(&corpus);
        Engine { corpus, index, facets, forward: std::sync::OnceLock::new() }
    }
}
