//! "Add texts": a person opens their own files, a folder, `.zip` archives or a pasted text,
//! or drops them anywhere on the page. The reader's worker reads and indexes them
//! ([`crate::import`]) with progress and a Cancel button; the new corpus is kept in the
//! browser, and the report lists everything that was not read as it was.

use crate::import::{self, Dropped, Input, News, Read, Reading, Spare};
use corpus_explorer::components::views::field_checked;
use corpus_explorer::hooks::use_modal::{modal_frame, use_modal, DialogHandle};
use corpus_explorer::labels::group_digits;
use explorer_core::corpora::{ReadProgress, StoredCorpus};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Where adding texts has got.
#[derive(Clone, Default)]
enum Phase {
    /// Choosing what to add.
    #[default]
    Choosing,
    /// Walking dropped folders.
    Gathering,
    /// The reader is at work.
    Reading(ReadProgress),
    /// Keeping the corpus in the browser.
    Keeping,
    /// Done: the report, and the corpus kept (or why it was not).
    Done(Rc<Read>, Option<Result<StoredCorpus, String>>),
    /// The reader could not go on.
    Failed(String),
    /// The person cancelled.
    Cancelled,
}

/// What the component keeps between renders: the reading under way (dropping it ends the
/// reader's worker), a number that tells the news of a cancelled reading from the next, and
/// the worker started for the next reading while the choices are shown.
#[derive(Default)]
struct Run {
    reading: Option<Reading>,
    generation: u32,
    spare: Option<Spare>,
}

/// Properties of [`AddTexts`].
#[derive(Properties, Clone)]
pub struct AddTextsProps {
    /// Whether the dialog is shown.
    pub open: bool,
    /// Closes it.
    pub on_close: Callback<()>,
    /// What was last dropped on the page, numbered: a new number starts reading it.
    pub dropped: Option<(u32, Rc<RefCell<Option<Dropped>>>)>,
}

impl PartialEq for AddTextsProps {
    fn eq(&self, other: &Self) -> bool {
        self.open == other.open && self.dropped.as_ref().map(|d| d.0) == other.dropped.as_ref().map(|d| d.0)
    }
}

/// The "Add texts" dialog.
#[component]
pub fn AddTexts(props: &AddTextsProps) -> Html {
    let phase = use_state(Phase::default);
    let run = use_mut_ref(Run::default);
    let clutter = use_state(|| false);
    let name = use_state(String::new);
    let paste_text = use_node_ref();
    let modal = use_modal(props.open, true, props.on_close.clone());

    // Starts reading `input` (replacing any reading under way).
    let begin: Rc<dyn Fn(Input)> = {
        let (phase, run, clutter, name) = (phase.clone(), run.clone(), clutter.clone(), name.clone());
        Rc::new(move |input: Input| begin(&input, &phase, &run, *clutter, &name))
    };

    // A drop: its folders are walked, then read.
    {
        let (begin, phase, run) = (begin.clone(), phase.clone(), run.clone());
        let dropped = props.dropped.clone();
        use_effect_with(dropped.as_ref().map(|d| d.0), move |_| {
            if let Some(dropped) = dropped.and_then(|(_, d)| d.borrow_mut().take()) {
                // A new drop replaces what was being read.
                run.borrow_mut().reading = None;
                phase.set(Phase::Gathering);
                wasm_bindgen_futures::spawn_local(async move {
                    match dropped.files().await {
                        Ok(files) if files.is_empty() => phase.set(Phase::Failed("The drop held no file.".into())),
                        Ok(files) => begin(Input::Files(files)),
                        Err(why) => phase.set(Phase::Failed(format!("The dropped files could not be read: {why}."))),
                    }
                });
            }
        });
    }

    // While the choices are shown, the reader's worker for the next reading is started, so
    // that the files are read as soon as they are chosen; closing the dialog ends it.
    {
        let run = run.clone();
        let choosing = matches!(*phase, Phase::Choosing | Phase::Cancelled | Phase::Failed(_));
        use_effect_with((props.open, choosing), move |&(open, choosing)| {
            let mut r = run.borrow_mut();
            if !open {
                r.spare = None;
            } else if choosing && r.spare.is_none() {
                // A worker that cannot start now is started (and its failure told) when used.
                r.spare = Spare::start().ok();
            }
        });
    }

    // Closing the dialog while reading cancels: nothing half-read is kept. Closed after a
    // reading, it opens again on the choices.
    {
        let (open, phase, run, name) = (props.open, phase.clone(), run.clone(), name.clone());
        use_effect_with(open, move |open| {
            if *open {
                return;
            }
            match *phase {
                Phase::Reading(_) | Phase::Gathering => cancel(&run, &phase),
                Phase::Done(..) | Phase::Failed(_) | Phase::Cancelled => {
                    phase.set(Phase::Choosing);
                    name.set(String::new());
                }
                Phase::Choosing | Phase::Keeping => {}
            }
        });
    }

    if !props.open {
        return html! {};
    }
    let body = match &*phase {
        Phase::Choosing | Phase::Cancelled | Phase::Failed(_) => choose(&phase, &clutter, &name, &begin, &paste_text),
        Phase::Gathering => progress_view(None, &run, &phase),
        Phase::Reading(p) => progress_view(Some(p), &run, &phase),
        Phase::Keeping => html! { <p id="import-status" role="status">{ "Keeping the corpus in this browser…" }</p> },
        Phase::Done(read, kept) => report_view(read, kept.as_ref(), &phase, &props.on_close),
    };
    let dialog = DialogHandle { app: None, open: true, close: props.on_close.clone(), modal };
    modal_frame(("add-texts-dialog", "add-texts-title"), "modal add-texts", "Add your own texts", &dialog, body)
}

