import './style.css';
import { CheckerError, extractDocx, fetchRules, lint } from './api.js';
import { Details } from './details.js';
import { byId, plural, SEVERITY } from './dom.js';
import { FindingsList } from './findings-list.js';
import { Highlights } from './highlights.js';
import { applyEdits, diffTexts, mapFindings, placeMessages } from './spans.js';
import type { Edit, Finding, LintMessage, RuleInfo } from './types.js';

/** Long enough not to check half-typed words, short enough to feel immediate. */
const DEBOUNCE_MS = 350;
/** Fixes can reveal further fixes (ESLint repeats until stable); this bounds the loop. */
const MAX_FIX_PASSES = 5;

const editor = byId<HTMLTextAreaElement>('editor');
const counter = byId('counter');
const status = byId('status');
const fileName = byId('file-name');
const fileInput = byId<HTMLInputElement>('file-input');
const applyAllButton = byId<HTMLButtonElement>('apply-all');
const emptyNote = byId('findings-empty');
const announcer = byId('announcer');

const state = {
  /** The editor's text as last seen; findings are placed in it. */
  text: '',
  findings: [] as Finding[],
  activeKey: undefined as string | undefined,
  filename: 'draft.txt',
  rules: new Map<string, RuleInfo>(),
  /** Whether the findings come from a check of exactly `text` (not moved by typing since). */
  checked: true,
  /** The last check failed (the status line says why). */
  failed: false,
  nextKey: 1,
};

let pending: { timer?: number; controller?: AbortController } = {};

const highlights = new Highlights(byId('backdrop'), editor);
const list = new FindingsList(byId('findings'), {
  onSelect: (key) => select(key, { reveal: true }),
  onOpen: (key) => {
    select(key, { reveal: true });
    details.focusFirstAction();
  },
});
const details = new Details(byId('details'), {
  apply: (edit, finding) => applyOne(edit, finding),
  showInText: (finding) => {
    editor.focus();
    editor.setSelectionRange(finding.start, finding.end);
    highlights.reveal(finding.key);
  },
  back: (finding) => list.focus(finding.key),
});

// ---- rendering --------------------------------------------------------------------------------------------

function render(): void {
  if (state.activeKey && !state.findings.some((f) => f.key === state.activeKey)) state.activeKey = undefined;
  highlights.render(state.text, state.findings, state.activeKey);
  list.render(state.text, state.findings, state.rules, state.activeKey);
  emptyNote.hidden = state.findings.length > 0;
  emptyNote.textContent =
    state.text.trim() === ''
      ? 'No findings yet.'
      : state.checked
        ? 'No findings. The checker cannot see everything: read the draft again with the person in mind.'
        : 'Checking…';
  showDetails();
  updateCounter();
  applyAllButton.disabled = !state.findings.some((f) => f.fix);
}

function showDetails(): void {
  const index = state.findings.findIndex((f) => f.key === state.activeKey);
  const finding = state.findings[index];
  details.show(state.text, finding, finding && state.rules.get(finding.message.ruleId), { index, total: state.findings.length });
}

function updateCounter(): void {
  const count = (severity: number) => state.findings.filter((f) => f.message.severity === severity).length;
  const total = state.findings.length;
  let text: string;
  if (state.text.trim() === '') text = 'No text yet';
  else if (total === 0) text = state.checked ? 'No findings left' : state.failed ? 'Not checked' : 'Checking…';
  else {
    const parts = [plural(count(2), 'error'), plural(count(1), 'warning'), `${count(0)} for review`].filter((p) => !p.startsWith('0 '));
    text = `${plural(total, 'finding')} left: ${parts.join(', ')}`;
  }
  // Only a real change is announced: the counter is a live region.
  if (counter.textContent !== text) counter.textContent = text;
}

function setStatus(message: string, kind: 'info' | 'error' = 'info'): void {
  status.textContent = message;
  status.dataset.kind = kind;
}

function select(key: string | undefined, options: { reveal?: boolean } = {}): void {
  if (key === state.activeKey) return void (options.reveal && key && highlights.reveal(key));
  state.activeKey = key;
  highlights.render(state.text, state.findings, key);
  list.markSelected(key);
  showDetails();
  if (options.reveal && key) highlights.reveal(key);
}

