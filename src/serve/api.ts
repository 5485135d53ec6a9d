import { basename } from 'node:path';
import mammoth from 'mammoth';
import { lintText, type LintMessage } from '../linter.js';
import type { UserConfig } from '../config/config.js';
import type { Rule } from '../engine/rule.js';
import { describeClause, type ClauseInfo } from './clauses.js';
import { HttpError } from './http.js';

/** A long assessment is well under 200 KB of text; 1 MB leaves room without letting a request tie up the linter. */
export const LINT_BODY_LIMIT = 1 << 20;
/** Word documents carry images and styles besides the text. */
export const DOCX_BODY_LIMIT = 20 << 20;
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DEFAULT_FILENAME = 'draft.txt';

export interface LintRequest {
  text: string;
  filename: string;
}

/** Validates the JSON body of `POST /api/lint`. */
export function parseLintRequest(body: Buffer): LintRequest {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'Expected a JSON object: { "text": "...", "filename": "draft.md" }.');
  }
  const { text, filename } = value as Record<string, unknown>;
  if (typeof text !== 'string') throw new HttpError(400, '"text" must be a string.');
  if (filename !== undefined && typeof filename !== 'string') throw new HttpError(400, '"filename" must be a string.');
  // Only the name matters (it decides Markdown or plain text, and which config overrides apply); a path
  // from the browser is never used to touch the disk.
  return { text, filename: basename(filename || DEFAULT_FILENAME) };
}

/** `--format json` messages for one text: the same objects, without the source text. */
export function lintForPage(request: LintRequest, config: UserConfig): { messages: LintMessage[] } {
  if (request.text.trim() === '') return { messages: [] };
  const { messages } = lintText(request.text, { filePath: request.filename, config });
  return { messages };
}

/** Extracts the text of a .docx with mammoth: paragraphs become lines separated by a blank line. */
export async function extractDocx(body: Buffer): Promise<{ text: string }> {
  if (body.length === 0) throw new HttpError(400, 'The file is empty.');
  try {
    const { value } = await mammoth.extractRawText({ buffer: body });
    return { text: value.replace(/\n{3,}/g, '\n\n').trim() + '\n' };
  } catch {
    throw new HttpError(422, 'This file could not be read as a Word document (.docx). Save it as .docx or paste the text.');
  }
}

export interface RuleInfo {
  id: string;
  severity: string;
  fix: string;
  summary: string;
  rationale: string;
  clauses: ClauseInfo[];
}

/** What the page shows beside a finding: the rule's summary and rationale and its clauses in plain words. */
export function describeRules(rules: readonly Rule[]): RuleInfo[] {
  return rules.map(({ meta }) => ({
    id: meta.id,
    severity: meta.severity,
    fix: meta.fix,
    summary: meta.docs.summary,
    rationale: meta.docs.rationale,
    clauses: meta.standards.map(describeClause),
  }));
}
