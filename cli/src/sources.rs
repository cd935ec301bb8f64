//! Reading a spec from disk: one file, or every .yml/.yaml/.json file under a folder (hidden
//! entries skipped), in a stable order so that merges and diagnostics are reproducible.
//!
//! Only regular files are ever opened (reading a FIFO blocks forever, a device never ends): every
//! entry is looked at with `symlink_metadata` first, and a file is opened non-blocking and checked
//! again on its handle. Symbolic links are followed only when they lead inside the spec folder;
//! a link that cannot be resolved (a loop of links, a missing target) or that leads to a folder
//! already read (`self -> .`, `latest -> v2`) is skipped with a `warning:` line; a link leading
//! outside the folder, and a FIFO, socket or device with a spec file's name, are refused. The walk
//! is bounded: folders deep, entries looked at, spec files and bytes (the core's own limits).

use monctl::{Limits, SourceFile};
use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Deepest folder nesting below the spec folder.
const MAX_DEPTH: usize = 32;
/// Most entries (files and folders, spec or not) looked at under the spec folder.
const MAX_ENTRIES: usize = 10_000;

fn is_spec_name(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yml" | "yaml" | "json")
    )
}

/// A native file `monctl lint`/`import` reads from a folder: YAML, JSON, or a Fluentd `.conf`.
fn is_native_name(path: &Path) -> bool {
    is_spec_name(path) || path.extension().and_then(|e| e.to_str()) == Some("conf")
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// What a non-regular, non-folder entry is, for messages.
fn kind(file_type: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
    }
    if file_type.is_symlink() {
        return "a symbolic link";
    }
    let _ = file_type;
    "not a regular file"
}

/// A spec file to read: the name it is shown under and the file it really is.
struct Found {
    shown: PathBuf,
    real: PathBuf,
}

struct Walk {
    /// The spec folder, symbolic links resolved.
    root: PathBuf,
    limits: Limits,
    /// Folders entered and files taken (by resolved path, with the name a file was taken under),
    /// so that each is read once.
    seen_dirs: HashSet<PathBuf>,
    seen_files: HashMap<PathBuf, PathBuf>,
    entries: usize,
    total_bytes: u64,
    found: Vec<Found>,
    /// Which file names are read (the others are never opened).
    wanted: fn(&Path) -> bool,
}

impl Walk {
    fn dir(&mut self, shown: &Path, real: &Path, depth: usize) -> Result<(), String> {
        if depth > MAX_DEPTH {
            return Err(format!(
                "{} is more than {MAX_DEPTH} folders deep below the spec folder; point monctl at \
                 the folder that holds only the spec",
                shown.display()
            ));
        }
        let entries = fs::read_dir(real)
            .map_err(|e| format!("cannot read folder {}: {e}", shown.display()))?;
        let mut names = Vec::new();
        for entry in entries {
            let entry =
                entry.map_err(|e| format!("cannot read folder {}: {e}", shown.display()))?;
            names.push(entry.file_name());
        }
        names.sort();
        for name in names {
            if is_hidden(&name) {
                continue;
            }
            self.entries += 1;
            if self.entries > MAX_ENTRIES {
                return Err(format!(
                    "more than {MAX_ENTRIES} files and folders under the spec folder (stopped at \
                     {}); point monctl at the folder that holds only the spec",
                    shown.join(&name).display()
                ));
            }
            self.entry(&shown.join(&name), &real.join(&name), depth)?;
        }
        Ok(())
    }

