use super::super::tests::{check_spans, parse_str};
use crate::model::{Charter, Phase, PhaseKind};

fn day(p: &Phase) -> (String, String) {
    let d = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    (d(p.start_date()), d(p.end_date()))
}

fn kinds(c: &Charter) -> Vec<Option<PhaseKind>> {
    c.phases.iter().map(|p| p.kind).collect()
}

#[test]
fn a_bold_first_line_heads_the_labelled_lines_under_it() {
    // Word and Google Docs write each phase as one paragraph: its name in bold, then
    // its parts after hard (`\`, two spaces) or soft line breaks.
    let text = "## Rollout\n\n\
        **Crawl – pilot**  \nDates: 2026-04-13 to 2026-06-05\\\nScope: 2 design partners\\\n\
        Go/No\\-Go: ≥ 30% less time\\\nResult: passed – 52% less time\n\n\
        **Walk – limited availability**\nDates: 8 June – 28 August 2026\nGo/no-go: 70% of customers\n";
    let c = parse_str(text);
    check_spans(&c, text);
    assert_eq!(kinds(&c), [Some(PhaseKind::Crawl), Some(PhaseKind::Walk)]);
    let crawl = &c.phases[0];
    assert_eq!(crawl.name.text, "Crawl – pilot");
    assert_eq!(day(crawl), ("2026-04-13".into(), "2026-06-05".into()));
    assert_eq!(crawl.scope.as_ref().unwrap().text, "2 design partners");
    assert_eq!(crawl.go_no_go.as_ref().unwrap().text, "≥ 30% less time");
    assert_eq!(
        crawl.result.as_ref().unwrap().text,
        "passed – 52% less time"
    );
    let walk = &c.phases[1];
    assert_eq!(day(walk), ("2026-06-08".into(), "2026-08-28".into()));
    assert_eq!(walk.go_no_go.as_ref().unwrap().text, "70% of customers");
    assert!(c.unread.is_empty(), "{:?}", c.unread);
}

#[test]
fn a_numbered_clause_naming_a_phase_is_a_phase() {
    // Lawyers write phases as numbered paragraphs, not list items, and date them in an
    // aside that makes the label long.
    let text = "## Clause 3 — Phasing\n\n\
        3.1 **Crawl** (1 February 2027 to 26 March 2027): 3 clients on manual export. \
        Go/no-go: query hours fall by at least 25%.\n\n\
        3.2 **Walk** (29 March 2027 to 18 June 2027): 20 clients.\n\n\
        3.3 **Run** (from 21 June 2027): open to all clients.\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let want = [PhaseKind::Crawl, PhaseKind::Walk, PhaseKind::Run].map(Some);
    assert_eq!(kinds(&c), want);
    let crawl = &c.phases[0];
    assert_eq!(day(crawl), ("2027-02-01".into(), "2027-03-26".into()));
    assert_eq!(
        crawl.scope.as_ref().unwrap().text,
        "3 clients on manual export"
    );
    assert_eq!(crawl.bar.as_ref().map(|n| n.value), Some(25.0));
    assert_eq!(day(&c.phases[2]), ("2027-06-21".into(), String::new()));
}

#[test]
fn a_phase_written_again_completes_the_first() {
    // The clauses, then a summary table of the same plan: three phases, not six.
    let text = "## Phasing\n\n\
        - Crawl (1 February 2027 to 26 March 2027): 3 clients\n\
        - Run (from 21 June 2027): all clients\n\n\
        | Phase | Dates | Go/No-Go |\n|---|---|---|\n\
        | Crawl | 2027-02-01 to 2027-03-26 | ≥ 25% fewer hours |\n\
        | Walk | 2027-03-29 to 2027-06-18 | ≥ 70% |\n\
        | Run | 2027-06-21 to 2028-06-30 | quarterly review |\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let want = [PhaseKind::Crawl, PhaseKind::Run, PhaseKind::Walk].map(Some);
    assert_eq!(kinds(&c), want);
    let crawl = &c.phases[0];
    assert_eq!(crawl.scope.as_ref().unwrap().text, "3 clients");
    assert_eq!(crawl.go_no_go.as_ref().unwrap().text, "≥ 25% fewer hours");
    // The run's end comes from the table, with the table's span.
    let run = &c.phases[1];
    assert_eq!(day(run), ("2027-06-21".into(), "2028-06-30".into()));
    assert_eq!(run.end.as_ref().unwrap().text.text, "2028-06-30");
}

