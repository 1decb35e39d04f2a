use crate::vocab::{default_vocab, Names};

fn field(section: &str, label: &str) -> Option<String> {
    let v = default_vocab();
    let names = Names::new(Some("Helix Forms"), Some("Aldermoor City Council"));
    v.field_for(section, label, &names).map(str::to_string)
}

#[test]
fn a_label_naming_a_side_is_that_sides_only_field() {
    assert_eq!(field("goals", "Helix's objective").as_deref(), Some("us"));
    assert_eq!(
        field("goals", "The Council's main aim").as_deref(),
        Some("partner")
    );
    assert_eq!(
        field("goals", "Objective for shared customers (press operators)").as_deref(),
        Some("customers")
    );
}

#[test]
fn among_a_sides_fields_their_own_words_decide() {
    let f = |l| field("value-exchange", l);
    assert_eq!(f("What Helix stands to lose").as_deref(), Some("we-lose"));
    assert_eq!(f("If it fails, Helix loses").as_deref(), Some("we-lose"));
    assert_eq!(
        f("What the Council loses if this doesn't work").as_deref(),
        Some("partner-loses")
    );
    assert_eq!(f("Helix's exposure").as_deref(), Some("we-lose"));
    assert_eq!(
        f("What the Council puts in").as_deref(),
        Some("partner-gives")
    );
    // Words that tell nothing, or two sides at once: not read.
    assert_eq!(f("Helix's team"), None);
    assert_eq!(f("Helix commits, the Council loses"), None);
    // Sections without sides are never read by side.
    assert_eq!(field("exit", "If Helix loses"), None);
}

#[test]
fn a_group_of_people_alone_is_the_shared_customers() {
    let f = |l| field("goals", l);
    for label in [
        "Shoppers",
        "Employers",
        "Small-business clients",
        "Patients (shared)",
        "Sellers we share",
        "Drivers win",
    ] {
        assert_eq!(f(label).as_deref(), Some("customers"), "{label}");
    }
    // Plurals that are not people, and people of a side, are not.
    assert_eq!(f("Targets"), None);
    assert_eq!(f("Key results"), None);
    assert_eq!(f("Others"), None);
    assert_eq!(f("Commitments"), None);
    assert_eq!(f("Indicators"), None);
    assert_eq!(f("Helix engineers").as_deref(), Some("us"));
    // Only sections with a field for people who are neither side read them.
    assert_eq!(field("value-exchange", "Shoppers"), None);
}

#[test]
fn our_group_of_people_is_the_shared_customers() {
    let f = |l| field("goals", l);
    assert_eq!(f("For our policyholders").as_deref(), Some("customers"));
    assert_eq!(f("For our members").as_deref(), Some("customers"));
    // `our` before what is no group of people is still us.
    assert_eq!(f("For our team").as_deref(), Some("us"));
}
