//! Offline support: registers the service worker and tells the page when a newer build
//! is ready.
//!
//! `sw.js` is generated at build time by `scripts/gen-sw.mjs` (a Trunk `post_build` hook)
//! from `scripts/sw.template.js`: it precaches every file of the build in a cache named
//! after the build's content hash, serves navigations network-first with the cached page
//! of its own build as the fallback, and hashed assets cache-first by exact URL. The same
//! hook writes the build's version into `<meta name="corpus-explorer-build">` of
//! `index.html`, so the page knows which build it is.
//!
//! Updates: when a new worker is installed and waiting, the page asks it for its version
//! (a `postMessage`; the worker answers with `event.source.postMessage`). If the page
//! already *is* that build (it came from the network, network-first), the waiting worker
//! is activated at once and silently: page and worker agree, and the old cache goes. If
//! the page is older (it came from the cache), the listener set with [`on_update`] is told
//! (the app's reducer then shows "A new version is available — reload"), and
//! [`reload_to_update`] activates the waiting worker and reloads once it controls the page.
//!
//! Everything here fails soft: a browser without service workers (or an insecure
//! context, where `navigator.serviceWorker` is missing) just skips it, and failures are
//! console warnings, never panics. Inside an embed's iframe nothing is registered.

use std::cell::RefCell;

use gloo::console::warn;
use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys;
use web_sys::{
    MessageEvent, RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState,
};

/// The worker's address and scope, relative to the page, so that the app works under any
/// sub-path (`/tools/explorer/sw.js` with scope `/tools/explorer/`).
const SW_URL: &str = "./sw.js";
const SW_SCOPE: &str = "./";
/// Messages exchanged with the worker (see `scripts/sw.template.js`).
const MSG_VERSION_QUERY: &str = "corpus-explorer:version?";
const MSG_VERSION_REPLY: &str = "corpus-explorer:version:";
const MSG_SKIP_WAITING: &str = "corpus-explorer:skip-waiting";
/// `<meta name=… content=VERSION>` that the build hook writes into index.html.
const BUILD_META: &str = "meta[name=\"corpus-explorer-build\"]";
/// How often an open page looks for a new build (besides each load and coming back online).
const UPDATE_CHECK_MS: u32 = 60 * 60 * 1000;
/// How long [`reload_to_update`] waits for the new worker to take over before reloading anyway.
const RELOAD_FALLBACK_MS: u32 = 3_000;

#[derive(Default)]
struct Offline {
    /// A newer build was found before anyone listened.
    pending_update: bool,
    /// Told once a newer build is found (see [`on_update`]).
    listener: Option<std::rc::Rc<dyn Fn()>>,
    container: Option<ServiceWorkerContainer>,
    registration: Option<ServiceWorkerRegistration>,
    /// This page's build (from the meta tag); `None` for a build without one.
    page_version: Option<String>,
    /// Whether a worker controlled the page before the latest `controllerchange`.
    had_controller: bool,
    /// Set by [`reload_to_update`]: the next `controllerchange` reloads the page.
    reloading: bool,
    reloaded: bool,
}

thread_local! {
    static OFFLINE: RefCell<Offline> = RefCell::default();
}

fn with<R>(f: impl FnOnce(&mut Offline) -> R) -> R {
    OFFLINE.with(|o| f(&mut o.borrow_mut()))
}

/// Registers `./sw.js` with scope `./`, once (later calls, when another corpus is opened in
/// the page, do nothing); does nothing (beyond a console warning on failure) where service
/// workers are unavailable.
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if with(|o| o.container.is_some()) {
        return;
    }
    let Some(container) = container(&window) else {
        return;
    };

    let page_version = window
        .document()
        .and_then(|d| d.query_selector(BUILD_META).ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .filter(|v| !v.is_empty());
    with(|o| {
        o.container = Some(container.clone());
        o.page_version = page_version;
        o.had_controller = container.controller().is_some();
    });

    // Replies of the workers. Setting `onmessage` also starts the client's message queue.
    let on_message: Closure<dyn FnMut(MessageEvent)> = Closure::new(on_message);
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();

    EventListener::new(&container, "controllerchange", |_| on_controller_change()).forget();

    // Back online: look for a new build at once rather than at the next navigation.
    EventListener::new(&window, "online", |_| {
        if let Some(reg) = with(|o| o.registration.clone()) {
            check_for_update(&reg);
        }
    })
    .forget();
    // A page left open for long looks again now and then.
    gloo::timers::callback::Interval::new(UPDATE_CHECK_MS, || {
        if let Some(reg) = with(|o| o.registration.clone()) {
            check_for_update(&reg);
        }
    })
    .forget();

    let options = RegistrationOptions::new();
    options.set_scope(SW_SCOPE);
    let ok: Closure<dyn FnMut(JsValue)> =
        Closure::once(|reg: JsValue| match reg.dyn_into::<ServiceWorkerRegistration>() {
            Ok(reg) => on_registered(reg),
            Err(other) => warn!("offline: service worker registration returned", other),
        });
    let failed: Closure<dyn FnMut(JsValue)> = Closure::once(|err: JsValue| {
        warn!("offline: could not register the service worker (the app works, but not offline):", err);
    });
    let _ = container.register_with_options(SW_URL, &options).then2(&ok, &failed);
    ok.forget();
    failed.forget();
}

