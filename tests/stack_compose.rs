//! The generated stack against the real tools: Debian's docker-compose accepts the Mall-Go
//! docker-compose.yml (with a .env filled from .env.example, build folders present), and a real
//! Prometheus loads the whole Mall-Go prometheus.yml with the rule files beside it.

mod support;

use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn write_mall_go(dir: &Path) -> Vec<monctl::Artifact> {
    let (artifacts, diagnostics) = monctl::generate(&support::example("mall-go"))
        .unwrap_or_else(|d| panic!("mall-go has errors: {d:#?}"));
    assert!(diagnostics.iter().all(|d| !d.is_error()));
    for a in &artifacts {
        let path = dir.join(&a.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &a.content).unwrap();
    }
    artifacts
}

#[test]
fn docker_compose_accepts_the_mall_go_stack() {
    let Some(compose) = support::real_tool("docker-compose", "docker-compose") else {
        return;
    };
    let dir = support::scratch_dir("stack-compose");
    let artifacts = write_mall_go(&dir);
    let compose_file = artifacts
        .iter()
        .find(|a| a.path == "docker-compose.yml")
        .expect("docker-compose.yml is generated");
    assert!(!compose_file.content.contains("\nversion:"));
    assert!(!compose_file.content.contains(":latest"));
    let example = artifacts
        .iter()
        .find(|a| a.path == ".env.example")
        .expect(".env.example is generated");
    for name in [
        "GRAFANA_ADMIN_PASSWORD=",
        "MYSQL_ROOT_PASSWORD=",
        "MYSQLD_EXPORTER_PASSWORD=",
    ] {
        assert!(example.content.lines().any(|l| l == name), "{name} missing");
    }
    let env: String = example
        .content
        .lines()
        .filter(|l| l.ends_with('='))
        .map(|l| format!("{l}set-in-test\n"))
        .collect();
    std::fs::write(dir.join(".env"), env).unwrap();
    let (ok, output) = support::run(Command::new(&compose).current_dir(&dir).args([
        "-f",
        "docker-compose.yml",
        "config",
        "-q",
    ]));
    assert!(ok, "docker-compose rejects the generated file:\n{output}");
    // Without .env, the references to unset secrets stop Compose.
    std::fs::remove_file(dir.join(".env")).unwrap();
    let (ok, output) = support::run(Command::new(&compose).current_dir(&dir).args([
        "-f",
        "docker-compose.yml",
        "config",
        "-q",
    ]));
    assert!(!ok, "an unset secret must stop Compose: {output}");
    assert!(output.contains("in .env"), "{output}");
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A started server, killed and reaped when dropped (also when the test panics).
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn prometheus_loads_the_whole_mall_go_config() {
    let Some(prometheus) = support::real_tool("prometheus", "prometheus") else {
        return;
    };
    let dir = support::scratch_dir("stack-prometheus");
    write_mall_go(&dir);
    // Debian's Prometheus has no Kubernetes service discovery: drop those jobs, keep the rest.
    let config = std::fs::read_to_string(dir.join("prometheus.yml")).unwrap();
    let mut kept = String::new();
    let mut skipping = false;
    for line in config.lines() {
        if line.starts_with("  - job_name: ") {
            skipping = line.contains("kubernetes");
        } else if !line.starts_with("    ") && !line.starts_with("  - ") {
            skipping = false;
        }
        if !skipping {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    assert!(kept.contains("job_name: mall-go"));
    std::fs::write(dir.join("prometheus.yml"), kept).unwrap();
    let port = free_port();
    let log = std::fs::File::create(dir.join("prometheus.log")).unwrap();
    let _server = Server(
        Command::new(&prometheus)
            .current_dir(&dir)
            .arg("--config.file=prometheus.yml")
            .arg(format!(
                "--storage.tsdb.path={}",
                dir.join("data").display()
            ))
            .arg(format!("--web.listen-address=127.0.0.1:{port}"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("prometheus starts"),
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let text = std::fs::read_to_string(dir.join("prometheus.log")).unwrap_or_default();
        if text.contains("Completed loading of configuration file") {
            assert!(!text.contains("Error loading config"), "{text}");
            break;
        }
        assert!(
            !text.contains("Error loading config") && !text.contains("err=\"error loading"),
            "prometheus rejects the generated config:\n{text}"
        );
        assert!(
            Instant::now() < deadline,
            "prometheus did not load its config:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
