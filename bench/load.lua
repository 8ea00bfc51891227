-- wrk script for bench/load.sh: household views and care-map updates, 9:1.
--
-- One connection per wrk thread (load.sh runs -t N -c N), so each thread's
-- requests are strictly one after the other: it knows the version of "its"
-- provision from the answer to its previous update and never sends a stale
-- one. Each thread updates its own provision, so updates never race and a
-- 409 would be a real error, counted as one (wrk reports non-2xx answers).
-- Views go round the director's households, including the updated ones.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

function init(args)
  -- args: cookie csrf max_requests_per_thread household_list provision_spec...
  cookie = args[1]
  csrf = args[2]
  limit = tonumber(args[3])
  households = {}
  for h in string.gmatch(args[4], "[^,]+") do table.insert(households, h) end
  -- provision_spec "household/provision" for thread `index`
  local spec = args[4 + index]
  own_household, own_provision = string.match(spec, "([^/]+)/([^/]+)")
  version = 1
  sent = 0
  pending_update = false
  provider = args[#args]
end

function request()
  sent = sent + 1
  if sent % 10 == 0 then
    pending_update = true
    local body = string.format(
      '{"domain":"wmo","provider_id":"%s","start_date":"2019-01-01","annual_cost_cents":%d,' ..
      '"goal":"load %d","version":%d}', provider, 100000 + sent, sent, version)
    return wrk.format("PUT", "/api/v1/households/" .. own_household .. "/provisions/" .. own_provision,
      {["Cookie"] = cookie, ["X-CSRF-Token"] = csrf, ["Content-Type"] = "application/json"}, body)
  end
  pending_update = false
  local h = households[(sent % #households) + 1]
  return wrk.format("GET", "/api/v1/households/" .. h, {["Cookie"] = cookie})
end

function response(status, headers, body)
  if pending_update and status == 200 then
    version = tonumber(string.match(body, '"version":(%d+)'))
  end
  if sent >= limit then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local errors = summary.errors
  local non_ok = errors.status
  io.write(string.format("LOAD requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, non_ok, errors.connect + errors.read + errors.write + errors.timeout))
end