/// The page's service worker container, where this page registers one: not inside an embed's
/// frame (static/embed.js: visitors of every host page would download the whole app a second
/// time to precache it), and not where the browser has none.
fn container(window: &web_sys::Window) -> Option<ServiceWorkerContainer> {
    if crate::host::in_frame() {
        return None;
    }
    // `navigator.serviceWorker` is absent in old browsers and insecure contexts, and its
    // getter throws in sandboxed documents: read it without a binding that would panic.
    js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("serviceWorker"))
        .ok()
        .and_then(|c| c.dyn_into::<ServiceWorkerContainer>().ok())
}

/// True on a first visit: no service worker controls the page and [`register`] will register
/// one, whose install is to find the files the engine downloads in its cache
/// (`engine-worker.js`'s `handOff`).
pub fn first_visit() -> bool {
    web_sys::window().and_then(|w| container(&w)).is_some_and(|c| c.controller().is_none())
}

fn on_registered(reg: ServiceWorkerRegistration) {
    with(|o| o.registration = Some(reg.clone()));
    if let Some(waiting) = reg.waiting() {
        ask_version(&waiting);
    }
    if let Some(installing) = reg.installing() {
        watch(installing);
    }
    let r = reg.clone();
    EventListener::new(&reg, "updatefound", move |_| {
        if let Some(installing) = r.installing() {
            watch(installing);
        }
    })
    .forget();
}

/// Follows an installing worker; once installed while another one controls the page, it
/// waits, and we ask which build it holds.
fn watch(worker: ServiceWorker) {
    let w = worker.clone();
    EventListener::new(&worker, "statechange", move |_| {
        let controlled = with(|o| o.container.as_ref().and_then(|c| c.controller()).is_some());
        if w.state() == ServiceWorkerState::Installed && controlled {
            ask_version(&w);
        }
    })
    .forget();
}

fn ask_version(worker: &ServiceWorker) {
    if let Err(e) = worker.post_message(&JsValue::from_str(MSG_VERSION_QUERY)) {
        warn!("offline: cannot message the service worker:", e);
    }
}

fn on_message(event: MessageEvent) {
    let Some(data) = event.data().as_string() else {
        return;
    };
    let Some(version) = data.strip_prefix(MSG_VERSION_REPLY) else {
        return;
    };
    let (page_version, waiting) = with(|o| (o.page_version.clone(), o.registration.as_ref().and_then(|r| r.waiting())));
    let source: JsValue = event.source().map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
    let from_waiting = waiting.as_ref().is_some_and(|w| JsValue::from(w.clone()) == source);
    if page_version.as_deref() == Some(version) {
        // This page already is that build (it came from the network): let its worker take
        // over now, so that the next offline visit gets this build too.
        if let Some(w) = waiting.filter(|_| from_waiting) {
            skip_waiting(&w);
        }
    } else {
        update_found();
    }
}

fn on_controller_change() {
    let (reloading, had_controller, controller) = with(|o| {
        let had = o.had_controller;
        o.had_controller = true;
        (o.reloading, had, o.container.as_ref().and_then(|c| c.controller()))
    });
    if reloading {
        reload_once();
    } else if had_controller {
        // Another tab may have activated a newer build: ask the new worker which one.
        if let Some(c) = controller {
            ask_version(&c);
        }
    }
}

fn check_for_update(reg: &ServiceWorkerRegistration) {
    if let Ok(promise) = reg.update() {
        // Offline or a failed fetch of sw.js: nothing to do, try again later.
        let ignore: Closure<dyn FnMut(JsValue)> = Closure::once(|_: JsValue| {});
        let _ = promise.catch(&ignore);
        ignore.forget();
    }
}

fn skip_waiting(worker: &ServiceWorker) {
    if let Err(e) = worker.post_message(&JsValue::from_str(MSG_SKIP_WAITING)) {
        warn!("offline: cannot message the service worker:", e);
    }
}

/// A newer build was found: tell the listener, or keep it for the one to come.
fn update_found() {
    // Outside the borrow: the listener re-renders the app.
    let listener = with(|o| {
        o.pending_update = o.listener.is_none();
        o.listener.clone()
    });
    if let Some(listener) = listener {
        listener();
    }
}

/// Calls `listener` once a newer build than this page is installed (and waiting) or controls
/// the page — at once when that was found before. The app then offers "A new version is
/// available — reload", whose button calls [`reload_to_update`].
pub fn on_update(listener: impl Fn() + 'static) {
    let pending = with(|o| {
        o.listener = Some(std::rc::Rc::new(listener));
        std::mem::take(&mut o.pending_update)
    });
    if pending {
        update_found();
    }
}

fn reload_once() {
    let first = with(|o| !std::mem::replace(&mut o.reloaded, true));
    if first {
        if let Err(e) = gloo::utils::window().location().reload() {
            warn!("offline: reload failed:", e);
        }
    }
}

/// Switches to the new build: tells the waiting worker to take over (`skipWaiting`) and
/// reloads the page once it controls it (or after a few seconds in any case). Without a
/// waiting worker it just reloads.
pub fn reload_to_update() {
    let waiting = with(|o| {
        o.reloading = true;
        o.registration.as_ref().and_then(|r| r.waiting())
    });
    match waiting {
        Some(w) => {
            skip_waiting(&w);
            gloo::timers::callback::Timeout::new(RELOAD_FALLBACK_MS, reload_once).forget();
        }
        None => reload_once(),
    }
}
