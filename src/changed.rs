//! `--changed-since REF`: the files that differ from a git ref (committed, staged,
//! unstaged or untracked), so a pull request lints only what it changed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Canonical paths of the files changed since `reference`, or git's complaint.
pub fn changed_since(reference: &str) -> Result<HashSet<PathBuf>, String> {
    let top = git(&["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(top.trim());
    // `REF` alone compares the ref with the working tree, which covers commits made
    // since it as well as staged and unstaged edits; `--` keeps a ref from being read
    // as a path.
    let diff = git(&[
        "diff",
        "--name-only",
        "--no-renames",
        "--diff-filter=d",
        reference,
        "--",
    ])?;
    let untracked = git(&[
        "ls-files",
        "--others",
        "--exclude-standard",
        "--full-name",
        ":/",
    ])?;
    Ok(diff
        .lines()
        .chain(untracked.lines())
        .filter(|l| !l.is_empty())
        .filter_map(|rel| top.join(rel).canonicalize().ok())
        .collect())
}

/// Whether a walked or named file is among the changed ones.
pub fn contains(changed: &HashSet<PathBuf>, path: &Path) -> bool {
    path.canonicalize().is_ok_and(|p| changed.contains(&p))
}

fn git(args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| format!("--changed-since needs git: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "git {} failed: {}",
            args.join(" "),
            err.lines().next().unwrap_or("").trim()
        ));
    }
    String::from_utf8(out.stdout).map_err(|_| "git printed a path that is not UTF-8".to_string())
}
