#!/usr/bin/env node
// First load of the web UI, measured in Chromium against a real server:
// first-contentful-paint, the moment the page's own heading is there, and
// the bytes of JS and CSS the browser fetched, for the sign-in page and for
// a household page after signing in as the demo director. Each run starts
// with an empty cache. Prints one line per run, the medians, and a last line
// `RESULT {json}` for bench/firstload.sh.
//
//   node bench/firstload.mjs [--web-root DIR] [--runs 5] [--label NAME] [--slow]
//
// REGIE_BIN (default ../build/src/regie from web/) runs `regie demo` on a fresh
// database on loopback; CHROMIUM_BIN (default /usr/bin/chromium).
// --slow: the browser's network is throttled (40 ms, 10 Mbit/s down), so
// that the bytes count as they would outside this machine.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { codes } from '../e2e/totp.mjs';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const webRoot = path.resolve(arg('web-root', path.join(webDir, 'dist')));
const runs = Number(arg('runs', '5'));
const label = arg('label', 'this build');
const slow = process.argv.includes('--slow');
const regieBin = path.resolve(webDir, process.env.REGIE_BIN ?? '../build/src/regie');
const chromiumBin = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const GOAL_MS = 1000;

function startDemo(dir) {
  const child = spawn(regieBin, ['--log-level', 'warn', 'demo', '--db', path.join(dir, 'demo.db'), '--port', '0', '--web-root', webRoot,
    '--rate-limit', '1000000', '--rate-burst', '1000000'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.resume();
  const ready = new Promise((resolve, reject) => {
    let baseUrl = null;
    let director = null;
    const timer = setTimeout(() => reject(new Error('regie demo did not start within 60 s')), 60_000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const url = /http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
      if (url && url[1] !== '0') baseUrl ??= `http://127.0.0.1:${url[1]}`;
      const who = /Sign in as director \(.*\): user "([^"]+)" password "([^"]+)"(?: totp "([A-Z2-7]+)")?/.exec(line);
      if (who) director ??= { username: who[1], password: who[2], totp: who[3] ?? null };
      if (baseUrl && director) {
        clearTimeout(timer);
        resolve({ baseUrl, director });
      }
    });
    child.on('exit', (code) => reject(new Error(`regie demo exited (code ${code})`)));
  });
  return { child, ready };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Opens `url` in a fresh context and waits for a main heading that `ready` accepts. */
async function measure(browser, url, storageState, ready) {
  const context = await browser.newContext({ storageState, locale: 'nl-NL' });
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 40,
      downloadThroughput: (10 * 1024 * 1024) / 8,
      uploadThroughput: (5 * 1024 * 1024) / 8,
    });
  }
  await page.goto(url, { waitUntil: 'commit' });
  const heading = await page.waitForFunction(
    (pattern) => {
      const h1 = document.querySelector('main h1');
      return h1 && new RegExp(pattern).test(h1.textContent ?? '') ? performance.now() : null;
    },
    ready,
    { timeout: 30_000, polling: 'raf' },
  );
  const headingMs = await heading.jsonValue();
  await page.waitForLoadState('load');
  // The paint entry can be delivered after the load event: wait for it (buffered observer).
  const fcp = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const seen = performance.getEntriesByName('first-contentful-paint')[0];
        if (seen) return resolve(seen.startTime);
        new PerformanceObserver((list) => {
          const e = list.getEntriesByName('first-contentful-paint')[0];
          if (e) resolve(e.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(null), 10_000);
      }),
  );
  if (fcp === null) throw new Error(`no first-contentful-paint for ${url}`);
  const figures = await page.evaluate(() => {
    let js = 0;
    let css = 0;
    for (const r of performance.getEntriesByType('resource')) {
      // As sent: the server compresses what the browser accepts compressed.
      const size = r.encodedBodySize || r.transferSize || 0;
      if (/\.js(\?|$)/.test(r.name)) js += size;
      else if (/\.css(\?|$)/.test(r.name)) css += size;
    }
    return { js, css };
  });
  await context.close();
  return { ...figures, fcp, heading: headingMs };
}

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const ms = (n) => `${Math.round(n)} ms`;

async function main() {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) throw new Error(`no built web in ${webRoot} (npm run build)`);
  if (!fs.existsSync(regieBin)) throw new Error(`no regie binary at ${regieBin} (set REGIE_BIN)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regie-firstload-'));
  const { child, ready } = startDemo(dir);
  const browser = await chromium.launch({
    executablePath: chromiumBin,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    const { baseUrl, director } = await ready;
    // One sign-in (a TOTP step is accepted once); every run reuses its cookie in a fresh context.
    const signIn = await browser.newContext();
    const code = director.totp ? await codes()(director.username, director.totp) : undefined;
    const r = await signIn.request.post(`${baseUrl}/api/v1/session`, {
      data: { username: director.username, password: director.password, code },
    });
    if (r.status() !== 200) throw new Error(`director sign-in answered ${r.status()}`);
    const answer = await signIn.request.get(`${baseUrl}/api/v1/households`);
    const list = await answer.json();
    if (!list.households?.length) throw new Error(`GET /api/v1/households answered ${answer.status()}: ${JSON.stringify(list).slice(0, 200)}`);
    const household = list.households[0].id;
    const state = await signIn.storageState();
    await signIn.close();

    const pages = [
      { name: 'sign-in page (/inloggen)', url: `${baseUrl}/inloggen`, state: undefined, ready: '^Inloggen' },
      { name: `household page (/huishoudens/${household})`, url: `${baseUrl}/huishoudens/${household}`, state, ready: '^Gezin ' },
    ];
    const result = { label, runs, slow, pages: {} };
    console.log(`# ${label}: ${webRoot}, ${runs} runs per page${slow ? ', throttled network' : ''}`);
    for (const p of pages) {
      await measure(browser, p.url, p.state, p.ready); // warms the server, not the browser (fresh context each run)
      const all = [];
      for (let i = 0; i < runs; i++) {
        const m = await measure(browser, p.url, p.state, p.ready);
        all.push(m);
        console.log(`  ${p.name} run ${i + 1}: FCP ${ms(m.fcp)}, heading ${ms(m.heading)}, JS ${kb(m.js)}, CSS ${kb(m.css)}`);
      }
      const summary = {
        fcp: median(all.map((m) => m.fcp)),
        heading: median(all.map((m) => m.heading)),
        js: median(all.map((m) => m.js)),
        css: median(all.map((m) => m.css)),
      };
      result.pages[p.name.split(' ')[0]] = summary;
      const verdict = summary.fcp < GOAL_MS ? 'meets' : 'misses';
      console.log(
        `${p.name}: median FCP ${ms(summary.fcp)} (${verdict} the goal of < ${GOAL_MS} ms), heading ${ms(summary.heading)}, ` +
          `JS ${kb(summary.js)}, CSS ${kb(summary.css)}`,
      );
    }
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err?.stack ?? String(err));
  process.exit(1);
});
