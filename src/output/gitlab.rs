//! `--format gitlab`: GitLab Code Quality JSON (a Code Climate subset), for the
//! `codequality` report artifact that annotates merge requests.

use super::ci::{fingerprints, repo_path};
use super::{json_items, Diagnostic, Report, Run};
use crate::rules::{Finding, Severity};
use crate::source::Source;
use serde_json::json;

/// Written as the files are linted: a JSON array, each file's issues as it is done.
pub struct Gitlab;

impl Report for Gitlab {
    fn head(&self, _run: &Run<'_>) -> String {
        "[\n".to_string()
    }

    fn file(&self, _source: &Source, _findings: &[Finding], diagnostics: &[Diagnostic]) -> String {
        let issues = diagnostics
            .iter()
            .zip(fingerprints(diagnostics))
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
            });
        json_items(issues, "  ")
    }

    fn separator(&self) -> &str {
        ",\n"
    }

    fn finish(&self, _run: &Run<'_>) -> String {
        "\n]\n".to_string()
    }

    fn wants_all(&self) -> bool {
        false
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
