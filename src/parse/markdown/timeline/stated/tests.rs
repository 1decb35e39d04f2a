use super::{clauses, sentences};
use crate::model::{Charter, Phase, PhaseKind};
use crate::parse::markdown::tests::{check_spans, parse_str};

fn phase(c: &Charter, kind: PhaseKind) -> &Phase {
    c.phases
        .iter()
        .find(|p| p.kind == Some(kind))
        .unwrap_or_else(|| panic!("no {kind:?} phase in {:?}", c.phases))
}

fn bar(p: &Phase) -> (&str, Option<f64>) {
    let text = p.go_no_go.as_ref().map_or("", |t| t.text.as_str());
    (text, p.bar.as_ref().map(|n| n.value))
}

fn scope(p: &Phase) -> &str {
    p.scope.as_ref().map_or("", |t| t.text.as_str())
}

#[test]
fn a_bar_written_as_a_sentence_in_the_phase_line_is_its_bar() {
    let text = "## Plan\n\n\
        1. Crawl, 1 February – 26 March 2027: 4 stores. Go if waste falls by at least 20%.\n\
        2. Walk, 5 April to 25 June 2027: 40 stores. Go if eight of the ten store managers \
        keep using it.\n\
        3. Run, from 1 July 2027: all 310 stores, quarterly business review.\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let crawl = phase(&c, PhaseKind::Crawl);
    assert_eq!(
        bar(crawl),
        ("Go if waste falls by at least 20%", Some(20.0))
    );
    // The scope ends before the bar.
    assert_eq!(scope(crawl), "4 stores");
    let walk = phase(&c, PhaseKind::Walk);
    assert_eq!(bar(walk).1, Some(80.0));
    assert_eq!(bar(phase(&c, PhaseKind::Run)).0, "");
}

#[test]
fn a_bar_in_the_sentences_after_a_phase_in_prose_is_its_bar() {
    let text = "## How it rolls out\n\n\
        The crawl phase runs from 8 February to 26 March 2027, with two pilot clinics. \
        We move on only if the pilots cut emergency orders by at least twenty percent.\n\n\
        Walk runs from March 29 to June 18, 2027: twenty more installers and the real \
        connector, with the bar that seventy percent of invited installers place three orders.\n\n\
        The run phase starts on 5 July 2027, with a quarterly business review.\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let crawl = phase(&c, PhaseKind::Crawl);
    assert_eq!(
        bar(crawl),
        (
            "We move on only if the pilots cut emergency orders by at least twenty percent",
            Some(20.0)
        )
    );
    // The bar is the clause that states it, not the dates before it.
    let walk = phase(&c, PhaseKind::Walk);
    assert_eq!(
        bar(walk),
        (
            "with the bar that seventy percent of invited installers place three orders",
            Some(70.0)
        )
    );
    assert_eq!(bar(phase(&c, PhaseKind::Run)).0, "");
}

#[test]
fn a_clause_with_a_bold_phase_name_states_its_bar_after_it() {
    let text = "## Article 4 — Phased Implementation\n\n\
        4.1 **Crawl.** From 1 February 2027 to 26 March 2027: two estates. To proceed, the \
        time from report to inspection must fall by at least 20%.\n\n\
        4.2 **Walk.** From 12 April 2027 to 2 July 2027: six thousand homes. To proceed, at \
        least 70% of the repairs teams invited must use the list every week.\n";
    let c = parse_str(text);
    check_spans(&c, text);
    assert_eq!(bar(phase(&c, PhaseKind::Crawl)).1, Some(20.0));
    assert_eq!(bar(phase(&c, PhaseKind::Walk)).1, Some(70.0));
}

#[test]
fn the_list_under_a_phase_paragraph_is_that_phase() {
    let text = "# 06 / Crawl → walk → run\n\n\
        **Crawl** — 6 weeks from kickoff on 15 Feb 2027\n\
        - 2 car parks, 40 chargers\n\
        - Gate: ≥ 25% more charging sessions per bay\n\n\
        **Walk** — 12 Apr → 25 Jun 2027\n\
        - 20 car parks, 400 chargers\n\
        - Gate: ≥ 70% of invited managers rate it ready\n\n\
        **Run** — from Q3 2027, ongoing\n\
        - all 212 car parks\n";
    let c = parse_str(text);
    check_spans(&c, text);
    assert_eq!(c.phases.len(), 3, "{:?}", c.phases);
    assert_eq!(
        bar(phase(&c, PhaseKind::Crawl)),
        ("≥ 25% more charging sessions per bay", Some(25.0))
    );
    assert_eq!(bar(phase(&c, PhaseKind::Walk)).1, Some(70.0));
    assert_eq!(bar(phase(&c, PhaseKind::Run)).0, "");
}

#[test]
fn the_items_nested_in_a_phase_item_are_that_phase() {
    let text = "### Slide 6: Phases\n\n\
        1. Crawl — 1 March to 9 April 2027 — 12 stores in Leeds\n   \
        - Go/no-go: waste write-offs down at least 20% in pilot stores\n\
        2. Walk — 26 April to 16 July 2027 — 50 stores across the North\n   \
        - Go/no-go: at least 50% of invited stores listing bags every day\n\
        3. Run — from 2 August 2027 — national roll-out\n\n\
        Notes: 50% because store managers opt in.\n";
    let c = parse_str(text);
    check_spans(&c, text);
    assert_eq!(bar(phase(&c, PhaseKind::Crawl)).1, Some(20.0));
    assert_eq!(bar(phase(&c, PhaseKind::Walk)).1, Some(50.0));
    // A paragraph with a label of its own is not the run phase's.
    assert_eq!(bar(phase(&c, PhaseKind::Run)).0, "");
}

