use super::*;
use crate::model::Span;

fn fill(template: &str, hit: &Hit) -> String {
    super::fill(template, hit, &Names::default())
}

fn named(company: &str, partner: &str) -> Names {
    Names {
        company: Some(company.to_string()),
        partner: Some(partner.to_string()),
    }
}

#[test]
fn templates_fill_known_names_only() {
    let hit = Hit::at(Span::default()).arg("section", "Goals");
    assert_eq!(fill("no {section} section", &hit), "no Goals section");
    assert_eq!(fill("{other} stays", &hit), "{other} stays");
    assert_eq!(fill("open { brace", &hit), "open { brace");
    // Found by the fuzzer: a recovered TOML key quoted a raw line break.
    let hit = Hit::at(Span::default()).arg("found", "a\r\nb\rc\nd\te\u{1b}[31m");
    assert_eq!(fill("`{found}`", &hit), "`a\\nb\\nc\\nd\te\\u{1b}[31m`");
    let hit = Hit::at(Span::default()).arg("found", "key\r");
    assert_eq!(fill("`{found}`", &hit), "`key`");
    let hit = Hit::at(Span::default()).arg("found", "é\u{85}ü\u{9f}\u{a0}\u{7f}");
    assert_eq!(fill("{found}", &hit), "é\\u{85}ü\\u{9f}\u{a0}\\u{7f}");
    assert_eq!(
        fill("{a}{found}}{", &hit),
        "{a}é\\u{85}ü\\u{9f}\u{a0}\\u{7f}}{"
    );
}

#[test]
fn the_sides_are_named_from_the_metadata() {
    let hit = Hit::at(Span::default()).who(Who::Side(Side::Company));
    let names = named("Keel", "Northwind Systems");
    let f = |t: &str| super::fill(t, &hit, &names);
    assert_eq!(f("what {side gives}"), "what Keel gives");
    assert_eq!(f("for {side:us}; {side's} bar"), "for Keel; Keel's bar");
    assert_eq!(f("{partner's} walk bar"), "Northwind Systems' walk bar");
    assert_eq!(
        f("{partner has} not signed"),
        "Northwind Systems has not signed"
    );
}

#[test]
fn without_names_the_sides_are_we_and_the_partner() {
    let hit = Hit::at(Span::default()).who(Who::Side(Side::Company));
    assert_eq!(fill("what {side gives}", &hit), "what we give");
    assert_eq!(fill("{side has} not signed", &hit), "we have not signed");
    assert_eq!(fill("for {side:us}, {side's} bar", &hit), "for us, our bar");
    assert_eq!(fill("{company misses}", &hit), "we miss");
    assert_eq!(fill("{company applies}", &hit), "we apply");
    assert_eq!(
        fill("what {partner gives}, {partner's}, for {partner:us}", &hit),
        "what the partner gives, the partner's, for the partner"
    );
}

#[test]
fn a_party_named_as_text_is_said_as_a_name() {
    let hit = Hit::at(Span::default()).who(Who::Named("shared customers".into()));
    assert_eq!(fill("for {side:us}", &hit), "for shared customers");
    // A check that gives `side` as text: the text itself, and its forms.
    let hit = Hit::at(Span::default()).arg("side", "Ravi Shah");
    assert_eq!(
        fill("{side}, {side has}, {side's}", &hit),
        "Ravi Shah, Ravi Shah has, Ravi Shah's"
    );
    // No party on the hit: the placeholder stays as written.
    let hit = Hit::at(Span::default());
    assert_eq!(fill("{side gives} {side's}", &hit), "{side gives} {side's}");
    assert_eq!(fill("{company two words}", &hit), "{company two words}");

    // A `pattern` hit names its side as `target_side`.
    let hit = Hit::at(Span::default()).arg("target_side", "Northwind Ledger");
    assert_eq!(
        fill("{side's} commitment; {side loses}", &hit),
        "Northwind Ledger's commitment; Northwind Ledger loses"
    );
}
