// The console's map: the city's divisions drawn from the platform's own vector layers (no external
// tiles), one level at a time by zoom, click to inspect, and a box to locate a coordinate.
(function () {
  'use strict';
  const el = document.getElementById('map');
  const msg = (key) => el.dataset['msg' + key.charAt(0).toUpperCase() + key.slice(1)] || key;
  const english = document.documentElement.lang.startsWith('en');
  const nameOf = (d) => (english && d.nameEn) ? d.nameEn : d.name;

  // Which level the map shows at which zoom (see MapLayers.tolerance for the simplification).
  const LEVELS = [
    { level: 'district', maxZoom: 10, style: { color: '#1f4e79', weight: 2, fillColor: '#cfe0f1', fillOpacity: 0.35 } },
    { level: 'street', maxZoom: 12, style: { color: '#2e7d32', weight: 1.5, fillColor: '#dcedc8', fillOpacity: 0.3 } },
    { level: 'community', maxZoom: 14, style: { color: '#8d6e63', weight: 1, fillColor: '#f3e5d8', fillOpacity: 0.3 } },
    { level: 'grid', maxZoom: 30, style: { color: '#6a1b9a', weight: 0.8, fillColor: '#ede7f6', fillOpacity: 0.25 } }
  ];
  const levelFor = (zoom) => LEVELS.find((l) => zoom <= l.maxZoom);

  const map = L.map('map', { zoomControl: true, preferCanvas: true, attributionControl: false });
  map.getContainer().style.background = '#f4f6f8';
  const water = L.geoJSON(null, { style: { color: '#4f8fc0', weight: 1, fillColor: '#a9d0ee', fillOpacity: 0.9 }, interactive: false }).addTo(map);
  const districts = L.geoJSON(null, { style: Object.assign({}, LEVELS[0].style, { fillOpacity: 0 }), interactive: false }).addTo(map);
  let detail = L.geoJSON(null).addTo(map);
  let marker = null;
  let request = 0;

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const body = await response.json().catch(() => ({}));
    return { ok: response.ok, status: response.status, body };
  }

  function bboxParam() {
    const b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(',');
  }

  async function refresh() {
    const current = levelFor(map.getZoom());
    // district outlines are simplified for the city-wide view; closer in they would cut across grids
    if (map.getZoom() <= LEVELS[1].maxZoom) districts.addTo(map); else map.removeLayer(districts);
    const mine = ++request;
    const url = '/api/v1/console/map-layer?level=' + current.level + (current.level === 'district' ? '' : '&bbox=' + bboxParam());
    const { ok, body } = await getJson(url);
    if (!ok || mine !== request) return;
    map.removeLayer(detail);
    detail = L.geoJSON(body, {
      style: current.style,
      onEachFeature: (feature, layer) => layer.on('click', (e) => locate(e.latlng.lng, e.latlng.lat, 'wgs84', false))
    }).addTo(map);
    document.getElementById('map-level').textContent =
      msg('showing').replace('{0}', msg(current.level)).replace('{1}', body.features.length);
    el.dataset.level = current.level;
    el.dataset.features = body.features.length;
  }

  function show(result) {
    const box = document.getElementById('locate-result');
    box.hidden = false;
    box.replaceChildren();
    const rows = [['grid', result.grid], ['community', result.community], ['street', result.street], ['district', result.district]];
    const dl = document.createElement('dl');
    for (const [level, d] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = msg(level);
      const dd = document.createElement('dd');
      dd.id = 'result-' + level;
      dd.textContent = nameOf(d) + ' (' + d.code + ')';
      dl.append(dt, dd);
    }
    box.append(dl);
  }

  function problem(text) {
    const box = document.getElementById('locate-result');
    box.hidden = false;
    box.replaceChildren();
    const p = document.createElement('p');
    p.className = 'error';
    p.id = 'result-error';
    p.textContent = text;
    box.append(p);
  }

  async function locate(lon, lat, crs, fly) {
    const { ok, status, body } = await getJson('/api/v1/geo/locate?lon=' + encodeURIComponent(lon) +
      '&lat=' + encodeURIComponent(lat) + '&crs=' + encodeURIComponent(crs));
    if (!ok) {
      problem(status === 404 ? msg('outside') : (body.detail || msg('invalid')));
      return;
    }
    show(body);
    if (crs === 'wgs84') {
      if (marker) map.removeLayer(marker);
      marker = L.circleMarker([lat, lon], { radius: 7, color: '#c62828', weight: 3 }).addTo(map);
      if (fly) map.setView([lat, lon], 16);
    }
  }

  document.getElementById('locate-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const lon = document.getElementById('locate-lon').value.trim();
    const lat = document.getElementById('locate-lat').value.trim();
    const crs = document.getElementById('locate-crs').value;
    if (!/^-?\d+(\.\d+)?$/.test(lon) || !/^-?\d+(\.\d+)?$/.test(lat)) {
      problem(msg('invalid'));
      return;
    }
    locate(parseFloat(lon), parseFloat(lat), crs, true);
  });

  async function start() {
    const { ok, body } = await getJson('/api/v1/console/map-layer?level=district');
    if (ok && body.features.length > 0) {
      districts.addData(body);
      map.fitBounds(districts.getBounds());
    } else {
      map.setView([29.56, 106.55], 10);
    }
    const landscape = await getJson('/api/v1/citymodel/landscape');
    if (landscape.ok && landscape.body.features) {
      water.addData(landscape.body);
      water.bringToBack();
    }
    map.on('moveend', refresh);
    refresh();
    el.dataset.ready = 'true';
  }
  start();
})();
