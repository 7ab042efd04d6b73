//! The page's side of the engine: a [`Client`] sends [`Request`]s to the engine's worker and
//! hands each [`Response`] to whoever asked. Each asker (a hook of a component) has a [`Slot`];
//! a newer call from a slot supersedes its older one:
//!
//! - the worker works on one quick call (a search, a document, suggestions) and one long call
//!   (an analysis view, a download) at a time, and the page holds back the others, keeping only
//!   the newest call of each slot: typing fast never builds a queue of old queries; the worker
//!   answers quick calls between the slices of a long one, so that results keep up with typing
//!   while a concordance of `the` is computed;
//! - an answer to a call that a newer one of its slot superseded while the worker worked on it
//!   is dropped: no stale result is ever painted.
//!
//! Waiting calls go to the worker in the order of their slot's [`Kind`]: the results of a
//! keystroke before its suggestions, before an analysis view, before an export.
//!
//! An analysis view or a download can take seconds on a large corpus. When a newer call of
//! its slot supersedes it while the worker works on it, or its slot is forgotten (the person
//! left the view), the page tells the worker to stop ([`ToEngine::Cancel`]); the next call is
//! sent once the worker says it stopped or answered. While it runs, the worker says how far it
//! has got, and the slot's asker is told ([`Working`]).

use super::protocol::{ToEngine, Working};
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

/// The lane of quick calls, answered at once by the worker.
const QUICK: usize = 0;
/// The lane of long calls, worked on in slices (and cancellable).
const LONG: usize = 1;

impl Kind {
    /// Which of the worker's two lanes a call of this kind goes in.
    fn lane(self) -> usize {
        match self {
            Kind::Search | Kind::Document | Kind::Suggest => QUICK,
            Kind::View | Kind::Export => LONG,
        }
    }
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
type OnProgress = Rc<dyn Fn(Working)>;

/// A call waiting for the worker.
struct Call {
    id: u32,
    request: Request,
    on_answer: OnAnswer,
    on_progress: Option<OnProgress>,
}

/// The call the worker is working on.
struct InFlight {
    id: u32,
    slot: Slot,
    on_answer: OnAnswer,
    on_progress: Option<OnProgress>,
    /// The page has told the worker to stop it.
    cancelling: bool,
}

impl InFlight {
    /// The message that stops this call, the first time it is asked for.
    fn cancel(&mut self) -> Option<ToEngine> {
        // Only long calls can be stopped: the worker works on them in slices.
        if self.slot.kind.lane() != LONG || self.cancelling {
            return None;
        }
        self.cancelling = true;
        Some(ToEngine::Cancel { id: self.id })
    }
}

/// The calls of a page: which one the worker works on, which wait, which are newest. Pure
/// bookkeeping (tested natively); [`Connection`] posts what it says to send.
#[derive(Default)]
struct Outbox {
    next_id: u32,
    /// The calls the worker is working on (their requests already sent): one quick call
    /// (search, document, suggestions) and one long one (an analysis view or a download),
    /// which the worker works on in slices, answering quick calls in between.
    in_flight: [Option<InFlight>; 2],
    /// Calls not yet sent: the newest of each slot.
    waiting: BTreeMap<Slot, Call>,
    /// The newest call of each slot: the only one whose answer is given.
    newest: BTreeMap<Slot, u32>,
}

impl Outbox {
    /// Records a call of `slot`, superseding the slot's earlier ones; gives the message that
    /// stops the slot's call in flight, if it can be stopped.
    fn call(
        &mut self,
        slot: Slot,
        request: Request,
        on_answer: OnAnswer,
        on_progress: Option<OnProgress>,
    ) -> Option<ToEngine> {
        self.next_id = self.next_id.wrapping_add(1);
        let id = self.next_id;
        self.newest.insert(slot, id);
        self.waiting.insert(slot, Call { id, request, on_answer, on_progress });
        self.in_flight[slot.kind.lane()].as_mut().filter(|f| f.slot == slot).and_then(InFlight::cancel)
    }

    /// The call to send now, if one waits whose lane the worker has free.
    fn next(&mut self) -> Option<ToEngine> {
        let slot = *self.waiting.keys().find(|s| self.in_flight[s.kind.lane()].is_none())?;
        let call = self.waiting.remove(&slot)?;
        self.in_flight[slot.kind.lane()] = Some(InFlight {
            id: call.id,
            slot,
            on_answer: call.on_answer,
            on_progress: call.on_progress,
            cancelling: false,
        });
        Some(ToEngine::Call { id: call.id, request: call.request })
    }