// ---- checking ---------------------------------------------------------------------------------------------

function scheduleCheck(delay = DEBOUNCE_MS): void {
  window.clearTimeout(pending.timer);
  pending.timer = window.setTimeout(() => void check(), delay);
}

/** Checks the current text; a newer check or a keystroke makes an older answer irrelevant. */
async function check(): Promise<void> {
  window.clearTimeout(pending.timer);
  pending.controller?.abort();
  const controller = new AbortController();
  pending = { controller };
  const text = state.text;
  document.body.classList.add('checking');
  let messages: LintMessage[];
  try {
    messages = text.trim() === '' ? [] : await lint(text, state.filename, controller.signal);
  } catch (error) {
    if ((error as Error).name === 'AbortError') return;
    setStatus(error instanceof CheckerError ? error.message : 'The check failed.', 'error');
    state.failed = true;
    updateCounter();
    return;
  } finally {
    if (pending.controller === controller) document.body.classList.remove('checking');
  }
  if (controller.signal.aborted || text !== state.text) return;
  if (status.dataset.kind === 'error') setStatus('');
  adoptFindings(placeMessages(text, messages));
}

/** Takes a check's findings, keeping the selection on the same finding when it is still there. */
function adoptFindings(placed: Finding[]): void {
  const previous = state.findings.find((f) => f.key === state.activeKey);
  const reused = new Set<string>();
  const findings = placed.map((f) => {
    const same = state.findings.find(
      (old) =>
        !reused.has(old.key) &&
        old.message.ruleId === f.message.ruleId &&
        old.message.messageId === f.message.messageId &&
        old.start === f.start &&
        old.end === f.end,
    );
    if (same) reused.add(same.key);
    return { ...f, key: same?.key ?? `f${state.nextKey++}` };
  });
  state.findings = findings;
  state.checked = true;
  state.failed = false;
  if (previous && !findings.some((f) => f.key === previous.key)) {
    // The selected finding went away (fixed or reworded): move to the next one in the text.
    state.activeKey = (findings.find((f) => f.start >= previous.start) ?? findings[findings.length - 1])?.key;
  }
  render();
}

function onTextChanged(): void {
  const change = diffTexts(state.text, editor.value);
  if (!change) return;
  state.findings = mapFindings(state.findings, change);
  state.text = editor.value;
  state.checked = false;
  render();
  scheduleCheck();
}

// ---- editing ----------------------------------------------------------------------------------------------

/**
 * Replaces part of the text the way typing would, so Ctrl+Z undoes it. `insertText` is the only way to
 * put an edit on a textarea's native undo stack; where a browser refuses it, the edit is made directly.
 */
function replaceRange(start: number, end: number, text: string): void {
  const expected = editor.value.slice(0, start) + text + editor.value.slice(end);
  editor.focus({ preventScroll: true });
  editor.setSelectionRange(start, end);
  const done = text === '' ? document.execCommand('delete') : document.execCommand('insertText', false, text);
  if (!done || editor.value !== expected) {
    editor.value = expected;
    editor.setSelectionRange(start + text.length, start + text.length);
  }
  onTextChanged();
}

function applyOne(edit: Edit, finding: Finding): void {
  const fromPanel = byId('details').contains(document.activeElement);
  const after = state.findings.find((f) => f.start >= finding.end && f.key !== finding.key);
  replaceRange(edit.start, edit.end, edit.text);
  select(after?.key ?? state.findings.find((f) => f.key !== finding.key)?.key);
  setStatus(edit.text ? `Replaced with “${edit.text}”. Ctrl+Z undoes it.` : 'Removed. Ctrl+Z undoes it.');
  void check();
  // A keyboard user carries on from the list; with nothing left, back to the draft.
  if (fromPanel && state.activeKey) list.focus(state.activeKey);
  else if (fromPanel) editor.focus();
}

