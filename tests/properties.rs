//! Property tests for "never panic, never hang, never lose a file": whatever text the
//! linter is given, in either format, it returns findings whose spans can be sliced
//! and shown, and a BOM or CRLF line endings change nothing it reports.
//!
//! The charter generator (`charter new`) gets its own property (every generated
//! charter lints clean) where it is built; it is not part of this file.

use charter::lint::lint_source;
use charter::model::Format;
use charter::output::concise::Concise;
use charter::output::human::Human;
use charter::output::{Diagnostic, Report};
use charter::rules::{Finding, RuleSet};
use charter::source::Source;
use jiff::civil::Date;
use proptest::prelude::*;
use std::sync::OnceLock;

/// Fixed so that date rules do not change with the day the tests run.
const TODAY: Date = jiff::civil::date(2026, 11, 21);
const MD: &str = "c.charter.md";
const TOML: &str = "c.charter.toml";

const EXAMPLES: &[&str] = &[
    include_str!("../examples/northwind-ledger.charter.md"),
    include_str!("../examples/northwind-ledger.charter.toml"),
    include_str!("../examples/lumen-payroll.charter.toml"),
    include_str!("../examples/defects/overlapping-phases.charter.md"),
    include_str!("../examples/defects/impossible-review-date.charter.toml"),
];

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::default_rules().expect("default rules load"))
}

/// Enough cases to find shallow bugs on every `cargo test`; the fuzzer goes deeper.
/// `PROPTEST_CASES=5000 cargo test --test properties` for a longer run.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(256),
        ..ProptestConfig::default()
    }
}

fn lint(name: &str, text: &str) -> (Source, Vec<Finding>) {
    let source = Source::new(name, text.to_string());
    let format = charter::parse::format_for(name);
    let findings = lint_source(&source, format, rules(), TODAY);
    (source, findings)
}

/// Spans inside the text on character boundaries; places 1-based and inside the file.
fn assert_sane(source: &Source, findings: &[Finding]) -> Vec<Diagnostic> {
    let text = &source.text;
    findings
        .iter()
        .map(|f| {
            let s = f.span;
            assert!(
                s.start <= s.end && s.end <= text.len(),
                "{}: span {s:?} outside a {}-byte text",
                f.rule,
                text.len()
            );
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{}: span {s:?} not on character boundaries",
                f.rule
            );
            // Line-based formats (concise, github) print one line per finding.
            assert!(
                !f.message.contains(['\n', '\r']),
                "{}: message over lines: {:?}",
                f.rule,
                f.message
            );
            let d = Diagnostic::new(source, f);
            for (line, col) in [(d.line, d.column), (d.end_line, d.end_column)] {
                assert!(
                    line >= 1 && line <= source.line_count(),
                    "{}: line {line} of {}",
                    f.rule,
                    source.line_count()
                );
                let span = source.line_span(line);
                let width = source.text[span.start..span.end].chars().count();
                assert!(
                    col >= 1 && col <= width + 1,
                    "{}: column {col} on a line of {width} characters",
                    f.rule
                );
            }
            d
        })
        .collect()
}

/// Every renderer a person sees: must not panic, and says something per finding.
fn render_all(source: &Source, findings: &[Finding], diagnostics: &[Diagnostic]) {
    for color in [false, true] {
        let out = Human::new(color).file(source, findings, diagnostics);
        assert!(findings.is_empty() || !out.is_empty());
    }
    let out = Concise.file(source, findings, diagnostics);
    assert_eq!(out.lines().count(), diagnostics.len());
}

fn check_everything(text: &str) {
    for name in [MD, TOML] {
        let (source, findings) = lint(name, text);
        let diagnostics = assert_sane(&source, &findings);
        render_all(&source, &findings, &diagnostics);
    }
}

/// What a person reads: the rule, its message and where it points.
fn reported(name: &str, text: &str) -> Vec<(String, String, usize, usize)> {
    let (source, findings) = lint(name, text);
    findings
        .iter()
        .map(|f| {
            let d = Diagnostic::new(&source, f);
            (d.rule, d.message, d.line, d.column)
        })
        .collect()
}

// ---- strategies -------------------------------------------------------------------

fn one_of(items: &'static [&'static str]) -> impl Strategy<Value = String> {
    proptest::sample::select(items).prop_map(str::to_string)
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        (2020u32..2030, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        // Impossible or odd dates: the parsers must refuse them, not crash.
        one_of(&[
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "0000-00-00",
            "9999-12-31",
            "2026-2-3",
            "+002026-01-01",
            "2026-09-07T10:00:00Z",
            "2026-09-07 10:00",
            "99999999999-01-01",
            "2026-1٣-01",
        ]),
    ]
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        one_of(&[
            "TBD",
            "TODO",
            "yes",
            "no",
            "walk",
            "crawl",
            "run",
            "economic",
            "customer",
            "≥ 20% faster",
            "$40k",
            "15%",
            "Keel",
            "Northwind",
            "co-marketing",
            "é",
            "×",
            "😀",
            "🤝 2",
            "\u{200b}",
            "e\u{301}",
            "\u{feff}",
            "\t",
            "`code`",
            "**bold**",
            "[link](http://x)",
            "\\",
            "\"",
            "'",
        ]),
        date(),
        "[a-z0-9 ]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
        // Around the human renderer's long-line limit (300), where it shows a window.
        (one_of(&["x", "é", "😀", " ", "|"]), 140usize..320).prop_map(|(c, n)| c.repeat(n)),
    ]
}

