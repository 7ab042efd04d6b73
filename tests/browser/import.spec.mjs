// A person adds their own texts in the page (issue 13): files, a folder, a .zip archive, a
// pasted text, a drop; every format the build reads, read by the same Rust code; a bad file
// among good ones; Windows-1252 and UTF-16; duplicate ids; cancel; the corpus kept in the
// browser across reloads and offline; the Corpora menu (switch, rename, delete, download);
// no request leaving the page; the downloaded JSON Lines file building the same documents.
//
// Each test gets a fresh browser context, so its IndexedDB starts empty; the tests that need
// the service worker start a static server of their own (an origin of their own).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect, waitReady, idsFor, results, countText, params, CORPUS_SIZE, missingWorkerScript } from './helpers.mjs';
import { startStaticServer } from '../support/static-server.mjs';
import { makeZip } from '../support/zip.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = resolve(ROOT, process.env.EXPLORER_DIST ?? 'dist');
const FORMATS = join(ROOT, 'tests', 'fixtures', 'formats');
/** Reading, indexing and keeping a corpus: more than a search. */
const IMPORT_MS = 30_000;

/** The files of a folder as Playwright's setInputFiles takes them (name, type, bytes). */
function filesOf(dir) {
  return readdirSync(dir)
    .filter((f) => f !== 'README.md')
    .map((name) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(join(dir, name)) }));
}

const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });

/** Opens the Add texts dialog. */
async function openAdd(page) {
  await page.locator('#add-texts-button').click();
  await expect(page.locator('#add-texts-dialog')).toBeVisible();
}

/** Waits for the report of a reading and returns its summary text. */
async function reportOf(page) {
  await expect(page.locator('#import-summary')).toBeVisible({ timeout: IMPORT_MS });
  return page.locator('#import-summary').innerText();
}

/** Adds `files` through the file button, waits for the report, and opens the new corpus. */
async function addAndExplore(page, files, { expectSummary } = {}) {
  await openAdd(page);
  await page.locator('#add-files').setInputFiles(files);
  const summary = await reportOf(page);
  if (expectSummary) expect(summary).toMatch(expectSummary);
  await page.locator('#import-explore').click();
  await waitReady(page);
  await expect(page).toHaveURL(/[?&]corpus=[a-z0-9-]+/);
}

/** Lines of one list of the report. */
const reportLines = (page, id) => page.locator(`#${id} li`).allInnerTexts();

test('every format of the build, added as files, gives the documents the build gives', async ({ page }) => {
  await page.goto('/');
  await waitReady(page);
  // Privacy is said where files are added.
  await openAdd(page);
  await expect(page.locator('#import-privacy')).toContainText('Nothing is uploaded');
  await page.locator('#add-files').setInputFiles(filesOf(FORMATS));
  // Sidecars and corpus.toml are not counted: they are no documents' files.
  expect(await reportOf(page)).toBe('Read 6 documents from 6 files.');
  await page.locator('#import-explore').click();
  await waitReady(page);
  await expect(page.locator('#result-count')).toHaveText(countText('6 documents'));
  const words = { zebrafrog: 'field-notes', moonquill: 'moonquill', lanternfish: 'lanternfish', quillpebble: 'letter-1', frostwhistle: 'diary-1', copperwren: 'ledger-7' };
  for (const [word, id] of Object.entries(words)) {
    expect(await idsFor(page, word), word).toEqual([id]);
  }
  // corpus.toml among the files: its facets, as at build time.
  await expect(page.locator('section.facet[data-facet="region"] label.facet-value')).toHaveCount(2);
  // Every view works on it, and the URL keeps the corpus.
  await page.locator('#search').fill('quillpebble');
  await page.locator('#tabs').getByText('Concordance', { exact: true }).click();
  await expect(page).toHaveURL(/view=concordance.*corpus=|corpus=.*view=concordance/);
  await expect(page.locator('tr.kwic-line').first()).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('#view-body')).toHaveAttribute('aria-busy', 'false');
  // Every line is of the one document that has the word.
  const docs = () => page.locator('tr.kwic-line').evaluateAll((trs) => [...new Set(trs.map((tr) => tr.dataset.docId))]);
  await expect.poll(docs).toEqual(['letter-1']);
});