/// Starts reading `input`: any reading under way is ended first.
fn begin(
    input: &Input,
    phase: &UseStateHandle<Phase>,
    run: &Rc<RefCell<Run>>,
    remove_clutter: bool,
    name: &UseStateHandle<String>,
) {
    let (generation, spare) = {
        let mut r = run.borrow_mut();
        r.reading = None;
        r.generation += 1;
        (r.generation, r.spare.take())
    };
    // The name typed, else the title of a corpus.toml among the files, else what was added
    // (the reader settles it: it is the corpus's title).
    let typed = Some((**name).clone()).filter(|n| !n.trim().is_empty());
    let news = {
        let (phase, run) = (phase.clone(), run.clone());
        move |news: News| {
            // News of a reading that was cancelled or replaced.
            if run.borrow().generation != generation {
                return;
            }
            match news {
                News::Progress(p) => phase.set(Phase::Reading(p)),
                News::Failed(why) => {
                    run.borrow_mut().reading = None;
                    phase.set(Phase::Failed(why));
                }
                News::Done(read) => {
                    run.borrow_mut().reading = None;
                    if read.files.is_none() {
                        return phase.set(Phase::Done(read, None));
                    }
                    phase.set(Phase::Keeping);
                    let name = read.title.clone().unwrap_or_else(|| "My texts".into());
                    let phase = phase.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let kept = import::keep(&name, &read).await;
                        phase.set(Phase::Done(read, Some(kept)));
                    });
                }
            }
        }
    };
    match import::start(input, remove_clutter, typed.as_deref(), spare, news) {
        Ok(reading) => {
            run.borrow_mut().reading = Some(reading);
            phase.set(Phase::Reading(ReadProgress::default()));
        }
        Err(why) => phase.set(Phase::Failed(why)),
    }
}

/// Ends the reading under way; nothing of it is kept.
fn cancel(run: &Rc<RefCell<Run>>, phase: &UseStateHandle<Phase>) {
    let mut r = run.borrow_mut();
    r.reading = None;
    r.generation += 1;
    phase.set(Phase::Cancelled);
}

