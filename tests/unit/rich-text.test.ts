import { blocksToHtml, blocksToText } from '../../api/src/modules/editorial/rich-text';
import type { StrapiBlock } from '../../api/src/modules/editorial/strapi-types';

const resolve = (url: string) => new URL(url, 'http://cms.local/').toString();
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children }) as StrapiBlock;

describe('rich text rendering', () => {
  it('should escape every piece of text, so editors cannot inject markup', () => {
    const html = blocksToHtml([paragraph({ type: 'text', text: '<img src=x onerror=alert(1)> & "引号"' })], resolve);
    expect(html).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;引号&quot;</p>');
  });

  it('should keep http, https and mailto links and drop javascript: and data: ones (keeping their text)', () => {
    const link = (url: string) => paragraph({ type: 'link', url, children: [{ type: 'text', text: '链接' }] });
    expect(blocksToHtml([link('https://example.org/a?b=1&c=2')], resolve)).toBe('<p><a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">链接</a></p>');
    expect(blocksToHtml([link('mailto:office@example.org')], resolve)).toContain('href="mailto:office@example.org"');
    expect(blocksToHtml([link('javascript:alert(1)')], resolve)).toBe('<p>链接</p>');
    expect(blocksToHtml([link('data:text/html,<script>alert(1)</script>')], resolve)).toBe('<p>链接</p>');
    expect(blocksToHtml([link('JaVaScRiPt:alert(1)')], resolve)).toBe('<p>链接</p>');
  });

  it('should render headings, lists, quotes, code and formatting', () => {
    const html = blocksToHtml(
      [
        { type: 'heading', level: 2, children: [{ type: 'text', text: '三张清单' }] },
        { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: '需求', bold: true }] }] },
        { type: 'quote', children: [{ type: 'text', text: '群众点单', italic: true }] },
        { type: 'code', children: [{ type: 'text', text: 'a < b' }] },
      ] as StrapiBlock[],
      resolve,
    );
    expect(html).toBe('<h2>三张清单</h2>\n<ol><li><strong>需求</strong></li></ol>\n<blockquote><em>群众点单</em></blockquote>\n<pre><code>a &lt; b</code></pre>');
  });

  it('should make image URLs absolute, keep alt text, and refuse non-http image sources', () => {
    const image = (url: string) => ({ type: 'image', image: { url, alternativeText: '中心"外景"', width: 800, height: 600 }, children: [] }) as StrapiBlock;
    expect(blocksToHtml([image('/uploads/a.jpg')], resolve)).toBe(
      '<figure><img src="http://cms.local/uploads/a.jpg" alt="中心&quot;外景&quot;" width="800" height="600" loading="lazy"></figure>',
    );
    expect(blocksToHtml([image('javascript:alert(1)')], () => null)).toBe('');
  });

  it('should give the plain text, paragraph by paragraph, and ignore unknown block types safely', () => {
    const blocks = [paragraph({ type: 'text', text: '第一段' }), { type: 'mystery', children: [{ type: 'text', text: '<b>未知</b>' }] }] as StrapiBlock[];
    expect(blocksToText(blocks)).toBe('第一段\n\n<b>未知</b>');
    expect(blocksToHtml(blocks, resolve)).toBe('<p>第一段</p>\n<p>&lt;b&gt;未知&lt;/b&gt;</p>');
  });
});
