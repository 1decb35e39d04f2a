//! Labels as people write them, tables by shape and signatures, read end to end.

use crate::model::{Charter, Side};
use crate::source::Source;
use crate::vocab::default_vocab;

const FM: &str = "---\ncompany: Northgate Transit Authority\npartner: Orbital Labs\n---\n";

fn read(body: &str) -> (String, Charter) {
    let text = format!("{FM}{body}");
    let c = crate::parse::markdown::parse(&Source::new("t.md", text.clone()), &default_vocab());
    (text, c)
}

fn field<'c>(c: &'c Charter, section: &str, key: &str) -> Option<&'c str> {
    c.field(section, key).map(|f| f.value.text.as_str())
}

#[test]
fn labels_on_lines_of_one_paragraph_are_each_read_with_their_spans() {
    for brk in ["\n", "  \n", "\\\n"] {
        let body = format!(
            "## Value exchange\n\n**NTA gives:** two engineers{brk}**Orbital gives:** the API{brk}**Our side:** ignored twice\n"
        );
        let (text, c) = read(&body);
        assert_eq!(
            field(&c, "value-exchange", "we-give"),
            Some("two engineers"),
            "{brk:?}"
        );
        let f = c.field("value-exchange", "partner-gives").unwrap();
        assert_eq!(f.value.text, "the API");
        assert_eq!(&text[f.label.span.start..f.label.span.end], "Orbital gives");
        assert!(text[f.value.span.start..f.value.span.end].starts_with("the API"));
    }
}

#[test]
fn wrapped_prose_is_not_cut_at_a_colon() {
    let (_, c) =
        read("## Value exchange\n\nWe put in a lot of work and the\nreason is simple: it pays.\n");
    assert!(c.section("value-exchange").unwrap().fields.is_empty());
    assert_eq!(c.section("value-exchange").unwrap().items.len(), 1);
}

#[test]
fn possessive_pronoun_clause_and_customer_labels() {
    let (_, c) = read(
        "## Goals\n\n- (a) **Northgate's goal:** fewer delays\n- **Their side:** more riders\n- **For member farms:** cheaper freight\n\n\
         ## Value exchange\n\n- 3.1 Orbital stands to lose: its roadmap slot\n\n\
         ## Governance\n\n- **Owner (us):** Ana\n- **Owner (partner):** Ben\n- **Relay:** Cy\n- **Snack rota:** Dee\n",
    );
    assert_eq!(field(&c, "goals", "us"), Some("fewer delays"));
    assert_eq!(field(&c, "goals", "partner"), Some("more riders"));
    assert_eq!(field(&c, "goals", "customers"), Some("cheaper freight"));
    assert_eq!(
        field(&c, "value-exchange", "partner-loses"),
        Some("its roadmap slot")
    );
    assert_eq!(field(&c, "governance", "our-owner"), Some("Ana"));
    assert_eq!(field(&c, "governance", "partner-owner"), Some("Ben"));
    assert_eq!(field(&c, "governance", "escalation"), Some("Cy"));
    let unread: Vec<&str> = c.unread.iter().map(|u| u.text.text.as_str()).collect();
    assert_eq!(unread, ["Snack rota"]);
}

#[test]
fn a_party_matrix_is_read_in_either_orientation() {
    let (_, c) = read(
        "## Value exchange\n\n| | NTA | Orbital |\n|---|---|---|\n| Gives | buses | software |\n| Loses if it fails | time | a reference |\n",
    );
    assert_eq!(field(&c, "value-exchange", "we-give"), Some("buses"));
    assert_eq!(
        field(&c, "value-exchange", "partner-loses"),
        Some("a reference")
    );
    let (_, c) = read(
        "## Governance\n\n| Party | Owner | Sponsor |\n|---|---|---|\n| Northgate | Ana | Eve |\n| Orbital | Ben | Fay |\n",
    );
    assert_eq!(field(&c, "governance", "partner-owner"), Some("Ben"));
    assert_eq!(field(&c, "governance", "our-sponsor"), Some("Eve"));
}

#[test]
fn a_review_column_is_the_metrics_cadence() {
    let (_, c) = read(
        "## Metrics\n\n| Metric | Target | Review |\n|---|---|---|\n| Riders | 40% | Monthly |\n",
    );
    assert_eq!(field(&c, "metrics", "cadence"), Some("Monthly"));
    assert_eq!(c.metrics.len(), 1);
}

#[test]
fn signatures_as_people_write_them() {
    let (_, c) = read(
        "## Signatures\n\n\
         - Signed: Ana Ruiz (COO, NTA), 12 Feb 2027\n\
         - Signed for and on behalf of Orbital Labs: ________ Date: ________\n\
         - Signed for Orbital: Ben Lee, Head of Alliances, 21 January 2027.\n\
         - Orbital Labs: to be signed 2027-02-01\n\
         - Northgate: /s/ Jane Roe\n\
         - Orbital — pending\n",
    );
    let got: Vec<(Option<Side>, bool)> = c.signatures.iter().map(|s| (s.side, s.signed)).collect();
    assert_eq!(
        got,
        [
            (Some(Side::Company), true),
            (Some(Side::Partner), false),
            (Some(Side::Partner), true),
            (Some(Side::Partner), false),
            (Some(Side::Company), true),
            (Some(Side::Partner), false),
        ]
    );
    assert_eq!(
        c.signatures[0].date.as_ref().map(|d| d.text.as_str()),
        Some("12 Feb 2027")
    );
}

