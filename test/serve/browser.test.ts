import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { makeDocx } from './docx.js';
import { startServer, type RunningServer } from './fixture.js';

/**
 * Drives the draft checker in a real browser: Debian's chromium (`.ci/run` installs it), controlled by
 * playwright-core. Only the mixed-race rule is relied on ('Mother is mixed race.' → 'of dual heritage'); what
 * other rules find in the same draft is counted, never assumed.
 */
// Callbacks given to page.evaluate run in the browser. Tests compile without the DOM library (it would change
// the Node typings of every other test), so the browser globals they use are declared loosely, for this file only.
declare const document: any, navigator: any, getComputedStyle: any, Node: any, HTMLTextAreaElement: any;

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`\n[serve browser tests] SKIPPED: ${CHROMIUM} is missing. Install it with \`apt-get install -y chromium\` (.ci/run does).\n`);
}

const DRAFT =
  'Home visit, 14 March.\n\n' +
  'Mother is mixed race and works at the market on weekdays. Kayden enjoyed drawing with his grandmother.\n\n' +
  'Riley is a mixed-race boy of four who attends the nursery on the corner.\n';

// Typing key by key is slow when the machine is busy; each step still fails fast on its own timeout.
describe.skipIf(!hasChromium)('draft checker page in Chromium', { timeout: 90_000 }, () => {
  let running: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];

  beforeAll(async () => {
    running = await startServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    context = await browser.newContext({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: running.url.replace(/\/$/, '') });
    // A failing step should fail in seconds, with Playwright's message, not at the test's timeout.
    context.setDefaultTimeout(5_000);
    page = await context.newPage();
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(running.url);
    await page.waitForSelector('#editor');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const editor = () => page.locator('#editor');
  const counterText = async () => (await page.locator('#counter').textContent()) ?? '';
  const mixedRaceOptions = () => page.getByRole('group', { name: /mixed-race/ }).getByRole('option');
  const optionCount = () => page.getByRole('listbox', { name: 'Findings by rule' }).getByRole('option').count();
  /** The counter counts what the list shows (once a check has settled). */
  const counterAgreesWithList = async () => {
    const [n, text] = [await optionCount(), await counterText()];
    return n === 0 ? text === 'No findings left' : new RegExp(`^${n} findings? left`).test(text);
  };

  it('underlines findings as a draft is typed and lists them by rule', async () => {
    await poll(counterText).toBe('No text yet');
    await editor().click();
    await editor().pressSequentially(DRAFT, { delay: 2, timeout: 60_000 });

    const underlines = page.locator('#backdrop mark');
    await poll(() => underlines.filter({ hasText: /^mixed race$/ }).count()).toBe(1);
    await poll(() => underlines.filter({ hasText: /^mixed-race$/ }).count()).toBe(1);
    // mixed-race is a warning by default: amber, solid underline.
    await poll(() => underlines.filter({ hasText: /^mixed race$/ }).getAttribute('class')).toMatch(/\bsev-warning\b/);

    await poll(() => mixedRaceOptions().count()).toBe(2);
    await expect(mixedRaceOptions().first().textContent()).resolves.toMatch(/mixed race/);
    await poll(counterAgreesWithList).toBe(true);
    await page.screenshot({ path: screenshotPath('serve-typed.png') });
  });

  it('shows a finding when the cursor is put on it and applies a suggestion in one click', async () => {
    const counterBefore = await counterText();
    const mark = page.locator('#backdrop mark', { hasText: /^mixed-race$/ });
    const box = (await mark.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await poll(() => page.locator('#details .details-flagged').textContent()).toBe('mixed-race');
    await poll(() => mark.getAttribute('class')).toMatch(/\bactive\b/);
    await page.screenshot({ path: screenshotPath('serve.png'), fullPage: true });
    // Whichever rewording the rule offers last (its wording is the rule's business, not this test's).
    const suggestion = page.locator('#details .actions button.suggestion').last();
    const replacement = (await suggestion.textContent())!.match(/“(.+)”/)![1];
    await suggestion.click();

    await poll(() => editor().inputValue()).toContain(`Riley is a ${replacement} boy of four`);
    await poll(() => mixedRaceOptions().count()).toBe(1);
    await poll(counterText).not.toBe(counterBefore);
    await poll(counterAgreesWithList).toBe(true);
  });

  it('is usable with the keyboard: list, details with the clause, applying a fix', async () => {
    const before = await optionCount();
    // Tab from the editor reaches the findings list (the details panel has nothing focusable yet).
    await editor().focus();
    await page.keyboard.press('Tab');
    await poll(() => focusedRole(page)).toBe('option');
    for (let i = 0; i < before && !(await focusedText(page)).includes('mixed race'); i++) await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toMatch(/mixed race/);
    expect(await focusOutline(page)).not.toBe('none');

    const details = page.locator('#details');
    await expect(details.textContent()).resolves.toMatch(/the standards use “dual heritage”/);
    await expect(details.locator('.standard').textContent()).resolves.toMatch(/001 §2\.1.*'dual heritage', not 'mixed race'/s);
    await expect(details.getByRole('button', { name: /Replace with “dual heritage”/ }).count()).resolves.toBe(1);

    await page.keyboard.press('Enter');
    expect(await focusedText(page)).toBe('Apply safe fix: “of dual heritage”');
    // Escape goes back to the list, Enter returns to the same suggestions.
    await page.keyboard.press('Escape');
    expect(await focusedText(page)).toMatch(/mixed race/);
    await page.keyboard.press('Enter');
    expect(await focusedText(page)).toBe('Apply safe fix: “of dual heritage”');
    const counterBefore = await counterText();
    await page.keyboard.press('Enter');

    await poll(() => editor().inputValue()).toContain('Mother is of dual heritage and works');
    await poll(() => mixedRaceOptions().count()).toBe(0);
    await poll(counterText).not.toBe(counterBefore);
    await poll(counterAgreesWithList).toBe(true);
    // Focus stays in the list so the practitioner can carry on; with nothing left it returns to the draft.
    const focusedId = await page.evaluate(() => document.activeElement?.id);
    if ((await optionCount()) > 0) expect(await focusedRole(page)).toBe('option');
    else expect(focusedId).toBe('editor');
  });

  it("'Apply all safe fixes' applies every fix, and Ctrl+Z undoes it", async () => {
    await editor().focus();
    await page.keyboard.press('Control+End');
    await editor().pressSequentially('\nHer brother is mixed race. The aunt is mixed race too.\n', { delay: 2, timeout: 60_000 });
    await poll(() => mixedRaceOptions().count()).toBe(2);
    const fixable = await page.getByRole('option').filter({ hasText: 'safe fix' }).count();
    const button = page.getByRole('button', { name: 'Apply all safe fixes' });
    await expect(button.isEnabled()).resolves.toBe(true);
    await button.click();
    await poll(() => editor().inputValue()).toContain('Her brother is of dual heritage. The aunt is of dual heritage too.');
    await poll(() => mixedRaceOptions().count()).toBe(0);
    await poll(() => page.locator('#status').textContent()).toMatch(/^Applied \d+ safe fixes/);
    const applied = Number((await page.locator('#status').textContent())!.match(/\d+/)![0]);
    expect(applied).toBeGreaterThanOrEqual(fixable);

    await editor().focus();
    await page.keyboard.press('Control+Z');
    await poll(() => editor().inputValue()).toContain('Her brother is mixed race. The aunt is mixed race too.');
    await poll(() => mixedRaceOptions().count()).toBe(2);
  });

  it("copies the text and downloads it as .txt", async () => {
    const text = await editor().inputValue();
    await page.getByRole('button', { name: 'Copy text' }).click();
    await poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .txt' }).click()]);
    expect(download.suggestedFilename()).toBe('draft.txt');
    const saved = await download.path();
    expect(readFileSync(saved, 'utf8')).toBe(text);
  });

  it('opens a .docx through the local server and checks it', async () => {
    await page.locator('#file-input').setInputFiles({
      name: 'visit.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: makeDocx(['Visit note', 'Her father is mixed race.']),
    });
    await poll(() => editor().inputValue()).toBe('Visit note\n\nHer father is mixed race.\n');
    await poll(() => page.locator('#file-name').textContent()).toBe('visit.docx');
    await poll(() => mixedRaceOptions().count()).toBe(1);
  });

  it('F8 in the draft selects the next finding and shows it', async () => {
    await editor().focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('F8');
    const selected = await editor().evaluate((e: any) => e.value.slice(e.selectionStart, e.selectionEnd));
    expect(selected).toBe('mixed race');
    await poll(() => page.locator('#details .details-flagged').textContent()).toBe('mixed race');
    await poll(() => page.locator('#announcer').textContent()).toMatch(/^Warning: “mixed race”/);
  });

  it('says clearly when a text is too large to check', async () => {
    await editor().fill('The family met at the centre. '.repeat(40_000), { timeout: 30_000 });
    await poll(() => page.locator('#status').textContent()).toMatch(/too large for the checker \(limit 1 MB\)/);
    await poll(counterText).toBe('Not checked');
  });

  it('passes WCAG AA contrast for the text on the page', async () => {
    const failures = await page.evaluate(contrastFailures);
    expect(failures).toEqual([]);
  });

  it('made no request outside 127.0.0.1', () => {
    const origin = new URL(running.url).origin;
    expect(requested.length).toBeGreaterThan(3);
    // blob: URLs (the download) carry the page's own origin.
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});

/** Checks run after a debounce and a request; a busy machine (two shared cores) can take a while. */
function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}

function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

function focusedRole(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('role') ?? null);
}

function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent ?? '');
}

function focusOutline(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : 'none'));
}

/**
 * Runs in the page: every visible element with its own text, whose colour against the background behind it
 * is under 4.5:1 (3:1 for large text). Backgrounds are found by walking up to the first opaque one.
 */
function contrastFailures(): string[] {
  const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]: number[]) => {
    const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element: any): number[] => {
    for (let e = element; e; e = e.parentElement) {
      const rgba = parse(getComputedStyle(e).backgroundColor);
      if (rgba.length === 3 || (rgba.length === 4 && rgba[3] === 1)) return rgba.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const failures: string[] = [];
  for (const element of document.querySelectorAll('body *')) {
    if (element.closest('[aria-hidden="true"], [hidden], script, style')) continue;
    const ownText = [...element.childNodes].some((n: any) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');
    const isField = element instanceof HTMLTextAreaElement && element.value.trim() !== '';
    if (!ownText && !isField) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || element.getClientRects().length === 0) continue;
    const fg = parse(style.color);
    if (fg.length === 4 && fg[3] === 0) continue;
    const [l1, l2] = [luminance(fg), luminance(background(element))].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) failures.push(`${element.tagName.toLowerCase()}.${element.className}: ${ratio.toFixed(2)}`);
  }
  return failures;
}
