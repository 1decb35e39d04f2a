use super::*;
use jiff::civil::date;

/// Each found value, shortly: `day 2027-03-01`, `range 2027-04-06..2027-05-15`.
fn show(v: &DateValue) -> String {
    match v {
        DateValue::Day(d) => format!("day {d}"),
        DateValue::Period { first, last, .. } => format!("period {first}..{last}"),
        DateValue::Range { start, end } => format!("range {start}..{end}"),
        DateValue::From(d) => format!("from {d}"),
        DateValue::Until(d) => format!("until {d}"),
        DateValue::Ongoing => "ongoing".into(),
        DateValue::Relative(r) => format!(
            "rel {:?} {}m{}d..{}m{}d",
            r.anchor, r.start.months, r.start.days, r.end.months, r.end.days
        ),
        DateValue::Ambiguous {
            day_first,
            month_first,
        } => format!("ambiguous {day_first}|{month_first}"),
        DateValue::NoSuchDay(n) => format!("no such day {n}"),
    }
}

fn all(text: &str) -> Vec<String> {
    dates_in(text)
        .map(|f| format!("{} @{}", show(&f.value), &text[f.range]))
        .collect()
}

#[test]
fn reads_every_form() {
    let cases: &[(&str, &str)] = &[
        ("2027-03-01", "day 2027-03-01"),
        ("1 March 2027", "day 2027-03-01"),
        ("1st March 2027", "day 2027-03-01"),
        ("March 1, 2027", "day 2027-03-01"),
        ("Mar 1 2027", "day 2027-03-01"),
        ("1 Mar. 2027", "day 2027-03-01"),
        ("Monday 1 March 2027", "day 2027-03-01"),
        ("1st of March 2027", "day 2027-03-01"),
        ("2027-03", "period 2027-03-01..2027-03-31"),
        ("March 2027", "period 2027-03-01..2027-03-31"),
        ("Q3 2027", "period 2027-07-01..2027-09-30"),
        ("H2 2027", "period 2027-07-01..2027-12-31"),
        ("Apr 6 – May 15, 2027", "range 2027-04-06..2027-05-15"),
        ("2 Nov – 18 Dec 2026", "range 2026-11-02..2026-12-18"),
        ("6–24 April 2027", "range 2027-04-06..2027-04-24"),
        (
            "11 January -- 26 February 2027",
            "range 2027-01-11..2027-02-26",
        ),
        (
            "January 4 --- February 26, 2027",
            "range 2027-01-04..2027-02-26",
        ),
        ("6 April to 15 May 2027", "range 2027-04-06..2027-05-15"),
        (
            "from 6 April 2027 to 15 May 2027",
            "range 2027-04-06..2027-05-15",
        ),
        ("2027-04-06 → 2027-05-15", "range 2027-04-06..2027-05-15"),
        ("2027-04-06..2027-05-15", "range 2027-04-06..2027-05-15"),
        ("2027-04-06 -> 2027-05-15", "range 2027-04-06..2027-05-15"),
        (
            "between 6 April and 15 May 2027",
            "range 2027-04-06..2027-05-15",
        ),
        ("2 Nov – 18 Jan 2028", "range 2027-11-02..2028-01-18"),
        ("Q3 – Q4 2027", "range 2027-07-01..2027-12-31"),
        ("from Q3 2027, ongoing", "from 2027-07-01"),
        ("from 1 Sep 2027", "from 2027-09-01"),
        ("1 Sep 2027 onwards", "from 2027-09-01"),
        ("Aug 2027 →", "from 2027-08-01"),
        ("Q3 2027 –", "from 2027-07-01"),
        ("Sep 2027 ->", "from 2027-09-01"),
        ("Jan 2028+", "from 2028-01-01"),
        ("until 31 Dec 2027", "until 2027-12-31"),
        ("ongoing", "ongoing"),
        ("within 60 days of signing", "rel Signing 0m0d..0m60d"),
        (
            "within sixty days of contract signature",
            "rel Signing 0m0d..0m60d",
        ),
        ("6 weeks from kickoff", "rel Kickoff 0m42d..0m42d"),
        ("2 weeks before kick-off", "rel Kickoff 0m-14d..0m-14d"),
        (
            "10 weeks starting 19 Apr 2027",
            "range 2027-04-19..2027-06-27",
        ),
        ("weeks 1–6", "rel Start 0m0d..0m41d"),
        ("months 4–9", "rel Start 3m0d..9m-1d"),
        (
            "week 3 after the previous phase",
            "rel PreviousPhase 0m14d..0m20d",
        ),
        (
            "for 8 weeks after crawl",
            "rel Named(\"crawl\") 0m0d..0m55d",
        ),
        ("03/04/2027", "ambiguous 2027-04-03|2027-03-04"),
        ("25/04/2027", "day 2027-04-25"),
        ("04/25/2027", "day 2027-04-25"),
        ("04/04/2027", "day 2027-04-04"),
        ("25.04.2027", "day 2027-04-25"),
        // Dotted dates are day first by convention (German, Spanish, …), so `01.03` too.
        ("01.03.2027", "day 2027-03-01"),
        ("31.06.2027", "no such day 2027-06-31"),
        ("02-Dec-2026", "day 2026-12-02"),
        ("2-december-2026", "day 2026-12-02"),
        ("31-Jun-2027", "no such day 2027-06-31"),
        ("11-Jan-2027 to 26-Feb-2027", "range 2027-01-11..2027-02-26"),
        ("11-Jan to 26-Feb-2027", "range 2027-01-11..2027-02-26"),
        (
            "from 12.04.2027 until 30.09.2028",
            "range 2027-04-12..2028-09-30",
        ),
        ("12.10.2026 – 04.12.2026", "range 2026-10-12..2026-12-04"),
        ("31 April 2027", "no such day 2027-04-31"),
        ("2027-02-30", "no such day 2027-02-30"),
        ("31/04/2027", "no such day 2027-04-31"),
    ];
    for (text, want) in cases {
        assert_eq!(all(text), vec![format!("{want} @{text}")], "{text}");
        assert!(read_whole(text).is_some(), "{text}");
    }
}

