import { snippet } from '../../api/src/modules/search/search.service';

describe('search snippets', () => {
  it('should cut a window around the first match and mark every term', () => {
    const text = `${'前'.repeat(100)}建立由社区民警、治保调解主任组成的“石榴红”矛盾纠纷调解队${'后'.repeat(100)}`;
    const result = snippet(text, ['调解']);
    expect(result.startsWith('…')).toBe(true);
    expect(result.endsWith('…')).toBe(true);
    expect(result.match(/<mark>调解<\/mark>/g)).toHaveLength(2);
  });

  it('should escape the text around the marks', () => {
    expect(snippet('<b>托管</b> & more', ['托管'])).toBe('&lt;b&gt;<mark>托管</mark>&lt;/b&gt; &amp; more');
  });

  it('should treat regular-expression characters in a query as plain text', () => {
    expect(snippet('价格 (1+1) 元', ['(1+1)'])).toBe('价格 <mark>(1+1)</mark> 元');
  });
});
