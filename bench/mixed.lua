-- wrk: the mixed morning of bench/mixed.mjs with a load generator in C (so that the generator takes little of the
-- two cores the service and PostgreSQL share): 70 % near-me searches, 20 % service pages, 10 % bookings with a new
-- idempotency key each, the operations read from graphql/operations/. After "--": a file of visible listing ids (one
-- per line), a file of free slots ("listing-id slot-start age" per line) and a file of residents' tokens (one per
-- line; each booking is sent with a random one):
--   wrk -s bench/mixed.lua http://localhost:8089 -- ids.txt slots.txt token.txt
-- BENCH_PORTS=8089,8090 sends each thread's requests to one of these ports of the URL's host in turn (several
-- instances, as behind a load balancer). BENCH_MIX=booking sends only bookings (to tell their cost from the pages'). A booking the service refuses (the slot
-- is full, the resident already holds two that day) is a business answer, counted apart from errors.
local function json_string(text)
  return '"' .. text:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n') .. '"'
end
local function operation(file)
  return json_string((io.open("graphql/operations/" .. file):read("*a")))
end
local NEAR_ME, DETAIL, BOOKING = operation("NearbyServices.graphql"), operation("ServiceDetail.graphql"),
  operation("BookService.graphql")
local categories = {"elderly", "childcare", "property", "housekeeping", "health", "disability", "legal", "counseling"}

local threads = {}
local ports = {}
for port in (os.getenv("BENCH_PORTS") or ""):gmatch("%d+") do table.insert(ports, port) end
function setup(thread)
  table.insert(threads, thread)
  thread:set("seed", #threads)
  if #ports > 0 then
    thread.addr = wrk.lookup(wrk.host, ports[(#threads - 1) % #ports + 1])[1]
  end
end

local ids, slots, tokens = {}, {}, {}
local only_bookings = os.getenv("BENCH_MIX") == "booking"
function init(args)
  -- a new sequence in every run (wrk's warm-up, the measured run, the next instance count): with a fixed seed a run
  -- resends the bookings of the run before (the same resident, slot and key: answered from the key, not booked) or
  -- books the same resident into the same services and days until the limit of two a day refuses them all
  run = os.time()
  math.randomseed(run * 16 + seed)
  for line in io.lines(args[1]) do table.insert(ids, line) end
  for line in io.lines(args[2]) do
    local id, start, age = line:match("^(%S+) (%S+) (%d+)$")
    table.insert(slots, {id = id, start = start, age = age})
  end
  for line in io.lines(args[3]) do table.insert(tokens, line) end
  errors, refused, booked = 0, 0, 0
end

local json = {["Content-Type"] = "application/json"}
local function idempotency_key()
  return string.format("%08x-%04x-4%03x-%04x-%08x%04x-%d", math.random(0, 0x7fffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), math.random(0x8000, 0xbfff), math.random(0, 0x7fffffff), math.random(0, 0xffff), seed) .. "-" .. run
end

function request()
  local dice = only_bookings and 1 or math.random()
  if dice < 0.7 then
    local body = string.format('{"query":%s,"variables":{"lat":%.6f,"lng":%.6f,"categoryCode":"%s","first":20}}',
      NEAR_ME, 35.0 + math.random() * 2.0, 102.6 + math.random() * 2.4, categories[math.random(#categories)])
    return wrk.format("POST", "/graphql", json, body)
  elseif dice < 0.9 then
    return wrk.format("POST", "/graphql", json,
      string.format('{"query":%s,"variables":{"id":"%s"}}', DETAIL, ids[math.random(#ids)]))
  end
  local slot = slots[math.random(#slots)]
  local body = string.format('{"query":%s,"operationName":"BookService","variables":{"input":{"serviceId":"%s",'
    .. '"slotStart":"%s","forSelf":true,"beneficiary":{"name":"压测居民","relation":"本人","age":%s},'
    .. '"contactPhone":"13800000000","idempotencyKey":"%s"}}}', BOOKING, slot.id, slot.start, slot.age, idempotency_key())
  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)]}, body)
end

function response(status, headers, body)
  if status == 200 and body:find('"bookService":{', 1, true) then
    booked = booked + 1
  elseif status == 200 and (body:find('"code":"CONFLICT"', 1, true) or body:find('"code":"INVALID_STATE"', 1, true)) then
    refused = refused + 1
  elseif status ~= 200 or body:find('"errors"', 1, true) then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local failed, refusals, bookings = 0, 0, 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("errors")
    refusals = refusals + thread:get("refused")
    bookings = bookings + thread:get("booked")
  end
  io.write(string.format("responses with errors: %d\nbookings made: %d\nbookings refused: %d\n", failed, bookings, refusals))
end
