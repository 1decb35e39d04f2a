//! `--format github`: GitHub Actions workflow commands, so each finding becomes an
//! annotation on the pull request. One line a finding, printed as each file is done;
//! the closing summary is plain text, not a command.

use super::ci::repo_path;
use super::{Diagnostic, InputFailure, Report, Run};
use crate::rules::{Finding, Severity};
use crate::source::Source;

pub struct Github;

impl Report for Github {
    fn file(&self, _source: &Source, _findings: &[Finding], diagnostics: &[Diagnostic]) -> String {
        diagnostics.iter().map(command).collect()
    }

    /// An unreadable input is an annotation too (the runner reads commands from
    /// stderr as well as stdout).
    fn failure(&self, f: &InputFailure) -> String {
        format!(
            "::error file={},title={}::{}\n",
            property(&repo_path(&f.path)),
            property("charter: input error"),
            data(&f.message)
        )
    }

    fn finish(&self, run: &Run<'_>) -> String {
        format!("charter: {}\n", run.summary.line())
    }

    fn wants_all(&self) -> bool {
        false
    }
}

/// `::error file=…,line=…::message` for one finding.
pub fn command(d: &Diagnostic) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let end_line = d.end_line.max(d.line);
    let mut props = vec![
        format!("file={}", property(&repo_path(&d.path))),
        format!("line={}", d.line),
    ];
    // GitHub takes columns only when an annotation starts and ends on one line.
    if end_line == d.line {
        props.push(format!("col={}", d.column));
    }
    props.push(format!("endLine={end_line}"));
    if end_line == d.line {
        props.push(format!("endColumn={}", d.end_column.max(d.column)));
    }
    props.push(format!(
        "title={}",
        property(&format!("{} ({})", d.rule, d.code))
    ));
    format!("::{kind} {}::{}\n", props.join(","), data(&d.message))
}

/// The message of a command: `%`, CR and LF escaped (`%` first, so the escapes
/// themselves are not escaped again).
pub fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: as [`data`], and `:` and `,`, which end a value.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}
