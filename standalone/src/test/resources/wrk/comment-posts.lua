-- Comment POSTs for wrk: each connection sends one request, waits `pause` ms after the
-- answer (wrk's delay()), and sends the next, so that C connections offer about
-- C * 1000 / (pause + latency) requests a second. The participants (a session cookie and
-- its CSRF token per line, tab-separated) take turns; the sections cycle.
-- Arguments after "--": participants file, discussion id, pause in ms, number of sections.

local participants = {}
local counter = 0
local discussion
local pause
local sections

function setup(thread)
  thread_index = (thread_index or 0) + 1
  thread:set("offset", thread_index * 1000003)
end

function init(args)
  for line in io.lines(args[1]) do
    local cookie, xsrf = line:match("^([^\t]+)\t([^\t]+)$")
    if cookie then
      participants[#participants + 1] = { cookie = cookie, xsrf = xsrf }
    end
  end
  discussion = args[2]
  pause = tonumber(args[3])
  sections = tonumber(args[4])
  counter = offset or 0
end

function delay()
  return pause
end

function request()
  counter = counter + 1
  local p = participants[(counter % #participants) + 1]
  local section = (counter % sections) + 1
  local body = '{"text":"Load comment ' .. counter .. ' on section ' .. section .. '"}'
  return wrk.format("POST", "/api/discussions/" .. discussion .. "/sections/" .. section .. "/comments",
    { ["Content-Type"] = "application/json", ["Cookie"] = p.cookie, ["X-XSRF-TOKEN"] = p.xsrf }, body)
end

function done(summary, latency, requests)
  io.write(string.format(
    "PARLEY-WRK requests=%d duration_us=%d status_errors=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9), latency.max))
end