fn line_fragment() -> impl Strategy<Value = String> {
    let heading = (
        1usize..5,
        one_of(&[
            "Mutual goals",
            "Value exchange",
            "Timeline",
            "Metrics",
            "Governance",
            "Exit criteria",
            "Signatures",
            "Goals 🎯",
            "1. Timeline",
            "Keel × Partner: charter",
            "",
        ]),
        word(),
    )
        .prop_map(|(n, t, w)| format!("{} {t} {w}", "#".repeat(n)));
    let label = (
        one_of(&[
            "For us",
            "For the partner",
            "For shared customers",
            "We give",
            "Partner gives",
            "We lose",
            "Partner loses",
            "Balanced",
            "Our owner",
            "Partner owner",
            "Sync cadence",
            "Escalation",
            "Run cadence",
            "Tracked in",
            "Review cadence",
            "",
        ]),
        word(),
    )
        .prop_map(|(l, v)| format!("- **{l}:** {v}"));
    let row = proptest::collection::vec(prop_oneof![word(), date()], 0..7)
        .prop_map(|cells| format!("| {} |", cells.join(" | ")));
    let task = (
        one_of(&["- [x] ", "- [ ] ", "- [X] ", "* [x]"]),
        word(),
        date(),
    )
        .prop_map(|(t, w, d)| format!("{t}{w} — {d}"));
    let toml_line = (
        one_of(&[
            "partner",
            "company",
            "tier",
            "leverage",
            "status",
            "created",
            "next-review",
            "name",
            "start",
            "end",
            "go-no-go",
            "result",
            "us",
            "we-give",
            "\"quoted key\"",
            "a.b",
        ]),
        prop_oneof![
            word().prop_map(|w| format!("{w:?}")),
            date(),
            one_of(&[
                "2",
                "-1",
                "99999999999999999999",
                "1.5",
                "true",
                "[\"economic\", 3]",
                "[]",
                "{ a = 1 }",
                "\"\"\"\nmulti\n\"\"\"",
                "'''lit'''",
                "'",
                "\"unterminated",
            ]),
        ],
    )
        .prop_map(|(k, v)| format!("{k} = {v}"));
    prop_oneof![
        one_of(&[
            "+++",
            "---",
            "",
            "|---|---|",
            "| Phase | Start | End | Deliverables | Go/No-Go | Result |",
            "[goals]",
            "[value-exchange]",
            "[timeline]",
            "[[timeline.phase]]",
            "[[metrics.metric]]",
            "[governance]",
            "[[signatures]]",
            "<!-- charter-disable placeholder -->",
            "<!-- charter-disable -->",
            "<!-- charter-enable -->",
            "<!-- charter-disable-next-line missing-section, CH004 -->",
            "<!-- charter-disable",
            "# charter-disable stale-review",
            "# charter-disable-next-line",
            "```",
            "> quote",
            "    indented code",
            "1. numbered",
            "***",
        ]),
        heading,
        label,
        row,
        task,
        toml_line,
        word(),
    ]
}

const ENDINGS: &[&str] = &["\n", "\n", "\n", "\r\n", "\r", ""];

/// Charter-like text: fragments joined by mixed line endings, maybe after a BOM.
fn charterish() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        proptest::collection::vec((line_fragment(), proptest::sample::select(ENDINGS)), 0..40),
    )
        .prop_map(|(bom, parts)| {
            let mut text = String::from(if bom { "\u{feff}" } else { "" });
            for (frag, end) in parts {
                text.push_str(&frag);
                text.push_str(end);
            }
            text
        })
}

/// A real charter with a few edits: lines left out (which shrinks well), fragments
/// spliced in or a cut at random places.
fn edited_example() -> impl Strategy<Value = String> {
    proptest::sample::select(EXAMPLES)
        .prop_flat_map(|example| {
            let lines: Vec<&'static str> = example.split_inclusive('\n').collect();
            let n = lines.len();
            (
                proptest::sample::subsequence(lines, 0..=n),
                proptest::collection::vec(
                    (
                        any::<proptest::sample::Index>(),
                        0usize..40,
                        line_fragment(),
                    ),
                    0..6,
                ),
            )
        })
        .prop_map(|(lines, edits)| {
            let mut text = lines.concat();
            for (at, cut, frag) in edits {
                let mut i = at.index(text.len() + 1);
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                let mut j = (i + cut).min(text.len());
                while !text.is_char_boundary(j) {
                    j -= 1;
                }
                text.replace_range(i..j, &frag);
            }
            text
        })
}