    fn entry(&mut self, shown: &Path, real: &Path, depth: usize) -> Result<(), String> {
        let meta = fs::symlink_metadata(real)
            .map_err(|e| format!("cannot read {}: {e}", shown.display()))?;
        let file_type = meta.file_type();
        if file_type.is_dir() {
            self.seen_dirs.insert(real.to_path_buf());
            return self.dir(shown, real, depth + 1);
        }
        if file_type.is_file() {
            if (self.wanted)(shown) {
                self.take(shown, real, meta.len())?;
            }
            return Ok(());
        }
        if !file_type.is_symlink() {
            if (self.wanted)(shown) {
                return Err(format!(
                    "{} is {}, not a regular file; monctl reads only regular spec files: remove \
                     it from the spec folder, or rename it without a .yml/.yaml/.json extension",
                    shown.display(),
                    kind(file_type)
                ));
            }
            return Ok(()); // not a spec file: never opened
        }
        self.link(shown, real, depth)
    }

    fn link(&mut self, shown: &Path, real: &Path, depth: usize) -> Result<(), String> {
        let target = fs::read_link(real)
            .map(|t| t.display().to_string())
            .unwrap_or_else(|_| "?".into());
        let resolved = match fs::canonicalize(real) {
            Ok(resolved) => resolved,
            Err(e) => {
                warn(&format!(
                    "skipped {}: a symbolic link (to {target}) that cannot be followed ({e}; a \
                     loop of links or a missing target)",
                    shown.display()
                ));
                return Ok(());
            }
        };
        let meta =
            fs::metadata(&resolved).map_err(|e| format!("cannot read {}: {e}", shown.display()))?;
        let inside = resolved.starts_with(&self.root);
        if meta.is_dir() {
            if !inside {
                return Err(format!(
                    "{} is a symbolic link to the folder {}, outside the spec folder; monctl \
                     reads only files inside the folder it is given: copy the files in, or give \
                     a folder that holds them all",
                    shown.display(),
                    resolved.display()
                ));
            }
            if self.seen_dirs.contains(&resolved) || self.root.starts_with(&resolved) {
                warn(&format!(
                    "skipped {}: a symbolic link to the folder {target}, which is read already \
                     (a loop, or a second name for the same files)",
                    shown.display()
                ));
                return Ok(());
            }
            self.seen_dirs.insert(resolved.clone());
            return self.dir(shown, &resolved, depth + 1);
        }
        if !(self.wanted)(shown) {
            return Ok(()); // not a spec file: never opened
        }
        if !meta.is_file() {
            return Err(format!(
                "{} is a symbolic link to {}, which is {}, not a regular file; monctl reads only \
                 regular spec files: remove the link",
                shown.display(),
                resolved.display(),
                kind(meta.file_type())
            ));
        }
        if !inside {
            return Err(format!(
                "{} is a symbolic link to {}, outside the spec folder; monctl reads only files \
                 inside the folder it is given: copy the file in, or give a folder that holds both",
                shown.display(),
                resolved.display()
            ));
        }
        self.take(shown, &resolved, meta.len())
    }

    fn take(&mut self, shown: &Path, real: &Path, len: u64) -> Result<(), String> {
        let identity = fs::canonicalize(real).unwrap_or_else(|_| real.to_path_buf());
        if let Some(first) = self.seen_files.get(&identity) {
            warn(&format!(
                "skipped {}: it is the same file as {}, read already",
                shown.display(),
                first.display()
            ));
            return Ok(());
        }
        if self.found.len() >= self.limits.max_files {
            return Err(format!(
                "more than {} spec files under the spec folder (stopped at {}); point monctl at \
                 the folder that holds only the spec",
                self.limits.max_files,
                shown.display()
            ));
        }
        check_size(shown, len, &self.limits)?;
        self.total_bytes += len;
        if self.total_bytes > self.limits.max_total_bytes as u64 {
            return Err(format!(
                "the spec files hold more than {} bytes (stopped at {}); monctl reads at most \
                 that much: split the spec or point monctl at a smaller folder",
                self.limits.max_total_bytes,
                shown.display()
            ));
        }
        self.seen_files
            .insert(identity.clone(), shown.to_path_buf());
        self.found.push(Found {
            shown: shown.to_path_buf(),
            real: identity,
        });
        Ok(())
    }
}

