//! Times the core's phases on a generated spec of N rules: load (YAML parse, merge, schema,
//! typed spec), model (catalog and rule analysis), lint checks, diagnostic positions, generate,
//! and the two end-to-end entry points. No corpus and no dependency: the spec is synthetic, with
//! rules shaped like real ones (matchers, rate(), sum by(), histogram_quantile, comparisons).
//!
//! ```sh
//! cargo bench --bench phases                           # 10000 rules, 3 iterations
//! cargo bench --bench phases -- --rules 1000,10000 --iters 5
//! cargo bench --bench phases -- --spec examples/mall-go --iters 50   # a spec folder instead
//! ```
//! Each phase runs `--iters` times on the same input; the median, min and max are printed.
//! Run as a test (`cargo test --all-targets`), it only smoke-tests a small spec once.

use monctl::source::{load, Limits, SourceFile};
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Services with their own metric families; rules cycle through them.
const SERVICES: usize = 25;

fn catalog_and_scrape() -> String {
    let mut s = String::from("metrics:\n");
    for k in 0..SERVICES {
        let job = format!("svc{k}");
        let _ = write!(
            s,
            "  - namespace: svc{k}
    subsystem: http
    name: requests_total
    type: counter
    help: Total HTTP requests
    labels:
      - name: method
        values: [GET, POST, PUT, DELETE]
      - name: code
        cardinality: 20
      - name: handler
        cardinality: 40
    jobs: [{job}]
  - namespace: svc{k}
    subsystem: http
    name: request_duration_seconds
    type: histogram
    help: HTTP request duration in seconds
    labels:
      - name: method
        values: [GET, POST, PUT, DELETE]
      - name: handler
        cardinality: 40
    buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5]
    jobs: [{job}]
  - namespace: svc{k}
    name: queue_depth
    type: gauge
    help: Messages waiting per queue
    labels:
      - name: queue
        values: [orders, payments, emails]
    jobs: [{job}]
"
        );
    }
    s.push_str(
        "scrape:
  global: {scrape_interval: 15s, evaluation_interval: 15s}
  jobs:
    - job_name: node
      packs: [node-exporter, go-runtime, process]
      static_configs: [{targets: ['node-1:9100', 'node-2:9100']}]
",
    );
    for k in 0..SERVICES {
        let _ = write!(
            s,
            "    - job_name: svc{k}
      packs: [go-runtime, process]
      static_configs: [{{targets: ['svc{k}-a:8080', 'svc{k}-b:8080']}}]
      relabel_configs:
        - source_labels: [__address__]
          regex: '([^:]+):.*'
          target_label: host
"
        );
    }
    s
}

/// One rule, the `i`-th: six shapes in turn.
fn rule(i: usize, out: &mut String) {
    let k = i % SERVICES;
    let m = format!("svc{k}");
    let (head, expr) = match i % 6 {
        0 => (
            format!("alert: HighErrorRate{i}"),
            format!(
                "sum by (job, instance) (rate({m}_http_requests_total{{code=~\"5..\", method=\"GET\"}}[5m])) / sum by (job, instance) (rate({m}_http_requests_total[5m])) > 0.05"
            ),
        ),
        1 => (
            format!("alert: HighLatency{i}"),
            format!(
                "histogram_quantile(0.99, sum by (le, job) (rate({m}_http_request_duration_seconds_bucket{{handler!=\"/health\"}}[5m]))) > 0.5"
            ),
        ),
        2 => (
            format!("alert: QueueBacklog{i}"),
            format!("max by (queue, instance) ({m}_queue_depth{{queue=~\"orders|payments\"}}) > {}", 100 + i % 50),
        ),
        3 => (
            format!("alert: DiskAlmostFull{i}"),
            "(node_filesystem_avail_bytes{fstype!~\"tmpfs|overlay\", mountpoint=\"/\"} / node_filesystem_size_bytes{fstype!~\"tmpfs|overlay\", mountpoint=\"/\"}) * 100 < 10".to_string(),
        ),
        4 => (
            format!("record: job:{m}_http_requests:rate5m_{i}"),
            format!("sum by (job, method) (rate({m}_http_requests_total[5m]))"),
        ),
        _ => (
            format!("alert: TargetDown{i}"),
            format!("up{{job=\"{m}\"}} == 0"),
        ),
    };
    let _ = writeln!(out, "        - {head}");
    let _ = writeln!(out, "          expr: '{expr}'");
    if head.starts_with("alert") {
        let _ = write!(
            out,
            "          for: {}m
          labels: {{severity: {}, team: team{}}}
          annotations:
            summary: \"{{{{ $labels.job }}}} on {{{{ $labels.instance }}}}: rule {i}\"
            description: \"VALUE = {{{{ $value | humanize }}}}\"
",
            1 + i % 10,
            match i % 3 {
                0 => "critical",
                _ => "warning",
            },
            i % 7
        );
    }
}

