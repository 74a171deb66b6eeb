// LiveTrack page: a minimal SignalR client (JSON hub protocol over WebSocket, no library needed) for
// /hubs/tracking, a plot of positions and a table of the aircraft in the chosen area.
(() => {
  'use strict';
  const RS = '\u001e';
  const aircraft = new Map();
  let frames = 0;
  let invocationId = 0;
  const pending = new Map();
  let socket;
  let subscription = null;

  const $ = (id) => document.getElementById(id);

  function setStatus(text, state) {
    $('status').textContent = text;
    $('status').dataset.state = state;
  }

  function send(message) {
    socket.send(JSON.stringify(message) + RS);
  }

  function invoke(target, ...args) {
    const id = String(++invocationId);
    send({ type: 1, invocationId: id, target, arguments: args });
    return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
  }

  function onMessage(message) {
    switch (message.type) {
      case 1: // invocation from the server
        if (message.target.toLowerCase() === 'positions') { onFrame(message.arguments[0]); }
        break;
      case 3: { // completion
        const call = pending.get(message.invocationId);
        pending.delete(message.invocationId);
        if (call) { message.error ? call.reject(new Error(message.error)) : call.resolve(message.result); }
        break;
      }
      case 7: // close
        setStatus('closed by server' + (message.error ? ': ' + message.error : ''), 'error');
        break;
    }
  }

  function onFrame(frame) {
    frames++;
    for (const e of frame.events || []) { addEvent(e); }
    for (const a of frame.alerts || []) { addAlert(a); }
    for (const a of frame.aircraft) { aircraft.set(a.icao, a); }
    for (const icao of frame.lost) { aircraft.delete(icao); }
    const [minLon, minLat, maxLon, maxLat] = currentArea();
    for (const [icao, a] of aircraft) {
      if (a.latitude != null && !inside(a, minLon, minLat, maxLon, maxLat)) { aircraft.delete(icao); }
    }
    render();
  }

  function addEvent(e) {
    const item = document.createElement('li');
    item.dataset.icao = e.icao;
    item.dataset.kind = e.kind;
    const where = e.crossing ? ` at ${e.crossing.latitude.toFixed(4)}, ${e.crossing.longitude.toFixed(4)}` : '';
    item.textContent = `${new Date(e.at).toISOString().slice(11, 19)}Z ${e.callsign || e.icao} ${e.kind} ${e.fenceName || e.fenceId} (${e.reason}${where})`;
    const list = $('events');
    list.prepend(item);
    while (list.children.length > 50) { list.lastChild.remove(); }
  }

  function addAlert(a) {
    const item = document.createElement('li');
    item.dataset.icao = a.icao;
    item.dataset.rule = a.ruleId;
    item.textContent = `${a.summary} [${a.ruleName || a.ruleId}]` + (a.traceId ? ` trace ${a.traceId}` : '');
    const list = $('alerts');
    list.prepend(item);
    while (list.children.length > 50) { list.lastChild.remove(); }
  }

  function currentArea() { return $('area').value.split(',').map(Number); }

  function inside(a, minLon, minLat, maxLon, maxLat) {
    if (a.latitude < minLat || a.latitude > maxLat) { return false; }
    return minLon <= maxLon ? a.longitude >= minLon && a.longitude <= maxLon : a.longitude >= minLon || a.longitude <= maxLon;
  }

  function render() {
    $('count').textContent = aircraft.size;
    $('frames').textContent = frames;
    const canvas = $('plot');
    const ctx = canvas.getContext('2d');
    const [minLon, minLat, maxLon, maxLat] = currentArea();
    const width = ((maxLon - minLon) + 360) % 360 || 360;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const rows = [];
    for (const a of aircraft.values()) {
      if (a.latitude != null) {
        const x = ((((a.longitude - minLon) % 360) + 360) % 360) / width * canvas.width;
        const y = (maxLat - a.latitude) / (maxLat - minLat) * canvas.height;
        ctx.fillStyle = a.icao >= 'ae0000' && a.icao <= 'afffff' ? '#ffa657' : '#7ee787';
        ctx.fillRect(x - 2, y - 2, 4, 4);
      }
      rows.push(a);
    }
    rows.sort((p, q) => (p.callsign || p.icao).localeCompare(q.callsign || q.icao));
    const fmt = (v, d) => v == null ? '' : Number(v).toFixed(d);
    $('aircraft').innerHTML = rows.slice(0, 200).map((a) =>
      `<tr data-icao="${a.icao}" class="${a.icao >= 'ae0000' && a.icao <= 'afffff' ? 'military' : ''}">` +
      `<td>${a.icao}</td><td>${escape(a.callsign)}</td><td>${fmt(a.latitude, 4)}</td><td>${fmt(a.longitude, 4)}</td>` +
      `<td>${a.barometricAltitudeFeet ?? ''}</td><td>${fmt(a.groundSpeedKnots, 0)}</td><td>${fmt(a.trackDegrees, 0)}</td>` +
      `<td>${escape(a.squawk)}</td><td>${a.positionSource ?? ''}</td></tr>`).join('');
  }

  function escape(text) {
    return text == null ? '' : String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  }

  async function subscribe() {
    if (subscription) { await invoke('Unsubscribe', subscription); }
    aircraft.clear();
    subscription = await invoke('SubscribeArea', ...currentArea());
    render();
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/hubs/tracking`);
    let handshakeDone = false;
    let buffer = '';
    socket.onopen = () => socket.send(JSON.stringify({ protocol: 'json', version: 1 }) + RS);
    socket.onmessage = async (event) => {
      buffer += event.data;
      const parts = buffer.split(RS);
      buffer = parts.pop();
      for (const part of parts) {
        const message = JSON.parse(part);
        if (!handshakeDone) {
          handshakeDone = true;
          if (message.error) { setStatus('handshake failed: ' + message.error, 'error'); return; }
          setStatus('connected', 'connected');
          subscription = null;
          try { await subscribe(); await invoke('SubscribeGeofenceEvents'); await invoke('SubscribeAlerts', null); } catch (e) { setStatus(e.message, 'error'); }
          continue;
        }
        onMessage(message);
      }
    };
    socket.onclose = () => {
      setStatus('disconnected, retrying…', 'error');
      setTimeout(connect, 2000);
    };
  }

  // Attribution of the installed boundary datasets (licence and version), as the API reports them.
  fetch('api/geofences/datasets').then((r) => (r.ok ? r.json() : null)).then((list) => {
    const installed = (list && list.datasets ? list.datasets : []).filter((d) => d.installed);
    if (installed.length > 0) {
      $('attribution').textContent = 'National boundaries: ' + installed
        .map((d) => `${d.attribution} (${d.licence}; ${d.package} v${d.packageVersion})`).join('; ');
    }
  }).catch(() => { /* the static attribution stays */ });

  $('area').addEventListener('change', () => subscribe().catch((e) => setStatus(e.message, 'error')));
  setInterval(() => { if (socket && socket.readyState === WebSocket.OPEN) { send({ type: 6 }); } }, 15000);
  connect();
})();
