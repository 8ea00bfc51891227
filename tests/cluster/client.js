// The client of tests/cluster/cluster.sh: workers that read household views and
// change the care map through the proxy while the script kills servers.
// Each worker owns one provision and updates it with the version of its last
// acknowledged update; it also adds provisions. After every acknowledged
// update it reads the household from every server directly: each must show
// that version (a server's view cache must not serve what another changed as
// it was). It writes what was acknowledged to a JSON file for the script to
// compare with the database.
// Usage: node client.js OUT PROXY_URL SERVER_URLS(comma) COOKIE CSRF PROVIDER SECONDS SPEC...
//   SPEC: household/provision, one per worker.
'use strict';
const fs = require('fs');
const [out, proxy, serverList, cookie, csrf, provider, seconds, ...specs] = process.argv.slice(2);
const servers = serverList.split(',');
const until = Date.now() + Number(seconds) * 1000;
const result = {
  reads_ok: 0, writes_ok: 0, unknown: 0, stale: [], failures: [], posts: [], puts: {}, uncertain_puts: {},
  direct_checks: 0, statuses: {},
};

async function call(base, method, path, body) {
  const headers = { Cookie: cookie };
  if (method !== 'GET') Object.assign(headers, { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' });
  try {
    const res = await fetch(base + path, { method, headers, body: body && JSON.stringify(body),
                                           signal: AbortSignal.timeout(15000) });
    const text = await res.text();
    return { status: res.status, text };
  } catch (e) {
    return { status: 0, text: String(e && e.cause ? e.cause.code || e.cause : e) };
  }
}
// A proxy answer that leaves it open whether the server applied the request:
// the server died with the request in flight (502), or none was up (503), or
// the connection broke.
const uncertain = (s) => s === 0 || s === 502 || s === 503 || s === 504;
function count(status) { result.statuses[status] = (result.statuses[status] || 0) + 1; }
function provisionIn(text, id) {
  const view = JSON.parse(text);
  return ((view.household || view).provisions || []).find((p) => p.id === id);
}

async function worker(index, spec) {
  const [household, provision] = spec.split('/');
  let version = null, goal = null, n = 0;
  const resync = async () => {
    for (let tries = 0; tries < 50 && Date.now() < until + 10000; tries++) {
      const r = await call(proxy, 'GET', `/api/v1/households/${household}`);
      count(r.status);
      if (r.status === 200) {
        const p = provisionIn(r.text, provision);
        version = p.version; goal = p.goal;
        result.reads_ok++;
        return;
      }
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`worker ${index}: cannot read ${household} through the proxy`);
  };
  await resync();
  while (Date.now() < until) {
    n++;
    if (n % 3 === 0) {
      const g = `cluster w${index} n${n}`;
      const r = await call(proxy, 'PUT', `/api/v1/households/${household}/provisions/${provision}`,
        { domain: 'wmo', provider_id: provider, start_date: '2019-01-01', annual_cost_cents: 100000 + n, goal: g, version });
      count(r.status);
      if (r.status === 200) {
        result.writes_ok++;
        version = JSON.parse(r.text).version; goal = g;
        (result.puts[provision] ||= []).push({ version, goal });
        // Every server that is up must now show this version.
        for (const s of servers) {
          const d = await call(s, 'GET', `/api/v1/households/${household}`);
          if (d.status !== 200) continue;  // killed just now, or starting
          result.direct_checks++;
          result.reads_ok++;
          const p = provisionIn(d.text, provision);
          if (!p || p.version !== version || p.goal !== goal)
            result.stale.push({ server: s, provision, acknowledged: version, served: p && p.version });
        }
      } else if (uncertain(r.status)) {
        result.unknown++;
        result.uncertain_puts[provision] = (result.uncertain_puts[provision] || 0) + 1;
        await resync();
      } else {
        result.failures.push({ method: 'PUT', status: r.status, text: r.text.slice(0, 200) });
        await resync();
      }
    } else if (n % 7 === 0) {
      const id = `${household}-CL${index}N${n}`;
      const r = await call(proxy, 'POST', `/api/v1/households/${household}/provisions`,
        { id, domain: 'wmo', provider_id: provider, start_date: '2019-01-01', annual_cost_cents: 50000 });
      count(r.status);
      if (r.status === 201) { result.writes_ok++; result.posts.push(id); }
      else if (uncertain(r.status)) result.unknown++;
      else result.failures.push({ method: 'POST', status: r.status, text: r.text.slice(0, 200) });
    } else {
      const r = await call(proxy, 'GET', `/api/v1/households/${household}`);
      count(r.status);
      if (r.status === 200) result.reads_ok++;
      else if (uncertain(r.status)) result.unknown++;
      else result.failures.push({ method: 'GET', status: r.status, text: r.text.slice(0, 200) });
    }
  }
}

Promise.all(specs.map((s, i) => worker(i, s)))
  .then(() => fs.writeFileSync(out, JSON.stringify(result)))
  .catch((e) => { result.failures.push({ error: String(e) }); fs.writeFileSync(out, JSON.stringify(result)); });