test('a folder: files in subfolders with their sidecars, duplicate ids made unique and reported', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'explorer-folder-'));
  mkdirSync(join(dir, 'mails', 'inbox'), { recursive: true });
  mkdirSync(join(dir, 'mails', 'sent'), { recursive: true });
  writeFileSync(join(dir, 'mails', 'inbox', '1.txt'), 'Inbox one\nThe otterglass arrived on Monday with the rest of the parcels for the office.\n');
  writeFileSync(join(dir, 'mails', 'inbox', '1.toml'), 'title = "First mail in"\n');
  writeFileSync(join(dir, 'mails', 'sent', '1.txt'), 'Sent one\nWe sent the brambleskiff back because it was broken on arrival at the depot.\n');
  await page.goto('/');
  await waitReady(page);
  await openAdd(page);
  await page.locator('#add-folder').setInputFiles(join(dir, 'mails'));
  expect(await reportOf(page)).toBe('Read 2 documents from 2 files.');
  const renamed = await reportLines(page, 'import-renamed');
  expect(renamed).toHaveLength(1);
  expect(renamed[0]).toMatch(/sent\/1\.txt/);
  await page.locator('#import-explore').click();
  await waitReady(page);
  // The folder's name names the corpus.
  await expect(page.locator('#corpus-title')).toHaveText('mails');
  const ids = [...(await idsFor(page, 'otterglass')), ...(await idsFor(page, 'brambleskiff'))];
  expect(ids).toHaveLength(2);
  expect(new Set(ids).size).toBe(2);
  await page.locator('#search').fill('otterglass');
  await expect(results(page).first().locator('a.result-title')).toContainText('First mail in');
});

test('a .zip archive with folders, one-object JSON files with nested objects, and a file that is not text', async ({ page }) => {
  const mail = (id, group, text) =>
    JSON.stringify({ id, group, checksum: { type: 'md5', value: `x${id}` }, text });
  const zip = makeZip([
    { name: 'ham/0001.json', data: mail('ham-1', 'ham', 'Lunch on Friday with the whole team at the harbour.') },
    { name: 'ham/0002.json', data: mail('ham-2', 'ham', 'The harbour meeting moved to Tuesday.') },
    { name: 'spam/0001.json', data: mail('spam-1', 'spam', 'You won a crystalgoose, click here at once.') },
    { name: 'photo.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) },
  ]);
  await page.goto('/');
  await waitReady(page);
  await openAdd(page);
  await page.locator('#add-files').setInputFiles([{ name: 'mails.zip', mimeType: 'application/zip', buffer: zip }]);
  expect(await reportOf(page)).toMatch(/^Read 3 documents from \d+ files\.$/);
  expect((await reportLines(page, 'import-ignored')).join('\n')).toContain('photo.png');
  await page.locator('#import-explore').click();
  await waitReady(page);
  await expect(page.locator('#result-count')).toHaveText(countText('3 documents'));
  expect(await idsFor(page, 'crystalgoose')).toEqual(['spam-1']);
  // The mails' group is a facet, as at build time.
  const group = page.locator('section.facet[data-facet="group"]');
  await expect(group.locator('label.facet-value')).toHaveCount(2);
  // The nested object became dotted fields, as at build time: `checksum.type` is a facet of
  // its own (and `checksum.value`, one value per mail, is not).
  const checksum = page.locator('section.facet[data-facet="checksum.type"]');
  await expect(checksum.locator('h3')).toHaveText('Checksum.type');
  await expect(checksum.locator('label.facet-value')).toHaveText([/^md5\s*1$/]);
  await expect(page.locator('section.facet[data-facet="checksum"]')).toHaveCount(0);
});

test('Windows-1252 and UTF-16 files are read, with a warning that names the file; a bad file never stops the good ones', async ({ page }) => {
  const cp1252 = Buffer.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' au lait and a na'), 0xef, ...Buffer.from('ve glimmerfox.\n')]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zoë met the quorblethorn in Łódź.\n', 'utf16le')]);
  await page.goto('/');
  await waitReady(page);
  await openAdd(page);
  await page.locator('#add-files').setInputFiles([
    file('old.txt', cp1252),
    file('wide.txt', utf16),
    file('broken.json', '[{"id": "a", "text": "fine"},\n {"id": "b", "text": }\n]'),
    file('good.md', '---\ntitle: Good one\n---\nThe tamarisk grows by the sea wall.\n'),
  ]);
  expect(await reportOf(page)).toBe('Read 3 documents from 4 files.');
  const problems = (await reportLines(page, 'import-problems')).join('\n');
  expect(problems).toMatch(/old\.txt:1: .*Windows-1252/);
  expect(problems).toMatch(/broken\.json:2: /);
  await page.locator('#import-explore').click();
  await waitReady(page);
  expect(await idsFor(page, 'glimmerfox')).toEqual(['old']);
  expect(await idsFor(page, 'café')).toEqual(['old']);
  expect(await idsFor(page, 'quorblethorn')).toEqual(['wide']);
  expect(await idsFor(page, 'łódź')).toEqual(['wide']);
  expect(await idsFor(page, 'tamarisk')).toEqual(['good']);
});

