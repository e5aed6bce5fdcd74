-- wrk: the mini-program's near-me search (graphql/operations/NearbyServices.graphql) at random points of
-- the benchmark area, for a random top category, a page of 20 with organizations.
local categories = {"elderly", "childcare", "property", "housekeeping", "health", "disability", "legal", "counseling"}
local query = [[query NearbyServices($lat: Float!, $lng: Float!, $categoryCode: String, $first: Int) {
  services(near: {lat: $lat, lng: $lng}, filter: {categoryCode: $categoryCode}, orderBy: DISTANCE, first: $first) {
    edges { cursor node { id title distanceMeters modeLabel price { pricing pricingLabel residentPaysFen unit }
      ratingAverage governmentFunded stale category { code name } organization { id name ratingLevel ratingLevelLabel } } }
    pageInfo { hasNextPage endCursor } } }]]
query = query:gsub("\n", " ")

dofile("bench/wrk-errors.lua") -- thread seeds, and the count of responses with errors

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function init(args)
  math.randomseed(1000 + seed)
  errors = 0
end

function request()
  local lat = 35.0 + math.random() * 2.0
  local lng = 102.6 + math.random() * 2.4
  local category = categories[math.random(#categories)]
  local body = string.format('{"query":"%s","variables":{"lat":%.6f,"lng":%.6f,"categoryCode":"%s","first":20}}',
    query:gsub('"', '\\"'), lat, lng, category)
  return wrk.format(nil, "/graphql", nil, body)
end
