//! `--fix` as a property: fixing twice gives what fixing once gave, and a fix never
//! leaves a syntax error the text did not have. The texts are the examples with lines
//! left out, fragments spliced in and their line endings changed.

use charter::fix::{fix, Fix, FixOptions};
use charter::model::{Charter, IssueKind};
use charter::parse::{format_for, parse};
use charter::rules::RuleSet;
use charter::source::Source;
use proptest::prelude::*;
use std::sync::OnceLock;

const EXAMPLES: &[(&str, &str)] = &[
    (
        "n.charter.md",
        include_str!("../examples/northwind-ledger.charter.md"),
    ),
    (
        "n.charter.toml",
        include_str!("../examples/northwind-ledger.charter.toml"),
    ),
    (
        "l.charter.md",
        include_str!("../examples/lumen-payroll.charter.md"),
    ),
    (
        "t.charter.toml",
        include_str!("../examples/tidewater-cloud.charter.toml"),
    ),
];

/// What people get wrong, and what breaks a reader: dates to normalise, checkboxes,
/// headings, tables, fences, comments, a TOML key without `=`.
const FRAGMENTS: &[&str] = &[
    "",
    "\n",
    "2026/9/5",
    "2027.1.5",
    "- [X] Dana, Keel — 2026-9-5\n",
    "## Governance\n",
    "## Exit criteria\n",
    "## Timeline\n",
    "### Crawl\n",
    "| Phase | Start | End |\n|---|---|---|\n| Crawl | 2026-9-1 | |\n",
    "```\n",
    "~~~",
    "<!--",
    "-->",
    "+++\n",
    "---\n",
    "[governance]\n",
    "[[signatures]]\n",
    "target ",
    "next-review = \"2027/1/5\"\n",
    "\"",
    "    ",
    "> ",
    "<div>\n",
];

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::default_rules().expect("default rules load"))
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(96),
        ..ProptestConfig::default()
    }
}

fn read(name: &str, text: &str) -> (Source, Charter) {
    let source = Source::new(name, text.to_string());
    let charter = parse(&source, format_for(name), &rules().vocab);
    (source, charter)
}

/// The text `--fix` would leave: the fixed one, or the same when it changes nothing.
fn apply(name: &str, text: &str) -> String {
    let (source, charter) = read(name, text);
    let opts = FixOptions {
        vocab: &rules().vocab,
        today: jiff::civil::date(2026, 11, 21),
        templates: None,
    };
    match fix(&source, &charter, &opts).expect("the built-in templates render") {
        Fix::Fixed(t) => t,
        Fix::Unchanged | Fix::Refused(_) => source.text,
    }
}

fn syntax_errors(name: &str, text: &str) -> usize {
    let (_, charter) = read(name, text);
    charter
        .issues
        .iter()
        .filter(|i| i.kind == IssueKind::Syntax)
        .count()
}

/// An example with lines left out, fragments spliced in at line starts, and its line
/// endings made LF, CRLF or CR.
fn edited() -> impl Strategy<Value = (&'static str, String)> {
    proptest::sample::select(EXAMPLES)
        .prop_flat_map(|(name, example)| {
            let lines: Vec<&'static str> = example.split_inclusive('\n').collect();
            let n = lines.len();
            (
                Just(name),
                proptest::sample::subsequence(lines, 0..=n),
                proptest::collection::vec(
                    (
                        any::<proptest::sample::Index>(),
                        proptest::sample::select(FRAGMENTS),
                    ),
                    0..4,
                ),
                proptest::sample::select(&["\n", "\n", "\r\n", "\r"][..]),
            )
        })
        .prop_map(|(name, mut lines, inserts, eol)| {
            for (at, frag) in inserts {
                lines.insert(at.index(lines.len() + 1), frag);
            }
            (name, lines.concat().replace('\n', eol))
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fixing_twice_is_fixing_once_and_adds_no_syntax_error((name, text) in edited()) {
        let once = apply(name, &text);
        let twice = apply(name, &once);
        prop_assert_eq!(&once, &twice, "a second --fix changed the text");
        if once != text {
            prop_assert_eq!(syntax_errors(name, &once), 0, "the fix left a syntax error");
            prop_assert_eq!(syntax_errors(name, &text), 0, "a text that does not parse was fixed");
        }
    }
}

#[test]
fn the_typo_of_the_issue_is_left_alone() {
    let text = include_str!("../examples/northwind-ledger.charter.toml").replacen(
        "target = ",
        "target ",
        1,
    );
    assert_eq!(apply("n.charter.toml", &text), text);
}
