//! The whole per-file path of `charter lint`, as the CLI runs it for one file: bytes
//! are decoded, linted as Markdown and as TOML, and every finding is rendered by the
//! human (colour and none) and concise formats, and `--fix` is applied twice. A
//! panic, a finding that points outside its file, a message over more than one line,
//! findings that change when `\n` becomes `\r\n`, a second fix that changes what the
//! first one wrote, or a fix that leaves a syntax error, is a crash.

#![no_main]

use charter::fix::{fix, Fix, FixOptions};
use charter::lint::lint_source;
use charter::model::IssueKind;
use charter::output::concise::Concise;
use charter::output::human::Human;
use charter::output::{Diagnostic, Report};
use charter::rules::{Finding, RuleSet};
use charter::source::Source;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::default_rules().expect("default rules load"))
}

fuzz_target!(|data: &[u8]| {
    // Refusals (binary, UTF-16, invalid UTF-8) are clean outcomes, not crashes.
    let Ok(decoded) = charter::input::decode("fuzz.charter.md", data.to_vec()) else {
        return;
    };
    for name in ["fuzz.charter.md", "fuzz.charter.toml"] {
        let source = Source::new(name, decoded.text.clone());
        let (findings, diagnostics) = lint(&source);
        for color in [false, true] {
            let _ = Human::new(color).file(&source, &findings, &diagnostics);
        }
        let _ = Concise.file(&source, &findings, &diagnostics);
        // Line endings must not matter: the same findings, in the same places. Known
        // exception, left to `toml`: an escaped quote right before a line end
        // (`"s\"⏎`) is recovered as `s\` with LF and as `s"` with CRLF.
        let known = name.ends_with(".toml") && source.text.contains("\\\"\n");
        if !source.text.contains('\r') && !known {
            let crlf = Source::new(name, source.text.replace('\n', "\r\n"));
            let (_, crlf_diagnostics) = lint(&crlf);
            assert_eq!(reported(&diagnostics), reported(&crlf_diagnostics));
        }
        // `--fix` settles at once and never breaks the syntax.
        if let Some(once) = fixed(&source) {
            let again = Source::new(name, once.clone());
            assert_eq!(syntax_errors(&again), 0, "the fix left a syntax error");
            assert_eq!(fixed(&again), None, "a second fix changed {once:?}");
        }
    }
});

/// What `--fix` would write, or `None` when it leaves the text as it is.
fn fixed(source: &Source) -> Option<String> {
    let format = charter::parse::format_for(&source.name);
    let charter = charter::parse::parse(source, format, &rules().vocab);
    let opts = FixOptions {
        vocab: &rules().vocab,
        today: jiff::civil::date(2026, 11, 21),
        templates: None,
    };
    match fix(source, &charter, &opts).expect("the built-in templates render") {
        Fix::Fixed(text) => Some(text),
        Fix::Unchanged | Fix::Refused(_) => None,
    }
}

fn syntax_errors(source: &Source) -> usize {
    let format = charter::parse::format_for(&source.name);
    let charter = charter::parse::parse(source, format, &rules().vocab);
    charter
        .issues
        .iter()
        .filter(|i| i.kind == IssueKind::Syntax)
        .count()
}

fn lint(source: &Source) -> (Vec<Finding>, Vec<Diagnostic>) {
    let today = jiff::civil::date(2026, 11, 21);
    let format = charter::parse::format_for(&source.name);
    let findings = lint_source(source, format, rules(), today);
    let text = &source.text;
    let diagnostics = findings
        .iter()
        .map(|f| {
            let s = f.span;
            assert!(
                s.start <= s.end && s.end <= text.len(),
                "{}: span {s:?}",
                f.rule
            );
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{}: span {s:?} splits a character",
                f.rule
            );
            assert!(!f.message.contains(['\n', '\r']), "{:?}", f.message);
            let d = Diagnostic::new(source, f);
            assert!(d.line >= 1 && d.end_line <= source.line_count(), "{d:?}");
            assert!(d.column >= 1 && d.end_column >= 1, "{d:?}");
            d
        })
        .collect();
    (findings, diagnostics)
}

fn reported(diagnostics: &[Diagnostic]) -> Vec<(&str, &str, usize, usize)> {
    diagnostics
        .iter()
        .map(|d| (d.rule.as_str(), d.message.as_str(), d.line, d.column))
        .collect()
}
