//! Labels as plain text writes them: leaders, colons that are no label, clauses that
//! introduce, asides that speak of both sides.

use super::{leader, separator};
use crate::model::Charter;
use crate::parse::markdown::tests::{check_spans, parse_str};

fn fields_of(c: &Charter, section: &str) -> Vec<(String, String, String)> {
    c.section(section)
        .map(|s| {
            s.fields
                .iter()
                .map(|f| (f.key.clone(), f.label.text.clone(), f.value.text.clone()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_leader_separates_a_key_from_its_value() {
    assert_eq!(separator("Sync ........ Monday"), Some((4, 14)));
    assert_eq!(separator("Owner ____ Ana: CEO"), Some((5, 11)));
    assert_eq!(separator("Owner ………… Ana"), Some((5, 19)));
    // A colon before a leader is the label's.
    assert_eq!(separator("Owner: Ana ..... CEO"), Some((5, 6)));
    // Prose dots are no leader: an ellipsis, a full stop, a number.
    assert_eq!(leader("We will see ... and then", false), None);
    assert_eq!(leader("We will see … and then", false), None);
    assert_eq!(leader("It ends. Then 1.5 FTE", false), None);
    // The metadata reader's looser leaders still read.
    assert_eq!(leader("Tier\t2", true), Some((4, 5)));
    assert_eq!(leader("Tier    2", true), Some((4, 8)));
}

#[test]
fn a_colon_in_a_time_a_ratio_or_an_address_is_no_label() {
    assert_eq!(separator("Monday 08:30 call"), None);
    assert_eq!(separator("a 3:1 split"), None);
    assert_eq!(separator("see https://example.org"), None);
    assert_eq!(separator("Sync at 08:30: weekly"), Some((13, 14)));
}

#[test]
fn leader_lines_in_one_paragraph_are_one_label_each() {
    let text = "---\ncompany: Greenvale\npartner: Polar Run\n---\n\n## Who decides\n\n\
        \x20 Decision owner, Greenvale ..... Derek Halloway, Head of Ops\n\
        \x20 Decision owner, Polar Run ..... Nadia Obi, Account Director\n\
        \x20 Sync .......................... Monday 08:30 ops call, weekly\n\
        \x20 Escalation .................... if not settled on the call,\n\
        \x20                                 to the two MDs.\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let f = fields_of(&c, "governance");
    let keys: Vec<&str> = f.iter().map(|(k, _, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        ["our-owner", "partner-owner", "sync-cadence", "escalation"]
    );
    assert_eq!(f[1].1, "Decision owner, Polar Run");
    assert_eq!(f[1].2, "Nadia Obi, Account Director");
    assert_eq!(f[2].2, "Monday 08:30 ops call, weekly");
    assert!(f[3].2.ends_with("to the two MDs."), "{:?}", f[3]);
}

#[test]
fn a_clause_ending_in_a_colon_introduces_and_names_no_side() {
    let text = "---\ncompany: Greenvale\npartner: Polar Run\n---\n\n## Goals\n\n\
        What each of us wants out of it, in plain terms:\n\n\
        - Polar Run: fuller vans.\n- Shoppers: chilled goods the same day.\n";
    let c = parse_str(text);
    let keys: Vec<String> = fields_of(&c, "goals").into_iter().map(|f| f.0).collect();
    assert_eq!(keys, ["partner", "customers"]);
    assert!(c.unread.is_empty(), "{:?}", c.unread);
}

#[test]
fn an_aside_speaking_of_both_sides_leaves_the_people_neither_side() {
    let text = "---\ncompany: Greenvale\npartner: Polar Run\n---\n\n## Goals\n\n\
        - Greenvale: more baskets.\n\
        - Customers (shoppers ordering from both of us): chilled goods.\n\
        - Us (the store teams): fewer vans.\n\
        - Field engineers (our shared users): no lost jobs.\n\
        - Utility field crews (our shared users): no job lost to a missing map.\n";
    let c = parse_str(text);
    let keys: Vec<String> = fields_of(&c, "goals").into_iter().map(|f| f.0).collect();
    assert_eq!(keys, ["us", "customers", "us", "customers", "customers"]);
}

#[test]
fn a_dataview_double_colon_is_one_separator() {
    assert_eq!(separator("owner:: Ana"), Some((5, 7)));
    let text = "---\ncompany: Saltmarsh\n---\n\n## Governance\n\n- Saltmarsh owner:: [[Nadia Kurtz]], VP\n";
    let c = parse_str(text);
    assert_eq!(
        fields_of(&c, "governance"),
        [(
            "our-owner".to_string(),
            "Saltmarsh owner".to_string(),
            "Nadia Kurtz, VP".to_string()
        )]
    );
    check_spans(&c, text);
}