test("a column named like one of the explorer's URL parameters is kept under another name, and the report says so", async ({ page }) => {
  await page.goto('/');
  await waitReady(page);
  await openAdd(page);
  await page.locator('#add-files').setInputFiles([
    file('pages.csv', 'title,page,text\nFirst,3,The larkspur grows by the wall.\nSecond,3,The larkspur wilts in June.\nThird,4,A quiet larkspur.\n'),
  ]);
  expect(await reportOf(page)).toBe('Read 3 documents from 1 file.');
  expect((await reportLines(page, 'import-problems')).join('\n')).toContain(
    "pages.csv:2: warning: the field 'page' has the name of one of the explorer's own URL parameters; it is kept as 'page_'",
  );
  await page.locator('#import-explore').click();
  await waitReady(page);
  await expect(page.locator('section.facet[data-facet="page_"] label.facet-value')).toHaveCount(2);
  // Choosing a value filters by it, and the URL names the field as it is kept.
  await page.locator('section.facet[data-facet="page_"] label.facet-value', { hasText: '4' }).click();
  await expect(page.locator('#result-count')).toHaveText(countText('1 document matches'));
  expect(params(page).get('page_')).toBe('4');
});

test('a pasted poem keeps every line, its refrain included; with cleaning asked for, what was removed is listed', async ({ page }) => {
  const poem = [
    'The Refrain',
    'Row, row, and the river runs',
    'ALL. A row! a row! a row!',
    'The oars are heavy, the night is long',
    'ALL. A row! a row! a row!',
    'Home by the morning, home by the sun',
    'ALL. A row! a row! a row!',
  ].join('\n');
  await page.goto('/');
  await waitReady(page);
  await openAdd(page);
  await page.locator('#corpus-name').fill('Poem');
  await page.locator('#paste-text').fill(poem);
  await page.locator('#paste-go').click();
  expect(await reportOf(page)).toBe('Read 1 document from 1 file.');
  await expect(page.locator('#import-removed')).toHaveCount(0);
  await page.locator('#import-explore').click();
  await waitReady(page);
  await expect(page.locator('#corpus-title')).toHaveText('Poem');
  await results(page).first().locator('a.result-title').click();
  // The name typed is the title; every line of the text is a paragraph, the first included.
  await expect(page.locator('#reader-title')).toHaveText('Poem');
  await expect(page.locator('#reader .para')).toHaveCount(7);
  await expect(page.locator('#reader .para', { hasText: 'ALL. A row! a row! a row!' })).toHaveCount(3);

  // A page saved from the web, with cleaning ticked: the clutter goes, and the report lists it.
  await openAdd(page);
  await page.locator('#remove-clutter').check();
  await page.locator('#paste-text').fill(['Harbour news', 'Share this', 'The new pier opened on Saturday after two years of work by the town council and volunteers.', 'Advertisement', 'Fishermen say the longer pier will let bigger boats land their catch in any weather.'].join('\n'));
  await page.locator('#paste-go').click();
  expect(await reportOf(page)).toBe('Read 1 document from 1 file.');
  const removed = (await reportLines(page, 'import-removed')).join('\n');
  expect(removed).toContain('Share this');
  expect(removed).toContain('Advertisement');
});

