-- GETs of one path for wrk, paced like comment-posts.lua: each connection waits `pause` ms
-- after an answer before the next request. Arguments after "--": pause in ms, and an
-- optional Cookie header value.

local pause
local cookie

function init(args)
  pause = tonumber(args[1])
  cookie = args[2]
end

function delay()
  return pause
end

function request()
  local headers = {}
  if cookie and cookie ~= "" then
    headers["Cookie"] = cookie
  end
  return wrk.format("GET", nil, headers)
end

function done(summary, latency, requests)
  io.write(string.format(
    "PARLEY-WRK requests=%d duration_us=%d status_errors=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9), latency.max))
end
