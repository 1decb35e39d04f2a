use super::sentences;
use crate::model::{Charter, Format};
use crate::source::Source;

fn parse(text: &str) -> (Charter, String) {
    let vocab = crate::vocab::default_vocab();
    let source = Source::new("t.charter.md", text.to_string());
    (
        crate::parse::parse(&source, Format::Markdown, &vocab),
        text.to_string(),
    )
}

/// (field, label as written, value as written) of a section.
fn read(text: &str, section: &str) -> Vec<(String, String, String)> {
    let (c, src) = parse(text);
    let sec = c
        .sections
        .iter()
        .find(|s| s.key == section)
        .expect("section");
    sec.fields
        .iter()
        .map(|f| {
            let at = |sp: crate::model::Span| src[sp.start..sp.end].to_string();
            (f.key.clone(), at(f.label.span), at(f.value.span))
        })
        .collect()
}

const FM: &str = "+++\ncompany = \"Birch Analytics\"\npartner = \"Kettle Foods\"\n+++\n\n";

#[test]
fn a_leading_adverbial_is_part_of_the_opening() {
    let text = format!(
        "{FM}## Value exchange\n\nBirch puts in two engineers. In return, Kettle gives till data.\n\n\
         If it fails, Birch loses the fee. For its part, Kettle loses a quarter.\n"
    );
    let got: Vec<(String, String)> = read(&text, "value-exchange")
        .into_iter()
        .map(|(k, l, _)| (k, l))
        .collect();
    let want = [
        ("we-give", "Birch puts in"),
        ("partner-gives", "In return, Kettle gives"),
        ("we-lose", "If it fails, Birch loses"),
        ("partner-loses", "For its part, Kettle loses"),
    ];
    assert_eq!(got, want.map(|(k, l)| (k.to_string(), l.to_string())));
}

#[test]
fn a_sentence_opening_with_a_side_and_its_verb_is_that_field() {
    let text = format!(
        "{FM}## Value exchange\n\nBirch puts in two data engineers for six months.\n\
         Kettle brings till data for 40 stores.\n\n\
         If it fails, Birch loses the waived fee. Kettle loses the ops lead's time.\n"
    );
    let got = read(&text, "value-exchange");
    assert_eq!(
        got,
        [
            (
                "we-give".into(),
                "Birch puts in".into(),
                "two data engineers for six months.".into()
            ),
            (
                "partner-gives".into(),
                "Kettle brings".into(),
                "till data for 40 stores.".into()
            ),
            (
                "we-lose".into(),
                "If it fails, Birch loses".into(),
                "the waived fee.".into()
            ),
            (
                "partner-loses".into(),
                "Kettle loses".into(),
                "the ops lead's time.".into()
            ),
        ]
    );
}

#[test]
fn a_clause_number_is_not_part_of_the_opening() {
    let text = format!(
        "{FM}## Value exchange\n\n3.1 If the partnership fails, the Birch team loses a quarter.\n"
    );
    let got = read(&text, "value-exchange");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "we-lose");
    assert!(got[0].1.starts_with("If the partnership fails"), "{got:?}");
}

#[test]
fn clauses_after_a_semicolon_state_their_own_fields_or_continue_the_value() {
    let text = format!(
        "{FM}## Value exchange\n\n3.3 Should the partnership fail, the Kettle team loses \
         its data work; Birch Analytics loses £95,000; and the time already given.\n"
    );
    let got = read(&text, "value-exchange");
    assert_eq!(
        got,
        [
            (
                "partner-loses".into(),
                "Should the partnership fail, the Kettle team loses".into(),
                "its data work;".into()
            ),
            (
                "we-lose".into(),
                "Birch Analytics loses".into(),
                "£95,000; and the time already given.".into()
            ),
        ]
    );
}

#[test]
fn a_possessive_without_its_noun_borrows_the_one_before() {
    let text = format!(
        "{FM}## Governance\n\n6.1 Birch's decision owner is Ravi Menon, COO. \
         Kettle's is Alan Birt, CFO.\n"
    );
    let got = read(&text, "governance");
    let keys: Vec<&str> = got.iter().map(|(k, ..)| k.as_str()).collect();
    assert_eq!(keys, ["our-owner", "partner-owner"], "{got:?}");
    assert_eq!(got[1].1, "Kettle's");
    assert_eq!(got[1].2, "is Alan Birt, CFO.");
}

#[test]
fn a_sentence_that_opens_with_nothing_known_is_an_item() {
    let text =
        format!("{FM}## Value exchange\n\nBoth teams meet weekly. Kettle will review the data.\n");
    let (c, _) = parse(&text);
    let sec = &c.sections[0];
    assert!(sec.fields.is_empty(), "{:?}", sec.fields);
    assert_eq!(sec.items.len(), 1);
}

#[test]
fn a_bold_name_and_a_dash_is_a_label() {
    let text = format!("{FM}## Goals\n\n- **Birch** – 300 stores forecasting by Q4.\n");
    let got = read(&text, "goals");
    assert_eq!(
        got,
        [(
            "us".into(),
            "Birch".into(),
            "300 stores forecasting by Q4.".into()
        )]
    );
}

#[test]
fn goals_in_sentences_name_their_side() {
    let text = format!("{FM}## Goals\n\nKettle wants fresh-food waste down 15%.\n");
    let got = read(&text, "goals");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "partner");
    assert_eq!(got[0].1, "Kettle wants");
}

