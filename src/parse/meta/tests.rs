use super::*;

#[test]
fn reads_metadata_and_returns_the_rest() {
    let src = "partner = \"Northwind\"\ntier = 2\nleverage = \"economic\"\nnext_review = 2027-01-15\n[goals]\nus = \"x\"\n";
    let table = DeTable::parse(src).unwrap();
    let mut meta = Meta::default();
    let mut issues = Vec::new();
    let rest = read_meta(table.get_ref(), 10, &mut meta, &mut issues);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(meta.partner.as_ref().unwrap().text, "Northwind");
    assert_eq!(meta.tier.as_ref().unwrap().text.text, "2");
    assert_eq!(meta.leverage.len(), 1);
    assert_eq!(meta.next_review.as_ref().unwrap().text.text, "2027-01-15");
    let p = meta.partner.unwrap().span;
    assert_eq!(&src[p.start - 10..p.end - 10], "\"Northwind\"");
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].0.get_ref().as_ref(), "goals");
}

#[test]
fn dates_keep_their_written_text_with_the_source() {
    // The parser rejects the day but keeps the key; the text must survive for `invalid-date`.
    let src = "created = 2026-02-30\nnext-review = 2027-01-15 10:00:00\n";
    let (table, errors) = DeTable::parse_recoverable(src);
    assert_eq!(errors.len(), 1);
    let mut meta = Meta::default();
    let mut issues = Vec::new();
    read_meta_in(table.get_ref(), 0, src, &mut meta, &mut issues);
    assert_eq!(meta.created.unwrap().text.text, "2026-02-30");
    assert_eq!(meta.next_review.unwrap().text.text, "2027-01-15 10:00:00");
}

#[test]
fn datetimes_are_written_as_their_display_writes_them() {
    for text in [
        "2026-07-08",
        "0001-01-01",
        "9999-12-31",
        "2026-02-30",
        "2026-07-08T10:00:00",
        "2026-07-08 10:00:00.120Z",
        "2026-07-08T10:00:00+05:30",
        "10:00:00",
    ] {
        if let Ok(d) = text.parse::<Datetime>() {
            assert_eq!(datetime_text(&d), d.to_string(), "{text:?}");
        }
    }
    for (year, month, day) in [
        (0, 0, 0),
        (7, 1, 9),
        (999, 10, 99),
        (9999, 99, 10),
        (10000, 1, 1),
        (65535, 255, 255),
        (2026, 100, 1),
        (2026, 1, 100),
    ] {
        let date = toml::value::Date { year, month, day };
        let d = Datetime {
            date: Some(date),
            time: None,
            offset: None,
        };
        assert_eq!(datetime_text(&d), d.to_string(), "{date:?}");
    }
}

#[test]
fn canonical_keys_are_borrowed_when_already_canonical() {
    for key in [
        "next-review",
        "Next_Review",
        " tier\t",
        "\u{a0}tier\u{a0}",
        "\u{b}tier",
        "",
        " ",
        "É_x",
        "we-give",
    ] {
        let old = key.trim().to_ascii_lowercase().replace('_', "-");
        assert_eq!(canonical(key), old, "{key:?}");
    }
    assert!(matches!(canonical("next-review"), Cow::Borrowed(_)));
    assert!(matches!(canonical("next_review"), Cow::Owned(_)));
}

#[test]
fn wrong_types_and_typos_are_issues() {
    let table = DeTable::parse("tier = [1]\n").unwrap();
    let mut meta = Meta::default();
    let mut issues = Vec::new();
    read_meta(table.get_ref(), 0, &mut meta, &mut issues);
    assert_eq!(issues[0].kind, IssueKind::WrongType);
    assert_eq!(closest("parnter", META_KEYS), Some("partner"));
    assert_eq!(closest("next_reveiw", META_KEYS), Some("next-review"));
    assert_eq!(closest("zzz", META_KEYS), None);
}

#[test]
fn a_tracker_names_the_sides_as_us_and_them() {
    assert_eq!(meta_key("Us"), Some("company"));
    assert_eq!(meta_key("Our side"), Some("company"));
    assert_eq!(meta_key("Them"), Some("partner"));
    assert_eq!(meta_key("Their side"), Some("partner"));
}

#[test]
fn keys_are_read_by_their_words_with_asides_set_apart() {
    for (key, want) in [
        ("Company (Coordinator)", "company"),
        ("Next review (Steering Committee)", "next-review"),
        ("Date of agreement", "created"),
        ("Date of creation", "created"),
        ("Start Date", "created"),
        ("Effective date", "created"),
        ("Next revision", "next-review"),
        ("Next check-in", "next-review"),
        ("Date of next review", "next-review"),
        ("Date of the next check-in", "next-review"),
        ("Partnership tier", "tier"),
        ("Leverage (select all that apply)", "leverage"),
    ] {
        assert_eq!(meta_key(key), Some(want), "{key:?}");
    }
    for key in [
        "Date",
        "Review",
        "Duration",
        "Project acronym",
        "(Company)x y z w",
    ] {
        assert_eq!(meta_key(key), None, "{key:?}");
    }
}