test('a synthetic drop of files anywhere on the page adds them', async ({ page }) => {
  await page.goto('/');
  await waitReady(page);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['The velvetmoth sleeps in the attic all winter long.\n'], 'moth.txt', { type: 'text/plain' }));
    const at = document.querySelector('#result-count');
    at.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    at.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('#add-texts-dialog')).toBeVisible();
  expect(await reportOf(page)).toBe('Read 1 document from 1 file.');
  await page.locator('#import-explore').click();
  await waitReady(page);
  expect(await idsFor(page, 'velvetmoth')).toEqual(['moth']);
  // An embed of an added corpus works only in this browser, and the Embed dialog says so.
  await page.locator('#embed-button').click();
  await expect(page.locator('#embed-added-note')).toContainText('lives only here');
  await expect(page.locator('#embed-code')).toHaveValue(/corpus=/);
});

test('Cancel stops the reading and keeps nothing', async ({ page }) => {
  // Enough text that reading it takes a while: 400 files of 40 kB.
  const para = 'The slow river carries silt past the mill and under the old stone bridge. ';
  const files = Array.from({ length: 400 }, (_, i) => file(`part-${String(i).padStart(3, '0')}.txt`, `Part ${i}\n${para.repeat(530)}\n`));
  await page.goto('/');
  await waitReady(page);
  await openAdd(page);
  await page.locator('#add-files').setInputFiles(files);
  await expect(page.locator('#import-progress')).toBeVisible();
  await page.locator('#import-cancel').click();
  await expect(page.locator('#import-status')).toHaveText('Cancelled: nothing was kept.');
  await page.locator('#add-texts-dialog .help-close').click();
  await page.locator('#corpora-button').click();
  await expect(page.locator('#corpora-list .corpora-none')).toBeVisible();
  await expect(page.locator('#corpora-list li.corpus')).toHaveCount(1);
});

