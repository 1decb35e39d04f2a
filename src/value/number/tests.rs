use super::*;

fn one(text: &str) -> Number {
    let all: Vec<Number> = numbers_in(text).collect();
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    assert_eq!(all[0].range.start, 0, "{text}");
    all[0].clone()
}

fn money(code: &str) -> NumberKind {
    NumberKind::Money {
        currency: Currency(code.as_bytes().try_into().unwrap()),
        per: None,
    }
}

#[test]
fn reads_every_form() {
    use NumberKind::*;
    let cases: Vec<(&str, f64, NumberKind, Option<Bound>)> = vec![
        ("1,200", 1200.0, Plain, None),
        ("1 200", 1200.0, Plain, None),
        ("12.5", 12.5, Plain, None),
        ("12,5 %", 12.5, Percent, None),
        ("1.200.000,50", 1_200_000.5, Plain, None),
        ("-5%", -5.0, Percent, None),
        ("≥ 20%", 20.0, Percent, Some(Bound::AtLeast)),
        (">= 20%", 20.0, Percent, Some(Bound::AtLeast)),
        ("at least 20 percent", 20.0, Percent, Some(Bound::AtLeast)),
        (
            "no less than seventy per cent",
            70.0,
            Percent,
            Some(Bound::AtLeast),
        ),
        ("> 70%", 70.0, Percent, Some(Bound::Above)),
        ("under 2%", 2.0, Percent, Some(Bound::Below)),
        ("at most 5%", 5.0, Percent, Some(Bound::AtMost)),
        ("below 3 %", 3.0, Percent, Some(Bound::Below)),
        ("above 90%", 90.0, Percent, Some(Bound::Above)),
        ("twenty per cent", 20.0, Percent, None),
        ("one hundred and ten percent", 110.0, Percent, None),
        ("twenty-five", 25.0, Plain, None),
        ("two million", 2e6, Plain, None),
        ("a dozen", 12.0, Plain, None),
        (
            "6 of 10 stores",
            60.0,
            Share {
                part: 6.0,
                whole: 10.0,
            },
            None,
        ),
        (
            "eight of the ten",
            80.0,
            Share {
                part: 8.0,
                whole: 10.0,
            },
            None,
        ),
        (
            "3 out of 4",
            75.0,
            Share {
                part: 3.0,
                whole: 4.0,
            },
            None,
        ),
        ("two thirds of invited stores", 200.0 / 3.0, Percent, None),
        ("three quarters of invited stores", 75.0, Percent, None),
        ("half of the pilots", 50.0, Percent, None),
        (
            "seven in ten depots",
            70.0,
            Share {
                part: 7.0,
                whole: 10.0,
            },
            None,
        ),
        (
            "3/4 stores",
            75.0,
            Share {
                part: 3.0,
                whole: 4.0,
            },
            None,
        ),
        ("£1.2m", 1.2e6, money("GBP"), None),
        ("EUR 240.000", 240e3, money("EUR"), None),
        ("EUR 1,1 Mio.", 1.1e6, money("EUR"), None),
        ("EUR 3,5", 3.5, money("EUR"), None),
        ("€ 1.250,50", 1250.5, money("EUR"), None),
        ("1,1 million", 1.1e6, Plain, None),
        ("23,4 %", 23.4, Percent, None),
        ("240.000", 240.0, Plain, None),
        ("£1.250m", 1.25e6, money("GBP"), None),
        ("JPY 18 million", 18e6, money("JPY"), None),
        ("CHF 250k", 250e3, money("CHF"), None),
        ("USD 1.2M", 1.2e6, money("USD"), None),
        ("$250K", 250e3, money("USD"), None),
        ("€400,000", 400e3, money("EUR"), None),
        ("EUR 400k", 400e3, money("EUR"), None),
        ("400 €", 400.0, money("EUR"), None),
        ("US$2m", 2e6, money("USD"), None),
        ("1.5bn", 1.5e9, Plain, None),
        ("two FTEs", 2.0, Headcount, None),
        ("2 FTE", 2.0, Headcount, None),
        ("0.5 FTE", 0.5, Headcount, None),
        ("a dedicated engineer", 1.0, Headcount, None),
        ("three senior backend engineers", 3.0, Headcount, None),
        ("half-time", 0.5, Headcount, None),
        ("6 weeks", 6.0, Duration(DurationUnit::Week), None),
        ("thirty days", 30.0, Duration(DurationUnit::Day), None),
        ("90-day", 90.0, Duration(DurationUnit::Day), None),
        ("10 business days", 10.0, Duration(DurationUnit::Day), None),
        (
            "from 5 days to 3",
            -40.0,
            Change { from: 5.0, to: 3.0 },
            None,
        ),
    ];
    for (text, value, kind, bound) in cases {
        let n = one(text);
        assert!((n.value - value).abs() < 1e-6, "{text}: {n:?}");
        assert_eq!((n.kind, n.bound), (kind, bound), "{text}");
    }
}

#[test]
fn money_per_period() {
    let n = one("£250k a year");
    assert_eq!(
        n.kind,
        NumberKind::Money {
            currency: Currency(*b"GBP"),
            per: Some(Per::Year)
        }
    );
}

#[test]
fn helpers_find_the_first_of_a_kind() {
    let text = "Close time from 5 days to 3, with two FTEs, a budget of £1.2m and ≥ 70% adoption.";
    assert_eq!(percent_in(text).map(|n| n.value), Some(70.0));
    assert_eq!(money_in(text).map(|n| n.value), Some(1.2e6));
    assert_eq!(headcount_in(text).map(|n| n.value), Some(2.0));
    let change = numbers_in(text).next().map(|n| n.kind);
    assert_eq!(change, Some(NumberKind::Change { from: 5.0, to: 3.0 }));
}

#[test]
fn leaves_words_alone() {
    for text in [
        "a plan for the partners",
        "ALL partners",
        "an owner",
        "6,7 and 8",
        // `in` makes a share only of a small whole that is not a year.
        "2 in 2027",
    ] {
        let kinds: Vec<_> = numbers_in(text).map(|n| (n.value, n.kind)).collect();
        assert!(
            kinds.iter().all(|(_, k)| *k == NumberKind::Plain),
            "{text}: {kinds:?}"
        );
    }
    // `two quarters` alone is a period, not a fraction.
    assert!(numbers_in("two quarters in a row").all(|n| n.kind != NumberKind::Percent));
    // Nor of a period.
    assert!(numbers_in("3 in 10 weeks").all(|n| !matches!(n.kind, NumberKind::Share { .. })));
    assert_eq!(numbers_in("a plan").count(), 0);
    assert_eq!(
        numbers_in("6,7").map(|n| n.value).collect::<Vec<_>>(),
        [6.0, 7.0]
    );
}