#[test]
fn a_signature_table_reads_its_marks() {
    let (_, c) = read(
        "## Signatures\n\n| Name | Title | Signature | Date |\n|---|---|---|---|\n\
         | Ana (NTA) | COO | ✓ signed | 2027-01-12 |\n| Ben (Orbital) | CTO | | 2027-01-13 |\n\
         | Cy (Orbital) | CFO | /s/ Cy | 14 Jan 2027 |\n| Dee (NTA) | CEO | pending | |\n",
    );
    let got: Vec<bool> = c.signatures.iter().map(|s| s.signed).collect();
    assert_eq!(got, [true, false, true, false]);
}

#[test]
fn labels_that_open_sentences_inside_a_line_are_cut_off() {
    let (text, c) = read(
        "## Goals\n\n**For us:** Objective 1. **For the partner:** Objective 2. **For shared customers:** Objective 3.\n\n\
         ## Value exchange\n\nNTA gives: two engineers for a year. Orbital gives: the API and a rebate. \
         Orbital, honestly, loses nothing really: the API is built.\n",
    );
    assert_eq!(field(&c, "goals", "us"), Some("Objective 1."));
    assert_eq!(field(&c, "goals", "partner"), Some("Objective 2."));
    assert_eq!(field(&c, "goals", "customers"), Some("Objective 3."));
    let f = c.field("value-exchange", "partner-gives").unwrap();
    assert_eq!(&text[f.label.span.start..f.label.span.end], "Orbital gives");
    assert!(text[f.value.span.start..f.value.span.end].starts_with("the API and a rebate."));
    assert_eq!(
        field(&c, "value-exchange", "we-give"),
        Some("two engineers for a year.")
    );
    // A sentence with asides that runs on to a colon is not cut off as a label.
    assert!(field(&c, "value-exchange", "partner-loses").is_none_or(|v| v.starts_with("nothing")));
}

#[test]
fn the_people_a_label_names_win_over_a_side_it_names_in_passing() {
    let (_, c) = read(
        "## Goals\n\n- **Orbital's clients (shared customers):** fewer delays\n\n\
         ## Value exchange\n\n- **Owner (us):** x\n",
    );
    assert_eq!(field(&c, "goals", "customers"), Some("fewer delays"));
    let (_, c) = read(
        "## Goals\n\n| Beneficiary | What good looks like |\n|---|---|\n| NTA | riders |\n\
         | Orbital | revenue |\n| Shared transit riders | shorter waits |\n\n\
         Here is what success looks like. For the riders and operators we share: one ticket.\n",
    );
    assert_eq!(field(&c, "goals", "customers"), Some("shorter waits"));
    let got: Vec<&str> = c
        .section("goals")
        .unwrap()
        .fields
        .iter()
        .filter(|f| f.key == "customers")
        .map(|f| f.value.text.as_str())
        .collect();
    assert_eq!(got, ["shorter waits", "one ticket."]);
}

/// A memo's governance paragraph, wrapped anywhere: owners with their sides in asides,
/// sponsors by the sides' possessives, a partner manager, each read with its span.
#[test]
fn labelled_sentences_wrapped_mid_value_are_each_read() {
    let body = "## Governance\n\nDecision owners: Dana Whitcombe (VP Alliances, Northgate) and Marek Hruby\n\
                (Director, ISV Partnerships, Orbital). Executive sponsors: Northgate's CRO and\n\
                Orbital's VP EMEA. Partner manager: Lena Voss (Northgate). Sync every other Monday.\n";
    let (text, c) = read(body);
    assert_eq!(
        field(&c, "governance", "our-owner"),
        Some("Dana Whitcombe (VP Alliances, Northgate)")
    );
    assert_eq!(
        field(&c, "governance", "partner-owner").map(|v| v.replace('\n', " ")),
        Some("Marek Hruby (Director, ISV Partnerships, Orbital)".to_string())
    );
    assert_eq!(
        field(&c, "governance", "our-sponsor"),
        Some("Northgate's CRO")
    );
    let f = c
        .field("governance", "partner-sponsor")
        .expect("partner sponsor");
    assert_eq!(
        &text[f.value.span.start..f.value.span.end],
        "Orbital's VP EMEA"
    );
    assert_eq!(&text[f.label.span.start..f.label.span.end], "Orbital");
    assert!(field(&c, "governance", "partner-manager").is_some_and(|v| v.starts_with("Lena Voss")));
}
