//! Plain-line headings, through the whole Markdown reader (sections and their lines)
//! and through the rewrite's offset map.

use super::Shifts;
use crate::model::Charter;
use crate::source::Source;
use crate::vocab::default_vocab;

fn read(body: &str) -> (Charter, String) {
    let text = format!("+++\npartner = \"Orbital\"\ncompany = \"Keel\"\n+++\n\n{body}");
    let c =
        crate::parse::markdown::parse(&Source::new("t.charter.md", text.clone()), &default_vocab());
    (c, text)
}

/// Each section's key and the source text its heading span covers.
fn sections(body: &str) -> Vec<(String, String)> {
    let (c, text) = read(body);
    c.sections
        .iter()
        .map(|s| {
            let at = &text[s.heading.span.start..s.heading.span.end];
            (s.key.clone(), at.to_string())
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn capitals_lines_are_headings_and_keep_their_spans() {
    let got = sections(
        "Hi Leon,\n\nHere it is.\n\nPARTNERSHIP BASICS\nTier: 2\n\n1. GOALS\nFor Keel: 35 clients.\n\
         For Orbital: churn down 20%.\n\n2. WHAT EACH OF US PUTS IN\nKeel: two developers.\n\n\
         7. WHEN WE STOP\n- Fewer than 15 clients by 31 March 2028\n",
    );
    assert_eq!(
        got,
        pairs(&[
            ("goals", "1. GOALS"),
            ("value-exchange", "2. WHAT EACH OF US PUTS IN"),
            ("exit", "7. WHEN WE STOP"),
        ])
    );
}

#[test]
fn equals_lines_are_headings_also_inside_a_quoted_reply() {
    let got = sections(
        "Answers inline.\n\n> Hi,\n>\n> == Key facts ==\n> Tier: 2\n>\n> == Goals ==\n\
         > Keel: more clients.\n>\n> == Exit ==\n> - Fewer than 8 branches by 2027\n",
    );
    assert_eq!(
        got,
        pairs(&[("goals", "== Goals =="), ("exit", "== Exit ==")])
    );
}

#[test]
fn short_lines_standing_alone_are_headings_when_several_name_sections() {
    let got = sections(
        "Dear Martina,\n\nBelow is what we agreed.\n\nWhat success looks like\nKeel: 5,000 kits.\n\n\
         What we each bring\nKeel: kits at cost.\n\nWho decides\nKeel: me.\n\nKind regards,\nCallum\n",
    );
    assert_eq!(
        got,
        pairs(&[
            ("goals", "What success looks like"),
            ("value-exchange", "What we each bring"),
            ("governance", "Who decides"),
        ])
    );
}

#[test]
fn one_short_line_naming_a_section_is_not_enough() {
    assert!(
        sections("Dear Martina,\n\nWho decides\nKeel: me.\n\nKind regards,\nCallum\n").is_empty()
    );
}

#[test]
fn a_run_of_lines_naming_sections_is_a_table_of_contents() {
    assert!(
        sections("Contents\n\nGOALS\nVALUE EXCHANGE\nTIMELINE\nEXIT\n\nThat is all.\n").is_empty()
    );
}

#[test]
fn sentences_labels_and_markdown_headings_stay_what_they_are() {
    // Markdown headings name the sections: plain lines are not looked at.
    let got = sections("## Goals\n\nGrow.\n\n## Exit\n\nGOVERNANCE\nPriya decides.\n");
    assert_eq!(got, pairs(&[("goals", "## Goals"), ("exit", "## Exit")]));
    // Sentences, greetings and labels are not headings.
    let got = sections(
        "Goals are agreed.\nMore text.\n\nExit: when sales fall.\nMore.\n\nTimeline,\nsoon.\n\n\
         governance\nlower case.\n",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn numbered_lines_over_an_underline_are_headings() {
    // To CommonMark, `1. GOALS` over `--------` is a one-item list and a thematic break.
    let got = sections(
        "MEMO\n====\n\n1. GOALS\n--------\n\nKeel: 35 clients.\n\n\
         2. Who decides\n==============\n\nKeel: me.\n\n3. NOTES\n--------\n\nNone.\n",
    );
    assert_eq!(
        got,
        pairs(&[("goals", "1. GOALS"), ("governance", "2. Who decides")])
    );
}

#[test]
fn a_one_item_list_before_a_separator_rule_is_not_a_heading() {
    // A short `---` after a real item, and a full-width rule, separate; they do not
    // underline.
    let got = sections(
        "GOALS\n\n1. Grow revenue 20%\n---\n\nEXIT\n\n1. Stop\n\
         ------------------------------------------------------------\n",
    );
    assert_eq!(got, pairs(&[("goals", "GOALS"), ("exit", "EXIT")]));
}

#[test]
fn mixed_case_lines_are_sub_headings_under_a_heading_style() {
    let (c, _) = read(
        "1. GOALS\n\nKeel: 35 clients.\n\n2. WHAT EACH SIDE PUTS IN\n\nKeel gives\n\
         two developers.\n\nOrbital gives:\n    - a sales team\n",
    );
    let keys: Vec<&str> = c.sections.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["goals", "value-exchange"]);
}

#[test]
fn shifts_map_rewritten_offsets_back() {
    let s = Shifts {
        inserts: vec![(5, 3, 3), (20, 3, 6)],
    };
    assert_eq!(s.map(0), 0);
    assert_eq!(s.map(4), 4);
    // Inside an insertion: where it was inserted.
    assert_eq!(s.map(5), 5);
    assert_eq!(s.map(7), 5);
    assert_eq!(s.map(8), 5);
    assert_eq!(s.map(19), 16);
    assert_eq!(s.map(21), 17);
    assert_eq!(s.map(23), 17);
    assert_eq!(s.map(30), 24);
}
