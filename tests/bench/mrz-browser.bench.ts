// Benchmark (not a test): the MRZ reader in real Chromium, in a dedicated module Web Worker as the app
// runs it, against Node on the same synthetic 1280×720 frames (test-output/synth, as bench:mrz makes it).
// Prints ms per frame p50/p95 with and without an MRZ in each, the ratio browser/Node, and whether both
// read the same lines on every frame. Only readMrzFrame is timed, inside the worker with performance.now().
// With --baseline DIR (another checkout's root, e.g. `git worktree add /tmp/before main`), a second worker runs
// that checkout's reader on the same frames, interleaved with ours, and the table compares the two as ratios.
// The boarding-pass camera (issue #18) is timed beside it in a third worker, on the same frames read alternately with
// the MRZ worker: ms per frame when the case screen asks for boarding passes, as a ratio to the MRZ reading, and on
// generated frames holding a pass's PDF417, QR or Aztec code (with how many were read within two frames).
// Each frame is read --repeat times in each (alternately) and its median kept, as bench:mrz does: on a
// shared machine a single read's p95 is the other processes' stalls, not the reader's cost.
// Then the condition set (mrz-bench-set.ts: print sizes 10-60 px, quarter turns, tilt out of the plane up to 30°,
// every format, security print under the MRZ, phone photos, glare, JPEG q30-90) read through the same worker:
// exact, accepted and false accepts by print size, rotation and format, with ms per frame p50/p95 in each row.
// Usage: npm run bench:mrz-browser [-- --frames N=100 (with an MRZ)] [--empty N=20] [--synth DIR] [--baseline DIR] [--repeat N=3]
//        [--conditions N=120 (0 to skip)] [--conditions-only]
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { readMrzFrame, type GrayImage } from '../../shared/mrz/reader';
import { readImage } from '../../scripts/image-io';
import { benchFrames, conditionFrame, ConditionTables, CONDITION_SEED, pct, type ConditionFrame } from './mrz-bench-set';
import { codeFrame } from '../support/code-images';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => { const i = args.indexOf(name); return i >= 0 && args[i + 1] ? args[i + 1]! : def; };
const synthDir = resolve(opt('--synth', 'test-output/synth'));
const nMrz = Number(opt('--frames', '100'));
const nEmpty = Number(opt('--empty', '20'));
const baselineDir = opt('--baseline', '') ? resolve(opt('--baseline', '')) : null;
const repeat = Math.max(1, Number(opt('--repeat', '3')));
const nConditions = Number(opt('--conditions', '120'));
const conditionsOnly = args.includes('--conditions-only');
const ROOT = resolve(new URL('.', import.meta.url).pathname, '../..');

interface Reading { ms: number; lines: string[] | null; valid: boolean }
/** What the page keeps on its global scope between page.evaluate calls. */
interface BenchPage { readFrame(index: number, width: number, height: number, worker: Which, fresh?: boolean): Promise<Reading> }
type Which = 'ours' | 'baseline' | 'pass';

// The worker's whole program: the engine's public entry, timed around the call only (not the message hops).
const WORKER_ENTRY = `
import { readMrzFrame } from './shared/mrz/reader';
self.onmessage = (event) => {
  const { width, height, buffer } = event.data;
  const t0 = performance.now();
  const r = readMrzFrame({ width, height, data: new Uint8Array(buffer) });
  const ms = performance.now() - t0;
  self.postMessage({ ms, lines: r.lines, valid: r.valid });
};`;

// The boarding-pass camera's reading as the worker runs it: one watcher over consecutive frames (full size, then half
// size, alternately), a new one for each new pass shown.
const PASS_WORKER_ENTRY = `
import { BoardingPassWatcher } from './shared/bcbp/camera';
let watcher = new BoardingPassWatcher();
self.onmessage = (event) => {
  const { width, height, buffer, fresh } = event.data;
  if (fresh) watcher = new BoardingPassWatcher();
  const t0 = performance.now();
  const r = watcher.push({ width, height, data: new Uint8Array(buffer) });
  const ms = performance.now() - t0;
  self.postMessage({ ms, lines: r.seen === 'code' ? [r.text] : null, valid: r.seen === 'code' });
};`;

/** A boarding pass as the codes carry it: two legs, as in the e2e tests. */
const BENCH_PASS = 'M2HANDAYANI/DEWI      EXK4P2Q PLMKULAK 1305 337Y012A0042 100XK4P2Q KULPNHAK 0542 338Y015C0043 100';