test('Corpora: switch, rename, download, delete; back and forward switch corpora', async ({ page }) => {
  await page.goto('/');
  await waitReady(page);
  await addAndExplore(page, [file('a.txt', 'Alpha\nThe aardwolf digs at night for termites in the dry grass.\n')]);
  const first = new URL(page.url()).searchParams.get('corpus');
  await page.locator('#corpora-button').click();
  await page.locator('#corpora-add').click();
  await page.locator('#add-files').setInputFiles([file('b.txt', 'Beta\nThe bittern booms among the reeds of the marsh at dawn.\n')]);
  await reportOf(page);
  await page.locator('#import-explore').click();
  await waitReady(page);
  const second = new URL(page.url()).searchParams.get('corpus');
  expect(second).not.toBe(first);
  expect(await idsFor(page, 'bittern')).toEqual(['b']);
  expect(await idsFor(page, 'aardwolf')).toEqual([]);

  // The menu lists the built-in corpus and both added ones, with their facts.
  await page.locator('#corpora-button').click();
  const rows = page.locator('#corpora-list li.corpus');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('1 document');
  await expect(rows.nth(2).locator('.corpus-in-use')).toBeVisible();

  // Switch to the first.
  await rows.nth(1).locator('a.corpus-open').click();
  await waitReady(page);
  expect(new URL(page.url()).searchParams.get('corpus')).toBe(first);
  // Back goes to the second corpus (at its last search), forward to the first again.
  await page.goBack();
  await waitReady(page);
  expect(new URL(page.url()).searchParams.get('corpus')).toBe(second);
  await expect(page.locator('input#search')).toHaveValue('aardwolf');
  await expect(page.locator('#result-count')).toHaveText(countText('No documents match'));
  await page.goForward();
  await waitReady(page);
  expect(new URL(page.url()).searchParams.get('corpus')).toBe(first);
  expect(await idsFor(page, 'aardwolf')).toEqual(['a']);

  // Rename: the header says the new name after a reload.
  await page.locator('#corpora-button').click();
  await rows.nth(1).locator('.corpus-rename').click();
  await rows.nth(1).locator('.corpus-name-input').fill('Night animals');
  await rows.nth(1).locator('.corpus-rename-save').click();
  await expect(page.locator('#corpora-message')).toHaveText('Renamed to “Night animals”.');
  await page.reload();
  await waitReady(page);
  await expect(page.locator('#corpus-title')).toHaveText('Night animals');

  // Download: the explorer's JSON Lines file.
  await page.locator('#corpora-button').click();
  const [download] = await Promise.all([page.waitForEvent('download'), rows.nth(1).locator('.corpus-download').click()]);
  expect(download.suggestedFilename()).toBe('Night animals.jsonl');

  // Delete the other one, after a confirmation.
  await rows.nth(2).locator('.corpus-delete').click();
  await rows.nth(2).locator('.corpus-delete-confirm').click();
  await expect(page.locator('#corpora-message')).toContainText('was deleted from this browser');
  await expect(rows).toHaveCount(2);
  // Its link now says where such a corpus lives.
  await page.goto(`/?corpus=${second}`);
  await expect(page.locator('.load-error [role=alert]')).toContainText('lives only in the browser where it was added');
  await page.locator('#open-built-in').click();
  await waitReady(page);
  await expect(page.locator('#result-count')).toHaveText(countText(`${CORPUS_SIZE} documents`));
});

/** The words marked in the snippet of each result shown. */
const marksShown = (page) => results(page).evaluateAll((lis) => lis.map((li) => [...li.querySelectorAll('.snippet mark')].map((m) => m.textContent)));

/** What the reader's worker says of how it indexed (`reader: … indexed …`), once it has. */
async function indexedHow(page, said) {
  await expect.poll(() => said.find((t) => t.startsWith('reader: ')) ?? null, { timeout: IMPORT_MS }).not.toBeNull();
  return said.find((t) => t.startsWith('reader: '));
}

test('documents kept in the order they are read are indexed beside the reading; the index finds each word where it is', async ({ page }) => {
  const said = [];
  page.on('console', (m) => said.push(m.text()));
  // 40 files of 9 kB (their texts go to the indexing worker in several parts), each with a
  // word of its own in the middle of its text, and their ids in the order of their paths.
  const filler = 'The tide came in over the flats and the birds rose from the reeds. ';
  const files = Array.from({ length: 40 }, (_, i) => {
    const n = String(i).padStart(3, '0');
    return file(`part-${n}.txt`, `Part ${n}\n${filler.repeat(65)}The marsh hid a sandwort${n} that year. ${filler.repeat(65)}\n`);
  });
  await page.goto('/');
  await waitReady(page);
  await openAdd(page);
  await page.locator('#add-files').setInputFiles(files);
  expect(await reportOf(page)).toBe('Read 40 documents from 40 files.');
  expect(await indexedHow(page, said)).toBe('reader: 40 documents indexed beside the reading');
  await page.locator('#import-explore').click();
  await waitReady(page);
  for (const n of ['000', '001', '019', '038', '039']) {
    expect(await idsFor(page, `sandwort${n}`), n).toEqual([`part-${n}`]);
    expect(await marksShown(page), n).toEqual([[`sandwort${n}`]]);
  }
  expect(await idsFor(page, '"birds rose"')).toHaveLength(40);
  await page.locator('#search').fill('');
  await expect(page.locator('#result-count')).toHaveText(countText('40 documents'));
});

