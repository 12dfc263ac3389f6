/// `index-files/page.js`: loads a 区县's 单位 and 坊 when its row is opened, and the anomaly table
/// when its section is used, from `<script>` data files (a `fetch` of `file://` is blocked by
/// browsers; a script tag works from disk and from any static host). Every value goes into the
/// page as text, never as markup. The fragment drives it too: `#anomalies?file=…&kind=…&q=…`
/// opens the table filtered, `#all` opens everything (for checking every link).
enum OverviewScript {
    static let source = #"""
(function () {
  'use strict';
  var P = window.PEIXUN = window.PEIXUN || {};
  var pending = {}, data = {};
  var PAGE = 100;

  function load(key, cb) {
    if (data[key] !== undefined) { cb(data[key]); return; }
    if (pending[key]) { pending[key].push(cb); return; }
    pending[key] = [cb];
    var s = document.createElement('script');
    s.src = 'index-files/data/' + key + '.js';
    s.onerror = function () { fail('缺少数据文件 index-files/data/' + key + '.js'); };
    document.head.appendChild(s);
  }
  function deliver(key, value) {
    data[key] = value;
    var waiting = pending[key] || [];
    delete pending[key];
    waiting.forEach(function (cb) { cb(value); });
  }
  P.county = function (i, value) { deliver('county-' + i, value); };
  P.anomalies = function (k, value) { deliver('anomalies-' + k, value); };

  function fail(message) {
    var p = document.getElementById('load-error') || el('p', 'error');
    p.id = 'load-error';
    p.textContent = message;
    document.querySelector('main').prepend(p);
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function href(path) { return path.split('/').map(encodeURIComponent).join('/'); }
  function links(list) {
    var td = el('td', 'links');
    (list || []).forEach(function (l) {
      var a = el('a', null, l.label);
      a.href = href(l.path);
      td.appendChild(a);
      td.appendChild(document.createTextNode(' '));
    });
    return td;
  }
  function table(headers, rows) {
    var wrap = el('div', 'scroll'), t = el('table'), thead = el('thead'), tr = el('tr'), tb = el('tbody');
    headers.forEach(function (h) { tr.appendChild(el('th', null, h)); });
    thead.appendChild(tr); t.appendChild(thead); t.appendChild(tb); wrap.appendChild(t);
    rows.forEach(function (cells) {
      var r = el('tr');
      cells.forEach(function (c) { r.appendChild(c instanceof Node ? c : el('td', null, c)); });
      tb.appendChild(r);
    });
    return wrap;
  }

  // 区县 rows: 单位 and 坊 on demand.
  function openCounty(button, done) {
    var i = button.getAttribute('data-county');
    var row = button.closest('tr');
    var next = row.nextElementSibling;
    if (next && next.classList.contains('detail')) {
      var open = next.hidden;
      next.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? '单位与坊 ▾' : '单位与坊 ▸';
      if (done) done();
      return;
    }
    button.disabled = true;
    load('county-' + i, function (c) {
      var detail = el('tr', 'detail'), cell = el('td');
      cell.colSpan = row.children.length;
      cell.appendChild(el('h3', null, '单位（' + c.units.length + '）'));
      cell.appendChild(table(['单位', '学员', '合格', '证书', '证书文件'], c.units.map(function (u) {
        return [u.name || '未填单位', u.trainees, u.passed, u.certificates, links(u.links)];
      })));
      cell.appendChild(el('h3', null, '坊与简报（' + c.classes.length + '）'));
      cell.appendChild(table(['坊', '坊主', '学员', '合格', '简报'], c.classes.map(function (k) {
        return [k.name || '未命名坊', k.tutors || '—', k.trainees, k.passed, links(k.links)];
      })));
      detail.appendChild(cell);
      row.after(detail);
      button.disabled = false;
      button.setAttribute('aria-expanded', 'true');
      button.textContent = '单位与坊 ▾';
      if (done) done();
    });
  }
  document.querySelectorAll('button.expand').forEach(function (b) {
    b.addEventListener('click', function () { openCounty(b); });
  });

  // Anomalies: every data file once, then filtered and paged in memory.
  var count = document.getElementById('anomaly-count');
  var chunks = count ? Number(count.getAttribute('data-chunks')) : 0;
  var all = null, page = 0, showAll = false;
  var fFile = document.getElementById('filter-file'), fKind = document.getElementById('filter-kind'),
      fQ = document.getElementById('filter-q');
  function loadAnomalies(done) {
    if (all) { done(); return; }
    var parts = new Array(chunks), left = chunks;
    if (left === 0) { all = []; done(); return; }
    for (var k = 0; k < chunks; k++) (function (k) {
      load('anomalies-' + k, function (rows) {
        parts[k] = rows;
        if (--left === 0) { all = [].concat.apply([], parts); done(); }
      });
    })(k);
  }
  function render() {
    var file = fFile.value, kind = fKind.value, q = fQ.value.trim();
    var rows = all.filter(function (a) {
      return (!file || a.file === file) && (!kind || a.kind === kind) &&
        (!q || (a.name || '').indexOf(q) >= 0 || a.message.indexOf(q) >= 0);
    });
    var pages = Math.max(1, Math.ceil(rows.length / PAGE));
    if (page >= pages) page = pages - 1;
    var shown = showAll ? rows : rows.slice(page * PAGE, page * PAGE + PAGE);
    var tb = document.querySelector('#anomaly-table tbody');
    tb.textContent = '';
    shown.forEach(function (a) {
      var r = el('tr', a.level === '提示' ? 'notice' : null);
      [a.level, a.file, a.line === null || a.line === undefined ? '—' : a.line, a.label,
       (a.name ? a.name + '：' : '') + a.message].forEach(function (v) { r.appendChild(el('td', null, v)); });
      tb.appendChild(r);
    });
    count.textContent = '共 ' + all.length + ' 条，筛选后 ' + rows.length + ' 条' +
      (showAll || rows.length <= PAGE ? '' : '，第 ' + (page + 1) + ' / ' + pages + ' 页');
    count.setAttribute('data-shown', String(rows.length));
    var pager = document.getElementById('anomaly-pager');
    pager.textContent = '';
    if (!showAll && pages > 1) {
      [['上一页', page - 1], ['下一页', page + 1]].forEach(function (b) {
        var btn = el('button', null, b[0]);
        btn.type = 'button';
        btn.disabled = b[1] < 0 || b[1] >= pages;
        btn.addEventListener('click', function () { page = b[1]; render(); });
        pager.appendChild(btn);
      });
    }
  }
  function refresh() { page = 0; loadAnomalies(render); }
  [fFile, fKind].forEach(function (s) { s.addEventListener('change', refresh); });
  fQ.addEventListener('input', refresh);

  function fromFragment() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (hash === 'all') {
      showAll = true;
      var buttons = Array.prototype.slice.call(document.querySelectorAll('button.expand'));
      var left = buttons.length + 1;
      var finished = function () { if (--left === 0) document.body.setAttribute('data-ready', 'all'); };
      buttons.forEach(function (b) { openCounty(b, finished); });
      loadAnomalies(function () { render(); finished(); });
      return;
    }
    var q = hash.indexOf('?');
    if (hash.slice(0, q < 0 ? hash.length : q) === 'anomalies' || chunks <= 5) {
      if (q >= 0) hash.slice(q + 1).split('&').forEach(function (kv) {
        var eq = kv.indexOf('='), key = kv.slice(0, eq), value = kv.slice(eq + 1);
        if (key === 'file') fFile.value = value;
        if (key === 'kind') fKind.value = value;
        if (key === 'q') fQ.value = value;
      });
      loadAnomalies(function () { render(); document.body.setAttribute('data-ready', 'anomalies'); });
    } else {
      count.textContent += '（在上方选择筛选条件即可加载）';
      document.body.setAttribute('data-ready', 'page');
    }
  }
  window.addEventListener('hashchange', fromFragment);
  fromFragment();
})();
"""#
}
