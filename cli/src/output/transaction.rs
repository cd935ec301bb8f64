//! Switching the output folder from the old files to the new ones as one transaction, and
//! recovering from a run that was killed or failed part-way. The steps, each made durable before
//! the next:
//!
//! 1. the journal (state `staging`) names every temporary file and backup the run will create;
//! 2. staging: each new file is written to its temporary name and fsynced; each file it replaces
//!    gets a backup (a hard link, or a copy) — the output folder's own files are untouched;
//! 3. commit point: the journal is rewritten with state `committed`;
//! 4. switch: missing folders are created, each temporary file is renamed over its target (one
//!    atomic rename per file), each stale file is moved to its backup name;
//! 5. the backups, the temporary names and the journal are deleted.
//!
//! A failure before 3 deletes what 1–2 created: the old output stays. A failure in 4 marks the
//! journal `rolling_back` and puts every backup back: the old output again. A kill leaves the
//! journal, and the next run acts on it before anything else: `staging` or `rolling_back` is
//! undone, `committed` is completed (or undone, if completing fails). Every step of recovery can
//! be repeated after another kill. Temporary files are deleted only while the durable journal says
//! `staging` or `rolling_back`, so a `committed` journal always finds every file it needs.

use super::confine::{Found, OutDir};
use super::durable;
use super::journal::{is_in_txn, Journal, State, TXN_DIR};
use super::manifest;
use super::relpath;
use super::testhook;
use std::collections::BTreeSet;
use std::fs;
use std::io;

fn io_err(out: &OutDir, what: &str, rel: &str) -> impl Fn(io::Error) -> String {
    let what = what.to_string();
    let shown = out.shown(rel);
    move |e| format!("cannot {what} {shown}: {e}")
}

/// Writes `writes` and removes `removes` in `out` as one transaction (see the module comment).
/// Returns warnings about leftovers that could not be deleted after success.
pub fn apply(
    out: &OutDir,
    writes: &[(String, Vec<u8>)],
    removes: &[(String, String)],
) -> Result<Vec<String>, String> {
    let untouched = |e: String| format!("{e}; nothing in {} was changed", out.shown(""));
    let mut journal = Journal::plan(out, writes, removes).map_err(untouched)?;
    let txn = out.real(TXN_DIR);
    fs::create_dir(&txn)
        .map_err(io_err(out, "create", TXN_DIR))
        .map_err(untouched)?;
    if let Err(e) = durable::sync_dir(out.root())
        .and_then(|_| journal.save(out))
        .map_err(io_err(out, "write the journal in", TXN_DIR))
    {
        let _ = fs::remove_dir_all(&txn);
        return Err(untouched(e));
    }

    if let Err(e) = stage(out, &journal, writes) {
        return Err(match rollback(out, &journal, State::Staging) {
            Ok(()) => untouched(e),
            Err(undo) => format!(
                "{e}; the output files are untouched, but monctl could not delete its temporary \
                 files ({undo}): the next `monctl generate` deletes them"
            ),
        });
    }
    testhook::pause(testhook::AFTER_STAGING);

    journal.state = State::Committed;
    if let Err(e) = journal.save(out) {
        // The journal on disk says either `staging` or `committed`; nothing was renamed yet.
        return Err(undo_after_commit(
            out,
            &mut journal,
            format!("cannot write the journal in {}: {e}", out.shown(TXN_DIR)),
        ));
    }
    testhook::pause(testhook::AFTER_COMMIT);

    if let Err(e) = roll_forward(out, &journal) {
        return Err(undo_after_commit(out, &mut journal, e));
    }
    Ok(match finish(out, &journal) {
        Ok(()) => Vec::new(),
        Err(e) => vec![format!(
            "the new files are in place, but monctl could not delete its bookkeeping in {} \
             ({e}); the next `monctl generate` deletes it",
            out.shown(TXN_DIR)
        )],
    })
}

