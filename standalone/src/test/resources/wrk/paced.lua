-- Paced requests for wrk: each connection sends one request, waits `pause` ms after the
-- answer (wrk's delay()), and sends the next, so that C connections offer about
-- C * 1000 / (pause + latency) requests a second.
-- Arguments after "--": the pause in ms, then
--   get  [cookie]                                   GETs of the URL's path
--   post participants-file discussion-id sections   comment POSTs: the participants (a Cookie
--        header and its CSRF token per line, tab-separated) take turns; the sections cycle.

local pause
local mode
local cookie
local participants = {}
local discussion
local sections
local counter = 0

function setup(thread)
  thread_index = (thread_index or 0) + 1
  thread:set("offset", thread_index * 1000003)
end

function init(args)
  pause = tonumber(args[1])
  mode = args[2]
  if mode == "post" then
    for line in io.lines(args[3]) do
      local c, xsrf = line:match("^([^\t]+)\t([^\t]+)$")
      if c then
        participants[#participants + 1] = { cookie = c, xsrf = xsrf }
      end
    end
    discussion = args[4]
    sections = tonumber(args[5])
  else
    cookie = args[3]
  end
  counter = offset or 0
end

function delay()
  return pause
end

function request()
  if mode ~= "post" then
    local headers = {}
    if cookie and cookie ~= "" then
      headers["Cookie"] = cookie
    end
    return wrk.format("GET", nil, headers)
  end
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
