//! The page's side of the engine: a [`Client`] sends [`Request`]s to the engine's worker and
//! hands each [`Response`] to whoever asked. Each asker (a hook of a component) has a [`Slot`];
//! a newer call from a slot supersedes its older one:
//!
//! - the worker works on one call at a time, and the page holds back the others, keeping only
//!   the newest call of each slot: typing fast never builds a queue of old queries;
//! - an answer to a call that a newer one of its slot superseded while the worker worked on it
//!   is dropped: no stale result is ever painted.
//!
//! Waiting calls go to the worker in the order of their slot's [`Kind`]: the results of a
//! keystroke before its suggestions, before an analysis view, before an export.

use super::protocol::ToEngine;
use explorer_core::api::{CorpusInfo, Request, Response};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use web_sys::Worker;

/// What a slot asks for, in the order the worker is given waiting calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// The results page (every keystroke).
    Search,
    /// A document for the reader.
    Document,
    /// Completions of the word being typed.
    Suggest,
    /// An analysis view.
    View,
    /// Every row of a view, for a download.
    Export,
}

/// One asker of the engine: a hook of a component, or one download.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slot {
    kind: Kind,
    id: u32,
}

thread_local! {
    static NEXT_SLOT: Cell<u32> = const { Cell::new(0) };
}

impl Slot {
    /// A new slot, different from every other.
    pub fn new(kind: Kind) -> Slot {
        let id = NEXT_SLOT.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        });
        Slot { kind, id }
    }
}

type OnAnswer = Box<dyn FnOnce(Response)>;

/// A call waiting for the worker.
struct Call {
    id: u32,
    request: Request,
    on_answer: OnAnswer,
}

/// The calls of a page: which one the worker works on, which wait, which are newest. Pure
/// bookkeeping (tested natively); [`Connection`] posts what it says to send.
#[derive(Default)]
struct Outbox {
    next_id: u32,
    /// The call the worker is working on (its request already sent).
    in_flight: Option<(u32, Slot, OnAnswer)>,
    /// Calls not yet sent: the newest of each slot.
    waiting: BTreeMap<Slot, Call>,
    /// The newest call of each slot: the only one whose answer is given.
    newest: BTreeMap<Slot, u32>,
}

impl Outbox {
    /// Records a call of `slot`, superseding the slot's earlier ones.
    fn call(&mut self, slot: Slot, request: Request, on_answer: OnAnswer) {
        self.next_id = self.next_id.wrapping_add(1);
        let id = self.next_id;
        self.newest.insert(slot, id);
        self.waiting.insert(slot, Call { id, request, on_answer });
    }

    /// The call to send now, if the worker is free and a call waits.
    fn next(&mut self) -> Option<ToEngine> {
        if self.in_flight.is_some() {
            return None;
        }
        let (slot, call) = self.waiting.pop_first()?;
        self.in_flight = Some((call.id, slot, call.on_answer));
        Some(ToEngine::Call { id: call.id, request: call.request })
    }

    /// The worker answered `id`: whom to give the answer to (none when a newer call of the
    /// same slot superseded it, or the slot was forgotten).
    fn answered(&mut self, id: u32) -> Option<OnAnswer> {
        match self.in_flight.take() {
            Some((sent, slot, on_answer)) if sent == id => (self.newest.get(&slot) == Some(&id)).then_some(on_answer),
            other => {
                self.in_flight = other;
                None
            }
        }
    }

    /// Drops what `slot` asked and has not had answered.
    fn forget(&mut self, slot: Slot) {
        self.waiting.remove(&slot);
        self.newest.remove(&slot);
    }
}

/// The worker and the calls to it, shared by every [`Client`] handle.
pub struct Connection {
    worker: Worker,
    outbox: RefCell<Outbox>,
}

impl Connection {
    /// A connection to a started worker.
    pub fn new(worker: Worker) -> Rc<Connection> {
        Rc::new(Connection { worker, outbox: RefCell::default() })
    }

    /// Posts `message` to the worker.
    pub fn post(&self, message: &ToEngine) {
        super::protocol::post_bytes(&message.encode(), |m, t| {
            let _ = self.worker.post_message_with_transfer(m, t);
        });
    }

    /// Sends the first waiting call when the worker is free.
    fn pump(&self) {
        let next = self.outbox.borrow_mut().next();
        if let Some(message) = next {
            self.post(&message);
        }
    }

    /// The worker's answer to the call `id`: given to its asker unless a newer call of the
    /// same slot superseded it; then the next waiting call is sent.
    pub fn answer(&self, id: u32, response: Response) {
        let deliver = self.outbox.borrow_mut().answered(id);
        // The worker starts on the next call while the page renders this answer.
        self.pump();
        if let Some(on_answer) = deliver {
            on_answer(response);
        }
    }

