import { h, SEVERITY } from './dom.js';
import type { Finding } from './types.js';

/**
 * Draws the underlines. The backdrop sits behind the transparent textarea with the same font, padding and
 * wrapping, and repeats the text with <mark>s where findings are, so the underlines line up with the
 * characters the practitioner sees. Native editing (undo, spell check, IME, screen readers) stays with
 * the textarea.
 */
export class Highlights {
  constructor(
    private readonly backdrop: HTMLElement,
    private readonly editor: HTMLTextAreaElement,
  ) {
    editor.addEventListener('scroll', () => this.syncScroll());
  }

  render(text: string, findings: Finding[], activeKey: string | undefined): void {
    const fragment = document.createDocumentFragment();
    const cuts = new Set([0, text.length]);
    const visible = findings.filter((f) => f.end > f.start);
    for (const f of visible) {
      cuts.add(f.start);
      cuts.add(f.end);
    }
    const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const covering = visible.filter((f) => f.start <= from && f.end >= to);
      const piece = text.slice(from, to);
      if (covering.length === 0) {
        fragment.append(piece);
        continue;
      }
      // Where findings overlap, the most severe colour shows; every one of them is in the list.
      const worst = covering.reduce((a, b) => (b.message.severity > a.message.severity ? b : a));
      const active = covering.some((f) => f.key === activeKey);
      fragment.append(
        h('mark', { class: `${SEVERITY[worst.message.severity].className}${active ? ' active' : ''}`, 'data-keys': covering.map((f) => f.key).join(' ') }, piece),
      );
    }
    // A final line break needs something after it, or the backdrop is one line shorter than the textarea.
    fragment.append(text.endsWith('\n') || text === '' ? ' ' : '');
    this.backdrop.replaceChildren(fragment);
    this.syncScroll();
  }

  /** Scrolls the editor so that a finding is in view (the backdrop mirrors the textarea's layout). */
  reveal(key: string): void {
    const mark = this.backdrop.querySelector<HTMLElement>(`mark[data-keys~="${CSS.escape(key)}"]`);
    if (!mark) return;
    // The backdrop is the mark's offset parent, so this is the mark's position in the text's layout.
    const top = mark.offsetTop;
    if (top < this.editor.scrollTop || top + mark.offsetHeight > this.editor.scrollTop + this.editor.clientHeight) {
      this.editor.scrollTop = Math.max(0, top - this.editor.clientHeight / 3);
    }
    this.syncScroll();
  }

  private syncScroll(): void {
    this.backdrop.scrollTop = this.editor.scrollTop;
    this.backdrop.scrollLeft = this.editor.scrollLeft;
  }
}
