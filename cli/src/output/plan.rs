//! What a run would change, worked out before anything is touched, the same way for `generate`
//! and `--check`: each artifact against the file on disk and the manifest (missing, unchanged,
//! changed by monctl's rules, or edited by someone), each manifest entry the spec no longer
//! produces (stale: removed only when unchanged), and the files that are not monctl's at all.

use super::confine::{Found, OutDir};
use super::manifest::{self, Manifest};
use super::relpath;
use monctl::Artifact;
use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::fs;

/// How many entries the search for files that are not monctl's looks at, at most.
const MAX_SCAN: usize = 10_000;
const MAX_SCAN_DEPTH: usize = 32;

/// A difference `--check` reports.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    /// Produced by the spec, but the file holds something else.
    Changed,
    /// Produced by the spec, not on disk.
    Missing,
    /// In the manifest, on disk, no longer produced by the spec.
    Stale,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Changed => "changed",
            Status::Missing => "missing",
            Status::Stale => "stale",
        })
    }
}

/// A file that differs from what monctl would write and that monctl did not write in that form.
pub struct Conflict {
    pub path: String,
    /// The manifest lists it with other content: someone edited monctl's output. Otherwise the
    /// file is not in the manifest at all (a user's file, or an older monctl's without manifest).
    pub edited: bool,
}

pub struct Plan {
    /// Files to write (relative path, content); the manifest, when it changes, comes last.
    pub writes: Vec<(String, Vec<u8>)>,
    /// Stale generated files to remove (listed in the manifest, unchanged since), with that hash.
    pub removes: Vec<(String, String)>,
    /// Files among `writes` that would overwrite content monctl did not write.
    pub conflicts: Vec<Conflict>,
    /// What `--check` reports, in artifact order, then the stale files.
    pub drift: Vec<(Status, String)>,
    /// Files left in place, for `warning:` lines.
    pub warnings: Vec<String>,
    pub unchanged: usize,
    pub had_manifest: bool,
}

/// Works out the plan for `artifacts` in `out` (`None`: the folder does not exist yet).
pub fn plan(out: Option<&OutDir>, artifacts: &[Artifact]) -> Result<Plan, String> {
    let mut seen = HashSet::new();
    for artifact in artifacts {
        relpath::check_artifact(&artifact.path).map_err(|e| {
            format!(
                "monctl produced an output path it must not write: {e} (a bug; please report it)"
            )
        })?;
        if !seen.insert(artifact.path.as_str()) {
            return Err(format!(
                "monctl produced {} twice (a bug; please report it)",
                artifact.path
            ));
        }
    }
    let existing = match out {
        Some(out) => Manifest::read(out)?,
        None => None,
    };
    let had_manifest = existing.is_some();
    let (old, old_text) = existing.unwrap_or_default();
    let mut plan = Plan {
        writes: Vec::new(),
        removes: Vec::new(),
        conflicts: Vec::new(),
        drift: Vec::new(),
        warnings: Vec::new(),
        unchanged: 0,
        had_manifest,
    };
    let mut new = Manifest::default();
    for artifact in artifacts {
        let content = artifact.content.as_bytes();
        new.files
            .insert(artifact.path.clone(), manifest::hash(content));
        let Some(out) = out else {
            plan.drift.push((Status::Missing, artifact.path.clone()));
            plan.writes.push((artifact.path.clone(), content.to_vec()));
            continue;
        };
        match out.inspect(&artifact.path)? {
            Found::Missing => {
                plan.drift.push((Status::Missing, artifact.path.clone()));
                plan.writes.push((artifact.path.clone(), content.to_vec()));
            }
            Found::Dir => {
                return Err(format!(
                    "{} is a folder, but monctl writes a file there; move the folder out of the \
                     way",
                    out.shown(&artifact.path)
                ))
            }
            Found::Other => {
                return Err(format!(
                    "{} is not a regular file (a FIFO, socket or device), but monctl writes a \
                     file there; remove it",
                    out.shown(&artifact.path)
                ))
            }
            Found::File => {
                let shown = out.shown(&artifact.path);
                let on_disk = fs::read(out.real(&artifact.path))
                    .map_err(|e| format!("cannot read {shown}: {e}"))?;
                if on_disk == content {
                    plan.unchanged += 1;
                    continue;
                }
                plan.drift.push((Status::Changed, artifact.path.clone()));
                let listed = old.files.get(&artifact.path);
                if listed != Some(&manifest::hash(&on_disk)) {
                    plan.conflicts.push(Conflict {
                        path: artifact.path.clone(),
                        edited: listed.is_some(),
                    });
                }
                plan.writes.push((artifact.path.clone(), content.to_vec()));
            }
        }
    }
    if let Some(out) = out {
        stale(out, &old, &new, &mut plan)?;
        foreign(out, &old, &new, &mut plan);
    }
    let text = new.render();
    if !had_manifest || old_text != text.as_bytes() {
        plan.writes
            .push((manifest::NAME.to_string(), text.into_bytes()));
    }
    Ok(plan)
}

