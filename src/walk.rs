//! Finding charters: explicit files as given, directories walked with walkdir,
//! skipping hidden folders, `target/`, `node_modules/`, what git ignores (`.gitignore`
//! at every level, `.git/info/exclude`, the global excludes file) and what the config
//! excludes, without descending into any of them.

mod outer;

use globset::{Glob, GlobSet, GlobSetBuilder};
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::Match;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One thing to lint, in the order found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file, with the path to show (as given or as found).
    File {
        path: PathBuf,
        display: String,
        /// The walk saw a regular file here, so the reader may open it before looking
        /// (see [`crate::input::read_found_file`]).
        found: bool,
    },
    Stdin,
    /// Something that could not be walked: a missing path, a symlink loop, an unreadable folder.
    Error {
        display: String,
        message: String,
    },
}

/// What counts as a charter in a walk.
pub struct Matcher {
    include: GlobSet,
    exclude: GlobSet,
    /// The folder include/exclude globs are relative to.
    root: PathBuf,
    /// `exclude` applies to files named on the command line too (`--force-exclude`).
    force_exclude: bool,
    /// What relative paths are relative to.
    cwd: Option<PathBuf>,
}

impl Matcher {
    pub fn new(include: &[String], exclude: &[String], root: &Path) -> Result<Matcher, String> {
        Ok(Matcher {
            include: globs(include)?,
            exclude: globs(exclude)?,
            root: root.to_path_buf(),
            force_exclude: false,
            cwd: std::env::current_dir().ok(),
        })
    }

    pub fn force_exclude(self, on: bool) -> Matcher {
        Matcher {
            force_exclude: on,
            ..self
        }
    }

    fn relative<'p>(&self, path: &'p Path) -> Cow<'p, Path> {
        let path = path.strip_prefix(".").unwrap_or(path);
        if let Ok(rel) = path
            .strip_prefix(&self.root)
            .or_else(|_| path.strip_prefix(self.root.strip_prefix(".").unwrap_or(&self.root)))
        {
            return Cow::Borrowed(rel);
        }
        // A path relative to the current directory, under a config found elsewhere
        // (`charter lint sub/x.charter.md` with `sub/charter.toml`).
        if let (true, true, Some(cwd)) = (path.is_relative(), self.root.is_absolute(), &self.cwd) {
            if let Ok(rel) = cwd.join(path).strip_prefix(&self.root) {
                return Cow::Owned(rel.to_path_buf());
            }
        }
        Cow::Borrowed(path)
    }

    fn is_charter(&self, path: &Path) -> bool {
        // Lossy: a name that is not UTF-8 can still end in `.charter.md`.
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let lower = name.to_ascii_lowercase();
        lower.ends_with(".charter.md")
            || lower.ends_with(".charter.toml")
            || (!self.include.is_empty() && self.include.is_match(&*self.relative(path)))
    }

    /// Whether `--force-exclude` leaves out every path named, each a file.
    pub fn excludes_all_named(&self, paths: &[PathBuf]) -> bool {
        self.force_exclude
            && !paths.is_empty()
            && paths.iter().all(|p| p.is_file() && self.is_excluded(p))
    }

    fn is_excluded(&self, path: &Path) -> bool {
        !self.exclude.is_empty() && self.exclude.is_match(&*self.relative(path))
    }

    /// Whether a walk would take this file for a charter by its name and place
    /// (folders it skips aside): `charter new` warns when it writes one it would not.
    pub fn would_find(&self, path: &Path) -> bool {
        self.is_charter(path) && !self.is_excluded(path)
    }
}

fn globs(patterns: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let glob = Glob::new(p).map_err(|e| format!("invalid glob `{p}`: {e}"))?;
        b.add(glob);
        // `archive` also means everything under it.
        if !p.ends_with("/**") {
            let under = format!("{}/**", p.trim_end_matches('/'));
            if let Ok(g) = Glob::new(&under) {
                b.add(g);
            }
        }
    }
    b.build().map_err(|e| e.to_string())
}

