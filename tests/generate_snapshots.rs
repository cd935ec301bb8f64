//! Snapshots of every file generated from the bundled examples: a change to a generator shows up
//! here as a reviewed diff, exactly as it would in a user's pull request.

mod support;

#[test]
fn mall_go_artifacts() {
    let files = support::example("mall-go");
    let (artifacts, diagnostics) =
        monctl::generate(&files).unwrap_or_else(|d| panic!("mall-go has errors: {d:#?}"));
    assert!(diagnostics.iter().all(|d| !d.is_error()));
    let paths: Vec<&str> = artifacts.iter().map(|a| a.path.as_str()).collect();
    insta::assert_yaml_snapshot!("mall_go_paths", paths);
    for artifact in &artifacts {
        insta::assert_snapshot!(
            format!("mall_go__{}", artifact.path.replace('/', "__")),
            artifact.content
        );
    }
}

#[test]
fn generation_is_deterministic() {
    let files = support::example("mall-go");
    let first = monctl::generate(&files).unwrap().0;
    let second = monctl::generate(&files).unwrap().0;
    assert_eq!(first, second);
}
