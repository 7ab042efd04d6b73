//! The "Embed" dialog: a ready-to-copy `<iframe>` snippet (and a one-line `embed.js` snippet)
//! for exactly the current view, with size presets and a live preview.

use crate::context::use_app;
use crate::hooks::use_modal::use_modal;
use crate::state::{Action, Dialog};
use explorer_core::view_state::{Theme, View, ViewState};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Size presets: label, width, height.
const SIZES: [(&str, &str, u32); 4] =
    [("Small", "480", 360), ("Medium", "720", 540), ("Large", "960", 720), ("Full width", "100%", 640)];

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

/// The view an embed of the current page shows (the reader only when it is the tab shown).
fn embed_view(view: &ViewState) -> ViewState {
    let mut v = view.clone();
    if v.view != View::Reader {
        v.doc = None;
    }
    v
}

/// The button and its dialog.
#[component]
pub fn EmbedDialog() -> Html {
    let app = use_app();
    let open = app.as_ref().is_some_and(|a| a.state.ui.dialog == Some(Dialog::Embed));
    let size = use_state(|| 1usize);
    let search_box = use_state(|| true);
    let theme = use_state(|| Theme::Auto);
    let copied = use_state(|| None::<&'static str>);
    let on_close = app.as_ref().map(|a| a.callback(|_: ()| Action::CloseDialog)).unwrap_or_default();
    let modal = use_modal(open, true, on_close.clone());
    let Some(app) = app else { return html! {} };
    let close = Callback::from(move |_: MouseEvent| on_close.emit(()));

    let mut embedded = embed_view(&app.state.view);
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
        let (copied, app) = (copied.clone(), app.clone());
        Callback::from(move |_: MouseEvent| {
            copied.set(None);
            app.dispatch(if open { Action::CloseDialog } else { Action::OpenDialog(Dialog::Embed) });
        })
    };
    html! {
        <>
            <button id="embed-button" type="button" class="embed-button" aria-haspopup="dialog"
                aria-expanded={open.to_string()} onclick={toggle}>{ "Embed" }</button>
            if open {
                <div class="modal-backdrop" onclick={close.clone()}></div>
                <div id="embed-dialog" ref={modal.panel} class="modal" role="dialog" aria-modal="true"
                    aria-labelledby="embed-title" tabindex="-1" onkeydown={modal.onkeydown}>
                    <div class="help-head">
                        <h2 id="embed-title">{ "Embed this view" }</h2>
                        <button type="button" class="help-close" aria-label="Close" onclick={close}>{ "×" }</button>
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
