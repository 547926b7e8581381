import type { StrapiBlock, StrapiInline, StrapiMedia } from './strapi-types';

/**
 * Renders Strapi "blocks" rich text to HTML that is safe to insert into any page: every
 * piece of text is escaped, only http, https and mailto links survive, and nothing the
 * editor typed is ever passed through as markup.
 */
export function blocksToHtml(blocks: StrapiBlock[], resolveMediaUrl: (url: string) => string | null): string {
  return blocks.map((block) => renderBlock(block, resolveMediaUrl)).join('\n');
}

/** The same content as plain text, one block per paragraph. */
export function blocksToText(blocks: StrapiBlock[]): string {
  return blocks
    .map(textOf)
    .filter((text) => text !== '')
    .join('\n\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** http, https and mailto only; anything else (javascript:, data:, relative tricks) is refused. */
export function safeLinkUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.toString() : null;
  } catch {
    return null;
  }
}

function renderBlock(block: StrapiBlock, resolveMediaUrl: (url: string) => string | null): string {
  const inner = () => renderChildren(block.children ?? []);
  switch (block.type) {
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(block.level) || 2));
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'quote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'code':
      return `<pre><code>${escapeHtml(textOf(block))}</code></pre>`;
    case 'list': {
      const tag = block.format === 'ordered' ? 'ol' : 'ul';
      const items = (block.children ?? []).map((child) => renderBlock(child as StrapiBlock, resolveMediaUrl)).join('');
      return `<${tag}>${items}</${tag}>`;
    }
    case 'list-item':
      return `<li>${inner()}</li>`;
    case 'image':
      return renderImage(block.image, resolveMediaUrl);
    default:
      // An unknown block keeps its text, never its markup.
      return `<p>${escapeHtml(textOf(block))}</p>`;
  }
}

function renderImage(image: StrapiMedia | undefined, resolveMediaUrl: (url: string) => string | null): string {
  const src = image?.url ? resolveMediaUrl(image.url) : null;
  if (!image || !src) return '';
  const size = image.width && image.height ? ` width="${Number(image.width)}" height="${Number(image.height)}"` : '';
  return `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(image.alternativeText ?? '')}"${size} loading="lazy"></figure>`;
}

function renderChildren(children: Array<StrapiBlock | StrapiInline>): string {
  return children.map((child) => renderInline(child as StrapiInline)).join('');
}

function renderInline(node: StrapiInline): string {
  if (node.type === 'link') {
    const href = safeLinkUrl(node.url);
    const text = renderChildren(node.children ?? []);
    return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${text}</a>` : text;
  }
  if (node.type !== 'text') {
    return escapeHtml(textOf(node as StrapiBlock));
  }
  let html = escapeHtml(node.text ?? '').replace(/\n/g, '<br>');
  if (node.code) html = `<code>${html}</code>`;
  if (node.bold) html = `<strong>${html}</strong>`;
  if (node.italic) html = `<em>${html}</em>`;
  if (node.underline) html = `<u>${html}</u>`;
  if (node.strikethrough) html = `<s>${html}</s>`;
  return html;
}

function textOf(node: StrapiBlock | StrapiInline): string {
  if ((node as StrapiInline).type === 'text') return (node as { text?: string }).text ?? '';
  const children = (node as StrapiBlock).children ?? [];
  const separator = (node as StrapiBlock).type === 'list' ? '\n' : '';
  return children.map((child) => textOf(child)).join(separator);
}
