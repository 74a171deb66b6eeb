// Drives Debian's headless Chromium over the DevTools protocol (no npm dependency) to run the map page in a mode
// and print what it measured. Used for the README's map figures:
//   node --experimental-websocket src/LiveTrack.NpmAssets/scripts/map-bench.mjs 'http://127.0.0.1:5080/?bench=10000&seconds=60'
// Options: --screenshot file.png (after the run), --wait 'expression' (default: livetrack.bench && livetrack.bench.done),
// --print 'expression' (default: livetrack.bench), --size 1400,900.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const url = args.find((a) => /^https?:/.test(a));
if (!url) { console.error('usage: map-bench.mjs URL [--screenshot file.png] [--wait expr] [--print expr]'); process.exit(2); }
const wait = option('--wait', 'window.livetrack && livetrack.bench && livetrack.bench.done');
const print = option('--print', 'livetrack.bench');
const screenshot = option('--screenshot', null);
const size = option('--size', '1400,900');
const timeoutMs = Number(option('--timeout', '900')) * 1000;

const profile = mkdtempSync(join(tmpdir(), 'livetrack-bench-'));
const chromium = spawn('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage',
  '--enable-precise-memory-info', `--user-data-dir=${profile}`, '--remote-debugging-port=0', `--window-size=${size}`, 'about:blank'], { stdio: 'ignore' });
const portFile = join(profile, 'DevToolsActivePort');
const deadline = Date.now() + timeoutMs;
while (!existsSync(portFile) || readFileSync(portFile, 'utf8').length === 0) { await new Promise((r) => setTimeout(r, 50)); }
const port = readFileSync(portFile, 'utf8').split('\n')[0];
const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const socket = new WebSocket(targets.find((t) => t.type === 'page').webSocketDebuggerUrl);
await new Promise((r) => socket.addEventListener('open', r, { once: true }));
let id = 0;
const pending = new Map();
const problems = [];
socket.addEventListener('message', (m) => {
  const msg = JSON.parse(m.data);
  if (pending.has(msg.id)) { pending.get(msg.id)(msg); pending.delete(msg.id); }
  if (msg.method === 'Runtime.exceptionThrown') { problems.push(msg.params.exceptionDetails.exception?.description || msg.params.exceptionDetails.text); }
  if (msg.method === 'Runtime.consoleAPICalled' && (msg.params.type === 'error' || msg.params.type === 'warning')) { problems.push(msg.params.args.map((a) => a.value ?? a.description).join(' ')); }
});
const send = (method, params = {}) => new Promise((resolve) => { const n = ++id; pending.set(n, resolve); socket.send(JSON.stringify({ id: n, method, params })); });
const evaluate = async (expression) => (await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })).result?.result?.value;

await send('Runtime.enable');
await send('Page.navigate', { url });
let value;
while (!(value = await evaluate(`(() => { try { return !!(${wait}); } catch { return false; } })()`))) {
  if (Date.now() > deadline) { console.error('timed out waiting for', wait, problems); break; }
  await new Promise((r) => setTimeout(r, 500));
}
if (problems.length) { console.error('page problems:', problems.slice(0, 20)); }
console.log(JSON.stringify(await evaluate(`JSON.parse(JSON.stringify(${print}))`), null, 1));
if (screenshot) {
  const shot = await send('Page.captureScreenshot', { format: 'png' });
  writeFileSync(screenshot, Buffer.from(shot.result.data, 'base64'));
}
socket.close();
await new Promise((r) => { chromium.once('exit', r); chromium.kill(); });
rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
