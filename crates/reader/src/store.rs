//! The corpora a person added, kept in their browser's IndexedDB: a description of each
//! (`corpora`: the JSON of [`StoredCorpus`] by id) and its files (`files`: the corpus's JSON
//! Lines file and its index, as two `Blob`s, by id). Both are written in one transaction, so
//! a corpus is kept whole or not at all (running out of room aborts it). The reader's dialogs
//! list, rename, delete and download; the engine's worker reads the files to load a corpus
//! (`static/engine-worker.js`, `storedCorpus`: the same database, read in a few lines of
//! JavaScript so that none of this is in the explorer's first load). Nothing here leaves the
//! browser.

use explorer_core::corpora::StoredCorpus;
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, IdbDatabase, IdbFactory, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

/// The database's version (its stores are made at version 1).
const DB_VERSION: u32 = 1;
/// Descriptions, by id.
const CORPORA: &str = "corpora";
/// Files, by id.
const FILES: &str = "files";

/// The database of this copy of the explorer: IndexedDB is shared by the whole origin, so the
/// name holds the folder the explorer is served from (another copy elsewhere on the same host
/// keeps its own corpora). `static/engine-worker.js` names it the same way.
fn db_name() -> String {
    let path = Reflect::get(&js_sys::global(), &"location".into())
        .and_then(|l| Reflect::get(&l, &"pathname".into()))
        .ok()
        .and_then(|p| p.as_string())
        .unwrap_or_default();
    let folder = path.rfind('/').map_or("/", |i| &path[..=i]);
    format!("corpus-explorer:{folder}")
}

fn factory() -> Result<IdbFactory, String> {
    Reflect::get(&js_sys::global(), &"indexedDB".into())
        .ok()
        .and_then(|f| f.dyn_into::<IdbFactory>().ok())
        .ok_or_else(|| "this browser keeps no data for pages (IndexedDB is not available: a private window?)".into())
}

/// The message of a failed IndexedDB call.
fn why(e: &JsValue) -> String {
    let name = Reflect::get(e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    let message = Reflect::get(e, &"message".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" => "the browser has no room left for it".into(),
        "" if message.is_empty() => "the browser's storage failed".into(),
        _ => format!("the browser's storage failed ({name}: {message})"),
    }
}

/// Resolves with a request's result, or fails with its error.
async fn done(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let r = request.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = request.clone();
        let failed = Closure::once_into_js(move || {
            let error = r.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(failed.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| why(&e))
}

/// Resolves when a transaction is committed, or fails when it is aborted.
async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let t = tx.clone();
        let failed = Closure::once_into_js(move || {
            let error = t.error().map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        tx.set_onabort(Some(failed.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| why(&e))
}

/// The database, made at its first use.
async fn open() -> Result<IdbDatabase, String> {
    let request: IdbOpenDbRequest = factory()?.open_with_u32(&db_name(), DB_VERSION).map_err(|e| why(&e))?;
    let upgrade = {
        let r = request.clone();
        Closure::once_into_js(move || {
            if let Ok(db) = r.result().and_then(|d| d.dyn_into::<IdbDatabase>()) {
                let names = db.object_store_names();
                for store in [CORPORA, FILES] {
                    if !names.contains(store) {
                        let _ = db.create_object_store(store);
                    }
                }
            }
        })
    };
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = done(&request).await?;
    db.dyn_into().map_err(|_| "the browser's storage gave no database".into())
}

fn transaction(db: &IdbDatabase, stores: &[&str], write: bool) -> Result<IdbTransaction, String> {
    let names = js_sys::Array::new();
    for s in stores {
        names.push(&JsValue::from_str(s));
    }
    let mode = if write { IdbTransactionMode::Readwrite } else { IdbTransactionMode::Readonly };
    db.transaction_with_str_sequence_and_mode(&names, mode).map_err(|e| why(&e))
}

/// Every corpus kept in this browser, oldest first.
pub async fn list() -> Result<Vec<StoredCorpus>, String> {
    let db = open().await?;
    let tx = transaction(&db, &[CORPORA], false)?;
    let store = tx.object_store(CORPORA).map_err(|e| why(&e))?;
    let all = done(&store.get_all().map_err(|e| why(&e))?).await?;
    let mut corpora: Vec<StoredCorpus> = js_sys::Array::from(&all)
        .iter()
        .filter_map(|v| v.as_string())
        .filter_map(|json| serde_json::from_str(&json).ok())
        .collect();
    corpora.sort_by(|a, b| a.added_ms.total_cmp(&b.added_ms));
    db.close();
    Ok(corpora)
}

/// The description of the corpus `id`, if it is kept here.
pub async fn get(id: &str) -> Result<Option<StoredCorpus>, String> {
    let db = open().await?;
    let tx = transaction(&db, &[CORPORA], false)?;
    let store = tx.object_store(CORPORA).map_err(|e| why(&e))?;
    let value = done(&store.get(&id.into()).map_err(|e| why(&e))?).await?;
    db.close();
    Ok(value.as_string().and_then(|json| serde_json::from_str(&json).ok()))
}

/// The files of the corpus `id` (its JSON Lines file and its index), if it is kept here.
pub async fn files(id: &str) -> Result<Option<(Blob, Blob)>, String> {
    let db = open().await?;
    let tx = transaction(&db, &[FILES], false)?;
    let store = tx.object_store(FILES).map_err(|e| why(&e))?;
    let value = done(&store.get(&id.into()).map_err(|e| why(&e))?).await?;
    db.close();
    let blob = |key: &str| Reflect::get(&value, &key.into()).ok().and_then(|b| b.dyn_into::<Blob>().ok());
    Ok(blob("corpus").zip(blob("index")))
}

/// Keeps a corpus: its description and its two files, all or nothing.
pub async fn save(corpus: &StoredCorpus, jsonl: &Blob, index: &Blob) -> Result<(), String> {
    let json = serde_json::to_string(corpus).map_err(|e| e.to_string())?;
    let db = open().await?;
    let tx = transaction(&db, &[CORPORA, FILES], true)?;
    let files = Object::new();
    let _ = Reflect::set(&files, &"corpus".into(), jsonl);
    let _ = Reflect::set(&files, &"index".into(), index);
    let put = |store: &str, value: &JsValue| {
        tx.object_store(store).and_then(|s| s.put_with_key(value, &corpus.id.as_str().into())).map_err(|e| why(&e))
    };
    put(FILES, &files)?;
    put(CORPORA, &json.into())?;
    let result = committed(&tx).await;
    db.close();
    result
}

/// Renames the corpus `id`: its description, and its JSON Lines file `jsonl` (whose header
/// holds the name as the corpus's title), in one transaction.
pub async fn rename(id: &str, name: &str, jsonl: &Blob) -> Result<(), String> {
    let Some(mut corpus) = get(id).await? else { return Err("it is no longer kept in this browser".into()) };
    let Some((_, index)) = files(id).await? else { return Err("it is no longer kept in this browser".into()) };
    corpus.name = name.to_owned();
    corpus.bytes = (jsonl.size() + index.size()) as u64;
    save(&corpus, jsonl, &index).await
}

/// Deletes the corpus `id` and its files.
pub async fn delete(id: &str) -> Result<(), String> {
    let db = open().await?;
    let tx = transaction(&db, &[CORPORA, FILES], true)?;
    for store in [CORPORA, FILES] {
        tx.object_store(store).and_then(|s| s.delete(&id.into())).map_err(|e| why(&e))?;
    }
    let result = committed(&tx).await;
    db.close();
    result
}
