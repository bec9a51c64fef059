// Vital signs dashboard, alert list and sensor page (telemetry module).
(function () {
  'use strict';
  const ROMAN = ['', 'I', 'II', 'III', 'IV'];
  const DOMAINS = ['water', 'power', 'gas', 'telecom', 'bridges', 'tunnels', 'rail', 'pipe-networks'];

  function csrf() {
    const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
    return m ? decodeURIComponent(m[1]) : '';
  }

  // a GET without a method; a write with its method, the CSRF token and, when given, a JSON body
  async function call(url, method, payload) {
    const init = { credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (method) {
      init.method = method;
      init.headers['X-XSRF-TOKEN'] = csrf();
    }
    if (payload !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    const r = await fetch(url, init);
    return { ok: r.ok, body: await r.json().catch(() => ({})) };
  }

  function text(el, value) {
    if (el) el.textContent = value;
  }

  // dashboard
  const root = document.getElementById('vitals');
  if (root) {
    const names = (root.dataset.domains || '').split(',');
    const gauge = echarts.init(document.getElementById('gauge'));
    const domains = echarts.init(document.getElementById('domains'));
    const trend = echarts.init(document.getElementById('trend'));
    const map = L.map('alert-map', { attributionControl: false }).setView([29.56, 106.55], 11);
    const markers = L.layerGroup().addTo(map);
    let source = null;
    let fitted = false;

    function render(v) {
      text(document.getElementById('open-alerts'), v.openAlerts);
      text(document.getElementById('sensors-online'), v.sensorsOnline + ' / ' + v.sensors);
      text(document.getElementById('open-cases'), v.openCases);
      text(document.getElementById('overdue-cases'), v.overdueCases);
      const pct = v.sensors ? Math.round(1000 * v.sensorsOnline / v.sensors) / 10 : 0;
      gauge.setOption({ series: [{ type: 'gauge', min: 0, max: 100, radius: '90%', axisLabel: { distance: 18, fontSize: 10 },
        title: { offsetCenter: [0, '75%'] }, detail: { formatter: '{value}%', offsetCenter: [0, '45%'], fontSize: 22 },
        data: [{ value: pct, name: root.dataset.msgOnline }] }] });
      domains.setOption({ grid: { left: 80, right: 10, top: 10, bottom: 20 }, xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: names },
        series: [{ type: 'bar', data: DOMAINS.map((d) => v.openAlertsByDomain[d] || 0), itemStyle: { color: '#c62828' } }] });
      const hours = v.alertsPerHour.map((_, i) => (i - 23) + 'h');
      trend.setOption({ grid: { left: 30, right: 10, top: 10, bottom: 20 }, xAxis: { type: 'category', data: hours },
        yAxis: { type: 'value', minInterval: 1 }, series: [{ type: 'line', smooth: true, areaStyle: {}, data: v.alertsPerHour }] });
    }

    async function loadAlerts() {
      const d = document.getElementById('division').value.trim();
      const r = await call('/api/v1/telemetry/alerts?status=open&limit=500' + (d ? '&division=' + encodeURIComponent(d) : ''));
      if (!r.ok) return;
      markers.clearLayers();
      const points = [];
      for (const a of r.body.alerts) {
        const colour = a.severity === 1 ? '#b71c1c' : a.severity === 2 ? '#e65100' : a.severity === 3 ? '#f9a825' : '#1565c0';
        L.circleMarker([a.lat, a.lon], { radius: 8, color: colour, fillOpacity: 0.7 })
          .bindPopup('[' + ROMAN[a.severity] + '] ' + a.message + '<br><a href="/vitals/sensors/' + encodeURIComponent(a.sensorId) + '">' + a.sensorId + '</a>')
          .addTo(markers);
        points.push([a.lat, a.lon]);
      }
      if (points.length && !fitted) {
        map.fitBounds(points, { maxZoom: 15, padding: [20, 20] });
        fitted = true;
      }
    }

    function connect() {
      if (source) source.close();
      const d = document.getElementById('division').value.trim();
      source = new EventSource('/api/v1/vitals/stream' + (d ? '?division=' + encodeURIComponent(d) : ''));
      const live = document.getElementById('live');
      source.addEventListener('vitals', (e) => { live.classList.remove('off'); render(JSON.parse(e.data)); });
      source.addEventListener('alert', () => loadAlerts());
      source.onerror = () => live.classList.add('off');
    }

    document.getElementById('division').addEventListener('change', () => { fitted = false; connect(); loadAlerts(); });
    window.addEventListener('resize', () => { gauge.resize(); domains.resize(); trend.resize(); });
    call('/api/v1/vitals').then((r) => { if (r.ok) render(r.body); });
    loadAlerts();
    connect();
    setInterval(loadAlerts, 15000);
  }

  // alert list
  const list = document.getElementById('alert-list');
  if (list) {
    const body = document.querySelector('#alerts tbody');
    async function load() {
      const r = await call('/api/v1/telemetry/alerts?limit=300');
      if (!r.ok) return;
      body.replaceChildren();
      for (const a of r.body.alerts) {
        const tr = document.createElement('tr');
        tr.dataset.alert = a.id;
        const cells = [a.id, ROMAN[a.severity], a.status, a.sensorId, a.message, new Date(a.raisedAt).toLocaleString(),
          a.caseId ? a.caseId + (a.caseNote ? ' (' + a.caseNote + ')' : '') : ''];
        cells.forEach((c, i) => {
          const td = document.createElement('td');
          if (i === 3) {
            const link = document.createElement('a');
            link.href = '/vitals/sensors/' + encodeURIComponent(a.sensorId);
            link.textContent = c;
            td.appendChild(link);
          } else {
            td.textContent = c;
          }
          if (i === 1) td.className = 'sev-' + a.severity;
          tr.appendChild(td);
        });
        const td = document.createElement('td');
        if (a.status === 'raised') {
          const b = document.createElement('button');
          b.type = 'button';
          b.className = 'ack';
          b.textContent = list.dataset.msgAck;
          b.addEventListener('click', async () => {
            b.disabled = true;
            await call('/api/v1/telemetry/alerts/' + a.id + '/acknowledge', 'POST');
            load();
          });
          td.appendChild(b);
        }
        tr.appendChild(td);
        body.appendChild(tr);
      }
    }
    load();
    setInterval(load, 10000);
  }

  // alert rules: the list for every reader, the form and the switches for the system administrator
  const rulesPage = document.getElementById('rules-page');
  if (rulesPage) {
    const msg = rulesPage.dataset;
    const manage = msg.manage === 'true';
    const body = document.querySelector('#rules tbody');
    const form = document.getElementById('rule-form');

    function show(el, problem) {
      if (!el) return;
      el.hidden = !problem;
      el.textContent = problem ? (problem.detail || problem.title || String(problem)) : '';
    }

    function dir(d) {
      return d === 'below' ? msg.msgBelow : msg.msgAbove;
    }

    function condition(r) {
      switch (r.kind) {
        case 'threshold':
          return dir(r.direction) + ' ' + r.limit + (r.minDurationSeconds ? ' ≥ ' + r.minDurationSeconds + ' s' : '');
        case 'rate':
          return msg.msgDrop.replace('{0}', r.dropPercent).replace('{1}', r.windowSeconds);
        case 'stale':
          return msg.msgStale.replace('{0}', r.staleIntervals);
        case 'composite':
          return dir(r.direction) + ' ' + r.limit + ' + ' + r.otherType + ' ' + dir(r.otherDirection) + ' ' + r.otherLimit
            + ' (' + (r.radiusMetres > 0 ? msg.msgWithin.replace('{0}', r.radiusMetres) : msg.msgSameAsset) + ')';
        default:
          return r.kind;
      }
    }

    function cell(tr, value) {
      const td = document.createElement('td');
      td.textContent = value == null ? '' : value;
      tr.appendChild(td);
      return td;
    }

    async function load() {
      const r = await call('/api/v1/telemetry/rules');
      if (!r.ok) {
        show(document.getElementById('rules-problem'), r.body);
        return;
      }
      body.replaceChildren();
      for (const rule of r.body.rules.slice().sort((a, b) => a.id - b.id)) {
        const tr = document.createElement('tr');
        tr.id = 'rule-' + rule.id;
        tr.dataset.enabled = rule.enabled;
        cell(tr, rule.id);
        cell(tr, rule.name);
        cell(tr, rule.sensorType + (rule.assetType ? ' @ ' + rule.assetType + '/' + rule.assetId : ''));
        cell(tr, rule.kind);
        cell(tr, condition(rule));
        cell(tr, ROMAN[rule.severity] || rule.severity);
        cell(tr, rule.category);
        cell(tr, rule.enabled ? msg.msgOn : msg.msgOff);
        const td = cell(tr, '');
        if (manage) {
          const edit = document.createElement('button');
          edit.type = 'button';
          edit.className = 'edit';
          edit.textContent = msg.msgEdit;
          edit.addEventListener('click', () => startEditing(rule));
          td.appendChild(edit);
          const b = document.createElement('button');
          b.type = 'button';
          b.className = 'toggle';
          b.textContent = rule.enabled ? msg.msgDisable : msg.msgEnable;
          b.addEventListener('click', async () => {
            b.disabled = true;
            const res = await call('/api/v1/telemetry/rules/' + rule.id + (rule.enabled ? '/disable' : '/enable'), 'POST');
            show(document.getElementById('rules-problem'), res.ok ? null : res.body);
            load();
          });
          td.appendChild(b);
        }
        body.appendChild(tr);
      }
    }

    // the rule being changed, or null when the form writes a new one
    let editing = null;

    function startEditing(rule) {
      editing = rule;
      form.reset();
      form.querySelectorAll('input, select').forEach((el) => {
        if (!el.name) return;
        if (el.type === 'checkbox') el.checked = rule.enabled;
        else if (rule[el.name] != null) el.value = String(rule[el.name]);
      });
      if (!rule.radiusMetres) document.getElementById('rule-radiusMetres').value = '';
      kindChanged();
      text(document.getElementById('rule-form-title'), msg.msgEdit + ' #' + rule.id);
      text(document.getElementById('rule-submit'), msg.msgSave);
      document.getElementById('rule-cancel').hidden = false;
      form.scrollIntoView();
    }

    function stopEditing() {
      editing = null;
      form.reset();
      kindChanged();
      text(document.getElementById('rule-form-title'), msg.msgNew);
      text(document.getElementById('rule-submit'), msg.msgCreate);
      document.getElementById('rule-cancel').hidden = true;
    }

    function kindChanged() {
      const kind = document.getElementById('rule-kind').value;
      form.querySelectorAll('[data-kinds]').forEach((el) => {
        el.hidden = !el.dataset.kinds.split(' ').includes(kind);
      });
    }

    if (form) {
      document.getElementById('rule-kind').addEventListener('change', kindChanged);
      document.getElementById('rule-cancel').addEventListener('click', stopEditing);
      kindChanged();
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const kind = document.getElementById('rule-kind').value;
        const rule = {};
        form.querySelectorAll('input, select').forEach((el) => {
          const scope = el.closest('[data-kinds]');
          if (!el.name || (scope && !scope.dataset.kinds.split(' ').includes(kind))) return;
          if (el.type === 'checkbox') rule[el.name] = el.checked;
          else if (el.hasAttribute('data-number')) {
            if (el.value.trim() !== '') rule[el.name] = Number(el.value.trim());
          } else if (el.name === 'severity') rule[el.name] = Number(el.value);
          else if (el.value.trim() !== '') rule[el.name] = el.value.trim();
        });
        form.querySelectorAll('.invalid').forEach((el) => el.classList.remove('invalid'));
        const submit = document.getElementById('rule-submit');
        submit.disabled = true;
        const changing = editing;
        if (changing && changing.assetType) {
          rule.asset = { type: changing.assetType, id: changing.assetId }; // the page keeps an asset override as it is
        }
        const res = changing
          ? await call('/api/v1/telemetry/rules/' + changing.id, 'PUT', rule)
          : await call('/api/v1/telemetry/rules', 'POST', rule);
        submit.disabled = false;
        show(document.getElementById('rule-problem'), res.ok ? null : res.body);
        const notice = document.getElementById('rule-notice');
        notice.hidden = !res.ok;
        if (res.ok) {
          notice.textContent = (changing ? msg.msgSaved : msg.msgCreated) + ' #' + res.body.id;
          stopEditing();
          load();
        } else {
          for (const v of res.body.errors || []) {
            const field = form.querySelector('[name="' + String(v.field).split('.')[0] + '"]');
            if (field) field.classList.add('invalid');
          }
        }
      });
    }
    load();
  }

  // sensor page
  const page = document.getElementById('sensor-page');
  if (page) {
    const id = page.dataset.sensor;
    const chart = echarts.init(document.getElementById('series'));
    async function load() {
      const s = await call('/api/v1/telemetry/sensors/' + encodeURIComponent(id));
      if (s.ok) text(document.getElementById('latest'), s.body.latestValue == null ? '–' : s.body.latestValue + ' ' + page.dataset.unit);
      const r = await call('/api/v1/telemetry/sensors/' + encodeURIComponent(id) + '/series?step=5m');
      if (r.ok) {
        const pts = r.body.points;
        chart.setOption({ tooltip: { trigger: 'axis' }, grid: { left: 50, right: 10, top: 10, bottom: 30 },
          xAxis: { type: 'time' }, yAxis: { type: 'value', name: page.dataset.unit },
          series: [
            { type: 'line', name: 'mean', showSymbol: false, data: pts.map((p) => [p.t, p.mean]) },
            { type: 'line', name: 'max', showSymbol: false, lineStyle: { opacity: 0.4 }, data: pts.map((p) => [p.t, p.max]) },
            { type: 'line', name: 'min', showSymbol: false, lineStyle: { opacity: 0.4 }, data: pts.map((p) => [p.t, p.min]) }] });
      }
      const a = await call('/api/v1/telemetry/alerts?limit=20&sensor=' + encodeURIComponent(id));
      if (a.ok) {
        const ul = document.getElementById('sensor-alerts');
        ul.replaceChildren(...a.body.alerts.map((x) => {
          const li = document.createElement('li');
          li.textContent = '[' + ROMAN[x.severity] + '] ' + x.status + ' ' + x.message + ' ' + new Date(x.raisedAt).toLocaleString();
          return li;
        }));
      }
    }
    window.addEventListener('resize', () => chart.resize());
    load();
    setInterval(load, 30000);
  }
})();
