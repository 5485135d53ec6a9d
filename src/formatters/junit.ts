import type { LintResult } from '../linter.js';
import type { FormatterOptions } from './index.js';
import { portablePath, proposedWording } from './shared.js';

const TYPE: Record<number, string> = { 2: 'Error', 1: 'Warning', 0: 'Info' };

// Characters XML 1.0 cannot hold at all, even escaped.
const INVALID_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function attribute(value: string): string {
  return value
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function cdata(value: string): string {
  return `<![CDATA[${value.replace(INVALID_XML, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/**
 * ESLint's "junit" format, for CI systems that show test reports: one test suite per file, one failing test
 * case per error or warning (info findings are passing cases with the note in system-out), and one passing case
 * for a clean file.
 */
export function formatJunit(results: LintResult[], options: FormatterOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<testsuites>'];
  for (const result of results) {
    const file = portablePath(result.filePath, cwd);
    const classname = attribute(file.replace(/\.[^./]+$/, ''));
    const failures = result.messages.filter((m) => m.severity > 0).length;
    out.push(`<testsuite package="anti-racist-lint" time="0" tests="${Math.max(1, result.messages.length)}" errors="${failures}" failures="${failures}" name="${attribute(file)}">`);
    if (result.messages.length === 0) out.push(`<testcase time="0" name="${attribute(file)}" classname="${classname}" />`);
    for (const m of result.messages) {
      const text = `line ${m.line}, col ${m.column}, ${TYPE[m.severity]} - ${m.message.trim()}${proposedWording(m)} (${m.ruleId}${m.clause ? `, ${m.clause}` : ''})`;
      const body = m.severity > 0 ? `<failure message="${attribute(m.message.trim())}">${cdata(text)}</failure>` : `<system-out>${cdata(text)}</system-out>`;
      out.push(`<testcase time="0" name="anti-racist-lint.${attribute(m.ruleId)}" classname="${classname}">${body}</testcase>`);
    }
    out.push('</testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