/// After the commit point, a failure `cause`: marks the journal `rolling_back` and undoes.
fn undo_after_commit(out: &OutDir, journal: &mut Journal, cause: String) -> String {
    journal.state = State::RollingBack;
    if let Err(e) = journal.save(out) {
        return format!(
            "{cause}; monctl could not record that it is undoing the run ({e}), so it left \
             everything as it is: the next `monctl generate` finishes or undoes the run from {}",
            out.shown(TXN_DIR)
        );
    }
    match rollback(out, journal, State::RollingBack) {
        Ok(()) => format!(
            "{cause}; the switch was undone: {} holds its earlier files",
            out.shown("")
        ),
        Err(e) => format!(
            "{cause}; undoing the switch failed too ({e}): {} may hold a mix of old and new \
             files until the next `monctl generate` finishes undoing it from {}",
            out.shown(""),
            out.shown(TXN_DIR)
        ),
    }
}

/// The parent folder of `rel`, real path, for staged names inside the transaction folder.
fn create_txn_parent(out: &OutDir, rel: &str) -> Result<(), String> {
    if is_in_txn(rel) {
        let parent = relpath::parent(rel);
        fs::create_dir_all(out.real(parent)).map_err(io_err(out, "create", parent))?;
    }
    Ok(())
}

/// Folders whose entries changed: `rel`'s parent and, inside the transaction folder, every
/// folder up to it (new folders are entries of their parents).
fn touched_dirs(rel: &str, into: &mut BTreeSet<String>) {
    let mut dir = relpath::parent(rel);
    into.insert(dir.to_string());
    if is_in_txn(rel) {
        while dir != TXN_DIR && !dir.is_empty() {
            dir = relpath::parent(dir);
            into.insert(dir.to_string());
        }
    }
}

fn sync_all(out: &OutDir, dirs: &BTreeSet<String>) -> Result<(), String> {
    for dir in dirs {
        durable::sync_dir(&out.real(dir)).map_err(io_err(out, "sync", dir))?;
    }
    Ok(())
}

/// Whether `rel` is a regular file whose content has `hash`.
fn holds(out: &OutDir, rel: &str, hash: &str) -> Result<bool, String> {
    if !matches!(out.inspect(rel)?, Found::File) {
        return Ok(false);
    }
    let content = fs::read(out.real(rel)).map_err(io_err(out, "read", rel))?;
    Ok(manifest::hash(&content) == hash)
}

/// Step 2: every new file at its temporary name, every replaced file backed up, all durable.
fn stage(out: &OutDir, journal: &Journal, writes: &[(String, Vec<u8>)]) -> Result<(), String> {
    let mut dirs = BTreeSet::new();
    for (index, (write, (_, content))) in journal.writes.iter().zip(writes).enumerate() {
        out.check_parents(&write.temp)?;
        create_txn_parent(out, &write.temp)?;
        testhook::fail("stage", index)
            .and_then(|_| durable::create_new(&out.real(&write.temp), content))
            .map_err(io_err(out, "write", &write.temp))?;
        touched_dirs(&write.temp, &mut dirs);
        if let Some(backup) = &write.backup {
            out.check_parents(&write.path)?;
            create_txn_parent(out, backup)?;
            durable::link_or_copy(&out.real(&write.path), &out.real(backup)).map_err(io_err(
                out,
                "back up",
                &write.path,
            ))?;
            touched_dirs(backup, &mut dirs);
        }
    }
    for write in &journal.writes {
        durable::sync_file(&out.real(&write.temp)).map_err(io_err(out, "write", &write.temp))?;
    }
    sync_all(out, &dirs)
}