test('documents the corpus sorts otherwise than they are read are indexed after the reading, and found as well', async ({ page }) => {
  const said = [];
  page.on('console', (m) => said.push(m.text()));
  // Records whose ids run backwards: the corpus, sorted by id, is not in the reading order.
  const records = ['zeta', 'mu', 'alpha'].map((id, i) => ({ id, text: `The ${id} stone lies under ${i + 1} feet of water by the quarrywick${i}.` }));
  await page.goto('/');
  await waitReady(page);
  await openAdd(page);
  await page.locator('#add-files').setInputFiles([file('stones.json', JSON.stringify(records)), file('zz.txt', 'Last\nThe quarrywick3 is the last of them.\n')]);
  expect(await reportOf(page)).toBe('Read 4 documents from 2 files.');
  expect(await indexedHow(page, said)).toMatch(/^reader: 4 documents indexed after the reading/);
  await page.locator('#import-explore').click();
  await waitReady(page);
  for (const [word, id] of [['quarrywick0', 'zeta'], ['quarrywick1', 'mu'], ['quarrywick2', 'alpha'], ['quarrywick3', 'zz']]) {
    expect(await idsFor(page, word), word).toEqual([id]);
    expect(await marksShown(page), word).toEqual([[word]]);
  }
});

test('a file reader that cannot start says so when files are added', async ({ page }) => {
  // The reader's worker script cannot be had (the page and its dialog load): the workers
  // started when the dialog opens fail before any file is chosen.
  await missingWorkerScript(page, 'reader-worker.js');
  await page.goto('/');
  await waitReady(page);
  await openAdd(page);
  await page.locator('#add-files').setInputFiles([file('a.txt', 'A\nThe heronsbill grows on the dunes.\n')]);
  await expect(page.locator('#import-error')).toContainText('The file reader stopped', { timeout: IMPORT_MS });
  await expect(page.locator('#import-explore')).toHaveCount(0);
});

test('a file deleted from the disk before its turn to be read is told by name, and nothing is kept', async ({ page }) => {
  // Files are read from the disk as the reading reaches them: the last of 300 is read well
  // after the dialog took them, and it is gone by then.
  const dir = mkdtempSync(join(tmpdir(), 'explorer-vanish-'));
  const filler = 'The ferry waits at the pier while the gulls circle the harbour wall. '.repeat(150);
  const paths = Array.from({ length: 300 }, (_, i) => {
    const path = join(dir, `note-${String(i).padStart(3, '0')}.txt`);
    writeFileSync(path, `Note ${i}\n${filler}\n`);
    return path;
  });
  await page.goto('/');
  await waitReady(page);
  await openAdd(page);
  await page.locator('#add-files').setInputFiles(paths);
  rmSync(paths[paths.length - 1]);
  await expect(page.locator('#import-error')).toContainText('“note-299.txt” could not be read from the disk', { timeout: IMPORT_MS });
  await expect(page.locator('#import-explore')).toHaveCount(0);
  await page.locator('#add-texts-dialog .help-close').click();
  await page.locator('#corpora-button').click();
  await expect(page.locator('#corpora-list .corpora-none')).toBeVisible();
});

