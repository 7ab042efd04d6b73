//! Talking to the page that embeds the explorer in an iframe (see `explorer_core::embed`).

use explorer_core::embed::{parse_command, Command, Outgoing};
use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageEvent;

/// True when the page runs inside a frame of another page.
pub fn in_frame() -> bool {
    let window = gloo::utils::window();
    match (window.parent(), window.self_()) {
        (Ok(Some(parent)), me) => !js_sys::Object::is(&parent, &me),
        _ => false,
    }
}

/// Sends a message to the host page, addressed to each listed origin (the browser delivers it
/// only when the parent page is of that origin). With no origin listed nothing is sent: the
/// messages carry what a person types, which no page but a trusted host may read.
pub fn send(message: &Outgoing, origins: &[String]) {
    if origins.is_empty() || !in_frame() {
        return;
    }
    let Ok(Some(parent)) = gloo::utils::window().parent() else { return };
    let data = match js_sys::JSON::parse(&message.to_json()) {
        Ok(v) => v,
        Err(_) => return,
    };
    for target in origins {
        if let Err(e) = parent.post_message(&data, target) {
            gloo::console::warn!("could not message the host page:", e);
        }
    }
}

/// Listens for host commands: only messages from the parent window (the page framing this
/// one) whose origin is in `origins` are obeyed; others that look like commands (or malformed
/// ones) are ignored with a console warning. Dropping the listener stops listening.
pub fn listen(origins: Vec<String>, on_command: impl Fn(Command) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "message", move |event| {
        let Some(event) = event.dyn_ref::<MessageEvent>() else { return };
        let parent = gloo::utils::window().parent().ok().flatten();
        let from_parent = match (event.source(), parent) {
            (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
            _ => false,
        };
        let origin = event.origin();
        let data: JsValue = event.data();
        let json = js_sys::JSON::stringify(&data).ok().and_then(|s| s.as_string()).unwrap_or_default();
        // Our own messages and other scripts' traffic are not commands: stay quiet about them.
        if !json.contains("corpus-explorer-host") {
            return;
        }
        if !from_parent {
            gloo::console::warn!(format!(
                "Ignored a command from {origin}: it did not come from the page framing the explorer."
            ));
            return;
        }
        if !origins.contains(&origin) {
            gloo::console::warn!(format!(
                "Ignored a command from {origin}: that origin is not in the embed's origins parameter."
            ));
            return;
        }
        match parse_command(&json) {
            Ok(command) => on_command(command),
            Err(why) => gloo::console::warn!(format!("Ignored a message from {origin}: {why}.")),
        }
    })
}
