import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';

/**
 * The text of a Word (.docx) document, for linting: body paragraphs (with their list numbers), tables (one
 * cell paragraph at a time), footnotes and endnotes from mammoth's document model, and headers and footers
 * (which mammoth does not read) from the same package. Paragraphs are separated by blank lines so each is its
 * own block; positions refer to this text. The .docx itself is never changed.
 */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [body, margins] = await Promise.all([bodyParagraphs(buffer), headersAndFooters(buffer)]);
  return [...margins.headers, ...body, ...margins.footers].join('\n\n') + '\n';
}

interface MammothElement {
  type: string;
  value?: string;
  children?: MammothElement[];
  numbering?: { level: string; isOrdered: boolean } | null;
  body?: MammothElement[];
}

interface MammothDocument extends MammothElement {
  notes?: { _notes?: Record<string, MammothElement> };
}

async function bodyParagraphs(buffer: Buffer): Promise<string[]> {
  let captured: MammothDocument | undefined;
  await mammoth.convertToHtml(
    { buffer },
    {
      // Keep mammoth's document model and give its HTML writer nothing to do.
      transformDocument: (document: MammothDocument) => {
        captured = document;
        return { ...document, children: [] };
      },
    },
  );
  if (!captured) return [];
  const out: string[] = [];
  const numbers = new ListNumbers();
  collectParagraphs(captured.children ?? [], out, numbers);
  for (const note of Object.values(captured.notes?._notes ?? {})) collectParagraphs(note.body ?? [], out, numbers);
  return out;
}

function collectParagraphs(elements: MammothElement[], out: string[], numbers: ListNumbers): void {
  for (const element of elements) {
    if (element.type === 'paragraph') {
      const text = inlineText(element).trim();
      const label = numbers.label(element.numbering ?? undefined);
      if (text) out.push(label ? `${label} ${text}` : text);
    } else if (element.children) {
      // Tables, rows and cells: their paragraphs in reading order.
      collectParagraphs(element.children, out, numbers);
    }
  }
}

function inlineText(element: MammothElement): string {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    default:
      return (element.children ?? []).map(inlineText).join('');
  }
}

/**
 * List numbers as Word shows them for decimal lists: 1., 2., then 2.1., 2.2. one level down; bullets as •.
 * mammoth gives each numbered paragraph its level and whether the list is ordered (not Word's number format),
 * so other formats (a), i.) are shown as decimal.
 */
class ListNumbers {
  private counters: number[] = [];
  private list: unknown;

  label(numbering: { level: string; isOrdered: boolean } | undefined): string {
    if (!numbering) return '';
    const level = Number(numbering.level) || 0;
    if (!numbering.isOrdered) return '•';
    // A new level-0 definition starts a new list.
    if (level === 0 && numbering !== this.list) {
      this.list = numbering;
      this.counters = [];
    }
    this.counters[level] = (this.counters[level] ?? 0) + 1;
    this.counters.length = level + 1;
    return `${Array.from(this.counters, (n) => n ?? 1).join('.')}.`;
  }
}

const XML_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Text of word/header*.xml and word/footer*.xml, each distinct paragraph once (first-page and even-page copies). */
async function headersAndFooters(buffer: Buffer): Promise<{ headers: string[]; footers: string[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (kind: 'header' | 'footer') => {
    const names = Object.keys(zip.files)
      .filter((name) => new RegExp(`^word/${kind}\\d*\\.xml$`).test(name))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const seen = new Set<string>();
    const out: string[] = [];
    for (const name of names) {
      for (const paragraph of xmlParagraphs(await zip.file(name)!.async('string'))) {
        if (!seen.has(paragraph)) out.push(paragraph);
        seen.add(paragraph);
      }
    }
    return out;
  };
  return { headers: await read('header'), footers: await read('footer') };
}

/** The visible text of each w:p of a WordprocessingML part (w:t runs, tabs and breaks; deleted text excluded). */
function xmlParagraphs(xml: string): string[] {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const paragraphs = document.getElementsByTagNameNS(XML_NS, 'p');
  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    let text = '';
    const walk = (node: Node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        const element = child as Element;
        if (element.namespaceURI !== XML_NS) continue;
        const name = element.localName;
        if (name === 't') text += child.textContent ?? '';
        else if (name === 'tab') text += '\t';
        else if (name === 'br' || name === 'cr') text += '\n';
        else if (name !== 'del' && name !== 'p') walk(child);
      }
    };
    walk(paragraphs[i]);
    if (text.trim()) out.push(text.trim());
  }
  return out;
}
