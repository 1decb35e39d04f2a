use crate::vocab::testkit::{field_reference, NamesReference, NAME_PAIRS};
use crate::vocab::{Names, Prefixes};

/// Words each reading needs, and words near them that it does not: names and their
/// forms, pronouns, `for`, nouns for people and plurals that are not, keywords, tokens.
const WORDS: [&str; 48] = [
    "Keel",
    "Keel's",
    "Keels",
    "Cloud",
    "Northwind",
    "Ledger",
    "NL",
    "Northwind's",
    "the",
    "Straße",
    "İstanbul",
    "Ab",
    "A",
    "B",
    "Partner",
    "Co",
    "We",
    "us",
    "our",
    "their",
    "they",
    "partner",
    "partners",
    "for",
    "For",
    "shared",
    "customers",
    "shoppers",
    "we",
    "share",
    "numbers",
    "gives",
    "loses",
    "puts",
    "in",
    "owner",
    "sponsor",
    "account",
    "lead",
    "manager",
    "alliance",
    "success",
    "goals",
    "{company}",
    "{partner}",
    "{others}",
    "side",
    "if it fails,",
];

proptest::proptest! {
    /// A reading skipped for want of a word it needs answers as if it had been asked.
    #[test]
    fn fields_by_names_answer_as_every_reading_asked(
        picks in proptest::collection::vec(0..WORDS.len(), 1..7),
        pair in 0..NAME_PAIRS.len(),
    ) {
        let label: Vec<&str> = picks.iter().map(|&i| WORDS[i]).collect();
        let label = label.join(" ");
        let v = crate::vocab::default_vocab();
        let pair = NAME_PAIRS[pair];
        let names = Names::new(pair.0, pair.1);
        let reference = NamesReference::new(pair);
        for key in v.section_keys() {
            proptest::prop_assert_eq!(
                v.field_for(key, &label, &names),
                field_reference(&v, key, &label, &reference),
                "{} {:?}", key, label
            );
        }
    }
}

proptest::proptest! {
    /// Each run of a sentence's first words names the field the run names alone as an
    /// opening (groups the partnership serves are read in labels only).
    #[test]
    fn prefix_fields_answer_as_each_prefix_alone(
        picks in proptest::collection::vec(0..WORDS.len(), 1..9),
        pair in 0..NAME_PAIRS.len(),
    ) {
        let words: Vec<&str> = picks.iter().map(|&i| WORDS[i]).collect();
        let text = format!("3 {} and the rest.", words.join(" "));
        let cuts: Vec<usize> = text
            .char_indices()
            .filter(|&(i, _)| text[i..].starts_with(' '))
            .map(|(i, _)| i)
            .collect();
        let prefixes = Prefixes::new(&text, &cuts);
        let v = crate::vocab::default_vocab();
        let pair = NAME_PAIRS[pair];
        let names = Names::new(pair.0, pair.1);
        for key in v.section_keys() {
            let Some(fields) = v.prefix_fields(key, &names, &prefixes) else {
                continue;
            };
            for (i, &cut) in cuts.iter().enumerate() {
                proptest::prop_assert_eq!(
                    fields.get(i),
                    v.opening_field_for(key, &text[..cut], &names),
                    "{} {:?}", key, &text[..cut]
                );
            }
        }
    }
}

#[test]
fn a_goals_label_naming_a_group_served_is_the_customers() {
    let v = crate::vocab::default_vocab();
    let names = Names::new(Some("Saltmarsh"), Some("Greyfield Agri"));
    for label in ["Member farms", "Hotels", "Students and parents", "SMEs"] {
        assert_eq!(
            v.field_for("goals", label, &names),
            Some("customers"),
            "{label}"
        );
    }
    // A section's words are plurals too; other sections have no customers.
    for label in ["Targets", "Non-goals", "Key results", "Risks"] {
        assert_eq!(v.field_for("goals", label, &names), None, "{label}");
    }
    assert_eq!(v.field_for("exit", "Member farms", &names), None);
}
