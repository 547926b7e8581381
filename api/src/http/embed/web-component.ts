import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { repoRoot } from '../../paths';
import { CARD_CSS } from './centre-card';

const OPERATION_FILE = path.join(repoRoot(), 'schema', 'operations', 'centre-card-html.graphql');

/**
 * GET /embed.js defines <centre-profile code="…" locale="…" size="large" theme="dark" api-key="…">:
 * once its attributes settle it runs one persisted query (schema/operations/centre-card-html.graphql,
 * by hash) and shows the server-rendered card in a shadow root, with a placeholder while loading
 * and a readable fallback on error. size and theme restyle without fetching again.
 */
export function webComponentRouter(): Router {
  const hash = createHash('sha256').update(readFileSync(OPERATION_FILE, 'utf8')).digest('hex');
  const script = SCRIPT.replace('__HASH__', hash).replace('__CSS__', JSON.stringify(CARD_CSS));
  const router = express.Router();
  router.get('/embed.js', (_req, res) => {
    res.type('application/javascript').set({ 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' }).send(script);
  });
  return router;
}

const SCRIPT = `(function () {
  'use strict';
  var script = document.currentScript;
  var BASE = script ? new URL(script.src).origin : location.origin;
  var HASH = '__HASH__';
  var CSS = __CSS__ + ':host{display:block}.placeholder,.fallback{font:16px/1.6 system-ui,sans-serif;padding:1em;border:1px dashed #d0d7de;border-radius:12px;color:#4b5563}';

  function escapeText(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }

  class CentreProfile extends HTMLElement {
    static get observedAttributes() { return ['code', 'locale', 'api-key', 'size', 'theme']; }
    connectedCallback() { this.schedule(); }
    attributeChangedCallback() { if (this.isConnected) this.schedule(); }

    // Attributes set one after another (by the parser or a script) settle before anything is
    // fetched: one request per settled set, not one per attribute.
    schedule() {
      if (this.scheduled) return;
      this.scheduled = true;
      var element = this;
      Promise.resolve().then(function () {
        element.scheduled = false;
        if (element.isConnected) element.render();
      });
    }

    frame() {
      var size = this.getAttribute('size') === 'large' ? 'large' : 'normal';
      var theme = this.getAttribute('theme') === 'dark' ? 'dark' : this.getAttribute('theme') === 'light' ? 'light' : 'auto';
      return theme + ' ' + size;
    }

    render() {
      var root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      var code = this.getAttribute('code') || '';
      var locale = this.getAttribute('locale') === 'en' ? 'en' : 'zh-Hans';
      var english = locale === 'en';
      var key = this.getAttribute('api-key');
      var wanted = [code, locale, key].join(' ');
      // size and theme only restyle the card already shown.
      if (wanted === this.shown && this.cardHtml) {
        root.innerHTML = '<style>' + CSS + '</style><div class="' + this.frame() + '">' + this.cardHtml + '</div>';
        return;
      }
      if (wanted === this.requested) return;
      this.requested = wanted;
      // A secret key in a page's source is published to every visitor: refuse it before it is sent.
      if (key && key.indexOf('sc_') === 0) {
        root.innerHTML = '<style>' + CSS + '</style><p class="fallback" role="alert">'
          + (english ? 'This is a secret API key, which must never be in a web page: use a publishable key (pk_…) and have the secret one revoked.' : '这是服务器专用的秘密密钥,不能放在网页中;请改用可公开的密钥(pk_ 开头),并请管理员吊销此密钥。') + '</p>';
        return;
      }
      if (!/^\\d{12}-\\d{2}$/.test(code)) {
        root.innerHTML = '<style>' + CSS + '</style><p class="fallback" role="alert">'
          + (english ? 'Give the centre code, e.g. code="530481901001-01".' : '请在 code 属性中填写中心代码,例如 530481901001-01。') + '</p>';
        return;
      }
      root.innerHTML = '<style>' + CSS + '</style><div class="placeholder" role="status">' + (english ? 'Loading the centre…' : '正在加载党群服务中心…') + '</div>';
      var query = '?operationName=CentreCardHtml'
        + '&variables=' + encodeURIComponent(JSON.stringify({ code: code, locale: locale }))
        + '&extensions=' + encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: HASH } }));
      var headers = { 'apollo-require-preflight': 'true' };
      if (key) headers['x-api-key'] = key;
      var element = this;
      fetch(BASE + '/graphql' + query, { headers: headers })
        .then(function (response) { return response.json(); })
        .then(function (body) {
          // A later set of attributes asked for another card meanwhile: that answer will show.
          if (element.requested !== wanted) return;
          var centre = body && body.data && body.data.centre;
          if (!centre) throw new Error('no centre');
          element.shown = wanted;
          element.cardHtml = centre.cardHtml;
          root.innerHTML = '<style>' + CSS + '</style><div class="' + element.frame() + '">' + centre.cardHtml + '</div>';
          element.dispatchEvent(new CustomEvent('centre-profile:loaded', { bubbles: true }));
        })
        .catch(function () {
          if (element.requested !== wanted) return;
          element.requested = undefined;
          var link = BASE + '/embed/centres/' + encodeURIComponent(code) + (english ? '?locale=en' : '');
          root.innerHTML = '<style>' + CSS + '</style><p class="fallback" role="alert">'
            + (english ? 'This centre card could not be loaded. ' : '暂时无法显示该党群服务中心。')
            + '<a href="' + escapeText(link) + '" target="_blank" rel="noopener">' + (english ? 'Open it' : '点此查看') + '</a></p>';
        });
    }
  }

  if (!customElements.get('centre-profile')) customElements.define('centre-profile', CentreProfile);
})();
`;
