// Shared helpers for the search page and the notice page. No framework: DOM APIs only.
// Every string from the server goes in with textContent; the only HTML accepted is the
// server's highlighted text (already escaped, with <mark> as its only tag), checked first.
'use strict';

const NS = (() => {
  const MARK_TAG = /<\/?mark>/gi;

  /** Creates an element; attrs are set as attributes (never as HTML), children are nodes or text. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'text') node.textContent = v;
        else if (k === 'class') node.className = v;
        else node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : String(c));
    }
    return node;
  }

  /** True when html holds no tag other than <mark> and </mark> (entities are fine). */
  function onlyMarks(html) {
    return typeof html === 'string' && !html.replace(MARK_TAG, '').includes('<');
  }

  /**
   * Appends highlighted server text to parent. Inserted as HTML only after checking that <mark> is
   * its only tag; anything else is decoded in an inert document and shown as plain text.
   */
  function appendMarked(parent, html) {
    if (html === null || html === undefined) return parent;
    if (onlyMarks(html)) {
      const tmp = document.createElement('span');
      tmp.innerHTML = html;
      while (tmp.firstChild) parent.append(tmp.firstChild);
    } else {
      const inert = new DOMParser().parseFromString(String(html).replace(MARK_TAG, ''), 'text/html');
      parent.append(inert.body ? inert.body.textContent : '');
    }
    return parent;
  }

  /** Fetches JSON from the API; rejects with an Error whose message is the server's message. */
  /** What a reader sees when the service cannot answer (never the browser's "Failed to fetch"). */
  const UNAVAILABLE = '搜索暂时不可用，请稍后重试';

  async function getJson(url, signal) {
    let res;
    try {
      res = await fetch(url, { headers: { Accept: 'application/json' }, signal, credentials: 'same-origin' });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new Error(UNAVAILABLE);
    }
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      // A 4xx says in Chinese what to change (起始日期（from）：…); a server failure has nothing for the reader to fix.
      const msg = res.status < 500 && body && typeof body.message === 'string' ? body.message : UNAVAILABLE;
      const err = new Error(msg);
      err.status = res.status;
      throw err;
    }
    return body;
  }

  /** A notice page link built from the id (never from a server-supplied URL). */
  function noticeHref(id, q) {
    let href = 'notice.html?id=' + encodeURIComponent(id);
    if (q) href += '&q=' + encodeURIComponent(q);
    return href;
  }

  /** Runs fn at most once per wait ms after the last call. */
  function debounce(fn, wait) {
    let t = null;
    const d = (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), wait); };
    d.cancel = () => clearTimeout(t);
    return d;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function formatCount(n) {
    return Number(n).toLocaleString('zh-CN');
  }

  return { el, onlyMarks, appendMarked, getJson, noticeHref, debounce, clear, formatCount };
})();
