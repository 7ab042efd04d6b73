//! The reader's side in the page: its dialogs (Add texts, Corpora), mounted into
//! `#import-root` once the explorer asks for them (see `corpus_explorer::importer`: the
//! requests wait in `window.corpusExplorerImport`, and each new one is announced with a
//! `corpus-explorer-import` event).

use crate::import::Dropped;
use crate::ui::add_texts::AddTexts;
use crate::ui::corpora::Corpora;
use gloo::events::EventListener;
use js_sys::{Array, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Mounts the dialogs.
pub fn start() {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    root.set_id("import-root");
    if let Some(body) = document.body() {
        let _ = body.append_child(&root);
    }
    yew::Renderer::<ImportUi>::with_root(root).render();
}

/// Which dialog is shown.
#[derive(Clone, Copy, PartialEq)]
enum Which {
    Add,
    Corpora,
}

/// The requests waiting in `window.corpusExplorerImport`, taken out of it.
fn take_requests() -> Vec<JsValue> {
    let queue = Reflect::get(&gloo::utils::window(), &"corpusExplorerImport".into()).unwrap_or(JsValue::UNDEFINED);
    match queue.dyn_into::<Array>() {
        Ok(q) => q.splice(0, q.length(), &JsValue::UNDEFINED).iter().collect(),
        Err(_) => Vec::new(),
    }
}

/// The dialogs, and the explorer's requests to open them.
#[component]
fn ImportUi() -> Html {
    let which = use_state(|| None::<Which>);
    let title = use_state(|| None::<String>);
    let dropped = use_state(|| None::<(u32, Rc<RefCell<Option<Dropped>>>)>);
    {
        let (which, title, dropped) = (which.clone(), title.clone(), dropped.clone());
        use_effect_with((), move |_| {
            let serve = move || {
                for request in take_requests() {
                    let get = |k: &str| Reflect::get(&request, &k.into()).unwrap_or(JsValue::UNDEFINED);
                    title.set(get("title").as_string());
                    let (entries, files) = (get("entries"), get("files"));
                    if Array::is_array(&entries) || Array::is_array(&files) {
                        let n = dropped.as_ref().map_or(0, |d| d.0) + 1;
                        dropped.set(Some((n, Rc::new(RefCell::new(Some(Dropped::of(&entries, &files)))))));
                    }
                    which.set(match get("open").as_string().as_deref() {
                        Some("corpora") => Some(Which::Corpora),
                        _ => Some(Which::Add),
                    });
                }
            };
            serve();
            let listener = EventListener::new(&gloo::utils::window(), "corpus-explorer-import", move |_| serve());
            move || drop(listener)
        });
    }
    let close = {
        let which = which.clone();
        Callback::from(move |_: ()| which.set(None))
    };
    let to_add = {
        let which = which.clone();
        Callback::from(move |_: ()| which.set(Some(Which::Add)))
    };
    html! {
        <>
            <Corpora open={*which == Some(Which::Corpora)} title={(*title).clone()} on_close={close.clone()} on_add={to_add} />
            <AddTexts open={*which == Some(Which::Add)} on_close={close} dropped={(*dropped).clone()} />
        </>
    }
}
