import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/input/document.js';
import { docxToText } from '../../src/input/docx.js';
import { htmlToText } from '../../src/input/html.js';
import { lintText } from '../../src/linter.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { buildDocx } from './docx-builder.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'exports');

const referral = () =>
  buildDocx(
    [
      { p: 'Referral: Kai Mensah-Doyle (8)', style: 'Heading1' },
      { numbered: 'Reason for referral' },
      { numbered: 'Kai is mixed race and was excluded twice this term.', level: 1 },
      { numbered: 'School has asked for a meeting.', level: 1 },
      { numbered: 'Family and identity' },
      { bullet: 'Mother: born in Accra, Ghana.' },
      { table: [['Ethnicity', 'Half-white'], ['Language', 'English and Twi']] },
      { p: 'Father describes himself as "mixed race, Irish and Ghanaian".', footnote: 'Recorded at the home visit on 3 May.' },
    ],
    { header: 'OFFICIAL-SENSITIVE: biracial families pilot', footer: 'Page 1 — referral R-19' },
  );

describe('.docx', () => {
  it('gives paragraphs with their list numbers, table cells, footnotes, headers and footers, each its own block', async () => {
    const text = await docxToText(await referral());
    expect(text.split('\n\n')).toEqual([
      'OFFICIAL-SENSITIVE: biracial families pilot',
      'Referral: Kai Mensah-Doyle (8)',
      '1. Reason for referral',
      '1.1. Kai is mixed race and was excluded twice this term.',
      '1.2. School has asked for a meeting.',
      '2. Family and identity',
      '• Mother: born in Accra, Ghana.',
      'Ethnicity',
      'Half-white',
      'Language',
      'English and Twi',
      'Father describes himself as "mixed race, Irish and Ghanaian".',
      'Recorded at the home visit on 3 May.',
      'Page 1 — referral R-19\n',
    ]);
  });

  it('is linted like any text: findings in the body, a table cell and the header; quoted self-description exempt', async () => {
    const text = await docxToText(await referral());
    const result = lintText(text, { filePath: 'referral.docx' });
    const found = result.messages.map((m) => text.split('\n')[m.line - 1].slice(m.column - 1, m.endColumn - 1));
    expect(found).toEqual(['biracial', 'mixed race', 'Half-white']);
    expect(result.suppressedMessages.map((m) => m.suppressions[0].kind)).toEqual(['self-description']);
  });
});

describe('.html', () => {
  it('keeps only the text a reader sees', () => {
    const text = htmlToText(readFileSync(join(FIXTURES, 'referral.html'), 'utf8'));
    expect(text).not.toMatch(/script|CSS|comment|<\w/);
    expect(text).toContain('Referral from the health visitor about Leo (3), who is mixed race.');
    expect(text).toMatch(/Heritage\thalf-Black/);
    expect(lintText(text).messages.map((m) => m.ruleId)).toEqual(['mixed-race', 'mixed-race']);
  });
});

describe('readDocument and the lint command', () => {
  const project = tempProject({ 'notes/visit.txt': 'Mother is mixed race.\n' });
  afterAll(project.cleanup);

  it('reads .docx and .html as text that is never fixed in place', async () => {
    const docx = join(project.dir, 'notes', 'referral.docx');
    writeFileSync(docx, await referral());
    expect(await readDocument(docx)).toMatchObject({ format: 'text', fixable: false });
    expect(await readDocument(join(FIXTURES, 'referral.html'))).toMatchObject({ format: 'text', fixable: false });
    expect(await readDocument(join(project.dir, 'notes', 'visit.txt'))).toEqual({ text: 'Mother is mixed race.\n', format: 'text', fixable: true, bytes: 22 });
  });

  it('lints a named .html file and a .docx found in a folder', async () => {
    writeFileSync(join(project.dir, 'notes', 'referral.docx'), await referral());
    const html = runCli(['--format', 'json', join(FIXTURES, 'referral.html')]);
    expect(JSON.parse(html.stdout)[0].messages.map((m: { line: number; column: number }) => [m.line, m.column])).toEqual([
      [3, 56],
      [8, 10],
    ]);
    const folder = runCli(['--format', 'json', 'notes'], { cwd: project.dir });
    const results = JSON.parse(folder.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results.map((r) => [r.filePath.split('/').pop(), r.messages.length])).toEqual([
      ['referral.docx', 3],
      ['visit.txt', 1],
    ]);
  });

  it('reports a broken .docx as unreadable and lints the other files', () => {
    const broken = tempProject({ 'a.docx': 'not a zip', 'b.txt': 'Mother is mixed race.' });
    try {
      const r = runCli(['--format', 'json', '.'], { cwd: broken.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/a\.docx/);
      expect(JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath.split('/').pop())).toEqual(['b.txt']);
    } finally {
      broken.cleanup();
    }
  });
});
