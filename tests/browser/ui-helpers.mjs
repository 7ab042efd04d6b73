// Helpers of the keyboard, accessibility, theme and CSP tests (issue 7).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Every view to check: a name, the URL, and what shows that it is ready. */
export const VIEWS = [
  { name: 'search', url: '/?q=stalin', ready: '#results li.result' },
  { name: 'reader', url: '/?q=stalin&doc=001_e54ca7f7c8acd83d', ready: '#reader mark' },
  { name: 'concordance', url: '/?q=stalin&view=concordance', ready: 'table.kwic tr.kwic-line' },
  { name: 'words', url: '/?view=words', ready: 'table.data tbody tr' },
  { name: 'keyness', url: '/?view=keyness', ready: 'table.data tbody tr' },
  { name: 'collocates', url: '/?q=soviet&view=collocates', ready: 'table.data tbody tr' },
  { name: 'distribution', url: '/?q=stalin&view=distribution', ready: 'svg.strip' },
  { name: 'trends', url: '/?q=stalin&view=trends', ready: 'svg#trend-chart' },
  { name: 'trends-bars', url: '/?q=stalin&view=trends&chart=bar', ready: 'svg#trend-chart' },
  { name: 'trends-by-year', url: '/?q=soviet&view=trends&by=year', ready: 'svg#trend-chart' },
  { name: 'compare', url: '/?q=soviet&view=compare&a=outlet:rt&b=outlet:politsturm&cloud=1', ready: '#compare-term tr.kwic-line' },
  { name: 'phrases', url: '/?view=ngrams&n=3', ready: 'table.data tbody tr' },
  { name: 'overview', url: '/?view=summary', ready: '#summary-docs-table tbody tr' },
  { name: 'word-cloud', url: '/?view=words&cloud=1', ready: 'svg#word-cloud a' },
];

/**
 * Records Content-Security-Policy violations in every frame of the page (the init script
 * runs before the page's own scripts, through DevTools, so the CSP does not apply to it),
 * and console messages about the CSP.
 */
export async function watchCsp(page) {
  const console = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return async () => {
    const found = [...console];
    for (const frame of page.frames()) {
      const v = await frame.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      found.push(...v.map((x) => `${frame.url()}: ${x}`));
    }
    return found;
  };
}

/**
 * Runs axe-core on the page (injected with page.evaluate, which the CSP does not govern)
 * and returns its serious and critical violations as readable lines.
 */
export async function axeProblems(page, { include } = {}) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (include) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(include ? { include: [include] } : document, {
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ')}`),
    }));
  }, include ?? null);
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.join(' | ')}`);
}

/** The id (or a short description) of the focused element. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.id) return `#${el.id}`;
    const li = el.closest('li[data-doc-id]');
    if (li) return `result:${li.dataset.docId}`;
    return `${el.tagName.toLowerCase()}.${el.className}`;
  });
}

/** Waits until the element matching `selector` has the focus. */
export async function expectFocus(page, selector) {
  await expect(page.locator(selector)).toBeFocused();
}