/// The choices: files, a folder, a pasted text; cleaning; the corpus's name.
fn choose(
    phase: &UseStateHandle<Phase>,
    clutter: &UseStateHandle<bool>,
    name: &UseStateHandle<String>,
    begin: &Rc<dyn Fn(Input)>,
    paste_text: &NodeRef,
) -> Html {
    let from_input = |begin: Rc<dyn Fn(Input)>| {
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let files = input.files().map(|l| import::from_file_list(&l)).unwrap_or_default();
            // The same files can be chosen again.
            input.set_value("");
            if !files.is_empty() {
                begin(Input::Files(files));
            }
        })
    };
    let on_clutter = {
        let clutter = clutter.clone();
        Callback::from(move |e: Event| clutter.set(field_checked(&e)))
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                name.set(i.value());
            }
        })
    };
    let on_paste = {
        let (begin, paste_text, name) = (begin.clone(), paste_text.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = paste_text.cast::<HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            begin(Input::Paste { name: (*name).clone(), text });
        })
    };
    let status = match &**phase {
        Phase::Cancelled => html! { <p id="import-status" role="status">{ "Cancelled: nothing was kept." }</p> },
        Phase::Failed(why) => html! { <p id="import-error" class="import-error" role="alert">{ why.clone() }</p> },
        _ => html! {},
    };
    html! {
        <>
            <p id="import-privacy" class="import-privacy">
                { "Your files stay on this computer: they are read here, in this page, and kept in this browser only. Nothing is uploaded." }
            </p>
            { status }
            <div class="import-choices">
                <label class="file-button">{ "Open files…" }
                    <input id="add-files" type="file" multiple=true
                        accept=".txt,.md,.html,.htm,.json,.jsonl,.csv,.toml,.zip,text/*,application/json,application/zip"
                        onchange={from_input(begin.clone())} />
                </label>
                <label class="file-button">{ "Open a folder…" }
                    <input id="add-folder" type="file" webkitdirectory=true onchange={from_input(begin.clone())} />
                </label>
            </div>
            <p class="import-hint">{ "Or drop files, folders or .zip archives anywhere on this page. Read: .txt, .md, .html, .json (one object or a list), .jsonl, .csv, with NAME.toml metadata beside a file, and corpus.toml." }</p>
            <label><input id="remove-clutter" type="checkbox" checked={**clutter} onchange={on_clutter} />
                { " Remove web page clutter (menus, share buttons, cookie notices): for pages saved from the web. Every removed line is listed." }</label>
            <label for="corpus-name">{ "Name of the new corpus (optional):" }</label>
            <input id="corpus-name" type="text" maxlength="120" value={(**name).clone()} oninput={on_name} />
            <form class="paste-form" onsubmit={on_paste}>
                <label for="paste-text">{ "Or paste a text:" }</label>
                <textarea id="paste-text" ref={paste_text.clone()} rows="5" />
                <button id="paste-go" type="submit">{ "Explore this text" }</button>
            </form>
        </>
    }
}

/// How far reading has got, with Cancel.
fn progress_view(p: Option<&ReadProgress>, run: &Rc<RefCell<Run>>, phase: &UseStateHandle<Phase>) -> Html {
    let on_cancel = {
        let (run, phase) = (run.clone(), phase.clone());
        Callback::from(move |_: MouseEvent| cancel(&run, &phase))
    };
    let (label, percent) = match p {
        None => ("Finding the files in what was dropped…".to_owned(), 0),
        Some(p) => {
            let mb = |b: u64| format!("{:.1}", b as f64 / 1e6);
            let label = if p.indexed > 0 {
                format!("Indexing: {} of {} documents", group_digits(p.indexed), group_digits(p.documents))
            } else if p.files_done > 0 || (p.files > 0 && p.files_read == p.files) {
                format!(
                    "Reading the texts: {} of {} files, {} documents",
                    group_digits(p.files_done),
                    group_digits(p.files),
                    group_digits(p.documents)
                )
            } else {
                format!(
                    "Reading the files: {} of {} ({} of {} MB)",
                    group_digits(p.files_read),
                    group_digits(p.files),
                    mb(p.bytes_read),
                    mb(p.bytes)
                )
            };
            (label, (p.fraction() * 100.0).round() as u32)
        }
    };
    html! {
        <div class="import-progress" aria-busy="true">
            <label id="import-stage" for="import-progress" aria-live="polite">{ label }</label>
            <progress id="import-progress" max="100" value={percent.to_string()}>{ format!("{percent}%") }</progress>
            <button id="import-cancel" type="button" onclick={on_cancel}>{ "Cancel" }</button>
        </div>
    }
}

