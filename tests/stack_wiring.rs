//! One source of truth in the generated stack: the addresses `stack.services` states feed the files
//! that need them (prometheus.yml's alerting section, fluent.conf's Elasticsearch outputs, the
//! presets' Kibana, exporter and tracing settings), and what a spec writes itself wins.

use monctl::SourceFile;

fn generate(spec: &str) -> Vec<monctl::Artifact> {
    let files = vec![SourceFile::new("spec.yml", spec.to_string())];
    let (artifacts, diagnostics) =
        monctl::generate(&files).unwrap_or_else(|d| panic!("the spec has errors: {d:#?}"));
    assert!(
        diagnostics.iter().all(|d| !d.is_error()),
        "{diagnostics:#?}"
    );
    artifacts
}

fn file<'a>(artifacts: &'a [monctl::Artifact], path: &str) -> &'a str {
    &artifacts
        .iter()
        .find(|a| a.path == path)
        .unwrap_or_else(|| panic!("{path} is not generated"))
        .content
}

const STACK: &str = "
stack:
  services:
    am: {preset: alertmanager}
    prometheus: {preset: prometheus}
    search: {preset: elasticsearch}
    kibana: {preset: kibana}
    es-exporter: {preset: elasticsearch-exporter}
    fluentd: {preset: fluentd}
    db: {image: 'mariadb:11.8.3', ports: ['3306:3306']}
    cache: {image: 'valkey/valkey:9.0.0', expose: [6379]}
    mysql-exporter: {preset: mysqld-exporter}
    redis-exporter: {preset: redis-exporter}
logs:
  pipeline:
    sources:
      - {'@type': tail, path: /var/log/app.log, tag: app.web, parse: {'@type': none}}
    route:
      - match:
          pattern: app.**
          '@type': copy
          store:
            - {'@type': elasticsearch, logstash_format: true, user: {env: ES_USER}}
            - {'@type': elasticsearch, logstash_format: true, host: elsewhere.example.com}
";

#[test]
fn the_stack_s_addresses_feed_the_configs() {
    let artifacts = generate(STACK);
    let prometheus = file(&artifacts, "prometheus.yml");
    assert!(
        prometheus.contains("alerting:\n  alertmanagers:\n    - api_version: v2\n      static_configs:\n        - targets:\n            - am:9093\n"),
        "{prometheus}"
    );
    let conf = file(&artifacts, "fluentd/fluent.conf");
    // The output naming no host writes to the stack's Elasticsearch service, the other keeps its own.
    assert!(conf.contains("    host search\n    port 9200\n"), "{conf}");
    assert!(conf.contains("    host elsewhere.example.com\n"), "{conf}");
    assert_eq!(conf.matches("host search").count(), 1, "{conf}");
    let compose = file(&artifacts, "docker-compose.yml");
    for wire in [
        "ELASTICSEARCH_HOSTS: http://search:9200",
        "--es.uri=http://search:9200",
        "--mysqld.address=db:3306",
        "REDIS_ADDR: redis://cache:6379",
        // fluent.conf reads ES_USER in the Fluentd container: the service passes it from .env.
        "ES_USER: ${ES_USER:?set ES_USER in .env}",
    ] {
        assert!(compose.contains(wire), "{wire} missing:\n{compose}");
    }
    assert!(file(&artifacts, ".env.example").contains("\nES_USER=\n"));
}

#[test]
fn what_the_spec_writes_wins() {
    let spec = format!(
        "{STACK}scrape:\n  alertmanagers:\n    - timeout: 5s\n      static_configs: [{{targets: ['am:9093']}}]\n"
    );
    let artifacts = generate(&spec);
    let prometheus = file(&artifacts, "prometheus.yml");
    assert_eq!(prometheus.matches("am:9093").count(), 1, "{prometheus}");
    assert!(prometheus.contains("timeout: 5s"), "{prometheus}");
}

#[test]
fn no_stack_no_derived_address() {
    let artifacts = generate(
        "logs:\n  pipeline:\n    sources: [{'@type': tail, path: /a.log, tag: app, parse: {'@type': none}}]\n    route: [{match: {pattern: app, '@type': elasticsearch, index_name: app}}]\n",
    );
    let conf = file(&artifacts, "fluentd/fluent.conf");
    assert!(!conf.contains("  host "), "{conf}");
    assert!(!artifacts
        .iter()
        .any(|a| a.path == "prometheus.yml" && a.content.contains("alerting:")));
}
