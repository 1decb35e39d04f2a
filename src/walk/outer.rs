//! The ignore rules that apply to a walk from outside its root, as git reads them:
//! the `.gitignore` files of the folders above the root (up to the repository's top),
//! then the repository's `.git/info/exclude`, then the user's global excludes file
//! (`core.excludesFile`, or `$XDG_CONFIG_HOME/git/ignore`). Each is rooted where git
//! roots it, so they match absolute paths.

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use std::path::{Path, PathBuf};

/// The matchers for a walk from `root`, weakest first (nearest `.gitignore` last), and
/// `root` as an absolute path. Nothing when `root` cannot be made absolute.
pub fn outer_ignores(root: &Path) -> (Vec<Gitignore>, PathBuf) {
    let Ok(abs) = root.canonicalize() else {
        return (Vec::new(), root.to_path_buf());
    };
    let mut parents = Vec::new();
    let mut repo = None;
    // The root's own .gitignore is read by the walk; start at the root only to find
    // the repository.
    let mut dir = Some(abs.as_path());
    while let Some(d) = dir {
        if d != abs {
            if let Some(g) = from_file(d, &d.join(".gitignore")) {
                parents.push(g);
            }
        }
        if d.join(".git").exists() {
            repo = Some(d.to_path_buf());
            break;
        }
        dir = d.parent();
    }
    let mut found = Vec::new();
    // Git reads these two only inside a repository.
    if let Some(top) = &repo {
        let (global, _) = GitignoreBuilder::new(top).build_global();
        if !global.is_empty() {
            found.push(global);
        }
        if let Some(g) = git_dir(top).and_then(|gd| from_file(top, &gd.join("info/exclude"))) {
            found.push(g);
        }
    }
    // Farther folders are weaker: keep the nearest last.
    found.extend(parents.into_iter().rev());
    (found, abs)
}

fn from_file(root: &Path, file: &Path) -> Option<Gitignore> {
    if !file.is_file() {
        return None;
    }
    let mut b = GitignoreBuilder::new(root);
    if b.add(file).is_some() {
        return None;
    }
    b.build().ok()
}

/// The folder holding `info/exclude` for the repository at `top`: `.git` itself, or
/// for a linked worktree (`.git` is a file naming its git dir) the common git dir.
fn git_dir(top: &Path) -> Option<PathBuf> {
    let dot_git = top.join(".git");
    if dot_git.is_dir() {
        return Some(dot_git);
    }
    let text = std::fs::read_to_string(&dot_git).ok()?;
    let named = text.lines().find_map(|l| l.strip_prefix("gitdir:"))?.trim();
    let gd = top.join(named);
    // A worktree's own git dir points at the shared one in `commondir`.
    match std::fs::read_to_string(gd.join("commondir")) {
        Ok(common) => Some(gd.join(common.trim())),
        Err(_) => Some(gd),
    }
}
