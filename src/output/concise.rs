//! `--format concise`: one line a finding, `path:line:col: severity[rule] message`,
//! control characters in the path and message shown, not sent (see [`escape`]).

use super::escape;
use super::{Diagnostic, Report, Run};
use crate::rules::Finding;
use crate::source::Source;
use std::fmt::Write;

pub struct Concise;

impl Report for Concise {
    fn file(&self, _source: &Source, _findings: &[Finding], diagnostics: &[Diagnostic]) -> String {
        let mut out = String::new();
        for d in diagnostics {
            let _ = writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                escape::line(&d.path),
                d.line,
                d.column,
                d.severity,
                d.rule,
                escape::line(&d.message)
            );
        }
        out
    }

    fn finish(&self, run: &Run<'_>) -> String {
        format!("{}\n", run.summary.line())
    }

    fn wants_all(&self) -> bool {
        false
    }

    fn for_people(&self) -> bool {
        true
    }
}
