//! `--format rdjson`: reviewdog's Diagnostic Format, for `reviewdog -f=rdjson`.
//!
//! rdjson counts columns in UTF-8 bytes, not characters, so each file's diagnostics
//! are written in [`Report::file`], where the source is at hand.

use super::ci::{information_uri, repo_path};
use super::{json_items, Diagnostic, Report, Run};
use crate::rules::{Finding, Severity};
use crate::source::Source;
use serde_json::{json, Map, Value};

/// Written as the files are linted: the source first, each file's diagnostics as it
/// is done.
#[derive(Default)]
pub struct Rdjson;

impl Report for Rdjson {
    fn head(&self, _run: &Run<'_>) -> String {
        let mut source = Map::new();
        source.insert("name".into(), json!("charter"));
        if let Some(url) = information_uri() {
            source.insert("url".into(), json!(url));
        }
        let source = serde_json::to_string_pretty(&Value::Object(source))
            .unwrap_or_default()
            .replace('\n', "\n  ");
        format!("{{\n  \"source\": {source},\n  \"diagnostics\": [\n")
    }

    fn file(&self, source: &Source, findings: &[Finding], diagnostics: &[Diagnostic]) -> String {
        let byte_column = |offset: usize| {
            let line = source.line_col(offset).0;
            offset.saturating_sub(source.line_span(line).start) + 1
        };
        let items = diagnostics.iter().enumerate().map(|(i, d)| {
            // Character columns only for a diagnostic without its finding (a run
            // assembled by hand); they equal byte columns for ASCII.
            let (start, end) = findings
                .get(i)
                .map(|f| (byte_column(f.span.start), byte_column(f.span.end)))
                .unwrap_or((d.column, d.end_column));
            json!({
                "message": d.message,
                "location": {
                    "path": repo_path(&d.path),
                    "range": {
                        "start": { "line": d.line, "column": start },
                        "end": { "line": d.end_line, "column": end },
                    },
                },
                "severity": severity(d.severity),
                "code": { "value": d.rule },
            })
        });
        json_items(items, "    ")
    }

    fn separator(&self) -> &str {
        ",\n"
    }

    fn finish(&self, _run: &Run<'_>) -> String {
        "\n  ]\n}\n".to_string()
    }

    fn wants_all(&self) -> bool {
        false
    }
}

pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}
