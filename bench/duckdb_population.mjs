// The DuckDB peer of `regie analyze pareto|stacking|providers`: the same three
// analyses as SQL over the same CSV files on disk, following DATA-FORMATS.md
// (proration by days of overlap as exact integer cent-days, bin edges on exact
// values, rounding half away from zero on exact values — all inputs are
// non-negative, so half away from zero is (2n + d) div 2d).
//
//   node duckdb_population.mjs DATA_DIR OUT_DIR THREADS RUNS [YEAR] [DATE]
//
// Writes OUT_DIR/duckdb-<analysis>-<threads>.csv and prints one JSON line per
// analysis with the best of RUNS wall times in seconds (query only: the
// process and DuckDB start are not counted).
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';

const [dataDir, outDir, threads, runsArg, yearArg = '2019', dateArg = '2019-12-31'] = process.argv.slice(2);
const runs = Number(runsArg || 1);
const year = Number(yearArg);
const diy = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
const q = (s) => `'${s.replace(/'/g, "''")}'`;

// Typed reads: a bad date or amount fails the query, as it fails Regie.
const allocations = `read_csv(${q(dataDir + '/allocations.csv')}, header = true, auto_detect = false,
  delim = ',', quote = '"', escape = '"', columns = {
  'allocation_id': 'VARCHAR', 'household_id': 'VARCHAR', 'client_id': 'VARCHAR', 'neighbourhood': 'VARCHAR',
  'domain': 'VARCHAR', 'provider_id': 'VARCHAR', 'product_code': 'VARCHAR', 'start_date': 'DATE',
  'end_date': 'DATE', 'hours_per_week': 'VARCHAR', 'yearly_cost_eur': 'DECIMAL(18,2)'})`;
const households = `read_csv(${q(dataDir + '/households.csv')}, header = true, auto_detect = false,
  delim = ',', quote = '"', escape = '"', columns = {
  'household_id': 'VARCHAR', 'neighbourhood': 'VARCHAR', 'members': 'VARCHAR'})`;
const active = `start_date <= DATE ${q(dateArg)} AND (end_date IS NULL OR end_date >= DATE ${q(dateArg)})`;

// n / d rounded half away from zero for n >= 0, d > 0; 0 when d = 0.
const rnd = (n, d) => `CASE WHEN (${d}) = 0 THEN 0 ELSE (2 * (${n}) + (${d})) // (2 * (${d})) END`;
const oneDecimal = (n, d) => {
  const t = rnd(`10 * (${n})`, d);
  return `CAST((${t}) // 10 AS VARCHAR) || '.' || CAST((${t}) % 10 AS VARCHAR)`;
};

