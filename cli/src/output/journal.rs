//! The transaction journal, `.monctl-txn/journal.json`: every file a run will create, rename or
//! remove in the output folder, written (and fsynced) before the first of them is touched, with
//! the run's state. The state is what recovery goes by; the names are checked on reading so that a
//! journal, like a manifest, can only ever point at monctl's own paths inside the folder, and the
//! content hashes let it delete only files that still hold what the run expects.

use super::confine::{Found, OutDir};
use super::durable;
use super::manifest;
use super::relpath;
use serde::{Deserialize, Serialize};
use std::fs;

/// monctl's transaction folder in the output folder: the journal, staged files, backups.
pub const TXN_DIR: &str = ".monctl-txn";
const JOURNAL: &str = ".monctl-txn/journal.json";
const JOURNAL_TMP: &str = ".monctl-txn/journal.json.tmp";
const FORMAT: u32 = 1;
const MAX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// New files are being written to their temporary names; the output folder is untouched.
    Staging,
    /// Every new file is staged and durable: the run must complete (roll forward).
    Committed,
    /// Completing failed: the run is being undone (roll back).
    RollingBack,
}

/// One file to write: its temporary name, and where its old content is kept until the end.
#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct Write {
    pub path: String,
    /// The new content's hash: undoing deletes an added file only when it still holds it.
    pub hash: String,
    pub temp: String,
    pub backup: Option<String>,
}

/// One stale file to remove: moved to `backup` at the switch, deleted at the end.
#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct Remove {
    pub path: String,
    /// The content that may be removed: a file that changed since is left in place.
    pub hash: String,
    pub backup: String,
}

#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct Journal {
    pub format: u32,
    pub state: State,
    /// Folders created at the switch (outermost first), removed again when undoing.
    pub dirs: Vec<String>,
    pub writes: Vec<Write>,
    pub removes: Vec<Remove>,
}

/// Where staged files and backups go: in the transaction folder, or — when the file's folder is
/// on another file system than the output folder (a mount inside it) — beside the file under a
/// hidden name, so that every rename stays within one file system.
fn in_txn(kind: &str, path: &str) -> String {
    format!("{TXN_DIR}/{kind}/{path}")
}

fn beside(dir: &str, kind: &str, index: usize) -> String {
    relpath::join(dir, &format!("{}{kind}-{index}", relpath::RESERVED_PREFIX))
}

/// Whether `name` is one of the transaction folder's names (not beside a file).
pub fn is_in_txn(name: &str) -> bool {
    name.starts_with(TXN_DIR) && name[TXN_DIR.len()..].starts_with('/')
}

#[cfg(unix)]
fn device(path: &std::path::Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).ok().map(|m| m.dev())
}

#[cfg(not(unix))]
fn device(_: &std::path::Path) -> Option<u64> {
    Some(0)
}

impl Journal {
    /// The journal for writing `writes` and removing `removes` in `out`, in state Staging. Looks
    /// at the folder (symbolic links refused), changes nothing.
    pub fn plan(
        out: &OutDir,
        writes: &[(String, Vec<u8>)],
        removes: &[(String, String)],
    ) -> Result<Journal, String> {
        let root_device = device(out.root());
        let same_device = |dir: &str| device(&out.real(dir)) == root_device;
        let mut dirs: Vec<String> = Vec::new();
        for (path, _) in writes {
            for dir in relpath::ancestors(path) {
                match out.inspect(dir)? {
                    Found::Missing if !dirs.iter().any(|d| d == dir) => dirs.push(dir.into()),
                    Found::Missing | Found::Dir => {}
                    Found::File | Found::Other => {
                        return Err(format!(
                            "{} is a file, but monctl needs a folder there (for {}); move it out \
                             of the way",
                            out.shown(dir),
                            out.shown(path)
                        ))
                    }
                }
            }
        }
        let mut planned = Vec::new();
        for (index, (path, content)) in writes.iter().enumerate() {
            let home = relpath::ancestors(path)
                .into_iter()
                .rev()
                .find(|d| !dirs.iter().any(|x| x == d))
                .unwrap_or("");
            let temp = if same_device(home) {
                in_txn("new", path)
            } else {
                beside(home, "new", index)
            };
            let backup = match out.inspect(path)? {
                Found::Missing => None,
                _ if same_device(relpath::parent(path)) => Some(in_txn("old", path)),
                _ => Some(beside(relpath::parent(path), "old", index)),
            };
            planned.push(Write {
                path: path.clone(),
                hash: manifest::hash(content),
                temp,
                backup,
            });
        }
        let removes = removes
            .iter()
            .enumerate()
            .map(|(index, (path, hash))| Remove {
                path: path.clone(),
                hash: hash.clone(),
                backup: if same_device(relpath::parent(path)) {
                    in_txn("gone", path)
                } else {
                    beside(relpath::parent(path), "gone", index)
                },
            })
            .collect();
        Ok(Journal {
            format: FORMAT,
            state: State::Staging,
            dirs,
            writes: planned,
            removes,
        })
    }

