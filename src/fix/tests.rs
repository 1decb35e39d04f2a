use super::*;
use crate::rules::RuleSet;

fn outcome(name: &str, text: &str) -> Fix {
    let rules = RuleSet::default_rules().expect("default pack");
    let source = Source::new(name, text.to_string());
    let charter = parse::parse(&source, parse::format_for(name), &rules.vocab);
    let today = crate::date::parse("2026-11-21").expect("date");
    let opts = FixOptions {
        vocab: &rules.vocab,
        today,
        templates: None,
    };
    fix(&source, &charter, &opts).expect("renders")
}

fn fixed(name: &str, text: &str) -> Option<String> {
    match outcome(name, text) {
        Fix::Unchanged => None,
        Fix::Fixed(t) => Some(t),
        Fix::Refused(why) => panic!("refused: {why}"),
    }
}

#[test]
fn dates_and_checkboxes_are_normalised() {
    let text = "+++\npartner = \"Acme\"\ncompany = \"Keel\"\nnext-review = \"2027/1/5\"\n+++\n## Signatures\n- [X] Dana, Keel — 2026-9-5\n";
    let out = fixed("a.charter.md", text).expect("something to fix");
    assert!(out.contains("next-review = \"2027-01-05\""), "{out}");
    assert!(out.contains("- [x] Dana, Keel — 2026-09-05"), "{out}");
    // Impossible dates are not guessed at.
    assert!(fixed("b.charter.md", "+++\nnext-review = \"2027-02-30\"\n+++\n## Goals\n## Value exchange\n## Timeline\n## Metrics\n## Governance\n## Exit criteria\n## Signatures\n").is_none());
}

#[test]
fn missing_sections_come_from_the_template_in_order_and_nothing_is_removed() {
    let text = std::fs::read_to_string("examples/northwind-ledger.charter.md").expect("example");
    let cut = text.find("## Governance").expect("governance");
    let end = text.find("## Exit criteria").expect("exit");
    let broken = format!("{}{}", &text[..cut], &text[end..]);
    let out = fixed("n.charter.md", &broken).expect("a section to add");
    for line in broken.lines() {
        assert!(out.contains(line), "kept: {line}");
    }
    let gov = out.find("## Governance").expect("added");
    assert!(gov < out.find("## Exit criteria").expect("exit"));
    assert!(
        out[gov..].contains("<fill in"),
        "with the template's prompts"
    );
}

#[test]
fn a_section_is_not_added_when_an_unrecognised_heading_could_be_it() {
    let text = "+++\npartner = \"Northwind\"\ntier = 2\n+++\n\n## Goals\n- x\n\n\
        ## Delivery timline\n\nWe start in May.\n";
    let out = fixed("a.charter.md", text).expect("other sections are added");
    assert!(out.contains("## Delivery timline"));
    assert!(!out.contains("## Timeline"), "{out}");
    assert!(out.contains("## Governance"));
}

#[test]
fn toml_sections_are_appended() {
    let text = std::fs::read_to_string("examples/northwind-ledger.charter.toml").expect("example");
    let cut = text.find("[exit]").expect("exit");
    let end = text.find("[[signatures]]").expect("sigs");
    let broken = format!("{}{}", &text[..cut], &text[end..]);
    let out = fixed("n.charter.toml", &broken).expect("a section to add");
    assert!(out.contains("[exit]"), "{out}");
    assert!(toml::from_str::<toml::Table>(&out).is_ok(), "still TOML");
}

#[test]
fn a_charter_that_does_not_parse_is_left_alone() {
    // `target ` for `target =`: the reader loses what follows, and adding it again
    // would leave duplicate tables once the typo is corrected.
    let text = std::fs::read_to_string("examples/northwind-ledger.charter.toml").expect("example");
    let typo = text.replacen("target = ", "target ", 1);
    assert!(
        matches!(outcome("n.charter.toml", &typo), Fix::Refused(ref why) if why.contains("does not parse")),
        "{:?}",
        outcome("n.charter.toml", &typo)
    );
    let md = "+++\npartner = \"Acme\"\ntier = \n+++\n## Goals\n- x\n";
    assert!(matches!(outcome("a.charter.md", md), Fix::Refused(_)));
}

#[test]
fn a_cr_only_charter_gets_its_sections_in_place_with_its_line_endings() {
    // Sections used to go before the front matter (the line start was looked for at
    // a `\n`), which then no longer opened the file.
    let text = "---\rpartner: Acme\rtier: 2\r---\r## Metrics\r\r- 20% more, reviewed monthly\r";
    let out = fixed("a.charter.md", text).expect("sections to add");
    assert!(out.starts_with("---\rpartner"), "{out:?}");
    assert!(!out.contains('\n'), "{out:?}");
    assert!(out.find("## Mutual goals").expect("added") < out.find("## Metrics").expect("kept"));
    assert_eq!(outcome("a.charter.md", &out), Fix::Unchanged);
    // TOML front matter cannot end its lines with a lone `\r`: it does not parse.
    let toml = "+++\rpartner = \"Acme\"\r+++\r## Metrics\r";
    assert!(matches!(outcome("a.charter.md", toml), Fix::Refused(_)));
}

#[test]
fn a_crlf_charter_stays_crlf() {
    let text = std::fs::read_to_string("examples/northwind-ledger.charter.md").expect("example");
    let cut = text.find("## Governance").expect("governance");
    let end = text.find("## Exit criteria").expect("exit");
    let broken = format!("{}{}", &text[..cut], &text[end..]).replace('\n', "\r\n");
    let out = fixed("n.charter.md", &broken).expect("a section to add");
    assert!(out.contains("## Governance"));
    assert_eq!(
        out.matches('\n').count(),
        out.matches("\r\n").count(),
        "mixed: {out:?}"
    );
    assert_eq!(outcome("n.charter.md", &out), Fix::Unchanged);
}

#[test]
fn sections_that_would_not_be_read_are_not_added() {
    // An unclosed code fence at the end swallows whatever is appended after it: each
    // run would append the sections again.
    let text = "+++\npartner = \"Acme\"\ntier = 2\nnext-review = \"2027/1/5\"\n+++\n## Mutual goals\n- x\n## Value exchange\n```\nopen\n";
    let out = fixed("a.charter.md", text).expect("the date is still fixed");
    assert!(
        out.contains("2027-01-05") && !out.contains("## Governance"),
        "{out}"
    );
    assert!(
        matches!(outcome("a.charter.md", &out), Fix::Refused(ref why) if why.contains("by hand"))
    );
}

/// Found by the fuzz target: a side's name read with a lone CR in it cannot go into the
/// added sections' prompts; the fix adds them naming the side in general words.
#[test]
fn a_name_with_a_control_character_does_not_stop_the_fix() {
    let text = "# Deli\u{feff}partner = \"P\"\ri mpossible review date.\npartner = \"Northwind=";
    let out = fixed("f.charter.md", text).expect("sections to add");
    assert!(out.starts_with(text), "{out}");
    assert!(
        out.contains("## Governance") || out.contains("Governance"),
        "{out}"
    );
    assert!(!out[text.len()..].contains('\r'), "{out}");
}
