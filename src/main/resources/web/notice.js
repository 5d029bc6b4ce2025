// The notice page: metadata table of the GB/T 9704 elements, the full text with the query's
// matches highlighted, citations both ways, similar notices and the parser's warnings.
'use strict';

(() => {
  const { el, appendMarked, getJson, noticeHref, clear } = NS;
  const $ = (id) => document.getElementById(id);

  const params = new URLSearchParams(location.search);
  const id = params.get('id') || '';
  const q = (params.get('q') || '').trim();

  // Back to the exact search the reader came from (facets, page and all), else to a search for q.
  const ref = (() => { try { return new URL(document.referrer); } catch (e) { return null; } })();
  if (ref && ref.origin === location.origin && /\/(index\.html)?$/.test(ref.pathname)) $('back').href = ref.pathname + ref.search;
  else if (q) $('back').href = './?' + new URLSearchParams({ q });

  function searchLink(key, value, text) {
    return el('a', { href: './?' + new URLSearchParams({ [key]: value }), text: text || value });
  }

  /** "value" or "value（原文：as written）" when the parser normalised what the notice says. */
  function withOriginal(value, asWritten) {
    if (!value && asWritten) return asWritten;
    if (!value) return null;
    const frag = document.createDocumentFragment();
    frag.append(value);
    if (asWritten && asWritten.replace(/\s+/g, '') !== value.replace(/\s+/g, '')) {
      frag.append(el('span', { class: 'as-written', text: '（原文：' + asWritten + '）' }));
    }
    return frag;
  }

  /** The 发文字号 with links to its series (every number of the same agency) and to the notices citing it. */
  function docNumberCell(n) {
    const value = withOriginal(n.docNumber, n.docNumberAsWritten);
    if (!value || !n.docNumber) return value;
    const frag = document.createDocumentFragment();
    frag.append(value);
    const links = el('span', { class: 'docno-links' });
    const agency = n.docNumberParts && n.docNumberParts.agency;
    if (agency) links.append(el('a', { id: 'docno-series', href: './?' + new URLSearchParams({ docNumber: agency, sort: 'newest' }), text: '同系列文件（' + agency + '）' }));
    const citing = Array.isArray(n.citedBy) ? n.citedBy.length : 0;
    if (citing) {
      links.append(el('a', { id: 'docno-citedby', href: '#citedby-sec', text: '被 ' + citing + ' 份公文引用' }));
    } else {
      links.append(el('a', { id: 'docno-mentions', href: './?' + new URLSearchParams({ q: n.docNumber }), text: '搜索提及此文号的公文' }));
    }
    frag.append(links);
    return frag;
  }

  /** The citation a reader pastes into a document: 《标题》（文号）, or the title alone when there is no number. */
  function citation(n) {
    const title = n.title ? '《' + n.title + '》' : '';
    return title + (n.docNumber ? '（' + n.docNumber + '）' : '');
  }

  /** Copies with the Clipboard API; where it is missing or refused (no HTTPS, no permission), through a selected textarea. */
  async function copyText(text) {
    try {
      if (navigator.clipboard && window.isSecureContext) { await navigator.clipboard.writeText(text); return true; }
    } catch (e) { /* fall back */ }
    const ta = el('textarea', { readonly: true, class: 'copy-buffer', 'aria-hidden': 'true' });
    ta.value = text;
    document.body.append(ta);
    ta.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    ta.remove();
    return ok;
  }

  function setupActions(n) {
    const original = 'api/notices/' + encodeURIComponent(n.id || id) + '/original';
    $('view-original').href = original;
    $('download-original').href = original + '?download=1';
    const status = $('copy-status');
    $('copy-cite').onclick = async () => {
      const text = citation(n);
      const ok = await copyText(text);
      status.textContent = ok ? '已复制：' + text : '无法自动复制，请手动复制：' + text;
    };
    $('print').onclick = () => window.print();
    $('print-docno').textContent = n.docNumber || n.docNumberAsWritten || '';
  }

  function rowsFor(n) {
    const issuer = n.issuer ? document.createDocumentFragment() : null;
    if (issuer) {
      issuer.append(searchLink('issuer', n.issuer));
      if (n.issuerAsWritten && n.issuerAsWritten !== n.issuer) {
        issuer.append(el('span', { class: 'as-written', text: '（原文：' + n.issuerAsWritten + '）' }));
      }
    }
    const attachments = Array.isArray(n.attachments) && n.attachments.length
      ? el('ol', { class: 'inline-list' }, ...n.attachments.map((a) => el('li', { text: String(a) })))
      : null;
    const campaigns = Array.isArray(n.campaigns) && n.campaigns.length
      ? el('span', null, ...n.campaigns.flatMap((c, i) => [i ? '、' : '', searchLink('campaign', String(c))]))
      : null;
    const printed = [n.printedBy, n.printedDate].filter(Boolean).join(' ') || n.printedAsWritten || null;
    return [
      ['份号', n.copyNumber],
      ['密级', n.classification],
      ['紧急程度', n.urgency],
      ['发文机关标志', n.issuerMark],
      ['发文机关', issuer],
      ['发文字号', docNumberCell(n)],
      ['签发人', n.signer],
      ['主送机关', n.addressees],
      ['文种', n.type],
      ['附件', attachments],
      ['发文机关署名', n.signature],
      ['成文日期', withOriginal(n.date, n.dateAsWritten) || (n.year ? n.year + '年' : null)],
      ['抄送机关', n.cc],
      ['印发机关和印发日期', printed],
      ['省份', n.province],
      ['专项工作', campaigns],
      ['来源文件', [n.source, n.format, n.encoding].filter(Boolean).join(' · ') || null],
    ];
  }

  function renderMeta(n) {
    const tbody = $('meta').tBodies[0];
    clear(tbody);
    for (const [label, value] of rowsFor(n)) {
      if (value === null || value === undefined || value === '') continue;
      const td = el('td');
      td.append(value instanceof Node ? value : String(value));
      tbody.append(el('tr', null, el('th', { scope: 'row', text: label }), td));
    }
  }

  // GB/T 9704 structure numbers: 一、 （一） 1. （1）. A numbered line is a heading when it is short and is not
  // a sentence run on into the body (one that says more after a full stop is a numbered paragraph, shown as one).
  const HEADING_MARKERS = [
    /^[一二三四五六七八九十百]+、/,
    /^[（(][一二三四五六七八九十百]+[）)]/,
    /^[0-9０-９]{1,2}[.．、](?![0-9０-９])/,
    /^[（(][0-9０-９]{1,2}[）)]/,
  ];
  const HEADING_MAX_CHARS = 60;

  /** 1 to 4 for a heading line by its number's level, 0 for a paragraph. */
  function headingLevel(text) {
    const t = text.trim();
    if (t.length > HEADING_MAX_CHARS || /[。；：:;!！?？]./.test(t)) return 0;
    const i = HEADING_MARKERS.findIndex((re) => re.test(t));
    return i + 1;
  }

  /** 署名 and 成文日期 at the end, right-aligned (GB/T 9704 7.3.5), unless the body already ends with them. */
  function renderSign(n) {
    const box = clear($('sign'));
    const tail = Array.from($('body').children).slice(-3).map((x) => x.textContent.replace(/\s+/g, ''));
    const shown = (line) => line && !tail.includes(String(line).replace(/\s+/g, ''));
    const date = n.dateAsWritten || n.date;
    if (shown(n.signature)) box.append(el('p', { class: 'sign-name', text: String(n.signature) }));
    if (shown(date)) box.append(el('p', { class: 'sign-date', text: String(date) }));
    box.hidden = !box.firstChild;
  }

  function renderBody(n) {
    const body = clear($('body'));
    const html = Array.isArray(n.paragraphsHtml) ? n.paragraphsHtml : null;
    const paras = html || (Array.isArray(n.paragraphs) ? n.paragraphs : []);
    if (paras.length === 0) body.append(el('p', { class: 'empty', text: '（没有正文）' }));
    for (const p of paras) {
      const text = html ? String(p).replace(/<\/?mark>/gi, '') : String(p);
      const level = headingLevel(text);
      const node = level ? el('h' + (level + 2), { class: 'doc-h doc-h' + level }) : el('p');
      if (html) appendMarked(node, p); else node.textContent = String(p);
      body.append(node);
    }
    const marks = body.querySelectorAll('mark');
    const note = $('match-note');
    if (q && html) {
      clear(note);
      if (marks.length) {
        note.append('正文中有 ' + marks.length + ' 处与“' + q + '”匹配。 ');
        const jump = el('button', { type: 'button', class: 'btn-link', text: '跳到第一处' });
        jump.addEventListener('click', () => { marks[0].scrollIntoView({ block: 'center' }); marks[0].classList.add('current'); });
        note.append(jump);
      } else {
        note.append('正文中没有与“' + q + '”完全一致的文字。');
      }
      note.hidden = false;
    }
  }

  function refItem(ref, { linkable }) {
    const li = el('li');
    const title = ref.title ? '《' + ref.title + '》' : (ref.docNumber || '（未知公文）');
    if (linkable && ref.id) li.append(el('a', { href: noticeHref(ref.id, ''), text: title }));
    else li.append(el('span', { class: 'unresolved', text: title }));
    const meta = [ref.docNumber && ref.title ? ref.docNumber : null, ref.issuer, ref.date].filter(Boolean).join(' · ');
    if (meta) li.append(el('span', { class: 'ref-meta', text: meta }));
    if (linkable && !ref.id) li.append(el('span', { class: 'ref-meta', text: '（不在本库中）' }));
    return li;
  }

  function renderRefs(sectionId, listId, refs, opts) {
    const items = Array.isArray(refs) ? refs : [];
    const ul = clear($(listId));
    for (const r of items) if (r) ul.append(refItem(r, opts));
    $(sectionId).hidden = items.length === 0;
  }

  function renderWarnings(n) {
    const w = Array.isArray(n.warnings) ? n.warnings : [];
    const ul = clear($('warnings'));
    for (const x of w) ul.append(el('li', { text: String(x) }));
    $('warnings-count').textContent = String(w.length);
    $('warnings-sec').hidden = w.length === 0;
  }

  async function load() {
    const status = $('status');
    if (!id) {
      status.className = 'status status-error';
      status.textContent = '链接缺少公文编号（id）。';
      return;
    }
    let n;
    try {
      n = await getJson('api/notices/' + encodeURIComponent(id) + (q ? '?' + new URLSearchParams({ q }) : ''));
    } catch (e) {
      status.className = 'status status-error';
      clear(status).append(el('strong', { text: e.status === 404 ? '找不到这份公文：' : '加载出错：' }), e.message);
      return;
    }
    document.title = (n.title || '公文') + ' - 公文检索';
    $('title').textContent = n.title || '（无标题）';
    renderMeta(n);
    renderBody(n);
    renderSign(n);
    setupActions(n);
    renderRefs('cites-sec', 'cites', Array.isArray(n.cites) ? n.cites : n.citations, { linkable: true });
    renderRefs('citedby-sec', 'citedby', n.citedBy, { linkable: true });
    $('diffusion-tree').href = 'diffusion.html?' + new URLSearchParams({ tree: id });
    renderWarnings(n);
    status.textContent = '';
    status.className = 'status';
    $('notice').hidden = false;
    loadSimilar();
  }

  async function loadSimilar() {
    try {
      const res = await getJson('api/notices/' + encodeURIComponent(id) + '/similar');
      renderRefs('similar-sec', 'similar', res && res.similar, { linkable: true });
    } catch (e) {
      $('similar-sec').hidden = true;
    }
  }

  load();
})();
