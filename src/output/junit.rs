//! `--format junit`: JUnit XML, for CI systems that show test reports (GitLab,
//! Jenkins, Azure Pipelines, test-reporter actions). Each linted file is a test
//! suite and each finding a test case, failing when the finding fails the run (an
//! error; a warning with `--deny-warnings`), else passing with the finding as its
//! output, so a report is red exactly when the exit code is. A clean file is one
//! passing case, so it is listed too; an unreadable input a test case in error.

use super::ci::repo_path;
use super::{Diagnostic, Report, Run};
use crate::rules::{Finding, Severity};
use crate::source::Source;
use std::fmt::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Each file's suite is made as the file is done; the root element's totals are
/// counted meanwhile and written once the run is over (see [`super::stream`]).
#[derive(Debug, Default)]
pub struct Junit {
    /// Warnings fail the run (`--deny-warnings`), so they are failures here too.
    pub deny_warnings: bool,
    /// Test cases and failing ones so far, over the files' suites.
    pub tests: AtomicUsize,
    pub failures: AtomicUsize,
}

impl Junit {
    /// JUnit for a run that does (or does not) fail on warnings.
    pub fn new(deny_warnings: bool) -> Junit {
        Junit {
            deny_warnings,
            ..Junit::default()
        }
    }

    fn fails(&self, d: &Diagnostic) -> bool {
        d.severity == Severity::Error || (self.deny_warnings && d.severity == Severity::Warning)
    }
}

impl Report for Junit {
    fn head_needs_totals(&self) -> bool {
        true
    }

    fn head(&self, run: &Run<'_>) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <testsuites name=\"charter\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
            self.tests.load(Ordering::Relaxed) + run.failures.len(),
            self.failures.load(Ordering::Relaxed),
            run.failures.len()
        )
    }

    fn file(&self, source: &Source, _findings: &[Finding], found: &[Diagnostic]) -> String {
        let mut suite = String::new();
        let name = attr(&repo_path(&source.name));
        let count = found.len().max(1);
        let failing = found.iter().filter(|d| self.fails(d)).count();
        self.tests.fetch_add(count, Ordering::Relaxed);
        self.failures.fetch_add(failing, Ordering::Relaxed);
        let _ = writeln!(
            suite,
            r#"  <testsuite name="{name}" tests="{count}" failures="{failing}" errors="0">"#,
        );
        if found.is_empty() {
            let _ = writeln!(
                suite,
                r#"    <testcase name="charter lint" classname="{name}" file="{name}"/>"#
            );
        }
        for d in found {
            let _ = writeln!(
                suite,
                r#"    <testcase name="{} ({}) at {}:{}" classname="{name}" file="{name}" line="{}">"#,
                attr(&d.rule),
                attr(&d.code),
                d.line,
                d.column,
                d.line
            );
            let body = format!(
                "{}:{}:{}: {}[{}] {}{}",
                text(&repo_path(&d.path)),
                d.line,
                d.column,
                d.severity,
                text(&d.rule),
                text(&d.message),
                if d.help.is_empty() {
                    String::new()
                } else {
                    format!("\nhelp: {}", text(&d.help))
                }
            );
            if self.fails(d) {
                let _ = writeln!(
                    suite,
                    r#"      <failure message="{}" type="{}">{body}</failure>"#,
                    attr(&d.message),
                    attr(&d.rule),
                );
            } else {
                let _ = writeln!(suite, "      <system-out>{body}</system-out>");
            }
            suite.push_str("    </testcase>\n");
        }
        suite.push_str("  </testsuite>\n");
        suite
    }

    fn finish(&self, run: &Run<'_>) -> String {
        let mut out = String::new();
        for f in run.failures {
            let name = attr(&repo_path(&f.path));
            let _ = writeln!(
                out,
                r#"  <testsuite name="{name}" tests="1" failures="0" errors="1">
    <testcase name="charter lint" classname="{name}" file="{name}">
      <error message="{}" type="input-error">{}: {}</error>
    </testcase>
  </testsuite>"#,
                attr(&f.message),
                text(&repo_path(&f.path)),
                text(&f.message)
            );
        }
        out.push_str("</testsuites>\n");
        out
    }

    fn wants_all(&self) -> bool {
        false
    }
}

/// Element text: markup characters escaped, characters XML 1.0 forbids dropped.
pub fn text(s: &str) -> String {
    escape(s, false)
}

/// An attribute value: as [`text`], and tab, CR and LF as character references,
/// since a parser would otherwise turn them into spaces.
pub fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// XML 1.0's `Char`: tab, LF, CR, and U+0020 up, less U+FFFE and U+FFFF (a Rust
/// `char` is never a surrogate).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}
