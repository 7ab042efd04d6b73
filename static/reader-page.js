/* Loads the explorer's file reader into the page (crates/reader: the dialogs for adding texts
 * and managing corpora, and the build's readers), when a person first opens "Add texts" or
 * "Corpora" or drops files: the explorer (src/importer.rs) adds this script with its build's
 * version (`?v=BUILD`), so that the reader of the same build is loaded. The reader's `main`
 * then shows the dialog asked for (the requests wait in `window.corpusExplorerImport`). If it
 * cannot be loaded (offline before it was ever used), the page says so.
 */
const build = new URL(import.meta.url).searchParams.get('v') ?? '';
const version = /^[0-9a-f]{1,64}$/.test(build) ? `?v=${build}` : '';
// The dialogs' own styles (the rest is the explorer's style.css).
const style = document.createElement('link');
style.rel = 'stylesheet';
style.href = `reader.css${version}`;
document.head.append(style);
try {
  const bindings = await import(`./reader.js${version}`);
  await bindings.default({ module_or_path: new URL(`./reader_bg.wasm${version}`, import.meta.url) });
} catch (err) {
  const note = document.createElement('p');
  note.id = 'reader-load-error';
  note.className = 'reader-load-error';
  note.setAttribute('role', 'alert');
  note.textContent = `The file reader could not be loaded (${err?.message ?? err}). It is downloaded the first time you add texts: check your connection and try again.`;
  document.body.append(note);
  // The next click tries again.
  document.getElementById('reader-page')?.remove();
}
