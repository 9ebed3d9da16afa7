-- wrk script: an agent's workbench against `arrears serve`. BENCH_KIND picks
-- one endpoint (list, detail, timeline, contact) or the mix (20% my case list,
-- 40% case detail, 30% timeline, 10% log a contact). The session cookie, CSRF
-- token and the case ids come from bench/http_load.py.
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do ids[#ids + 1] = line end
local cookie = "arrears_session=" .. os.getenv("BENCH_COOKIE")
local csrf = os.getenv("BENCH_CSRF")
local kind = os.getenv("BENCH_KIND")
local contact = '{"channel":"call","outcome":"no_answer","notes":"load test"}'

request = function()
  local id = ids[math.random(#ids)]
  local k = kind
  if kind == "mix" then
    local r = math.random(100)
    if r <= 20 then k = "list" elseif r <= 60 then k = "detail" elseif r <= 90 then k = "timeline" else k = "contact" end
  end
  local headers = {["Cookie"] = cookie}
  if k == "list" then return wrk.format("GET", "/api/v1/cases?limit=50", headers) end
  if k == "detail" then return wrk.format("GET", "/api/v1/cases/" .. id, headers) end
  if k == "timeline" then return wrk.format("GET", "/api/v1/cases/" .. id .. "/timeline", headers) end
  headers["Content-Type"] = "application/json"
  headers["X-CSRF-Token"] = csrf
  return wrk.format("POST", "/api/v1/cases/" .. id .. "/contacts", headers, contact)
end

done = function(summary, latency, requests)
  io.write(string.format(
    'BENCH {"requests":%d,"seconds":%.3f,"p50_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"bad_status":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
    latency.max / 1e3, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
