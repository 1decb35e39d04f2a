//! What a file was when it was read, to tell before replacing it whether it changed
//! since: its length and modification time, and a hash of its text.

use sha2::{Digest, Sha256};
use std::io;
use std::path::Path;
use std::time::SystemTime;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A file's length and modification time, taken just before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    pub fn of(path: &Path) -> io::Result<Stamp> {
        let meta = std::fs::metadata(path)?;
        Ok(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }

    /// The snapshot, given the text read after the stamp was taken (a leading BOM
    /// dropped, as the readers drop it).
    pub fn with_text(self, text: &str) -> Snapshot {
        Snapshot {
            stamp: self,
            hash: hash(text.as_bytes()),
        }
    }
}

/// A file as it was read: [`Stamp`] and the hash of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    stamp: Stamp,
    hash: [u8; 32],
}

impl Snapshot {
    /// Whether `path` still holds what was read: the same length and modification
    /// time, then (as an edit can keep both within the clock's resolution) the same
    /// content.
    pub fn holds(&self, path: &Path) -> io::Result<bool> {
        if Stamp::of(path)? != self.stamp {
            return Ok(false);
        }
        let bytes = std::fs::read(path)?;
        let text = bytes.strip_prefix(BOM).unwrap_or(&bytes);
        Ok(hash(text) == self.hash)
    }
}

fn hash(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}
