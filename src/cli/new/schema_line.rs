//! The `#:schema` line at the top of a generated TOML charter: taplo (and the editors
//! built on it) then complete and check the keys from `charter schema`'s output,
//! expected at the root of the repository (the folder of `charter.toml`).

use std::path::{Component, Path, PathBuf};

/// The schema's file name, at the configuration root.
pub const FILE: &str = "charter.schema.json";

/// `text` with the directive pointing from `charter_dir` to the schema at `root`,
/// unless the template already wrote one.
pub fn add(text: &str, charter_dir: &Path, root: &Path) -> String {
    if text.starts_with("#:schema") {
        return text.to_string();
    }
    let target = relative(charter_dir, &root.join(FILE)).unwrap_or_else(|| FILE.into());
    format!("#:schema {target}\n{text}")
}

/// `to` as a path relative to the folder `from`, with `/` between parts (taplo reads
/// it as a URL), or `None` when one cannot be reached from the other (another drive).
fn relative(from: &Path, to: &Path) -> Option<String> {
    let (from, to) = (normal(from)?, normal(to)?);
    let common = from
        .components()
        .zip(to.components())
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return None;
    }
    let ups = from.components().count() - common;
    let mut parts: Vec<String> = vec!["..".to_string(); ups];
    parts.extend(
        to.components()
            .skip(common)
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    let joined = parts.join("/");
    Some(if ups == 0 {
        format!("./{joined}")
    } else {
        joined
    })
}

/// An absolute path with `.` and `..` resolved by their names (no file system).
fn normal(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out.is_absolute().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_goes_from_the_charter_to_the_root() {
        let root = Path::new("/repo");
        let line = |dir: &str| add("partner = \"A\"\n", Path::new(dir), root);
        assert_eq!(
            line("/repo"),
            "#:schema ./charter.schema.json\npartner = \"A\"\n"
        );
        assert!(line("/repo/charters/acme").starts_with("#:schema ../../charter.schema.json\n"));
        assert!(line("/repo/x/../charters").starts_with("#:schema ../charter.schema.json\n"));
        assert!(line("/elsewhere").starts_with("#:schema ../repo/charter.schema.json\n"));
        // A template that writes its own is left alone.
        assert_eq!(
            add("#:schema x.json\n", Path::new("/repo"), root),
            "#:schema x.json\n"
        );
    }
}
