//! The way to the file reader (crates/reader): the "Corpora" and "Add texts" buttons, and the
//! page as a drop target. The reader — the build's file readers and the dialogs for adding
//! texts and managing corpora — is a wasm of its own, loaded into the page only when one of
//! these is first used (`reader-page.js`), so that none of it is part of the first load. This
//! side only asks it to open, handing over what was dropped; nothing here reads a file.
//!
//! The request goes through `window.corpusExplorerImport` (a queue the reader empties when it
//! starts and at each `corpus-explorer-import` event): `{ open: "add" | "corpora", title,
//! entries, files }`, `entries` being the dropped items' file system entries (folders are
//! walked by the reader) and `files` plain files when the browser gives no entries.

use crate::context::AppContext;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::DragEvent;
use yew::prelude::*;

/// The script that loads the reader into the page, beside index.html.
pub const LOADER: &str = "reader-page.js";
/// The queue of requests, on `window`.
const QUEUE: &str = "corpusExplorerImport";
/// The event that tells the reader a request is queued.
const EVENT: &str = "corpus-explorer-import";

/// Asks the reader to open a dialog (`"add"` or `"corpora"`), loading it first if needed.
pub fn open(which: &str, title: Option<&str>, dropped: Option<(Array, Array)>) {
    let window = gloo::utils::window();
    let queue = match Reflect::get(&window, &QUEUE.into()).ok().and_then(|q| q.dyn_into::<Array>().ok()) {
        Some(q) => q,
        None => {
            let q = Array::new();
            let _ = Reflect::set(&window, &QUEUE.into(), &q);
            q
        }
    };
    let request = Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = Reflect::set(&request, &k.into(), v);
    };
    set("open", &which.into());
    set("title", &title.map(JsValue::from).unwrap_or(JsValue::NULL));
    if let Some((entries, files)) = dropped {
        set("entries", &entries);
        set("files", &files);
    }
    queue.push(&request);
    let document = gloo::utils::document();
    if document.get_element_by_id("reader-page").is_none() {
        // Loaded once; it reads the queue when it starts.
        if let Ok(script) = document.create_element("script") {
            let _ = script.set_attribute("id", "reader-page");
            let _ = script.set_attribute("type", "module");
            let _ = script.set_attribute("src", &format!("{LOADER}?v={}", crate::load::build_version()));
            if let Some(head) = document.head() {
                let _ = head.append_child(&script);
            }
        }
    } else if let Ok(event) = web_sys::Event::new(EVENT) {
        let _ = window.dispatch_event(&event);
    }
}

/// The "Corpora" and "Add texts" buttons (the full page only: embeds have none).
pub fn buttons(app: &AppContext) -> Html {
    let title = app.client.info.title.clone();
    take_drops(title.clone());
    let open_with = move |which: &'static str| {
        let title = title.clone();
        Callback::from(move |_: MouseEvent| open(which, title.as_deref(), None))
    };
    html! {
        <div class="corpus-tools">
            <button id="corpora-button" type="button" class="link corpus-tool" aria-haspopup="dialog"
                onclick={open_with("corpora")}>{ "Corpora" }</button>
            <button id="add-texts-button" type="button" class="link corpus-tool" aria-haspopup="dialog"
                onclick={open_with("add")}>{ "Add texts" }</button>
        </div>
    }
}

/// Makes the whole page take dropped files, folders and `.zip` archives (once; the full page
/// only): while they are dragged over it, `<html data-dropping>` shows what a drop does
/// (style.css), and a drop opens "Add texts" with them. Plain listeners rather than a
/// component: the first load stays small.
fn take_drops(title: Option<String>) {
    thread_local!(static TAKEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if TAKEN.with(|t| t.replace(true)) {
        return;
    }
    let document = gloo::utils::document();
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    let has_files = |e: &web_sys::Event| {
        e.dyn_ref::<DragEvent>()
            .and_then(|d| d.data_transfer())
            .is_some_and(|d| d.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
    };
    let dropping = |on: bool| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = if on { root.set_attribute("data-dropping", "") } else { root.remove_attribute("data-dropping") };
        }
    };
    gloo::events::EventListener::new_with_options(&document, "dragover", options, move |e| {
        if has_files(e) {
            e.prevent_default();
            dropping(true);
        }
    })
    .forget();
    gloo::events::EventListener::new(&document, "dragleave", move |e| {
        if e.dyn_ref::<DragEvent>().is_some_and(|d| d.related_target().is_none()) {
            dropping(false);
        }
    })
    .forget();
    gloo::events::EventListener::new_with_options(&document, "drop", options, move |e| {
        dropping(false);
        if !has_files(e) {
            return;
        }
        e.prevent_default();
        let Some(data) = e.dyn_ref::<DragEvent>().and_then(|d| d.data_transfer()) else { return };
        // The entries must be taken while the event lasts.
        let (entries, files) = (Array::new(), Array::new());
        let items = data.items();
        for item in (0..items.length()).filter_map(|i| items.get(i)).filter(|i| i.kind() == "file") {
            if let Ok(Some(entry)) = item.webkit_get_as_entry() {
                entries.push(&entry);
            }
        }
        if entries.length() == 0 {
            if let Some(list) = data.files() {
                for file in (0..list.length()).filter_map(|i| list.get(i)) {
                    files.push(&file);
                }
            }
        }
        if entries.length() + files.length() > 0 {
            open("add", title.as_deref(), Some((entries, files)));
        }
    })
    .forget();
}
