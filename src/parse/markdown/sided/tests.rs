use crate::model::Format;
use crate::source::Source;

const FM: &str = "---\ncompany: Birch Analytics\npartner: Kettle Foods\ntier: 3\n---\n\n";

/// Each governance field of `text` as (key, label, value), read through their spans.
fn governance(text: &str) -> Vec<(String, String, String)> {
    let vocab = crate::vocab::default_vocab();
    let source = Source::new("t.charter.md", text.to_string());
    let c = crate::parse::parse(&source, Format::Markdown, &vocab);
    let sec = c.section("governance").expect("governance");
    let at = |sp: crate::model::Span| text[sp.start..sp.end].to_string();
    sec.fields
        .iter()
        .map(|f| (f.key.clone(), at(f.label.span), at(f.value.span)))
        .collect()
}

fn field(key: &str, label: &str, value: &str) -> (String, String, String) {
    (key.into(), label.into(), value.into())
}

#[test]
fn one_label_over_both_sides_parts_gives_each_side_its_holder() {
    let text = format!(
        "{FM}## Governance\n\nExecutive sponsors: Birch: Dana Wu, CEO · Kettle Foods: Mei Lo, GM\n"
    );
    assert_eq!(
        governance(&text),
        [
            field("our-sponsor", "Birch", "Dana Wu, CEO"),
            field("partner-sponsor", "Kettle Foods", "Mei Lo, GM"),
        ]
    );
}

#[test]
fn a_table_row_whose_value_names_both_sides_is_split_by_sentence() {
    let text = format!(
        "{FM}## Governance\n\n| Term | Provision |\n|---|---|\n\
         | **16.1 Owners** | Birch: Ravi Menon, COO. Kettle: Alan Birt, CFO. Each decides for its side. |\n"
    );
    assert_eq!(
        governance(&text),
        [
            field("our-owner", "Birch", "Ravi Menon, COO."),
            field(
                "partner-owner",
                "Kettle",
                "Alan Birt, CFO. Each decides for its side."
            ),
        ]
    );
}

#[test]
fn a_value_naming_one_side_or_no_side_is_left_to_the_other_readers() {
    // One side only: the label reader's reading stands.
    let one = format!("{FM}## Governance\n\nDecision owner: Birch: Ravi Menon, COO\n");
    assert!(governance(&one).iter().all(|(k, ..)| k != "partner-owner"));
    // Colons that name no side (`Escalation: owners: 3 days`).
    let none = format!("{FM}## Governance\n\nEscalation: owners: 3 days, then the COOs.\n");
    assert_eq!(governance(&none).len(), 1);
}

#[test]
fn holders_joined_by_and_each_name_their_side_in_an_aside() {
    let text = format!(
        "{FM}## Governance\n\nDecision owners: Dana Wu (COO, Birch) and Mei Lo (Kettle Foods).\n"
    );
    assert_eq!(
        governance(&text),
        [
            field("our-owner", "Birch", "Dana Wu (COO, Birch)"),
            field("partner-owner", "Kettle Foods", "Mei Lo (Kettle Foods)"),
        ]
    );
    // A second sentence is not the label's: left to the other readers.
    let text = format!(
        "{FM}## Governance\n\nOwners: Dana Wu (Birch) and Mei Lo (Kettle Foods). Escalation to the CEOs.\n"
    );
    assert!(!governance(&text)
        .iter()
        .any(|(_, label, _)| label == "Kettle Foods"));
}

#[test]
fn a_value_may_have_parts_by_a_colon_an_aside_or_a_possessive() {
    use super::may_have_parts;
    for yes in [
        "A: x",
        "Dana (Fernhill)",
        "Fernhill's CRO",
        "Fernhill’s CRO and",
    ] {
        assert!(may_have_parts(yes.as_bytes()).is_some(), "{yes}");
    }
    for no in ["the CRO and the VP", "don't", "it’s", "’", "'s"] {
        assert!(may_have_parts(no.as_bytes()).is_none(), "{no}");
    }
}
