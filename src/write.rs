//! Writing a file without ever losing one: the bytes go to a temporary file in the
//! target folder, which is then renamed into place. A reader sees the old file or
//! the new one, never half of either, and a failure leaves nothing behind (the
//! temporary file is removed when it is dropped). A file replaced in place (`--fix`)
//! is only replaced if it is still what was read ([`Snapshot`]).

mod snapshot;
mod stale;

pub use snapshot::{Snapshot, Stamp};

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum WriteError {
    /// Something (a file, a directory, a symlink, even a dangling one) is already at
    /// the path, and overwriting was not asked for.
    Exists(PathBuf),
    /// The path is a directory, which is never replaced.
    IsDir(PathBuf),
    /// The file changed after it was read: writing would lose that edit.
    Changed(PathBuf),
    /// A device, a FIFO or a socket: never replaced by a file.
    NotRegular(PathBuf),
    /// An I/O step failed; `action` says which.
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Exists(p) => write!(f, "{} already exists", p.display()),
            WriteError::IsDir(p) => write!(f, "{} is a directory", p.display()),
            WriteError::NotRegular(p) => write!(f, "{} is not a regular file", p.display()),
            WriteError::Changed(p) => write!(
                f,
                "{} changed after it was read; left as it is now",
                p.display()
            ),
            WriteError::Io {
                path,
                action,
                source,
            } => write!(f, "cannot {action} {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WriteError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Write `bytes` to `path` atomically. Without `force`, anything already at `path`
/// (including a dangling symlink) is an error and is left untouched; with `force`,
/// a file is replaced and keeps its permissions, owner and group (a symlink is
/// replaced by a file, never written through). Anything else (a device, a FIFO, a
/// socket) is never replaced.
pub fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<(), WriteError> {
    write(path, bytes, force, None)
}

/// Replace the file at `path` with `bytes`, atomically, only if it is still what
/// `read` describes: an edit made since (by a person, an editor, another run) is
/// never overwritten, the file is left alone and [`WriteError::Changed`] says so.
/// A symlink is followed: the file it names is replaced, and the link stays.
pub fn replace_unchanged(path: &Path, bytes: &[u8], read: &Snapshot) -> Result<(), WriteError> {
    let target = std::fs::canonicalize(path).map_err(|source| WriteError::Io {
        path: path.to_path_buf(),
        action: "follow",
        source,
    })?;
    write(&target, bytes, true, Some(read))
}

fn write(
    path: &Path,
    bytes: &[u8],
    force: bool,
    read: Option<&Snapshot>,
) -> Result<(), WriteError> {
    let io = |action, source| WriteError::Io {
        path: path.to_path_buf(),
        action,
        source,
    };
    // symlink_metadata: a dangling symlink exists even though `exists()` says no.
    let existing = match std::fs::symlink_metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io("inspect", e)),
    };
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(WriteError::IsDir(path.to_path_buf()));
        }
        if !force {
            return Err(WriteError::Exists(path.to_path_buf()));
        }
        if !meta.is_file() && !meta.file_type().is_symlink() {
            return Err(WriteError::NotRegular(path.to_path_buf()));
        }
    }
    // What to keep: the permissions, owner and group of the file being replaced
    // (through a symlink, its target's, when that is a file), or the usual ones for a
    // new file.
    let keep = existing
        .as_ref()
        .and_then(|_| std::fs::metadata(path).ok())
        .filter(|m| m.is_file());

    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    stale::remove_once(dir);
    let mut tmp = temp_builder()
        .prefix(stale::PREFIX)
        .suffix(stale::SUFFIX)
        .rand_bytes(stale::RANDOM)
        .tempfile_in(dir)
        .map_err(|e| io("create a temporary file next to", e))?;
    tmp.write_all(bytes).map_err(|e| io("write", e))?;
    if let Some(meta) = &keep {
        // The owner first: changing it may clear the set-id bits the mode then restores.
        #[cfg(unix)]
        keep_owner(tmp.as_file(), meta).map_err(|e| io("keep the owner and group of", e))?;
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(|e| io("set the permissions of", e))?;
    }
    tmp.as_file().sync_all().map_err(|e| io("flush", e))?;
    // Checked last, right before the rename: the window for a lost edit is as short
    // as a rename allows without locking.
    if let Some(read) = read {
        if !read.holds(path).map_err(|e| io("read again", e))? {
            return Err(WriteError::Changed(path.to_path_buf()));
        }
    }
    if force {
        tmp.persist(path).map_err(|e| io("replace", e.error))?;
    } else {
        // No-clobber: if something appeared at the path since the check above, fail
        // rather than replace it.
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                WriteError::Exists(path.to_path_buf())
            } else {
                io("create", e.error)
            }
        })?;
    }
    sync_dir(dir);
    Ok(())
}

/// The rename is durable only once the folder is on disk too. The file is in place
/// whatever happens here, so a folder that cannot be synced (some file systems
/// refuse) is no reason to report a failure.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Give the new file the owner and group of the one it replaces; as root the file
/// would otherwise become root's, and its owner could lose access. Where that is
/// not allowed, nothing is replaced.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, was: &std::fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let now = file.metadata()?;
    if (now.uid(), now.gid()) == (was.uid(), was.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(was.uid()), Some(was.gid()))
}

/// A temporary file created with the mode a new file would get (0666 less the
/// umask), instead of tempfile's private 0600.
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    #[allow(unused_mut)]
    let mut b = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    b
}

#[cfg(test)]
mod tests;
