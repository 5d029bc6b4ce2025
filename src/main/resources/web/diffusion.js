// The diffusion page (传播路径): who took up a campaign or query and when, from /api/diffusion, and the forwarding
// tree of one notice from /api/notices/{id}/tree. Every server string goes in through textContent (NS.el).
'use strict';

(() => {
  const { el, getJson, noticeHref, clear, formatCount } = NS;
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  /** The search filters /api/diffusion reads; anything else on the page's URL (sort, page) is not passed on. */
  const FILTERS = ['q', 'scope', 'docNumber', 'issuer', 'province', 'type', 'campaign', 'from', 'to'];
  const LEVELS = { national: '全国', province: '省级', city: '市级', county: '县级', unknown: '未知' };
  const SVG = 'http://www.w3.org/2000/svg';

  function apiParams() {
    const p = new URLSearchParams();
    for (const k of FILTERS) for (const v of params.getAll(k)) if (v) p.append(k, v);
    return p;
  }

  function levelName(l) {
    return LEVELS[l] || l || '未知';
  }

  /** A date, or “2021年（仅知年份）”, or “日期不详”: a year is never shown as a day. */
  function when(ref) {
    if (ref.date) return el('time', { datetime: ref.date, text: ref.date });
    if (ref.year) return el('span', {}, String(ref.year) + '年', el('span', { class: 'precision', text: '（仅知年份）' }));
    return el('span', { class: 'precision', text: '日期不详' });
  }

  function noticeLink(ref) {
    return el('a', { href: noticeHref(ref.id), text: ref.title || ref.id });
  }

  function treeLink(id) {
    const p = apiParams();
    p.set('tree', id);
    return el('a', { class: 'tree-link', href: 'diffusion.html?' + p, text: '传播树' });
  }

  function setStatus(text, error) {
    const s = $('status');
    s.className = error ? 'status status-error' : 'status';
    s.textContent = text;
  }

  /** The cumulative curve as inline SVG: one step per month with new adopters. */
  function drawCurve(curve) {
    const box = clear($('curve'));
    if (!curve.length) {
      box.append(el('p', { class: 'precision', text: '没有带完整日期的采纳，无法绘制曲线。' }));
      return;
    }
    const W = 600, H = 220, L = 36, R = 12, T = 12, B = 28;
    const monthIndex = (m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
    const first = monthIndex(curve[0].month);
    const span = Math.max(1, monthIndex(curve[curve.length - 1].month) - first);
    const max = curve[curve.length - 1].cumulative;
    const x = (m) => L + (W - L - R) * (monthIndex(m) - first) / span;
    const y = (c) => H - B - (H - T - B) * c / Math.max(1, max);
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', '累计采纳机关数：' + curve.map((c) => c.month + ' ' + c.cumulative).join('，'));
    const add = (tag, attrs, text) => {
      const n = document.createElementNS(SVG, tag);
      for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
      if (text !== undefined) n.textContent = text;
      svg.append(n);
      return n;
    };
    add('line', { class: 'axis', x1: L, y1: H - B, x2: W - R, y2: H - B });
    add('line', { class: 'axis', x1: L, y1: T, x2: L, y2: H - B });
    let d = `M ${L} ${y(0)}`;
    let prev = 0;
    for (const c of curve) {
      d += ` H ${x(c.month).toFixed(1)} V ${y(c.cumulative).toFixed(1)}`;
      prev = c.cumulative;
    }
    d += ` H ${W - R}`;
    add('path', { class: 'line', d });
    for (const c of curve) {
      const dot = add('circle', { class: 'dot', cx: x(c.month).toFixed(1), cy: y(c.cumulative).toFixed(1), r: 3 });
      const title = document.createElementNS(SVG, 'title');
      title.textContent = c.month + '：新增 ' + c.adopters + '，累计 ' + c.cumulative;
      dot.append(title);
    }
    add('text', { x: L, y: H - 8 }, curve[0].month);
    add('text', { x: W - R, y: H - 8, 'text-anchor': 'end' }, curve[curve.length - 1].month);
    add('text', { x: L - 6, y: y(max) + 4, 'text-anchor': 'end' }, String(prev));
    add('text', { x: L - 6, y: H - B, 'text-anchor': 'end' }, '0');
    box.append(svg);
  }

  function renderAdoption(r) {
    const what = params.get('q') || params.get('campaign') || '全部公文';
    $('heading').textContent = '传播路径：' + what;
    document.title = '传播路径：' + what + ' - 公文检索';
    const summary = clear($('summary'));
    summary.append(formatCount(r.matches) + ' 份公文，' + formatCount(r.adopterCount) + ' 个发文机关采纳');
    if (r.origin) summary.append('；最早 ', when(r.origin), '（', noticeLink(r.origin), '）');
    if (r.partial) summary.append(el('strong', { text: '（结果过多，只统计了部分公文）' }));
    if (r.unattributed) summary.append('；另有 ' + r.unattributed + ' 份公文未识别发文机关');
    const p = apiParams();
    const csv = new URLSearchParams(p);
    csv.set('format', 'csv');
    $('csv-en').href = 'api/diffusion?' + csv;
    csv.set('headers', 'zh');
    $('csv-zh').href = 'api/diffusion?' + csv;
    drawCurve(r.curve || []);
    const yo = $('year-only');
    const parts = (r.yearOnly || []).map((y) => y.year + '年 ' + y.adopters + ' 个');
    if (r.undatedAdopters) parts.push('日期不详 ' + r.undatedAdopters + ' 个');
    yo.hidden = parts.length === 0;
    yo.textContent = parts.length ? '未计入曲线（只知年份或日期不详）：' + parts.join('，') : '';

    const levels = clear($('levels').tBodies[0]);
    for (const l of r.levels || []) {
      if (!l.adopters) continue;
      levels.append(el('tr', {}, el('td', { text: levelName(l.level) }), el('td', { text: String(l.adopters) }),
        el('td', { text: String(l.dated) }),
        el('td', { text: l.medianLagDays === null || l.medianLagDays === undefined ? '—' : l.medianLagDays + ' 天' })));
    }
    const provinces = clear($('provinces').tBodies[0]);
    for (const p2 of r.provinces || []) {
      provinces.append(el('tr', {}, el('td', { text: p2.province }), el('td', {}, when(p2.first), ' ', noticeLink(p2.first)),
        el('td', { text: String(p2.adopters) }), el('td', { text: String(p2.notices) })));
    }
    const adopters = clear($('adopters').tBodies[0]);
    for (const a of r.adopters || []) {
      adopters.append(el('tr', { class: 'adopter' },
        el('td', {}, when(a.first), a.lagDays !== null && a.lagDays !== undefined ? el('span', { class: 'precision', text: '（+' + a.lagDays + ' 天）' }) : null),
        el('td', {}, a.issuer, a.province ? el('span', { class: 'precision', text: '（' + a.province + '）' }) : null),
        el('td', { text: levelName(a.level) }),
        el('td', {}, noticeLink(a.first), a.first.docNumber ? el('span', { class: 'precision', text: ' ' + a.first.docNumber }) : null, treeLink(a.first.id)),
        el('td', { text: String(a.count) }),
        el('td', { text: (a.followed || []).join('、') })));
    }
    $('adoption').hidden = false;
  }

  function treeNode(n, root) {
    const li = el('li', { class: 'tree-node', 'data-id': n.id });
    li.append(n.date ? el('time', { datetime: n.date, text: n.date }) : el('span', { text: n.year ? n.year + '年' : '日期不详' }));
    if (!root && n.lagDays !== null && n.lagDays !== undefined) li.append(el('span', { class: 'lag', text: '（+' + n.lagDays + ' 天）' }));
    if (n.forwarding) li.append(el('span', { class: 'kind', text: n.forwarding }));
    li.append(' ', n.issuer || '未识别机关', el('span', { class: 'level', text: '（' + levelName(n.level) + '）' }), ' ', noticeLink(n));
    if (n.docNumber) li.append(el('span', { class: 'level', text: ' ' + n.docNumber }));
    if (n.repeat) li.append(el('span', { class: 'repeat', text: '（已在上文列出）' }));
    if (n.notShown) li.append(el('span', { class: 'more', text: '……另有 ' + n.notShown + ' 份引用未显示（已达上限）' }));
    if (n.children && n.children.length) {
      const ul = el('ul');
      for (const c of n.children) ul.append(treeNode(c, false));
      li.append(ul);
    }
    return li;
  }

  async function loadTree(id) {
    const sec = $('tree-sec');
    const api = 'api/notices/' + encodeURIComponent(id) + '/tree';
    $('tree-json').href = api;
    $('tree-graphml').href = api + '?format=graphml';
    let t;
    try {
      t = await getJson(api);
    } catch (e) {
      setStatus((e.status === 404 ? '找不到这份公文：' : '传播树加载出错：') + e.message, true);
      return;
    }
    const limits = [];
    if (t.depthLimitHit) limits.push('已达深度上限 ' + t.limits.maxDepth + ' 层');
    if (t.sizeLimitHit) limits.push('已达数量上限 ' + t.limits.maxNodes + ' 份');
    $('tree-summary').textContent = t.notices + ' 份公文，' + t.edges + ' 条引用' + (limits.length ? '；' + limits.join('，') : '');
    clear($('tree')).append(treeNode(t.root, true));
    sec.hidden = false;
    if (!params.get('q') && !params.get('campaign')) {
      $('heading').textContent = '传播树：' + (t.root.title || t.root.id);
      document.title = '传播树 - 公文检索';
    }
  }

  async function load() {
    $('q').value = params.get('q') || '';
    const tree = params.get('tree');
    const hasSearch = FILTERS.some((k) => params.get(k));
    if (!hasSearch && !tree) {
      setStatus('输入专项工作或关键词，查看哪些机关何时采纳、如何层层转发。');
      return;
    }
    setStatus('正在加载…');
    if (hasSearch) {
      try {
        renderAdoption(await getJson('api/diffusion?' + apiParams()));
      } catch (e) {
        setStatus('加载出错：' + e.message, true);
        return;
      }
    }
    setStatus('');
    if (tree) await loadTree(tree);
  }

  load();
})();
