-- wrk script for bench/load.sh: each request takes the next read endpoint in turn.
local paths = {
  "/api/v1/spending?year=2024&threshold=2&source=nato&vintage=2024-06",
  "/api/v1/spending?country=POL",
  "/api/v1/aid?by=donor&category=military&measure=allocation",
  "/api/v1/aid?measure=allocation&category=military",
  "/api/v1/deliveries",
  "/api/v1/production?item=Stinger",
  "/api/v1/contracts",
  "/api/v1/datasets",
  "/api/v1/spending?format=csv&source=nato",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors: connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