#[test]
fn a_phase_written_again_with_other_dates_is_kept_apart() {
    // Two plans that disagree: both are kept, so that the clash is reported.
    let text = "## Phasing\n\n\
        - Crawl (1 February 2027 to 26 March 2027): 3 clients\n\n\
        | Phase | Dates |\n|---|---|\n| Crawl | 2027-03-01 to 2027-04-30 |\n";
    let c = parse_str(text);
    check_spans(&c, text);
    assert_eq!(c.phases.len(), 2);
    assert_eq!(
        day(&c.phases[1]),
        ("2027-03-01".into(), "2027-04-30".into())
    );
}

#[test]
fn table_columns_are_read_by_their_words() {
    // Titles no exact alias names: a criterion, a milestone with its kind in brackets,
    // content and deliverables as the scope.
    for header in [
        "| Phase | Period | Content | Go/No-Go criterion | Result |",
        "| Phase | Dates | Scope and deliverables | Milestone (go/no-go) | Outcome |",
    ] {
        let text = format!(
            "## Phasing\n\n{header}\n|---|---|---|---|---|\n\
             | Crawl | 2026-10-05 to 2026-11-27 | 2 pilot sites | at least 20% fewer stops | Passed, 27% |\n"
        );
        let c = parse_str(&text);
        check_spans(&c, &text);
        let p = &c.phases[0];
        assert_eq!(
            day(p),
            ("2026-10-05".into(), "2026-11-27".into()),
            "{header}"
        );
        assert_eq!(p.scope.as_ref().unwrap().text, "2 pilot sites", "{header}");
        assert_eq!(
            p.go_no_go.as_ref().unwrap().text,
            "at least 20% fewer stops",
            "{header}"
        );
        assert_eq!(p.result.as_ref().unwrap().text, "Passed, 27%", "{header}");
    }
}

#[test]
fn a_start_and_end_column_holds_both_dates() {
    let text =
        "## Phasing\n\n| Phase | Start – End | What happens | Exit bar |\n|---|---|---|---|\n\
        | Crawl | 2026-10-05 to 2026-11-27 | 2 pilot sites | at least 20% fewer stops |\n";
    let c = parse_str(text);
    let p = &c.phases[0];
    assert_eq!(day(p), ("2026-10-05".into(), "2026-11-27".into()));
    assert_eq!(p.scope.as_ref().unwrap().text, "2 pilot sites");
    let text = "## Phasing\n\n| Stage | Kickoff | Wrap | Scope |\n|---|---|---|---|\n\
        | Crawl | April 13, 2026 | May 29, 2026 | 2 pilot sites |\n";
    let c = parse_str(text);
    assert_eq!(
        day(&c.phases[0]),
        ("2026-04-13".into(), "2026-05-29".into())
    );
}

