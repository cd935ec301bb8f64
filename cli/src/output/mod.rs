//! Writing generated files into the output folder (`monctl generate --out DIR`) and comparing
//! them with it (`--check`). What it guarantees:
//!
//! - Confined: every file written, renamed or removed is inside DIR; a symbolic link anywhere on
//!   such a path (a file, or a folder like `rules/`) is refused with an error naming it, never
//!   followed, and then nothing is written (`confine`).
//! - Only monctl's files are removed: `.monctl-manifest.json` lists each file monctl wrote with its
//!   SHA-256 (`manifest`). A file the spec no longer produces is removed only when it is listed and
//!   unchanged; a file someone edited or added is left and reported. Without a manifest (a folder an
//!   older monctl wrote) nothing is removed. A listed file edited since, or a file that is not
//!   monctl's, where the spec now produces a file, makes the run refuse (nothing written) unless
//!   `--force` is given (`plan`).
//! - All or nothing: the new files are staged and fsynced first, a journal records the run, and the
//!   files are then switched in place one atomic rename each (`journal`, `transaction`). Exactly:
//!   no output file is ever seen half-written (each is its whole old or whole new content); a
//!   failure before or during the switch (full disk, permission, a file in the way) puts the old
//!   files back and the run exits 2; a kill before the commit point leaves the old files (plus
//!   hidden temporary files); a kill after it leaves a journal, and the folder holds a mix of old
//!   and new files only from then until the next `monctl generate` on it, which completes the
//!   switch (or, if it cannot, undoes it) before doing anything else and deletes every temporary
//!   file. `--check` refuses (exit 2) while such a journal is there. After exit 0 the new files
//!   and their folder entries are on disk (fsynced).
//! - Portable: no folder is swapped (no `renameat2(RENAME_EXCHANGE)`): files keep their folders,
//!   so a bind mount or a watcher of DIR sees the new files, and only `rename` within one file
//!   system is needed — a mount inside DIR gets its files staged beside them, on that mount. Two
//!   runs cannot write one folder at once (`durable::lock`, flock on Unix).
//! - Not covered: another process changing DIR while monctl runs (paths are checked, then used).

mod confine;
mod durable;
mod journal;
mod manifest;
mod placement;
mod plan;
mod relpath;
mod testhook;
mod transaction;

use confine::OutDir;
use monctl::Artifact;
use std::path::Path;

pub use placement::check_out_folder;
pub use plan::Status;

/// What a writing run did, for the summary line and its warnings.
pub struct Written {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
    /// `note:` lines (recovery from an interrupted run).
    pub notes: Vec<String>,
    /// `warning:` lines (files left in place, files overwritten with `--force`).
    pub warnings: Vec<String>,
}

/// What `--check` found.
pub struct Drift {
    pub drift: Vec<(Status, String)>,
    pub warnings: Vec<String>,
}

/// Writes `artifacts` into `out` (created when missing) as one transaction.
pub fn write_all(out: &Path, artifacts: &[Artifact], force: bool) -> Result<Written, String> {
    let existed = out.exists();
    let result = OutDir::open(out, true).and_then(|dir| match dir {
        Some(dir) => write_into(&dir, artifacts, force),
        None => Err(format!("cannot create {}", out.display())),
    });
    if result.is_err() && !existed {
        let _ = std::fs::remove_dir(out); // only when still empty
    }
    result
}

fn write_into(dir: &OutDir, artifacts: &[Artifact], force: bool) -> Result<Written, String> {
    let nothing_written = |e: String| format!("{e}; nothing was written");
    let _lock = durable::lock(dir.root(), dir.shown_root(), true).map_err(nothing_written)?;
    let notes: Vec<String> = transaction::recover(dir)?.into_iter().collect();
    let plan = plan::plan(Some(dir), artifacts).map_err(nothing_written)?;
    let mut warnings = plan.warnings;
    if !plan.conflicts.is_empty() {
        if !force {
            return Err(conflict_message(dir, &plan.conflicts, plan.had_manifest));
        }
        for conflict in &plan.conflicts {
            warnings.push(format!(
                "overwrote {} ({}) because of --force",
                dir.shown(&conflict.path),
                if conflict.edited {
                    "edited since monctl generated it"
                } else {
                    "not written by monctl"
                }
            ));
        }
    }
    let written = plan
        .writes
        .iter()
        .filter(|(path, _)| path != manifest::NAME)
        .count();
    if !plan.writes.is_empty() || !plan.removes.is_empty() {
        warnings.extend(transaction::apply(dir, &plan.writes, &plan.removes)?);
    }
    Ok(Written {
        written,
        unchanged: plan.unchanged,
        removed: plan.removes.len(),
        notes,
        warnings,
    })
}

fn conflict_message(dir: &OutDir, conflicts: &[plan::Conflict], had_manifest: bool) -> String {
    let mut text = format!(
        "{} file(s) in {} differ from what monctl generated there and would be overwritten:",
        conflicts.len(),
        dir.shown("")
    );
    for conflict in conflicts {
        let why = if conflict.edited {
            "edited since monctl generated it".to_string()
        } else if had_manifest {
            format!(
                "not written by monctl ({} does not list it)",
                manifest::NAME
            )
        } else {
            format!(
                "not known to be monctl's: the folder has no {} (an older monctl may have written it)",
                manifest::NAME
            )
        };
        text.push_str(&format!("\n  {}: {why}", dir.shown(&conflict.path)));
    }
    text.push_str(
        "\nrevert the edits (or move the files away) and run again, or pass --force to overwrite \
         them; nothing was written",
    );
    text
}

/// Compares `artifacts` with `out` without writing anything.
pub fn drift(out: &Path, artifacts: &[Artifact]) -> Result<Drift, String> {
    let Some(dir) = OutDir::open(out, false)? else {
        let plan = plan::plan(None, artifacts)?;
        return Ok(Drift {
            drift: plan.drift,
            warnings: Vec::new(),
        });
    };
    let _lock = durable::lock(dir.root(), dir.shown_root(), false)?;
    let mut warnings: Vec<String> = transaction::pending(&dir)?.into_iter().collect();
    let plan = plan::plan(Some(&dir), artifacts)?;
    if !plan.had_manifest {
        warnings.push(format!(
            "{} has no {}, so files an earlier monctl generated there and the spec no longer \
             produces cannot be told from yours (none is reported stale); `monctl generate` \
             writes it: commit it with the generated files",
            dir.shown(""),
            manifest::NAME
        ));
    }
    warnings.extend(plan.warnings);
    Ok(Drift {
        drift: plan.drift,
        warnings,
    })
}
