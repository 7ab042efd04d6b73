/* The explorer's file reader runs in this Web Worker (a module worker), started by the page
 * only when a person adds files (src/import.rs): the build's readers are not part of the
 * first load. The page names its build in the address (`?v=BUILD`), and this script imports
 * the reader's wasm-bindgen script and wasm of that build (`reader.js`, `reader_bg.wasm`,
 * built by Trunk from crates/reader), whose `main` takes over `self.onmessage`; the messages
 * that arrive while it starts are held for it in `self.corpusExplorerHeld`. The page's first
 * message is its own compiled module of the reader (`{ module }`), so that it is neither
 * downloaded nor compiled a second time. Only files of
 * this site are loaded, and the files a person adds are read here, never sent anywhere.
 */
const held = [];
self.corpusExplorerHeld = held;
let started = false;
// Why the reader could not start, once it is known: the page may start this worker before it
// has files to read (so that they are read at once), and then hears it with its request.
let failed = null;

const fail = (why) => {
  failed = { message: JSON.stringify({ Failed: `The file reader could not start: ${why}. Check your connection the first time you add files, then try again.` }) };
  self.postMessage(failed);
};

self.onmessage = async (event) => {
  if (failed) {
    self.postMessage(failed);
    return;
  }
  if (started) {
    held.push(event.data);
    return;
  }
  started = true;
  const build = new URL(self.location.href).searchParams.get('v') ?? '';
  const version = /^[0-9a-f]{1,64}$/.test(build) ? `?v=${build}` : '';
  // The page posts first its own compiled reader module: not downloaded nor compiled again.
  const module = event.data?.module;
  if (!(module instanceof WebAssembly.Module)) held.push(event.data);
  try {
    const bindings = await import(`./reader.js${version}`);
    // Runs the wasm's main, which takes over self.onmessage and reads the held messages.
    const wasm = module instanceof WebAssembly.Module ? module : new URL(`./reader_bg.wasm${version}`, self.location.href);
    await bindings.default({ module_or_path: wasm });
  } catch (err) {
    fail(err?.message ?? String(err));
  }
};
