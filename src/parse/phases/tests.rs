use crate::model::{Charter, Format, Phase};
use crate::source::Source;
use crate::value::date::DateValue;
use jiff::civil::date;

fn md(text: &str) -> Charter {
    let vocab = crate::vocab::default_vocab();
    crate::parse::parse(
        &Source::new("t.md", text.to_string()),
        Format::Markdown,
        &vocab,
    )
}

fn days(p: &Phase) -> (Option<String>, Option<String>) {
    (
        p.start_date().map(|d| d.to_string()),
        p.end_date().map(|d| d.to_string()),
    )
}

fn pair(a: &str, b: &str) -> (Option<String>, Option<String>) {
    (Some(a.into()), Some(b.into()))
}

#[test]
fn a_dates_column_reads_every_range_form() {
    for (cell, start, end) in [
        ("Apr 6 – May 15, 2027", "2027-04-06", "2027-05-15"),
        ("2 Nov – 18 Dec 2026", "2026-11-02", "2026-12-18"),
        ("6–24 April 2027", "2027-04-06", "2027-04-24"),
        ("2026-10-12 to 2026-11-27", "2026-10-12", "2026-11-27"),
        ("Q3 2027", "2027-07-01", "2027-09-30"),
        ("10 weeks starting 19 Apr 2027", "2027-04-19", "2027-06-27"),
    ] {
        let c = md(&format!(
            "## Timeline\n\n| Phase | Dates |\n|---|---|\n| Crawl | {cell} |\n"
        ));
        assert_eq!(days(&c.phases[0]), pair(start, end), "{cell}");
    }
}

#[test]
fn iso_ranges_keep_a_span_per_end() {
    let src = "## Timeline\n\n| Phase | Dates |\n|---|---|\n| Crawl | 2026-10-12 to 2026-11-27 |\n";
    let c = md(src);
    let p = &c.phases[0];
    let s = p.start.as_ref().unwrap().text.span;
    let e = p.end.as_ref().unwrap().text.span;
    assert_eq!(&src[s.start..s.end], "2026-10-12");
    assert_eq!(&src[e.start..e.end], "2026-11-27");
}

#[test]
fn open_ends_and_separate_days() {
    let c = md("## Timeline\n\n| Phase | Dates |\n|---|---|\n| Run | from Q3 2027, ongoing |\n");
    assert_eq!(days(&c.phases[0]), (Some("2027-07-01".into()), None));
    let c = md("## Timeline\n\n| Phase | Start | End |\n|---|---|---|\n| Crawl | 1st March 2027 | April 9, 2027 |\n");
    assert_eq!(days(&c.phases[0]), pair("2027-03-01", "2027-04-09"));
}

#[test]
fn relative_windows_resolve_or_stay_relative() {
    let body =
        "## Timeline\n\n| Phase | Dates |\n|---|---|\n| Crawl | within 60 days of signing |\n";
    // Nothing to count from: no dates are made up.
    let c = md(body);
    let p = &c.phases[0];
    assert_eq!(days(p), (None, None));
    assert!(matches!(
        p.start.as_ref().unwrap().value,
        Ok(DateValue::Relative(_))
    ));
    assert_eq!(p.relative.as_ref().unwrap().anchor, None);
    // Signed on 1 Feb 2027: counted from then.
    let c = md(&format!(
        "{body}\n## Signatures\n\n- [x] Dana Reyes, Acme, 2027-02-01\n"
    ));
    if !c.signatures.is_empty() && c.signatures[0].date.is_some() {
        assert_eq!(days(&c.phases[0]), pair("2027-02-01", "2027-04-02"));
        assert_eq!(
            c.phases[0].relative.as_ref().unwrap().anchor,
            Some(date(2027, 2, 1))
        );
    }
    // After the previous phase.
    let c = md("## Timeline\n\n| Phase | Dates |\n|---|---|\n| Crawl | 2027-01-04 to 2027-02-12 |\n| Walk | for 8 weeks after crawl |\n");
    assert_eq!(days(&c.phases[1]), pair("2027-02-13", "2027-04-09"));
}

#[test]
fn sentences_and_inline_labels_are_phases() {
    let c = md("## Timeline\n\nThe crawl phase runs from 6 April to 15 May 2027, with two pilot stores. Go/No-Go: ≥ 20% faster close.\n");
    assert_eq!(c.phases.len(), 1);
    let p = &c.phases[0];
    assert_eq!(days(p), pair("2027-04-06", "2027-05-15"));
    assert_eq!(p.bar.as_ref().map(|n| n.value), Some(20.0));
    let c = md("## Timeline\n\n- Crawl (6 Apr – 15 May 2027): two pilots. Go/No-Go: ≥ 20% faster close. Result: passed, 31%\n");
    let p = &c.phases[0];
    assert_eq!(days(p), pair("2027-04-06", "2027-05-15"));
    assert_eq!(p.scope.as_ref().unwrap().text, "two pilots");
    assert_eq!(p.go_no_go.as_ref().unwrap().text, "≥ 20% faster close");
    assert_eq!(p.result.as_ref().unwrap().text, "passed, 31%");
    assert_eq!(p.achieved.as_ref().map(|n| n.value), Some(31.0));
}

#[test]
fn bars_in_words_and_shares() {
    for (bar, want) in [
        ("seventy per cent adopt", 70.0),
        ("9 of 12 (75%) stores live", 75.0),
        ("6 of 10 stores live", 60.0),
    ] {
        assert_eq!(
            super::largest_percent(bar).map(|n| n.value),
            Some(want),
            "{bar}"
        );
    }
    assert!(super::largest_percent("customers are happy").is_none());
}

