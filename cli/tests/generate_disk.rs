//! `monctl generate --out` on disk, through the real binary: symbolic links in the output folder
//! refused, only files the manifest lists (unchanged) removed, hand edits not overwritten without
//! --force, and all-or-nothing under failures and kills (old tree or new tree, exactly, and the
//! next run cleans up). Trees are compared as exact maps of path -> content.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const WATCHDOG: Duration = Duration::from_secs(60);

fn command(args: &[&Path]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_monctl"));
    command.args(args).env("NO_COLOR", "1");
    command
}

/// Runs to the end (or fails the test after the watchdog's time).
fn finish(mut child: Child) -> Output {
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > WATCHDOG {
            let _ = child.kill();
            panic!("monctl did not exit within {WATCHDOG:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().expect("output")
}

fn run(mut command: Command) -> Output {
    finish(
        command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("monctl runs"),
    )
}

fn generate(spec: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut c = command(&[Path::new("generate"), spec, Path::new("--out"), out]);
    c.args(extra);
    run(c)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[track_caller]
fn expect_code(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(output),
        stderr(output)
    );
}

/// A spec with one rule file per group; `threshold` changes every rule file's content.
fn write_spec(dir: &Path, name: &str, groups: &[String], threshold: u32) -> PathBuf {
    let mut text = String::from(
        "metrics:\n  - name: shop_http_requests_total\n    type: counter\n    help: Total HTTP requests\n    labels:\n      - name: code\n        values: [\"200\", \"500\"]\n    jobs: [shop]\nscrape:\n  global: {scrape_interval: 15s, evaluation_interval: 15s}\n  jobs:\n    - job_name: shop\n      static_configs: [{targets: ['shop:8080']}]\nrules:\n  groups:\n",
    );
    if groups.is_empty() {
        text = text.replace("rules:\n  groups:\n", "");
    }
    for group in groups {
        let alert = group.replace('-', "_");
        text.push_str(&format!(
            "    - name: {group}\n      rules:\n        - alert: HighErrorRate_{alert}\n          expr: sum(rate(shop_http_requests_total{{code=\"500\"}}[5m])) > {threshold}\n          for: 5m\n          labels: {{severity: critical}}\n          annotations: {{summary: errors, description: too many errors}}\n"
        ));
    }
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

fn groups(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// Every entry under `root`: files by content, folders and links marked, hidden ones included.
fn snapshot(root: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<String, String>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let meta = fs::symlink_metadata(&path).unwrap();
            if meta.file_type().is_symlink() {
                let target = fs::read_link(&path).unwrap();
                into.insert(rel, format!("<link to {}>", target.display()));
            } else if meta.is_dir() {
                into.insert(rel, "<folder>".into());
                walk(root, &path, into);
            } else {
                let bytes = fs::read(&path).unwrap();
                into.insert(rel, String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    let mut into = BTreeMap::new();
    walk(root, root, &mut into);
    into
}

fn without_txn(tree: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    tree.iter()
        .filter(|(k, _)| !k.starts_with(".monctl-txn"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// What a clean run of `spec` into an empty folder produces.
fn reference(tmp: &Path, spec: &Path, name: &str) -> BTreeMap<String, String> {
    let out = tmp.join(format!("reference-{name}"));
    expect_code(&generate(spec, &out, &[]), 0);
    snapshot(&out)
}

struct Case {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    out: PathBuf,
    old: PathBuf,
    new: PathBuf,
}

/// An output folder generated from `old` groups; `new` is a spec with other groups and contents.
fn case(old: &[&str], new: &[&str]) -> Case {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    let old = write_spec(&root, "old.yml", &groups(old), 1);
    let new = write_spec(&root, "new.yml", &groups(new), 2);
    let out = root.join("out");
    expect_code(&generate(&old, &out, &[]), 0);
    Case {
        _tmp: tmp,
        root,
        out,
        old,
        new,
    }
}

#[test]
fn a_manifest_lists_every_generated_file_with_its_sha256() {
    let c = case(&["a", "b"], &[]);
    let tree = snapshot(&c.out);
    assert_eq!(
        tree.keys().collect::<Vec<_>>(),
        vec![
            ".monctl-manifest.json",
            "prometheus.yml",
            "rules",
            "rules/a.yml",
            "rules/b.yml"
        ]
    );
    let manifest: serde_json::Value = serde_json::from_str(&tree[".monctl-manifest.json"]).unwrap();
    assert_eq!(manifest["format"], 1);
    let files = manifest["files"].as_object().unwrap();
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        vec!["prometheus.yml", "rules/a.yml", "rules/b.yml"]
    );
    assert!(files
        .values()
        .all(|h| h.as_str().unwrap().starts_with("sha256:") && h.as_str().unwrap().len() == 71));
}

#[test]
fn a_symlinked_file_pointing_outside_is_refused_and_its_target_untouched() {
    let c = case(&["a"], &["a", "b"]);
    let outside = c.root.join("outside");
    fs::create_dir(&outside).unwrap();
    fs::write(outside.join("victim.yml"), "precious").unwrap();
    fs::remove_file(c.out.join("prometheus.yml")).unwrap();
    std::os::unix::fs::symlink(outside.join("victim.yml"), c.out.join("prometheus.yml")).unwrap();
    // A dangling link where the new spec adds a file: following it would create a file outside.
    std::os::unix::fs::symlink(outside.join("created.yml"), c.out.join("rules/b.yml")).unwrap();
    let before = snapshot(&c.out);

    let run = generate(&c.new, &c.out, &[]);
    expect_code(&run, 2);
    let message = stderr(&run);
    let link = c.out.join("prometheus.yml").display().to_string();
    assert!(message.contains(&link), "{message}");
    assert!(message.contains("outside the output folder"), "{message}");
    assert!(message.contains("replace the link"), "{message}");
    assert!(message.contains("nothing was written"), "{message}");
    assert_eq!(snapshot(&c.out), before, "nothing in --out changed");
    assert_eq!(
        fs::read_to_string(outside.join("victim.yml")).unwrap(),
        "precious"
    );
    assert!(!outside.join("created.yml").exists());
    expect_code(&generate(&c.new, &c.out, &["--force"]), 2);
    assert_eq!(snapshot(&outside).len(), 1);

    // The dangling link alone is refused as well.
    fs::remove_file(c.out.join("prometheus.yml")).unwrap();
    let run = generate(&c.new, &c.out, &[]);
    expect_code(&run, 2);
    assert!(stderr(&run).contains(&c.out.join("rules/b.yml").display().to_string()));
    assert!(!outside.join("created.yml").exists());
}

#[test]
fn a_symlinked_folder_pointing_outside_is_refused_for_writing_checking_and_removing() {
    let c = case(&["a"], &["a", "b"]);
    let outside = c.root.join("elsewhere");
    fs::rename(c.out.join("rules"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, c.out.join("rules")).unwrap();
    let outside_before = snapshot(&outside);
    let before = snapshot(&c.out);

    for extra in [&[][..], &["--check"][..], &["--force"][..]] {
        let run = generate(&c.new, &c.out, extra);
        expect_code(&run, 2);
        let message = stderr(&run);
        assert!(
            message.contains(&format!(
                "{} is a symbolic link to {}, outside the output folder",
                c.out.join("rules").display(),
                outside.display()
            )),
            "{extra:?}: {message}"
        );
        assert_eq!(snapshot(&outside), outside_before);
        assert_eq!(snapshot(&c.out), before);
    }

    // A spec without rules: rules/a.yml is stale and unchanged, but removing it would reach
    // through the link; refused, the file outside stays.
    let none = write_spec(&c.root, "none.yml", &[], 1);
    let run = generate(&none, &c.out, &[]);
    expect_code(&run, 2);
    assert!(stderr(&run).contains("outside the output folder"));
    assert_eq!(snapshot(&outside), outside_before);
    assert!(outside.join("a.yml").is_file());
}

#[test]
fn files_that_are_not_monctls_are_kept_and_named_in_a_warning() {
    let c = case(&["a"], &["b"]);
    fs::write(c.out.join("notes.txt"), "mine").unwrap();
    fs::write(c.out.join("rules/mine.yml"), "groups: []\n").unwrap();

    let check = generate(&c.new, &c.out, &["--check"]);
    expect_code(&check, 1);
    let listed = stdout(&check);
    assert!(
        !listed.contains("mine.yml") && !listed.contains("notes.txt"),
        "{listed}"
    );
    assert!(
        listed.contains("stale: ") && listed.contains("rules/a.yml"),
        "{listed}"
    );

    let run = generate(&c.new, &c.out, &[]);
    expect_code(&run, 0);
    let warnings = stderr(&run);
    for file in ["notes.txt", "rules/mine.yml"] {
        assert!(
            warnings.contains(&format!(
                "warning: {} was not generated by monctl",
                c.out.join(file).display()
            )),
            "{warnings}"
        );
    }
    let mut expected = reference(&c.root, &c.new, "new");
    expected.insert("notes.txt".into(), "mine".into());
    expected.insert("rules/mine.yml".into(), "groups: []\n".into());
    assert_eq!(snapshot(&c.out), expected);
    expect_code(&generate(&c.new, &c.out, &["--check"]), 0);
}

#[test]
fn an_edited_generated_file_is_not_overwritten_without_force() {
    let c = case(&["a", "b"], &["a", "b"]);
    let edited = c.out.join("rules/a.yml");
    fs::write(&edited, "# my hotfix\ngroups: []\n").unwrap();
    let before = snapshot(&c.out);

    let run = generate(&c.new, &c.out, &[]);
    expect_code(&run, 2);
    let message = stderr(&run);
    assert!(
        message.contains(&format!(
            "{}: edited since monctl generated it",
            edited.display()
        )),
        "{message}"
    );
    assert!(message.contains("--force") && message.contains("nothing was written"));
    assert_eq!(snapshot(&c.out), before, "the old tree, exactly");

    let check = generate(&c.new, &c.out, &["--check"]);
    expect_code(&check, 1);
    assert!(stdout(&check).contains(&format!("changed: {}", edited.display())));

    // The same for a file of the user's where the spec now produces one.
    let d = case(&["a"], &["a", "b"]);
    fs::write(d.out.join("rules/b.yml"), "mine").unwrap();
    let run = generate(&d.new, &d.out, &[]);
    expect_code(&run, 2);
    assert!(
        stderr(&run).contains("not written by monctl"),
        "{}",
        stderr(&run)
    );
    assert_eq!(
        fs::read_to_string(d.out.join("rules/b.yml")).unwrap(),
        "mine"
    );

    let forced = generate(&c.new, &c.out, &["--force"]);
    expect_code(&forced, 0);
    assert!(stderr(&forced).contains("because of --force"));
    assert_eq!(snapshot(&c.out), reference(&c.root, &c.new, "new"));
}

#[test]
fn stale_files_are_removed_only_when_listed_and_unchanged() {
    let c = case(&["a", "b", "c"], &["a"]);
    fs::write(c.out.join("rules/b.yml"), "edited").unwrap();

    let check = generate(&c.new, &c.out, &["--check"]);
    expect_code(&check, 1);
    let mut lines: Vec<String> = stdout(&check).lines().map(str::to_string).collect();
    lines.sort();
    let at = |f: &str| c.out.join(f).display().to_string();
    assert_eq!(
        lines,
        vec![
            format!("changed: {}", at("prometheus.yml")),
            format!("changed: {}", at("rules/a.yml")),
            format!("stale: {}", at("rules/b.yml")),
            format!("stale: {}", at("rules/c.yml")),
        ]
    );

    let run = generate(&c.new, &c.out, &[]);
    expect_code(&run, 0);
    assert!(
        stderr(&run).contains(&format!(
            "warning: {} was generated by monctl and edited since",
            at("rules/b.yml")
        )),
        "{}",
        stderr(&run)
    );
    let mut expected = reference(&c.root, &c.new, "new");
    expected.insert("rules/b.yml".into(), "edited".into());
    assert_eq!(snapshot(&c.out), expected, "c removed, the edited b kept");
    // b is the user's now: not listed, so not stale.
    let check = generate(&c.new, &c.out, &["--check"]);
    expect_code(&check, 0);
    assert!(stderr(&check).contains("was not generated by monctl"));

    // A spec without rules: the folder left empty goes too.
    let none = write_spec(&c.root, "none.yml", &[], 2);
    fs::remove_file(c.out.join("rules/b.yml")).unwrap();
    expect_code(&generate(&none, &c.out, &[]), 0);
    assert_eq!(snapshot(&c.out), reference(&c.root, &none, "none"));
}

#[test]
fn without_a_manifest_nothing_is_removed_only_reported() {
    let c = case(&["a", "b"], &["a"]);
    fs::remove_file(c.out.join(".monctl-manifest.json")).unwrap();
    let check = generate(&c.old, &c.out, &["--check"]);
    expect_code(&check, 0);
    assert!(stderr(&check).contains("has no .monctl-manifest.json"));

    // Without b, prometheus.yml changes: changed, but b is not stale.
    let same_spec_without_b = write_spec(&c.root, "old-without-b.yml", &groups(&["a"]), 1);
    let check = generate(&same_spec_without_b, &c.out, &["--check"]);
    expect_code(&check, 1);
    assert_eq!(
        stdout(&check),
        format!("changed: {}\n", c.out.join("prometheus.yml").display())
    );

    // A file that differs is not overwritten either: without a manifest it is not known to be
    // monctl's. With --force it is, and b is still only reported.
    let before = snapshot(&c.out);
    let run = generate(&same_spec_without_b, &c.out, &[]);
    expect_code(&run, 2);
    assert!(stderr(&run).contains("not known to be monctl's"));
    assert_eq!(snapshot(&c.out), before);
    let run = generate(&same_spec_without_b, &c.out, &["--force"]);
    expect_code(&run, 0);
    assert!(
        stderr(&run).contains(&format!(
            "warning: {} is not known to be monctl's",
            c.out.join("rules/b.yml").display()
        )),
        "{}",
        stderr(&run)
    );
    assert!(c.out.join("rules/b.yml").is_file(), "never removed");
    // Now there is a manifest, and b is not in it: still never removed.
    expect_code(&generate(&same_spec_without_b, &c.out, &[]), 0);
    assert!(c.out.join("rules/b.yml").is_file());
}

#[test]
fn a_folder_where_a_file_must_go_stops_the_run_before_anything_changes() {
    let c = case(&["a"], &["a", "b"]);
    fs::create_dir_all(c.out.join("rules/b.yml/inner")).unwrap();
    let before = snapshot(&c.out);
    let run = generate(&c.new, &c.out, &[]);
    expect_code(&run, 2);
    assert!(stderr(&run).contains(&format!(
        "{} is a folder, but monctl writes a file there",
        c.out.join("rules/b.yml").display()
    )));
    assert_eq!(snapshot(&c.out), before);
}

#[test]
fn a_failure_while_staging_or_switching_leaves_the_old_tree_exactly() {
    for (step, said) in [
        ("stage:1", "was changed"),
        ("rename:0", "the switch was undone"),
        ("rename:2", "the switch was undone"),
        ("rename:3", "the switch was undone"),
    ] {
        let c = case(&["a", "b"], &["b", "c"]);
        let before = snapshot(&c.out);
        let mut command = command(&[Path::new("generate"), &c.new, Path::new("--out"), &c.out]);
        command.env("MONCTL_TEST_FAIL_AT", step);
        let run = run(command);
        expect_code(&run, 2);
        assert!(
            stderr(&run).contains("simulated failure"),
            "{}",
            stderr(&run)
        );
        assert!(stderr(&run).contains(said), "{step}: {}", stderr(&run));
        assert_eq!(snapshot(&c.out), before, "{step}: the old tree, exactly");
        // And the next run works.
        expect_code(&generate(&c.new, &c.out, &[]), 0);
        assert_eq!(snapshot(&c.out), reference(&c.root, &c.new, "new"));
    }

    // Into a folder that did not exist: afterwards it still does not.
    let tmp = tempfile::tempdir().unwrap();
    let spec = write_spec(tmp.path(), "spec.yml", &groups(&["a"]), 1);
    let out = tmp.path().join("fresh");
    let mut command = command(&[Path::new("generate"), &spec, Path::new("--out"), &out]);
    command.env("MONCTL_TEST_FAIL_AT", "rename:1");
    expect_code(&run(command), 2);
    assert!(!out.exists());
}

#[test]
fn a_read_only_rules_folder_leaves_the_old_tree_exactly() {
    use std::os::unix::fs::PermissionsExt;
    let c = case(&["a", "b"], &["a", "b"]);
    let rules = c.out.join("rules");
    fs::set_permissions(&rules, fs::Permissions::from_mode(0o555)).unwrap();
    if fs::write(rules.join("probe"), "").is_ok() {
        // Running as root: permissions do not stop writes. `a_failure_while_staging_or_switching`
        // covers the same rollback with a simulated failure.
        let _ = fs::remove_file(rules.join("probe"));
        fs::set_permissions(&rules, fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: permissions do not apply to this user");
        return;
    }
    let before = snapshot(&c.out);
    let run = generate(&c.new, &c.out, &[]);
    fs::set_permissions(&rules, fs::Permissions::from_mode(0o755)).unwrap();
    expect_code(&run, 2);
    assert!(
        stderr(&run).contains("the switch was undone"),
        "{}",
        stderr(&run)
    );
    assert_eq!(snapshot(&c.out), before);
}

/// Starts a run that pauses at `point`, waits until it is there, calls `meanwhile`, then kills
/// it (SIGKILL).
fn paused_at(point: &str, spec: &Path, out: &Path, signal_dir: &Path, meanwhile: impl FnOnce()) {
    let signal = signal_dir.join(format!("{point}.signal"));
    let _ = fs::remove_file(&signal);
    let mut child = command(&[Path::new("generate"), spec, Path::new("--out"), out])
        .env(point, &signal)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !signal.exists() {
        if start.elapsed() > WATCHDOG || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            panic!("monctl did not reach {point}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    meanwhile();
    child.kill().unwrap();
    child.wait().unwrap();
}

fn kill_at(point: &str, spec: &Path, out: &Path, signal_dir: &Path) {
    paused_at(point, spec, out, signal_dir, || {});
}

#[test]
fn two_runs_cannot_write_one_folder_at_once() {
    let c = case(&["a"], &["b"]);
    paused_at(
        "MONCTL_TEST_PAUSE_AFTER_STAGING",
        &c.new,
        &c.out,
        &c.root,
        || {
            for extra in [&[][..], &["--check"][..]] {
                let run = generate(&c.old, &c.out, extra);
                expect_code(&run, 2);
                assert!(
                    stderr(&run).contains("another monctl run is writing"),
                    "{}",
                    stderr(&run)
                );
            }
        },
    );
    // Killed: the lock went with the process.
    expect_code(&generate(&c.new, &c.out, &[]), 0);
    assert_eq!(snapshot(&c.out), reference(&c.root, &c.new, "new"));
}

fn journal_state(out: &Path) -> Option<String> {
    let text = fs::read_to_string(out.join(".monctl-txn/journal.json")).ok()?;
    let journal: serde_json::Value = serde_json::from_str(&text).unwrap();
    Some(journal["state"].as_str().unwrap().to_string())
}

#[test]
fn a_kill_after_staging_leaves_the_old_tree_and_the_next_run_cleans_up() {
    let c = case(&["a", "b"], &["b", "c"]);
    let before = snapshot(&c.out);
    kill_at("MONCTL_TEST_PAUSE_AFTER_STAGING", &c.new, &c.out, &c.root);
    assert_eq!(journal_state(&c.out).as_deref(), Some("staging"));
    assert_eq!(
        without_txn(&snapshot(&c.out)),
        before,
        "the old tree, exactly"
    );

    let check = generate(&c.old, &c.out, &["--check"]);
    expect_code(&check, 0);
    assert!(stderr(&check).contains("temporary files of an interrupted"));

    let run = generate(&c.old, &c.out, &[]);
    expect_code(&run, 0);
    assert!(
        stderr(&run).contains("deleted the temporary files"),
        "{}",
        stderr(&run)
    );
    assert_eq!(
        snapshot(&c.out),
        before,
        "leftovers gone, nothing else changed"
    );
}

#[test]
fn a_kill_after_the_commit_point_is_completed_by_the_next_run() {
    let c = case(&["a", "b"], &["b", "c"]);
    let before = snapshot(&c.out);
    kill_at("MONCTL_TEST_PAUSE_AFTER_COMMIT", &c.new, &c.out, &c.root);
    assert_eq!(journal_state(&c.out).as_deref(), Some("committed"));
    assert_eq!(
        without_txn(&snapshot(&c.out)),
        before,
        "nothing switched yet"
    );

    let check = generate(&c.new, &c.out, &["--check"]);
    expect_code(&check, 2);
    assert!(stderr(&check).contains("part-way"), "{}", stderr(&check));

    // The next run completes the interrupted one first: then it has nothing left to write.
    let run = generate(&c.new, &c.out, &[]);
    expect_code(&run, 0);
    let said = stderr(&run);
    assert!(said.contains("finished the switch"), "{said}");
    assert!(said.contains(" 0 written"), "{said}");
    assert_eq!(snapshot(&c.out), reference(&c.root, &c.new, "new"));
}

#[test]
fn a_kill_in_the_middle_of_the_switch_is_completed_by_the_next_run() {
    let c = case(&["a", "b"], &["b", "c"]);
    let old = snapshot(&c.out);
    let new = reference(&c.root, &c.new, "new");
    kill_at("MONCTL_TEST_PAUSE_MID_SWITCH", &c.new, &c.out, &c.root);
    assert_eq!(journal_state(&c.out).as_deref(), Some("committed"));
    let mixed = without_txn(&snapshot(&c.out));
    assert_ne!(mixed, old);
    assert_ne!(mixed, new);

    let run = generate(&c.new, &c.out, &[]);
    expect_code(&run, 0);
    assert!(stderr(&run).contains("finished the switch"));
    assert!(stderr(&run).contains(" 0 written"), "{}", stderr(&run));
    assert_eq!(snapshot(&c.out), new);

    // Interrupted on the way back to the old files, then run with the new spec: the switch to
    // the old files is completed first, then the new ones are written over them (listed in the
    // completed run's manifest, so no file counts as edited).
    kill_at("MONCTL_TEST_PAUSE_MID_SWITCH", &c.old, &c.out, &c.root);
    let run = generate(&c.new, &c.out, &[]);
    expect_code(&run, 0);
    assert!(stderr(&run).contains("finished the switch"));
    assert_eq!(snapshot(&c.out), new);
    expect_code(&generate(&c.old, &c.out, &[]), 0);
    assert_eq!(snapshot(&c.out), old);
}

/// A small deterministic generator, so that a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

#[test]
fn sigkill_at_random_moments_leaves_old_or_new_and_the_next_run_recovers() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let names: Vec<String> = (0..160).map(|i| format!("group-{i:03}")).collect();
    let specs = [
        write_spec(root, "a.yml", &names[..130], 1),
        write_spec(root, "b.yml", &names[30..], 2),
    ];
    let trees = [
        reference(root, &specs[0], "a"),
        reference(root, &specs[1], "b"),
    ];
    let out = root.join("out");
    expect_code(&generate(&specs[0], &out, &[]), 0);
    let start = Instant::now();
    expect_code(&generate(&specs[1], &out, &[]), 0);
    let full = start.elapsed().as_micros() as u64;

    let mut rng = Lcg(0x5eed);
    let mut current = 1;
    let (mut old_seen, mut new_seen, mut mixed_seen) = (0, 0, 0);
    for round in 0..12 {
        let target = 1 - current;
        let mut child = command(&[
            Path::new("generate"),
            &specs[target],
            Path::new("--out"),
            &out,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
        // Any moment of the run, or (every other round) one near its end, where the switch is.
        let delay = if round % 2 == 0 {
            rng.below(full * 5 / 4)
        } else {
            full * 3 / 5 + rng.below(full / 2)
        };
        std::thread::sleep(Duration::from_micros(delay));
        let _ = child.kill();
        child.wait().unwrap();

        let tree = without_txn(&snapshot(&out));
        match journal_state(&out).as_deref() {
            Some("committed") | Some("rolling_back") => mixed_seen += 1,
            _ if tree == trees[current] => old_seen += 1,
            _ if tree == trees[target] => new_seen += 1,
            state => panic!("round {round}: neither the old nor the new tree (journal {state:?})"),
        }
        // The next run recovers, whatever the moment was, and ends on its own spec exactly.
        let next = generate(&specs[target], &out, &[]);
        expect_code(&next, 0);
        assert_eq!(snapshot(&out), trees[target], "round {round}");
        current = target;
    }
    eprintln!(
        "killed with the old tree {old_seen}x, the new {new_seen}x, mid-switch {mixed_seen}x"
    );
}

/// A tmpfs mounted at a folder for the life of the value (tests skip where mounting is not
/// allowed, e.g. when not root).
struct Mount(PathBuf);

impl Mount {
    fn tmpfs(at: &Path, size: &str) -> Option<Mount> {
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Mount(at.to_path_buf()))
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Replaces `dir` by a tmpfs holding the same files.
fn remount(dir: &Path, size: &str) -> Option<Mount> {
    let saved = snapshot(dir);
    let mount = Mount::tmpfs(dir, size)?;
    for (rel, content) in &saved {
        if content == "<folder>" {
            fs::create_dir_all(dir.join(rel)).unwrap();
        } else {
            fs::write(dir.join(rel), content).unwrap();
        }
    }
    Some(mount)
}

#[test]
fn a_mount_inside_out_is_switched_on_its_own_file_system() {
    let c = case(&["a", "b"], &["b", "c"]);
    let old = snapshot(&c.out);
    let Some(_mount) = remount(&c.out.join("rules"), "1m") else {
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    };
    assert_eq!(snapshot(&c.out), old);
    kill_at("MONCTL_TEST_PAUSE_AFTER_STAGING", &c.new, &c.out, &c.root);
    // The files for rules/ are staged beside them, on the mount, under hidden monctl names.
    let staged: Vec<String> = snapshot(&c.out)
        .into_keys()
        .filter(|k| k.starts_with("rules/.monctl-"))
        .collect();
    assert!(!staged.is_empty());
    let visible = |tree: BTreeMap<String, String>| {
        tree.into_iter()
            .filter(|(k, _)| !k.starts_with(".monctl-txn") && !k.starts_with("rules/.monctl-"))
            .collect::<BTreeMap<_, _>>()
    };
    assert_eq!(visible(snapshot(&c.out)), old);

    let run = generate(&c.new, &c.out, &[]);
    expect_code(&run, 0);
    assert!(stderr(&run).contains("deleted the temporary files"));
    assert_eq!(snapshot(&c.out), reference(&c.root, &c.new, "new"));

    kill_at("MONCTL_TEST_PAUSE_MID_SWITCH", &c.old, &c.out, &c.root);
    let run = generate(&c.old, &c.out, &[]);
    expect_code(&run, 0);
    assert!(stderr(&run).contains("finished the switch"));
    assert_eq!(snapshot(&c.out), old);
}

#[test]
fn a_full_disk_while_staging_leaves_the_old_tree_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..40).map(|i| format!("group-{i:02}")).collect();
    let small = write_spec(tmp.path(), "small.yml", &names[..2], 1);
    let large = write_spec(tmp.path(), "large.yml", &names, 2);
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();
    // 40 rule files of about 400 bytes take a 4 KiB page each: more than 64 KiB.
    let Some(_mount) = Mount::tmpfs(&out, "64k") else {
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    };
    expect_code(&generate(&small, &out, &[]), 0);
    let before = snapshot(&out);
    let run = generate(&large, &out, &[]);
    expect_code(&run, 2);
    assert!(
        stderr(&run).contains("No space left on device"),
        "{}",
        stderr(&run)
    );
    assert!(stderr(&run).contains("nothing in"), "{}", stderr(&run));
    assert_eq!(
        snapshot(&out),
        before,
        "the old tree, exactly, and no leftovers"
    );
}

#[test]
fn out_itself_may_be_a_mount_point() {
    let tmp = tempfile::tempdir().unwrap();
    let spec = write_spec(tmp.path(), "spec.yml", &groups(&["a", "b"]), 1);
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();
    let Some(_mount) = Mount::tmpfs(&out, "1m") else {
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    };
    expect_code(&generate(&spec, &out, &[]), 0);
    assert_eq!(snapshot(&out), reference(tmp.path(), &spec, "spec"));
}
