// A synthetic spec of any size for measurements: scrape jobs with bundled packs (node-exporter,
// mysqld-exporter, redis-exporter, go-runtime, process, prometheus-self), so every metric the
// rules use is known, and alerting rules shaped like real ones: selectors with matchers, rate(),
// sum/avg by (...), ratios, histogram-free comparisons, `for`, labels and templated annotations.
// Deterministic: the same `rules` count gives the same files.
//
//   syntheticSpec(1000) -> [{ name: "alerts/group-00.yml", text }, ..., { name: "scrape.yml", text }]

const JOBS = [
  { job: "node", packs: ["node-exporter", "go-runtime", "process"], port: 9100, hosts: 12 },
  { job: "mysql", packs: ["mysqld-exporter", "go-runtime", "process"], port: 9104, hosts: 3 },
  { job: "redis", packs: ["redis-exporter", "go-runtime", "process"], port: 9121, hosts: 3 },
  { job: "prometheus", packs: ["prometheus-self", "go-runtime", "process"], port: 9090, hosts: 1 },
];

/** Rule shapes: (i, job) -> [expr, for, severity, summary]. */
const SHAPES = [
  (i) => [`100 - (avg by (instance) (rate(node_cpu_seconds_total{job="node", mode="idle"}[5m])) * 100) > ${80 + (i % 15)}`, "5m", "warning", "CPU busy on {{ $labels.instance }}"],
  (i) => [`node_memory_MemAvailable_bytes{job="node"} / node_memory_MemTotal_bytes{job="node"} * 100 < ${5 + (i % 10)}`, "5m", "critical", "Low memory on {{ $labels.instance }}"],
  (i) => [`(node_filesystem_avail_bytes{job="node", fstype!~"tmpfs|overlay", mountpoint="/data${i % 7}"} / node_filesystem_size_bytes{job="node", fstype!~"tmpfs|overlay", mountpoint="/data${i % 7}"}) * 100 < ${10 + (i % 5)}`, "10m", "warning", "Disk {{ $labels.mountpoint }} filling on {{ $labels.instance }}"],
  (i) => [`sum by (instance, device) (rate(node_network_receive_bytes_total{job="node", device!~"lo|veth.*"}[5m])) > ${(i % 9) + 1}e8`, "15m", "info", "High inbound traffic on {{ $labels.device }}"],
  (i) => [`rate(node_disk_io_time_seconds_total{job="node", device=~"sd.*|nvme.*"}[${(i % 4) + 1}m]) > 0.${8 + (i % 2)}`, "10m", "warning", "Disk {{ $labels.device }} saturated"],
  (i, j) => [`rate(go_gc_duration_seconds_sum{job="${j}"}[5m]) / rate(go_gc_duration_seconds_count{job="${j}"}[5m]) > 0.${1 + (i % 5)}`, "5m", "warning", "Slow GC in {{ $labels.job }}"],
  (i, j) => [`go_goroutines{job="${j}"} > ${1000 + 100 * (i % 20)}`, "5m", "warning", "Many goroutines on {{ $labels.instance }}"],
  (i, j) => [`process_resident_memory_bytes{job="${j}"} > ${1 + (i % 8)}e9`, "10m", "warning", "{{ $labels.job }} uses {{ $value | humanize1024 }}B"],
  (i, j) => [`sum by (job) (rate(process_cpu_seconds_total{job="${j}"}[5m])) > ${0.5 + (i % 5) / 10}`, "5m", "info", "{{ $labels.job }} is busy"],
  (i, j) => [`up{job="${j}"} == 0`, `${1 + (i % 5)}m`, "critical", "{{ $labels.instance }} of {{ $labels.job }} is down"],
  (i) => [`node_load5{job="node"} / count without (cpu, mode) (node_cpu_seconds_total{job="node", mode="idle"}) > ${1 + (i % 4)}`, "15m", "warning", "Load high on {{ $labels.instance }}"],
  (i) => [`mysql_global_status_threads_connected{job="mysql"} / mysql_global_variables_max_connections{job="mysql"} * 100 > ${70 + (i % 25)}`, "5m", "warning", "MySQL connections near the limit"],
  (i) => [`rate(mysql_global_status_slow_queries{job="mysql"}[${(i % 3) + 1}m]) > ${1 + (i % 10)}`, "5m", "info", "Slow queries on {{ $labels.instance }}"],
  (i) => [`sum by (instance) (rate(mysql_global_status_commands_total{job="mysql", command=~"select|insert|update"}[5m])) > ${1000 * (1 + (i % 9))}`, "10m", "info", "MySQL busy on {{ $labels.instance }}"],
  (i) => [`redis_connected_clients{job="redis"} > ${100 + (i % 50) * 10}`, "5m", "warning", "Many Redis clients"],
  (i) => [`redis_memory_used_bytes{job="redis"} / redis_memory_max_bytes{job="redis"} * 100 > ${80 + (i % 15)}`, "5m", "critical", "Redis memory nearly full"],
  (i) => [`rate(redis_evicted_keys_total{job="redis"}[5m]) > ${i % 10}`, "5m", "warning", "Redis evicts keys"],
  (i) => [`sum by (code) (rate(prometheus_http_requests_total{job="prometheus", code=~"5.."}[5m])) > ${i % 7}`, "5m", "warning", "Prometheus answers {{ $labels.code }}"],
  (i) => [`increase(prometheus_tsdb_compactions_failed_total{job="prometheus"}[${(i % 3) + 1}h]) > 0`, "0m", "critical", "Prometheus compactions fail"],
];
const SHAPE_JOBS = ["node", "mysql", "redis", "prometheus"];

/** The spec's files: one scrape file and `rules` alerting rules in groups of `perGroup`. */
export function syntheticSpec(rules = 1000, perGroup = 100) {
  const scrape = ["scrape:", "  global:", "    scrape_interval: 15s", "    evaluation_interval: 15s", "  jobs:"];
  for (const j of JOBS) {
    scrape.push(`    - job_name: ${j.job}`, `      packs: [${j.packs.join(", ")}]`, "      static_configs:");
    const targets = Array.from({ length: j.hosts }, (_, h) => `'${j.job}-${h + 1}:${j.port}'`);
    scrape.push(`        - targets: [${targets.join(", ")}]`);
  }
  const files = [{ name: "scrape.yml", text: scrape.join("\n") + "\n" }];
  for (let g = 0, i = 0; i < rules; g++) {
    const lines = ["rules:", "  groups:", `    - name: synthetic-${String(g).padStart(2, "0")}`, "      rules:"];
    for (let k = 0; k < perGroup && i < rules; k++, i++) {
      const shape = SHAPES[i % SHAPES.length];
      const job = SHAPE_JOBS[Math.floor(i / SHAPES.length) % SHAPE_JOBS.length];
      const [expr, forDuration, severity, summary] = shape(i, job);
      lines.push(
        `        - alert: Synthetic${String(i).padStart(4, "0")}`,
        `          expr: ${JSON.stringify(expr)}`,
        `          for: ${forDuration}`,
        "          labels:",
        `            severity: ${severity}`,
        `            team: team-${i % 6}`,
        "          annotations:",
        `            summary: ${JSON.stringify(summary)}`,
        `            description: ${JSON.stringify(`Rule ${i}: ${summary} ({{ $value }}).`)}`,
      );
    }
    files.push({ name: `alerts/group-${String(g).padStart(2, "0")}.yml`, text: lines.join("\n") + "\n" });
  }
  // In the order `monctl check` reads a folder: sorted by name (alerts/ before scrape.yml).
  return files.sort((a, b) => (a.name < b.name ? -1 : 1));
}
