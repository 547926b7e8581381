import type { Request, Response } from 'express';
import { CARD_SIZE_MESSAGE, CARD_SIZE_REQUEST } from './card-page';

/** The frame's height stays within these, whatever a message says. */
export const FRAME_HEIGHT_BOUNDS = { min: 120, max: 2000 };

/**
 * GET /embed/resize.js, for the portal's page: it fits each card iframe to the height its card
 * posts (card-page.ts). It trusts a message only from this API's origin (the one it was loaded
 * from) and only for an iframe of the page that the message came from. Loaded twice, it runs once.
 */
const SCRIPT = `(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !window.postMessage) return;
  var ORIGIN = new URL(script.src).origin;
  var installed = window.__starCentresResize = window.__starCentresResize || {};
  if (installed[ORIGIN]) return;
  installed[ORIGIN] = true;

  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) if (source && frames[i].contentWindow === source) return frames[i];
    return null;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== ORIGIN || !data || data.type !== '${CARD_SIZE_MESSAGE}') return;
    var frame = frameOf(event.source);
    var height = Number(data.height);
    if (!frame || !isFinite(height)) return;
    height = Math.min(${FRAME_HEIGHT_BOUNDS.max}, Math.max(${FRAME_HEIGHT_BOUNDS.min}, Math.round(height)));
    // The card's height is the frame's inside: a border-box frame adds its own borders and padding.
    var style = getComputedStyle(frame);
    if (style.boxSizing === 'border-box') {
      height += ['border-top-width', 'border-bottom-width', 'padding-top', 'padding-bottom'].reduce(function (sum, name) { return sum + (parseFloat(style.getPropertyValue(name)) || 0); }, 0);
    }
    frame.style.height = height + 'px';
  });

  // Cards shown before this script ran have told their height already: ask them again.
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].contentWindow && frames[i].src.indexOf(ORIGIN + '/embed/centres/') === 0) frames[i].contentWindow.postMessage({ type: '${CARD_SIZE_REQUEST}' }, ORIGIN);
  }
})();
`;

export function sendResizeScript(_req: Request, res: Response): void {
  res.type('application/javascript').set({ 'Cache-Control': 'public, max-age=604800', 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' }).send(SCRIPT);
}
