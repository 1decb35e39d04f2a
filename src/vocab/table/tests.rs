use super::*;
use crate::vocab::testkit::vocab;

#[test]
fn fields_match_names_from_metadata() {
    let v = vocab();
    let names = Names::new(Some("Keel"), Some("Northwind Ledger"));
    assert_eq!(
        v.field_for("value-exchange", "Keel gives", &names),
        Some("we-give")
    );
    assert_eq!(
        v.field_for("value-exchange", "Northwind gives", &names),
        Some("partner-gives")
    );
    assert_eq!(
        v.field_for("value-exchange", "**Northwind Ledger gives**", &names),
        Some("partner-gives")
    );
    assert_eq!(
        v.field_for("value-exchange", "We give", &names),
        Some("we-give")
    );
    assert_eq!(
        v.field_for("value-exchange", "Somebody gives", &names),
        None
    );
}

#[test]
fn sections_phases_and_columns() {
    let v = vocab();
    assert_eq!(
        v.section_for("2. 💰 Value Exchange"),
        Some("value-exchange")
    );
    assert_eq!(
        v.section_for("Value exchange (draft)"),
        Some("value-exchange")
    );
    assert_eq!(v.section_for("Appendix"), None);
    assert_eq!(v.phase_for("Phase 1 — Pilot"), Some(PhaseKind::Crawl));
    // The phase's own word outranks its place: walk scheduled first is still walk.
    assert_eq!(
        v.phase_for("Phase 1 – Walk (in-store launch)"),
        Some(PhaseKind::Walk)
    );
    assert_eq!(v.phase_for("Stage 2: Crawl"), Some(PhaseKind::Crawl));
    // The phase word written first names it; an aside may name another phase.
    assert_eq!(
        v.phase_for("Walk (for 8 weeks after crawl)"),
        Some(PhaseKind::Walk)
    );
    assert_eq!(v.phase_for("Pilot run"), Some(PhaseKind::Crawl));
    assert_eq!(v.phase_for("Run, after the pilot"), Some(PhaseKind::Run));
    assert_eq!(v.phase_for("🚶 Walk"), Some(PhaseKind::Walk));
    assert_eq!(v.phase_part_for("Go/No-Go"), Some(PhasePart::GoNoGo));
}

#[test]
fn plain_lookups_answer_as_the_reference() {
    use crate::vocab::testkit::{
        field_reference, normalize_reference, section_reference, tricky, NamesReference, NAME_PAIRS,
    };
    let d = crate::vocab::default_vocab();
    for v in [&d, &vocab()] {
        for pair in NAME_PAIRS {
            let names = Names::new(pair.0, pair.1);
            let reference = NamesReference::new(pair);
            for s in tricky() {
                assert_eq!(v.section_for(&s), section_reference(v, &s), "{s:?}");
                for key in v.section_keys() {
                    assert_eq!(
                        v.field_for(key, &s, &names),
                        field_reference(v, key, &s, &reference),
                        "{key} {s:?}"
                    );
                }
                let n = normalize_reference(&s);
                assert_eq!(v.phase_for(&s), v.phase_in(&n), "{s:?}");
                assert_eq!(v.phase_part_for(&s), v.phase_parts.get(&n).copied());
                assert_eq!(v.metric_part_for(&s), v.metric_parts.get(&n).copied());
            }
        }
    }
}

#[test]
fn field_keywords_name_a_field_anywhere_in_a_label() {
    let spec: VocabSpec = toml::from_str(
        r#"
        [sections.governance]
        fields.our-owner = ["our owner", "{company} owner", "{company} lead"]
        fields.partner-manager = ["partner manager"]
        field-keywords.partner-manager = ["partner manager", "account lead", "alliance manager"]
        "#,
    )
    .unwrap();
    let v = Vocabulary::build([&spec]).unwrap();
    let names = Names::new(Some("Keel"), Some("Orbital"));
    for label in [
        "Account lead for the partnership",
        "Alliance (partner) manager",
        "Keel partner manager",
        "Alliance managers",
    ] {
        assert_eq!(
            v.field_for("governance", label, &names),
            Some("partner-manager"),
            "{label}"
        );
    }
    assert_eq!(
        v.field_for("governance", "Keel lead", &names),
        Some("our-owner")
    );
    assert_eq!(v.field_for("governance", "Account", &names), None);
}

#[test]
fn closing_lines_open_with_the_packs_closings() {
    let v = crate::vocab::default_vocab();
    for p in [
        "Kindly revert with approval at the earliest.",
        "Regards,",
        "**Thanks in advance**",
    ] {
        assert!(v.is_closing(p), "{p}");
    }
    for p in [
        "Regardless of the outcome, Keel exits.",
        "Thankfully we agree.",
        "Exit if churn > 5%.",
    ] {
        assert!(!v.is_closing(p), "{p}");
    }
}

#[test]
fn the_closing_shortcut_answers_as_the_full_test_does() {
    let v = crate::vocab::default_vocab();
    let mut lines: Vec<String> = [
        "Kindly revert at the earliest.",
        "**Regards,**",
        "iv. Thank you for your time",
        "1. Many thanks",
        "> Cheers",
        "Let me know if this works",
        "Merci beaucoup",
        "Thanks,",
        "Thankful partners",
        "",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Every line of the wild corpus, as a paragraph.
    for dir in std::fs::read_dir("tests/fixtures/wild")
        .into_iter()
        .flatten()
        .flatten()
    {
        for f in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let text = std::fs::read_to_string(f.path()).unwrap_or_default();
            lines.extend(text.lines().map(str::to_string));
        }
    }
    assert!(lines.len() > 1000);
    for l in &lines {
        assert_eq!(v.is_closing(l), v.closing_by_words(l), "{l:?}");
    }
}
