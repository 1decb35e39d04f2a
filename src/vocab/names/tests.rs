use super::*;
use crate::vocab::normalize;
use crate::vocab::testkit::{tricky, NamesReference, NAME_PAIRS};

#[test]
fn same_is_equality() {
    let words = [
        "",
        "a",
        "ab",
        "goals",
        "exit",
        "metrics",
        "timeline",
        "governance",
    ];
    let mut texts: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    for n in 0..40 {
        let t = "signatures value-exchange é💰"
            .chars()
            .cycle()
            .take(n)
            .collect::<String>();
        let mut u = t.clone().into_bytes();
        if let Some(b) = u.get_mut(n / 2) {
            *b ^= 1;
        }
        texts.push(t);
        texts.extend(String::from_utf8(u).ok());
    }
    for a in &texts {
        for b in &texts {
            assert_eq!(same(a.as_bytes(), b.as_bytes()), a == b, "{a:?} {b:?}");
        }
    }
}

#[test]
fn sides_agree_with_the_reference() {
    for pair in NAME_PAIRS {
        let names = Names::new(pair.0, pair.1);
        let reference = NamesReference::new(pair);
        for s in tricky() {
            assert_eq!(names.side_of(&s), reference.side_of(&s), "{s:?}");
        }
    }
}

proptest::proptest! {
    /// Names and labels made of the same few words, so that they meet often.
    #[test]
    fn names_are_read_as_the_plain_search_reads_them(
        company in "(keel|north|wind|ab|a|é|İ| |-){0,5}",
        partner in "(keel|north|wind|ab|a|é|İ| |-){0,5}",
        label in "(keel|KEEL|Keel|North|Keel|north|wind|ab|a|é|İ|gives|for| |&|\\+|'|’){0,9}",
    ) {
        let pair = (Some(company.as_str()), Some(partner.as_str()));
        let names = Names::new(pair.0, pair.1);
        let reference = NamesReference::new(pair);
        let n = normalize(&label);
        proptest::prop_assert_eq!(names.tokenize(&n), reference.tokenize(&n));
        proptest::prop_assert_eq!(names.side_of(&label), reference.side_of(&label));
    }

    /// Names and labels where the search is easiest to get wrong: possessives, repeats
    /// that overlap (`ab ab` in `xab ab ab`, skipped past) and braces, which a token put
    /// in for the other side may start. Pins the search for any shortcut before it.
    #[test]
    fn names_with_overlaps_and_braces_are_read_as_the_plain_search_reads_them(
        company in "(keel|ab|a|s|x|\\{|\\}|\\{company\\}|\\{partner\\}| |'){0,5}",
        partner in "(keel|ab|a|s|x|\\{|\\}|\\{company\\}|\\{partner\\}| |'){0,5}",
        label in "(keel|ab|a|s|x|\\{|\\}|\\{company\\}|the|gives| |'){0,9}",
    ) {
        let pair = (Some(company.as_str()), Some(partner.as_str()));
        let names = Names::new(pair.0, pair.1);
        let reference = NamesReference::new(pair);
        let n = normalize(&label);
        proptest::prop_assert_eq!(names.tokenize(&n), reference.tokenize(&n));
        proptest::prop_assert_eq!(names.side_of(&label), reference.side_of(&label));
    }
}

#[test]
fn sides_are_told_by_name() {
    let names = Names::new(Some("Keel"), Some("Northwind Ledger"));
    assert_eq!(names.side_of("Dana Ruiz, COO, Keel"), Some(Side::Company));
    assert_eq!(
        names.side_of("Ravi Shah, VP Partnerships, Northwind"),
        Some(Side::Partner)
    );
    assert_eq!(names.side_of("Someone else"), None);
}