#[test]
fn a_paragraph_after_a_phase_paragraph_goes_on_with_it() {
    let text = "## Timeline\n\n\
        The crawl phase runs from 8 February to 26 March 2027 in two clinics.\n\n\
        We proceed only if emergency orders fall by 25%.\n\n\
        The walk phase runs from 5 April to 25 June 2027 in thirty clinics.\n";
    let c = parse_str(text);
    check_spans(&c, text);
    assert_eq!(bar(phase(&c, PhaseKind::Crawl)).1, Some(25.0));
    assert_eq!(bar(phase(&c, PhaseKind::Walk)).0, "");
}

#[test]
fn a_tracker_export_names_scope_and_bar_in_its_own_columns() {
    let text = "## Timeline\n\n\
        | Key | Summary | Phase | Start date | Due date | Acceptance criteria |\n\
        |---|---|---|---|---|---|\n\
        | P-1 | Pilot in 2 practices | Crawl | 2027-04-05 | 2027-05-14 | Bookings up ≥ 20% |\n\
        | P-2 | 12 more practices | Walk | 2027-06-01 | 2027-08-27 | ≥ 70% of invited practices |\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let crawl = phase(&c, PhaseKind::Crawl);
    assert_eq!(scope(crawl), "Pilot in 2 practices");
    assert_eq!(bar(crawl), ("Bookings up ≥ 20%", Some(20.0)));
    assert_eq!(
        crawl.end_date().map(|d| d.to_string()),
        Some("2027-05-14".into())
    );
    assert_eq!(bar(phase(&c, PhaseKind::Walk)).1, Some(70.0));
}

#[test]
fn a_bar_in_prose_under_a_phase_heading_is_its_bar() {
    let text = "## Timeline\n\n### Crawl (2027-02-01 to 2027-03-26)\n\n\
        Two pilot stores on a nightly file. The exit bar is a 20% cut in waste.\n\n\
        ### Walk (2027-04-05 to 2027-06-25)\n\n\
        - Scope: forty stores\n- Go/No-Go: 70% of invited stores\n\
        - Notes: we go on only if both sponsors agree\n";
    let c = parse_str(text);
    check_spans(&c, text);
    assert_eq!(
        bar(phase(&c, PhaseKind::Crawl)),
        ("The exit bar is a 20% cut in waste", Some(20.0))
    );
    // A labelled bar wins over a sentence that only sounds like one.
    assert_eq!(
        bar(phase(&c, PhaseKind::Walk)),
        ("70% of invited stores", Some(70.0))
    );
}

#[test]
fn a_phase_with_no_condition_has_no_bar() {
    let text = "## Timeline\n\n\
        - Crawl (2027-02-01 to 2027-03-26): two pilot stores; we onboard them by hand.\n\
        - Walk (2027-04-05 to 2027-06-25): forty stores, 70% of them on the new till.\n";
    let c = parse_str(text);
    assert_eq!(bar(phase(&c, PhaseKind::Crawl)).0, "");
    assert_eq!(bar(phase(&c, PhaseKind::Walk)).0, "");
}

#[test]
fn sentences_split_at_stops_lines_and_cells_without_markers() {
    let s = "1. Crawl: 4 stores. Go if 10%.\n   - Gate: 20% | **Walk** x";
    let got: Vec<&str> = sentences(s).map(|(a, b)| &s[a..b]).collect();
    assert_eq!(
        got,
        ["Crawl: 4 stores.", "Go if 10%.", "Gate: 20%", "**Walk** x"]
    );
}

#[test]
fn clauses_start_after_commas_colons_and_spaced_dashes() {
    let s = "a, b: c — d-e";
    let got: Vec<&str> = clauses(s, 0, s.len()).map(|a| &s[a..]).collect();
    assert_eq!(got, ["a, b: c — d-e", "b: c — d-e", "c — d-e", "d-e"]);
}

#[test]
fn a_bar_wrapped_over_soft_line_breaks_is_one_sentence() {
    let text = "## Timeline\n\n### Stage 1 — crawl (1 February to 26 March 2027)\n\n\
        Thirty trucks at one depot.\n\n\
        We only widen the rollout if fuel per 100 km falls by at\n\
        least 20% against the same weeks of 2026.\n\n\
        ### Stage 2 — walk (12 April to 2 July 2027)\n\n\
        Three more depots. The exit bar for this stage is\n\
        that at least 75% of invited drivers use the app.\n";
    let c = parse_str(text);
    check_spans(&c, text);
    assert_eq!(bar(phase(&c, PhaseKind::Crawl)).1, Some(20.0));
    assert_eq!(
        bar(phase(&c, PhaseKind::Walk)),
        (
            "The exit bar for this stage is\nthat at least 75% of invited drivers use the app",
            Some(75.0)
        )
    );
}