function row(label: string, a: string, b: string, ratio = ''): void {
  console.log(`  ${label.padEnd(36)} ${a.padStart(10)} ${b.padStart(10)} ${ratio.padStart(8)}`);
}

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

async function main(): Promise<void> {
  // The same set as bench:mrz.
  const truth = benchFrames(synthDir);
  const chosen = conditionsOnly ? [] : [...truth.filter((t) => t.lines).slice(0, nMrz), ...truth.filter((t) => !t.lines).slice(0, nEmpty)];
  // Decoded once here: the page fetches the very same grey bytes, so decoding is in neither timing.
  const images: GrayImage[] = chosen.map((t) => readImage(join(synthDir, t.file)));
  // Frames with a boarding pass's code, after the MRZ set: each format at three print sizes, centred and off-centre.
  const codeStart = images.length;
  const codeLabels: string[] = [];

  for (const format of conditionsOnly ? [] : ['pdf417', 'qr', 'aztec'] as const) {
    for (const scale of format === 'pdf417' ? [2, 3, 4] : [3, 5, 8]) {
      for (const left of [undefined, 200]) {
        images.push(codeFrame(format, BENCH_PASS, { scale, left }));
        codeLabels.push(`${format} ${scale} px ${left === undefined ? 'centred' : 'left'}`);
      }
    }
  }

  const codeEnd = images.length;
  // The condition set after the codes, made here (Node) and fetched by the page as grey bytes like the rest.
  const conditionStart = codeEnd;
  const conditions: ConditionFrame[] = Array.from({ length: nConditions }, (_, i) => conditionFrame(i));
  images.push(...conditions.map((c) => c.image));

  const bundleFrom = async (dir: string): Promise<string> => (await build({
    stdin: { contents: WORKER_ENTRY, resolveDir: dir, sourcefile: 'mrz-bench-worker.ts', loader: 'ts' },
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent',
  })).outputFiles[0]!.text;
  const workerJs = await bundleFrom(ROOT);
  const baselineJs = baselineDir ? await bundleFrom(baselineDir) : null;
  const passJs = (await build({
    stdin: { contents: PASS_WORKER_ENTRY, resolveDir: ROOT, sourcefile: 'pass-bench-worker.ts', loader: 'ts' },
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent',
  })).outputFiles[0]!.text;

  // A real http origin rather than about:blank: the page can fetch frames as raw bytes, and the worker
  // loads from a URL like the app's (a blob: worker on about:blank also works in this Chromium).
  const server = createServer((req, res) => {
    const frame = /^\/frame\/(\d+)$/.exec(req.url ?? '');
    if (frame && images[Number(frame[1])]) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(images[Number(frame[1])]!.data);
    } else if (req.url === '/worker.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(workerJs);
    else if (req.url === '/pass.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(passJs);
    else if (req.url === '/baseline.js' && baselineJs) res.writeHead(200, { 'content-type': 'text/javascript' }).end(baselineJs);
    else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>mrz bench</title>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${base}/`);
    // No named const functions in page.evaluate bodies: tsx keeps names with __name(), which the page lacks.
    await page.evaluate((withBaseline) => {
      const workers = { ours: new Worker('/worker.js', { type: 'module' }), baseline: withBaseline ? new Worker('/baseline.js', { type: 'module' }) : null, pass: new Worker('/pass.js', { type: 'module' }) };
      (globalThis as unknown as BenchPage).readFrame = async (index, width, height, which, fresh = false) => {
        const worker = workers[which]!;
        const buffer = await (await fetch(`/frame/${index}`)).arrayBuffer();
        return new Promise<Reading>((ok, fail) => {
          worker.onmessage = (event: MessageEvent<Reading>) => ok(event.data);
          worker.onerror = (event) => fail(new Error(`worker: ${event.message}`));
          worker.postMessage({ width, height, buffer, fresh }, [buffer]);
        });
      };
    }, !!baselineJs);
    const inBrowser = (i: number, which: Which = 'ours', fresh = false): Promise<Reading> =>
      page.evaluate(([index, width, height, w, f]) => (globalThis as unknown as BenchPage).readFrame(index, width, height, w, f), [i, images[i]!.width, images[i]!.height, which, fresh] as const);
    const inNode = (i: number): Reading => {
      const t0 = performance.now();
      const r = readMrzFrame(images[i]!);
      return { ms: performance.now() - t0, lines: r.lines, valid: r.valid };
    };

    // The condition set through the worker: each frame read --repeat times (median ms kept), with the baseline's
    // reader alternately when given; single-frame readings (the live loop's two-frame vote is not in them).
    const readConditions = async (): Promise<void> => {
      if (!conditions.length) return;
      console.log(`\ncondition set in the Chromium worker: ${conditions.length} frames, 1280×720, seeds ${CONDITION_SEED}-${CONDITION_SEED + conditions.length - 1}; load average ${load()} at start`);
      for (let k = 0; k < Math.min(5, conditions.length); k++) { await inBrowser(conditionStart + k); if (baselineJs) await inBrowser(conditionStart + k, 'baseline'); }
      const tables = new ConditionTables(), baseTables = new ConditionTables();
      const ours: number[] = [], theirs: number[] = [];
      for (let k = 0; k < conditions.length; k++) {
        const w: Reading[] = [], b: Reading[] = [];
        for (let r = 0; r < repeat; r++) {
          w.push(await inBrowser(conditionStart + k));
          if (baselineJs) b.push(await inBrowser(conditionStart + k, 'baseline'));
        }
        const mw = median(w);
        tables.add(conditions[k]!, mw, mw.ms);
        ours.push(mw.ms);
        if (baselineJs) { const mb = median(b); baseTables.add(conditions[k]!, mb, mb.ms); theirs.push(mb.ms); }
      }
      console.log(`ms per frame: readMrzFrame in the worker, each frame's median of ${repeat} reads; load average ${load()} at the end`);
      tables.print();
      if (tables.failures.length) console.log(`  not read exactly and accepted (${tables.failures.length}):\n    ${tables.failures.join('\n    ')}`);
      if (baselineJs) {
        console.log(`\nthe baseline's reader (${baselineDir}) on the same frames, read alternately`);
        baseTables.print();
        row('ours / baseline ms p50, p95', `${(pct(ours, 0.5) / pct(theirs, 0.5)).toFixed(2)}x`, `${(pct(ours, 0.95) / pct(theirs, 0.95)).toFixed(2)}x`);
      }
    };
    const median = (rs: Reading[]): Reading => [...rs].sort((a, b) => a.ms - b.ms)[rs.length >> 1]!;

    const withCount = chosen.filter((t) => t.lines).length;
    // The first 5 of each kind, so both the full path and the nothing-found path are compiled.
    const warm = [...chosen.keys()].filter((i) => (i < withCount ? i : i - withCount) < 5);
    console.log(`MRZ reading in Chromium (dedicated module worker) vs Node — ${new Date().toISOString()}`);
    console.log(`node ${process.version} (V8 ${process.versions.v8}), Chromium ${browser.version()}; machine: ${cpus().length} CPUs, load average ${load()} at start (wall times suffer when it exceeds the CPU count)`);
    console.log(`frames: ${withCount} with an MRZ, ${chosen.length - withCount} without (the first of each in ${synthDir}, 1280×720)`);
    console.log(`warm-up: ${warm.length} frames (the first ${Math.min(5, withCount)} with an MRZ and ${warm.length - Math.min(5, withCount)} without) read once in each, untimed`);
    console.log('Node and the worker read the frames alternately, so a change in the machine\'s load hits both alike');
    if (conditionsOnly) { await readConditions(); return; }
    // Warm-up so that JIT compilation is not billed to the timed frames.
    for (const i of warm) { inNode(i); await inBrowser(i); if (baselineJs) await inBrowser(i, 'baseline'); await inBrowser(i, 'pass'); }
    for (let i = codeStart; i < codeEnd; i++) await inBrowser(i, 'pass', true);

    const node: Reading[] = [], web: Reading[] = [], before: Reading[] = [], pass: Reading[] = [];
    let nodeCpuMs = 0, nodeWall = 0;
    for (let i = 0; i < chosen.length; i++) {
      const n: Reading[] = [], w: Reading[] = [], b: Reading[] = [], p: Reading[] = [];
      for (let k = 0; k < repeat; k++) {
        const c0 = process.cpuUsage();
        n.push(inNode(i));
        nodeWall += n[n.length - 1]!.ms;
        const cu = process.cpuUsage(c0);
        nodeCpuMs += (cu.user + cu.system) / 1000;
        w.push(await inBrowser(i));
        if (baselineJs) b.push(await inBrowser(i, 'baseline'));
        p.push(await inBrowser(i, 'pass'));
      }
      node.push(median(n)); web.push(median(w)); pass.push(median(p));
      if (baselineJs) before.push(median(b));
    }
    // Each pass shown for two frames (one at full size, one at half), to a watcher that has seen no pass yet.
    const passCodes: { ms: number[]; read: boolean }[] = [];
    for (let i = codeStart; i < codeEnd; i++) {
      const first = await inBrowser(i, 'pass', true), second = await inBrowser(i, 'pass');
      passCodes.push({ ms: [first.ms, second.ms], read: [first, second].some((r) => r.lines?.[0] === BENCH_PASS) });
    }

    const f1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
    const ms = (rs: Reading[], mrz: boolean): number[] => rs.filter((_, i) => !!chosen[i]!.lines === mrz).map((r) => r.ms);
    console.log(`\nms per frame (wall, readMrzFrame only; each frame's median of ${repeat} reads)`);
    row('', 'node', 'chromium', 'ratio');
    for (const [label, mrz, q] of [
      ['with MRZ p50', true, 0.5], ['with MRZ p95', true, 0.95], ['without MRZ p50', false, 0.5], ['without MRZ p95', false, 0.95],
    ] as const) {
      const a = pct(ms(node, mrz), q), b = pct(ms(web, mrz), q);
      row(label, f1(a), f1(b), a > 0 ? `${(b / a).toFixed(2)}x` : '');
    }
    if (baselineJs) {
      console.log(`\nworker: the baseline's reader (${baselineDir}) against ours, read alternately on the same frames`);
      row('', 'baseline', 'ours', 'ratio');
      for (const [label, mrz, q] of [
        ['with MRZ p50', true, 0.5], ['with MRZ p95', true, 0.95], ['without MRZ p50', false, 0.5], ['without MRZ p95', false, 0.95],
      ] as const) {
        const a = pct(ms(before, mrz), q), b = pct(ms(web, mrz), q);
        row(label, f1(a), f1(b), a > 0 ? `${(b / a).toFixed(2)}x` : '');
      }
      const exact = (rs: Reading[]): number => rs.filter((r, i) => !!chosen[i]!.lines && r.lines?.join('|') === chosen[i]!.lines!.join('|')).length;
      row(`read exactly (of ${withCount})`, String(exact(before)), String(exact(web)));
    }
    console.log('\nboarding-pass camera (issue #18): the worker asked for boarding passes reads barcodes instead of the MRZ;');
    console.log('ms per frame, interleaved with the MRZ reading on the same frames (the passport screen decodes no barcode)');
    row('', 'mrz', 'pass', 'ratio');
    for (const [label, mrz, q] of [
      ['frames with an MRZ p50', true, 0.5], ['frames with an MRZ p95', true, 0.95], ['frames without p50', false, 0.5], ['frames without p95', false, 0.95],
    ] as const) {
      const a = pct(ms(web, mrz), q), b = pct(ms(pass, mrz), q);
      row(label, f1(a), f1(b), a > 0 ? `${(b / a).toFixed(2)}x` : '');
    }
    const codeMs = passCodes.flatMap((c) => c.ms);
    const mrzAll = pct(web.map((r) => r.ms), 0.5);
    row('frames with a pass code p50', f1(mrzAll), f1(pct(codeMs, 0.5)), `${(pct(codeMs, 0.5) / mrzAll).toFixed(2)}x`);
    row('frames with a pass code p95', '', f1(pct(codeMs, 0.95)));
    row(`passes read within two frames (of ${passCodes.length})`, '', String(passCodes.filter((c) => c.read).length));
    const missed = passCodes.flatMap((c, i) => (c.read ? [] : [codeLabels[i]!]));
    if (missed.length) console.log(`  not read: ${missed.join('; ')}`);
    const falseCodes = pass.filter((r) => r.valid).length;
    row(`codes "read" on MRZ/empty frames (of ${pass.length})`, '', String(falseCodes));
    const differ = chosen.flatMap((t, i) =>
      JSON.stringify([node[i]!.lines, node[i]!.valid]) === JSON.stringify([web[i]!.lines, web[i]!.valid]) ? []
        : [`${t.file}: node ${node[i]!.lines?.join('|') ?? 'no MRZ'}${node[i]!.valid ? ' [valid]' : ''} / chromium ${web[i]!.lines?.join('|') ?? 'no MRZ'}${web[i]!.valid ? ' [valid]' : ''}`]);
    console.log(`\nreadings equal in Chromium and Node (same lines, same validity): ${chosen.length - differ.length}/${chosen.length} frames`);
    if (differ.length) console.log(`  ${differ.slice(0, 20).join('\n  ')}`);
    // The worker's CPU time is out of reach, so Node's tells how much of the wall time the load took.
    console.log(`load average at the end: ${load()}; Node's CPU time was ${(100 * nodeCpuMs / nodeWall).toFixed(0)}% of its wall time (a little over 100%: V8's helper threads; well under: other processes had the core)`);
    await readConditions();
  } finally {
    await browser.close();
    server.close();
  }
}

void main();
