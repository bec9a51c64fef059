/* Case pages: the desk map, the location picker, the KPI dashboard. */
const CHONGQING = [29.5585, 106.5745];

function colourFor(p) {
  if (p.overdue) return '#c62828';
  if (p.left === null || p.left === undefined) return '#78909c';
  return p.left <= 4 ? '#ef6c00' : '#2e7d32';
}

function casesMap(elementId, points, base) {
  const map = L.map(elementId).setView(CHONGQING, 15);
  const layer = L.featureGroup().addTo(map);
  points.forEach(p => {
    L.circleMarker([p.lat, p.lon], {radius: 8, color: colourFor(p), fillOpacity: 0.8})
      .bindPopup('<a href="' + base + p.id + '">' + p.label.replace(/</g, '&lt;') + '</a>').addTo(layer);
  });
  if (points.length) map.fitBounds(layer.getBounds().pad(0.3), {maxZoom: 17});
}

function casesPicker(elementId, lonId, latId) {
  const lon = document.getElementById(lonId), lat = document.getElementById(latId);
  const start = lat.value && lon.value ? [parseFloat(lat.value), parseFloat(lon.value)] : CHONGQING;
  const map = L.map(elementId).setView(start, 15);
  let marker = null;
  function place(ll) {
    if (marker) marker.setLatLng(ll); else marker = L.marker(ll).addTo(map);
  }
  if (lat.value && lon.value) place(start);
  map.on('click', e => {
    lat.value = e.latlng.lat.toFixed(6);
    lon.value = e.latlng.lng.toFixed(6);
    place(e.latlng);
  });
}

function casesKpis(formId, chartId, tableId, api, labels) {
  const form = document.getElementById(formId);
  const chart = echarts.init(document.getElementById(chartId));
  const pct = x => (x * 100).toFixed(1) + '%';
  function load() {
    const q = new URLSearchParams(new FormData(form));
    for (const [k, v] of [...q.entries()]) if (!v) q.delete(k);
    fetch(api + '?' + q, {credentials: 'same-origin'}).then(r => r.json()).then(data => {
      const rows = data.rows || [];
      const names = rows.map(r => labels.zh ? r.name : r.nameEn);
      chart.setOption({
        tooltip: {trigger: 'axis'}, legend: {}, grid: {containLabel: true},
        xAxis: {type: 'category', data: names, axisLabel: {rotate: 30}},
        yAxis: [{type: 'value'}, {type: 'value', max: 1, axisLabel: {formatter: v => (v * 100) + '%'}}],
        series: [
          {name: labels.filed, type: 'bar', data: rows.map(r => r.filed)},
          {name: labels.closed, type: 'bar', data: rows.map(r => r.closed)},
          {name: labels.ontime, type: 'line', yAxisIndex: 1, data: rows.map(r => r.onTimeClosureRate)}]
      }, true);
      const body = document.querySelector('#' + tableId + ' tbody');
      body.innerHTML = '';
      rows.forEach((r, i) => {
        const tr = document.createElement('tr');
        [names[i], r.filed, r.closed, pct(r.closureRate), pct(r.onTimeClosureRate),
          r.meanHandlingWorkingHours == null ? '—' : r.meanHandlingWorkingHours.toFixed(2), pct(r.responseRate),
          r.meanSatisfaction == null ? '—' : r.meanSatisfaction.toFixed(2)].forEach(v => {
          const td = document.createElement('td');
          td.textContent = v;
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    });
  }
  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  window.addEventListener('resize', () => chart.resize());
  load();
}
