//! `--format junit`: JUnit XML, for CI systems that show test reports (GitLab,
//! Jenkins, Azure Pipelines, test-reporter actions). Each linted file is a test
//! suite; each finding a failing test case; a clean file one passing case, so it
//! is listed too; an unreadable input a test case in error.

use super::ci::repo_path;
use super::{Diagnostic, Report, Run};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

pub struct Junit;

impl Report for Junit {
    fn finish(&self, run: &Run<'_>) -> String {
        // Diagnostics by path; paths in input order (a hand-built run may have
        // diagnostics for paths it does not list, so those are added in order seen).
        let mut by_path: HashMap<&str, Vec<&Diagnostic>> = HashMap::new();
        let mut paths: Vec<&str> = run.files.iter().map(String::as_str).collect();
        let listed: HashSet<&str> = paths.iter().copied().collect();
        for d in run.diagnostics {
            let entry = by_path.entry(d.path.as_str()).or_default();
            if entry.is_empty() && !listed.contains(d.path.as_str()) {
                paths.push(&d.path);
            }
            entry.push(d);
        }

        let mut suites = String::new();
        let (mut tests, mut failures) = (0, 0);
        for path in paths {
            let found = by_path.remove(path).unwrap_or_default();
            let name = attr(&repo_path(path));
            let count = found.len().max(1);
            tests += count;
            failures += found.len();
            let _ = writeln!(
                suites,
                r#"  <testsuite name="{name}" tests="{count}" failures="{}" errors="0">"#,
                found.len()
            );
            if found.is_empty() {
                let _ = writeln!(
                    suites,
                    r#"    <testcase name="charter lint" classname="{name}" file="{name}"/>"#
                );
            }
            for d in found {
                let _ = writeln!(
                    suites,
                    r#"    <testcase name="{} ({}) at {}:{}" classname="{name}" file="{name}" line="{}">"#,
                    attr(&d.rule),
                    attr(&d.code),
                    d.line,
                    d.column,
                    d.line
                );
                let _ = writeln!(
                    suites,
                    r#"      <failure message="{}" type="{}">{}:{}:{}: {}[{}] {}{}</failure>"#,
                    attr(&d.message),
                    attr(&d.rule),
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
                suites.push_str("    </testcase>\n");
            }
            suites.push_str("  </testsuite>\n");
        }
        for f in run.failures {
            let name = attr(&repo_path(&f.path));
            tests += 1;
            let _ = writeln!(
                suites,
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
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <testsuites name=\"charter\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{}\">\n\
             {suites}</testsuites>\n",
            run.failures.len()
        )
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
