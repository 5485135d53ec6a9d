import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const processor = unified().use(rehypeParse);

/**
 * The text of an HTML page as a browser would copy it (hast-util-to-text's innerText): paragraphs separated by
 * blank lines, line breaks kept, table cells separated by tabs, scripts, styles and hidden elements left out.
 * Positions refer to this text, not to the HTML source.
 */
export function htmlToText(html: string): string {
  return toText(processor.parse(html)).trim() + '\n';
}
