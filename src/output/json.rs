//! `--format json`: one object on stdout. Field names are a public contract.
//!
//! Written as the files are linted: `version` and the opening of `diagnostics` first,
//! each file's diagnostics as it is done, then `summary` and `errors`, which are only
//! known at the end (key order means nothing to a JSON reader).

use super::{json_items, Diagnostic, Report, Run};
use crate::rules::Finding;
use crate::source::Source;
use serde_json::{json, Value};

pub struct Json;

impl Report for Json {
    fn head(&self, _run: &Run<'_>) -> String {
        "{\n  \"version\": 1,\n  \"diagnostics\": [\n".to_string()
    }

    fn file(&self, _source: &Source, _findings: &[Finding], diagnostics: &[Diagnostic]) -> String {
        json_items(diagnostics.iter().map(diagnostic), "    ")
    }

    fn separator(&self) -> &str {
        ",\n"
    }

    fn finish(&self, run: &Run<'_>) -> String {
        let s = run.summary;
        let summary = json!({
            "files": s.files,
            "errors": s.errors,
            "warnings": s.warnings,
            "infos": s.infos,
        });
        // Inputs that could not be linted at all (exit 2); also printed to stderr.
        let errors: Vec<Value> = run
            .failures
            .iter()
            .map(|f| json!({ "path": f.path, "message": f.message }))
            .collect();
        let pretty = |v: &Value| {
            serde_json::to_string_pretty(v)
                .unwrap_or_default()
                .replace('\n', "\n  ")
        };
        format!(
            "\n  ],\n  \"summary\": {},\n  \"errors\": {}\n}}\n",
            pretty(&summary),
            pretty(&Value::Array(errors))
        )
    }

    fn wants_all(&self) -> bool {
        false
    }
}

fn diagnostic(d: &Diagnostic) -> Value {
    json!({
        "path": d.path,
        "code": d.code,
        "rule": d.rule,
        "severity": d.severity.name(),
        "message": d.message,
        "help": d.help,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
    })
}
