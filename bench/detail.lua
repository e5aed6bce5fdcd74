-- wrk: the mini-program's service page (graphql/operations/ServiceDetail.graphql, read from the repository) for a
-- random listing of a file of visible listing ids, one per line, given after "--" (bench/run.sh writes it):
--   wrk -s bench/detail.lua http://localhost:8089 -- ids.txt
local function json_string(text)
  return '"' .. text:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n') .. '"'
end

local source = io.open("graphql/operations/ServiceDetail.graphql"):read("*a"):gsub("^#[^\n]*\n", "")
local query = json_string(source)

dofile("bench/wrk-errors.lua") -- thread seeds, and the count of responses with errors

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
