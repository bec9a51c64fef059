// The assets page: asset layers from the registry's index (only what is in view; counts per cell
// when a layer has too much there), an inspector, the excavation tool (click corners, check) and the
// isolation tool (click a segment: the valves to close and what is cut off).
(function () {
  'use strict';
  const el = document.getElementById('map');
  const msg = (key) => el.dataset['msg' + key.charAt(0).toUpperCase() + key.slice(1)] || key;
  const status = document.getElementById('status');
  const COLORS = {
    'water-supply': '#1e88e5', 'rain-drainage': '#26a69a', sewage: '#8d6e63', gas: '#f9a825',
    heat: '#e53935', power: '#8e24aa', telecom: '#43a047'
  };
  const AREA_STYLE = {
    parks: { color: '#2e7d32', weight: 1, fillColor: '#a5d6a7', fillOpacity: 0.5 },
    parcels: { color: '#9e9e9e', weight: 0.6, fillColor: '#eeeeee', fillOpacity: 0.15 },
    'renewal-projects': { color: '#d84315', weight: 1.5, dashArray: '4 3', fillColor: '#ffccbc', fillOpacity: 0.35 }
  };
  const renderer = L.canvas({ tolerance: 6 });
  const map = L.map('map', { preferCanvas: true, renderer, attributionControl: false });
  map.getContainer().style.background = '#f4f6f8';
  const layers = {};
  let mode = null;
  let digPoints = [];
  const digLayer = L.layerGroup().addTo(map);
  const resultLayer = L.layerGroup().addTo(map);
  const requests = {};

  function csrf() {
    const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
    return m ? decodeURIComponent(m[1]) : '';
  }

  async function call(url, body) {
    const init = { credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.method = 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.headers['X-XSRF-TOKEN'] = csrf();
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    const json = await response.json().catch(() => ({}));
    return { ok: response.ok, body: json };
  }

  function bboxParam() {
    const b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(',');
  }

  function checked() {
    return [...document.querySelectorAll('#layers input:checked')].map((i) => i.value);
  }

  function styleOf(id, feature) {
    if (AREA_STYLE[id]) return AREA_STYLE[id];
    const p = feature.properties;
    return { color: COLORS[p.utility] || '#555', weight: p.diameterMm >= 400 ? 3 : 2, opacity: 0.9 };
  }

  async function refreshLayer(id) {
    const mine = (requests[id] = (requests[id] || 0) + 1);
    const { ok, body } = await call('/api/v1/assets/map/' + id + '?bbox=' + bboxParam());
    if (!ok || mine !== requests[id]) return;
    if (layers[id]) map.removeLayer(layers[id]);
    if (body.aggregated) {
      layers[id] = L.layerGroup(body.clusters.map((c) => L.marker([c.lat, c.lon], {
        icon: L.divIcon({ className: 'asset-cluster', html: String(c.count), iconSize: [30, 30] }), interactive: false
      }))).addTo(map);
      status.textContent = msg('aggregated');
    } else {
      layers[id] = L.geoJSON(body, {
        renderer,
        style: (f) => styleOf(id, f),
        pointToLayer: (f, latlng) => L.circleMarker(latlng, {
          renderer, radius: 4, weight: 1, color: '#333',
          fillColor: id === 'components' ? '#ffb300' : (f.properties.kind === 'valve' ? '#c62828' : '#90a4ae'),
          fillOpacity: 0.9
        }),
        onEachFeature: (f, layer) => layer.on('click', (e) => {
          L.DomEvent.stopPropagation(e);
          featureClicked(id, f, e);
        })
      }).addTo(map);
    }
    el.dataset['layer' + id.replace(/-./g, (s) => s.charAt(1).toUpperCase()).replace(/^./, (s) => s.toUpperCase())] =
      body.aggregated ? 'aggregated' : String(body.features.length);
  }

  function refresh() {
    Object.keys(layers).forEach((id) => {
      if (!checked().includes(id)) {
        map.removeLayer(layers[id]);
        delete layers[id];
      }
    });
    checked().forEach(refreshLayer);
  }

  function table(rows) {
    const t = document.createElement('table');
    rows.forEach(([k, v]) => {
      const tr = t.insertRow();
      const th = document.createElement('th');
      th.textContent = k;
      tr.appendChild(th);
      tr.insertCell().textContent = Array.isArray(v) ? v.join(', ') : String(v);
    });
    return t;
  }

  function inspect(id, f) {
    const box = document.getElementById('inspector');
    box.hidden = false;
    const h = document.createElement('h2');
    h.textContent = id + ' ' + f.id;
    box.replaceChildren(h, table(Object.entries(f.properties)));
  }

  function featureClicked(id, f, e) {
    if (mode === 'isolation' && id === 'pipe-segments') {
      isolate(f.id);
    } else if (mode === 'excavation') {
      addCorner(e.latlng);
    } else {
      inspect(id, f);
    }
  }

  function setMode(next) {
    mode = mode === next ? null : next;
    document.getElementById('tool-excavation').classList.toggle('active', mode === 'excavation');
    document.getElementById('tool-isolation').classList.toggle('active', mode === 'isolation');
    document.getElementById('excavation-panel').hidden = mode !== 'excavation';
    document.getElementById('isolation-panel').hidden = mode !== 'isolation';
    el.dataset.mode = mode || '';
    if (mode === 'isolation' && !checked().includes('pipe-segments')) {
      document.querySelector('#layers input[value="pipe-segments"]').checked = true;
      refresh();
    }
  }

  function addCorner(latlng) {
    digPoints.push([latlng.lng, latlng.lat]);
    digLayer.clearLayers();
    L.polygon(digPoints.map(([x, y]) => [y, x]), { color: '#c62828', weight: 2, dashArray: '5 4' }).addTo(digLayer);
    el.dataset.corners = String(digPoints.length);
  }

  function list(title, items) {
    const h = document.createElement('h3');
    h.textContent = title + ' (' + items.length + ')';
    const ul = document.createElement('ul');
    if (items.length === 0) {
      const li = document.createElement('li');
      li.textContent = msg('none');
      ul.appendChild(li);
    }
    items.slice(0, 50).forEach((text) => {
      const li = document.createElement('li');
      li.textContent = text;
      ul.appendChild(li);
    });
    return [h, ul];
  }

  async function excavate() {
    if (digPoints.length < 3) {
      status.textContent = msg('corners');
      return;
    }
    const ring = digPoints.concat([digPoints[0]]);
    const depth = parseFloat(document.getElementById('dig-depth').value);
    const { ok, body } = await call('/api/v1/assets/analysis/excavation',
      { polygon: { type: 'Polygon', coordinates: [ring] }, depth });
    const box = document.getElementById('result');
    box.hidden = false;
    resultLayer.clearLayers();
    if (!ok) {
      box.textContent = msg('error') + ': ' + (body.detail || '');
      return;
    }
    body.segments.forEach((s) => L.geoJSON(s.geometry, { renderer, style: { color: '#c62828', weight: 5 } }).addTo(resultLayer));
    body.components.forEach((c) => L.circleMarker([c.lat, c.lon], { renderer, radius: 6, color: '#c62828' }).addTo(resultLayer));
    box.replaceChildren(
      ...list(msg('segments'), body.segments.map((s) => s.id + ' ' + s.utility + ' Ø' + s.diameterMm + ' '
        + s.depthM + ' m · ' + s.distanceM + ' m / ' + s.safetyDistanceM + ' m')),
      ...list(msg('components'), body.components.map((c) => c.code + ' ' + c.status + ' · ' + c.distanceM + ' m')),
      ...list(msg('operators'), body.operators.map((o) => (document.documentElement.lang.startsWith('en') ? o.nameEn : o.name)
        + (o.branch ? ' / ' + o.branch : '') + ' (' + o.utilities.join(', ') + ')')));
    el.dataset.excavationSegments = String(body.segments.length);
    el.dataset.excavationOperators = body.operators.map((o) => o.code).join(',');
  }

  async function isolate(segmentId) {
    const { ok, body } = await call('/api/v1/assets/analysis/isolation', { segmentId });
    const box = document.getElementById('result');
    box.hidden = false;
    resultLayer.clearLayers();
    if (!ok) {
      box.textContent = msg('error') + ': ' + (body.detail || '');
      return;
    }
    L.geoJSON(body.cutOffArea, { renderer, style: { color: '#ef6c00', weight: 5, opacity: 0.8 } }).addTo(resultLayer);
    body.valves.forEach((v) => L.circleMarker([v.lat, v.lon], { renderer, radius: 8, color: '#b71c1c', fillColor: '#ff5252', fillOpacity: 1 }).addTo(resultLayer));
    box.replaceChildren(
      ...list(msg('valves'), body.valves.map((v) => v.id + ' (' + v.lon.toFixed(5) + ', ' + v.lat.toFixed(5) + ')')),
      ...list(msg('cutoff'), body.cutOffSegments.map(String)),
      Object.assign(document.createElement('h3'), { textContent: msg('customers') + ': ' + body.customerConnections }),
      ...list(msg('communities'), body.byCommunity.map((c) => (c.name || c.community) + ': ' + c.customers)));
    el.dataset.isolationSegment = String(segmentId);
    el.dataset.isolationValves = body.valves.map((v) => v.id).join(',');
    el.dataset.isolationCutOff = String(body.cutOffSegments.length);
  }

  document.querySelectorAll('#layers input').forEach((i) => i.addEventListener('change', refresh));
  document.getElementById('tool-excavation').addEventListener('click', () => setMode('excavation'));
  document.getElementById('tool-isolation').addEventListener('click', () => setMode('isolation'));
  document.getElementById('dig-check').addEventListener('click', excavate);
  document.getElementById('dig-clear').addEventListener('click', () => {
    digPoints = [];
    digLayer.clearLayers();
    resultLayer.clearLayers();
    el.dataset.corners = '0';
  });
  map.on('click', (e) => { if (mode === 'excavation') addCorner(e.latlng); });
  map.on('moveend', refresh);
  window.assetMap = map;

  call('/api/v1/assets/map/extent').then(({ ok, body }) => {
    if (ok && body.bbox && body.bbox.length === 4) {
      const [w, s, e, n] = body.bbox;
      const span = Math.max(e - w, n - s);
      // a city-wide extent opens at the centre, close enough for features rather than counts
      if (span > 0.2) map.setView([(s + n) / 2, (w + e) / 2], 15); else map.fitBounds([[s, w], [n, e]]);
    } else {
      map.setView([29.5630, 106.5516], 14);
    }
    if (ok && !body.ready) status.textContent = msg('loading');
    el.dataset.ready = 'true';
  });
})();
