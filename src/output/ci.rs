//! What the CI formats share: paths the way CI tools match them against their
//! checkout, fingerprints that survive re-runs, and the tool's link.

use super::Diagnostic;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

/// Where charter is documented (SARIF `informationUri`, rdjson `source.url`): the
/// package's `repository`, else its `homepage`; `None` while Cargo.toml sets neither,
/// so no format ever links to a made-up address.
pub fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|s| !s.is_empty())
}

/// A path as CI tools want it: relative to the folder they resolve paths against
/// ([`root`]: the checkout), with forward slashes, whatever the command line said
/// (`../partners/a.charter.md` from a sub-folder, an absolute path, `./a.charter.md`).
/// GitHub, GitLab and reviewdog match `partners/a.charter.md`. A file outside that
/// folder keeps the path it was given (less a leading `./`).
pub fn repo_path(path: &str) -> String {
    match base() {
        Some((cwd, root)) => relative_to(path, cwd, root),
        None => as_given(path),
    }
}

/// `path` as an absolute path (against the current folder), for a file outside [`root`].
pub fn absolute(path: &str) -> PathBuf {
    match base() {
        Some((cwd, _)) => normal(&cwd.join(path)),
        None => PathBuf::from(path),
    }
}

/// Whether a [`repo_path`] lies outside [`root`] (it was given that way).
pub fn is_outside(repo_path: &str) -> bool {
    Path::new(repo_path).is_absolute() || repo_path == ".." || repo_path.starts_with("../")
}

/// The folder CI paths are relative to: `GITHUB_WORKSPACE` (GitHub Actions),
/// `CI_PROJECT_DIR` (GitLab CI), else the repository the current folder is in (the
/// nearest folder up that has `.git`), else the current folder.
pub fn root() -> Option<&'static Path> {
    base().map(|(_, root)| root.as_path())
}

/// The current folder and [`root`], found once.
fn base() -> Option<&'static (PathBuf, PathBuf)> {
    static BASE: OnceLock<Option<(PathBuf, PathBuf)>> = OnceLock::new();
    BASE.get_or_init(|| {
        let cwd = std::env::current_dir().ok()?;
        let from_env = ["GITHUB_WORKSPACE", "CI_PROJECT_DIR"]
            .iter()
            .filter_map(std::env::var_os)
            .find(|v| !v.is_empty())
            .map(|v| cwd.join(v));
        let root = from_env
            .or_else(|| {
                cwd.ancestors()
                    .find(|d| d.join(".git").exists())
                    .map(Path::to_path_buf)
            })
            .unwrap_or_else(|| cwd.clone());
        Some((cwd, root))
    })
    .as_ref()
}

/// `path` (relative to `cwd`, or absolute) relative to `root`, with `/` between its
/// parts; as given when it is not under `root`.
pub fn relative_to(path: &str, cwd: &Path, root: &Path) -> String {
    let full = normal(&cwd.join(path));
    let root = normal(root);
    if let Ok(rel) = full.strip_prefix(&root) {
        return slashes(rel);
    }
    // The same folder reached through a symbolic link (a workspace path that links to
    // the checkout, /tmp on macOS): compare where both really are.
    if let (Ok(f), Ok(r)) = (full.canonicalize(), root.canonicalize()) {
        if let Ok(rel) = f.strip_prefix(&r) {
            return slashes(rel);
        }
    }
    as_given(path)
}

/// `a/./b/../c` as `a/c`, without asking the file system (the file may not exist).
fn normal(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

fn slashes(rel: &Path) -> String {
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// The path as given, less any leading `./`; on Windows with `/` for `\`.
fn as_given(path: &str) -> String {
    // Only on Windows is `\` a separator; elsewhere it may be part of a name.
    let mut p = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.trim_start_matches('/').to_string();
    }
    p
}

/// One fingerprint per diagnostic, in order.
///
/// SHA-256 over `charter-fingerprint-v1`, the rule code, the [`repo_path`], the
/// message and an occurrence index, NUL-separated; the first 32 hex digits. The
/// occurrence index counts the earlier diagnostics of the run with the same rule,
/// path and message, so two equal findings in one file still differ. Line numbers
/// are left out on purpose: a finding keeps its fingerprint when lines are added
/// above it, which is what lets code scanning and GitLab tell "still there" from
/// "new". Changing this scheme reopens every finding: bump the version string.
pub fn fingerprints(diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut seen: HashMap<(&str, String, &str), usize> = HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let path = repo_path(&d.path);
            let n = seen
                .entry((d.code.as_str(), path.clone(), d.message.as_str()))
                .or_insert(0);
            let index = *n;
            *n += 1;
            fingerprint(&d.code, &path, &d.message, index)
        })
        .collect()
}

fn fingerprint(code: &str, path: &str, message: &str, index: usize) -> String {
    let mut h = Sha256::new();
    for part in [
        "charter-fingerprint-v1",
        code,
        path,
        message,
        &index.to_string(),
    ] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_lose_the_leading_dot_slash() {
        let (cwd, root) = (Path::new("/repo"), Path::new("/repo"));
        let rel = |p| relative_to(p, cwd, root);
        assert_eq!(rel("./partners/a.md"), "partners/a.md");
        assert_eq!(rel("././a.md"), "a.md");
        assert_eq!(rel(".//a.md"), "a.md");
        assert_eq!(rel(".hidden/a.md"), ".hidden/a.md");
        assert_eq!(as_given("././a.md"), "a.md");
    }

    #[test]
    fn paths_are_relative_to_the_root_whatever_the_arguments() {
        let (cwd, root) = (Path::new("/repo/docs/sub"), Path::new("/repo"));
        let rel = |p| relative_to(p, cwd, root);
        assert_eq!(rel("a.md"), "docs/sub/a.md");
        assert_eq!(rel("../../partners/a.md"), "partners/a.md");
        assert_eq!(rel("/repo/partners/a.md"), "partners/a.md");
        assert_eq!(rel("./x/../a.md"), "docs/sub/a.md");
        // Outside the root: as given.
        assert_eq!(rel("../../../elsewhere/a.md"), "../../../elsewhere/a.md");
        assert_eq!(rel("/elsewhere/a.md"), "/elsewhere/a.md");
    }
}
