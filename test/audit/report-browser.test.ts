import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempProject } from '../helpers/cli.js';

/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core. Skipped, saying so, only
 * when /usr/bin/chromium is not installed (apt-get install chromium). Leaves a screenshot in test-artifacts/.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`report-browser.test.ts skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

function makeExport(n: number): string {
  const rows = ['id,date,note'];
  for (let i = 1; i <= n; i++) {
    const note = i % 3 === 0 ? 'Mum is mixed race. The biracial twins were at nursery.' : 'Visit went well; the children were settled.';
    // Every 50th row lacks its note: a malformed row.
    rows.push(i % 50 === 0 ? `C-${i},${2012 + (i % 9)}-05-01` : `C-${i},${2012 + (i % 9)}-05-01,"${note}"`);
  }
  return rows.join('\n') + '\n';
}

describe.skipIf(!hasChromium)('the audit report in Chromium', () => {
  let browser: Browser;
  let project: { dir: string; cleanup: () => void };
  let report: string;

  beforeAll(async () => {
    project = tempProject({ 'export.csv': makeExport(120).replace('C-9,', 'C-<b>9</b>,') });
    const r = runCli(['audit', 'export.csv', '--date-column', 'date', '--report', 'report.html'], { cwd: project.dir });
    expect(r.code).toBe(2); // the malformed rows
    report = join(project.dir, 'report.html');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    project?.cleanup();
  });

  it('renders the charts and the review list, whose links lead to the findings, with no request leaving the page', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(report).href);

    const ruleBars = page.locator('#rule-chart rect.bar');
    expect(await ruleBars.count()).toBe(1);
    const box = await ruleBars.first().boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(await page.locator('#rule-chart text').allTextContents()).toContain('mixed-race');
    expect(await page.locator('#year-chart rect.bar').count()).toBe(9);

    const rows = page.locator('#review-list tbody tr');
    expect(await rows.count()).toBe(40);
    await rows.nth(0).locator('a').click();
    const target = page.locator('.record:target');
    await expect.poll(() => target.count()).toBe(1);
    expect(await target.locator('li').count()).toBe(2);
    expect(await target.locator('li').first().textContent()).toMatch(/^warning note 1:8 “mixed race”: .* mixed-race 001 §2.1/);
    expect(await target.isVisible()).toBe(true);

    // An id from the export is shown as text, never as markup.
    expect(await page.locator('#faults').textContent()).toContain('malformed row');
    expect(await page.locator('b').count()).toBe(0);
    expect(await rows.nth(2).locator('a').textContent()).toBe('C-<b>9</b>');
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);

    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    await page.goto(pathToFileURL(report).href);
    await page.screenshot({ path: join(ROOT, 'test-artifacts', 'audit-report.png'), fullPage: true });
    writeFileSync(join(ROOT, 'test-artifacts', 'audit-report.html'), readFileSync(report));
    await page.close();
  }, 120_000);
});
