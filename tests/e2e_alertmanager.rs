//! End to end with the real servers: Debian's `prometheus` and `prometheus-alertmanager` run on
//! 127.0.0.1 with the configuration monctl generates from a small spec whose alerts fire at once,
//! and a webhook listener written here receives the notifications. Every alert must arrive at the
//! receiver the simulator predicts — with the expected labels, group labels and group key — and
//! the alert the simulator says is inhibited must not arrive at all.
//!
//! It takes about ten seconds: rules are evaluated every second, `--rules.alert.resend-delay=1s`
//! gets firing alerts to Alertmanager at once, group_wait is 1s, and the Alertmanager cluster
//! port is turned off (`--cluster.listen-address=`). Alertmanager decides inhibition when it
//! flushes a group, so a target alert that reaches it before its source is notified (and
//! Prometheus drops alerts until it has discovered its Alertmanager, then resends them in no set
//! order): the alert to be inhibited therefore fires only once the test has seen the inhibiting
//! alert in Alertmanager — its expression reads a gauge that this test's HTTP server exposes.
//! Ports are picked free; every process the test starts is killed when the test ends, passing or
//! failing (a Drop guard).

mod support;

use monctl::routing::{alert_rule_labels, LabelSet, Simulator};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);

/// A started server: killed and reaped when dropped, also when the test panics.
struct Server {
    name: &'static str,
    child: Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(name: &'static str, command: &mut Command, log: &Path) -> Server {
        let log = std::fs::File::create(log).unwrap();
        let child = command
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}"));
        Server { name, child }
    }

    /// Fails the test with the server's log when it has exited.
    fn assert_running(&mut self, log: &Path) {
        if let Ok(Some(status)) = self.child.try_wait() {
            panic!(
                "{} exited ({status}):\n{}",
                self.name,
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
    }
}

/// A free port on 127.0.0.1 (the listener is closed again, so a server can take it).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One webhook notification: the path it was posted to and its JSON body.
struct Notification {
    path: String,
    body: Value,
}

/// Reads HTTP/1.1 requests from one connection (Alertmanager and Prometheus keep connections
/// alive): webhook notifications are passed on, `GET /metrics` answers the gate gauge.
fn serve(stream: TcpStream, tx: mpsc::Sender<Notification>, gate: Arc<AtomicBool>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let path = request_line
            .split_whitespace()
            .nth(1)
            .unwrap_or_default()
            .to_string();
        let mut length = 0usize;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        if path == "/metrics" {
            let metrics = format!(
                "# TYPE e2e_gate gauge\ne2e_gate {}\n",
                u8::from(gate.load(Ordering::SeqCst))
            );
            let _ = writer.write_all(
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {}\r\n\r\n{metrics}",
                    metrics.len()
                )
                .as_bytes(),
            );
            continue;
        }
        let _ = writer.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        let body = serde_json::from_slice(&body).unwrap_or(Value::Null);
        if tx.send(Notification { path, body }).is_err() {
            return;
        }
    }
}

/// The alerts Alertmanager holds, by name, with whether an inhibition rule suppresses them (its
/// API v2).
fn alert_states(port: u16) -> BTreeMap<String, bool> {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return BTreeMap::new();
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!(
        "GET /api/v2/alerts HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_err() {
        return BTreeMap::new();
    }
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    let alerts: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    alerts
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| {
            let inhibited = a["status"]["state"] == "suppressed"
                && a["status"]["inhibitedBy"]
                    .as_array()
                    .is_some_and(|by| !by.is_empty());
            a["labels"]["alertname"]
                .as_str()
                .map(|name| (name.to_string(), inhibited))
        })
        .collect()
}

