//! Reading a spec folder through the real binary: FIFOs, sockets and devices are never opened (a
//! FIFO would block a read forever), symbolic links are followed only inside the folder, loops are
//! skipped with a warning, the walk is bounded, and a file that is not UTF-8 is named with the
//! offset of its first bad byte. Every run has a watchdog: a hang fails the test instead of
//! blocking it.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const WATCHDOG: Duration = Duration::from_secs(30);

/// `monctl check PATH`, killed (and the test failed) if it has not exited within the watchdog.
fn check(path: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_monctl"))
        .arg("check")
        .arg(path)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("monctl runs");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "monctl check {} hung (killed after {WATCHDOG:?})",
                path.display()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().expect("output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[track_caller]
fn expect(output: &Output, code: i32, needles: &[&str]) {
    let text = stderr(output);
    assert_eq!(output.status.code(), Some(code), "{text}");
    for needle in needles {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

const SPEC: &str =
    "scrape:\n  jobs:\n    - job_name: shop\n      static_configs: [{targets: ['shop:8080']}]\n";

/// A spec folder that checks clean on its own.
fn spec_folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("spec");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("scrape.yml"), SPEC).unwrap();
    (tmp, dir)
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[test]
fn the_folder_checks_clean_as_a_baseline() {
    let (_tmp, dir) = spec_folder();
    expect(&check(&dir), 0, &[]);
}

#[test]
fn a_fifo_with_a_spec_name_in_the_folder_is_refused_without_opening_it() {
    let (_tmp, dir) = spec_folder();
    let fifo = dir.join("alerts.yml");
    mkfifo(&fifo);
    let shown = format!(
        "{} is a FIFO (named pipe), not a regular file",
        fifo.display()
    );
    expect(&check(&dir), 2, &[&shown, "remove it from the spec folder"]);
}

#[test]
fn a_fifo_given_as_the_spec_file_is_refused() {
    let (tmp, _dir) = spec_folder();
    let fifo = tmp.path().join("spec.yml");
    mkfifo(&fifo);
    let shown = format!(
        "{} is a FIFO (named pipe), not a regular file or a folder",
        fifo.display()
    );
    expect(&check(&fifo), 2, &[&shown, "could block forever"]);
}

#[test]
fn non_regular_files_without_a_spec_name_are_ignored() {
    let (_tmp, dir) = spec_folder();
    mkfifo(&dir.join("pipe"));
    let _socket = std::os::unix::net::UnixListener::bind(dir.join("editor.sock")).unwrap();
    let out = check(&dir);
    expect(&out, 0, &[]);
    assert!(!stderr(&out).contains("pipe"), "{}", stderr(&out));
}

#[test]
fn a_socket_with_a_spec_name_is_refused() {
    let (_tmp, dir) = spec_folder();
    let path = dir.join("live.yaml");
    let _socket = std::os::unix::net::UnixListener::bind(&path).unwrap();
    let shown = format!("{} is a socket, not a regular file", path.display());
    expect(&check(&dir), 2, &[&shown]);
}

#[test]
fn devices_are_refused_as_a_file_and_through_a_link() {
    expect(
        &check(Path::new("/dev/zero")),
        2,
        &["/dev/zero is a character device, not a regular file or a folder"],
    );
    let (_tmp, dir) = spec_folder();
    symlink("/dev/zero", dir.join("zero.yml")).unwrap();
    expect(
        &check(&dir),
        2,
        &["zero.yml is a symbolic link to /dev/zero, which is a character device"],
    );
}

#[test]
fn symbolic_link_loops_are_skipped_with_a_warning() {
    let (_tmp, dir) = spec_folder();
    symlink(".", dir.join("self")).unwrap(); // a folder loop
    symlink("loop-b.yml", dir.join("loop-a.yml")).unwrap(); // a loop of links
    symlink("loop-a.yml", dir.join("loop-b.yml")).unwrap();
    fs::create_dir(dir.join("sub")).unwrap();
    symlink("..", dir.join("sub/up")).unwrap(); // to an ancestor, read already
    let out = check(&dir);
    expect(
        &out,
        0,
        &[
            &format!(
                "warning: skipped {}: a symbolic link to the folder .",
                dir.join("self").display()
            ),
            &format!(
                "warning: skipped {}: a symbolic link (to loop-b.yml) that cannot be followed",
                dir.join("loop-a.yml").display()
            ),
            &format!(
                "warning: skipped {}: a symbolic link to the folder ..",
                dir.join("sub/up").display()
            ),
        ],
    );
}

#[test]
fn a_second_name_for_a_folder_is_read_once() {
    let (_tmp, dir) = spec_folder();
    fs::create_dir(dir.join("v2")).unwrap();
    fs::write(
        dir.join("v2/rules.yml"),
        "rules:\n  groups:\n    - name: g\n      rules:\n        - record: job:up:sum\n          expr: sum by (job) (up)\n",
    )
    .unwrap();
    // After the folder in path order: the link is skipped.
    symlink("v2", dir.join("v3")).unwrap();
    let skipped = format!(
        "warning: skipped {}: a symbolic link to the folder v2, which is read already",
        dir.join("v3").display()
    );
    // Read twice, the group would be defined twice: an error.
    expect(&check(&dir), 0, &[&skipped]);
    // Before it: read through the link, and the folder's own copy is skipped.
    fs::remove_file(dir.join("v3")).unwrap();
    symlink("v2", dir.join("latest")).unwrap();
    let skipped = format!(
        "warning: skipped {}: it is the same file as {}, read already",
        dir.join("v2/rules.yml").display(),
        dir.join("latest/rules.yml").display()
    );
    expect(&check(&dir), 0, &[&skipped]);
}

#[test]
fn a_link_to_a_file_inside_the_folder_is_followed() {
    let (_tmp, dir) = spec_folder();
    fs::create_dir(dir.join(".shared")).unwrap(); // hidden: not read by itself
    fs::write(
        dir.join(".shared/global.yml"),
        "scrape:\n  global: {scrape_interval: 15 seconds}\n",
    )
    .unwrap();
    symlink(".shared/global.yml", dir.join("global.yml")).unwrap();
    // Read through the link: its bad duration is reported at the link's name.
    let at = format!("{}:2:", dir.join("global.yml").display());
    expect(&check(&dir), 1, &["is not a Prometheus duration", &at]);
}

#[test]
fn links_leading_outside_the_folder_are_refused() {
    let (tmp, dir) = spec_folder();
    let outside = tmp.path().join("outside");
    fs::create_dir(&outside).unwrap();
    fs::write(outside.join("more.yml"), "metrics: []\n").unwrap();
    symlink(outside.join("more.yml"), dir.join("more.yml")).unwrap();
    expect(
        &check(&dir),
        2,
        &[&format!(
            "{} is a symbolic link to {}, outside the spec folder",
            dir.join("more.yml").display(),
            outside.join("more.yml").display()
        )],
    );
    fs::remove_file(dir.join("more.yml")).unwrap();
    symlink(&outside, dir.join("more")).unwrap();
    expect(
        &check(&dir),
        2,
        &[&format!(
            "{} is a symbolic link to the folder {}, outside the spec folder",
            dir.join("more").display(),
            outside.display()
        )],
    );
}

#[test]
fn a_file_that_is_not_utf8_is_named_with_the_offset_of_its_first_bad_byte() {
    let (_tmp, dir) = spec_folder();
    let path = dir.join("latin1.yml");
    fs::write(&path, b"metrics: []\n# caf\xe9\n").unwrap();
    let shown = format!(
        "{} is not UTF-8 text: byte 0xe9 at byte offset 17 (line 2, column 6)",
        path.display()
    );
    expect(&check(&dir), 2, &[&shown, "save the file as UTF-8"]);
}

#[test]
fn folders_nested_too_deep_are_refused() {
    let (_tmp, dir) = spec_folder();
    let mut deep = dir.clone();
    for i in 0..40 {
        deep = deep.join(format!("d{i}"));
    }
    fs::create_dir_all(&deep).unwrap();
    expect(
        &check(&dir),
        2,
        &["is more than 32 folders deep below the spec folder"],
    );
}

#[test]
fn too_many_entries_are_refused() {
    let (_tmp, dir) = spec_folder();
    let junk = dir.join("junk");
    fs::create_dir(&junk).unwrap();
    for i in 0..10_001 {
        fs::write(junk.join(format!("{i}.txt")), "").unwrap();
    }
    expect(
        &check(&dir),
        2,
        &["more than 10000 files and folders under the spec folder"],
    );
}

#[test]
fn too_many_spec_files_are_refused_before_reading_them() {
    let (_tmp, dir) = spec_folder();
    for i in 0..1001 {
        fs::write(dir.join(format!("part-{i:04}.yml")), "").unwrap();
    }
    expect(
        &check(&dir),
        2,
        &["more than 1000 spec files under the spec folder"],
    );
}

#[test]
fn files_over_the_size_limits_are_refused_before_reading_them() {
    let (_tmp, dir) = spec_folder();
    let big = dir.join("big.yml");
    fs::File::create(&big)
        .unwrap()
        .set_len(5 * 1024 * 1024)
        .unwrap();
    expect(
        &check(&dir),
        2,
        &[&format!(
            "{} is 5242880 bytes; monctl reads at most 4194304 bytes per spec file",
            big.display()
        )],
    );
    fs::remove_file(&big).unwrap();
    let limits = monctl::Limits::default();
    let part = limits.max_file_bytes - 1;
    for i in 0..limits.max_total_bytes / part + 1 {
        fs::File::create(dir.join(format!("part-{i}.yml")))
            .unwrap()
            .set_len(part as u64)
            .unwrap();
    }
    expect(
        &check(&dir),
        2,
        &[&format!(
            "the spec files hold more than {} bytes",
            limits.max_total_bytes
        )],
    );
}
