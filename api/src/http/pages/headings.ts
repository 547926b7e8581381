/**
 * Fits a rich-text body's headings under the page's own: its top level becomes the first
 * level below `parent`, and no heading is more than one level deeper than the one before, so
 * an editor's 标题1 or a jump from 标题2 to 标题4 cannot break the page's outline for screen
 * readers. The HTML comes from blocksToHtml, where `<hN>` can only be markup (text is escaped).
 */
export function nestHeadings(html: string, parent: number): string {
  const levels = [...html.matchAll(/<h([1-6])>/g)].map((match) => Number(match[1]));
  if (levels.length === 0) return html;
  const shift = Math.max(0, parent + 1 - Math.min(...levels));
  let previous = parent;
  let open = parent + 1;
  return html.replace(/<(\/?)h([1-6])>/g, (_tag, closing: string, level: string) => {
    if (closing) return `</h${open}>`;
    open = Math.min(6, Number(level) + shift, previous + 1);
    previous = open;
    return `<h${open}>`;
  });
}
