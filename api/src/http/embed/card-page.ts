import { createHash } from 'node:crypto';
import { escapeHtml } from '../../modules/editorial/rich-text';
import { CARD_CSS, type CardOptions, type CentreCardData, renderCardFragment } from './centre-card';

/** What a card page posts to its parent, and what a parent may post back to ask again. */
export const CARD_SIZE_MESSAGE = 'star-centres:card-size';
export const CARD_SIZE_REQUEST = 'star-centres:card-size-request';

/**
 * The card fills its frame and never more: head and foot keep their height, the details between
 * them get what is left. The details lay out as a wrapping column whose extra columns fall
 * outside it, so a part that does not fit leaves whole instead of being cut through a line;
 * the empty first item lets even the first part leave whole.
 */
const PAGE_CSS = `
html, body { height: 100%; margin: 0; background: transparent; }
body { padding: 8px; box-sizing: border-box; }
main { height: 100%; }
.card { box-sizing: border-box; max-height: 100%; }
.card .details { flex: 0 1 auto; min-height: 0; overflow: hidden; flex-wrap: wrap; align-content: flex-start; }
.card .details::before { content: ''; margin-bottom: -.7em; }
.card .details > *, .card .details::before { flex: none; width: 100%; box-sizing: border-box; }
`;

/**
 * The card's one script. It tells the page that frames it how tall the whole card is (the
 * details at their full height, whatever the frame left them) each time that changes, so that
 * /embed/resize.js can fit the frame to it; the message holds no secret, so any parent may read
 * it. Without the script (a sandboxed frame) the card still fits, with a gap above its foot.
 */
const SIZE_SCRIPT = `(function () {
  'use strict';
  var card = document.querySelector('.card');
  var details = card && card.querySelector('.details');
  if (!details || !window.ResizeObserver) return;
  var fixed = Array.prototype.filter.call(card.children, function (part) { return part !== details; });
  var trimmed = Array.prototype.slice.call(details.children);
  var posted = 0;
  function px(element, name) { return parseFloat(getComputedStyle(element).getPropertyValue(name)) || 0; }
  function outerHeight(part) { return part.getBoundingClientRect().height + px(part, 'margin-top') + px(part, 'margin-bottom'); }
  function sum(parts) { return parts.reduce(function (total, part) { return total + outerHeight(part); }, 0); }
  // Each part's height depends on the frame's width only, so this does not change when the frame's height does.
  function wholeHeight() {
    var frame = px(document.body, 'padding-top') + px(document.body, 'padding-bottom') + px(card, 'border-top-width') + px(card, 'border-bottom-width');
    var gaps = px(details, 'padding-top') + px(details, 'padding-bottom') + px(details, 'row-gap') * Math.max(0, trimmed.length - 1);
    return Math.ceil(frame + sum(fixed) + sum(trimmed) + gaps);
  }
  // A part that does not fit leaves a gap where it would have been: close it, so that the
  // foot follows the last part shown and the portal's page shows below a shorter card.
  function closeGap() {
    details.style.maxHeight = '';
    var box = details.getBoundingClientRect();
    var bottom = trimmed.reduce(function (lowest, part) {
      var shown = part.getBoundingClientRect();
      return shown.left - box.left < details.clientWidth ? Math.max(lowest, shown.bottom - box.top + px(part, 'margin-bottom')) : lowest;
    }, 0);
    details.style.maxHeight = Math.ceil(bottom) + 'px';
  }
  function update(always) {
    closeGap();
    var height = wholeHeight();
    if (window.parent === window || (height === posted && !always)) return;
    posted = height;
    window.parent.postMessage({ type: '${CARD_SIZE_MESSAGE}', code: card.getAttribute('data-code'), height: height }, '*');
  }
  var observer = new ResizeObserver(function () { update(false); });
  fixed.concat(trimmed).forEach(function (part) { observer.observe(part); });
  window.addEventListener('resize', function () { update(false); });
  window.addEventListener('message', function (event) {
    if (event.source === window.parent && event.data && event.data.type === '${CARD_SIZE_REQUEST}') update(true);
  });
})();`;

/** For the card page's Content-Security-Policy: this script and no other. */
export const CARD_SCRIPT_SOURCE = `'sha256-${createHash('sha256').update(SIZE_SCRIPT).digest('base64')}'`;

/** The card as a whole page, for iframes. */
export function renderCardPage(centre: CentreCardData, options: CardOptions & { oembedUrl: string }): string {
  return `<!doctype html>
<html lang="${options.locale}" class="${options.theme} ${options.size}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(centre.name)}</title>
<link rel="alternate" type="application/json+oembed" href="${escapeHtml(options.oembedUrl)}" title="${escapeHtml(centre.name)}">
<style>${CARD_CSS}${PAGE_CSS}</style>
</head>
<body>
<main>${renderCardFragment(centre, options)}</main>
<script>${SIZE_SCRIPT}</script>
</body>
</html>
`;
}
