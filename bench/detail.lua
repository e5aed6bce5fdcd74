-- wrk: the mini-program's service page (graphql/operations/ServiceDetail.graphql, read from the repository) for a
-- random listing of a file of visible listing ids, one per line, given after "--" (bench/run.sh writes it):
--   wrk -s bench/detail.lua http://localhost:8089 -- ids.txt
-- Prints how many responses carried errors (a failed page would otherwise count as a fast one).
local function json_string(text)
  return '"' .. text:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n') .. '"'
end

local source = io.open("graphql/operations/ServiceDetail.graphql"):read("*a"):gsub("^#[^\n]*\n", "")
local query = json_string(source)

local threads = {}
local thread_seed = 0
function setup(thread)
  thread_seed = thread_seed + 1
  thread:set("seed", thread_seed)
  table.insert(threads, thread)
end

local ids = {}
function init(args)
  math.randomseed(2000 + seed)
  for line in io.lines(args[1]) do
    table.insert(ids, line)
  end
  errors = 0
end

function request()
  local body = string.format('{"query":%s,"variables":{"id":"%s"}}', query, ids[math.random(#ids)])
  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json"}, body)
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
