//! Saving a generated file (CSV, JSON) from the page, without a server.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `contents` as a download named `file_name` of the given MIME type.
pub fn save(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let err = |e: JsValue| format!("the download could not be prepared: {e:?}");
    let parts = js_sys_array(contents);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(err)?;
    save_blob(file_name, &blob)
}

/// Offers `blob` as a download named `file_name`.
pub fn save_blob(file_name: &str, blob: &Blob) -> Result<(), String> {
    let err = |e: JsValue| format!("the download could not be prepared: {e:?}");
    let url = Url::create_object_url_with_blob(blob).map_err(err)?;
    let document = gloo::utils::document();
    let a: HtmlAnchorElement =
        document.create_element("a").map_err(err)?.dyn_into().map_err(|_| "no anchor".to_owned())?;
    a.set_href(&url);
    a.set_download(file_name);
    a.set_attribute("hidden", "").map_err(err)?;
    let body = document.body().ok_or("the page has no body")?;
    body.append_child(&a).map_err(err)?;
    a.click();
    body.remove_child(&a).map_err(err)?;
    // Let the browser start the download before the address is revoked.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

fn js_sys_array(s: &str) -> JsValue {
    let array = js_sys::Array::new();
    array.push(&JsValue::from_str(s));
    array.into()
}
