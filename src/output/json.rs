//! `--format json`: one object on stdout. Field names are a public contract.

use super::{Report, Run};
use serde_json::{json, Value};

pub struct Json;

impl Report for Json {
    fn finish(&self, run: &Run<'_>) -> String {
        let s = run.summary;
        let diagnostics: Vec<Value> = run
            .diagnostics
            .iter()
            .map(|d| {
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
            })
            .collect();
        let errors: Vec<Value> = run
            .failures
            .iter()
            .map(|f| json!({ "path": f.path, "message": f.message }))
            .collect();
        let doc = json!({
            "version": 1,
            "summary": {
                "files": s.files,
                "errors": s.errors,
                "warnings": s.warnings,
                "infos": s.infos,
            },
            "diagnostics": diagnostics,
            // Inputs that could not be linted at all (exit 2); also printed to stderr.
            "errors": errors,
        });
        let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
        out.push('\n');
        out
    }
}