    /// The worker answered `id`: whom to give the answer to (none when a newer call of the
    /// same slot superseded it, or the slot was forgotten).
    fn answered(&mut self, id: u32) -> Option<OnAnswer> {
        let sent = self.in_flight.iter_mut().find_map(|lane| lane.take_if(|f| f.id == id))?;
        (self.newest.get(&sent.slot) == Some(&id)).then_some(sent.on_answer)
    }

    /// The worker stopped `id` (the page asked it to): the worker is free.
    fn cancelled(&mut self, id: u32) {
        for lane in &mut self.in_flight {
            lane.take_if(|f| f.id == id);
        }
    }

    /// Whom to tell how far the worker has got with `id` (none when it is superseded).
    fn progress(&self, id: u32) -> Option<OnProgress> {
        let f = self.in_flight.iter().flatten().find(|f| f.id == id)?;
        if self.newest.get(&f.slot) != Some(&id) {
            return None;
        }
        f.on_progress.clone()
    }

    /// Drops what `slot` asked and has not had answered; gives the message that stops the
    /// slot's call in flight, if it can be stopped.
    fn forget(&mut self, slot: Slot) -> Option<ToEngine> {
        self.waiting.remove(&slot);
        self.newest.remove(&slot);
        self.in_flight[slot.kind.lane()].as_mut().filter(|f| f.slot == slot).and_then(InFlight::cancel)
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

    /// Ends the worker (another corpus is opened with a new one): nothing more is answered.
    pub fn end(&self) {
        self.worker.terminate();
    }

    /// Posts `message` to the worker.
    pub fn post(&self, message: &ToEngine) {
        super::protocol::post_bytes(&message.encode(), |m, t| {
            let _ = self.worker.post_message_with_transfer(m, t);
        });
    }

    /// Sends the first waiting calls whose lanes the worker has free.
    fn pump(&self) {
        loop {
            let next = self.outbox.borrow_mut().next();
            let Some(message) = next else { break };
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

    /// The worker stopped the call `id`, as the page asked: the next waiting call is sent.
    pub fn cancelled(&self, id: u32) {
        self.outbox.borrow_mut().cancelled(id);
        self.pump();
    }

    /// How far the worker has got with the call `id`: told to its asker, if it still waits for it.
    pub fn working(&self, id: u32, working: Working) {
        let on_progress = self.outbox.borrow().progress(id);
        if let Some(on_progress) = on_progress {
            on_progress(working);
        }
    }

    /// An answer could not be read: the calls in flight are dropped (their askers keep what
    /// they showed), so that the calls after them are not held back.
    pub fn lost(&self) {
        self.outbox.borrow_mut().in_flight = Default::default();
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
        self.call_with_progress(slot, request, None, on_answer);
    }

    /// [`Client::call`], with `on_progress` told how far the worker has got with a long call
    /// (an analysis view or a download), now and then while it runs.
    pub fn call_with_progress(
        &self,
        slot: Slot,
        request: Request,
        on_progress: Option<Rc<dyn Fn(Working)>>,
        on_answer: impl FnOnce(Response) + 'static,
    ) {
        let cancel = self.connection.outbox.borrow_mut().call(slot, request, Box::new(on_answer), on_progress);
        if let Some(cancel) = cancel {
            self.connection.post(&cancel);
        }
        self.connection.pump();
    }

    /// Drops what `slot` asked and has not had answered (its asker is gone), and stops the
    /// worker's work on it.
    pub fn forget(&self, slot: Slot) {
        let cancel = self.connection.outbox.borrow_mut().forget(slot);
        if let Some(cancel) = cancel {
            self.connection.post(&cancel);
        }
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
        /// Asks `query` in `slot`; gives the message that stops the slot's call in flight, if any.
        fn ask(&mut self, slot: Slot, query: &str) -> Option<ToEngine> {
            let (log, asked) = (self.log.clone(), query.to_owned());
            let request = Request::Suggest { query: query.into() };
            self.outbox.call(slot, request, Box::new(move |_| log.borrow_mut().push(asked)), None)
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
        assert_eq!(t.ask(search, "t"), None);
        let (first, q) = t.send().unwrap();
        assert_eq!(q, "t");
        // While the worker works on "t", three more keys: only the newest waits, nothing is sent.
        for q in ["th", "the", "ther"] {
            assert_eq!(t.ask(search, q), None, "a search is quick: it is not stopped");
            assert_eq!(t.send(), None, "one search at a time");
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
        assert_eq!(t.ask(view, "v0"), None);
        let (v0, _) = t.send().unwrap();
        // A newer view supersedes v0, which the worker is told to stop.
        assert_eq!(t.ask(view, "v1"), Some(ToEngine::Cancel { id: v0 }));
        assert_eq!(t.ask(suggest, "s"), None);
        assert_eq!(t.ask(search, "q"), None);
        // Leaving the view: its waiting call is dropped; v0 was told to stop already.
        assert_eq!(t.outbox.forget(view), None);
        // Quick calls go while the view's lane is busy, one at a time, the results first.
        let mut order = Vec::new();
        while let Some((id, q)) = t.send() {
            assert_eq!(t.send(), None, "one quick call at a time");
            t.answer(id);
            order.push(q);
        }
        assert_eq!(order, ["q", "s"]);
        // v0 was answered before the worker saw the cancel: the answer is dropped.
        t.answer(v0);
        assert_eq!(t.send(), None);
        assert_eq!(t.painted(), ["q", "s"]);
        // An answer to a call that is not the one in flight is ignored.
        t.answer(12345);
        assert_eq!(t.painted(), ["q", "s"]);
    }

    fn view_request(query: &str) -> Request {
        use explorer_core::api::ViewRequest;
        use explorer_core::view_state::View;
        Request::View(ViewRequest {
            view: View::Concordance,
            query: query.into(),
            filters: Default::default(),
            analysis: Default::default(),
            open_doc: None,
        })
    }

    #[test]
    fn a_long_call_superseded_or_forgotten_is_stopped_in_the_worker() {
        let mut outbox = Outbox::default();
        let (view, search) = (Slot::new(Kind::View), Slot::new(Kind::Search));
        let told: Rc<RefCell<Vec<u32>>> = Rc::default();
        let on_progress: OnProgress = {
            let told = told.clone();
            Rc::new(move |w: Working| told.borrow_mut().push(w.percent()))
        };
        assert_eq!(outbox.call(view, view_request("the"), Box::new(|_| {}), Some(on_progress.clone())), None);
        let Some(ToEngine::Call { id: first, .. }) = outbox.next() else { panic!() };
        let working = |percent| Working { stage: explorer_core::pace::Stage::Sorting, done: percent, total: 100 };
        outbox.progress(first).unwrap()(working(40));
        assert_eq!(*told.borrow(), [40]);
        // A new query: the running view is told to stop, once; nothing else is sent meanwhile.
        let cancel = outbox.call(view, view_request("them"), Box::new(|_| {}), Some(on_progress.clone()));
        assert_eq!(cancel, Some(ToEngine::Cancel { id: first }));
        assert!(outbox.progress(first).is_none(), "a superseded call's progress is not shown");
        assert_eq!(outbox.call(view, view_request("then"), Box::new(|_| {}), None), None, "told once");
        assert_eq!(outbox.call(search, Request::Suggest { query: "x".into() }, Box::new(|_| {}), None), None);
        // A quick call goes meanwhile; the next view waits until the worker has stopped.
        let Some(ToEngine::Call { id: search_id, request: Request::Suggest { .. } }) = outbox.next() else { panic!() };
        assert_eq!(outbox.next(), None);
        outbox.cancelled(first);
        assert!(outbox.forget(search).is_none(), "a search is quick: it is not stopped");
        assert!(outbox.answered(search_id).is_none(), "a forgotten slot gets no answer");
        let Some(ToEngine::Call { id: last, request }) = outbox.next() else { panic!() };
        assert_eq!(request, view_request("then"));
        // Leaving the view while it runs stops it too.
        assert_eq!(outbox.forget(view), Some(ToEngine::Cancel { id: last }));
        // An answer that crossed the cancel on the way is not given, and frees the worker.
        assert!(outbox.answered(last).is_none());
        assert_eq!(outbox.next(), None);
        assert!(outbox.in_flight.iter().all(Option::is_none));
    }
}
