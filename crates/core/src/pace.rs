//! Long computations in steps. A concordance of `the` on a 100 MB corpus takes seconds; it
//! tells a [`Pace`] how far it has got between two pieces of work, and the pace may pause it
//! (the app's worker then reads its messages and reports progress) or stop it (the person
//! left the view or asked something else: [`Cancelled`]).
//!
//! Natively, and wherever nothing waits, [`Unpaced`] never pauses and [`finish`] runs a
//! computation to its end in one go.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// What a long computation is doing, for a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Stage {
    /// Listing the word at every position (once per corpus: the concordance and the
    /// collocates read it).
    Positions,
    /// Finding the hits of the query.
    Hits,
    /// Making a concordance line of each hit.
    Lines,
    /// Putting the lines in order.
    Sorting,
    /// Counting the words around the hits.
    Counting,
    /// Reading how often each word near the hits occurs in all.
    Frequencies,
    /// Writing the rows of a download.
    Rows,
    /// A first pass over the word sequences, noting which may occur more than once.
    Repeats,
    /// Counting the sequences of words (phrases, n-grams).
    Sequences,
    /// Making the rows of the counted items and putting them in order.
    Listing,
    /// Counting each word in the documents.
    Words,
    /// Counting the sentences of the documents' paragraphs.
    Sentences,
    /// Measuring the variety of the vocabulary (moving-average type/token ratio).
    Variety,
    /// Finding each document's most distinctive words.
    Distinctive,
}

impl Stage {
    /// As a person reads it in a progress line.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Positions => "listing the words at every position",
            Stage::Hits => "finding the hits",
            Stage::Lines => "making the lines",
            Stage::Sorting => "sorting the lines",
            Stage::Counting => "counting the words around the hits",
            Stage::Frequencies => "reading each neighbour's frequency",
            Stage::Rows => "writing the rows",
            Stage::Repeats => "looking for repeated phrases",
            Stage::Sequences => "counting the phrases",
            Stage::Listing => "listing the results",
            Stage::Words => "counting the words",
            Stage::Sentences => "counting the sentences",
            Stage::Variety => "measuring the variety of the vocabulary",
            Stage::Distinctive => "finding each document's distinctive words",
        }
    }
}

/// The computation is no longer wanted; it stopped without a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

/// Told by a long computation how far it has got, between two pieces of work.
pub trait Pace {
    /// `done` of `total` units of `stage` are done. The computation goes on when this gives
    /// `Ok`, and stops when it gives [`Cancelled`]. It is called often (every few thousand
    /// items): a pace decides itself when to pause.
    fn step(&mut self, stage: Stage, done: usize, total: usize) -> impl Future<Output = Result<(), Cancelled>>;
}

/// A pace that never pauses and never stops.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unpaced;

impl Pace for Unpaced {
    async fn step(&mut self, _: Stage, _: usize, _: usize) -> Result<(), Cancelled> {
        Ok(())
    }
}

/// Runs a computation paced by [`Unpaced`] to its end, here and now.
///
/// Such a computation never waits, so it is done at its first poll; a future that waited for
/// something else would be polled again until it is done.
pub fn finish<T>(computation: impl Future<Output = Result<T, Cancelled>>) -> T {
    match poll_to_end(computation) {
        Ok(value) => value,
        Err(Cancelled) => unreachable!("Unpaced never cancels"),
    }
}

/// Polls a computation that never waits for anything outside it until it is done.
fn poll_to_end<T>(computation: impl Future<Output = T>) -> T {
    let mut computation = pin!(computation);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        match computation.as_mut().poll(&mut cx) {
            Poll::Ready(value) => return value,
            Poll::Pending => std::hint::spin_loop(),
        }
    }
}

/// How many items a loop works through between two steps (a step is cheap, but not free).
pub const EVERY: usize = 4096;

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// A pace that records every step and cancels at the `stop_at`-th (from 1), if any.
    #[derive(Default)]
    pub struct Recorder {
        pub steps: Vec<(Stage, usize, usize)>,
        pub stop_at: Option<usize>,
    }

    impl Pace for Recorder {
        async fn step(&mut self, stage: Stage, done: usize, total: usize) -> Result<(), Cancelled> {
            self.steps.push((stage, done, total));
            match self.stop_at {
                Some(n) if self.steps.len() >= n => Err(Cancelled),
                _ => Ok(()),
            }
        }
    }

    /// Runs a computation paced by `pace` (which never waits) to its end or its cancelling.
    pub fn run<T>(computation: impl Future<Output = Result<T, Cancelled>>) -> Result<T, Cancelled> {
        poll_to_end(computation)
    }
}
