//! `--format gitlab`: GitLab Code Quality JSON (a Code Climate subset), for the
//! `codequality` report artifact that annotates merge requests.

use super::ci::{fingerprints, repo_path};
use super::{Report, Run};
use crate::rules::Severity;
use serde_json::{json, Value};

pub struct Gitlab;

impl Report for Gitlab {
    fn finish(&self, run: &Run<'_>) -> String {
        let issues: Vec<Value> = run
            .diagnostics
            .iter()
            .zip(fingerprints(run.diagnostics))
            .map(|(d, fingerprint)| {
                json!({
                    "description": d.message,
                    "check_name": d.rule,
                    // GitLab compares reports by fingerprint to tell new findings
                    // from fixed ones, so it must not change between runs.
                    "fingerprint": fingerprint,
                    "severity": severity(d.severity),
                    "location": {
                        "path": repo_path(&d.path),
                        "lines": { "begin": d.line, "end": d.end_line.max(d.line) },
                    },
                })
            })
            .collect();
        let mut out = serde_json::to_string_pretty(&issues).unwrap_or_default();
        out.push('\n');
        out
    }
}

/// GitLab's scale is info, minor, major, critical, blocker; charter's error is the
/// usual "must fix" of a linter (major), not a blocker.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}