/// Step 4, also used by recovery: repeatable, each step skipped when already done.
fn roll_forward(out: &OutDir, journal: &Journal) -> Result<(), String> {
    let mut dirs = BTreeSet::new();
    for dir in &journal.dirs {
        out.check_parents(dir)?;
        if !durable::exists(&out.real(dir)) {
            fs::create_dir(out.real(dir)).map_err(io_err(out, "create", dir))?;
            touched_dirs(dir, &mut dirs);
        }
    }
    for (index, write) in journal.writes.iter().enumerate() {
        out.check_parents(&write.path)?;
        out.check_parents(&write.temp)?;
        let temp = out.real(&write.temp);
        if durable::exists(&temp) {
            testhook::fail("rename", index)
                .and_then(|_| fs::rename(&temp, out.real(&write.path)))
                .map_err(io_err(out, "move a new file into place at", &write.path))?;
            touched_dirs(&write.path, &mut dirs);
            touched_dirs(&write.temp, &mut dirs);
            if index == 0 {
                testhook::pause(testhook::MID_SWITCH);
            }
        }
    }
    for remove in &journal.removes {
        out.check_parents(&remove.path)?;
        let (path, backup) = (out.real(&remove.path), out.real(&remove.backup));
        if !durable::exists(&backup) && holds(out, &remove.path, &remove.hash)? {
            create_txn_parent(out, &remove.backup)?;
            fs::rename(&path, &backup).map_err(io_err(out, "remove", &remove.path))?;
            touched_dirs(&remove.path, &mut dirs);
            touched_dirs(&remove.backup, &mut dirs);
        }
    }
    sync_all(out, &dirs)?;
    // Folders that removing stale files left empty go too (best effort: a user's file keeps one).
    for remove in &journal.removes {
        for dir in relpath::ancestors(&remove.path).into_iter().rev() {
            if fs::remove_dir(out.real(dir)).is_err() {
                break;
            }
        }
    }
    Ok(())
}

/// Undoes a run whose journal says `state`, repeatably. `staging` only deletes what staging
/// created; later states also put every backup back and delete the files the run added.
fn rollback(out: &OutDir, journal: &Journal, state: State) -> Result<(), String> {
    let mut dirs = BTreeSet::new();
    for write in journal.writes.iter().rev() {
        out.check_parents(&write.path)?;
        out.check_parents(&write.temp)?;
        let temp = out.real(&write.temp);
        let backup = write.backup.as_ref().map(|b| (b, out.real(b)));
        if durable::exists(&temp) || state == State::Staging {
            // Not switched: the target still holds its old content.
            if durable::exists(&temp) {
                fs::remove_file(&temp).map_err(io_err(out, "delete", &write.temp))?;
            }
            if let Some((rel, backup)) = &backup {
                if durable::exists(backup) {
                    fs::remove_file(backup).map_err(io_err(out, "delete", rel))?;
                }
            }
            continue;
        }
        let target = out.real(&write.path);
        match &backup {
            Some((_, backup)) if durable::exists(backup) => {
                fs::rename(backup, &target).map_err(io_err(
                    out,
                    "put back the old",
                    &write.path,
                ))?;
            }
            Some(_) => {} // put back already
            None => {
                // A file this run added (if it still holds what the run wrote).
                if holds(out, &write.path, &write.hash)? {
                    fs::remove_file(&target).map_err(io_err(out, "delete", &write.path))?;
                }
            }
        }
        touched_dirs(&write.path, &mut dirs);
    }
    if state != State::Staging {
        for remove in journal.removes.iter().rev() {
            let backup = out.real(&remove.backup);
            if !durable::exists(&backup) {
                continue;
            }
            for dir in relpath::ancestors(&remove.path) {
                out.check_parents(dir)?;
                if !durable::exists(&out.real(dir)) {
                    fs::create_dir(out.real(dir)).map_err(io_err(out, "create", dir))?;
                }
            }
            fs::rename(&backup, out.real(&remove.path)).map_err(io_err(
                out,
                "put back",
                &remove.path,
            ))?;
            touched_dirs(&remove.path, &mut dirs);
        }
        for dir in journal.dirs.iter().rev() {
            let _ = fs::remove_dir(out.real(dir));
            touched_dirs(dir, &mut dirs);
        }
    }
    dirs.retain(|d| durable::exists(&out.real(d)));
    sync_all(out, &dirs)?;
    finish(out, journal)
}

