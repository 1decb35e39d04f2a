use super::*;

#[test]
fn tiers_parse_by_number_and_name() {
    assert_eq!(Tier::parse("2"), Some(Tier::Partnership));
    assert_eq!(Tier::parse("Tier 3"), Some(Tier::Strategic));
    assert_eq!(Tier::parse(" Integration "), Some(Tier::Integration));
    assert_eq!(Tier::parse("4"), None);
    assert_eq!(Tier::parse("gold"), None);
}

#[test]
fn leverage_ignores_spelling_of_co_marketing() {
    for s in [
        "co-marketing",
        "Co Marketing",
        "comarketing",
        "co_marketing",
    ] {
        assert_eq!(Leverage::parse(s), Some(Leverage::CoMarketing), "{s}");
    }
    assert_eq!(Leverage::parse("vibes"), None);
}

#[test]
fn missing_status_counts_as_draft() {
    let mut m = Meta::default();
    assert!(m.is_draft());
    m.status = Some(Parsed::status(Text::new("walk", Span::default())));
    assert!(!m.is_draft());
}