/// The quick test for a percentage skips only texts the number reader finds none in.
#[test]
fn texts_skipped_for_percentages_hold_none() {
    use crate::value::number::{numbers_in, NumberKind};
    for t in [
        "ROI model holds at 40 accounts",
        "≥ 20% fewer stock-outs",
        "twenty PER CENT adopt",
        "70 Percent",
        "12 PCT",
        "nine OF twelve stores",
        "seven IN ten depots",
        "9/12 stores",
        "9 out of 12",
        "40 accounts by Q3, 3 weeks",
        "",
    ] {
        let reference = numbers_in(t)
            .filter(|n| matches!(n.kind, NumberKind::Percent | NumberKind::Share { .. }))
            .reduce(|a, b| if b.value > a.value { b } else { a });
        assert_eq!(super::largest_percent(t), reference, "{t}");
        if !super::may_state_percent(t) {
            assert!(reference.is_none(), "{t}");
        }
    }
}

#[test]
fn toml_phases_use_the_same_reader() {
    let src = "[[timeline.phase]]\nname = \"crawl\"\ndates = \"Apr 6 – May 15, 2027\"\ngo-no-go = \"at least twenty percent faster\"\n\
        [[timeline.phase]]\nname = \"walk\"\nstart = \"16 May 2027\"\nend = \"31 April 2027\"\n";
    let vocab = crate::vocab::default_vocab();
    let c = crate::parse::parse(
        &Source::new("t.toml", src.to_string()),
        Format::Toml,
        &vocab,
    );
    assert_eq!(days(&c.phases[0]), pair("2027-04-06", "2027-05-15"));
    assert_eq!(c.phases[0].bar.as_ref().map(|n| n.value), Some(20.0));
    assert_eq!(c.phases[1].start_date(), Some(date(2027, 5, 16)));
    assert!(matches!(
        c.phases[1].end.as_ref().unwrap().value,
        Ok(DateValue::NoSuchDay(_))
    ));
}

#[test]
fn iso_values_read_without_the_grammar_read_as_with_it() {
    let src_of = |s: &str| (s.to_string(), crate::model::Span::new(0, s.len()));
    let mut fast = 0;
    let mut check = |s: &str| {
        let (src, span) = src_of(s);
        if let Some((found, days)) = super::iso_value(&src) {
            assert_eq!(vec![found], super::all_dates(&src, span, &src), "{s}");
            // The two days of a range stand where the ISO scan finds them.
            let isos: Vec<_> = crate::parse::markdown::iso_dates(&src, span)
                .map(|t| t.span.start..t.span.end)
                .collect();
            match days {
                Some((a, b)) => assert_eq!(isos, vec![a, b], "{s}"),
                None => assert_eq!(isos.len(), 1, "{s}"),
            }
            fast += 1;
        }
    };
    for y in [1899, 1900, 2000, 2027, 2028, 2199, 2200] {
        for m in 0..=13 {
            for d in 0..=32 {
                check(&format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    for s in [
        "2027-01-10 to 2027-03-31",
        "2027-03-31 to 2027-01-10",
        "2027-01-10 to 2027-01-10",
        "2027-02-29 to 2027-03-31",
        "2028-02-29 to 2028-03-31",
        "2027-01-10 to 2027-03-31 to 2027-04-01",
        "2027-01-10  to 2027-03-31",
        "2027-1-10",
        "2027-01-10 onwards",
        "1899-01-10 to 2027-03-31",
    ] {
        check(s);
    }
    assert!(fast > 1000, "{fast}");
}

#[test]
fn a_result_records_its_headline_figure_not_the_asides() {
    for (result, want) in [
        (
            "Passed: minus 23,4 % (Lohmeier 26,1 %, Paketzentrum 21,0 %)",
            Some(23.4),
        ),
        ("Passed, 27% lower error (D1.1, 2026-12-04)", Some(27.0)),
        ("passed, 31%", Some(31.0)),
        // Only in brackets: the first there.
        ("Passed (31%; 9 of 12 stores)", Some(31.0)),
        // The first written, not the largest.
        ("19% faster close, 12 of 12 stores live", Some(19.0)),
        ("9 of 11 (82%)", Some(900.0 / 11.0)),
        ("passed", None),
    ] {
        let got = super::result_percent(result).map(|n| n.value);
        match (got, want) {
            (Some(g), Some(w)) => assert!((g - w).abs() < 1e-9, "{result}: {g}"),
            _ => assert_eq!(got, want, "{result}"),
        }
    }
}

#[test]
fn a_result_still_under_way_records_no_figure() {
    for t in [
        "In progress: 5 of 8 live",
        "🟡 ongoing, 40%",
        "Under way (6 of 10)",
        "not yet measured",
        "Still running: 55%",
    ] {
        assert!(super::says_under_way(t), "{t}");
    }
    for t in [
        "Passed, 31%",
        "Runner-up 40%",
        "Progressed to walk: 31%",
        "Stillwater passed",
    ] {
        assert!(!super::says_under_way(t), "{t}");
    }
    let c = md(
        "## Timeline\n\n| Phase | Dates | Go/No-Go | Result |\n|---|---|---|---|\n\
        | Walk | 2027-01-11 to 2027-04-02 | at least 70% live | In progress: 5 of 8 live |\n",
    );
    let p = &c.phases[0];
    assert!(p.under_way);
    assert!(p.achieved.is_none());
    assert_eq!(p.result.as_ref().unwrap().text, "In progress: 5 of 8 live");
}
