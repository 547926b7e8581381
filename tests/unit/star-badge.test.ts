import { type CentreBadgeData, centreBadge, renderBadgeSvg } from '../../api/src/http/embed/star-badge';

const rated = (name: string): CentreBadgeData => ({ code: '530402999001-01', name, currentRating: { year: 2024, stars: 4, tier: 'COUNTY', awardedOn: null } });
const widthOf = (svg: string) => Number(svg.match(/<svg [^>]*width="(\d+)"/)![1]);

describe('the star badge renderer', () => {
  it('should keep a hostile centre name as text in the title and the aria-label', () => {
    const svg = renderBadgeSvg(centreBadge(rated('</title><script>alert(1)</script>" onload="alert(2)\' &amp;'), 'zh-Hans'));
    expect(svg).not.toMatch(/<script|<\/title><|" onload=/);
    const escaped = '&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;alert(2)&#39; &amp;amp;';
    expect(svg).toContain(`aria-label="${escaped}:县级4星 ★★★★☆,2024年度评定"`);
    expect(svg).toContain(`<title>${escaped}:县级4星 ★★★★☆,2024年度评定</title>`);
  });

  it('should drop the characters XML forbids, which would stop the image from parsing', () => {
    const svg = renderBadgeSvg(centreBadge(rated('仪凤\u0000社区\u001b\u0008\uFFFE\uD800中心\u{1F31F}'), 'en'));
    expect(svg).toContain('aria-label="仪凤社区中心\u{1F31F}: County 4-star ★★★★☆, rated for 2024"');
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE]/);
  });

  it('should grow with its text, so the status always fits', () => {
    const rated = widthOf(
      renderBadgeSvg(centreBadge({ code: '530402999001-01', name: '中心', currentRating: { year: 2024, stars: 5, tier: 'CITY', awardedOn: null } }, 'zh-Hans')),
    );
    const unrated = widthOf(renderBadgeSvg(centreBadge({ code: '530402999001-01', name: '中心', currentRating: null }, 'zh-Hans')));
    expect(rated).toBeGreaterThan(unrated);
  });
});