#[test]
fn sub_headings_naming_a_phase_part_are_that_part_at_any_depth() {
    // An engineers' spec numbers every part as a heading of its own.
    let text = "## 5. Phases ##\n\n### 5.1 Crawl ###\n\n#### 5.1.1 Dates ####\n\
        2026-05-04 to 2026-06-26.\n\n#### 5.1.2 Scope ####\nTwo pilot customers.\n\n\
        #### 5.1.3 Gate ####\nAt least 20% better.\n\n#### 5.1.4 Result ####\n\
        Passed: 41% better.\n\n### 5.2 Walk ###\n\n#### Background\n\nWhy walk.\n\n\
        ##### When\n\n2026-07-13 to 2026-10-02\n";
    let c = parse_str(text);
    check_spans(&c, text);
    assert_eq!(kinds(&c), [Some(PhaseKind::Crawl), Some(PhaseKind::Walk)]);
    let crawl = &c.phases[0];
    assert_eq!(day(crawl), ("2026-05-04".into(), "2026-06-26".into()));
    assert_eq!(crawl.scope.as_ref().unwrap().text, "Two pilot customers.");
    assert_eq!(
        crawl.go_no_go.as_ref().unwrap().text,
        "At least 20% better."
    );
    assert_eq!(crawl.result.as_ref().unwrap().text, "Passed: 41% better.");
    // A part deeper under a sub-heading that names none; the rest is the scope.
    let walk = &c.phases[1];
    assert_eq!(day(walk), ("2026-07-13".into(), "2026-10-02".into()));
    assert_eq!(walk.scope.as_ref().unwrap().text, "Why walk.");
}

#[test]
fn labelled_lines_under_a_phase_heading_are_its_parts() {
    // Obsidian's Dataview fields, one a line in one paragraph under `### Crawl`.
    let text = "## Timeline\n\n### Crawl\ndates:: 2027-02-08 → 2027-03-26\n\
        scope:: 2 pilot clinics ([[Hollybank Vets]]), nightly CSV push, no live stock sync\n\
        go-no-go:: reorder time cut by at least 20%\nresult:: in progress\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let crawl = &c.phases[0];
    assert_eq!(day(crawl), ("2027-02-08".into(), "2027-03-26".into()));
    assert_eq!(
        crawl.scope.as_ref().unwrap().text,
        "2 pilot clinics (Hollybank Vets), nightly CSV push, no live stock sync"
    );
    assert_eq!(
        crawl.go_no_go.as_ref().unwrap().text,
        "reorder time cut by at least 20%"
    );
    assert_eq!(crawl.result.as_ref().unwrap().text, "in progress");
}

/// `add` with its index joins exactly the phases a scan of every phase would: random
/// restatements (kinds, known, unknown and missing dates, dates filled in by a later
/// restatement) against the plain scan it replaced.
#[test]
fn joining_a_restated_phase_agrees_with_a_plain_scan() {
    use crate::model::{restates, Span, Text};
    use crate::parse::phases::{set_dates, DatePart};
    // Three days, and a value that is no day.
    let src = "2026-01-05 2026-02-09 2026-03-16 soon";
    let values = [(0, 10), (11, 21), (22, 32), (33, 37)];
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n) as usize
    };
    for _ in 0..200 {
        let mut indexed = Charter::empty(crate::model::Format::Markdown, src.len());
        let mut plain: Vec<Phase> = Vec::new();
        for n in 0..next(40) + 1 {
            let kind = [None, Some(PhaseKind::Crawl), Some(PhaseKind::Walk)][next(3)];
            let mut p = Phase::new(Text::new("x", Span::new(0, 0)), kind, Span::new(n, n));
            for part in [DatePart::Start, DatePart::End] {
                if let Some(&(a, b)) = values.get(next(6)) {
                    set_dates(src, &mut p, part, &Text::new(&src[a..b], Span::new(a, b)));
                }
            }
            if next(2) == 0 {
                p.scope = Some(Text::new(format!("scope {n}"), Span::new(n, n)));
            }
            // The plain scan, as `add` was written before the index.
            match plain.iter_mut().find(|q| restates(&p, q)) {
                Some(q) => {
                    if q.start.is_none() {
                        q.start = p.start.clone();
                    }
                    if q.end.is_none() {
                        q.end = p.end.clone();
                    }
                    if q.scope.is_none() {
                        q.scope = p.scope.clone();
                    }
                }
                None => plain.push(p.clone()),
            }
            super::add(&mut indexed, p);
        }
        let seen = |ps: &[Phase]| {
            ps.iter()
                .map(|p| {
                    (
                        p.kind,
                        day(p),
                        p.span,
                        p.scope.as_ref().map(|s| s.text.clone()),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(seen(&indexed.phases), seen(&plain));
    }
}
