//! What the CI formats share: paths the way CI tools match them against their
//! checkout, fingerprints that survive re-runs, and the tool's link.

use super::Diagnostic;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// Where charter is documented (SARIF `informationUri`, rdjson `source.url`): the
/// package's `repository`, else its `homepage`; `None` while Cargo.toml sets neither,
/// so no format ever links to a made-up address.
pub fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|s| !s.is_empty())
}

/// A path as CI tools want it: forward slashes, no leading `./` (the walk of `.`
/// yields `./partners/a.charter.md`; GitHub, GitLab and reviewdog match
/// `partners/a.charter.md`).
pub fn repo_path(path: &str) -> String {
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
        assert_eq!(repo_path("./partners/a.md"), "partners/a.md");
        assert_eq!(repo_path("././a.md"), "a.md");
        assert_eq!(repo_path(".//a.md"), "a.md");
        assert_eq!(repo_path("../a.md"), "../a.md");
        assert_eq!(repo_path(".hidden/a.md"), ".hidden/a.md");
    }
}
