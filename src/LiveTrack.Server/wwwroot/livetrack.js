// LiveTrack map page. OpenLayers (Canvas 2D, full build from npm `ol`), the official SignalR client (MessagePack
// when offered), an offline Natural Earth basemap (world-atlas + topojson-client) and LiveTrack's REST API.
// State for users debugging and for the page tests: window.livetrack.
(() => {
  'use strict';
  const params = new URLSearchParams(location.search);
  const $ = (id) => document.getElementById(id);
  const BENCH = params.has('bench') ? Math.max(1, Number(params.get('bench')) || 10000) : 0;
  const STALE_MS = 30000;
  const TRAIL_POINTS = 120;
  const TRAIL_MS = 10 * 60 * 1000;
  const MAX_TABLE_ROWS = 300;

  const state = {
    ready: false,
    config: null,
    apiKey: params.get('key') || localStorage.getItem('livetrack.apiKey') || null,
    connection: null,
    protocol: null,
    status: 'connecting',
    reconnects: 0,
    frames: 0,
    lastFrame: null,
    frameMs: [],
    aircraft: new Map(),
    area: null,
    areaSubscription: null,
    selected: null,
    selectedSubscription: null,
    fences: new Map(),
    fencesLoaded: false,
    basemapFeatures: 0,
    timeline: [],
    verdict: null,
    verdictFeatures: 0,
    labelsShown: 0,
    labelsHidden: 0,
    labelBoxes: [],
    lastPng: null,
    bench: null,
    filters: { text: '', military: '', altMin: null, altMax: null, source: '' },
    sort: { key: 'callsign', dir: 1 },
  };
  window.livetrack = state;

  // ---- helpers ---------------------------------------------------------------------------------------------------
  const escape = (text) => (text == null ? '' : String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`));
  const fmt = (v, d) => (v == null ? '' : Number(v).toFixed(d));
  const hhmmss = (t) => new Date(t).toISOString().slice(11, 19) + 'Z';
  const toLonLat = (c) => ol.proj.toLonLat(c);
  const fromLonLat = (lon, lat) => ol.proj.fromLonLat([lon, lat]);
  const altitudeOf = (s) => s.barometricAltitudeFeet ?? s.geometricAltitudeFeet ?? null;
  const isMilitary = (s) => s.military === true;
  const ageSeconds = (t, now) => (t ? Math.max(0, Math.round((now - Date.parse(t)) / 1000)) : null);

  function headers() {
    return state.apiKey ? { 'X-Api-Key': state.apiKey } : {};
  }

  async function api(path) {
    const response = await fetch(path, { headers: headers() });
    if (response.status === 401) { askForKey(); throw new Error('API key needed'); }
    if (!response.ok) {
      let detail = response.statusText;
      try { const body = await response.json(); detail = body.detail || body.title || detail; } catch { /* not JSON */ }
      const error = new Error(`${response.status} ${detail}`);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  function setStatus(stateName, text) {
    state.status = stateName;
    $('status').dataset.state = stateName;
    $('status').textContent = text;
  }

  function showBanner(text) {
    const banner = $('banner');
    if (text) { banner.textContent = text; banner.hidden = false; } else { banner.hidden = true; banner.textContent = ''; }
  }

  function askForKey() {
    const banner = $('banner');
    if (banner.querySelector('form')) { return; }
    banner.hidden = false;
    banner.innerHTML = '<form id="key-form">This server needs an API key for reads: <label class="sr-only" for="key-input">API key</label>' +
      '<input id="key-input" type="password" autocomplete="off"> <button type="submit">Use key</button></form>';
    $('key-form').addEventListener('submit', (e) => {
      e.preventDefault();
      state.apiKey = $('key-input').value.trim();
      localStorage.setItem('livetrack.apiKey', state.apiKey);
      location.reload();
    });
  }

  // ---- tar1090's altitude colour scale ---------------------------------------------------------------------------
  // Hue by barometric altitude: ground grey; 0 ft red-orange, 2,000 ft orange, 10,000 ft green, 40,000 ft magenta.
  const HUE_STOPS = [[0, 18], [2000, 30], [4000, 45], [6000, 55], [8000, 75], [10000, 120], [20000, 180], [30000, 240], [40000, 300], [51000, 355]];
  function hueFor(alt) {
    if (alt <= HUE_STOPS[0][0]) { return HUE_STOPS[0][1]; }
    for (let i = 1; i < HUE_STOPS.length; i++) {
      const [a1, h1] = HUE_STOPS[i];
      if (alt <= a1) {
        const [a0, h0] = HUE_STOPS[i - 1];
        return h0 + ((alt - a0) / (a1 - a0)) * (h1 - h0);
      }
    }
    return HUE_STOPS[HUE_STOPS.length - 1][1];
  }

  function colourFor(s, stale) {
    const alt = altitudeOf(s);
    let h = 0; let sat = 0; let l = 55;
    if (s.onGround) { h = 220; sat = 0; l = 45; } else if (alt != null) { h = hueFor(Math.round(alt / 500) * 500); sat = 88; l = h > 200 && h < 280 ? 62 : 52; }
    if (stale) { sat = Math.max(0, sat - 55); l = Math.min(85, l + 22); }
    return `hsl(${Math.round(h)}, ${sat}%, ${l}%)`;
  }
  state.colourFor = colourFor;

  // ---- map -------------------------------------------------------------------------------------------------------
  const PLANE = 'M16 1.5 L18.3 11.5 L30 18 L30 20.6 L18.4 17.2 L17.9 25.6 L22 28.6 L22 30.4 L16 28.9 L10 30.4 L10 28.6 L14.1 25.6 L13.6 17.2 L2 20.6 L2 18 L13.7 11.5 Z';
  const iconCache = new Map();
  const planePath = new Path2D(PLANE);
  // Each icon (colour, outline, 5° of rotation, scale) is drawn once into a small canvas; a frame then only copies
  // canvases at whole pixels, which software-rendered Chromium does much faster than a transformed draw per aircraft.
  function planeImage(colour, mlat, stale, selected, rotationBucket, ratio) {
    const key = `${colour}|${mlat}|${stale}|${selected}|${rotationBucket}|${ratio}`;
    let canvas = iconCache.get(key);
    if (!canvas) {
      const scale = (selected ? 0.95 : 0.7) * ratio;
      const size = Math.ceil(32 * scale * 1.42) + 2;
      canvas = document.createElement('canvas');
      canvas.width = size; canvas.height = size;
      const ctx = canvas.getContext('2d');
      ctx.translate(size / 2, size / 2);
      ctx.rotate((rotationBucket * 5 * Math.PI) / 180);
      ctx.scale(scale, scale);
      ctx.translate(-16, -16);
      ctx.globalAlpha = stale ? 0.6 : 1;
      ctx.fillStyle = colour;
      ctx.fill(planePath);
      ctx.globalAlpha = 1;
      ctx.lineWidth = selected ? 2 : 1;
      ctx.strokeStyle = selected ? '#ffff00' : mlat ? '#ffffff' : '#000000';
      if (mlat) { ctx.setLineDash([2, 1.5]); }
      ctx.stroke(planePath);
      iconCache.set(key, canvas);
    }
    return canvas;
  }

  // Aircraft are drawn by a custom layer straight from state.aircraft (no OpenLayers feature per aircraft): a hub
  // frame only updates plain objects, and one pass blits a cached, rotated icon per aircraft.
  const aircraftCanvas = document.createElement('canvas');
  aircraftCanvas.className = 'ol-layer livetrack-aircraft';
  aircraftCanvas.style.position = 'absolute';
  aircraftCanvas.style.left = '0';
  aircraftCanvas.style.top = '0';
  const renderMs = [];
  state.renderMs = renderMs;
  function renderAircraft(frameState) {
    const started = performance.now();
    const [w, h] = frameState.size;
    const ratio = frameState.pixelRatio;
    const cw = Math.round(w * ratio); const ch = Math.round(h * ratio);
    if (aircraftCanvas.width !== cw || aircraftCanvas.height !== ch) {
      aircraftCanvas.width = cw; aircraftCanvas.height = ch;
      aircraftCanvas.style.width = w + 'px'; aircraftCanvas.style.height = h + 'px';
    }
    const ctx = aircraftCanvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, cw, ch);
    const m = frameState.coordinateToPixelTransform;
    const viewRotation = frameState.viewState.rotation;
    const now = Date.now();
    const labelsOn = $('layer-labels').checked && (frameState.viewState.zoom >= 8 || state.visibleCount <= 400);
    const labels = [];
    let selectedEntry = null;
    const draw = (entry, px, py) => {
      const s = entry.snap;
      const stale = s.positionAt ? now - Date.parse(s.positionAt) > STALE_MS : false;
      const selected = state.selected === s.icao;
      const degrees = (s.trackDegrees == null ? 0 : s.trackDegrees) + (viewRotation * 180) / Math.PI;
      const bucket = ((Math.round(degrees / 5) % 72) + 72) % 72;
      const img = planeImage(colourFor(s, stale), s.positionSource === 'Mlat', stale, selected, bucket, ratio);
      ctx.drawImage(img, Math.round(px - img.width / 2), Math.round(py - img.height / 2));
    };
    for (const entry of state.aircraft.values()) {
      const c = entry.coord;
      if (!c || !entry.visible) { continue; }
      const px = (m[0] * c[0] + m[2] * c[1] + m[4]) * ratio;
      const py = (m[1] * c[0] + m[3] * c[1] + m[5]) * ratio;
      entry.px = px / ratio; entry.py = py / ratio;
      if (px < -32 || py < -32 || px > cw + 32 || py > ch + 32) { entry.px = null; continue; }
      if (entry.snap.icao === state.selected) { selectedEntry = entry; continue; }
      draw(entry, px, py);
      if (labelsOn) { labels.push(entry); }
    }
    if (selectedEntry) { draw(selectedEntry, selectedEntry.px * ratio, selectedEntry.py * ratio); labels.push(selectedEntry); }
    state.labelsShown = 0; state.labelsHidden = 0; state.labelBoxes = [];
    if (labels.length) {
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.font = '11px ui-monospace, monospace';
      ctx.textAlign = 'center';
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#000000';
      ctx.fillStyle = '#ffffff';
      // Decluttered as OpenLayers declutters feature labels (declutter: true): each label's box goes into an R-tree
      // (ol.structs.RBush) and a label whose box meets one already placed is not drawn. The selected aircraft's
      // label is placed first, so it always shows; the icons are all drawn.
      const placed = new ol.structs.RBush();
      if (selectedEntry) { labels.unshift(labels.pop()); }
      for (const entry of labels) {
        const s = entry.snap;
        const alt = s.onGround ? 'ground' : altitudeOf(s) ?? '';
        const lines = [s.callsign || s.icao, String(alt)];
        const key = lines.join('\n');
        if (entry.labelKey !== key) { entry.labelKey = key; entry.labelWidth = Math.max(...lines.map((l) => ctx.measureText(l).width)); }
        const box = [entry.px - entry.labelWidth / 2 - 2, entry.py + 16, entry.px + entry.labelWidth / 2 + 2, entry.py + 41];
        if (placed.getInExtent(box).length > 0) { state.labelsHidden++; continue; }
        placed.insert(box, entry);
        state.labelsShown++;
        state.labelBoxes.push({ icao: s.icao, box });
        for (const [i, line] of lines.entries()) {
          ctx.strokeText(line, entry.px, entry.py + 26 + i * 12);
          ctx.fillText(line, entry.px, entry.py + 26 + i * 12);
        }
      }
    }
    pushStat(renderMs, performance.now() - started);
    return aircraftCanvas;
  }

  function aircraftAt(pixel) {
    let best = null; let bestDistance = 12;
    for (const entry of state.aircraft.values()) {
      if (entry.px == null || !entry.visible || !entry.coord) { continue; }
      const d = Math.hypot(entry.px - pixel[0], entry.py - pixel[1]);
      if (d < bestDistance) { best = entry; bestDistance = d; }
    }
    return best;
  }

  const fenceStyles = new Map();
  function fenceStyle(feature, resolution) {
    const tags = feature.get('tags') || [];
    const kind = feature.get('kind') || (tags.includes('national-airspace') ? 'national-airspace' : 'drawn');
    const highlighted = feature.getId() === state.highlightFence;
    const key = kind + (highlighted ? '!' : '');
    let base = fenceStyles.get(key);
    if (!base) {
      const colour = kind === 'national-airspace' ? '#4aa3ff' : kind === 'international-waters' ? '#2dd4bf' : '#ffa657';
      base = new ol.style.Style({
        stroke: new ol.style.Stroke({ color: highlighted ? '#ffff00' : colour, width: highlighted ? 3 : 1.6, lineDash: kind === 'international-waters' ? [6, 4] : undefined }),
        fill: new ol.style.Fill({ color: kind === 'national-airspace' ? 'rgba(74,163,255,0.07)' : kind === 'international-waters' ? 'rgba(45,212,191,0.06)' : 'rgba(255,166,87,0.10)' }),
      });
      fenceStyles.set(key, base);
    }
    if (resolution > 6000 && !highlighted) { return base; }
    return [base, new ol.style.Style({
      text: new ol.style.Text({
        text: feature.get('name') || String(feature.getId()), font: '12px system-ui, sans-serif', overflow: false,
        fill: new ol.style.Fill({ color: '#cfe3ff' }), stroke: new ol.style.Stroke({ color: '#0b2239', width: 3 }),
      }),
    })];
  }

  const landSource = new ol.source.Vector();
  const countrySource = new ol.source.Vector();
  const fenceSource = new ol.source.Vector();
  const trailSource = new ol.source.Vector();
  const trackSource = new ol.source.Vector();
  const verdictSource = new ol.source.Vector();

  const tileLayer = new ol.layer.Tile({ visible: false });
  const landLayer = new ol.layer.Vector({ source: landSource, style: new ol.style.Style({ fill: new ol.style.Fill({ color: '#1c2b22' }) }), properties: { name: 'land' } });
  const countryLayer = new ol.layer.Vector({ source: countrySource, style: new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#4d5f55', width: 0.8 }) }), properties: { name: 'countries' } });
  const fenceLayer = new ol.layer.Vector({ source: fenceSource, style: fenceStyle, properties: { name: 'fences' } });
  const trailLayer = new ol.layer.Vector({ source: trailSource, properties: { name: 'trails' } });
  const trackLayer = new ol.layer.Vector({ source: trackSource, properties: { name: 'track' } });
  const verdictLayer = new ol.layer.Vector({ source: verdictSource, properties: { name: 'verdict' }, zIndex: 5 });
  const aircraftLayer = new ol.layer.Layer({ render: renderAircraft, properties: { name: 'aircraft' }, zIndex: 10 });

  const startLat = Number(params.get('lat'));
  const startLon = Number(params.get('lon'));
  const startZoom = Number(params.get('zoom'));
  const hasStart = params.has('lat') && params.has('lon') && Number.isFinite(startLat) && Number.isFinite(startLon);
  const map = new ol.Map({
    target: 'map',
    layers: [tileLayer, landLayer, countryLayer, fenceLayer, trailLayer, trackLayer, verdictLayer, aircraftLayer],
    view: new ol.View({
      center: hasStart ? fromLonLat(startLon, startLat) : fromLonLat(-110.5, 26.5),
      zoom: params.has('zoom') && Number.isFinite(startZoom) ? startZoom : 6,
      maxZoom: 16,
    }),
    controls: ol.control.defaults.defaults({ attribution: false }).extend([new ol.control.ScaleLine({ units: 'nautical' })]),
  });
  state.map = map;
  state.layers = { land: landLayer, countries: countryLayer, fences: fenceLayer, aircraft: aircraftLayer, track: trackLayer, verdict: verdictLayer, trails: trailLayer };

  function pushStat(list, value) {
    list.push(value);
    if (list.length > 2000) { list.shift(); }
  }

  // ---- offline basemap -------------------------------------------------------------------------------------------
  async function loadBasemap() {
    const geojson = new ol.format.GeoJSON({ featureProjection: 'EPSG:3857' });
    const [land, countries, atlas] = await Promise.all([
      fetch('lib/world-atlas/land-50m.json').then((r) => r.json()),
      fetch('lib/world-atlas/countries-50m.json').then((r) => r.json()),
      fetch('lib/world-atlas/package.json').then((r) => r.json()).catch(() => null),
    ]);
    landSource.addFeatures(geojson.readFeatures(topojson.feature(land, land.objects.land)));
    countrySource.addFeatures(geojson.readFeatures(topojson.mesh(countries, countries.objects.countries, (a, b) => a !== b)));
    state.basemapFeatures = landSource.getFeatures().length + countrySource.getFeatures().length;
    if (atlas) { $('basemap-attribution').textContent = `Basemap: Natural Earth (public domain), 1:50m, via world-atlas v${atlas.version}`; }
  }

  function applyConfig(config) {
    state.config = config;
    if (config.tileUrl) {
      tileLayer.setSource(new ol.source.XYZ({ url: config.tileUrl, crossOrigin: 'anonymous' }));
      tileLayer.setVisible($('layer-tiles').checked);
      landLayer.setVisible(!$('layer-tiles').checked);
      if (config.tileAttribution) { $('tile-attribution').textContent = 'Tiles: ' + config.tileAttribution; $('tile-attribution').hidden = false; }
    }
  }

  // ---- fences ----------------------------------------------------------------------------------------------------
  async function loadFences() {
    const geojson = new ol.format.GeoJSON({ featureProjection: 'EPSG:3857' });
    fenceSource.clear();
    state.fences.clear();
    let cursor = null;
    do {
      const page = await api('api/geofences?limit=1000' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
      const features = geojson.readFeatures({ type: 'FeatureCollection', features: page.features });
      for (const f of features) { state.fences.set(String(f.getId()), f); }
      fenceSource.addFeatures(features);
      cursor = page.next;
    } while (cursor);
    state.fencesLoaded = true;
    renderFenceList();
    fillFenceSelect();
    const fence = params.get('fence');
    if (fence && state.fences.has(fence)) { highlightFence(fence, !hasStart); }
  }

  function provenanceText(f) {
    const p = f.get('provenance');
    if (!p) { return 'drawn fence'; }
    return `${p.attribution || ''} · ${p.dataset || ''} ${p.package ? p.package + ' v' + p.packageVersion : ''} · ${p.licence || ''}` +
      (f.get('toleranceNm') != null ? ` · tolerance ${f.get('toleranceNm')} nm` : '') + (p.importedAt ? ` · imported ${p.importedAt}` : '');
  }

  function renderFenceList() {
    const list = $('fence-list');
    list.innerHTML = '';
    for (const [id, f] of state.fences) {
      const li = document.createElement('li');
      li.dataset.fence = id;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = f.get('name') || id;
      button.addEventListener('click', () => highlightFence(id, true));
      li.append(button, ` ${id} — ${provenanceText(f)}`);
      list.append(li);
    }
  }

  function fillFenceSelect() {
    const select = $('verdict-fence');
    const current = select.value;
    select.innerHTML = [...state.fences].map(([id, f]) => `<option value="${escape(id)}">${escape(f.get('name') || id)}</option>`).join('');
    if (current && state.fences.has(current)) { select.value = current; }
    if (params.get('fence') && state.fences.has(params.get('fence'))) { select.value = params.get('fence'); }
  }

  function highlightFence(id, zoom) {
    state.highlightFence = id;
    fenceSource.changed();
    const f = state.fences.get(id);
    if (f && zoom) { map.getView().fit(f.getGeometry().getExtent(), { padding: [40, 40, 40, 40], maxZoom: 10, duration: 0 }); }
    updateUrl();
  }

  // ---- live traffic ----------------------------------------------------------------------------------------------
  function passes(s) {
    const f = state.filters;
    if (f.text) {
      const t = f.text;
      if (!((s.icao && s.icao.includes(t)) || (s.callsign && s.callsign.toLowerCase().includes(t)) ||
        (s.registration && s.registration.toLowerCase().includes(t)) || (s.typeCode && s.typeCode.toLowerCase().includes(t)))) { return false; }
    }
    if (f.military === 'only' && !isMilitary(s)) { return false; }
    if (f.military === 'none' && isMilitary(s)) { return false; }
    if (f.altMin != null || f.altMax != null) {
      const alt = s.onGround ? 0 : altitudeOf(s);
      if (alt == null) { return false; }
      if (f.altMin != null && alt < f.altMin) { return false; }
      if (f.altMax != null && alt > f.altMax) { return false; }
    }
    if (f.source && s.positionSource !== f.source) { return false; }
    return true;
  }

  function insideArea(s) {
    const a = state.area;
    if (!a || s.latitude == null) { return true; }
    if (s.latitude < a[1] || s.latitude > a[3]) { return false; }
    return a[0] <= a[2] ? s.longitude >= a[0] && s.longitude <= a[2] : s.longitude >= a[0] || s.longitude <= a[2];
  }

  function upsert(s) {
    let entry = state.aircraft.get(s.icao);
    if (!entry) {
      entry = { snap: s, coord: null, trail: [], visible: true, px: null, py: null };
      state.aircraft.set(s.icao, entry);
    }
    entry.snap = s;
    entry.visible = passes(s);
    if (s.latitude == null || s.longitude == null) { return; }
    const coord = fromLonLat(s.longitude, s.latitude);
    entry.coord = coord;
    const t = s.positionAt ? Date.parse(s.positionAt) : Date.now();
    const last = entry.trail[entry.trail.length - 1];
    if (!last || last[2] !== t) {
      entry.trail.push([coord[0], coord[1], t, altitudeOf(s)]);
      while (entry.trail.length > TRAIL_POINTS || (entry.trail.length > 1 && t - entry.trail[0][2] > TRAIL_MS)) { entry.trail.shift(); }
    }
  }

  function remove(icao) {
    const entry = state.aircraft.get(icao);
    if (!entry) { return; }
    state.aircraft.delete(icao);
    if (entry.trailFeature) { trailSource.removeFeature(entry.trailFeature); }
  }

  function onFrame(frame) {
    const started = performance.now();
    state.frames++;
    state.lastFrame = frame;
    for (const s of frame.aircraft) {
      if (s.icao !== state.selected && s.latitude != null && !insideArea(s)) { remove(s.icao); continue; }
      upsert(s);
    }
    for (const icao of frame.lost || []) { if (icao !== state.selected) { remove(icao); } }
    aircraftLayer.changed();
    for (const e of frame.events || []) { addTimeline(eventItem(e), true); }
    for (const a of frame.alerts || []) { addTimeline(alertItem(a), true); }
    if (state.selected && frame.aircraft.some((s) => s.icao === state.selected)) { extendSelectedTrack(); }
    pushStat(state.frameMs, performance.now() - started);
    scheduleTable();
  }
  state.onFrame = onFrame;
  // Where the page draws an aircraft, as [lon, lat] (null when it has no position): for tests and debugging.
  state.positionOf = (icao) => { const entry = state.aircraft.get(icao); return entry && entry.coord ? toLonLat(entry.coord) : null; };

  function updateTrails() {
    const all = $('layer-trails').checked;
    for (const entry of state.aircraft.values()) {
      const show = (all && entry.visible) && entry.trail.length > 1;
      if (show) {
        const coords = entry.trail.map((p) => [p[0], p[1]]);
        if (!entry.trailFeature) {
          entry.trailFeature = new ol.Feature(new ol.geom.LineString(coords));
          entry.trailFeature.setStyle(new ol.style.Style({ stroke: new ol.style.Stroke({ color: colourFor(entry.snap, false), width: 1.5 }) }));
          trailSource.addFeature(entry.trailFeature);
        } else { entry.trailFeature.getGeometry().setCoordinates(coords); }
      } else if (entry.trailFeature) {
        trailSource.removeFeature(entry.trailFeature);
        entry.trailFeature = null;
      }
    }
  }

  // ---- table -----------------------------------------------------------------------------------------------------
  let tableTimer = null;
  function scheduleTable() {
    if (tableTimer) { return; }
    tableTimer = setTimeout(() => { tableTimer = null; renderTable(); if ($('layer-trails').checked) { updateTrails(); } }, 500);
  }

  function sortValue(s, key, now) {
    switch (key) {
      case 'altitude': return s.onGround ? 0 : altitudeOf(s);
      case 'age': return s.positionAt ? now - Date.parse(s.positionAt) : null;
      case 'callsign': return s.callsign || null;
      default: return s[key] ?? null;
    }
  }

  function renderTable() {
    const now = Date.now();
    let visible = 0;
    const rows = [];
    for (const entry of state.aircraft.values()) {
      entry.visible = passes(entry.snap);
      if (entry.visible) { visible++; rows.push(entry.snap); }
    }
    state.visibleCount = visible;
    aircraftLayer.changed();
    $('count').textContent = state.aircraft.size;
    $('frames').textContent = state.frames;
    $('filter-count').textContent = `${visible} shown of ${state.aircraft.size}`;
    if ($('view-traffic').hidden) { return; }
    const { key, dir } = state.sort;
    rows.sort((p, q) => {
      const a = sortValue(p, key, now); const b = sortValue(q, key, now);
      if (a == null && b == null) { return p.icao < q.icao ? -1 : 1; }
      if (a == null) { return 1; }
      if (b == null) { return -1; }
      return (a < b ? -1 : a > b ? 1 : 0) * dir;
    });
    const html = [];
    for (const s of rows.slice(0, MAX_TABLE_ROWS)) {
      const age = ageSeconds(s.positionAt || s.lastSeen, now);
      const stale = age != null && age * 1000 > STALE_MS;
      const alt = s.onGround ? 'ground' : altitudeOf(s) ?? '';
      html.push(`<tr tabindex="0" data-icao="${escape(s.icao)}" class="${isMilitary(s) ? 'military' : ''}${stale ? ' stale' : ''}"${state.selected === s.icao ? ' aria-selected="true"' : ''}>` +
        `<td><span class="swatch" style="background:${colourFor(s, stale)}"></span>${escape(s.icao)}</td><td>${escape(s.callsign)}</td>` +
        `<td class="wide">${escape(s.registration)}</td><td class="wide">${escape(s.typeCode)}</td><td>${alt}</td><td>${fmt(s.groundSpeedKnots, 0)}</td>` +
        `<td class="wide">${fmt(s.trackDegrees, 0)}</td><td class="wide">${escape(s.squawk)}</td><td class="wide">${fmt(s.latitude, 4)}</td><td class="wide">${fmt(s.longitude, 4)}</td>` +
        `<td>${s.positionSource ?? ''}</td><td>${age ?? ''}</td></tr>`);
    }
    if (rows.length > MAX_TABLE_ROWS) { html.push(`<tr><td colspan="12">… ${rows.length - MAX_TABLE_ROWS} more: filter or zoom in</td></tr>`); }
    const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('#aircraft tr');
    const focusedIcao = focused ? focused.dataset.icao : null;
    $('aircraft').innerHTML = html.join('');
    if (focusedIcao) { const row = document.querySelector(`#aircraft tr[data-icao="${CSS.escape(focusedIcao)}"]`); if (row) { row.focus(); } }
  }

  // ---- hub -------------------------------------------------------------------------------------------------------
  function currentArea() {
    const extent = map.getView().calculateExtent(map.getSize());
    const [x0, y0, x1, y1] = extent;
    const [lon0, lat0] = toLonLat([x0, y0]);
    const [lon1, lat1] = toLonLat([x1, y1]);
    const width = (x1 - x0) / 20037508.342789244 * 180;
    const padLon = width * 0.05; const padLat = (lat1 - lat0) * 0.05;
    const minLat = Math.max(-90, lat0 - padLat); const maxLat = Math.min(90, lat1 + padLat);
    if (width + 2 * padLon >= 360) { return [-180, minLat, 180, maxLat]; }
    const wrap = (lon) => ((((lon + 180) % 360) + 360) % 360) - 180;
    return [wrap(lon0 - padLon), minLat, wrap(lon1 + padLon), maxLat];
  }

  let areaTimer = null;
  function scheduleArea() {
    clearTimeout(areaTimer);
    areaTimer = setTimeout(() => subscribeArea().catch((e) => console.warn('area subscription failed', e)), 200);
  }

  async function subscribeArea() {
    const area = currentArea();
    state.area = area;
    const connection = state.connection;
    if (!connection || connection.state !== signalR.HubConnectionState.Connected) { return; }
    const id = await connection.invoke('SubscribeArea', area[0], area[1], area[2], area[3]);
    const previous = state.areaSubscription;
    state.areaSubscription = id;
    state.areaSubscribedAt = Date.now();
    if (previous) { await connection.invoke('Unsubscribe', previous); }
    for (const [icao, entry] of state.aircraft) { if (icao !== state.selected && !insideArea(entry.snap)) { remove(icao); } }
  }

  async function subscribeAll() {
    const connection = state.connection;
    state.areaSubscription = null;
    state.selectedSubscription = null;
    await subscribeArea();
    await connection.invoke('SubscribeGeofenceEvents');
    await connection.invoke('SubscribeAlerts', null);
    if (state.selected) { state.selectedSubscription = await connection.invoke('SubscribeAircraft', state.selected); }
  }

  function buildConnection() {
    const options = state.apiKey ? { accessTokenFactory: () => state.apiKey } : {};
    const builder = new signalR.HubConnectionBuilder()
      .withUrl('hubs/tracking', options)
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(500 * 2 ** ctx.previousRetryCount, 5000) })
      .configureLogging(signalR.LogLevel.Warning);
    // MessagePack when its package loaded (the server offers both); ?protocol=json forces JSON.
    const protocol = params.get('protocol') !== 'json' && signalR.protocols && signalR.protocols.msgpack
      ? new signalR.protocols.msgpack.MessagePackHubProtocol() : new signalR.JsonHubProtocol();
    builder.withHubProtocol(protocol);
    const connection = builder.build();
    state.protocol = protocol.name;
    connection.on('Positions', onFrame);
    connection.onreconnecting(connectionLost);
    connection.onreconnected(() => connected());
    // A close without reconnecting (the server said goodbye, or the retries gave up): start again, same message.
    connection.onclose(() => { connectionLost(); setTimeout(start, 2000); });
    return connection;
  }

  const LOST = 'Connection to the server lost — reconnecting. The aircraft shown are no longer updated.';
  function connectionLost() {
    if (state.status !== 'reconnecting') { state.reconnects++; }
    setStatus('reconnecting', 'connection lost — reconnecting…');
    showBanner(LOST);
  }

  async function connected() {
    if (state.reconnects > 0) {
      // What the page shows may be old: the new subscriptions' first frames carry everything in view again.
      for (const icao of [...state.aircraft.keys()]) { if (icao !== state.selected) { remove(icao); } }
    }
    setStatus('connected', `connected (${state.protocol})`);
    showBanner(null);
    try { await subscribeAll(); } catch (e) { setStatus('error', e.message); }
  }

  async function start() {
    if (!state.connection) { state.connection = buildConnection(); }
    if (state.connection.state !== signalR.HubConnectionState.Disconnected) { return; }
    try {
      await state.connection.start();
    } catch (e) {
      if (state.reconnects > 0) { connectionLost(); } else {
        setStatus('disconnected', 'cannot reach the server — retrying…');
        showBanner('Cannot reach the server — retrying.');
      }
      setTimeout(start, 2000);
      return;
    }
    await connected();
  }

  // ---- timeline --------------------------------------------------------------------------------------------------
  function eventItem(e) {
    const where = e.crossing ? ` at ${e.crossing.latitude.toFixed(4)}, ${e.crossing.longitude.toFixed(4)}` : '';
    const point = e.crossing || e.after || e.before;
    return {
      type: 'event', key: `e:${e.icao}:${e.sequence}`, at: e.at, icao: e.icao, kind: e.kind, fence: e.fenceId, trace: e.traceId,
      point: point ? [point.longitude, point.latitude] : null,
      text: `${hhmmss(e.at)} ${e.callsign || e.icao} ${e.kind} ${e.fenceName || e.fenceId} (${e.reason}${where})` +
        (e.provenance && e.provenance.citation ? ` — ${e.provenance.citation}` : ''),
    };
  }

  function alertItem(a) {
    const ev = (a.events || [])[0];
    const point = ev ? ev.crossing || ev.after : a.aircraft && a.aircraft.latitude != null ? { latitude: a.aircraft.latitude, longitude: a.aircraft.longitude } : null;
    return {
      type: 'alert', key: `a:${a.id}`, at: a.at, icao: a.icao, rule: a.ruleId, fence: ev ? ev.fenceId : null, trace: a.traceId,
      point: point ? [point.longitude, point.latitude] : null,
      text: `${hhmmss(a.at)} ${a.summary} [${a.ruleName || a.ruleId}]` + (a.traceId ? ` trace ${a.traceId}` : ''),
    };
  }

  const timelineKeys = new Set();
  function addTimeline(item, live) {
    if (timelineKeys.has(item.key)) { return; }
    timelineKeys.add(item.key);
    state.timeline.push(item);
    const li = renderTimelineItem(item);
    const list = $('timeline');
    // Newest first: insert before the first older item.
    const at = Date.parse(item.at);
    let before = null;
    for (const child of list.children) { if (Number(child.dataset.at) <= at) { before = child; break; } }
    list.insertBefore(li, before);
    while (list.children.length > 300) { list.lastChild.remove(); }
    if (live && state.selected === item.icao) { $('selected-events').prepend(renderTimelineItem(item)); }
  }

  function renderTimelineItem(item) {
    const li = document.createElement('li');
    li.dataset.type = item.type;
    li.dataset.icao = item.icao;
    li.dataset.at = String(Date.parse(item.at));
    if (item.kind) { li.dataset.kind = item.kind; }
    if (item.rule) { li.dataset.rule = item.rule; }
    if (item.trace) { li.dataset.trace = item.trace; }
    const what = document.createElement('span');
    what.className = 'what';
    what.textContent = item.text;
    const links = document.createElement('span');
    links.className = 'links';
    const link = (label, handler, title) => {
      const b = document.createElement('button');
      b.type = 'button'; b.textContent = label; b.title = title;
      b.addEventListener('click', handler);
      links.append(b);
    };
    link('aircraft', () => select(item.icao, true), `Select ${item.icao}`);
    if (item.point) { link('map', () => { map.getView().animate({ center: fromLonLat(item.point[0], item.point[1]), zoom: Math.max(map.getView().getZoom(), 9), duration: 0 }); }, 'Show the place on the map'); }
    if (item.fence) {
      link('verdict', () => {
        const t = Date.parse(item.at);
        openVerdict(item.icao, item.fence, new Date(t - 30 * 60000), new Date(Math.min(Date.now(), t + 30 * 60000)));
      }, 'Verdict for this aircraft and fence around this time');
    }
    li.append(what, ' ', links);
    if (item.trace) {
      const trace = document.createElement('span');
      trace.className = 'trace';
      trace.textContent = ` trace id ${item.trace}`;
      trace.title = 'OpenTelemetry trace id: look it up in your trace backend';
      li.append(trace);
    }
    return li;
  }

  async function loadRecentTimeline() {
    const from = new Date(Date.now() - 60 * 60000).toISOString();
    try {
      const events = await api(`api/events?from=${encodeURIComponent(from)}&limit=200`);
      for (const e of events.events) { addTimeline(eventItem(e), false); }
    } catch (e) { console.warn('events', e); }
    try {
      const alerts = await api('api/alerts?limit=100');
      for (const a of alerts.alerts) { addTimeline(alertItem(a), false); }
    } catch (e) { console.warn('alerts', e); }
  }

  // ---- selection -------------------------------------------------------------------------------------------------
  let selectedTimer = null;
  async function select(icao, centre) {
    icao = icao.toLowerCase();
    const previous = state.selected;
    state.selected = icao;
    aircraftLayer.changed();
    showTab('selected');
    $('selected-none').hidden = true;
    $('selected').hidden = false;
    $('verdict-icao').value = icao;
    const connection = state.connection;
    if (connection && connection.state === signalR.HubConnectionState.Connected && previous !== icao) {
      if (state.selectedSubscription) { connection.invoke('Unsubscribe', state.selectedSubscription).catch(() => { }); }
      connection.invoke('SubscribeAircraft', icao).then((id) => { state.selectedSubscription = id; }).catch(() => { });
    }
    const entry = state.aircraft.get(icao);
    if (centre && entry && entry.snap.latitude != null) { map.getView().setCenter(fromLonLat(entry.snap.longitude, entry.snap.latitude)); }
    updateUrl();
    clearInterval(selectedTimer);
    selectedTimer = setInterval(() => refreshSelected(false), 5000);
    await Promise.all([refreshSelected(centre && !entry), loadTrack(), loadSelectedHistory()]);
    renderTable();
  }
  state.select = select;

  function deselect() {
    state.selected = null;
    clearInterval(selectedTimer);
    if (state.selectedSubscription && state.connection) { state.connection.invoke('Unsubscribe', state.selectedSubscription).catch(() => { }); }
    state.selectedSubscription = null;
    trackSource.clear();
    $('selected').hidden = true;
    $('selected-none').hidden = false;
    aircraftLayer.changed();
    updateUrl();
  }

  async function refreshSelected(centre) {
    const icao = state.selected;
    if (!icao) { return; }
    let detail;
    try { detail = await api(`api/aircraft/${encodeURIComponent(icao)}`); } catch (e) {
      if (icao === state.selected) { $('selected-title').textContent = `${icao}: ${e.status === 404 ? 'not live now (its recorded track and events are below)' : e.message}`; }
      state.selectedDetail = null;
      return;
    }
    if (icao !== state.selected) { return; }
    state.selectedDetail = detail;
    const now = Date.now();
    const value = (field) => (field && typeof field === 'object' && 'value' in field ? field.value : field);
    const callsign = value(detail.callsign);
    const identity = detail.identity || {};
    $('selected-title').textContent = `${callsign || icao} · ${icao}` + (identity.registration ? ` · ${identity.registration}` : '') +
      (identity.typeCode ? ` · ${identity.typeCode}` : '') + (identity.military ? ' · military' : '') + (identity.country ? ` · ${identity.country}` : '');
    const rows = [];
    for (const [name, field] of Object.entries(detail)) {
      if (name === 'identity' || name === 'icao') { continue; }
      if (field && typeof field === 'object' && !Array.isArray(field) && ('value' in field || 'at' in field)) {
        const show = (x) => (typeof x === 'number' ? +x.toFixed(5) : x);
        const v = 'value' in field ? show(field.value)
          : Object.entries(field).filter(([k]) => k !== 'at' && k !== 'feed').map(([k, x]) => `${k} ${show(x)}`).join(', ');
        rows.push([name, v, ageSeconds(field.at, now), field.feed]);
      } else if (field == null || typeof field !== 'object' || Array.isArray(field)) {
        rows.push([name, Array.isArray(field) ? field.join(', ') : field, null, null]);
      } else {
        rows.push([name, JSON.stringify(field), null, null]);
      }
    }
    for (const [name, v] of Object.entries(identity)) { rows.push(['identity.' + name, Array.isArray(v) ? v.join(', ') : v, null, null]); }
    $('selected-state').tBodies[0].innerHTML = rows.map(([n, v, age, feed]) =>
      `<tr data-field="${escape(n)}"><td>${escape(n)}</td><td>${escape(v)}</td><td>${age == null ? '' : age + ' s'}</td><td>${escape(feed)}</td></tr>`).join('');
    const entry = state.aircraft.get(icao);
    const fences = entry ? entry.snap.geofences || [] : [];
    $('selected-fences').innerHTML = fences.length
      ? fences.map((id) => `<li data-fence="${escape(id)}">${escape(state.fences.get(id)?.get('name') || id)} <span class="trace">${escape(id)}</span></li>`).join('')
      : '<li>none</li>';
    const lat = detail.position ? detail.position.latitude : null; const lon = detail.position ? detail.position.longitude : null;
    if (centre && lat != null && lon != null) {
      map.getView().setCenter(fromLonLat(lon, lat));
      if (map.getView().getZoom() < 7) { map.getView().setZoom(7); }
    }
  }

  async function loadSelectedHistory() {
    const icao = state.selected;
    const list = $('selected-events');
    list.innerHTML = '';
    const from = new Date(Date.now() - 24 * 3600000).toISOString();
    const items = [];
    try { const r = await api(`api/events?icao=${icao}&from=${encodeURIComponent(from)}&limit=100`); items.push(...r.events.map(eventItem)); } catch { /* none */ }
    try { const r = await api(`api/alerts?icao=${icao}&limit=50`); items.push(...r.alerts.map(alertItem)); } catch { /* none */ }
    if (icao !== state.selected) { return; }
    items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    for (const item of items.slice(0, 50)) { list.append(renderTimelineItem(item)); }
    if (!items.length) { list.innerHTML = '<li>none in the last 24 h</li>'; }
  }

  // The recorded track (history API, GeoJSON) drawn in segments coloured by altitude, extended by live frames.
  async function loadTrack() {
    const icao = state.selected;
    const seconds = Number($('track-window').value);
    const from = new Date(Date.now() - seconds * 1000).toISOString();
    trackSource.clear();
    state.trackPoints = 0;
    let collection;
    try {
      collection = await api(`api/aircraft/${icao}/track?format=geojson&from=${encodeURIComponent(from)}`);
    } catch (e) {
      $('track-info').textContent = e.status === 404 ? 'No recorded positions in this window.' : `Track: ${e.message}`;
      return;
    }
    if (icao !== state.selected) { return; }
    const points = collection.features.filter((f) => f.geometry && f.geometry.type === 'Point');
    const coords = points.map((f) => ({ c: fromLonLat(f.geometry.coordinates[0], f.geometry.coordinates[1]), alt: f.properties.altBaro ?? f.properties.altGeom ?? null }));
    addTrackSegments(coords);
    state.trackPoints = coords.length;
    state.trackTail = coords.length ? coords[coords.length - 1].c : null;
    $('track-info').textContent = `${coords.length} recorded positions since ${hhmmss(from)}` + (points.length ? ` (first ${hhmmss(points[0].properties.at || points[0].properties.time || from)})` : '');
  }

  function trackStyle(alt) {
    return new ol.style.Style({ stroke: new ol.style.Stroke({ color: colourFor({ barometricAltitudeFeet: alt }, false), width: 2.5 }) });
  }

  function addTrackSegments(coords) {
    const features = [];
    let run = [];
    let runKey = null;
    for (const p of coords) {
      const key = p.alt == null ? 'u' : Math.round(p.alt / 1000);
      if (run.length && key !== runKey) {
        run.push(p.c);
        const f = new ol.Feature(new ol.geom.LineString(run));
        f.setStyle(trackStyle(runKey === 'u' ? null : runKey * 1000));
        features.push(f);
        run = [];
      }
      run.push(p.c);
      runKey = key;
    }
    if (run.length > 1) {
      const f = new ol.Feature(new ol.geom.LineString(run));
      f.setStyle(trackStyle(runKey === 'u' ? null : runKey * 1000));
      features.push(f);
    }
    trackSource.addFeatures(features);
  }

  function extendSelectedTrack() {
    const entry = state.aircraft.get(state.selected);
    if (!entry || !entry.coord) { return; }
    const c = entry.coord;
    if (state.trackTail && (state.trackTail[0] !== c[0] || state.trackTail[1] !== c[1])) {
      const f = new ol.Feature(new ol.geom.LineString([state.trackTail, c]));
      f.setStyle(trackStyle(altitudeOf(entry.snap)));
      trackSource.addFeature(f);
      state.trackPoints++;
    }
    state.trackTail = c;
  }

  // ---- verdict view ----------------------------------------------------------------------------------------------
  const toLocalInput = (d) => new Date(d).toISOString().slice(0, 19);
  function openVerdict(icao, fence, from, to) {
    showTab('verdict');
    $('verdict-icao').value = icao;
    if (fence) { $('verdict-fence').value = fence; }
    $('verdict-from').value = from ? toLocalInput(from) : '';
    $('verdict-to').value = to ? toLocalInput(to) : '';
    return decide();
  }
  state.openVerdict = openVerdict;

  const R_NM = 3440.065;
  const rad = (d) => (d * Math.PI) / 180;
  function distanceNm(a, b) {
    const [lon1, lat1] = a; const [lon2, lat2] = b;
    const h = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
    return 2 * R_NM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
  function destination([lon, lat], bearingDeg, nm) {
    const d = nm / R_NM; const b = rad(bearingDeg); const p1 = rad(lat); const l1 = rad(lon);
    const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
    const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
    return [(l2 * 180) / Math.PI, (p2 * 180) / Math.PI];
  }
  // The reachable area of a gap: points P with d(A,P) + d(P,B) <= reach (an ellipse on the sphere; a circle when B is null).
  function reachableRing(a, b, reach) {
    const centre = b ? [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] : a;
    const ring = [];
    for (let bearing = 0; bearing <= 360; bearing += 5) {
      let lo = 0; let hi = reach;
      for (let i = 0; i < 40; i++) {
        const mid = (lo + hi) / 2;
        const p = destination(centre, bearing, mid);
        const sum = b ? distanceNm(a, p) + distanceNm(p, b) : distanceNm(a, p);
        if (sum <= reach) { lo = mid; } else { hi = mid; }
      }
      ring.push(destination(centre, bearing, lo));
    }
    return ring;
  }

  const verdictStyles = {
    track: new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#ffffff', width: 2.5 }) }),
    fence: new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#ffff00', width: 2.5 }), fill: new ol.style.Fill({ color: 'rgba(255,255,0,0.06)' }) }),
    crossing: new ol.style.Style({ image: new ol.style.Circle({ radius: 7, fill: new ol.style.Fill({ color: '#ff3b30' }), stroke: new ol.style.Stroke({ color: '#ffffff', width: 2 }) }) }),
    gapLine: new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#ff7b72', width: 2, lineDash: [8, 6] }) }),
    gapArea: new ol.style.Style({ stroke: new ol.style.Stroke({ color: 'rgba(255,123,114,0.8)', width: 1, lineDash: [4, 4] }), fill: new ol.style.Fill({ color: 'rgba(255,123,114,0.08)' }) }),
  };
  function labelled(base, text) {
    return [base, new ol.style.Style({ text: new ol.style.Text({ text, font: 'bold 13px system-ui, sans-serif', offsetY: -16, fill: new ol.style.Fill({ color: '#ffff66' }), stroke: new ol.style.Stroke({ color: '#000', width: 4 }), overflow: true }) })];
  }

  function evidenceFeature(kind, geometry, properties, style) {
    const f = new ol.Feature({ geometry });
    f.setProperties({ evidence: kind, ...properties });
    if (style) { f.setStyle(style); }
    return f;
  }

  async function decide() {
    const icao = $('verdict-icao').value.trim().toLowerCase();
    const fence = $('verdict-fence').value;
    const from = $('verdict-from').value ? new Date($('verdict-from').value + 'Z').toISOString() : null;
    const to = $('verdict-to').value ? new Date($('verdict-to').value + 'Z').toISOString() : null;
    const query = new URLSearchParams({ icao, fence, positions: 'false' });
    if (from) { query.set('from', from); }
    if (to) { query.set('to', to); }
    $('verdict').hidden = false;
    $('verdict-outcome').textContent = 'deciding…';
    $('verdict-outcome').dataset.outcome = '';
    $('verdict-summary').textContent = '';
    $('verdict-facts').innerHTML = '';
    verdictSource.clear();
    state.verdict = null;
    let verdict;
    try { verdict = await api('api/verdicts?' + query); } catch (e) { $('verdict-outcome').textContent = `No verdict: ${e.message}`; return null; }
    state.verdict = verdict;
    await drawVerdict(verdict);
    return verdict;
  }

  async function drawVerdict(v) {
    const features = [];
    const fence = state.fences.get(v.fence.id);
    if (fence) { features.push(evidenceFeature('fence', fence.getGeometry().clone(), { id: v.fence.id, name: v.fence.name }, verdictStyles.fence)); }
    let recordedCallsign = null;
    try {
      const track = await api(`api/aircraft/${v.icao}/track?from=${encodeURIComponent(v.from)}&to=${encodeURIComponent(new Date(Date.parse(v.to) + 1000).toISOString())}`);
      const coords = track.positions.map((p) => fromLonLat(p.lon, p.lat));
      recordedCallsign = (track.changes || []).filter((c) => c.field === 'Callsign' && c.value).map((c) => c.value).pop() || null;
      if (coords.length > 1) { features.push(evidenceFeature('track', new ol.geom.LineString(coords), { icao: v.icao, positions: coords.length }, verdictStyles.track)); }
      if (coords.length === 1) { features.push(evidenceFeature('track', new ol.geom.Point(coords[0]), { icao: v.icao, positions: 1 }, verdictStyles.crossing)); }
    } catch (e) { console.warn('verdict track', e); }
    for (const c of v.crossings) {
      features.push(evidenceFeature('crossing', new ol.geom.Point(fromLonLat(c.point.longitude, c.point.latitude)),
        { kind: c.kind, time: c.time, decisive: c.decisive, altitudeFeet: c.altitudeFeet }, labelled(verdictStyles.crossing, `${c.kind} ${hhmmss(c.time)}`)));
    }
    const ca = v.closestApproach;
    if (ca) {
      const t = fromLonLat(ca.trackPoint.longitude, ca.trackPoint.latitude);
      const b = fromLonLat(ca.boundaryPoint.longitude, ca.boundaryPoint.latitude);
      const text = `closest ${ca.distanceNm.toFixed(2)} nm at ${hhmmss(ca.time)}`;
      features.push(evidenceFeature('closest-approach-line', new ol.geom.LineString([t, b]), { distanceNm: ca.distanceNm, marginNm: ca.marginNm, time: ca.time },
        labelled(new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#ffff00', width: 2, lineDash: [6, 4] }) }), text)));
      features.push(evidenceFeature('closest-approach-track-point', new ol.geom.Point(t), { time: ca.time, altitudeFeet: ca.altitudeFeet },
        new ol.style.Style({ image: new ol.style.Circle({ radius: 6, fill: new ol.style.Fill({ color: '#ffff00' }), stroke: new ol.style.Stroke({ color: '#000', width: 1.5 }) }) })));
      features.push(evidenceFeature('closest-approach-boundary-point', new ol.geom.Point(b), {},
        new ol.style.Style({ image: new ol.style.Circle({ radius: 6, stroke: new ol.style.Stroke({ color: '#ffff00', width: 2.5 }) }) })));
    }
    let gapsDrawn = 0;
    for (const g of v.gaps) {
      const a = g.before ? [g.before.position.longitude, g.before.position.latitude] : null;
      const b = g.after ? [g.after.position.longitude, g.after.position.latitude] : null;
      const props = { kind: g.kind, from: g.from, to: g.to, seconds: g.seconds, reachNm: g.reachNm, canHideEntry: g.canHideEntry };
      if (a && b) { features.push(evidenceFeature('gap', new ol.geom.LineString([fromLonLat(...a), fromLonLat(...b)]), props, verdictStyles.gapLine)); }
      const focus = a || b;
      if (focus && g.reachNm > 0 && g.reachNm < 1500) {
        const ring = reachableRing(focus, a && b ? b : null, g.reachNm).map((p) => fromLonLat(p[0], p[1]));
        features.push(evidenceFeature('gap-reachable-area', new ol.geom.Polygon([ring]), props, verdictStyles.gapArea));
        gapsDrawn++;
      }
    }
    verdictSource.addFeatures(features);
    state.verdictFeatures = features.length;
    const extent = ol.extent.createEmpty();
    for (const f of features) { if (f.get('evidence') !== 'fence' && f.get('evidence') !== 'gap-reachable-area') { ol.extent.extend(extent, f.getGeometry().getExtent()); } }
    if (!ol.extent.isEmpty(extent)) { map.getView().fit(ol.extent.buffer(extent, Math.max(ol.extent.getWidth(extent), ol.extent.getHeight(extent), 20000) * 0.3), { maxZoom: 11, duration: 0 }); }

    const words = { entered: 'Entered', 'not-entered': 'Did not enter', undetermined: 'Undetermined' };
    const callsign = v.callsign || recordedCallsign || state.aircraft.get(v.icao)?.snap.callsign || v.icao.toUpperCase();
    $('verdict-outcome').textContent = `${words[v.outcome] || v.outcome}: ${callsign} and ${v.fence.name}`;
    $('verdict-outcome').dataset.outcome = v.outcome;
    $('verdict-summary').textContent = v.summary;
    const p = v.fence.provenance || {};
    const dataset = p.dataset ? `${p.datasetTitle || p.dataset}${p.datasetVersion ? ' v' + p.datasetVersion : ''}${p.licence ? ', ' + p.licence : ''}${p.attribution ? ', ' + p.attribution : ''}` : 'drawn fence (no boundary dataset)';
    const facts = [
      ['aircraft', `${callsign} ${v.icao}`],
      ['fence', `${v.fence.name} (${v.fence.id})`],
      ['dataset', dataset],
      ['tolerance', `${v.fence.toleranceNm} nm`],
      ['window', `${v.from} → ${v.to}`],
      ['positions', positionsText(v.positions)],
      ['crossings', String(v.crossings.length)],
      ['closest approach', ca ? `${ca.distanceNm.toFixed(3)} nm at ${ca.time} (uncertainty ${ca.uncertaintyNm.toFixed(3)} nm, margin ${ca.marginNm.toFixed(3)} nm)` : '—'],
      ['coverage gaps', `${v.gaps.length} (${v.gaps.filter((g) => g.canHideEntry).length} can hide an entry; ${gapsDrawn} reachable areas drawn)`],
      ['reasons', v.reasons.length ? v.reasons.map((r) => r.message || `${r.evidence} (${r.count})`).join('; ') : '—'],
    ];
    $('verdict-facts').innerHTML = facts.map(([k, x]) => `<dt>${escape(k)}</dt><dd data-fact="${escape(k)}">${escape(x)}</dd>`).join('');
  }

  function positionsText(p) {
    if (!p || typeof p !== 'object') { return String(p ?? ''); }
    const sources = p.bySource ? Object.entries(p.bySource).map(([k, n]) => `${k} ${n}`).join(', ') : '';
    return `${p.count} considered${p.rejected ? `, ${p.rejected} rejected` : ''}` + (p.first ? `, ${p.first} → ${p.last}` : '') +
      (sources ? ` (${sources})` : '') + (p.feeds && p.feeds.length ? `, feeds ${p.feeds.join(', ')}` : '');
  }

  function download(name, type, content) {
    const a = document.createElement('a');
    a.href = typeof content === 'string' && content.startsWith('data:') ? content : URL.createObjectURL(new Blob([content], { type }));
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
  }

  function evidenceGeoJson() {
    const format = new ol.format.GeoJSON({ featureProjection: 'EPSG:3857' });
    const collection = format.writeFeaturesObject(verdictSource.getFeatures(), { decimals: 6 });
    const v = state.verdict;
    collection.verdict = { outcome: v.outcome, summary: v.summary, icao: v.icao, callsign: v.callsign, fence: v.fence, from: v.from, to: v.to, reasons: v.reasons, closestApproach: v.closestApproach, crossings: v.crossings, gaps: v.gaps, parameters: v.parameters };
    return collection;
  }
  state.evidenceGeoJson = evidenceGeoJson;

  function evidenceKml() {
    const x = (s) => escape(s);
    const ring = (r) => r.map((c) => { const [lon, lat] = toLonLat(c); return `${lon.toFixed(6)},${lat.toFixed(6)}`; }).join(' ');
    const placemarks = [];
    for (const f of verdictSource.getFeatures()) {
      const g = f.getGeometry();
      const name = f.get('evidence');
      const desc = Object.entries(f.getProperties()).filter(([k]) => k !== 'geometry').map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('\n');
      let body = '';
      if (g instanceof ol.geom.Point) { body = `<Point><coordinates>${ring([g.getCoordinates()])}</coordinates></Point>`; }
      else if (g instanceof ol.geom.LineString) { body = `<LineString><tessellate>1</tessellate><coordinates>${ring(g.getCoordinates())}</coordinates></LineString>`; }
      else {
        const polygons = g instanceof ol.geom.Polygon ? [g.getCoordinates()] : g instanceof ol.geom.MultiPolygon ? g.getCoordinates() : [];
        body = '<MultiGeometry>' + polygons.map((rings) => '<Polygon>' + rings.map((r, i) => `<${i ? 'innerBoundaryIs' : 'outerBoundaryIs'}><LinearRing><coordinates>${ring(r)}</coordinates></LinearRing></${i ? 'innerBoundaryIs' : 'outerBoundaryIs'}>`).join('') + '</Polygon>').join('') + '</MultiGeometry>';
      }
      placemarks.push(`<Placemark><name>${x(name)}</name><description>${x(desc)}</description>${body}</Placemark>`);
    }
    const v = state.verdict;
    return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${x(`Verdict ${v.icao} / ${v.fence.id}`)}</name><description>${x(v.summary)}</description>${placemarks.join('')}</Document></kml>\n`;
  }
  state.evidenceKml = evidenceKml;

  // A PNG of the map as drawn (every layer canvas composed) with the verdict and the attributions written under it.
  function mapPng() {
    return new Promise((resolve) => {
      map.once('rendercomplete', () => {
        const [w, h] = map.getSize();
        const lines = [];
        if (state.verdict) { lines.push(state.verdict.summary); }
        lines.push([$('basemap-attribution').textContent, $('attribution').textContent, $('tile-attribution').hidden ? '' : $('tile-attribution').textContent].filter(Boolean).join(' · '));
        const band = 8 + lines.length * 18;
        const out = document.createElement('canvas');
        out.width = w; out.height = h + band;
        const ctx = out.getContext('2d');
        ctx.fillStyle = '#0b2239';
        ctx.fillRect(0, 0, w, h);
        for (const canvas of map.getViewport().querySelectorAll('.ol-layer canvas, canvas.ol-layer')) {
          if (canvas.width === 0) { continue; }
          const opacity = canvas.parentNode.style.opacity || canvas.style.opacity;
          ctx.globalAlpha = opacity === '' ? 1 : Number(opacity);
          const m = canvas.style.transform.match(/^matrix\(([^)]*)\)$/);
          if (m) { ctx.setTransform(...m[1].split(',').map(Number)); ctx.drawImage(canvas, 0, 0); } else { ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.drawImage(canvas, 0, 0, w, h); }
        }
        ctx.globalAlpha = 1;
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.fillStyle = '#0d1117';
        ctx.fillRect(0, h, w, band);
        ctx.fillStyle = '#e6edf3';
        ctx.font = '13px system-ui, sans-serif';
        lines.forEach((line, i) => ctx.fillText(line, 8, h + 18 + i * 18, w - 16));
        resolve(out.toDataURL('image/png'));
      });
      map.renderSync();
    });
  }
  state.mapPng = mapPng;

  // ---- tabs, URL, controls ---------------------------------------------------------------------------------------
  const TABS = ['traffic', 'selected', 'timeline', 'verdict', 'layers'];
  function showTab(name) {
    for (const t of TABS) {
      $('tab-' + t).setAttribute('aria-selected', String(t === name));
      $('view-' + t).hidden = t !== name;
    }
    if (name === 'traffic') { renderTable(); }
  }

  function updateUrl() {
    if (BENCH) { return; }
    const q = new URLSearchParams(location.search);
    const [lon, lat] = toLonLat(map.getView().getCenter());
    q.set('lat', lat.toFixed(4)); q.set('lon', (((lon + 540) % 360) - 180).toFixed(4)); q.set('zoom', map.getView().getZoom().toFixed(1));
    if (state.selected) { q.set('icao', state.selected); } else { q.delete('icao'); }
    if (state.highlightFence) { q.set('fence', state.highlightFence); }
    history.replaceState(null, '', '?' + q.toString());
  }

  function readFilters() {
    state.filters = {
      text: $('filter-text').value.trim().toLowerCase(),
      military: $('filter-military').value,
      altMin: $('filter-alt-min').value === '' ? null : Number($('filter-alt-min').value),
      altMax: $('filter-alt-max').value === '' ? null : Number($('filter-alt-max').value),
      source: $('filter-source').value,
    };
    renderTable();
  }

  function search(text) {
    const t = text.trim().toLowerCase();
    if (!t) { return; }
    let found = null;
    for (const entry of state.aircraft.values()) {
      const s = entry.snap;
      if (s.icao === t || (s.callsign && s.callsign.toLowerCase() === t) || (s.registration && s.registration.toLowerCase() === t)) { found = s.icao; break; }
    }
    if (!found) {
      for (const entry of state.aircraft.values()) {
        const s = entry.snap;
        if ([s.icao, s.callsign, s.registration, s.typeCode].some((v) => v && v.toLowerCase().includes(t))) { found = s.icao; break; }
      }
    }
    if (found) { select(found, true); return; }
    if (/^~?[0-9a-f]{6}$/.test(t)) { select(t, true); return; }
    const fence = [...state.fences].find(([id, f]) => id.toLowerCase().includes(t) || (f.get('name') || '').toLowerCase().includes(t));
    if (fence) { highlightFence(fence[0], true); showTab('layers'); return; }
    showBanner(`Nothing matches “${text}”.`);
    setTimeout(() => showBanner(null), 3000);
  }

  function wireControls() {
    for (const t of TABS) { $('tab-' + t).addEventListener('click', () => showTab(t)); }
    $('panel').querySelector('.tabs').addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') { return; }
      const current = TABS.findIndex((t) => $('tab-' + t).getAttribute('aria-selected') === 'true');
      const next = TABS[(current + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
      showTab(next);
      $('tab-' + next).focus();
    });
    $('panel-toggle').addEventListener('click', () => {
      const panel = $('panel');
      panel.hidden = !panel.hidden;
      $('panel-toggle').setAttribute('aria-expanded', String(!panel.hidden));
      map.updateSize();
    });
    $('search-form').addEventListener('submit', (e) => { e.preventDefault(); search($('search').value); });
    for (const id of ['filter-text', 'filter-military', 'filter-alt-min', 'filter-alt-max', 'filter-source']) { $(id).addEventListener('input', readFilters); }
    for (const button of document.querySelectorAll('#traffic th button')) {
      button.addEventListener('click', () => {
        const key = button.dataset.sort;
        state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
        for (const b of document.querySelectorAll('#traffic th button')) { b.removeAttribute('data-dir'); }
        button.dataset.dir = state.sort.dir > 0 ? 'asc' : 'desc';
        renderTable();
      });
    }
    const rowSelect = (e) => { const row = e.target.closest('tr[data-icao]'); if (row) { select(row.dataset.icao, true); } };
    $('aircraft').addEventListener('click', rowSelect);
    $('aircraft').addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); rowSelect(e); } });
    $('track-window').addEventListener('change', () => loadTrack());
    $('selected-clear').addEventListener('click', deselect);
    $('selected-verdict').addEventListener('click', () => openVerdict(state.selected, $('verdict-fence').value || (state.aircraft.get(state.selected)?.snap.geofences || [])[0], null, null));
    $('verdict-form').addEventListener('submit', (e) => { e.preventDefault(); decide(); });
    $('export-geojson').addEventListener('click', () => download(`verdict-${state.verdict.icao}-${state.verdict.fence.id}.geojson`, 'application/geo+json', JSON.stringify(evidenceGeoJson(), null, 1)));
    $('export-kml').addEventListener('click', () => download(`verdict-${state.verdict.icao}-${state.verdict.fence.id}.kml`, 'application/vnd.google-earth.kml+xml', evidenceKml()));
    $('export-png').addEventListener('click', async () => { state.lastPng = await mapPng(); download(`verdict-${state.verdict.icao}-${state.verdict.fence.id}.png`, 'image/png', state.lastPng); });
    $('layer-fences').addEventListener('change', (e) => fenceLayer.setVisible(e.target.checked));
    $('layer-labels').addEventListener('change', () => aircraftLayer.changed());
    $('layer-trails').addEventListener('change', updateTrails);
    $('layer-tiles').addEventListener('change', (e) => { if (state.config && state.config.tileUrl) { tileLayer.setVisible(e.target.checked); landLayer.setVisible(!e.target.checked); } });
    document.addEventListener('keydown', (e) => {
      if (e.target.closest('input, select, textarea')) { return; }
      if (e.key === '/') { e.preventDefault(); $('search').focus(); }
      if (e.key === 'Escape' && state.selected) { deselect(); }
    });
    map.on('singleclick', (e) => {
      const hit = aircraftAt(e.pixel);
      if (hit) { select(hit.snap.icao, false); return; }
      const fence = map.forEachFeatureAtPixel(e.pixel, (f) => f, { layerFilter: (l) => l === fenceLayer });
      if (fence) {
        highlightFence(String(fence.getId()), false);
        showBanner(`${fence.get('name') || fence.getId()} (${fence.getId()}) — ${provenanceText(fence)}`);
        setTimeout(() => showBanner(null), 6000);
      }
    });
    map.on('moveend', () => { scheduleArea(); updateUrl(); });
    $('legend').innerHTML = [['ground', { onGround: true }], ['0 ft', { barometricAltitudeFeet: 0 }], ['2,000 ft', { barometricAltitudeFeet: 2000 }], ['6,000 ft', { barometricAltitudeFeet: 6000 }],
      ['10,000 ft', { barometricAltitudeFeet: 10000 }], ['20,000 ft', { barometricAltitudeFeet: 20000 }], ['30,000 ft', { barometricAltitudeFeet: 30000 }], ['40,000 ft', { barometricAltitudeFeet: 40000 }],
      ['stale (no position for 30 s)', { barometricAltitudeFeet: 30000, stale: true }], ['MLAT: dashed white outline', { barometricAltitudeFeet: 30000 }]]
      .map(([label, s]) => `<div><span class="swatch" style="background:${colourFor(s, s.stale)}"></span>${label}</div>`).join('');
  }

  // ---- benchmark mode (?bench=N): synthetic frames of N moving aircraft at 4 frames/s, no server connection ------
  function runBench(n, seconds) {
    setStatus('connected', `benchmark: ${n} aircraft`);
    const rnd = (a, b) => a + Math.random() * (b - a);
    const view = map.getView();
    view.setCenter(fromLonLat(-100, 35)); view.setZoom(4);
    const planes = Array.from({ length: n }, (_, i) => ({
      icao: (0x100000 + i).toString(16), lat: rnd(20, 50), lon: rnd(-125, -70), trk: rnd(0, 360), alt: Math.round(rnd(0, 45000) / 100) * 100, cs: 'BEN' + i,
    }));
    const started = Date.now();
    const heap = [];
    let seq = 0;
    state.bench = { aircraft: n, frames: 0, done: false };
    const tick = () => {
      const now = new Date().toISOString();
      const frame = { sequence: ++seq, sentAt: now, lost: [], events: [], alerts: [], aircraft: planes.map((p) => {
        p.lat += Math.cos(rad(p.trk)) * 0.002; p.lon += Math.sin(rad(p.trk)) * 0.002; p.trk = (p.trk + rnd(-2, 2) + 360) % 360;
        return { icao: p.icao, latitude: p.lat, longitude: p.lon, positionSource: 'Adsb', positionAt: now, barometricAltitudeFeet: p.alt, groundSpeedKnots: 450, trackDegrees: p.trk, callsign: p.cs, lastSeen: now, geofences: [] };
      }) };
      onFrame(frame);
      if (performance.memory && seq % 40 === 0) { heap.push(Math.round(performance.memory.usedJSHeapSize / 1048576)); }
      const stats = (list) => { const s = [...list].sort((a, b) => a - b); return s.length ? { median: +s[Math.floor(s.length / 2)].toFixed(2), p95: +s[Math.floor(s.length * 0.95)].toFixed(2), max: +s[s.length - 1].toFixed(2), count: s.length } : null; };
      state.bench = { aircraft: n, frames: seq, handleMs: stats(state.frameMs.slice(1)), renderMs: stats(renderMs.slice(1)), heapMB: heap, done: Date.now() - started >= seconds * 1000 };
      if (!state.bench.done) { setTimeout(tick, 250); }
    };
    tick();
  }

  // ---- start -----------------------------------------------------------------------------------------------------
  async function main() {
    wireControls();
    const basemap = loadBasemap().catch((e) => { console.error('basemap', e); });
    if (BENCH) { await basemap; state.ready = true; runBench(BENCH, Number(params.get('seconds')) || 30); return; }
    let config = { tileUrl: null, tileAttribution: null, apiKeyRequired: false };
    try { config = await api('api/map/config'); } catch (e) { console.warn('map config', e); }
    applyConfig(config);
    if (config.apiKeyRequired && !state.apiKey) { askForKey(); return; }
    fetch('api/geofences/datasets', { headers: headers() }).then((r) => (r.ok ? r.json() : null)).then((list) => {
      const installed = (list && list.datasets ? list.datasets : []).filter((d) => d.installed);
      if (installed.length > 0) {
        $('attribution').textContent = 'National boundaries: ' + installed.map((d) => `${d.attribution} (${d.licence}; ${d.package} v${d.packageVersion})`).join('; ');
      }
    }).catch(() => { /* the static attribution stays */ });
    state.area = currentArea();
    start();
    await Promise.all([basemap, loadFences().catch((e) => console.error('fences', e)), loadRecentTimeline()]);
    state.ready = true;
    if (params.get('icao')) { select(params.get('icao'), !hasStart); }
  }

  main();
})();
