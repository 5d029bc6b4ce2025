/*
 * Notice Search embeddable box. An intranet page adds:
 *
 *   <script src="http://SEARCH-HOST/embed.js" defer></script>
 *   <notice-search size="5" target="_blank"></notice-search>
 *
 * Attributes (all optional):
 *   endpoint     the search service origin; default: the origin this script was loaded from
 *   placeholder  text shown in the empty box
 *   issuer       preset issuer filter (the canonical issuer name); several may be separated by "|"
 *   size         how many results drop down (1-20, default 5)
 *   target       _self (default) or _blank: where result links open
 *
 * The box renders in Shadow DOM, calls GET {endpoint}/api/search (CORS), escapes everything it
 * shows and accepts only <mark> from the server's highlighted snippets. Inherited properties (font,
 * line-height, letter-spacing, text-align, colour ...) would still flow in from the host element, which
 * any page rule such as `* { ... !important }` matches, so an inner wrapper resets them all.
 * While an input method composes (pinyin, wubi ...) the box waits and searches once the text is chosen.
 *
 * This file is pure ASCII (Chinese strings are \u escapes) so that it works unchanged on intranet
 * pages saved in GBK or GB2312, whatever charset the server sends it with.
 */
(() => {
  'use strict';

  // ---- UI strings: the only place to translate ----
  const STRINGS = {
    label: '\u641c\u7d22\u516c\u6587',  // search notices
    placeholder: '\u641c\u7d22\u516c\u6587\uff1a\u5173\u952e\u8bcd\u6216\u53d1\u6587\u5b57\u53f7\uff08\u6309 / \u952e\uff09',  // search notices: keywords or document number (press /)
    listLabel: '\u641c\u7d22\u7ed3\u679c',  // search results
    searching: '\u6b63\u5728\u641c\u7d22\u2026',  // searching...
    noResults: '\u6ca1\u6709\u627e\u5230\u76f8\u5173\u516c\u6587',  // no matching notices
    error: '\u641c\u7d22\u6682\u65f6\u4e0d\u53ef\u7528',  // search unavailable
    errorDetail: '\uff1a{m}',  // : {message}
    errorStatus: '\uff08HTTP {m}\uff09',  // (HTTP {status})
    more: '\u67e5\u770b\u5168\u90e8 {n} \u6761\u7ed3\u679c \u2192',  // see all {n} results
    moreAtLeast: '\u67e5\u770b\u81f3\u5c11 {n} \u6761\u7ed3\u679c \u2192',  // see at least {n} results
    untitled: '\uff08\u65e0\u6807\u9898\uff09',  // (untitled)
    results: '{n} \u6761\u7ed3\u679c\uff0c\u7528\u4e0a\u4e0b\u65b9\u5411\u952e\u9009\u62e9\uff0c\u56de\u8f66\u6253\u5f00',  // {n} results, use the arrow keys to choose, Enter to open
  };

  const DEFAULTS = { size: 5, maxSize: 20, debounceMs: 200, minChars: 1 };

  // currentScript is only set while this file runs, so capture it now.
  const SCRIPT = document.currentScript;
  const SCRIPT_ORIGIN = (() => {
    try { return new URL(SCRIPT && SCRIPT.src ? SCRIPT.src : location.href).origin; } catch (e) { return location.origin; }
  })();

  if (!window.customElements || customElements.get('notice-search')) return;

  const CSS = `
:host { all: initial; display: block; position: relative; max-width: 40rem; }
:host([hidden]) { display: none; }
/* Page rules beat :host, and inherited properties flow from the host into the shadow tree, so the
   wrapper cuts inheritance here (all: initial), then sets the box's own font. */
.box { all: initial; display: block; position: relative; direction: ltr; unicode-bidi: isolate; text-align: start;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif;
  font-size: 15px; line-height: 1.5; color: #1f2328; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
input { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 8px 12px; font: inherit; color: inherit;
  background: #fff; border: 1px solid #8c959f; border-radius: 6px; }
input:focus { border-color: #0b5cad; box-shadow: 0 0 0 3px rgba(11,92,173,0.25); }
input::placeholder { color: #6e7781; }
.panel { position: absolute; z-index: 2147483000; left: 0; right: 0; top: calc(100% + 4px); background: #fff; border: 1px solid #d8dee4;
  border-radius: 6px; box-shadow: 0 8px 24px rgba(0,0,0,0.15); overflow: hidden; }
.panel[hidden] { display: none; }
ul { list-style: none; margin: 0; padding: 4px 0; max-height: 70vh; overflow-y: auto; }
li { display: block; padding: 6px 12px; cursor: pointer; }
li[aria-selected="true"], li:hover { background: #e8f0fb; }
.title { color: #0b5cad; font-weight: 600; display: block; overflow-wrap: anywhere; }
li[aria-selected="true"] .title, li:hover .title { text-decoration: underline; }
.meta { color: #59636e; font-size: 0.85em; }
.snippet { font-size: 0.9em; color: #1f2328; margin-top: 2px; overflow-wrap: anywhere;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
mark { background: #fff1a8; color: inherit; padding: 0 1px; }
.status { padding: 8px 12px; color: #59636e; font-size: 0.9em; }
.status:empty { display: none; }
.status.error { color: #b42318; }
.more { display: block; padding: 8px 12px; border-top: 1px solid #d8dee4; color: #0b5cad; text-decoration: none; font-size: 0.9em; background: #f6f8fa; }
.more:hover, .more:focus { text-decoration: underline; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

  const MARK_TAG = /<\/?mark>/gi;
  let instances = 0;
  let sheet = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') node.textContent = v; else if (k === 'class') node.className = v; else node.setAttribute(k, String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  /** Server snippets are escaped HTML with <mark> only; verify that before using innerHTML. */
  function appendMarked(parent, html) {
    if (typeof html !== 'string') return parent;
    if (!html.replace(MARK_TAG, '').includes('<')) {
      const tmp = document.createElement('span');
      tmp.innerHTML = html;
      parent.append(...tmp.childNodes);
    } else {
      const inert = new DOMParser().parseFromString(html.replace(MARK_TAG, ''), 'text/html');
      parent.append(inert.body ? inert.body.textContent : '');
    }
    return parent;
  }

  function format(s, n) { return s.replace('{n}', Number(n).toLocaleString('zh-CN')); }

  function isTypingTarget(node) {
    return !!node && (node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName));
  }

  // One page-wide '/' shortcut focuses the first box on the page.
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey || ev.defaultPrevented) return;
    let t = ev.composedPath ? ev.composedPath()[0] : ev.target;
    if (isTypingTarget(t) || isTypingTarget(document.activeElement)) return;
    const box = document.querySelector('notice-search');
    if (!box || typeof box.focus !== 'function') return;
    ev.preventDefault();
    box.focus();
  });

  class NoticeSearchElement extends HTMLElement {
    static get observedAttributes() { return ['placeholder']; }

    constructor() {
      super();
      this._uid = 'ns' + (++instances);
      this._seq = 0;
      this._timer = null;
      this._items = [];
      this._active = -1;
      this._lastQuery = '';
      this._composing = false;
      const root = this.attachShadow({ mode: 'open' });
      if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
        // A constructed sheet is not an inline <style>, so a strict CSP on the host page cannot block it.
        if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
        root.adoptedStyleSheets = [sheet];
      } else {
        root.append(el('style', { text: CSS }));
      }
      const id = this._uid;
      this._input = el('input', {
        type: 'search', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
        'aria-controls': id + '-list', 'aria-label': STRINGS.label, autocomplete: 'off', spellcheck: 'false',
        maxlength: '200', enterkeyhint: 'search',
      });
      this._list = el('ul', { id: id + '-list', role: 'listbox', 'aria-label': STRINGS.listLabel });
      this._status = el('div', { class: 'status' });
      this._live = el('div', { class: 'sr', role: 'status', 'aria-live': 'polite' });
      this._more = el('a', { class: 'more', part: 'more' });
      this._panel = el('div', { class: 'panel', part: 'panel', hidden: true }, this._status, this._list, this._more);
      root.append(el('div', { class: 'box', part: 'box' }, this._input, this._panel, this._live));

      // An input method fires input events for every pinyin keystroke: search once the text is chosen.
      this._input.addEventListener('compositionstart', () => { this._composing = true; clearTimeout(this._timer); });
      this._input.addEventListener('compositionend', () => { this._composing = false; this._schedule(); });
      this._input.addEventListener('input', (ev) => { if (!ev.isComposing && !this._composing) this._schedule(); });
      this._input.addEventListener('keydown', (ev) => this._onKey(ev));
      this._input.addEventListener('focus', () => { if (this._items.length && this._input.value.trim()) this._open(); });
      this.addEventListener('focusout', () => setTimeout(() => { if (!this.matches(':focus-within')) this._close(); }, 150));
    }

    connectedCallback() { this._input.placeholder = this.getAttribute('placeholder') || STRINGS.placeholder; }
    attributeChangedCallback() { this.connectedCallback(); }

    focus(opts) { this._input.focus(opts); }

    get _origin() {
      const ep = (this.getAttribute('endpoint') || '').trim();
      if (ep) {
        try {
          const u = new URL(ep, location.href);
          if (u.protocol === 'http:' || u.protocol === 'https:') return (u.origin + u.pathname).replace(/\/+$/, '');
        } catch (e) { /* fall back to the script's origin */ }
      }
      return SCRIPT_ORIGIN;
    }

    get _size() {
      const n = parseInt(this.getAttribute('size'), 10);
      return Number.isFinite(n) ? Math.min(DEFAULTS.maxSize, Math.max(1, n)) : DEFAULTS.size;
    }

    get _target() { return this.getAttribute('target') === '_blank' ? '_blank' : '_self'; }

    get _issuers() {
      return (this.getAttribute('issuer') || '').split('|').map((s) => s.trim()).filter(Boolean);
    }

    _params(q) {
      const p = new URLSearchParams({ q });
      for (const i of this._issuers) p.append('issuer', i);
      return p;
    }

    _noticeUrl(id, q) {
      return this._origin + '/notice.html?' + new URLSearchParams({ id, q });
    }

    _schedule() {
      clearTimeout(this._timer);
      const q = this._input.value.trim();
      if (q.length < DEFAULTS.minChars) { this._seq++; this._items = []; this._close(); return; }
      this._timer = setTimeout(() => this._search(q), DEFAULTS.debounceMs);
    }

    async _search(q) {
      const seq = ++this._seq;
      const p = this._params(q);
      p.set('size', String(this._size));
      this._setStatus(STRINGS.searching);
      this._open();
      let page;
      let detail = '';
      try {
        const res = await fetch(this._origin + '/api/search?' + p, { mode: 'cors', credentials: 'omit', headers: { Accept: 'application/json' } });
        let body = null;
        try { body = await res.json(); } catch (e) { body = null; }
        if (!res.ok) {
          // The server's own message is meant for people; otherwise only the status, never a browser's English.
          detail = body && typeof body.message === 'string' && body.message
            ? STRINGS.errorDetail.replace('{m}', body.message) : STRINGS.errorStatus.replace('{m}', res.status);
          throw new Error(detail);
        }
        page = body || {};
      } catch (e) {
        if (seq !== this._seq) return;
        this._items = [];
        this._render(q, null);
        this._setStatus(STRINGS.error + detail, true);
        return;
      }
      if (seq !== this._seq) return; // a newer search has started: drop this answer
      this._render(q, page);
    }

    _setStatus(text, isError) {
      this._status.textContent = text || '';
      this._status.className = 'status' + (isError ? ' error' : '');
      this._live.textContent = text || '';
    }

    _render(q, page) {
      this._lastQuery = q;
      const list = this._list;
      while (list.firstChild) list.removeChild(list.firstChild);
      this._active = -1;
      this._input.removeAttribute('aria-activedescendant');
      const hits = page && Array.isArray(page.hits) ? page.hits : [];
      this._items = hits.map((h) => ({ hit: h, href: this._noticeUrl(String(h.id), q) }));
      this._items.forEach((item, i) => list.append(this._option(item, i)));
      const total = page ? Number(page.total) || 0 : 0;
      if (page) this._setStatus(hits.length ? '' : STRINGS.noResults);
      if (hits.length) this._live.textContent = format(STRINGS.results, hits.length);
      const more = this._origin + '/?' + this._params(q);
      this._more.href = more;
      this._more.target = this._target;
      if (this._target === '_blank') this._more.rel = 'noopener';
      this._more.textContent = format(page && page.totalIsExact === false ? STRINGS.moreAtLeast : STRINGS.more, total);
      this._more.hidden = !page || total === 0;
      this._open();
    }

    _option(item, i) {
      const h = item.hit;
      // Not a link: an option holds nothing interactive (ARIA listbox); Enter or a click opens it.
      const title = el('div', { class: 'title' });
      if (typeof h.titleHtml === 'string' && h.titleHtml) appendMarked(title, h.titleHtml); else title.textContent = h.title || STRINGS.untitled;
      const meta = [h.issuer, h.docNumber, h.date || (h.year ? h.year + '\u5e74' : '')].filter(Boolean).join(' \u00b7 ');
      const li = el('li', { id: this._uid + '-opt-' + i, role: 'option', 'aria-selected': 'false', part: 'option', 'data-href': item.href }, title);
      if (meta) li.append(el('div', { class: 'meta', text: meta }));
      const snippet = Array.isArray(h.snippets) && h.snippets.length ? h.snippets[0] : null;
      if (snippet) li.append(appendMarked(el('div', { class: 'snippet' }), snippet));
      li.addEventListener('mousedown', (ev) => ev.preventDefault()); // keep the focus in the box
      li.addEventListener('click', () => this._go(i));
      return li;
    }

    _open() {
      if (!this._input.value.trim()) return;
      this._panel.hidden = false;
      this._input.setAttribute('aria-expanded', this._items.length ? 'true' : 'false');
    }

    _close() {
      this._panel.hidden = true;
      this._input.setAttribute('aria-expanded', 'false');
      this._input.removeAttribute('aria-activedescendant');
      this._setActive(-1);
    }

    _setActive(i) {
      const opts = this._list.querySelectorAll('[role=option]');
      opts.forEach((o, j) => o.setAttribute('aria-selected', j === i ? 'true' : 'false'));
      this._active = i;
      if (i >= 0 && opts[i]) {
        this._input.setAttribute('aria-activedescendant', opts[i].id);
        opts[i].scrollIntoView({ block: 'nearest' });
      } else {
        this._input.removeAttribute('aria-activedescendant');
      }
    }

    _go(i) {
      const item = this._items[i];
      if (item) this._navigate(item.href);
    }

    _navigate(href) {
      if (this._target === '_blank') window.open(href, '_blank', 'noopener');
      else window.location.assign(href);
    }

    _onKey(ev) {
      // Enter or Escape that commits or cancels a composition belongs to the input method.
      if (ev.isComposing || this._composing || ev.keyCode === 229) return;
      const n = this._items.length;
      const open = !this._panel.hidden;
      switch (ev.key) {
        case 'ArrowDown':
          ev.preventDefault();
          if (!open) { this._open(); if (!n) this._schedule(); return; }
          if (n) this._setActive(this._active + 1 >= n ? 0 : this._active + 1);
          break;
        case 'ArrowUp':
          ev.preventDefault();
          if (open && n) this._setActive(this._active <= 0 ? n - 1 : this._active - 1);
          break;
        case 'Enter': {
          ev.preventDefault();
          if (open && this._active >= 0) { this._go(this._active); return; }
          const q = this._input.value.trim();
          if (q) this._navigate(this._origin + '/?' + this._params(q));
          break;
        }
        case 'Escape':
          if (open) { ev.preventDefault(); this._close(); } else if (this._input.value) { ev.preventDefault(); this._input.value = ''; this._seq++; this._items = []; }
          break;
        default:
      }
    }
  }

  customElements.define('notice-search', NoticeSearchElement);
})();