const y0 = `DATE '${year}-01-01'`, y1 = `DATE '${year}-12-31'`;
const unit = BigInt(diy);  // cent-days per cent of yearly cost
const edges = [10000, 20000, 30000, 40000, 50000].map((e) => BigInt(e * 100) * unit);
const sql = {
  pareto: `
WITH a AS (
  SELECT household_id, client_id,
         CAST(yearly_cost_eur * 100 AS HUGEINT) *
           (LEAST(COALESCE(end_date, DATE '9999-12-31'), ${y1}) - GREATEST(start_date, ${y0}) + 1) AS cent_days
  FROM ${allocations}
  WHERE domain IN ('jeugd', 'wmo', 'bijstand', 'bijzondere_bijstand')
    AND start_date <= ${y1} AND (end_date IS NULL OR end_date >= ${y0})
    AND household_id IN (SELECT household_id FROM ${households})),
h AS (
  SELECT household_id, SUM(cent_days) AS cd, COUNT(*) AS provisions, COUNT(DISTINCT client_id) AS clients,
         CASE WHEN SUM(cent_days) < ${edges[0]} THEN 0 WHEN SUM(cent_days) < ${edges[1]} THEN 1
              WHEN SUM(cent_days) < ${edges[2]} THEN 2 WHEN SUM(cent_days) < ${edges[3]} THEN 3
              WHEN SUM(cent_days) < ${edges[4]} THEN 4 ELSE 5 END AS bin
  FROM a GROUP BY household_id),
bins(bin, label) AS (VALUES (0, '<10000'), (1, '10000-20000'), (2, '20000-30000'), (3, '30000-40000'),
                            (4, '40000-50000'), (5, '>=50000'), (6, 'TOTAL'), (7, 'TARGET>=30000')),
g0 AS (SELECT bin, COUNT(*) AS n, SUM(clients) AS c, SUM(provisions) AS p, SUM(cd) AS cd FROM h GROUP BY bin),
g1 AS (
  SELECT * FROM g0
  UNION ALL SELECT 6, SUM(n), SUM(c), SUM(p), SUM(cd) FROM g0
  UNION ALL SELECT 7, SUM(n), SUM(c), SUM(p), SUM(cd) FROM g0 WHERE bin >= 3),  -- >= 30000 is bins 3..5
g AS (
  SELECT b.bin, b.label, COALESCE(n, 0) AS n, COALESCE(c, 0) AS c, COALESCE(p, 0) AS p, COALESCE(cd, 0) AS cd
  FROM bins b LEFT JOIN g1 USING (bin)),
t AS (SELECT n AS tn, cd AS tcd FROM g WHERE bin = 6)
SELECT label, CAST(n AS VARCHAR), CAST(c AS VARCHAR), ${oneDecimal('c', 'n')}, ${oneDecimal('p', 'n')},
       CAST(${rnd('100 * n', 'tn')} AS VARCHAR), CAST(${rnd('100 * cd', 'tcd')} AS VARCHAR),
       CAST(${rnd('cd', `${100n * unit} * n`)} AS VARCHAR), CAST(${rnd('cd', `${100n * unit}`)} AS VARCHAR)
FROM g, t ORDER BY bin`,
  stacking: `
SELECT household_id, CAST(COUNT(*) AS VARCHAR), CAST(COUNT(DISTINCT provider_id) AS VARCHAR),
       CAST(COUNT(DISTINCT domain) AS VARCHAR)
FROM ${allocations}
WHERE domain IN ('wmo', 'jeugd', 'participatie', 'schuldhulp') AND ${active}
GROUP BY household_id HAVING COUNT(*) >= 3 ORDER BY household_id`,
  providers: `
WITH a AS (SELECT neighbourhood, provider_id FROM ${allocations} WHERE domain IN ('jeugd', 'wmo') AND ${active})
SELECT neighbourhood, CAST(n AS VARCHAR) FROM (
  SELECT 0 AS k, neighbourhood, COUNT(DISTINCT provider_id) AS n FROM a GROUP BY neighbourhood
  UNION ALL SELECT 1, 'TOTAL', COUNT(DISTINCT provider_id) FROM a)
ORDER BY k, neighbourhood`,
};
const header = {
  pareto: 'bin,households,clients,avg_clients,avg_provisions,pct_households,pct_cost,avg_cost_eur,total_cost_eur',
  stacking: 'household_id,allocations,providers,domains',
  providers: 'neighbourhood,providers',
};
const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const options = threads === 'default' ? {} : { threads: String(threads) };
const instance = await DuckDBInstance.create(':memory:', options);
const con = await instance.connect();
const effective = (await con.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
for (const name of ['pareto', 'stacking', 'providers']) {
  let best = Infinity, rows;
  for (let i = 0; i < runs; ++i) {
    const t0 = process.hrtime.bigint();
    const reader = await con.runAndReadAll(sql[name]);
    rows = reader.getRows();
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    best = Math.min(best, s);
  }
  const text = [header[name], ...rows.map((r) => r.map((v) => csvCell(String(v))).join(','))].join('\n') + '\n';
  writeFileSync(`${outDir}/duckdb-${name}-${threads}.csv`, text);
  console.log(JSON.stringify({ analysis: name, threads: String(threads), effective_threads: String(effective), seconds: best }));
}