/// Manifest entries the spec no longer produces: unchanged ones are removed, edited ones kept.
fn stale(out: &OutDir, old: &Manifest, new: &Manifest, plan: &mut Plan) -> Result<(), String> {
    for (path, hash) in &old.files {
        if new.files.contains_key(path) {
            continue;
        }
        match out.inspect(path)? {
            Found::Missing => {}
            Found::File => {
                plan.drift.push((Status::Stale, path.clone()));
                let shown = out.shown(path);
                let on_disk =
                    fs::read(out.real(path)).map_err(|e| format!("cannot read {shown}: {e}"))?;
                if &manifest::hash(&on_disk) == hash {
                    plan.removes.push((path.clone(), hash.clone()));
                } else {
                    plan.warnings.push(format!(
                        "{shown} was generated by monctl and edited since, and the spec no \
                         longer produces it: left in place (delete it if it is not wanted)"
                    ));
                }
            }
            Found::Dir | Found::Other => {
                plan.drift.push((Status::Stale, path.clone()));
                plan.warnings.push(format!(
                    "{} was generated by monctl and is now not a regular file: left in place",
                    out.shown(path)
                ));
            }
        }
    }
    Ok(())
}

/// Regular files under `out` (hidden entries and symbolic links skipped) that are neither
/// produced by the spec nor in the manifest: never removed, reported.
fn foreign(out: &OutDir, old: &Manifest, new: &Manifest, plan: &mut Plan) {
    let mut found = BTreeSet::new();
    let mut looked = 0;
    let mut stack = vec![(String::new(), 0)];
    'walk: while let Some((dir, depth)) = stack.pop() {
        let Ok(entries) = fs::read_dir(out.real(&dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            looked += 1;
            if looked > MAX_SCAN {
                plan.warnings.push(format!(
                    "stopped looking for files that are not monctl's after {MAX_SCAN} entries in {}",
                    out.shown("")
                ));
                break 'walk;
            }
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let rel = relpath::join(&dir, &name);
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            if file_type.is_dir() && depth < MAX_SCAN_DEPTH {
                stack.push((rel, depth + 1));
            } else if file_type.is_file()
                && !new.files.contains_key(&rel)
                && !old.files.contains_key(&rel)
            {
                found.insert(rel);
            }
        }
    }
    for rel in found {
        plan.warnings.push(if plan.had_manifest {
            format!(
                "{} was not generated by monctl ({} does not list it): left alone",
                out.shown(&rel),
                manifest::NAME
            )
        } else {
            format!(
                "{} is not known to be monctl's ({} has no {}: an older monctl or someone else \
                 wrote it): left alone; delete it yourself if the spec no longer produces it",
                out.shown(&rel),
                out.shown(""),
                manifest::NAME
            )
        });
    }
}