/// The report: what was read, every problem and change, and the way to the new corpus.
fn report_view(
    read: &Read,
    kept: Option<&Result<StoredCorpus, String>>,
    phase: &UseStateHandle<Phase>,
    on_close: &Callback<()>,
) -> Html {
    let r = &read.report;
    let again = {
        let phase = phase.clone();
        Callback::from(move |_: MouseEvent| phase.set(Phase::Choosing))
    };
    let summary = match r.documents {
        0 => "No document could be read from what was added.".to_owned(),
        n => format!(
            "Read {} from {}.",
            corpus_explorer::labels::count(n, "document"),
            corpus_explorer::labels::count(r.files, "file")
        ),
    };
    let next = match kept {
        Some(Ok(corpus)) => html! {
            <p class="import-next">
                <a id="import-explore" class="button" href={format!("?corpus={}", corpus.id)}
                    onclick={explore(&corpus.id, on_close)}>{ format!("Explore “{}”", corpus.name) }</a>
                { " It is kept in this browser, also offline: find it under Corpora." }
            </p>
        },
        Some(Err(why)) => html! { <p id="import-error" class="import-error" role="alert">{ why.clone() }</p> },
        None => html! {},
    };
    html! {
        <div id="import-report" class="import-report">
            <p id="import-summary" role="status">{ summary }</p>
            { next }
            { report_list("import-problems", "Problems", "Files and records listed here were left out (errors) or read with a warning.", &r.problems) }
            { report_list("import-renamed", "Ids made unique", "These documents had the id of another one; both are kept.", &r.renamed) }
            { report_list("import-removed", "Removed as web page clutter", "Cleaning was asked for; these lines were taken out.", &r.removed) }
            { report_list("import-ignored", "Not read", "These files are not in a format the explorer reads.", &r.ignored) }
            <button id="import-again" type="button" onclick={again}>{ "Add other texts" }</button>
        </div>
    }
}

/// Opens the corpus `id` in this page, without loading the page again: the address becomes
/// `?corpus=ID` (a new history entry) and the explorer is told (`corpus-explorer-open`, see
/// `corpus_explorer::load::open_stored`); the dialog closes. A click that opens a new tab or
/// window follows the link; so does the page when the explorer does not take the corpus.
fn explore(id: &str, on_close: &Callback<()>) -> Callback<MouseEvent> {
    let (id, on_close) = (id.to_owned(), on_close.clone());
    Callback::from(move |e: MouseEvent| {
        if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
            return;
        }
        e.prevent_default();
        let window = gloo::utils::window();
        let path = window.location().pathname().unwrap_or_default();
        let address = format!("{path}?corpus={id}");
        let pushed = gloo::utils::history().push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
        if let Ok(event) = web_sys::Event::new("corpus-explorer-open") {
            let _ = window.dispatch_event(&event);
        }
        if pushed.is_ok() && corpus_explorer::load::corpus_in_use().as_deref() == Some(id.as_str()) {
            on_close.emit(());
        } else {
            let _ = window.location().set_href(&address);
        }
    })
}

/// One list of the report, with its count (nothing when empty).
fn report_list(id: &'static str, title: &str, note: &str, lines: &[String]) -> Html {
    if lines.is_empty() {
        return html! {};
    }
    html! {
        <details {id} class="import-list" open={lines.len() <= 20}>
            <summary>{ format!("{title} ({})", group_digits(lines.len())) }</summary>
            <p class="import-note">{ note.to_owned() }</p>
            <ul>{ lines.iter().map(|l| html! { <li>{ l.clone() }</li> }).collect::<Html>() }</ul>
        </details>
    }
}
