//! `--format concise`: one line a finding, `path:line:col: severity[rule] message`.

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
                d.path, d.line, d.column, d.severity, d.rule, d.message
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