test('Explore opens the new corpus in the same page, without loading it again; back and forward load the corpora they name', async ({ page }) => {
  await page.goto('/?q=moonlight');
  await waitReady(page);
  // Gone if the page loads again.
  await page.evaluate(() => (window.__samePage = true));
  await openAdd(page);
  await page.locator('#add-files').setInputFiles([file('kestrel.txt', 'Kestrel\nThe kestrel hovers over the verge of the ring road.\n')]);
  expect(await reportOf(page)).toBe('Read 1 document from 1 file.');
  await page.locator('#import-explore').click();
  await expect(page.locator('#add-texts-dialog')).toHaveCount(0);
  await expect(page).toHaveURL(/\?corpus=kestrel-txt-[a-z0-9]+$/);
  await waitReady(page);
  const id = new URL(page.url()).searchParams.get('corpus');
  await expect(page.locator('#result-count')).toHaveText(countText('1 document'));
  await expect(page.locator('#corpus-title')).toHaveText('kestrel.txt');
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
  await expect(page.locator('html')).toHaveAttribute('data-corpus', id);
  // The Corpora menu names it as the one in use.
  await page.locator('#corpora-button').click();
  await expect(page.locator('#corpora-list li.corpus').nth(1).locator('.corpus-in-use')).toBeVisible();
  await page.locator('#corpora-dialog .help-close').click();
  // Back: the corpus shown before, at its search, in a page loaded again.
  await page.goBack();
  await waitReady(page);
  expect(new URL(page.url()).searchParams.get('corpus')).toBeNull();
  await expect(page.locator('input#search')).toHaveValue('moonlight');
  expect(await page.evaluate(() => window.__samePage)).toBeUndefined();
  // Forward: the added corpus, and everything works on it.
  await page.goForward();
  await waitReady(page);
  expect(new URL(page.url()).searchParams.get('corpus')).toBe(id);
  expect(await idsFor(page, 'kestrel')).toEqual(['kestrel']);
});

test('a browser with no room left keeps nothing and says so', async ({ page }) => {
  // The storage refuses every write, as a full disk or a used-up quota does.
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('/');
  await waitReady(page);
  await openAdd(page);
  await page.locator('#add-files').setInputFiles([file('big.txt', 'Big\nThe whole archive of the parish, every letter of it.\n')]);
  await expect(page.locator('#import-error')).toContainText('could not be kept in this browser: the browser has no room left for it. Nothing was kept.', { timeout: IMPORT_MS });
  await expect(page.locator('#import-explore')).toHaveCount(0);
  await page.locator('#add-texts-dialog .help-close').click();
  await page.locator('#corpora-button').click();
  await expect(page.locator('#corpora-list .corpora-none')).toBeVisible();
});

test('a link to a corpus added in another browser says so', async ({ page }) => {
  await page.goto('/?corpus=letters-from-elsewhere-1a');
  await expect(page.locator('.load-error [role=alert]')).toContainText('lives only in the browser where it was added');
  await expect(page.locator('#open-built-in')).toBeVisible();
  // A bad name is a notice, and the built-in corpus is shown.
  await page.goto('/?corpus=%3Cscript%3E');
  await waitReady(page);
  await expect(page.locator('#result-count')).toHaveText(countText(`${CORPUS_SIZE} documents`));
});

test('embeds show no import controls and take no drop', async ({ page }) => {
  await page.goto('/?embed=1');
  await waitReady(page);
  await expect(page.locator('#add-texts-button')).toHaveCount(0);
  await expect(page.locator('#corpora-button')).toHaveCount(0);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['x y z'], 'x.txt'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('#add-texts-dialog')).toHaveCount(0);
});