    /// An answer could not be read: the call it answered is dropped (its asker keeps what it
    /// showed), so that the calls after it are not held back.
    pub fn lost(&self) {
        self.outbox.borrow_mut().in_flight = None;
        self.pump();
    }
}

/// A handle to the engine, compared by identity (it never changes during a page's life).
#[derive(Clone)]
pub struct Client {
    connection: Rc<Connection>,
    /// What the corpus is (told once, when the engine is ready).
    pub info: Rc<CorpusInfo>,
}

impl PartialEq for Client {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.connection, &other.connection)
    }
}

impl Client {
    /// A client over a connection whose worker has loaded the corpus `info` describes.
    pub fn new(connection: Rc<Connection>, info: CorpusInfo) -> Client {
        Client { connection, info: Rc::new(info) }
    }

    /// Asks the engine; `on_answer` is called with the answer, later, unless a newer call
    /// of `slot` supersedes this one first (or [`Client::forget`] forgets the slot).
    pub fn call(&self, slot: Slot, request: Request, on_answer: impl FnOnce(Response) + 'static) {
        self.connection.outbox.borrow_mut().call(slot, request, Box::new(on_answer));
        self.connection.pump();
    }

    /// Drops what `slot` asked and has not had answered (its asker is gone).
    pub fn forget(&self, slot: Slot) {
        self.connection.outbox.borrow_mut().forget(slot);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An outbox whose answers are written into `log` as what was asked.
    struct Test {
        outbox: Outbox,
        log: Rc<RefCell<Vec<String>>>,
    }

    impl Test {
        fn new() -> Test {
            Test { outbox: Outbox::default(), log: Rc::default() }
        }
        fn ask(&mut self, slot: Slot, query: &str) {
            let (log, asked) = (self.log.clone(), query.to_owned());
            let request = Request::Suggest { query: query.into() };
            self.outbox.call(slot, request, Box::new(move |_| log.borrow_mut().push(asked)));
        }
        /// Sends the next call and returns its id and query.
        fn send(&mut self) -> Option<(u32, String)> {
            match self.outbox.next()? {
                ToEngine::Call { id, request: Request::Suggest { query } } => Some((id, query)),
                other => panic!("{other:?}"),
            }
        }
        fn answer(&mut self, id: u32) {
            if let Some(on_answer) = self.outbox.answered(id) {
                on_answer(Response::Suggest(Vec::new()));
            }
        }
        fn painted(&self) -> Vec<String> {
            self.log.borrow().clone()
        }
    }

    #[test]
    fn typing_while_a_slow_query_runs_paints_only_the_last_query() {
        let mut t = Test::new();
        let search = Slot::new(Kind::Search);
        t.ask(search, "t");
        let (first, q) = t.send().unwrap();
        assert_eq!(q, "t");
        // While the worker works on "t", three more keys: only the newest waits, nothing is sent.
        for q in ["th", "the", "ther"] {
            t.ask(search, q);
            assert_eq!(t.send(), None, "one call at a time");
        }
        // "t" is answered after "ther" was typed: not painted; "ther" goes next, and is painted.
        t.answer(first);
        assert_eq!(t.painted(), Vec::<String>::new());
        let (last, q) = t.send().unwrap();
        assert_eq!(q, "ther", "no queue of old queries");
        assert_eq!(t.send(), None);
        t.answer(last);
        assert_eq!(t.painted(), ["ther"]);
    }

    #[test]
    fn waiting_calls_go_in_the_order_of_their_kind_and_a_forgotten_slot_gets_nothing() {
        let mut t = Test::new();
        let (view, search, suggest) = (Slot::new(Kind::View), Slot::new(Kind::Search), Slot::new(Kind::Suggest));
        t.ask(view, "v0");
        let (v0, _) = t.send().unwrap();
        t.ask(view, "v1");
        t.ask(suggest, "s");
        t.ask(search, "q");
        // Leaving the view while its call runs: its answer is dropped, its waiting call too.
        t.outbox.forget(view);
        t.answer(v0);
        let mut order = Vec::new();
        while let Some((id, q)) = t.send() {
            t.answer(id);
            order.push(q);
        }
        assert_eq!(order, ["q", "s"]);
        assert_eq!(t.painted(), ["q", "s"]);
        // An answer to a call that is not the one in flight is ignored.
        t.answer(12345);
        assert_eq!(t.painted(), ["q", "s"]);
    }
}
