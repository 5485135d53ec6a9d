import type { LintMessage, RuleInfo } from './types.js';

/** A failure the page shows in its status line, worded for the practitioner. */
export class CheckerError extends Error {}

async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new CheckerError(body.error ?? `The checker answered ${response.status}.`);
  return body as T;
}

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, cache: 'no-store', credentials: 'omit' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new CheckerError('Cannot reach the checker. Is `anti-racist-lint serve` still running?');
  }
}

export async function lint(text: string, filename: string, signal: AbortSignal): Promise<LintMessage[]> {
  const response = await request('/api/lint', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text, filename }),
    signal,
  });
  return (await readJson<{ messages: LintMessage[] }>(response)).messages;
}

export async function fetchRules(): Promise<Map<string, RuleInfo>> {
  const { rules } = await readJson<{ rules: RuleInfo[] }>(await request('/api/rules', { method: 'GET' }));
  return new Map(rules.map((r) => [r.id, r]));
}

/** The local server reads the Word file with mammoth; see src/serve/api.ts. */
export async function extractDocx(file: File): Promise<string> {
  const response = await request('/api/extract-docx', {
    method: 'POST',
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    body: file,
  });
  return (await readJson<{ text: string }>(response)).text;
}