/// The spec as source files: catalog + scrape, and one file per group of 500 rules.
fn spec(rules: usize) -> Vec<SourceFile> {
    let mut files = vec![SourceFile::new("bench/base.yml", catalog_and_scrape())];
    let per_group = 500;
    for (g, start) in (0..rules).step_by(per_group).enumerate() {
        let mut text = format!("rules:\n  groups:\n    - name: group-{g}\n      rules:\n");
        for i in start..rules.min(start + per_group) {
            rule(i, &mut text);
        }
        files.push(SourceFile::new(format!("bench/rules-{g:04}.yml"), text));
    }
    files
}

fn time<T>(iters: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    (0..iters)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect()
}

fn report(name: &str, mut times: Vec<Duration>, rules: usize) {
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "  {name:<28} median {:>10.2?}  min {:>10.2?}  max {:>10.2?}  {:>8.2} µs/rule",
        median,
        times[0],
        times[times.len() - 1],
        median.as_secs_f64() * 1e6 / rules as f64
    );
}

/// The YAML files of a spec folder, in path order (what the CLI reads).
fn spec_folder(dir: &std::path::Path) -> Vec<SourceFile> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            panic!("--spec {}: not a readable folder", dir.display());
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yml" | "yaml")
            ) {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(dir, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a spec file is UTF-8 text");
            SourceFile::new(p.display().to_string(), text)
        })
        .collect()
}

fn run(rules: usize, iters: usize) {
    run_files(&format!("{rules} rules"), spec(rules), rules, iters);
}

/// Times every phase on `files`; per-rule figures divide by `rules`.
fn run_files(name: &str, files: Vec<SourceFile>, rules: usize, iters: usize) {
    let rules = rules.max(1);
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    println!(
        "{name}, {} files, {:.1} MiB, {iters} iterations",
        files.len(),
        bytes as f64 / (1 << 20) as f64
    );
    let limits = Limits::default();

    let loaded = load(&files, &limits);
    let spec = loaded
        .spec
        .clone()
        .expect("the generated spec loads into a typed spec");
    let load_errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(
        load_errors.is_empty(),
        "the generated spec has load errors: {load_errors:?}"
    );
    report(
        "load (parse+schema+typed)",
        time(iters, || load(&files, &limits)),
        rules,
    );

    let specs: Vec<_> = (0..iters).map(|_| spec.clone()).collect();
    let mut specs = specs.into_iter();
    report(
        "model (resolve)",
        time(iters, || {
            monctl::model::Model::resolve(specs.next().unwrap())
        }),
        rules,
    );

    let (model, mut found) = monctl::model::Model::resolve(spec);
    report(
        "check (lint rules)",
        time(iters, || monctl::check::check(&model)),
        rules,
    );
    found.extend(monctl::check::check(&model));

    let copies: Vec<_> = (0..iters).map(|_| found.clone()).collect();
    let mut copies = copies.into_iter();
    report(
        "positions (Loaded::resolve)",
        time(iters, || {
            let mut diagnostics = copies.next().unwrap();
            loaded.resolve(&mut diagnostics);
            diagnostics
        }),
        rules,
    );
    report(
        "generate (all artifacts)",
        time(iters, || monctl::generate::generate_all(&model)),
        rules,
    );
    report(
        "monctl::check (end to end)",
        time(iters, || monctl::check(&files)),
        rules,
    );
    report(
        "monctl::generate (e2e)",
        time(iters, || monctl::generate(&files)),
        rules,
    );

    let report = monctl::check(&files);
    let mut codes = std::collections::BTreeMap::new();
    for d in &report.diagnostics {
        *codes.entry(d.code).or_insert(0usize) += 1;
    }
    println!(
        "  ({} diagnostics {codes:?}; {} artifacts)",
        report.diagnostics.len(),
        monctl::generate::generate_all(&model).len()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` passes --bench; without it this runs as a test (cargo test --all-targets).
    let bench = args.iter().any(|a| a == "--bench");
    let mut rules = if bench { vec![10_000] } else { vec![200] };
    let mut iters = if bench { 3 } else { 1 };
    let mut folders = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--spec" => folders.push(std::path::PathBuf::from(
                it.next().expect("--spec needs a folder"),
            )),
            "--rules" => {
                rules = it
                    .next()
                    .expect("--rules needs a list")
                    .split(',')
                    .map(|n| {
                        n.parse()
                            .expect("--rules: a comma-separated list of numbers")
                    })
                    .collect();
            }
            "--iters" => {
                iters = it
                    .next()
                    .expect("--iters needs a number")
                    .parse()
                    .expect("--iters: a number");
                assert!(iters > 0, "--iters must be at least 1");
            }
            _ => {}
        }
    }
    if !folders.is_empty() {
        for dir in folders {
            let files = spec_folder(&dir);
            let rules = files.iter().map(|f| f.text.matches("expr:").count()).sum();
            run_files(&dir.display().to_string(), files, rules, iters);
        }
        return;
    }
    for n in rules {
        run(n, iters);
    }
}
