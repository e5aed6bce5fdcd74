-- Shared by the wrk scripts (dofile from the repository's root): numbers the threads (their "seed"), counts the
-- responses that are not 200 or carry errors, and prints their sum at the end, since a failed page would otherwise
-- count as a fast one. A script's init must set errors = 0.
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("seed", #threads)
end

function response(status, headers, body)
  if status ~= 200 or body:find('"errors"') then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("errors")
  end
  io.write(string.format("responses with errors: %d\n", failed))
end
