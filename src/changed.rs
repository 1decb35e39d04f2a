//! `--changed-since REF`: the files that differ from a git ref (committed, staged,
//! unstaged or untracked), so a pull request lints only what it changed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Canonical paths of the files changed since `reference`, or why not.
pub fn changed_since(reference: &str) -> Result<HashSet<PathBuf>, String> {
    // First, so that outside a repository git says that.
    let top = git(&["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(lossy(&top).trim_end_matches('\n'));
    let commit = resolve(reference)?;
    // The commit alone compares it with the working tree, which covers commits made
    // since it as well as staged and unstaged edits. `-z`: names as they are, where
    // git would quote those with non-ASCII characters or `"`.
    let diff = git(&[
        "diff",
        "--name-only",
        "-z",
        "--no-renames",
        "--diff-filter=d",
        "--end-of-options",
        &commit,
        "--",
    ])?;
    let untracked = git(&[
        "ls-files",
        "-z",
        "--others",
        "--exclude-standard",
        "--full-name",
        "--",
        ":/",
    ])?;
    Ok(diff
        .split(|&b| b == 0)
        .chain(untracked.split(|&b| b == 0))
        .filter(|rel| !rel.is_empty())
        .filter_map(|rel| top.join(path_of(rel)).canonicalize().ok())
        .collect())
}

/// The commit `reference` names. Checked first, and passed after
/// `--end-of-options`, so that `--changed-since=--output=FILE` is a ref that does
/// not exist rather than an option git obeys.
fn resolve(reference: &str) -> Result<String, String> {
    let spec = format!("{reference}^{{commit}}");
    let out = run(&[
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        &spec,
    ])?;
    let commit = lossy(&out.stdout).trim().to_string();
    if !out.status.success() || commit.is_empty() {
        return Err(format!(
            "--changed-since: `{reference}` is not a commit in this repository \
             (fetch it first in a shallow CI checkout: git fetch origin main)"
        ));
    }
    Ok(commit)
}

/// Whether a walked or named file is among the changed ones.
pub fn contains(changed: &HashSet<PathBuf>, path: &Path) -> bool {
    path.canonicalize().is_ok_and(|p| changed.contains(&p))
}

#[cfg(unix)]
fn path_of(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_of(bytes: &[u8]) -> PathBuf {
    PathBuf::from(lossy(bytes).into_owned())
}

fn lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

fn run(args: &[&str]) -> Result<std::process::Output, String> {
    Command::new("git")
        .args(args)
        .output()
        .map_err(|e| format!("--changed-since needs git: {e}"))
}

/// git's standard output, or the first line of its complaint.
fn git(args: &[&str]) -> Result<Vec<u8>, String> {
    let out = run(args)?;
    if !out.status.success() {
        let err = lossy(&out.stderr);
        return Err(format!(
            "git {} failed: {}",
            args.join(" "),
            err.lines().next().unwrap_or("").trim()
        ));
    }
    Ok(out.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_on_nul_keep_every_byte() {
        let out = b"a\"b.charter.md\0caf\xc3\xa9.charter.md\0";
        let names: Vec<PathBuf> = out
            .split(|&b| b == 0)
            .filter(|n| !n.is_empty())
            .map(path_of)
            .collect();
        assert_eq!(
            names,
            [
                PathBuf::from("a\"b.charter.md"),
                PathBuf::from("café.charter.md")
            ]
        );
    }
}
