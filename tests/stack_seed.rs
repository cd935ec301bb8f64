//! The chapter's compose file as written (tests/fixtures/seed-as-written/stack.yml): `monctl check`
//! reports its unpinned images and its literal passwords at their file:line:col, and the config
//! files it mounts from elsewhere than where monctl writes them.

mod support;

fn findings() -> Vec<(String, String)> {
    let files =
        support::read_spec_dir(&support::repo_root().join("tests/fixtures/seed-as-written"));
    let report = monctl::check(&files);
    report
        .diagnostics
        .iter()
        .filter_map(|d| {
            let l = d.location.as_ref()?;
            Some((d.code.to_string(), l.to_string()))
        })
        .collect()
}

fn at(findings: &[(String, String)], code: &str, place: &str) -> bool {
    findings.iter().any(|(c, p)| c == code && p == place)
}

#[test]
fn reports_the_unpinned_images_at_their_lines() {
    let found = findings();
    let file = "tests/fixtures/seed-as-written/stack.yml";
    for line in [
        "35:14", "51:14", "62:14", "73:14", "86:14", "93:14", "125:14",
    ] {
        assert!(
            at(&found, "K001", &format!("{file}:{line}")),
            "no K001 at {line}: {found:#?}"
        );
    }
    // mysql:8.0 and the Elastic images carry a tag: not reported.
    assert_eq!(found.iter().filter(|(c, _)| c == "K001").count(), 7);
}

#[test]
fn reports_the_literal_passwords_at_their_lines() {
    let found = findings();
    let file = "tests/fixtures/seed-as-written/stack.yml";
    assert!(
        at(&found, "K002", &format!("{file}:25:30")),
        "MYSQL_ROOT_PASSWORD: {found:#?}"
    );
    assert!(
        at(&found, "K002", &format!("{file}:54:37")),
        "GF_SECURITY_ADMIN_PASSWORD: {found:#?}"
    );
    assert!(
        at(&found, "K002", &format!("{file}:89:33")),
        "DATA_SOURCE_NAME: {found:#?}"
    );
}

#[test]
fn reports_configs_mounted_from_elsewhere_and_dashboards_without_provider() {
    let found = findings();
    let file = "tests/fixtures/seed-as-written/stack.yml";
    assert!(
        at(&found, "K005", &format!("{file}:37:7")),
        "prometheus.yml: {found:#?}"
    );
    assert!(
        at(&found, "K005", &format!("{file}:64:7")),
        "alertmanager.yml: {found:#?}"
    );
    assert!(
        at(&found, "G001", &format!("{file}:58:11")),
        "dashboards folder: {found:#?}"
    );
}
