// The mixed workload of a city's morning: 70 % near-me searches, 20 % service pages, 10 % bookings (each with
// its own idempotency key), sent by N concurrent clients for a fixed time. With several URLs the requests
// alternate between them, as a load balancer would. Prints one JSON object: per operation the count, errors,
// p50 and p99 in milliseconds; overall throughput.
//   node bench/mixed.mjs --urls http://localhost:8089,http://localhost:8090 --connections 16 --seconds 30
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const urls = (args.urls ?? "http://localhost:8089").split(",");
const connections = Number(args.connections ?? 16);
const seconds = Number(args.seconds ?? 30);
const here = new URL(".", import.meta.url).pathname;
const operation = (file) => readFileSync(`${here}/../graphql/operations/${file}`, "utf8");

const NEAR_ME = operation("NearbyServices.graphql");
const DETAIL = operation("ServiceDetail.graphql");
const BOOKING = operation("BookService.graphql");
const CATEGORIES = ["elderly", "childcare", "property", "housekeeping", "health", "disability", "legal", "counseling"];

let next = 0;
async function graphql(query, variables, { token, operationName } = {}) {
  const url = urls[next++ % urls.length];
  const headers = { "content-type": "application/json", "accept": "application/graphql-response+json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${url}/graphql`, {
    method: "POST", headers, body: JSON.stringify({ query, operationName, variables }),
  });
  const body = await response.json();
  return { status: response.status, body };
}

const randomPoint = () => ({ lat: 35.0 + Math.random() * 2.0, lng: 102.6 + Math.random() * 2.4 });
const nearMe = () => graphql(NEAR_ME, { ...randomPoint(), categoryCode: CATEGORIES[Math.floor(Math.random() * 8)], first: 20 });

// ---- preparation: a resident's token, services seen near random points, free slots of some of them
const tokens = await (await fetch(`${urls[0]}/demo/tokens`)).json();
const resident = tokens.resident.token;
const serviceIds = [];
for (let i = 0; i < 100 && serviceIds.length < 2000; i++) {
  const { body } = await nearMe();
  for (const edge of body.data?.services?.edges ?? []) serviceIds.push(edge.node.id);
}
if (serviceIds.length === 0) throw new Error("no services found near the benchmark's points: is the data set there?");

const AVAILABILITY = `query Slots($id: ID!, $from: Date!, $to: Date!) {
  service(id: $id) { id eligibility { minAge maxAge } availability(from: $from, to: $to) { start free } } }`;
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const slots = [];
for (const id of serviceIds.slice(0, 150)) {
  const { body } = await graphql(AVAILABILITY, { id, from: day(1), to: day(14) });
  const service = body.data?.service;
  if (!service) continue;
  const age = Math.max(service.eligibility.minAge ?? 30, Math.min(service.eligibility.maxAge ?? 30, 30));
  for (const slot of service.availability) if (slot.free > 0) slots.push({ id, start: slot.start, age });
}
if (slots.length === 0) throw new Error("no free slots found");

// ---- the run
const results = { nearMe: [], detail: [], booking: [] };
const errors = { nearMe: 0, detail: 0, booking: 0 };
let bookingsRefused = 0; // full slot and the like: a business answer, not a failure
const deadline = Date.now() + seconds * 1000;

async function one() {
  const dice = Math.random();
  const started = performance.now();
  let kind, outcome;
  if (dice < 0.7) {
    kind = "nearMe";
    outcome = await nearMe();
  } else if (dice < 0.9) {
    kind = "detail";
    outcome = await graphql(DETAIL, { id: serviceIds[Math.floor(Math.random() * serviceIds.length)] });
  } else {
    kind = "booking";
    const slot = slots[Math.floor(Math.random() * slots.length)];
    outcome = await graphql(BOOKING, { input: {
      serviceId: slot.id, slotStart: slot.start, forSelf: true, beneficiary: { name: "压测居民", relation: "本人", age: slot.age },
      contactPhone: "13800000000", idempotencyKey: randomUUID() } }, { token: resident, operationName: "BookService" });
  }
  const elapsed = performance.now() - started;
  results[kind].push(elapsed);
  const failed = outcome.status !== 200 || outcome.body.errors;
  if (failed) {
    const code = outcome.body.errors?.[0]?.extensions?.code;
    if (kind === "booking" && (code === "CONFLICT" || code === "INVALID_STATE")) bookingsRefused++;
    else errors[kind]++;
  }
}

async function client() {
  while (Date.now() < deadline) {
    try {
      await one();
    } catch (e) {
      errors.transport = (errors.transport ?? 0) + 1;
    }
  }
}

const began = performance.now();
const cpuBefore = process.cpuUsage();
await Promise.all(Array.from({ length: connections }, client));
const elapsedSeconds = (performance.now() - began) / 1000;
const cpu = process.cpuUsage(cpuBefore); // the load generator's own CPU over the run (µs, user and system)

const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(1));
};
const total = Object.values(results).reduce((sum, values) => sum + values.length, 0);
const summary = { connections, seconds: Number(elapsedSeconds.toFixed(1)), requestsPerSecond: Number((total / elapsedSeconds).toFixed(1)),
  operations: {}, errors, bookingsRefused, slotsOffered: slots.length, servicesSeen: serviceIds.length,
  cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)) };
for (const [kind, values] of Object.entries(results)) {
  summary.operations[kind] = { count: values.length, p50: percentile(values, 0.5), p99: percentile(values, 0.99) };
}
console.log(JSON.stringify(summary));