/// Any of the above, or any text at all.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof!["(?s:.){0,200}", charterish(), edited_example(),]
}

// ---- properties -------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn linting_anything_gives_sane_findings_that_render(text in any_text()) {
        check_everything(&text);
    }

    #[test]
    fn a_bom_changes_no_finding(text in any_text()) {
        // A text that already starts with one would keep it after the one we add.
        prop_assume!(!text.starts_with('\u{feff}'));
        let with_bom = format!("\u{feff}{text}");
        for name in [MD, TOML] {
            prop_assert_eq!(reported(name, &text), reported(name, &with_bom));
        }
        // The same through the byte decoder the CLI uses (which refuses NULs as binary).
        if !text.contains('\0') {
            let decoded = charter::input::decode(MD, with_bom.into_bytes()).expect("UTF-8 text");
            prop_assert_eq!(&decoded.text, &text);
        }
    }

    #[test]
    fn crlf_line_endings_change_no_finding(text in any_text()) {
        // Only texts with `\n` alone: converting a `\r\n` or a lone `\r` is another matter.
        let text = text.replace('\r', "");
        let crlf = text.replace('\n', "\r\n");
        for name in [MD, TOML] {
            prop_assert_eq!(reported(name, &text), reported(name, &crlf));
        }
    }
}

// ---- regressions found by the properties and the fuzzer ---------------------------

#[test]
fn the_examples_are_sane() {
    for text in EXAMPLES {
        check_everything(text);
    }
}

#[test]
fn empty_and_tiny_inputs() {
    for text in [
        "", "\u{feff}", "\r", "\n", "\r\n", "+++", "---", "+++\n", "#", "|",
    ] {
        check_everything(text);
    }
}

/// Found by `crlf_line_endings_change_no_finding`: `toml` reported the `\r` of a CRLF
/// line inside an unterminated string as an invalid character (an extra finding), and
/// read `\"` before a line end differently, so a CRLF file got other parse errors.
#[test]
fn toml_syntax_errors_do_not_depend_on_line_endings() {
    for lf in [
        "'\n",
        "a = \"x\n",
        "a = \"\\\"\n",
        "a = \"x\\\nb = 1\n",
        "a = 'x\nb = 1\n",
        "\0\n",
        "x = \"é\nb = 'ü\nc = 1\n",
    ] {
        let crlf = lf.replace('\n', "\r\n");
        assert_eq!(reported(TOML, lf), reported(TOML, &crlf), "{lf:?}");
        check_everything(&crlf);
    }
}

/// Found by the fuzzer: TOML error recovery made a key of an unterminated multi-line
/// string, and `unknown-key` quoted it with its raw line breaks (`\n` in an LF file,
/// `\r\n` in a CRLF one): a message over three lines, which differed by line ending.
#[test]
fn messages_quote_line_breaks_on_one_line() {
    let lf = "[\"\"\")Sync cadence++\n+\n";
    let crlf = lf.replace('\n', "\r\n");
    assert_eq!(reported(TOML, lf), reported(TOML, &crlf));
    let (_, findings) = lint(TOML, lf);
    assert!(findings
        .iter()
        .any(|f| f.message == "unknown key `)Sync cadence++\\n+`"));
    for f in &findings {
        assert!(!f.message.contains(['\n', '\r']), "{:?}", f.message);
    }
    check_everything(lf);
    check_everything(&crlf);
    // Also by the fuzzer: an unterminated quoted key at a line end keeps the `\r` of a
    // CRLF in its text, so the message quoted `\n` in the CRLF file only.
    let lf = "[\"\n";
    let crlf = lf.replace('\n', "\r\n");
    assert_eq!(reported(TOML, lf), reported(TOML, &crlf));
}

/// Found by the fuzzer, not fixed: `toml`'s error recovery reads an unterminated string
/// that ends in an escaped quote (`"s\"` then the line end) as `s\` with LF and as
/// `s"` with CRLF, so the quoted value differs. Only a file that already has a
/// parse-error is affected; fixing it means parsing an LF copy of the whole document and
/// mapping every span in the model back.
#[test]
#[ignore = "known: toml recovers `\"s\\\"` differently under CRLF"]
fn toml_recovery_of_an_escaped_quote_at_a_line_end() {
    let lf = "tier=\"s\\\"\n";
    let crlf = lf.replace('\n', "\r\n");
    assert_eq!(reported(TOML, lf), reported(TOML, &crlf));
}

#[test]
fn format_follows_the_name() {
    assert_eq!(charter::parse::format_for(MD), Format::Markdown);
    assert_eq!(charter::parse::format_for(TOML), Format::Toml);
}