#[test]
fn labels_name_a_side_by_its_bracketed_abbreviation_or_last_word() {
    let names = Names::new(
        Some("Hearthstone Energy Ltd"),
        Some("Pennine Community Pharmacy Network (PCPN), 61 member pharmacies"),
    );
    let t = |s: &str| names.tokenize(&normalize(s));
    assert_eq!(
        t("PCPN contributes").as_deref(),
        Some("{partner} contributes")
    );
    assert_eq!(t("For the Network").as_deref(), Some("for {partner}"));
    assert_eq!(
        t("Energy decision owner").as_deref(),
        Some("{company} decision owner")
    );
    assert_eq!(
        t("Pennine Community Pharmacy Network gives").as_deref(),
        Some("{partner} gives")
    );
    // `(Osaka)` describes the name: not an abbreviation.
    let names = Names::new(Some("Kaizu Heavy Industries Co., Ltd. (Osaka)"), None);
    assert_eq!(names.tokenize("osaka gives"), None);
    assert_eq!(
        names.tokenize("the industries commitment").as_deref(),
        Some("{company} commitment")
    );
    // The last word both names share names neither; signer lines are not read by it.
    let names = Names::new(Some("Alpha Systems"), Some("Beta Systems"));
    assert_eq!(names.tokenize("systems gives"), None);
    let names = Names::new(Some("Kinetic Rehab"), Some("Ashgrove NHS Foundation Trust"));
    assert_eq!(names.side_of("Jo Bloggs, Trust lead"), None);
    assert_eq!(names.tokenize("bathe {x}"), None);
    // The first and last words together are one name: `From Nilgiri Trust`.
    let names = Names::new(
        Some("Vidyapath"),
        Some("Nilgiri Public Schools Trust (Coimbatore)"),
    );
    assert_eq!(
        names.tokenize("from nilgiri trust").as_deref(),
        Some("from {partner}")
    );
    assert_eq!(
        names.tokenize("nilgiri trusted").as_deref(),
        Some("{partner} trusted")
    );
}

#[test]
fn pronoun_max_is_the_longest_pronoun() {
    let longest = super::PRONOUNS.iter().map(|(p, _)| p.len()).max();
    assert_eq!(longest, Some(super::people::PRONOUN_MAX));
}

#[test]
fn groups_of_people_or_organisations_are_plural_labels_naming_no_side() {
    let groups = [
        "member farms",
        "hotels",
        "students and parents",
        "smes",
        "clients families",
        "tenants of the council",
    ];
    for label in groups {
        assert!(is_group_form(label), "{label}");
    }
    let not = [
        "{company} farms",
        "our hotels",
        "both teams",
        "partners",
        "400 paying farm accounts",
        "status",
        "business",
        "requirements",
        "numbers",
        "and parents",
        "farms and",
        "the four member farms",
        "member farm",
        "appendix of figures",
        "the store teams",
        "assumptions",
        "key dependencies",
        "open questions",
    ];
    for label in not {
        assert!(!is_group_form(label), "{label}");
    }
}

#[test]
fn a_group_both_sides_share_is_found_whatever_its_noun() {
    assert_eq!(
        shared_group("the bookshops we both serve"),
        Some("bookshops")
    );
    assert_eq!(shared_group("stores we share"), Some("stores"));
    assert_eq!(shared_group("venues in common"), Some("venues"));
    // Not shared, or more than a group before it.
    assert_eq!(shared_group("the bookshops we win"), None);
    assert_eq!(shared_group("our stores we share"), None);
    // A verb in `s` is no group (`puts shared` opens a sentence).
    assert_eq!(shared_group("puts shared"), None);
    assert_eq!(shared_group("bookshops"), None);
}

#[test]
fn initials_take_no_possessive() {
    // "Yarrow Energy" is also `ye`: `Yes:` is no label naming it.
    let names = Names::new(Some("Beacon"), Some("Yarrow Energy"));
    assert_eq!(names.side_of("Yes"), None);
    assert_eq!(names.side_of("YE"), Some(Side::Partner));
    assert_eq!(names.side_of("Yarrow Energy's"), Some(Side::Partner));
}