/// Expand the command line's paths into inputs, in order.
pub fn collect(paths: &[PathBuf], matcher: &Matcher, follow_links: bool) -> Vec<Input> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let display = path.display().to_string();
        match std::fs::metadata(path) {
            Err(e) => {
                let message = if e.kind() == std::io::ErrorKind::NotFound {
                    if path.symlink_metadata().is_ok() {
                        "a symbolic link whose target does not exist".to_string()
                    } else {
                        "no such file or directory".to_string()
                    }
                } else {
                    e.to_string()
                };
                out.push(Input::Error { display, message });
            }
            Ok(m) if m.is_dir() => walk_dir(path, matcher, follow_links, &mut out),
            // With --force-exclude the config's `exclude` wins over naming the file.
            Ok(_) if matcher.force_exclude && matcher.is_excluded(path) => {}
            // A file named on the command line is linted whatever its name; the reader
            // refuses what is not a regular file.
            Ok(_) => out.push(Input::File {
                path: path.clone(),
                display,
                found: false,
            }),
        }
    }
    out
}

const SKIPPED_DIRS: &[&str] = &["target", "node_modules"];

fn walk_dir(root: &Path, matcher: &Matcher, follow_links: bool, out: &mut Vec<Input>) {
    // Gitignore matchers of the folders above the current entry, nearest last.
    let (ancestors, abs_root) = outer::outer_ignores(root);
    let mut ignores: Vec<(usize, Gitignore)> = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(follow_links)
        .sort_by_file_name()
        .into_iter();
    let mut it = walker;
    loop {
        let entry = match it.next() {
            None => break,
            Some(Err(e)) => {
                let display = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| root.display().to_string());
                let message = if e.loop_ancestor().is_some() {
                    "a symbolic link loop; not followed".to_string()
                } else {
                    e.io_error()
                        .map(|io| io.to_string())
                        .unwrap_or_else(|| e.to_string())
                };
                out.push(Input::Error { display, message });
                continue;
            }
            Some(Ok(entry)) => entry,
        };
        let depth = entry.depth();
        // Leave the ignore files of folders we have walked out of.
        while ignores.last().is_some_and(|(d, _)| *d >= depth) {
            ignores.pop();
        }
        let path = entry.path();
        let is_dir = entry.file_type().is_dir();
        if depth > 0 {
            let name = entry.file_name().to_string_lossy();
            let skip = name.starts_with('.')
                || (is_dir && SKIPPED_DIRS.contains(&name.as_ref()))
                || ignored(&ignores, path, is_dir)
                || ancestor_ignored(&ancestors, &abs_root, root, path, is_dir)
                || matcher.is_excluded(path);
            if skip {
                if is_dir {
                    it.skip_current_dir();
                }
                continue;
            }
        }
        if is_dir {
            let gi = path.join(".gitignore");
            if gi.is_file() {
                let mut b = GitignoreBuilder::new(path);
                if b.add(&gi).is_none() {
                    if let Ok(g) = b.build() {
                        ignores.push((depth, g));
                    }
                }
            }
            continue;
        }
        // Without --follow-links a symlink is not followed (its file type is the link's).
        if !entry.file_type().is_file() {
            continue;
        }
        if matcher.is_charter(path) {
            // Walking `.` yields `./a/b`; show `a/b`, as other linters do.
            let shown = path.strip_prefix(".").unwrap_or(path);
            out.push(Input::File {
                path: path.to_path_buf(),
                display: shown.display().to_string(),
                found: true,
            });
        }
    }
}

fn ignored(ignores: &[(usize, Gitignore)], path: &Path, is_dir: bool) -> bool {
    first_match(ignores.iter().rev().map(|(_, g)| g), path, is_dir)
}

/// The ignore files from outside the walk have absolute roots: match the absolute path.
fn ancestor_ignored(
    ancestors: &[Gitignore],
    abs_root: &Path,
    root: &Path,
    path: &Path,
    is_dir: bool,
) -> bool {
    if ancestors.is_empty() {
        return false;
    }
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    first_match(ancestors.iter().rev(), &abs_root.join(rel), is_dir)
}

fn first_match<'g>(
    matchers: impl Iterator<Item = &'g Gitignore>,
    path: &Path,
    is_dir: bool,
) -> bool {
    for gi in matchers {
        match gi.matched(path, is_dir) {
            Match::Ignore(_) => return true,
            Match::Whitelist(_) => return false,
            Match::None => {}
        }
    }
    false
}
