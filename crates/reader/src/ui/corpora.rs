//! The "Corpora" menu: the explorer's own corpus and every corpus added in this browser (name,
//! documents, size, date added), to switch to, rename, download as the explorer's JSON Lines
//! file, or delete. Switching is a new page load (`?corpus=ID`): the engine holds one corpus
//! (Explore, in Add texts, opens the corpus just added in the same page, with a new engine's
//! worker).

use crate::store;
use corpus_explorer::hooks::use_modal::{modal_frame, use_modal, DialogHandle};
use corpus_explorer::labels::{count, group_digits};
use corpus_explorer::load::{corpus_file, corpus_in_use};
use explorer_core::corpora::{clean_name, StoredCorpus};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the list shows.
#[derive(Clone, PartialEq)]
enum Listing {
    /// Being read from the browser's storage.
    Loading,
    /// The corpora kept here.
    Ready(Vec<StoredCorpus>),
    /// The storage could not be read.
    Failed(String),
}

/// Properties of [`Corpora`].
#[derive(Properties, PartialEq, Clone)]
pub struct CorporaProps {
    /// Whether the dialog is shown.
    pub open: bool,
    /// The explorer's own corpus's title.
    pub title: Option<String>,
    /// Closes it.
    pub on_close: Callback<()>,
    /// Opens "Add texts" instead.
    pub on_add: Callback<()>,
}

/// The Corpora dialog.
#[component]
pub fn Corpora(props: &CorporaProps) -> Html {
    let modal = use_modal(props.open, true, props.on_close.clone());
    let listing = use_state(|| Listing::Loading);
    let renaming = use_state(|| None::<String>);
    let deleting = use_state(|| None::<String>);
    let message = use_state(|| None::<String>);
    // A change (renamed, deleted) reads the list again.
    let generation = use_state(|| 0u32);
    {
        let listing = listing.clone();
        use_effect_with((props.open, *generation), move |(open, _)| {
            if *open {
                wasm_bindgen_futures::spawn_local(async move {
                    listing.set(match store::list().await {
                        Ok(list) => Listing::Ready(list),
                        Err(e) => Listing::Failed(format!("The corpora kept in this browser could not be read: {e}.")),
                    });
                });
            }
        });
    }
    if !props.open {
        return html! {};
    }
    let in_use = corpus_in_use();
    let built_in_title = props.title.clone().filter(|_| in_use.is_none());
    let ctx = Ctx { renaming, deleting, message: message.clone(), generation, in_use: in_use.clone() };
    let rows = match &*listing {
        Listing::Loading => html! { <li aria-busy="true">{ "Reading the corpora kept in this browser…" }</li> },
        Listing::Failed(why) => html! { <li role="alert">{ why.clone() }</li> },
        Listing::Ready(list) if list.is_empty() => html! {
            <li class="corpora-none">{ "No corpus of your own yet: add texts to make one." }</li>
        },
        Listing::Ready(list) => list.iter().map(|c| stored_row(c, &ctx)).collect::<Html>(),
    };
    let add = props.on_add.reform(|_: MouseEvent| ());
    let body = html! {
        <>
            if let Some(m) = &*message {
                <p id="corpora-message" role="status">{ m.clone() }</p>
            }
            <ul id="corpora-list" class="corpora-list">
                <li class="corpus" data-id="">
                    <div class="corpus-head">
                        if in_use.is_none() {
                            <strong class="corpus-name">{ built_in_title.unwrap_or_else(|| "The explorer's own corpus".into()) }</strong>
                            <span class="corpus-in-use">{ " (in use)" }</span>
                        } else {
                            <a class="corpus-open corpus-name" href="?">{ "The explorer's own corpus" }</a>
                        }
                    </div>
                    <p class="corpus-facts">{ "Built in: comes with this site." }</p>
                    <div class="corpus-actions">
                        <a class="corpus-download button" href={corpus_file()} download="corpus.jsonl">{ "Download" }</a>
                    </div>
                </li>
                { rows }
            </ul>
            <p class="import-privacy">{ "Corpora you add are kept in this browser only (its site storage): nothing is uploaded. Clearing this site's data deletes them." }</p>
            <button id="corpora-add" type="button" onclick={add}>{ "Add texts…" }</button>
        </>
    };
    let dialog = DialogHandle { app: None, open: true, close: props.on_close.clone(), modal };
    modal_frame(("corpora-dialog", "corpora-title"), "modal corpora", "Corpora", &dialog, body)
}

/// What a row needs to act.
#[derive(Clone)]
struct Ctx {
    renaming: UseStateHandle<Option<String>>,
    deleting: UseStateHandle<Option<String>>,
    message: UseStateHandle<Option<String>>,
    generation: UseStateHandle<u32>,
    in_use: Option<String>,
}

/// Runs a change of the storage, then says how it went and reads the list again.
fn change(ctx: &Ctx, work: impl std::future::Future<Output = Result<String, String>> + 'static) {
    let (message, generation) = (ctx.message.clone(), ctx.generation.clone());
    wasm_bindgen_futures::spawn_local(async move {
        message.set(Some(work.await.unwrap_or_else(|e| e)));
        generation.set(*generation + 1);
    });
}

