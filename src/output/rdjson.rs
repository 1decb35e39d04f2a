//! `--format rdjson`: reviewdog's Diagnostic Format, for `reviewdog -f=rdjson`.
//!
//! rdjson counts columns in UTF-8 bytes, not characters, so the byte columns are
//! worked out in [`Report::file`], where the source is at hand, and kept until
//! `finish` writes the one JSON object.

use super::ci::{information_uri, repo_path};
use super::{Report, Run};
use crate::rules::{Finding, Severity};
use crate::source::Source;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::sync::Mutex;

#[derive(Default)]
pub struct Rdjson {
    /// Per path, the byte columns (start, end) of each finding, in order.
    columns: Mutex<HashMap<String, Vec<(usize, usize)>>>,
}

impl Report for Rdjson {
    fn file(
        &self,
        source: &Source,
        findings: &[Finding],
        _diagnostics: &[super::Diagnostic],
    ) -> String {
        let byte_column = |offset: usize| {
            let line = source.line_col(offset).0;
            offset.saturating_sub(source.line_span(line).start) + 1
        };
        let cols = findings
            .iter()
            .map(|f| (byte_column(f.span.start), byte_column(f.span.end)));
        if let Ok(mut map) = self.columns.lock() {
            map.entry(source.name.clone()).or_default().extend(cols);
        }
        String::new()
    }

    fn finish(&self, run: &Run<'_>) -> String {
        let map = self
            .columns
            .lock()
            .map(|mut m| std::mem::take(&mut *m))
            .unwrap_or_default();
        let mut taken: HashMap<&str, usize> = HashMap::new();
        let diagnostics: Vec<Value> = run
            .diagnostics
            .iter()
            .map(|d| {
                let i = taken.entry(d.path.as_str()).or_insert(0);
                // Character columns only when `file` never saw the file (a run
                // assembled by hand); they equal byte columns for ASCII.
                let (start, end) = map
                    .get(&d.path)
                    .and_then(|v| v.get(*i))
                    .copied()
                    .unwrap_or((d.column, d.end_column));
                *i += 1;
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
            })
            .collect();
        let mut source = Map::new();
        source.insert("name".into(), json!("charter"));
        if let Some(url) = information_uri() {
            source.insert("url".into(), json!(url));
        }
        let doc = json!({ "source": source, "diagnostics": diagnostics });
        let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
        out.push('\n');
        out
    }
}

pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}
