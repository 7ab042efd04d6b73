/*
 * Corpus Explorer host script.
 *
 * Put this on your page (served from the explorer's folder):
 *
 *   <script src="https://example.org/explorer/embed.js" async></script>
 *   <div data-corpus-explorer data-view="concordance" data-query="stalin"></div>
 *
 * Each <div data-corpus-explorer> becomes an iframe showing that view, sized to its content.
 * Attributes (all optional):
 *   data-view       search | reader | concordance | words | keyness | collocates | distribution | trends
 *                   | compare | ngrams | summary
 *   data-settings   the view's own settings as URL parameters (term=stalin&by=year, a=outlet:rt&b=…),
 *                   as the explorer's embed dialog writes them
 *   data-query      the query
 *   data-outlet, data-kind, data-year, data-person   facet filters; several values separated by |
 *   data-filter-NAME  a filter on the corpus's own metadata field NAME (e.g. data-filter-party="Whig")
 *   data-doc        a document id (opens the reader)
 *   data-sort       relevance | newest | oldest | title
 *   data-theme      light | dark | auto
 *   data-searchbox  0 hides the search box
 *   data-height     a fixed height in pixels (no automatic resizing)
 *   data-max-height the largest automatic height (default 2000)
 *   data-title      the iframe's title (default "Corpus Explorer")
 *   data-src        the explorer's address, if not the folder this script came from
 *
 * Events, dispatched on the div (event.detail is the message):
 *   corpus-explorer:ready, corpus-explorer:query, corpus-explorer:document, corpus-explorer:resize
 * Commands: CorpusExplorer.send(div, { type: "setQuery", query: "lenin" }),
 *   { type: "setFilters", filters: { outlet: ["RT"] } }, { type: "openDocument", id: "..." }.
 * The explorer obeys them because this script lists your page's origin in the iframe's
 * `origins` parameter.
 */
(function () {
  'use strict';
  if (window.CorpusExplorer && window.CorpusExplorer.version) return;

  var VERSION = 1;
  var current = document.currentScript;
  var scriptBase = current && current.src ? new URL('.', current.src) : new URL('.', location.href);
  var PARAMS = {
    view: 'view', query: 'q', doc: 'doc', sort: 'sort', theme: 'theme', searchbox: 'searchbox',
    outlet: 'outlet', kind: 'kind', year: 'year', person: 'person'
  };
  var MULTI = { outlet: true, kind: true, year: true, person: true };
  var frames = [];

  function build(div) {
    if (div.__corpusExplorer) return;
    var src;
    try {
      src = new URL(div.getAttribute('data-src') || './', scriptBase);
    } catch (e) {
      console.warn('Corpus Explorer: bad data-src', div.getAttribute('data-src'));
      return;
    }
    src.search = '';
    Object.keys(PARAMS).forEach(function (attr) {
      var value = div.getAttribute('data-' + attr);
      if (value === null || value === '') return;
      var values = MULTI[attr] ? value.split('|') : [value];
      values.forEach(function (v) {
        if (v.trim() !== '') src.searchParams.append(PARAMS[attr], v.trim());
      });
    });
    for (var i = 0; i < div.attributes.length; i++) {
      var attr = div.attributes[i];
      if (attr.name.indexOf('data-filter-') === 0 && attr.name.length > 12) {
        attr.value.split('|').forEach(function (v) {
          if (v.trim() !== '') src.searchParams.append(attr.name.slice(12), v.trim());
        });
      }
    }
    var settings = div.getAttribute('data-settings');
    if (settings) {
      new URLSearchParams(settings).forEach(function (v, k) {
        if (k !== 'embed' && k !== 'origins' && !PARAMS[k]) src.searchParams.append(k, v);
      });
    }
    src.searchParams.set('embed', '1');
    src.searchParams.set('origins', location.origin);

    var iframe = document.createElement('iframe');
    iframe.src = src.href;
    iframe.title = div.getAttribute('data-title') || 'Corpus Explorer';
    iframe.loading = 'lazy';
    iframe.setAttribute('referrerpolicy', 'no-referrer');
    var fixed = parseInt(div.getAttribute('data-height') || '', 10);
    iframe.style.cssText = 'display:block;width:100%;border:1px solid #ccc;border-radius:8px;height:' +
      (fixed > 0 ? fixed : 480) + 'px';
    div.appendChild(iframe);
    var entry = { div: div, iframe: iframe, origin: src.origin, fixed: fixed > 0 };
    div.__corpusExplorer = entry;
    frames.push(entry);
  }

  function scan(root) {
    var divs = (root || document).querySelectorAll('[data-corpus-explorer]');
    for (var i = 0; i < divs.length; i++) build(divs[i]);
  }

  window.addEventListener('message', function (event) {
    var entry = null;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].iframe.contentWindow === event.source) entry = frames[i];
    }
    if (!entry || event.origin !== entry.origin) return;
    var data = event.data;
    if (!data || data.source !== 'corpus-explorer' || data.version !== VERSION || typeof data.type !== 'string') return;
    if (data.type === 'resize' && !entry.fixed && typeof data.height === 'number') {
      var max = parseInt(entry.div.getAttribute('data-max-height') || '2000', 10);
      entry.iframe.style.height = Math.max(120, Math.min(max, Math.ceil(data.height) + 2)) + 'px';
    }
    entry.div.dispatchEvent(new CustomEvent('corpus-explorer:' + data.type, { detail: data }));
  });

  window.CorpusExplorer = {
    version: VERSION,
    scan: scan,
    send: function (div, command) {
      var entry = div && div.__corpusExplorer;
      if (!entry || !entry.iframe.contentWindow) return false;
      var message = { source: 'corpus-explorer-host', version: VERSION };
      Object.keys(command || {}).forEach(function (k) { message[k] = command[k]; });
      entry.iframe.contentWindow.postMessage(message, entry.origin);
      return true;
    }
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { scan(); });
  } else {
    scan();
  }
})();
