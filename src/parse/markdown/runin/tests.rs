use crate::model::{Charter, Format};
use crate::source::Source;

const FM: &str = "---\ncompany: Birch Analytics\npartner: Kettle Foods\ntier: 3\n---\n\n";

fn read(text: &str) -> (Charter, Vec<(String, String, String)>) {
    let vocab = crate::vocab::default_vocab();
    let source = Source::new("t.charter.md", text.to_string());
    let c = crate::parse::parse(&source, Format::Markdown, &vocab);
    let sec = c.section("governance").expect("governance");
    let at = |sp: crate::model::Span| text[sp.start..sp.end].to_string();
    let got = sec
        .fields
        .iter()
        .map(|f| (f.key.clone(), at(f.label.span), at(f.value.span)))
        .collect();
    (c, got)
}

#[test]
fn a_run_in_heading_names_what_the_sides_labels_after_it_are() {
    let text = format!(
        "{FM}## Governance\n\n**Section 6.1 Decision owners.** Birch: Ravi Menon, COO. \
         Kettle: Dr. Alan Birt, CFO.\n\n\
         **Section 6.2 Partner manager.** Priya Nair (Birch), dedicated.\n"
    );
    let (_, got) = read(&text);
    assert_eq!(
        got,
        [
            (
                "our-owner".into(),
                "Birch".into(),
                "Ravi Menon, COO.".into()
            ),
            (
                "partner-owner".into(),
                "Kettle".into(),
                "Dr. Alan Birt, CFO.".into()
            ),
            (
                "partner-manager".into(),
                "Section 6.2 Partner manager".into(),
                "Priya Nair (Birch), dedicated.".into()
            ),
        ]
    );
}

#[test]
fn a_short_first_sentence_that_names_nothing_is_prose() {
    let text = format!("{FM}## Governance\n\nWe meet weekly. Kettle: chairs.\n");
    let (c, got) = read(&text);
    assert!(got.iter().all(|(k, ..)| k != "partner-owner"), "{got:?}");
    assert_eq!(c.section("governance").map(|s| s.items.len()), Some(1));
}
