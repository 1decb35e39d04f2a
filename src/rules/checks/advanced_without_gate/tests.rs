use super::super::testkit::{arg, Kit};
use crate::model::{Parsed, Text};

#[test]
fn the_fixed_patterns_build() {
    crate::rules::support::regex::build(super::GATE_NAME).expect("gate name");
    crate::rules::support::regex::build(super::FAILED).expect("failed");
}

const SRC: &str = "+++\nstatus = \"run\"\nother = \"walk\"\n+++\n\
    | Crawl | ≥ 25% faster close | Passed go/no-go: 24% faster |\n\
    | Walk  | most adopt | Passed: 72% adopted |\n\
    | Crawl | ≥ 20% faster close | Passed: 34% faster close |\n\
    | Walk  | ≥ 70% adopt | Missed the bar |\n\
    | Crawl | ≥ 15% faster close | In progress: 9 of 10 live |\n";

#[test]
fn status_past_a_phase_without_result_is_unrecorded() {
    let k = Kit::md(SRC).status("walk").phase("crawl", "| Crawl | ≥ 25");
    let hits = k.run("advanced-without-gate");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].variant, "unrecorded");
    assert_eq!(hits[0].span, k.source.line_span(5));
    assert_eq!(arg(&hits[0], "status"), "walk");
    assert_eq!(arg(&hits[0], "phase"), "crawl");
}

#[test]
fn a_missing_phase_points_at_the_status() {
    let k = Kit::md(SRC).status("run");
    let hits = k.run("advanced-without-gate");
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h.span == k.span("run")));
}

#[test]
fn results_below_their_own_bar_or_saying_so_fail() {
    let k = Kit::md(SRC)
        .status("run")
        .phase("crawl", "| Crawl | ≥ 25")
        .gate("≥ 25% faster close")
        .result("Passed go/no-go: 24% faster")
        .phase("walk", "| Walk  | ≥ 70")
        .gate("≥ 70% adopt")
        .result("Missed the bar");
    let hits = k.run("advanced-without-gate");
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0].variant, "failed");
    assert_eq!(hits[0].span, k.span("Passed go/no-go: 24% faster"));
    assert_eq!(arg(&hits[0], "found"), "Passed go/no-go: 24% faster");
    assert_eq!(arg(&hits[1], "phase"), "walk");
}

#[test]
fn results_that_clear_the_bar_pass() {
    // Walk's bar has no percentage: the 70% parameter applies.
    let k = Kit::md(SRC)
        .status("run")
        .phase("crawl", "| Crawl | ≥ 20")
        .gate("≥ 20% faster close")
        .result("Passed: 34% faster close")
        .phase("walk", "| Walk  | most")
        .gate("most adopt")
        .result("Passed: 72% adopted");
    assert!(k.run("advanced-without-gate").is_empty());
}

#[test]
fn a_result_still_under_way_is_no_result() {
    let k = Kit::md(SRC)
        .status("walk")
        .phase("crawl", "| Crawl | ≥ 15")
        .gate("≥ 15% faster close")
        .result("In progress: 9 of 10 live");
    let hits = k.run("advanced-without-gate");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].variant, "unrecorded");
}

const PAIRS: &str = "+++\nstatus = \"walk\"\n+++\n\
    | Crawl | ≥ 70% of pilots adopt; churn ≤ 5% | churn 3%, adoption 75% |\n\
    | Crawl | ≥ 70% of pilots adopt; churn ≤ 5% | adoption 80%, churn 9% |\n\
    | Crawl | ≥ 20% faster close | Went well, positive feedback |\n\
    | Crawl | ≥ 20% faster close | Passed |\n";

#[test]
fn each_figure_is_read_against_the_bar_of_its_metric() {
    let run = |bar: &str, result: &str| {
        Kit::md(PAIRS)
            .status("walk")
            .phase("crawl", bar)
            .gate(bar)
            .result(result)
            .run("advanced-without-gate")
    };
    // The first figure (3%) is below 70% but is churn, under its ceiling.
    assert!(run(
        "≥ 70% of pilots adopt; churn ≤ 5%",
        "churn 3%, adoption 75%"
    )
    .is_empty());
    let hits = run(
        "≥ 70% of pilots adopt; churn ≤ 5%",
        "adoption 80%, churn 9%",
    );
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].variant, "failed");
}

#[test]
fn a_result_without_a_figure_or_verdict_measures_nothing() {
    let k = Kit::md(PAIRS)
        .status("walk")
        .phase("crawl", "| Crawl | ≥ 20% faster close | Went")
        .gate("≥ 20% faster close")
        .result("Went well, positive feedback");
    let hits = k.run("advanced-without-gate");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].variant, "unmeasured");
    let k = Kit::md(PAIRS)
        .status("walk")
        .phase("crawl", "| Crawl | ≥ 20% faster close | Passed")
        .gate("≥ 20% faster close")
        .result("Passed");
    assert!(k.run("advanced-without-gate").is_empty());
}

#[test]
fn draft_and_crawl_need_nothing() {
    let mut k = Kit::md(SRC).status("walk");
    let status = &mut k.charter.meta.status;
    let span = status.as_ref().unwrap().text.span;
    *status = Some(Parsed::status(Text::new("crawl", span)));
    assert!(k.run("advanced-without-gate").is_empty());
    assert!(Kit::md(SRC).run("advanced-without-gate").is_empty());
}

#[test]
fn says_failed_finds_what_the_regex_finds() {
    let re = regex::Regex::new(super::FAILED).expect("builds");
    let words = [
        "fail",
        "FAILED",
        "fails",
        "Failing",
        "failings",
        "fai",
        "missed",
        "miss",
        "MISSES",
        "missing",
        "did",
        "didn't",
        "did n't",
        "didnot",
        "DID NOT",
        "did not",
        "n't",
        "nOt",
        "pass",
        "passed",
        "passes",
        "not",
        "no",
        "go",
        "nogo",
        "no-go",
        "No go",
        "no\tgo",
        "no--go",
        "met",
        "meta",
        "below",
        "the",
        "bar",
        "target",
        "threshold",
        "thresholds",
        "_",
        "x",
        "1",
        "é",
        "-",
        "'",
        "/",
        " ",
        "  ",
        "\n",
        "\u{b}",
        "\u{a0}",
        ":",
    ];
    let mut texts = vec![String::new()];
    for a in words {
        for b in words {
            for c in words {
                texts.push(format!("{a}{b}{c}"));
                texts.push(format!("{a} {b}{c}"));
            }
        }
    }
    for t in [
        "Passed go/no-go: 24% faster",
        "did\u{b}\u{c}n'T pass.",
        "not\r\nmet",
        "below  the\tthreshold!",
        "below thebar",
        "x_fail",
        "2fail",
        "fail2",
    ] {
        texts.push(t.to_string());
    }
    for t in &texts {
        assert_eq!(super::says_failed(t), re.is_match(t), "{t:?}");
    }
    assert!(super::says_failed("We missed the bar"));
    assert!(!super::says_failed("Passed with 40%"));
}