    /// Writes the journal under a temporary name, fsyncs it and renames it over the previous one:
    /// on disk there is always one complete journal.
    pub fn save(&self, out: &OutDir) -> std::io::Result<()> {
        let tmp = out.real(JOURNAL_TMP);
        if durable::exists(&tmp) {
            fs::remove_file(&tmp)?;
        }
        let text = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        durable::write_new(&tmp, &text)?;
        fs::rename(&tmp, out.real(JOURNAL))?;
        durable::sync_dir(&out.real(TXN_DIR))
    }

    /// The journal in `out`'s transaction folder; `None` when the folder holds none (a run killed
    /// before its journal was complete, which had created nothing else).
    pub fn load(out: &OutDir) -> Result<Option<Journal>, String> {
        let shown = out.shown(JOURNAL);
        let unreadable = |why: String| {
            format!(
                "{shown} records an interrupted `monctl generate` but cannot be used ({why}); \
                 look at it, then delete {} to start over (the output folder may hold a mix of \
                 old and new files: regenerate and compare)",
                out.shown(TXN_DIR)
            )
        };
        match out.inspect(JOURNAL)? {
            Found::Missing => return Ok(None),
            Found::File => {}
            Found::Dir | Found::Other => return Err(unreadable("not a regular file".into())),
        }
        let path = out.real(JOURNAL);
        let len = fs::symlink_metadata(&path)
            .map_err(|e| unreadable(e.to_string()))?
            .len();
        if len > MAX_BYTES {
            return Err(unreadable(format!("{len} bytes")));
        }
        let bytes = fs::read(&path).map_err(|e| unreadable(e.to_string()))?;
        let journal: Journal =
            serde_json::from_slice(&bytes).map_err(|e| unreadable(e.to_string()))?;
        if journal.format != FORMAT {
            return Err(unreadable(format!("unknown format {}", journal.format)));
        }
        journal.validate().map_err(unreadable)?;
        Ok(Some(journal))
    }

    /// Every name must be one this module would have chosen for its entry.
    fn validate(&self) -> Result<(), String> {
        let target = |path: &str| {
            if path == manifest::NAME {
                Ok(())
            } else {
                relpath::check_artifact(path)
            }
        };
        for dir in &self.dirs {
            relpath::check_artifact(dir)?;
        }
        for (index, w) in self.writes.iter().enumerate() {
            target(&w.path)?;
            let temp_ok = w.temp == in_txn("new", &w.path)
                || std::iter::once("")
                    .chain(relpath::ancestors(&w.path))
                    .any(|d| w.temp == beside(d, "new", index));
            let backup_ok = w.backup.as_ref().is_none_or(|b| {
                *b == in_txn("old", &w.path) || *b == beside(relpath::parent(&w.path), "old", index)
            });
            if !temp_ok || !backup_ok {
                return Err(format!(
                    "entry {index} for `{}` names foreign files",
                    w.path
                ));
            }
        }
        for (index, r) in self.removes.iter().enumerate() {
            relpath::check_artifact(&r.path)?;
            if r.backup != in_txn("gone", &r.path)
                && r.backup != beside(relpath::parent(&r.path), "gone", index)
            {
                return Err(format!(
                    "removal {index} of `{}` names foreign files",
                    r.path
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn journal(temp: &str, backup: Option<&str>) -> Journal {
        Journal {
            format: FORMAT,
            state: State::Committed,
            dirs: vec!["rules".into()],
            writes: vec![Write {
                path: "rules/a.yml".into(),
                hash: manifest::hash(b""),
                temp: temp.into(),
                backup: backup.map(str::to_string),
            }],
            removes: vec![Remove {
                path: "old.yml".into(),
                hash: manifest::hash(b""),
                backup: ".monctl-txn/gone/old.yml".into(),
            }],
        }
    }

    #[test]
    fn names_monctl_would_choose_pass() {
        assert!(journal(".monctl-txn/new/rules/a.yml", None)
            .validate()
            .is_ok());
        assert!(journal("rules/.monctl-new-0", Some("rules/.monctl-old-0"))
            .validate()
            .is_ok());
        assert!(
            journal(".monctl-new-0", Some(".monctl-txn/old/rules/a.yml"))
                .validate()
                .is_ok()
        );
    }

    #[test]
    fn foreign_names_are_refused() {
        for (temp, backup) in [
            ("../../etc/passwd", None),
            ("prometheus.yml", None),
            (".monctl-txn/new/rules/b.yml", None),
            ("rules/.monctl-new-1", None),
            (".monctl-txn/new/rules/a.yml", Some("/etc/shadow")),
        ] {
            assert!(
                journal(temp, backup).validate().is_err(),
                "{temp} {backup:?}"
            );
        }
        let mut j = journal(".monctl-txn/new/rules/a.yml", None);
        j.removes[0].path = "../x".into();
        assert!(j.validate().is_err());
    }
}
