//! The output folder and what may be touched in it. `--out` itself is resolved once (it may be a
//! symbolic link the user chose); below it, every path monctl writes, renames or removes is
//! checked component by component with `symlink_metadata`, and any symbolic link on the way is
//! refused — never followed — with a message naming it. Renames and removals act on the final
//! name itself, so a checked path cannot lead out of the folder.

use super::relpath;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// `--out`, as the user spelled it (for messages) and resolved (for every file operation).
pub struct OutDir {
    shown: PathBuf,
    root: PathBuf,
}

/// What is at a path inside the output folder.
pub enum Found {
    Missing,
    File,
    Dir,
    /// A FIFO, socket or device: never opened.
    Other,
}

impl OutDir {
    /// Resolves `out`; creates it first when `create` is set, else returns `None` for a folder
    /// that does not exist.
    pub fn open(out: &Path, create: bool) -> Result<Option<OutDir>, String> {
        match fs::metadata(out) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                return Err(format!(
                    "--out {} is not a folder; give a folder (it is created when missing)",
                    out.display()
                ))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if fs::symlink_metadata(out).is_ok() {
                    return Err(format!(
                        "--out {} is a symbolic link whose target does not exist; create the \
                         target folder or give another --out",
                        out.display()
                    ));
                }
                if !create {
                    return Ok(None);
                }
                fs::create_dir_all(out)
                    .map_err(|e| format!("cannot create {}: {e}", out.display()))?;
            }
            Err(e) => return Err(format!("cannot read {}: {e}", out.display())),
        }
        let root =
            fs::canonicalize(out).map_err(|e| format!("cannot read {}: {e}", out.display()))?;
        Ok(Some(OutDir {
            shown: out.to_path_buf(),
            root,
        }))
    }

    /// `--out` as the user gave it.
    pub fn shown_root(&self) -> &Path {
        &self.shown
    }

    /// The resolved output folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `rel` as shown in messages (under `--out` as the user spelled it).
    pub fn shown(&self, rel: &str) -> String {
        if rel.is_empty() {
            self.shown.display().to_string()
        } else {
            self.shown.join(rel).display().to_string()
        }
    }

    /// `rel` as a real path. Use only after [`OutDir::inspect`] or [`OutDir::check_parents`].
    pub fn real(&self, rel: &str) -> PathBuf {
        if rel.is_empty() {
            self.root.clone()
        } else {
            self.root.join(rel)
        }
    }

    /// What is at `rel`, refusing a symbolic link at any level (the last one included) and a
    /// file where a folder is needed.
    pub fn inspect(&self, rel: &str) -> Result<Found, String> {
        let parts: Vec<&str> = rel.split('/').collect();
        for (i, _) in parts.iter().enumerate() {
            let prefix = parts[..=i].join("/");
            let last = i + 1 == parts.len();
            let meta = match fs::symlink_metadata(self.real(&prefix)) {
                Ok(meta) => meta,
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Found::Missing),
                Err(e) => return Err(format!("cannot read {}: {e}", self.shown(&prefix))),
            };
            let file_type = meta.file_type();
            if file_type.is_symlink() {
                return Err(self.symlink_refusal(&prefix, !last));
            }
            if !last {
                if !file_type.is_dir() {
                    return Err(format!(
                        "{} is a file, but monctl needs a folder there (for {}); move it out of \
                         the way",
                        self.shown(&prefix),
                        self.shown(rel)
                    ));
                }
                continue;
            }
            return Ok(if file_type.is_file() {
                Found::File
            } else if file_type.is_dir() {
                Found::Dir
            } else {
                Found::Other
            });
        }
        Ok(Found::Missing)
    }

    /// Checks that every folder above `rel` is a real folder (or missing), never a link.
    pub fn check_parents(&self, rel: &str) -> Result<(), String> {
        match relpath::parent(rel) {
            "" => Ok(()),
            parent => self.inspect(parent).map(|_| ()),
        }
    }

    fn symlink_refusal(&self, prefix: &str, folder: bool) -> String {
        let real = self.real(prefix);
        let target = fs::read_link(&real)
            .map(|t| t.display().to_string())
            .unwrap_or_else(|_| "?".into());
        let what = if folder { "folder" } else { "file" };
        match fs::canonicalize(&real) {
            Ok(resolved) if !resolved.starts_with(&self.root) => format!(
                "{} is a symbolic link to {target}, outside the output folder {}; monctl never \
                 writes or deletes through a link that leads out of --out: replace the link with \
                 a real {what}, or give an --out that holds no such link",
                self.shown(prefix),
                self.shown.display()
            ),
            Ok(_) => format!(
                "{} is a symbolic link (to {target}); monctl does not write or delete through \
                 symbolic links inside --out: replace the link with a real {what}",
                self.shown(prefix)
            ),
            Err(_) => format!(
                "{} is a symbolic link to {target}, which does not resolve; monctl does not \
                 write or delete through symbolic links inside --out: remove the link",
                self.shown(prefix)
            ),
        }
    }
}