fn spec(alertmanager_port: u16, webhook_port: u16) -> String {
    format!(
        r#"
scrape:
  global:
    scrape_interval: 1s
    scrape_timeout: 1s
    evaluation_interval: 1s
    external_labels: {{cluster: e2e}}
  alertmanagers:
    - static_configs: [{{targets: ['127.0.0.1:{alertmanager_port}']}}]
  jobs:
    - job_name: e2e-gate
      static_configs: [{{targets: ['127.0.0.1:{webhook_port}']}}]
metrics:
  - name: e2e_gate
    type: gauge
    help: 1 once the test has seen DatabaseDown in Alertmanager
    jobs: [e2e-gate]
rules:
  groups:
    - name: e2e
      interval: 1s
      rules:
        - alert: DatabaseDown
          expr: vector(1)
          labels: {{severity: critical, team: db}}
          annotations: {{summary: always firing, description: pages the database team}}
        - alert: DatabaseSlow
          expr: max(e2e_gate) > 0
          labels: {{severity: warning, team: db}}
          annotations: {{summary: always firing, description: inhibited by DatabaseDown}}
        - alert: DatabaseBackupLate
          expr: vector(1)
          labels: {{severity: info, team: db}}
          annotations: {{summary: always firing, description: goes to the team chat}}
        - alert: WebCacheCold
          expr: vector(1)
          labels: {{severity: info, team: web}}
          annotations: {{summary: always firing, description: falls back to the root}}
routing:
  route:
    receiver: fallback
    group_by: [alertname, team]
    group_wait: 1s
    group_interval: 1s
    repeat_interval: 1h
    routes:
      - matchers: ['severity="critical"']
        receiver: pager
      - matchers: ['team="db"']
        receiver: db-chat
        group_by: [team]
  inhibit_rules:
    - source_matchers: ['severity="critical"']
      target_matchers: ['severity="warning"']
      equal: [team]
  receivers:
    - name: fallback
      webhook_configs: [{{url: 'http://127.0.0.1:{webhook_port}/fallback'}}]
    - name: pager
      webhook_configs: [{{url: 'http://127.0.0.1:{webhook_port}/pager'}}]
    - name: db-chat
      webhook_configs: [{{url: 'http://127.0.0.1:{webhook_port}/db-chat'}}]
"#
    )
}

