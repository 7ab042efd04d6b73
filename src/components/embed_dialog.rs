//! The "Embed" dialog: a ready-to-copy `<iframe>` snippet (and a one-line `embed.js` snippet)
//! for exactly the current view, with size presets and a live preview.

use crate::hooks::focus_trap::trap;
use explorer_core::view_state::{Theme, ViewState};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

/// Size presets: label, width, height.
const SIZES: [(&str, &str, u32); 4] =
    [("Small", "480", 360), ("Medium", "720", 540), ("Large", "960", 720), ("Full width", "100%", 640)];

/// Properties of [`EmbedDialog`].
#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    /// The view to embed.
    pub view: ViewState,
}

/// Escapes text for an HTML attribute value in double quotes.
pub fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The page's address without its query string (where the explorer is served).
fn base_url() -> String {
    let loc = gloo::utils::window().location();
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_else(|_| "/".into());
    format!("{origin}{path}")
}

/// The button and its dialog.
#[component]
pub fn EmbedDialog(props: &EmbedDialogProps) -> Html {
    let open = use_state(|| false);
    let size = use_state(|| 1usize);
    let search_box = use_state(|| true);
    let theme = use_state(|| Theme::Auto);
    let copied = use_state(|| None::<&'static str>);
    let button_ref = use_node_ref();
    let dialog_ref = use_node_ref();

    let close = {
        let (open, button_ref) = (open.clone(), button_ref.clone());
        Callback::from(move |_: ()| {
            open.set(false);
            if let Some(b) = button_ref.cast::<HtmlElement>() {
                let _ = b.focus();
            }
        })
    };
    {
        let close = close.clone();
        use_effect_with(*open, move |is_open| {
            let listener = is_open.then(|| {
                EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                    if e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Escape") {
                        close.emit(());
                    }
                })
            });
            move || drop(listener)
        });
    }
    {
        let dialog_ref = dialog_ref.clone();
        use_effect_with(*open, move |is_open| {
            if *is_open {
                if let Some(d) = dialog_ref.cast::<HtmlElement>() {
                    let _ = d.focus();
                }
            }
        });
    }

    let mut embedded = props.view.clone();
    embedded.presentation.embed = true;
    embedded.presentation.search_box = *search_box;
    embedded.presentation.theme = *theme;
    embedded.presentation.origins.clear();
    let src = format!("{}{}", base_url(), embedded.to_query_string());
    let (_, width, height) = SIZES[*size];
    let iframe = format!(
        "<iframe src=\"{}\" width=\"{width}\" height=\"{height}\" title=\"Corpus Explorer\" loading=\"lazy\" style=\"border:1px solid #ccc;border-radius:8px\"></iframe>",
        attr_escape(&src)
    );
    let mut data_attrs = format!(" data-view=\"{}\"", embedded.view.key());
    if !embedded.query.is_empty() {
        data_attrs.push_str(&format!(" data-query=\"{}\"", attr_escape(&embedded.query)));
    }
    for (facet, value) in embedded.filters.pairs() {
        data_attrs.push_str(&format!(" data-{}=\"{}\"", facet.key(), attr_escape(value)));
    }
    if let Some(doc) = &embedded.doc {
        data_attrs.push_str(&format!(" data-doc=\"{}\"", attr_escape(doc)));
    }
    if *theme != Theme::Auto {
        data_attrs.push_str(&format!(" data-theme=\"{}\"", theme.key()));
    }
    if !*search_box {
        data_attrs.push_str(" data-searchbox=\"0\"");
    }
    let script = format!(
        "<script src=\"{}\" async></script><div data-corpus-explorer{data_attrs}></div>",
        attr_escape(&format!("{}embed.js", base_url().trim_end_matches("index.html")))
    );

    let copy = |text: String, which: &'static str| {
        let copied = copied.clone();
        Callback::from(move |_| {
            let clipboard = gloo::utils::window().navigator().clipboard();
            let _ = clipboard.write_text(&text);
            copied.set(Some(which));
        })
    };
    let on_size = {
        let size = size.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            size.set(s.value().parse().unwrap_or(1).min(SIZES.len() - 1));
        })
    };
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            theme.set(Theme::from_key(&s.value()).unwrap_or_default());
        })
    };
    let on_search_box = {
        let search_box = search_box.clone();
        Callback::from(move |e: Event| {
            let i: HtmlInputElement = e.target_unchecked_into();
            search_box.set(i.checked());
        })
    };
    let toggle = {
        let (open, copied) = (open.clone(), copied.clone());
        Callback::from(move |_| {
            copied.set(None);
            open.set(!*open);
        })
    };
    html! {
        <>
            <button id="embed-button" ref={button_ref} type="button" class="embed-button" aria-haspopup="dialog"
                aria-expanded={open.to_string()} onclick={toggle}>{ "Embed" }</button>
            if *open {
                <div class="modal-backdrop" onclick={let close = close.clone(); move |_| close.emit(())}></div>
                <div id="embed-dialog" ref={dialog_ref.clone()} class="modal" role="dialog" aria-modal="true"
                    aria-labelledby="embed-title" tabindex="-1" onkeydown={trap(&dialog_ref)}>
                    <div class="help-head">
                        <h2 id="embed-title">{ "Embed this view" }</h2>
                        <button type="button" class="help-close" aria-label="Close"
                            onclick={let close = close.clone(); move |_| close.emit(())}>{ "×" }</button>
                    </div>
                    <div class="embed-options">
                        <label>{ "Size " }
                            <select id="embed-size" onchange={on_size}>
                                { for SIZES.iter().enumerate().map(|(i, (label, w, h))| html! {
                                    <option value={i.to_string()} selected={i == *size}>{ format!("{label} ({w} × {h})") }</option>
                                }) }
                            </select>
                        </label>
                        <label>{ "Theme " }
                            <select id="embed-theme" onchange={on_theme}>
                                { for [Theme::Auto, Theme::Light, Theme::Dark].iter().map(|t| html! {
                                    <option value={t.key()} selected={*t == *theme}>{ t.key() }</option>
                                }) }
                            </select>
                        </label>
                        <label><input id="embed-searchbox" type="checkbox" checked={*search_box} onchange={on_search_box} />{ " Show the search box" }</label>
                    </div>
                    <label for="embed-code">{ "HTML to paste into your page:" }</label>
                    <textarea id="embed-code" readonly=true rows="4" value={iframe.clone()} />
                    <button type="button" id="embed-copy" onclick={copy(iframe.clone(), "iframe")}>
                        { if *copied == Some("iframe") { "Copied" } else { "Copy" } }</button>
                    <label for="embed-script">{ "Or, with the resizing host script (one line):" }</label>
                    <textarea id="embed-script" readonly=true rows="3" value={script.clone()} />
                    <button type="button" id="embed-script-copy" onclick={copy(script, "script")}>
                        { if *copied == Some("script") { "Copied" } else { "Copy" } }</button>
                    <p class="embed-preview-label">{ "Preview:" }</p>
                    <iframe id="embed-preview" class="embed-preview" src={src} title="Embed preview" loading="lazy" tabindex="-1"
                        style={format!("width:{};height:{}px", if width.ends_with('%') { width.to_owned() } else { format!("{width}px") }, height.min(420))}></iframe>
                </div>
            }
        </>
    }
}