fn warn(message: &str) {
    eprintln!("warning: {message}");
}

fn check_size(shown: &Path, len: u64, limits: &Limits) -> Result<(), String> {
    if len > limits.max_file_bytes as u64 {
        return Err(format!(
            "{} is {len} bytes; monctl reads at most {} bytes per spec file: split it into \
             several files",
            shown.display(),
            limits.max_file_bytes
        ));
    }
    Ok(())
}

/// Opens a file that was seen to be regular without blocking (a FIFO swapped in meanwhile would
/// block `open` itself), checks the handle is still a regular file, and reads it within the limit.
fn read_regular(shown: &Path, real: &Path, limits: &Limits) -> Result<Vec<u8>, String> {
    let cannot = |e: std::io::Error| format!("cannot read {}: {e}", shown.display());
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(real).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if !meta.is_file() {
        return Err(format!(
            "{} is {}, not a regular file; monctl reads a spec only from regular files",
            shown.display(),
            kind(meta.file_type())
        ));
    }
    check_size(shown, meta.len(), limits)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limits.max_file_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    check_size(shown, bytes.len() as u64, limits)?;
    Ok(bytes)
}

/// The text of a spec file, or an error naming the first byte that is not UTF-8.
fn utf8(shown: &Path, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1;
        let column = offset
            - bytes[..offset]
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |p| p + 1)
            + 1;
        format!(
            "{} is not UTF-8 text: byte 0x{:02x} at byte offset {offset} (line {line}, column \
             {column}) is not valid UTF-8; save the file as UTF-8 (for example `iconv -f \
             latin1 -t utf-8 FILE`)",
            shown.display(),
            bytes[offset]
        )
    })
}

/// The spec's source files, named by their path as given on the command line.
pub fn read_spec(path: &Path) -> Result<Vec<SourceFile>, String> {
    read_files(path, is_spec_name, ".yml, .yaml or .json")
}

/// Native files (prometheus.yml, rule files, fluent.conf, template JSON...): one file, or those
/// under a folder, read with the same care as a spec.
pub fn read_native(path: &Path) -> Result<Vec<SourceFile>, String> {
    read_files(path, is_native_name, ".yml, .yaml, .json or .conf")
}

fn read_files(
    path: &Path,
    wanted: fn(&Path) -> bool,
    names: &str,
) -> Result<Vec<SourceFile>, String> {
    let limits = Limits::default();
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(match fs::symlink_metadata(path) {
                Ok(_) => format!(
                    "{} is a symbolic link whose target does not exist",
                    path.display()
                ),
                Err(_) => format!("{} does not exist", path.display()),
            })
        }
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let found = if meta.is_dir() {
        let root = fs::canonicalize(path)
            .map_err(|e| format!("cannot read folder {}: {e}", path.display()))?;
        let mut walk = Walk {
            root: root.clone(),
            limits,
            seen_dirs: HashSet::from([root.clone()]),
            seen_files: HashMap::new(),
            entries: 0,
            total_bytes: 0,
            found: Vec::new(),
            wanted,
        };
        walk.dir(path, &root, 0)?;
        if walk.found.is_empty() {
            return Err(format!("no {names} files in {}", path.display()));
        }
        walk.found
    } else if meta.is_file() {
        vec![Found {
            shown: path.to_path_buf(),
            real: path.to_path_buf(),
        }]
    } else {
        return Err(format!(
            "{} is {}, not a regular file or a folder; monctl reads a spec only from regular \
             files (reading a pipe or a device could block forever): give a .yml/.yaml/.json \
             file or a folder of them",
            path.display(),
            kind(meta.file_type())
        ));
    };
    found
        .into_iter()
        .map(|f| {
            let bytes = read_regular(&f.shown, &f.real, &limits)?;
            let text = utf8(&f.shown, bytes)?;
            Ok(SourceFile::new(f.shown.display().to_string(), text))
        })
        .collect()
}
