//! Durable file-system steps: new files written and fsynced before they count, folders fsynced so
//! that the renames in them survive a crash or power cut, and the lock that keeps two monctl runs
//! out of one output folder at once.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Creates `path` (never through an existing file or symbolic link), writes `bytes`, fsyncs it.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    create_new(path, bytes)?;
    sync_file(path)
}

/// Creates `path` (never through an existing file or symbolic link) and writes `bytes`, without
/// waiting for the disk: [`sync_file`] it before it counts.
pub fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)
}

/// Waits until `path`'s content is on disk. Writing many files first and syncing them after
/// lets the file system write them back together instead of one by one.
pub fn sync_file(path: &Path) -> io::Result<()> {
    File::open(path)?.sync_all()
}

/// Makes the entries of a folder (files created, renamed or removed in it) durable.
pub fn sync_dir(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(path)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = path; // folders cannot be opened for fsync here; file data is synced on its own
        Ok(())
    }
}

/// A second name for `from`'s content at `to`: a hard link where the file system allows one, else
/// a fsynced copy.
pub fn link_or_copy(from: &Path, to: &Path) -> io::Result<()> {
    if fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    let bytes = fs::read(from)?;
    write_new(to, &bytes)
}

/// Whether anything (file, folder, link, dangling or not) is at `path`.
pub fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// An advisory lock on the output folder, released when dropped (or when the process dies).
pub struct Lock {
    _folder: File,
}

/// Locks the folder `root`: exclusively to write it, shared to read it. Fails at once, with a
/// message, while another monctl run holds a conflicting lock.
pub fn lock(root: &Path, shown: &Path, exclusive: bool) -> Result<Lock, String> {
    let folder = File::open(root).map_err(|e| format!("cannot open {}: {e}", shown.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        let mode = if exclusive {
            libc::LOCK_EX
        } else {
            libc::LOCK_SH
        };
        // SAFETY: flock on a file descriptor this function owns; no memory is shared.
        let rc = unsafe { libc::flock(folder.as_raw_fd(), mode | libc::LOCK_NB) };
        if rc != 0 {
            let e = io::Error::last_os_error();
            return Err(if e.kind() == io::ErrorKind::WouldBlock {
                format!(
                    "another monctl run is writing {} (it holds a lock on the folder); wait for \
                     it to finish and try again",
                    shown.display()
                )
            } else {
                format!("cannot lock {}: {e}", shown.display())
            });
        }
    }
    let _ = exclusive;
    Ok(Lock { _folder: folder })
}