/// One corpus kept here: its facts and actions.
fn stored_row(c: &StoredCorpus, ctx: &Ctx) -> Html {
    let id = c.id.clone();
    let current = ctx.in_use.as_deref() == Some(c.id.as_str());
    let date = js_sys::Date::new(&c.added_ms.into()).to_iso_string().as_string().unwrap_or_default();
    let size = match c.bytes {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b => format!("{} kB", b.div_ceil(1000)),
    };
    let facts = format!(
        "{} · {} words · {size} · added {}",
        count(c.documents, "document"),
        group_digits(c.words),
        date.get(..10).unwrap_or_default()
    );
    let head = if *ctx.renaming == Some(id.clone()) {
        let on_submit = {
            let (renaming, id) = (ctx.renaming.clone(), id.clone());
            let ctx = ctx.clone();
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let value = gloo::utils::document()
                    .get_element_by_id(&format!("rename-{id}"))
                    .and_then(|i| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(i).ok())
                    .map(|i| i.value())
                    .unwrap_or_default();
                renaming.set(None);
                let id = id.clone();
                change(&ctx, async move {
                    let name =
                        clean_name(&value).ok_or_else(|| "A corpus needs a name: it was not renamed.".to_owned())?;
                    let renamed = async {
                        let (jsonl, _) = store::files(&id).await?.ok_or("it is no longer kept in this browser")?;
                        let jsonl = crate::import::retitle(&jsonl, &name).await?;
                        store::rename(&id, &name, &jsonl).await
                    };
                    renamed.await.map_err(|e: String| format!("It could not be renamed: {e}."))?;
                    Ok(format!("Renamed to “{name}”."))
                });
            })
        };
        html! {
            <form class="corpus-rename-form" onsubmit={on_submit}>
                <label class="visually-hidden" for={format!("rename-{id}")}>{ "New name" }</label>
                <input id={format!("rename-{id}")} class="corpus-name-input" type="text" maxlength="120" value={c.name.clone()} />
                <button class="corpus-rename-save" type="submit">{ "Save" }</button>
            </form>
        }
    } else if current {
        html! { <><strong class="corpus-name">{ c.name.clone() }</strong><span class="corpus-in-use">{ " (in use)" }</span></> }
    } else {
        html! { <a class="corpus-open corpus-name" href={format!("?corpus={id}")}>{ c.name.clone() }</a> }
    };
    let on_rename = {
        let (renaming, id) = (ctx.renaming.clone(), id.clone());
        Callback::from(move |_: MouseEvent| renaming.set(Some(id.clone())))
    };
    let on_download = {
        let (id, name, message) = (id.clone(), c.name.clone(), ctx.message.clone());
        Callback::from(move |_: MouseEvent| {
            let (id, name, message) = (id.clone(), name.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let saved = match store::files(&id).await {
                    Ok(Some((jsonl, _))) => {
                        corpus_explorer::download::save_blob(&format!("{}.jsonl", file_stem(&name)), &jsonl)
                    }
                    Ok(None) => Err("it is no longer kept in this browser".into()),
                    Err(e) => Err(e),
                };
                if let Err(e) = saved {
                    message.set(Some(format!("“{name}” could not be downloaded: {e}.")));
                }
            });
        })
    };
    let delete_asked = *ctx.deleting == Some(id.clone());
    let on_delete = {
        let (deleting, id, name, current) = (ctx.deleting.clone(), id.clone(), c.name.clone(), current);
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            if !delete_asked {
                return deleting.set(Some(id.clone()));
            }
            deleting.set(None);
            let (id, name) = (id.clone(), name.clone());
            change(&ctx, async move {
                store::delete(&id).await.map_err(|e| format!("“{name}” could not be deleted: {e}."))?;
                if current {
                    // The corpus shown is gone: show the explorer's own.
                    let _ = gloo::utils::window().location().replace("?");
                }
                Ok(format!("“{name}” was deleted from this browser."))
            });
        })
    };
    let on_keep = {
        let deleting = ctx.deleting.clone();
        Callback::from(move |_: MouseEvent| deleting.set(None))
    };
    html! {
        <li class="corpus" data-id={id.clone()}>
            <div class="corpus-head">{ head }</div>
            <p class="corpus-facts">{ facts }</p>
            if !c.report.problems.is_empty() {
                <p class="corpus-facts">{ format!("{} when its files were read", count(c.report.problems.len(), "problem")) }</p>
            }
            <div class="corpus-actions">
                <button class="corpus-rename" type="button" onclick={on_rename}>{ "Rename" }</button>
                <button class="corpus-download" type="button" onclick={on_download}>{ "Download" }</button>
                if delete_asked {
                    <button class="corpus-delete-confirm danger" type="button" onclick={on_delete}>{ "Delete it for good" }</button>
                    <button class="corpus-delete-keep" type="button" onclick={on_keep}>{ "Keep it" }</button>
                } else {
                    <button class="corpus-delete" type="button" onclick={on_delete}>{ "Delete" }</button>
                }
            </div>
        </li>
    }
}

/// A file name made of a corpus name (letters, digits, spaces, hyphens; `corpus` if none).
fn file_stem(name: &str) -> String {
    let stem: String =
        name.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == ' ' { c } else { '-' }).take(80).collect();
    let stem = stem.trim().to_owned();
    if stem.is_empty() {
        "corpus".into()
    } else {
        stem
    }
}
