//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it.
//!
//! Locations are relative to `%SRCROOT%` (the checkout GitHub's upload action
//! resolves), columns are counted in Unicode code points (`columnKind`), which is
//! how charter counts them, and each result carries a `partialFingerprints` entry
//! ([`super::ci::fingerprints`]) so an alert keeps its identity across runs.

use super::ci::{absolute, fingerprints, information_uri, is_outside, repo_path};
use super::{json_items, Diagnostic, InputFailure, Report, Run};
use crate::rules::{Finding, Severity};
use crate::source::Source;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The `$schema` of the OASIS standard (errata 01).
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key of charter's fingerprint in `partialFingerprints`; versioned, as SARIF
/// recommends, so a new scheme is a new key rather than a silent change.
pub const FINGERPRINT_KEY: &str = "charterFinding/v1";

/// Written as the files are linted: the run's tool and rules first, each file's
/// results as it is done, then the invocation, which says whether every input could be
/// read (known only at the end; key order means nothing to a JSON reader).
#[derive(Default)]
pub struct Sarif {
    /// Each active rule's place in `rules`, for `ruleIndex`; set by the head.
    index: OnceLock<HashMap<String, usize>>,
}

impl Report for Sarif {
    fn head(&self, run: &Run<'_>) -> String {
        let active: Vec<_> = run.rules.iter().filter(|r| r.severity.is_some()).collect();
        let _ = self.index.set(
            active
                .iter()
                .enumerate()
                .map(|(i, r)| (r.code.clone(), i))
                .collect(),
        );
        let rules: Vec<Value> = active
            .iter()
            .map(|r| {
                json!({
                    "id": r.code,
                    "name": r.name,
                    "shortDescription": { "text": r.summary },
                    "fullDescription": { "text": r.help },
                    // The pack's help is prose with `code` spans: valid Markdown as it is.
                    "help": { "text": r.help, "markdown": r.help },
                    // The severity in force (the config may change the pack's).
                    "defaultConfiguration": {
                        "level": level(r.severity.unwrap_or(r.default_severity))
                    },
                })
            })
            .collect();

        let mut driver = Map::new();
        driver.insert("name".into(), json!("charter"));
        driver.insert("version".into(), json!(env!("CARGO_PKG_VERSION")));
        driver.insert("semanticVersion".into(), json!(env!("CARGO_PKG_VERSION")));
        if let Some(uri) = information_uri() {
            driver.insert("informationUri".into(), json!(uri));
        }
        driver.insert("rules".into(), Value::Array(rules));
        let tool = serde_json::to_string_pretty(&json!({ "driver": driver }))
            .unwrap_or_default()
            .replace('\n', "\n      ");
        format!(
            "{{\n  \"$schema\": {},\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \
             \"tool\": {tool},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [\n",
            json!(SCHEMA)
        )
    }

    fn file(&self, _source: &Source, _findings: &[Finding], diagnostics: &[Diagnostic]) -> String {
        let index = self.index.get();
        let results = diagnostics
            .iter()
            .zip(fingerprints(diagnostics))
            .map(|(d, fp)| {
                let i = index.and_then(|m| m.get(d.code.as_str()).copied());
                result(d, i, fp)
            });
        json_items(results, "        ")
    }

    fn separator(&self) -> &str {
        ",\n"
    }

    fn finish(&self, run: &Run<'_>) -> String {
        let mut invocation = Map::new();
        invocation.insert("executionSuccessful".into(), json!(run.failures.is_empty()));
        if !run.failures.is_empty() {
            let notes: Vec<Value> = run.failures.iter().map(notification).collect();
            invocation.insert("toolExecutionNotifications".into(), Value::Array(notes));
        }
        let invocations = serde_json::to_string_pretty(&json!([invocation]))
            .unwrap_or_default()
            .replace('\n', "\n      ");
        format!("\n      ],\n      \"invocations\": {invocations}\n    }}\n  ]\n}}\n")
    }

    fn wants_all(&self) -> bool {
        false
    }
}

pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result(d: &Diagnostic, rule_index: Option<usize>, fingerprint: String) -> Value {
    // SARIF's endColumn is exclusive, like charter's; an empty span is
    // endColumn == startColumn, never less.
    let end_line = d.end_line.max(d.line);
    let end_column = if end_line == d.line {
        d.end_column.max(d.column)
    } else {
        d.end_column.max(1)
    };
    let mut r = Map::new();
    r.insert("ruleId".into(), json!(d.code));
    if let Some(i) = rule_index {
        r.insert("ruleIndex".into(), json!(i));
    }
    r.insert("level".into(), json!(level(d.severity)));
    r.insert("message".into(), json!({ "text": d.message }));
    r.insert(
        "locations".into(),
        json!([{
            "physicalLocation": {
                "artifactLocation": artifact(&d.path),
                "region": {
                    "startLine": d.line.max(1),
                    "startColumn": d.column.max(1),
                    "endLine": end_line.max(1),
                    "endColumn": end_column,
                },
            }
        }]),
    );
    r.insert(
        "partialFingerprints".into(),
        json!({ FINGERPRINT_KEY: fingerprint }),
    );
    Value::Object(r)
}

fn notification(f: &InputFailure) -> Value {
    json!({
        "level": "error",
        "message": { "text": f.message },
        "locations": [{ "physicalLocation": { "artifactLocation": artifact(&f.path) } }],
    })
}

/// A path relative to `%SRCROOT%` (the checkout: [`super::ci::root`]), however the
/// command line named the file; only a file outside the checkout, which no relative
/// URI under `%SRCROOT%` can name, gets an absolute `file:` URI.
fn artifact(path: &str) -> Value {
    let p = repo_path(path);
    if is_outside(&p) {
        let p = absolute(path).to_string_lossy().replace('\\', "/");
        let slash = if p.starts_with('/') { "" } else { "/" };
        json!({ "uri": format!("file://{slash}{}", encode(&p, true)) })
    } else {
        json!({ "uri": encode(&p, false), "uriBaseId": "%SRCROOT%" })
    }
}

/// Percent-encode all but URI-unreserved characters and `/` (a space, `#` or `%` in
/// a file name would otherwise make an invalid or different URI). A `:` is kept only
/// in an absolute path (`C:`); in a relative one it would read as a URI scheme.
fn encode(path: &str, keep_colon: bool) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || (keep_colon && b == b':') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