#[test]
fn finds_dates_inside_sentences() {
    assert_eq!(
        all("Crawl runs 2 Nov – 18 Dec 2026; walk from Q1 2027, ongoing."),
        [
            "range 2026-11-02..2026-12-18 @2 Nov – 18 Dec 2026",
            "from 2027-01-01 @from Q1 2027, ongoing"
        ]
    );
    assert_eq!(
        all("Review on 2027-03-01 and again by March 1, 2027."),
        [
            "day 2027-03-01 @2027-03-01",
            "day 2027-03-01 @March 1, 2027"
        ]
    );
}

#[test]
fn leaves_non_dates_alone() {
    for text in [
        "3.2",
        "2027 revenue",
        "Q3",
        "in Q3 we ship",
        "1/2",
        "1 March",
        "pages 6-24",
        "3-may-be",
        "02-Dec",
        "1-2 weeks",
        "5 may be late",
        "within 10 business days",
        "6 weeks",
        "version 2027-13",
        "1200 engineers in March",
        "",
    ] {
        assert_eq!(all(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn reads_whole_values_only() {
    assert_eq!(
        read_whole("  1 March 2027. "),
        Some(DateValue::Day(date(2027, 3, 1)))
    );
    assert_eq!(read_whole("1 March 2027 or later"), None);
    assert_eq!(read_whole("TBD"), None);
    assert_eq!(read_whole("Q3"), None);
}

#[test]
fn resolves_relative_windows() {
    let Some(DateValue::Relative(r)) = read_whole("within 60 days of signing") else {
        panic!("not relative");
    };
    assert_eq!(
        r.resolve(date(2027, 1, 1)),
        Some(DateValue::Range {
            start: date(2027, 1, 1),
            end: date(2027, 3, 2)
        })
    );
    let Some(DateValue::Relative(r)) = read_whole("months 4–9") else {
        panic!("not relative");
    };
    assert_eq!(
        r.resolve(date(2027, 1, 1)),
        Some(DateValue::Range {
            start: date(2027, 4, 1),
            end: date(2027, 9, 30)
        })
    );
    let Some(DateValue::Relative(r)) = read_whole("6 weeks from kickoff") else {
        panic!("not relative");
    };
    assert_eq!(
        r.resolve(date(2027, 1, 1)),
        Some(DateValue::Day(date(2027, 2, 12)))
    );
}

#[test]
fn iso_day_reads_what_the_grammar_finds_first() {
    let years = [1899, 1900, 1901, 1999, 2024, 2026, 2100, 2199, 2200, 9999];
    let mut texts = vec![
        "2026-04-11 ".to_string(),
        " 2026-04-11".to_string(),
        "2026-4-11".to_string(),
        "2026/04/11".to_string(),
        "0000-00-00".to_string(),
    ];
    for y in years {
        for m in 0..=13 {
            for d in 0..=32 {
                texts.push(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    for t in &texts {
        let full = dates_in(t).next().map(|f| f.value);
        if let Some(day) = iso_day(t) {
            assert_eq!(full, Some(DateValue::Day(day)), "{t}");
        }
        assert_eq!(first_in(t), full, "{t}");
    }
}
