//! Findings to text. Only here do findings become output; one file per format,
//! behind one trait, chosen by `--format`.

pub mod ci;
pub mod concise;
pub mod escape;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod rdjson;
pub mod sarif;
pub mod stream;

use crate::rules::{Finding, Severity};
use crate::source::Source;

/// A finding placed in its file: what every format prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// As given on the command line or found by the walk.
    pub path: String,
    pub code: String,
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    /// 1-based; columns in characters.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Diagnostic {
    pub fn new(source: &Source, f: &Finding) -> Diagnostic {
        let (line, column) = source.line_col(f.span.start);
        let (end_line, end_column) = source.line_col(f.span.end);
        Diagnostic {
            path: source.name.clone(),
            code: f.code.clone(),
            rule: f.rule.clone(),
            severity: f.severity,
            message: f.message.clone(),
            help: f.help.clone(),
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// An input that could not be linted (exit 2), with its path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFailure {
    pub path: String,
    pub message: String,
}

/// Counts for the summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    /// `3 charters checked: 2 errors, 1 warning, 0 infos`, the plain-text summary line
    /// every text format ends with (the same words everywhere).
    pub fn line(&self) -> String {
        format!(
            "{} checked: {}, {}, {}",
            plural(self.files, "charter", "charters"),
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
            plural(self.infos, "info", "infos"),
        )
    }

    pub fn add(&mut self, d: &Diagnostic) {
        match d.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
}

/// Everything a run produced, for the formats that print at the end.
pub struct Run<'a> {
    /// The active rules (for formats that describe them, such as SARIF).
    pub rules: &'a [crate::rules::engine::Rule],
    pub summary: &'a Summary,
    /// The paths of the files linted, in input order (not those in `failures`), for
    /// formats that list clean files too (JUnit); empty unless `wants_all`.
    pub files: &'a [String],
    pub diagnostics: &'a [Diagnostic],
    pub failures: &'a [InputFailure],
}

impl<'a> Run<'a> {
    /// A run about to begin: its rules, nothing else yet (for [`Report::head`]).
    pub fn start(rules: &'a [crate::rules::engine::Rule]) -> Run<'a> {
        const NONE: Summary = Summary {
            files: 0,
            errors: 0,
            warnings: 0,
            infos: 0,
        };
        Run {
            rules,
            summary: &NONE,
            files: &[],
            diagnostics: &[],
            failures: &[],
        }
    }
}

/// An output format.
pub trait Report: Send + Sync {
    /// Text before the first file's (stdout): the opening of a document whose items
    /// each file's text adds (JSON, SARIF). Given [`Run::start`], or the whole run when
    /// [`Report::head_needs_totals`].
    fn head(&self, _run: &Run<'_>) -> String {
        String::new()
    }

    /// Whether the head can only be written once the run is over (it states totals);
    /// the files' text is then kept aside until it is.
    fn head_needs_totals(&self) -> bool {
        false
    }

    /// Written between the texts of two files (`,` between the items of a JSON array);
    /// a file with no text has none.
    fn separator(&self) -> &str {
        ""
    }

    /// Text for one linted file, made in a worker thread while its source is at hand.
    /// Printed to stdout in input order.
    fn file(&self, _source: &Source, _findings: &[Finding], _diagnostics: &[Diagnostic]) -> String {
        String::new()
    }

    /// Text for stderr about an input that could not be linted.
    fn failure(&self, failure: &InputFailure) -> String {
        format!(
            "error: {}: {}\n",
            escape::line(&failure.path),
            escape::line(&failure.message)
        )
    }

    /// Text after the last file (stdout).
    fn finish(&self, run: &Run<'_>) -> String;

    /// Whether people read this format in a terminal (human, concise): `--diff` then
    /// prints its diff among the findings; any other format gets it on stderr.
    fn for_people(&self) -> bool {
        false
    }

    /// Whether this format needs every diagnostic kept until `finish` (none of the
    /// built-in ones does: they write each file's findings as it is done).
    fn wants_all(&self) -> bool {
        true
    }
}

/// JSON values as the items of an array inside a pretty-printed document: each
/// pretty-printed, indented by `indent`, separated by commas.
pub fn json_items(values: impl IntoIterator<Item = serde_json::Value>, indent: &str) -> String {
    let mut out = String::new();
    for v in values {
        if !out.is_empty() {
            out.push_str(",\n");
        }
        let text = serde_json::to_string_pretty(&v).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(indent);
            out.push_str(line);
        }
    }
    out
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
