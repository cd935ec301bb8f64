//! Test-only hooks, inert unless their environment variable is set: pause at a critical point of
//! a transaction (so that a test can kill the process there) or fail a chosen step (so that a test
//! can watch the rollback). They change no behaviour of a normal run.
//!
//! - `MONCTL_TEST_PAUSE_AFTER_STAGING=FILE`: all new files staged and fsynced, nothing switched.
//! - `MONCTL_TEST_PAUSE_AFTER_COMMIT=FILE`: the journal says committed, nothing renamed yet.
//! - `MONCTL_TEST_PAUSE_MID_SWITCH=FILE`: the first file renamed into place, the rest not.
//!
//! At the point, monctl creates FILE (holding its process id) and waits until it is killed.
//! `MONCTL_TEST_FAIL_AT=stage:N` or `rename:N` makes the N-th (from 0) staged write or rename fail
//! as a full disk would.

use std::io;
use std::time::Duration;

pub const AFTER_STAGING: &str = "MONCTL_TEST_PAUSE_AFTER_STAGING";
pub const AFTER_COMMIT: &str = "MONCTL_TEST_PAUSE_AFTER_COMMIT";
pub const MID_SWITCH: &str = "MONCTL_TEST_PAUSE_MID_SWITCH";

/// Waits forever at `point` when its variable names a signal file.
pub fn pause(point: &str) {
    let Some(signal) = std::env::var_os(point) else {
        return;
    };
    let _ = std::fs::write(&signal, std::process::id().to_string());
    loop {
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A simulated failure of step `index` of `step` (`stage` or `rename`), when asked for.
pub fn fail(step: &str, index: usize) -> io::Result<()> {
    let Ok(spec) = std::env::var("MONCTL_TEST_FAIL_AT") else {
        return Ok(());
    };
    if spec == format!("{step}:{index}") {
        return Err(io::Error::other(format!(
            "simulated failure of {step} {index} (MONCTL_TEST_FAIL_AT)"
        )));
    }
    Ok(())
}
