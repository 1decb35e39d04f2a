//! Temporary files that a killed run left behind: `.charter-XXXXXX.tmp` next to the
//! file it was writing. The next write into that folder removes the stale ones it
//! owns; a fresh one may belong to a run writing right now, and another user's are
//! not ours to touch.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

pub const PREFIX: &str = ".charter-";
pub const SUFFIX: &str = ".tmp";
/// Random characters between the two; the name is recognised by them all.
pub const RANDOM: usize = 6;

/// A write takes milliseconds: a temporary file an hour old has no run behind it.
const STALE: Duration = Duration::from_secs(60 * 60);

/// Remove the stale temporary files in `dir`, once per folder and process.
pub fn remove_once(dir: &Path) {
    static DONE: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    let mut done = DONE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !done
        .get_or_insert_with(HashSet::new)
        .insert(dir.to_path_buf())
    {
        return;
    }
    drop(done);
    remove(dir, SystemTime::now());
}

/// Remove what [`is_stale`] says may go, as of `now`; a failure leaves the file.
pub fn remove(dir: &Path, now: SystemTime) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if !is_ours(&entry.file_name().to_string_lossy()) {
            continue;
        }
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if is_stale(&meta, now) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The name of one of our temporary files.
pub fn is_ours(name: &str) -> bool {
    name.strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(SUFFIX))
        .is_some_and(|r| r.len() == RANDOM && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A regular file of this user's, not modified for [`STALE`].
fn is_stale(meta: &std::fs::Metadata, now: SystemTime) -> bool {
    let old = meta
        .modified()
        .ok()
        .and_then(|m| now.duration_since(m).ok())
        .is_some_and(|age| age >= STALE);
    meta.is_file() && old && owned_by_us(meta)
}

#[cfg(unix)]
fn owned_by_us(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    meta.uid() == unsafe { libc::geteuid() }
}

#[cfg(not(unix))]
fn owned_by_us(_: &std::fs::Metadata) -> bool {
    true
}
