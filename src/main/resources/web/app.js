// The search page. All state lives in the URL query string: every change pushes a new URL and
// re-renders from it, so searches can be bookmarked and shared and the back button works.
'use strict';

(() => {
  const { el, appendMarked, getJson, noticeHref, debounce, clear, formatCount } = NS;

  const DEFAULT_SIZE = 10;
  const MAX_DEPTH = 10000;
  const SUGGEST_DELAY_MS = 150;
  const SUGGEST_LIMIT = 8;
  const SINGLE = ['q', 'docNumber', 'province', 'type', 'campaign', 'from', 'to', 'sort', 'scope', 'page', 'size'];
  const FACETS = [
    { key: 'issuer', label: '发文机关' },
    { key: 'province', label: '省份' },
    { key: 'year', label: '年份' },
    { key: 'type', label: '文种' },
    { key: 'campaign', label: '专项工作' },
  ];
  const FILTER_LABELS = {
    docNumber: '发文字号', issuer: '发文机关', province: '省份', type: '文种', campaign: '专项工作',
    from: '起始', to: '截止',
  };
  const KIND_LABELS = { campaign: '专项工作', issuer: '发文机关', docNumber: '发文字号', title: '标题' };

  const $ = (id) => document.getElementById(id);
  const form = $('search-form');
  const input = $('q');
  const list = $('suggest-list');
  const fromInput = $('from');
  const toInput = $('to');
  const sortSelect = $('sort');
  const scopeSelect = $('scope');

  // ---- state <-> URL ----

  function readState(search) {
    const p = new URLSearchParams(search);
    const s = { issuer: p.getAll('issuer').filter(Boolean) };
    for (const k of SINGLE) s[k] = (p.get(k) || '').trim();
    s.page = Math.max(1, parseInt(s.page, 10) || 1);
    s.size = Math.min(100, Math.max(1, parseInt(s.size, 10) || DEFAULT_SIZE));
    if (!['relevance', 'newest', 'oldest'].includes(s.sort)) s.sort = 'relevance';
    if (!['all', 'title', 'docNumber'].includes(s.scope)) s.scope = 'all';
    return s;
  }

  /** Query-string params for a state; defaults are left out so URLs stay short. */
  function toParams(s, { paging = true } = {}) {
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    for (const k of ['docNumber', 'province', 'type', 'campaign', 'from', 'to']) if (s[k]) p.set(k, s[k]);
    for (const i of s.issuer) p.append('issuer', i);
    if (s.sort && s.sort !== 'relevance') p.set('sort', s.sort);
    if (s.scope && s.scope !== 'all') p.set('scope', s.scope);
    if (paging) {
      if (s.page > 1) p.set('page', String(s.page));
      if (s.size !== DEFAULT_SIZE) p.set('size', String(s.size));
    }
    return p;
  }

  function urlFor(s) {
    const qs = toParams(s).toString();
    return qs ? '?' + qs : location.pathname;
  }

  function hasCriteria(s) {
    return Boolean(s.q || s.docNumber || s.issuer.length || s.province || s.type || s.campaign || s.from || s.to);
  }

  let state = readState(location.search);

  /** Moves to a new state: a new history entry (or a replaced one), then render. */
  function go(next, { replace = false } = {}) {
    state = next;
    const url = urlFor(next);
    if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
    run();
  }

  function withChange(change, { keepPage = false } = {}) {
    const next = { ...state, issuer: [...state.issuer], ...change };
    if (!keepPage) next.page = 1;
    return next;
  }

  window.addEventListener('popstate', () => { state = readState(location.search); run(); });

  // ---- search ----

  let searchSeq = 0;
  let searchAbort = null;

  async function run() {
    syncControls();
    renderActiveFilters();
    const seq = ++searchSeq;
    if (searchAbort) searchAbort.abort();
    searchAbort = new AbortController();
    const signal = searchAbort.signal;
    setStatus('正在搜索…', 'busy');
    document.title = state.q ? state.q + ' - 公文检索' : '公文检索';
    const params = toParams(state, { paging: false });
    params.set('page', String(state.page));
    params.set('size', String(state.size));
    let page;
    try {
      page = await getJson('api/search?' + params, signal);
    } catch (e) {
      if (e.name === 'AbortError' || seq !== searchSeq) return;
      showError(e.message);
      return;
    }
    if (seq !== searchSeq) return;
    renderResults(page);
    renderFacets(page.facets || {});
    renderPager(page);
    loadTrend(seq, signal);
  }

  async function loadTrend(seq, signal) {
    const box = $('trend');
    try {
      const trend = await getJson('api/trend?' + toParams(state, { paging: false }), signal);
      if (seq !== searchSeq) return;
      renderTrend(trend);
    } catch (e) {
      if (seq === searchSeq) box.hidden = true;
    }
  }

  function setStatus(text, kind) {
    const s = $('status');
    s.className = 'status' + (kind ? ' status-' + kind : '');
    clear(s).append(text);
  }

  function showError(message) {
    setStatus('', 'error');
    $('status').append(el('strong', { text: '搜索出错：' }), message);
    clear($('results'));
    clear($('pager'));
    clear($('notices'));
    $('trend').hidden = true;
  }

  function syncControls() {
    if (document.activeElement !== input) input.value = state.q;
    fromInput.value = state.from;
    toInput.value = state.to;
    sortSelect.value = state.sort;
    scopeSelect.value = state.scope;
  }

  // ---- rendering ----

  function renderResults(page) {
    const total = Number(page.total) || 0;
    const status = $('status');
    setStatus('', '');
    const countText = page.totalIsExact === false
      ? '至少 ' + formatCount(total) + ' 条结果'
      : '共 ' + formatCount(total) + ' 条结果';
    status.append(el('span', { class: 'count', text: countText }));
    if (typeof page.tookMs === 'number') status.append(el('span', { class: 'took', text: '（用时 ' + page.tookMs + ' 毫秒）' }));
    if (total > 0) {
      const csv = el('a', { class: 'csv-link', href: 'api/search.csv?' + toParams(state, { paging: false }), download: 'notices.csv', text: '导出 CSV' });
      status.append(' ', csv);
    }
    // A feed of this search, newest first: subscribing gives the notices that match it from now on, even when none does yet.
    const feedParams = toParams({ ...state, sort: 'relevance' }, { paging: false });
    status.append(' ', el('a', { class: 'feed-link', href: 'api/search.atom' + (feedParams.toString() ? '?' + feedParams : ''),
      type: 'application/atom+xml', title: '用 RSS/Atom 阅读器订阅此检索的最新公文', text: '订阅' }));

    const notices = clear($('notices'));
    if (page.relaxed) {
      notices.append(el('p', { class: 'notice-relaxed', role: 'note',
        text: '没有同时包含全部关键词的公文，以下结果只包含部分关键词。' }));
    }

    const ol = clear($('results'));
    ol.start = (page.page - 1) * page.size + 1;
    const hits = Array.isArray(page.hits) ? page.hits : [];
    if (hits.length === 0) {
      ol.append(el('li', { class: 'empty', text: hasCriteria(state)
        ? '没有找到符合条件的公文。可以减少关键词或去掉部分筛选条件再试。'
        : '语料库中还没有公文。' }));
      return;
    }
    for (const hit of hits) ol.append(renderHit(hit));
  }

  function renderHit(hit) {
    const link = el('a', { href: noticeHref(hit.id, state.q) });
    if (hit.titleHtml) appendMarked(link, hit.titleHtml); else link.textContent = hit.title || '（无标题）';
    const meta = el('p', { class: 'hit-meta' });
    const parts = [
      hit.issuer && el('span', { class: 'issuer', text: hit.issuer }),
      hit.docNumber && el('span', { class: 'docno', text: hit.docNumber }),
      hit.date ? el('time', { datetime: hit.date, text: hit.date }) : (hit.year && el('span', { text: String(hit.year) + '年' })),
      hit.type && el('span', { class: 'type', text: hit.type }),
    ].filter(Boolean);
    parts.forEach((p, i) => { if (i) meta.append(el('span', { class: 'sep', 'aria-hidden': 'true', text: ' · ' })); meta.append(p); });
    const li = el('li', { class: 'hit' }, el('h2', { class: 'hit-title' }, link), meta);
    for (const s of (hit.snippets || []).slice(0, 3)) li.append(appendMarked(el('p', { class: 'snippet' }), s));
    return li;
  }

  function facetSelected(key, value) {
    if (key === 'issuer') return state.issuer.includes(value);
    if (key === 'year') return state.from === value && state.to === value;
    return state[key] === value;
  }

  function facetToggle(key, value) {
    if (key === 'issuer') {
      const issuer = state.issuer.includes(value) ? state.issuer.filter((v) => v !== value) : [...state.issuer, value];
      return withChange({ issuer });
    }
    if (key === 'year') {
      return facetSelected('year', value) ? withChange({ from: '', to: '' }) : withChange({ from: value, to: value });
    }
    return withChange({ [key]: facetSelected(key, value) ? '' : value });
  }

  function renderFacets(facets) {
    const box = clear($('facets'));
    const details = el('details', { class: 'facets-details', open: window.matchMedia('(min-width: 760px)').matches });
    details.append(el('summary', { text: '分类筛选' }));
    let any = false;
    for (const { key, label } of FACETS) {
      let values = Array.isArray(facets[key]) ? facets[key] : [];
      if (key === 'year') values = [...values].sort((a, b) => String(b.value).localeCompare(String(a.value)));
      if (values.length === 0) continue;
      any = true;
      const ul = el('ul', { class: 'facet-values' });
      for (const fv of values) {
        const value = String(fv.value);
        const selected = facetSelected(key, value);
        const a = el('a', {
          href: urlFor(facetToggle(key, value)), class: 'facet-link' + (selected ? ' selected' : ''),
          'aria-current': selected ? 'true' : null, 'data-facet': key, 'data-value': value,
          title: selected ? '取消此筛选' : '只看' + label + '：' + value,
        },
        el('span', { class: 'facet-value', text: key === 'year' ? value + '年' : value }),
        el('span', { class: 'facet-count', text: formatCount(fv.count) }));
        a.addEventListener('click', (ev) => {
          if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
          ev.preventDefault();
          go(facetToggle(key, value));
        });
        ul.append(el('li', null, a));
      }
      details.append(el('section', { class: 'facet', 'data-facet': key }, el('h3', { text: label }), ul));
    }
    if (any) box.append(details);
  }

  function renderActiveFilters() {
    const box = clear($('active-filters'));
    const chips = [];
    const add = (label, value, next) => chips.push({ label, value, next });
    if (state.docNumber) add(FILTER_LABELS.docNumber, state.docNumber, withChange({ docNumber: '' }));
    for (const i of state.issuer) add(FILTER_LABELS.issuer, i, withChange({ issuer: state.issuer.filter((v) => v !== i) }));
    for (const k of ['province', 'type', 'campaign', 'from', 'to']) {
      if (state[k]) add(FILTER_LABELS[k], state[k], withChange({ [k]: '' }));
    }
    for (const c of chips) {
      const a = el('a', { class: 'chip', href: urlFor(c.next), title: '去掉这个条件' },
        el('span', { text: c.label + '：' + c.value }), el('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' }));
      a.setAttribute('aria-label', '去掉条件 ' + c.label + '：' + c.value);
      a.addEventListener('click', (ev) => { ev.preventDefault(); go(c.next); });
      box.append(a);
    }
    if (chips.length > 1) {
      const all = el('a', { class: 'chip chip-clear', href: urlFor({ ...readState(''), q: state.q, sort: state.sort, scope: state.scope }), text: '清除全部条件' });
      all.addEventListener('click', (ev) => { ev.preventDefault(); go({ ...readState(''), q: state.q, sort: state.sort, scope: state.scope }); });
      box.append(all);
    }
  }

  function renderPager(page) {
    const nav = clear($('pager'));
    const size = page.size || state.size;
    const maxPage = Math.max(1, Math.min(Math.ceil((Number(page.total) || 0) / size), Math.floor(MAX_DEPTH / size)));
    if (maxPage <= 1) return;
    const cur = page.page || state.page;
    const link = (p, text, label) => {
      if (p === cur) return el('span', { class: 'page current', 'aria-current': 'page', text });
      const a = el('a', { class: 'page', href: urlFor(withChange({ page: p }, { keepPage: true })), text, 'aria-label': label || ('第 ' + p + ' 页') });
      a.addEventListener('click', (ev) => { ev.preventDefault(); go(withChange({ page: p }, { keepPage: true })); window.scrollTo(0, 0); });
      return a;
    };
    if (cur > 1) nav.append(link(cur - 1, '上一页', '上一页'));
    const lo = Math.max(1, cur - 2);
    const hi = Math.min(maxPage, cur + 2);
    if (lo > 1) nav.append(link(1, '1'), lo > 2 ? el('span', { class: 'gap', text: '…' }) : '');
    for (let p = lo; p <= hi; p++) nav.append(link(p, String(p)));
    if (hi < maxPage) nav.append(hi < maxPage - 1 ? el('span', { class: 'gap', text: '…' }) : '', link(maxPage, String(maxPage)));
    if (cur < maxPage) nav.append(link(cur + 1, '下一页', '下一页'));
  }

  /** A bar per year; bar heights are set through the CSSOM (allowed by the page's CSP). */
  function renderTrend(trend) {
    const box = $('trend');
    const bars = clear($('trend-bars'));
    const years = (trend && Array.isArray(trend.years) ? trend.years : []).filter((y) => /^\d{4}$/.test(String(y.value)));
    if (years.length === 0) { box.hidden = true; return; }
    const max = Math.max(...years.map((y) => Number(y.count) || 0), 1);
    for (const y of years) {
      const value = String(y.value);
      const count = Number(y.count) || 0;
      const bar = el('span', { class: 'bar' });
      bar.style.height = Math.max(2, Math.round((count / max) * 100)) + '%';
      const a = el('a', {
        class: 'trend-col' + (facetSelected('year', value) ? ' selected' : ''),
        href: urlFor(facetToggle('year', value)), title: value + '年：' + count + ' 条',
        'aria-label': value + '年 ' + count + ' 条',
      }, el('span', { class: 'trend-count', text: formatCount(count) }), el('span', { class: 'bar-wrap' }, bar),
      el('span', { class: 'trend-year', text: value }));
      a.addEventListener('click', (ev) => { ev.preventDefault(); go(facetToggle('year', value)); });
      bars.append(a);
    }
    box.hidden = false;
  }

  // ---- form controls ----

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    closeSuggestions();
    go(withChange({ q: input.value.trim() }));
  });

  function applyDates() {
    go(withChange({ from: fromInput.value.trim(), to: toInput.value.trim() }));
  }
  $('apply-dates').addEventListener('click', applyDates);
  for (const i of [fromInput, toInput]) {
    i.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); applyDates(); } });
  }
  sortSelect.addEventListener('change', () => go(withChange({ sort: sortSelect.value })));
  // A new scope applies to the query in the box, typed or not yet sent.
  scopeSelect.addEventListener('change', () => go(withChange({ scope: scopeSelect.value, q: input.value.trim() })));

  // '/' focuses the search box unless the user is typing somewhere.
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    ev.preventDefault();
    input.focus();
    input.select();
  });

  // ---- suggestions: ARIA combobox with a listbox popup ----

  let suggestSeq = 0;
  let options = [];
  let active = -1;

  const fetchSuggestions = debounce(async (text) => {
    const seq = ++suggestSeq;
    let res;
    try {
      res = await getJson('api/suggest?' + new URLSearchParams({ q: text, limit: String(SUGGEST_LIMIT) }));
    } catch (e) {
      if (seq === suggestSeq) closeSuggestions();
      return;
    }
    // A slower, older answer must not replace a newer one.
    if (seq !== suggestSeq || input.value.trim() !== text || document.activeElement !== input) return;
    showSuggestions(Array.isArray(res.suggestions) ? res.suggestions : []);
  }, SUGGEST_DELAY_MS);

  input.addEventListener('input', () => {
    const text = input.value.trim();
    if (!text) { suggestSeq++; fetchSuggestions.cancel(); closeSuggestions(); return; }
    fetchSuggestions(text);
  });

  function showSuggestions(items) {
    clear(list);
    options = items.filter((s) => s && typeof s.text === 'string' && s.text);
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (options.length === 0) { closeSuggestions(); return; }
    options.forEach((s, i) => {
      const li = el('li', { id: 'suggest-' + i, role: 'option', 'aria-selected': 'false', class: 'suggestion' },
        el('span', { class: 'suggest-text', text: s.text }),
        el('span', { class: 'suggest-kind', text: KIND_LABELS[s.kind] || '' }));
      li.addEventListener('mousedown', (ev) => ev.preventDefault()); // keep focus in the input
      li.addEventListener('click', () => choose(i));
      list.append(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function closeSuggestions() {
    list.hidden = true;
    clear(list);
    options = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function setActive(i) {
    const items = list.querySelectorAll('[role=option]');
    items.forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    active = i;
    if (i >= 0 && items[i]) {
      input.setAttribute('aria-activedescendant', items[i].id);
      items[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  /** An issuer suggestion becomes an issuer filter; the others become the query. */
  function choose(i) {
    const s = options[i];
    if (!s) return;
    closeSuggestions();
    suggestSeq++;
    fetchSuggestions.cancel();
    if (s.kind === 'issuer') {
      input.value = '';
      go(withChange({ q: '', issuer: state.issuer.includes(s.text) ? state.issuer : [...state.issuer, s.text] }));
    } else {
      input.value = s.text;
      go(withChange({ q: s.text }));
    }
  }

  input.addEventListener('keydown', (ev) => {
    const open = !list.hidden && options.length > 0;
    if (ev.key === 'ArrowDown') {
      if (!open) { if (input.value.trim()) fetchSuggestions(input.value.trim()); return; }
      ev.preventDefault();
      setActive(active + 1 >= options.length ? 0 : active + 1);
    } else if (ev.key === 'ArrowUp') {
      if (!open) return;
      ev.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (ev.key === 'Enter') {
      if (open && active >= 0) { ev.preventDefault(); choose(active); }
      else { suggestSeq++; fetchSuggestions.cancel(); closeSuggestions(); }
    } else if (ev.key === 'Escape') {
      if (open) { ev.preventDefault(); closeSuggestions(); }
    }
  });
  input.addEventListener('blur', () => setTimeout(closeSuggestions, 100));

  run();
})();