#[test]
fn sentences_end_before_a_capital() {
    let t = "Birch puts in two engineers. Kettle puts in data; Both sign. e.g. this";
    let got: Vec<&str> = sentences(t).iter().map(|&(a, b, _)| &t[a..b]).collect();
    assert_eq!(
        got,
        [
            "Birch puts in two engineers.",
            "Kettle puts in data;",
            "Both sign. e.g. this"
        ]
    );
}

#[test]
fn a_clause_after_a_semicolon_keeps_the_leading_condition() {
    let text = "---\ncompany: Oakhurst Pay\npartner: Brindle Group\n---\n\n\
        ## What is at stake\n\n\
        If this fails, Oakhurst writes off the £250k; Brindle has spent its team's spring on it.\n";
    let keys: Vec<(String, String)> = read(text, "value-exchange")
        .into_iter()
        .map(|(k, l, _)| (k, l))
        .collect();
    assert_eq!(
        keys,
        [
            ("we-lose".into(), "If this fails, Oakhurst writes".into()),
            ("partner-loses".into(), "Brindle has".into()),
        ]
    );
    // Without a condition, a side that has spent something has given it.
    let text = "---\ncompany: Oakhurst Pay\npartner: Brindle Group\n---\n\n\
        ## What is at stake\n\n\
        Oakhurst commits two engineers; Brindle has spent a month already.\n";
    let keys: Vec<String> = read(text, "value-exchange")
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert!(!keys.iter().any(|k| k == "partner-loses"), "{keys:?}");
}

#[test]
fn one_sentence_names_both_sides_holders_of_a_field() {
    let text = "---\ncompany: Oakhurst Pay\npartner: Brindle Group\n---\n\n## Governance\n\n\
        Executive sponsors are Oakhurst's CEO Dan Welch and Brindle's managing partner Helen Marsh. \
        We meet fortnightly.\n";
    let got = read(text, "governance");
    assert_eq!(
        got[..2],
        [
            (
                "our-sponsor".into(),
                "Executive sponsors are Oakhurst's CEO".into(),
                "Dan Welch".into()
            ),
            (
                "partner-sponsor".into(),
                "Brindle's".into(),
                "managing partner Helen Marsh.".into()
            ),
        ],
        "{got:?}"
    );
    let text = format!(
        "{FM}## Governance\n\nBirch's decision owner is Ravi Menon and Kettle's is Alan Birt.\n"
    );
    let got = read(&text, "governance");
    let keys: Vec<(&str, &str)> = got
        .iter()
        .map(|(k, _, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("our-owner", "owner is Ravi Menon"),
            ("partner-owner", "is Alan Birt.")
        ],
        "{got:?}"
    );
    // `and` before something else than the other side's possessive ends nothing.
    let text =
        format!("{FM}## Governance\n\nBirch's decision owner is Ravi Menon and his deputy.\n");
    assert_eq!(read(&text, "governance").len(), 1);
}

#[test]
fn a_side_inside_a_relative_clause_is_not_the_subject() {
    let text = "---\ncompany: Oakhurst Pay\npartner: Brindle Group\n---\n\n## Goals\n\n\
        Brindle wants churn under 9%. The small businesses that Brindle keeps books for \
        should spend half the time on payment runs.\n";
    let got = read(text, "goals");
    let keys: Vec<(&str, &str)> = got
        .iter()
        .map(|(k, l, _)| (k.as_str(), l.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("partner", "Brindle wants"),
            ("customers", "The small businesses")
        ],
        "{got:?}"
    );
    // A side that is the subject keeps its sentence (`Brindle, which keeps books, wants`).
    let text = format!("{FM}## Goals\n\nKettle wants the stores that Birch serves to grow.\n");
    assert_eq!(read(&text, "goals")[0].0, "partner");
}

#[test]
fn an_opening_a_dash_sets_off_is_read_as_a_label() {
    let text = format!(
        "{FM}## Goals\n\n1. *Birch* – 40 stores live by June.\n2. *Kettle* – basket size up 5%.\n\
         3. *Students and parents* – 20 minutes of practice a day.\n"
    );
    let got = read(&text, "goals");
    let customers = got
        .iter()
        .find(|(k, _, _)| k == "customers")
        .expect("customers");
    assert_eq!(customers.1, "Students and parents");
    assert!(customers.2.starts_with("20 minutes"), "{customers:?}");
}

#[test]
fn a_pronoun_after_a_semicolon_takes_up_the_side_before_it() {
    let text = format!(
        "{FM}## Value exchange\n\nKettle brings depot data and £60k; it risks the £60k.\n\n\
         Birch Analytics brings two analysts; they stand to lose a quarter.\n\n\
         Kettle brings data; it also hosts the workshop.\n"
    );
    let got = read(&text, "value-exchange");
    let keys: Vec<(&str, &str, &str)> = got
        .iter()
        .map(|(k, l, v)| (k.as_str(), l.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("partner-gives", "Kettle brings", "depot data and £60k;"),
            ("partner-loses", "it risks", "the £60k."),
            ("we-give", "Birch Analytics", "brings two analysts;"),
            ("we-lose", "they stand to lose", "a quarter."),
            // A verb that names no other field continues the value.
            (
                "partner-gives",
                "Kettle brings",
                "data; it also hosts the workshop."
            ),
        ]
    );
}
