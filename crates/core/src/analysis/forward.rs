//! A forward index: for some documents, the term at every position.
//!
//! The inverted index answers "where does this word occur"; the concordance and the
//! collocates need the opposite, "which word is at this position". Building it reads
//! every posting once (`O(tokens)`), writing only those of the chosen documents.

use crate::index::Index;
use crate::pace::{finish, Pace, Stage, Unpaced, EVERY};

/// Marks a position with no word (the gap after the title and after each paragraph).
pub const GAP: u32 = u32::MAX;

/// The term number at each position of some documents.
pub struct Forward {
    /// Per document: where its positions start in `terms`, or `usize::MAX` when not included.
    start: Vec<usize>,
    terms: Vec<u32>,
}

impl Forward {
    /// Builds the forward index of `docs` (other documents read as empty).
    pub fn build(index: &Index, docs: &[usize]) -> Forward {
        finish(Forward::build_paced(index, docs, &mut Unpaced))
    }

    /// [`Forward::build`], telling `pace` how many terms are done of all.
    pub async fn build_paced(
        index: &Index,
        docs: &[usize],
        pace: &mut impl Pace,
    ) -> Result<Forward, crate::pace::Cancelled> {
        let mut start = vec![usize::MAX; index.doc_count()];
        let mut len = 0usize;
        for d in super::clean_docs(index, docs) {
            start[d] = len;
            len += index.doc_positions(d) as usize;
        }
        let mut terms = vec![GAP; len];
        let (count, mut since) = (index.term_count(), 0usize);
        // An index read from its file decodes each term's positions here without keeping them.
        let mut scratch = Vec::new();
        for t in 0..count as u32 {
            since += index.postings(t).len() + index.place_positions(t, &mut scratch, &mut terms, &start);
            if since >= 16 * EVERY {
                since = 0;
                pace.step(Stage::Positions, t as usize, count).await?;
            }
        }
        Ok(Forward { start, terms })
    }

    /// The terms of a document by position ([`GAP`] between paragraphs); empty when not included.
    pub fn doc(&self, index: &Index, doc: usize) -> &[u32] {
        match self.start.get(doc) {
            Some(&s) if s != usize::MAX => &self.terms[s..s + index.doc_positions(doc) as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_by_position() {
        let e = super::super::tests::engine(&[("Red sky", "at night\nred", "X", None), ("x", "y", "X", None)]);
        let ix = &e.index;
        let f = Forward::build(ix, &[0]);
        let words: Vec<&str> = f.doc(ix, 0).iter().map(|&t| if t == GAP { "|" } else { ix.term(t) }).collect();
        assert_eq!(words, ["red", "sky", "|", "at", "night", "|", "red", "|"]);
        assert!(f.doc(ix, 1).is_empty());
    }
}