test('the downloaded JSON Lines file builds the same documents with the preprocessor', async ({ page }) => {
  await page.goto('/');
  await waitReady(page);
  await addAndExplore(page, filesOf(FORMATS));
  await page.locator('#corpora-button').click();
  const row = page.locator('#corpora-list li.corpus').nth(1);
  const [download] = await Promise.all([page.waitForEvent('download'), row.locator('.corpus-download').click()]);
  const dir = mkdtempSync(join(tmpdir(), 'explorer-download-'));
  const input = join(dir, 'corpus');
  mkdirSync(input);
  await download.saveAs(join(input, 'corpus.jsonl'));
  const out = join(dir, 'built.jsonl');
  const built = spawnSync('cargo', ['run', '--quiet', '--release', '-p', 'explorer-preprocess', '--', input, '--out', out], { cwd: ROOT, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  const docs = (text) => text.trim().split('\n').slice(1).map((l) => JSON.parse(l));
  expect(docs(readFileSync(out, 'utf8'))).toEqual(docs(readFileSync(join(input, 'corpus.jsonl'), 'utf8')));
});

test.describe('kept in the browser', () => {
  test('a kept index of an older form (or damaged) is made again once, and kept', async ({ page }) => {
    await page.goto('/');
    await waitReady(page);
    await addAndExplore(page, [file('notes.txt', 'Pond notes\nThe bladderwort floats in the still water.\n')]);
    await expect(page.locator('html')).toHaveAttribute('data-index', 'file');
    // What an explorer of an earlier index form left in this browser: an index of form 1.
    const id = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open(`corpus-explorer:${location.pathname.replace(/[^/]*$/, '')}`, 1);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('files', 'readwrite');
            const store = tx.objectStore('files');
            const id = new URLSearchParams(location.search).get('corpus');
            store.get(id).onsuccess = (e) => store.put({ ...e.target.result, index: new Blob([new TextEncoder().encode('CXINDEX\0\u0001')]) }, id);
            tx.oncomplete = () => resolve(id);
          };
        }),
    );
    expect(id).toBeTruthy();
    const kept = page.waitForEvent('console', { predicate: (m) => m.text().includes('a new index of') && m.text().includes('is kept in this browser') });
    await page.reload();
    await waitReady(page);
    // Indexed here from its texts, with the same results, and the new index kept…
    await expect(page.locator('html')).toHaveAttribute('data-index', 'tokenized');
    expect(await idsFor(page, 'bladderwort')).toEqual(['notes']);
    await kept;
    // …so that the next load opens it again.
    await page.reload();
    await waitReady(page);
    await expect(page.locator('html')).toHaveAttribute('data-index', 'file');
    expect(await idsFor(page, 'bladderwort')).toEqual(['notes']);
  });

  test('reload and offline: the added corpus is there, and no request left the page while adding it', async ({ page, context }) => {
    const server = await startStaticServer({ root: DIST });
    try {
      await page.goto(server.url);
      await waitReady(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 }).toBe(true);
      const requests = [];
      page.on('request', (r) => requests.push(r));
      context.on('request', (r) => requests.push(r));
      await addAndExplore(page, [file('notes.txt', 'Field notes\nThe quillwort grows in the shallow water of the northern lakes.\n')]);
      // Every request was a GET of this site's own files: nothing carried the text anywhere.
      const origin = new URL(server.url).origin;
      for (const r of requests) {
        expect(r.method(), r.url()).toBe('GET');
        expect(new URL(r.url()).origin, r.url()).toBe(origin);
        expect(r.postData(), r.url()).toBeNull();
      }
      expect(server.sent.every((f) => !f.path.includes('notes'))).toBe(true);
      // Reload: the same corpus, from this browser.
      await page.reload();
      await waitReady(page);
      expect(await idsFor(page, 'quillwort')).toEqual(['notes']);
      // Offline: the page, the engine and the corpus all come from this browser.
      await context.setOffline(true);
      await page.reload();
      await waitReady(page);
      expect(await idsFor(page, 'quillwort')).toEqual(['notes']);
      // The file reader was kept too: more texts can be added offline.
      await openAdd(page);
      await page.locator('#paste-text').fill('The offline heron waits.');
      await page.locator('#paste-go').click();
      expect(await reportOf(page)).toBe('Read 1 document from 1 file.');
      await context.setOffline(false);
    } finally {
      await server.close();
    }
  });
});
