//! The "Embed" dialog: a ready-to-copy `<iframe>` snippet (and a one-line `embed.js` snippet)
//! for exactly the current view (`explorer_core::embed::snippets`), with size presets and a
//! live preview.

use crate::components::views::{field_checked, field_value, menu};
use crate::hooks::use_modal::{modal_frame, use_dialog};
use crate::state::{Action, Dialog};
use explorer_core::embed::{snippets, EmbedOptions, SIZES};
use explorer_core::view_state::Theme;
use yew::prelude::*;

/// Said in the dialog when the corpus shown is one a person added in this browser.
const EMBED_ADDED_CORPUS: &str = "This corpus was added in this browser and lives only here: the embed shows it \
     in this browser alone. To embed it in a site for everyone, download it in Corpora and build it into the site.";

/// The page's address without its query string (where the explorer is served).
fn base_url() -> String {
    let loc = gloo::utils::window().location();
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_else(|_| "/".into());
    format!("{origin}{path}")
}

/// The button and its dialog. The choices made in the dialog (size, theme, search box) are
/// the dialog's own until it is closed.
#[component]
pub fn EmbedDialog() -> Html {
    let dialog = use_dialog(Dialog::Embed, true);
    let options = use_state(EmbedOptions::default);
    let copied = use_state(|| None::<&'static str>);
    let Some(app) = dialog.app.clone() else { return html! {} };
    let open = dialog.open;
    let toggle = {
        let (copied, app) = (copied.clone(), app.clone());
        Callback::from(move |_: MouseEvent| {
            copied.set(None);
            app.dispatch(if open { Action::CloseDialog } else { Action::OpenDialog(Dialog::Embed) });
        })
    };
    let button = html! {
        <button id="embed-button" type="button" class="embed-button" aria-haspopup="dialog"
            aria-expanded={open.to_string()} onclick={toggle}>{ "Embed" }</button>
    };
    // The same two children whether the dialog is open or not, so that the button stays the
    // same element (Yew matches unkeyed children from the end) and gets the focus back.
    let dialog_html = if open { dialog_body(&app, &dialog, &options, &copied) } else { Html::default() };
    html! {
        <>
            { button }
            { dialog_html }
        </>
    }
}

/// The dialog: options, the two snippets with their copy buttons, and the preview.
fn dialog_body(
    app: &crate::context::AppContext,
    dialog: &crate::hooks::use_modal::DialogHandle,
    options: &UseStateHandle<EmbedOptions>,
    copied: &UseStateHandle<Option<&'static str>>,
) -> Html {
    let s = snippets(&app.state.view, &base_url(), **options);
    let set = |f: fn(&mut EmbedOptions, &Event)| {
        let options = options.clone();
        Callback::from(move |e: Event| {
            let mut o = *options;
            f(&mut o, &e);
            options.set(o);
        })
    };
    let on_size = set(|o, e| o.size = field_value(e).parse().unwrap_or(1));
    let on_theme = set(|o, e| o.theme = Theme::from_key(&field_value(e)).unwrap_or_default());
    let on_search_box = set(|o, e| o.search_box = field_checked(e));
    let copy = |text: String, which: &'static str| {
        let copied = copied.clone();
        Callback::from(move |_| {
            let _ = gloo::utils::window().navigator().clipboard().write_text(&text);
            copied.set(Some(which));
        })
    };
    let copy_label = |which| if **copied == Some(which) { "Copied" } else { "Copy" };
    let sizes = SIZES.iter().enumerate().map(|(i, (label, w, h))| (i.to_string(), format!("{label} ({w} × {h})")));
    let themes = [Theme::Auto, Theme::Light, Theme::Dark].map(|t| (t.key().to_owned(), t.key().to_owned()));
    let body = html! {
        <>
            <div class="embed-options">
                { menu("Size ", "embed-size", sizes, &options.size.to_string(), on_size) }
                { menu("Theme ", "embed-theme", themes, options.theme.key(), on_theme) }
                <label><input id="embed-searchbox" type="checkbox" checked={options.search_box} onchange={on_search_box} />{ " Show the search box" }</label>
            </div>
            if crate::load::corpus_in_use().is_some() {
                <p id="embed-added-note">{ EMBED_ADDED_CORPUS }</p>
            }
            <label for="embed-code">{ "HTML to paste into your page:" }</label>
            <textarea id="embed-code" readonly=true rows="4" value={s.iframe.clone()} />
            <button type="button" id="embed-copy" onclick={copy(s.iframe.clone(), "iframe")}>{ copy_label("iframe") }</button>
            <label for="embed-script">{ "Or, with the resizing host script (one line):" }</label>
            <textarea id="embed-script" readonly=true rows="3" value={s.script.clone()} />
            <button type="button" id="embed-script-copy" onclick={copy(s.script.clone(), "script")}>{ copy_label("script") }</button>
            <p class="embed-preview-label">{ "Preview:" }</p>
            <iframe id="embed-preview" class={classes!("embed-preview", format!("size-{}", options.size.min(SIZES.len() - 1)))}
                src={s.src} title="Embed preview" loading="lazy" tabindex="-1"></iframe>
        </>
    };
    modal_frame(("embed-dialog", "embed-title"), "modal", "Embed this view", dialog, body)
}