fn labels_of(value: &Value) -> LabelSet {
    value
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn alerts_reach_the_receivers_the_simulator_predicts() {
    let Some(prometheus) = support::real_tool("prometheus", "prometheus") else {
        return;
    };
    let Some(alertmanager) =
        support::real_tool("prometheus-alertmanager", "prometheus-alertmanager")
    else {
        return;
    };
    let started = Instant::now();
    let dir = support::scratch_dir("e2e-alertmanager");

    let webhook = TcpListener::bind("127.0.0.1:0").unwrap();
    let webhook_port = webhook.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    let gate = Arc::new(AtomicBool::new(false));
    let server_gate = gate.clone();
    std::thread::spawn(move || {
        for stream in webhook.incoming().flatten() {
            let (tx, gate) = (tx.clone(), server_gate.clone());
            std::thread::spawn(move || serve(stream, tx, gate));
        }
    });

    let (am_port, prom_port) = (free_port(), free_port());
    let files = [monctl::SourceFile::new(
        "e2e.yml",
        spec(am_port, webhook_port),
    )];
    let (artifacts, _) = monctl::generate(&files).unwrap_or_else(|d| panic!("{d:#?}"));
    for artifact in &artifacts {
        let path = dir.join(&artifact.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &artifact.content).unwrap();
    }

    // What the simulator predicts for each alert, with all of them firing.
    let (model, _) = monctl::load_model(&files);
    let model = model.unwrap();
    let sim = Simulator::new(model.spec.routing.as_ref().unwrap());
    let alerts: Vec<LabelSet> = alert_rule_labels(&model.spec)
        .into_iter()
        .map(|a| a.labels)
        .collect();
    let mut expected: BTreeMap<String, monctl::routing::RouteResult> = BTreeMap::new();
    for labels in &alerts {
        let others: Vec<LabelSet> = alerts.iter().filter(|a| *a != labels).cloned().collect();
        expected.insert(
            labels["alertname"].clone(),
            sim.route(labels, None, &others),
        );
    }
    assert_eq!(expected["DatabaseDown"].notified, ["pager"]);
    assert_eq!(expected["DatabaseSlow"].receivers, ["db-chat"]);
    assert!(expected["DatabaseSlow"].inhibited);
    assert_eq!(expected["DatabaseBackupLate"].notified, ["db-chat"]);
    assert_eq!(expected["WebCacheCold"].notified, ["fallback"]);

    let am_log = dir.join("alertmanager.log");
    let prom_log = dir.join("prometheus.log");
    let mut am = Server::start(
        "alertmanager",
        Command::new(&alertmanager)
            .arg(format!(
                "--config.file={}",
                dir.join("alertmanager.yml").display()
            ))
            .arg(format!("--storage.path={}", dir.join("am-data").display()))
            .arg(format!("--web.listen-address=127.0.0.1:{am_port}"))
            .arg("--cluster.listen-address=")
            .arg("--log.level=debug"),
        &am_log,
    );
    let mut prom = Server::start(
        "prometheus",
        Command::new(&prometheus)
            .arg(format!(
                "--config.file={}",
                dir.join("prometheus.yml").display()
            ))
            .arg(format!(
                "--storage.tsdb.path={}",
                dir.join("prom-data").display()
            ))
            .arg(format!("--web.listen-address=127.0.0.1:{prom_port}"))
            .arg("--rules.alert.resend-delay=1s"),
        &prom_log,
    );

    // Collect notifications until every alert the simulator says is notified has arrived and
    // Alertmanager's API shows every alert it says is inhibited as suppressed by inhibition; then
    // keep listening for two more group intervals, so that a notification of an alert that
    // should be inhibited would be seen.
    let mut arrived: BTreeMap<String, (String, Value, Value)> = BTreeMap::new();
    let wanted: Vec<&String> = expected
        .iter()
        .filter(|(_, r)| !r.notified.is_empty())
        .map(|(name, _)| name)
        .collect();
    let inhibited: Vec<&String> = expected
        .iter()
        .filter(|(_, r)| r.inhibited)
        .map(|(name, _)| name)
        .collect();
    let mut settled: Option<Instant> = None;
    while settled.is_none_or(|at| at.elapsed() < Duration::from_millis(2500)) {
        am.assert_running(&am_log);
        prom.assert_running(&prom_log);
        if started.elapsed() > TIMEOUT {
            panic!(
                "after {TIMEOUT:?}: wanted {wanted:?}, arrived {:?}, in Alertmanager (name: inhibited) {:?}\nalertmanager log:\n{}\nprometheus log:\n{}",
                arrived.keys().collect::<Vec<_>>(),
                alert_states(am_port),
                std::fs::read_to_string(&am_log).unwrap_or_default(),
                std::fs::read_to_string(&prom_log).unwrap_or_default()
            );
        }
        if let Ok(n) = rx.recv_timeout(Duration::from_millis(200)) {
            for alert in n.body["alerts"].as_array().into_iter().flatten() {
                let name = alert["labels"]["alertname"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                arrived.insert(
                    name,
                    (n.path.clone(), n.body.clone(), alert["labels"].clone()),
                );
            }
        }
        if settled.is_none() {
            let states = alert_states(am_port);
            if !gate.load(Ordering::SeqCst) && states.contains_key("DatabaseDown") {
                gate.store(true, Ordering::SeqCst);
            }
            if wanted.iter().all(|name| arrived.contains_key(*name))
                && inhibited
                    .iter()
                    .all(|name| states.get(*name) == Some(&true))
            {
                settled = Some(Instant::now());
            }
        }
    }

    for (alert, result) in &expected {
        match (result.notified.as_slice(), arrived.get(alert)) {
            ([], None) => {}
            ([], Some((path, body, _))) => {
                panic!(
                    "{alert} should be inhibited but arrived at {path}: {body:#}\nalertmanager log:\n{}",
                    std::fs::read_to_string(&am_log).unwrap_or_default()
                )
            }
            (_, None) => panic!("{alert} never arrived"),
            ([receiver], Some((path, body, labels))) => {
                assert_eq!(path, &format!("/{receiver}"), "{alert}");
                assert_eq!(body["receiver"], receiver.as_str(), "{alert}");
                assert_eq!(body["status"], "firing", "{alert}");
                // The labels the alert carries are the rule's static ones (vector(1) has none).
                assert_eq!(labels_of(labels), result.labels, "{alert}");
                let route = &result.routes[0].route;
                assert_eq!(
                    labels_of(&body["groupLabels"]),
                    route.group_labels,
                    "{alert}"
                );
                assert_eq!(body["groupKey"], route.group_key.as_str(), "{alert}");
            }
            (receivers, Some(_)) => {
                panic!("{alert}: several receivers {receivers:?} not expected here")
            }
        }
    }
    eprintln!(
        "e2e: {} alerts routed as predicted, 1 inhibited, in {:.1}s",
        wanted.len(),
        started.elapsed().as_secs_f64()
    );
    drop(prom);
    drop(am);
}
