// The search page. All state lives in the URL query string: every change pushes a new URL and
// re-renders from it, so searches can be bookmarked and shared and the back button works.
'use strict';

(() => {
  const { el, appendMarked, getJson, noticeHref, debounce, clear, formatCount } = NS;

  const DEFAULT_SIZE = 10;
  const MAX_DEPTH = 10000;
  const SUGGEST_DELAY_MS = 150;
  const SUGGEST_LIMIT = 8;
  /** "更多" asks for this many values of a facet (the API's maximum facetLimit). */
  const ALL_FACET_VALUES = 2000;
  /** A facet list this long gets a box to search within it. */
  const FILTER_BOX_FROM = 12;
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
  const sizeSelect = $('size');
  const fromPicker = $('from-picker');
  const toPicker = $('to-picker');
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

  /**
   * Moves to a new state: a new history entry (or a replaced one), then render. With focusResults (a facet, chip,
   * chart bar or page link was used: the link itself is about to be re-rendered away), focus moves to the results
   * heading once they are shown, so that keyboard and screen-reader users are not dropped on <body>.
   */
  function go(next, { replace = false, focusResults = false } = {}) {
    state = next;
    const url = urlFor(next);
    if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
    run({ focusResults });
  }

  function focusResultsHeading() {
    $('results-h').focus();
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

  async function run({ focusResults = false } = {}) {
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
      if (focusResults) focusResultsHeading();
      return;
    }
    if (seq !== searchSeq) return;
    renderResults(page);
    renderFacets(page.facets || {}, page.facetMore || {}, page.facetApproximate || {});
    // Who took up what this search finds, and when (diffusion.html reads only the search filters of the link). At the
    // top of the facets, which follow the results in the tab order: the path from the box to the first hit stays short.
    if (Number(page.total) > 0) {
      $('facets').prepend(el('p', { class: 'diffusion-entry' }, el('a', { class: 'diffusion-link',
        href: 'diffusion.html?' + toParams(state, { paging: false }), text: '传播路径：哪些机关何时采纳' })));
    }
    renderPager(page);
    if (focusResults) focusResultsHeading();
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

  /** The message above the previous results and facets, which stay: an error should not wipe what was found. */
  function showError(message) {
    setStatus('', 'error');
    $('status').append(message);
  }

  function syncControls() {
    if (document.activeElement !== input) input.value = state.q;
    fromInput.value = state.from;
    toInput.value = state.to;
    syncPicker(fromPicker, state.from);
    syncPicker(toPicker, state.to);
    sortSelect.value = state.sort;
    // A size typed into the URL that the list does not offer is shown as it is.
    if (![...sizeSelect.options].some((o) => o.value === String(state.size))) {
      sizeSelect.append(el('option', { value: String(state.size), text: state.size + ' 条' }));
    }
    sizeSelect.value = String(state.size);
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

  /** The facet list's entry for one value: a link that toggles the filter. */
  /** A facet value's link; {@code approx}: its count was counted on a sample (facetApproximate), shown as 约 N. */
  function facetItem(key, label, fv, approx) {
    const value = String(fv.value);
    const selected = facetSelected(key, value) || fv.chosen === true;
    const a = el('a', {
      href: urlFor(facetToggle(key, value)), class: 'facet-link' + (selected ? ' selected' : ''),
      'aria-current': selected ? 'true' : null, 'data-facet': key, 'data-value': value,
      title: selected ? '取消此筛选' : '只看' + label + '：' + value,
    },
    el('span', { class: 'facet-value', text: key === 'year' ? value + '年' : value }),
    el('span', { class: 'facet-count', text: (approx ? '约 ' : '') + formatCount(fv.count) }));
    a.addEventListener('click', (ev) => {
      if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
      ev.preventDefault();
      go(facetToggle(key, value), { focusResults: true });
    });
    // A campaign's page of diffusion: who took it up, when, and how it was forwarded.
    const diffusion = key === 'campaign' ? el('a', { class: 'facet-diffusion', href: 'diffusion.html?' + new URLSearchParams({ campaign: value }),
      title: '“' + value + '”的传播路径', text: '传播路径' }) : null;
    return el('li', null, a, diffusion);
  }

  /** Every value of one facet for the current search, with a box to search within a long list. */
  async function showAllValues(section, key, label, button) {
    button.disabled = true;
    button.textContent = '正在加载…';
    const params = toParams(state, { paging: false });
    params.set('size', '1');
    params.set('facetLimit', String(ALL_FACET_VALUES));
    let page;
    try {
      page = await getJson('api/search?' + params);
    } catch (e) {
      button.disabled = false;
      button.textContent = '更多';
      showError(e.message);
      return;
    }
    let values = Array.isArray(page.facets && page.facets[key]) ? page.facets[key] : [];
    if (key === 'year') values = [...values].sort((a, b) => String(b.value).localeCompare(String(a.value)));
    const ul = el('ul', { class: 'facet-values facet-all' });
    for (const fv of values) ul.append(facetItem(key, label, fv, (page.facetApproximate || {})[key] === true));
    section.querySelector('.facet-values').replaceWith(ul);
    button.remove();
    if (values.length >= FILTER_BOX_FROM) {
      const box = el('input', { type: 'search', class: 'facet-filter', placeholder: '在' + label + '中查找', 'aria-label': '在' + label + '中查找' });
      box.addEventListener('input', () => {
        const want = box.value.trim().toLowerCase();
        for (const li of ul.children) {
          const v = li.querySelector('.facet-value').textContent.toLowerCase();
          li.hidden = Boolean(want) && !v.includes(want);
        }
      });
      ul.before(box);
      box.focus();
    }
  }

  function renderFacets(facets, more, approx) { // approx: per facet key, whether it was sampled (facetApproximate)
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
      for (const fv of values) ul.append(facetItem(key, label, fv, approx[key] === true));
      const section = el('section', { class: 'facet', 'data-facet': key }, el('h3', { text: label }), ul);
      if (more[key] === true) {
        const button = el('button', { type: 'button', class: 'facet-more', text: '更多', 'aria-label': '显示全部' + label });
        button.addEventListener('click', () => showAllValues(section, key, label, button));
        section.append(button);
      }
      details.append(section);
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
      a.addEventListener('click', (ev) => { ev.preventDefault(); go(c.next, { focusResults: true }); });
      box.append(a);
    }
    if (chips.length > 1) {
      const all = el('a', { class: 'chip chip-clear', href: urlFor({ ...readState(''), q: state.q, sort: state.sort, scope: state.scope }), text: '清除全部条件' });
      all.addEventListener('click', (ev) => { ev.preventDefault(); go({ ...readState(''), q: state.q, sort: state.sort, scope: state.scope }, { focusResults: true }); });
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
      a.addEventListener('click', (ev) => { ev.preventDefault(); window.scrollTo(0, 0); go(withChange({ page: p }, { keepPage: true }), { focusResults: true }); });
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
      // The link's name is its visible text (year, then count; laid out bottom-up by CSS) with the units as hidden
      // text: a screen reader says 2020年：74 条, and voice control users can say what they see.
      const a = el('a', {
        class: 'trend-col' + (facetSelected('year', value) ? ' selected' : ''),
        href: urlFor(facetToggle('year', value)), title: value + '年：' + count + ' 条（拖过几根柱子可选年份范围）',
        draggable: 'false',
      }, el('span', { class: 'trend-year' }, value, el('span', { class: 'visually-hidden', text: '年：' })),
      el('span', { class: 'bar-wrap' }, bar),
      el('span', { class: 'trend-count' }, formatCount(count), el('span', { class: 'visually-hidden', text: ' 条' })));
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        if (dragged) { dragged = false; return; } // the end of a drag is not a click on its last year
        go(facetToggle('year', value), { focusResults: true });
      });
      a.dataset.year = value;
      bars.append(a);
    }
    box.hidden = false;
  }

  // Dragging across the chart's bars selects a range of years: from the first year's 1 January to the last one's
  // 31 December, as the from/to filter (a click on one bar stays the year facet).
  let dragFrom = null;
  let dragged = false;
  function yearAt(ev) {
    // The element under the pointer, not ev.target: a touch keeps its first element as target (implicit capture).
    const under = document.elementFromPoint(ev.clientX, ev.clientY);
    const col = under ? under.closest('#trend-bars .trend-col') : null;
    return col ? col.dataset.year : null;
  }
  function markRange(a, b) {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    for (const col of $('trend-bars').querySelectorAll('.trend-col')) {
      col.classList.toggle('in-range', col.dataset.year >= lo && col.dataset.year <= hi);
    }
  }
  $('trend-bars').addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0) return;
    dragFrom = yearAt(ev);
    dragged = false;
  });
  $('trend-bars').addEventListener('pointermove', (ev) => {
    if (dragFrom === null) return;
    const y = yearAt(ev);
    if (y && y !== dragFrom) { dragged = true; markRange(dragFrom, y); ev.preventDefault(); }
  });
  document.addEventListener('pointerup', (ev) => {
    if (dragFrom === null) return;
    const from = dragFrom;
    const to = yearAt(ev);
    dragFrom = null;
    if (!dragged || !to) { dragged = false; return; }
    const [lo, hi] = from <= to ? [from, to] : [to, from];
    // The click that ends this drag is swallowed by the bar's handler, which then clears the flag; a click that is not
    // coming (the pointer left the bar) must not swallow the next one, a keyboard Enter included.
    setTimeout(() => { dragged = false; }, 0);
    go(withChange({ from: lo, to: hi }), { focusResults: true });
  });

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
  // The calendar beside each box writes an ISO day into it; the box itself also takes 2020年3月, 2020/03/01 …
  for (const [picker, box] of [[fromPicker, fromInput], [toPicker, toInput]]) {
    picker.addEventListener('change', () => { if (picker.value) { box.value = picker.value; applyDates(); } });
  }

  /** Shows a bound in its calendar when it is a full ISO day, else leaves the calendar empty. */
  function syncPicker(picker, value) {
    picker.value = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
  }
  for (const i of [fromInput, toInput]) {
    i.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); applyDates(); } });
  }
  $('skip-results').addEventListener('click', (ev) => { ev.preventDefault(); focusResultsHeading(); });
  sortSelect.addEventListener('change', () => go(withChange({ sort: sortSelect.value })));
  sizeSelect.addEventListener('change', () => go(withChange({ size: parseInt(sizeSelect.value, 10) || DEFAULT_SIZE })));
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

  // While an input method composes (the pinyin "jin g" on its way to 巾帼), the box holds letters nobody means to
  // look up: no suggestion is asked for until the composition ends.
  let composing = false;
  input.addEventListener('compositionstart', () => { composing = true; suggestSeq++; fetchSuggestions.cancel(); });
  input.addEventListener('compositionend', () => { composing = false; suggestFor(input.value.trim()); });
  input.addEventListener('input', (ev) => { if (!ev.isComposing && !composing) suggestFor(input.value.trim()); });

  function suggestFor(text) {
    if (!text) { suggestSeq++; fetchSuggestions.cancel(); closeSuggestions(); return; }
    fetchSuggestions(text);
  }

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
    // Enter, Escape and the arrows that pick or cancel a composition belong to the input method.
    if (ev.isComposing || composing || ev.keyCode === 229) return;
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