async function applyAllSafeFixes(): Promise<void> {
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    if (!state.checked) await check();
    const fixes = state.findings.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length === 0) break;
    const result = applyEdits(state.text, fixes);
    const change = diffTexts(state.text, result.text);
    if (!change) break;
    replaceRange(change.start, change.oldEnd, result.text.slice(change.start, change.newEnd));
    applied += result.applied;
    await check();
  }
  setStatus(applied > 0 ? `Applied ${plural(applied, 'safe fix', 'safe fixes')}. Ctrl+Z undoes them.` : 'No safe fixes to apply.');
}

function nextFinding(direction: 1 | -1): void {
  if (state.findings.length === 0) return;
  const caret = editor.selectionStart;
  const ordered = direction === 1 ? state.findings : [...state.findings].reverse();
  const target =
    ordered.find((f) => (direction === 1 ? f.start > caret : f.start < caret && f.key !== state.activeKey)) ?? ordered[0];
  editor.setSelectionRange(target.start, target.end);
  select(target.key, { reveal: true });
  announcer.textContent = `${SEVERITY[target.message.severity].word}: ${target.message.message}`;
}

/**
 * The finding under the caret, so moving through the text shows each finding's details. A screen reader in
 * the editor hears the message too (in the list, the focused option's own name is read instead).
 */
function selectAtCaret(): void {
  const caret = editor.selectionStart;
  const here = state.findings.find((f) => f.start <= caret && caret <= f.end && f.end > f.start);
  if (!here || here.key === state.activeKey) return;
  select(here.key);
  announcer.textContent = `${SEVERITY[here.message.severity].word}: ${here.message.message}`;
}

// ---- files ------------------------------------------------------------------------------------------------

async function openFile(file: File): Promise<void> {
  let text: string;
  try {
    if (/\.docx$/i.test(file.name)) text = await extractDocx(file);
    else if (/\.(txt|md|markdown)$/i.test(file.name) || file.type.startsWith('text/')) text = await file.text();
    else return setStatus('Open a .txt, .md or .docx file.', 'error');
  } catch (error) {
    return setStatus(error instanceof CheckerError ? error.message : `Could not read ${file.name}.`, 'error');
  }
  state.filename = file.name;
  fileName.textContent = file.name;
  replaceRange(0, editor.value.length, text.replace(/\r\n?/g, '\n'));
  editor.setSelectionRange(0, 0);
  editor.scrollTop = 0;
  setStatus(`Opened ${file.name}. Ctrl+Z brings back the previous text.`);
  void check();
}

async function copyText(): Promise<void> {
  try {
    await navigator.clipboard.writeText(editor.value);
  } catch {
    editor.focus();
    editor.select();
    if (!document.execCommand('copy')) return setStatus('Copying was refused by the browser: select the text and press Ctrl+C.', 'error');
  }
  setStatus('Text copied.');
}

function downloadText(): void {
  const blob = new Blob([editor.value], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: `${state.filename.replace(/\.[^.]*$/, '') || 'draft'}.txt` });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  setStatus(`Saved ${link.download} to your downloads.`);
}

// ---- wiring -----------------------------------------------------------------------------------------------

editor.addEventListener('input', onTextChanged);
for (const type of ['click', 'keyup', 'select', 'focus']) editor.addEventListener(type, selectAtCaret);
editor.addEventListener('keydown', (event) => {
  if (event.key === 'F8') {
    event.preventDefault();
    nextFinding(event.shiftKey ? -1 : 1);
  }
});
byId('open-file').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  fileInput.value = '';
  if (file) void openFile(file);
});
const wrap = editor.parentElement!;
wrap.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
});
wrap.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  event.preventDefault();
  void openFile(file);
});
applyAllButton.addEventListener('click', () => void applyAllSafeFixes());
byId('copy-text').addEventListener('click', () => void copyText());
byId('download-text').addEventListener('click', downloadText);
// Nothing is saved anywhere, so closing the tab would lose the draft.
window.addEventListener('beforeunload', (event) => {
  if (editor.value.trim() !== '') event.preventDefault();
});

fetchRules()
  .then((rules) => {
    state.rules = rules;
    render();
  })
  .catch((error: unknown) => setStatus(error instanceof CheckerError ? error.message : 'Could not load the rules.', 'error'));
onTextChanged();
render();
