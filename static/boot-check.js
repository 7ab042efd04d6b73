// Runs before the app (index.html loads it as an external file, so the Content-Security-Policy
// needs no exception for it). Replaces the loading message when the explorer cannot start:
// at once when the browser has no WebAssembly, or when the app has not rendered 15 s later.
(function () {
  'use strict';
  var START_TIMEOUT_MS = 15000;

  function say(text) {
    var boot = document.querySelector('#root .boot');
    if (!boot) return false; // the app has replaced the loading message: it started
    var p = boot.querySelector('.boot-status');
    if (p) {
      p.textContent = text;
      p.setAttribute('role', 'alert');
    }
    return true;
  }

  function check() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      say('This browser cannot run WebAssembly, which the explorer needs. Please use a recent version of Firefox, Chrome, Edge or Safari (with WebAssembly not disabled).');
      return;
    }
    setTimeout(function () {
      say('The explorer could not start. Reload the page to try again; if it still does not start, this browser may block WebAssembly or scripts from this site.');
    }, START_TIMEOUT_MS);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', check);
  else check();
})();