/// Step 5: deletes the temporary names and backups beside files, then the transaction folder.
fn finish(out: &OutDir, journal: &Journal) -> Result<(), String> {
    let beside = journal
        .writes
        .iter()
        .flat_map(|w| std::iter::once(&w.temp).chain(w.backup.as_ref()))
        .chain(journal.removes.iter().map(|r| &r.backup))
        .filter(|name| !is_in_txn(name));
    for name in beside {
        out.check_parents(name)?;
        let path = out.real(name);
        if durable::exists(&path) {
            fs::remove_file(&path).map_err(io_err(out, "delete", name))?;
        }
    }
    match fs::remove_dir_all(out.real(TXN_DIR)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            return Err(io_err(out, "delete", TXN_DIR)(e));
        }
        _ => {}
    }
    durable::sync_dir(out.root()).map_err(io_err(out, "sync", ""))
}

/// The transaction folder, if any: refused when it is not a real folder.
fn txn_present(out: &OutDir) -> Result<bool, String> {
    match out.inspect(TXN_DIR)? {
        Found::Missing => Ok(false),
        Found::Dir => Ok(true),
        _ => Err(format!(
            "{} is not monctl's transaction folder (it is not a folder); monctl keeps that name \
             for itself: move it away",
            out.shown(TXN_DIR)
        )),
    }
}

/// Before anything else in a writing run: acts on a journal an interrupted run left. Returns a
/// note saying what was done.
pub fn recover(out: &OutDir) -> Result<Option<String>, String> {
    if !txn_present(out)? {
        return Ok(None);
    }
    let Some(mut journal) = Journal::load(out)? else {
        fs::remove_dir_all(out.real(TXN_DIR)).map_err(io_err(out, "delete", TXN_DIR))?;
        return Ok(Some(format!(
            "deleted {}, left by a run that was interrupted before it changed anything",
            out.shown(TXN_DIR)
        )));
    };
    let failed = |e: String| {
        format!(
            "an interrupted `monctl generate` left {} and monctl could not recover from it: {e}",
            out.shown(TXN_DIR)
        )
    };
    let note = match journal.state {
        State::Staging => {
            rollback(out, &journal, State::Staging).map_err(failed)?;
            "deleted the temporary files of a run that was interrupted before it switched any \
             file: the folder kept its earlier files"
                .to_string()
        }
        State::Committed => match roll_forward(out, &journal) {
            Ok(()) => {
                finish(out, &journal).map_err(failed)?;
                "finished the switch of a run that was interrupted while switching: the folder \
                 holds the files that run generated"
                    .to_string()
            }
            Err(e) => {
                journal.state = State::RollingBack;
                journal
                    .save(out)
                    .map_err(|s| failed(format!("{e}; then {s}")))?;
                rollback(out, &journal, State::RollingBack)
                    .map_err(|u| failed(format!("{e}; then {u}")))?;
                format!(
                    "could not finish the switch of an interrupted run ({e}), so undid it: the \
                     folder holds its earlier files"
                )
            }
        },
        State::RollingBack => {
            rollback(out, &journal, State::RollingBack).map_err(failed)?;
            "finished undoing an interrupted run: the folder holds its earlier files".to_string()
        }
    };
    Ok(Some(format!("{}: {note}", out.shown(""))))
}

/// For `--check`, which writes nothing: a warning when an interrupted run left only temporary
/// files (the output is the old one), an error when it was interrupted while switching.
pub fn pending(out: &OutDir) -> Result<Option<String>, String> {
    if !txn_present(out)? {
        return Ok(None);
    }
    match Journal::load(out)?.map(|j| j.state) {
        None | Some(State::Staging) => Ok(Some(format!(
            "{} holds the temporary files of an interrupted `monctl generate` (the output files \
             are its earlier ones); the next `monctl generate` deletes them",
            out.shown(TXN_DIR)
        ))),
        Some(_) => Err(format!(
            "an interrupted `monctl generate` left {} part-way between its old and new files \
             (see {}); run `monctl generate` to finish it, then check again",
            out.shown(""),
            out.shown(TXN_DIR)
        )),
    }
}
