use super::*;
use crate::vocab::testkit::{normalize_reference, tricky};

proptest::proptest! {
    /// Any mix of cases, digits, numbering words, separators, and the non-ASCII
    /// characters the fast paths treat apart.
    #[test]
    fn normalize_agrees_with_the_reference_on_any_text(
        s in "(section |part |step |iv |[a-cA-Ci]{1,3} |[0-9]{1,2}[.)]? |[a-zA-Z0-9{}&+'’ ,./()\t-]{1,6}|[éÉİßΣſK½²×—–“…→✅🎯\u{a0}\u{200d}\u{301}ª➀Ⓐ]){0,12}"
    ) {
        proptest::prop_assert_eq!(normalize(&s), normalize_reference(&s));
    }

    /// Each prefix read off one pass is the prefix normalized on its own, wherever
    /// it is cut (between words or inside one).
    #[test]
    fn prefixes_are_each_prefix_normalized(
        s in "(section |part |step |iv |[a-cA-Ci]{1,3} |[0-9]{1,2}[.)]? |[a-zA-Z0-9{}&+'’ ,./()\t-]{1,6}|[éÉİßΣſK½²×—–“…→✅🎯\u{a0}\u{200d}\u{301}ª➀Ⓐ]){0,12}",
        step in 1usize..5,
    ) {
        let cuts: Vec<usize> = (1..=s.len())
            .filter(|&i| s.is_char_boundary(i))
            .step_by(step)
            .collect();
        let p = Prefixes::new(&s, &cuts);
        for (i, &cut) in cuts.iter().enumerate() {
            let want = normalize(&s[..cut]);
            proptest::prop_assert_eq!(p.get(i), Some(want.as_str()));
        }
    }
}

#[test]
fn the_ranges_said_not_alphanumeric_are_not() {
    for r in NOT_ALPHANUMERIC {
        for c in r {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }
}

#[test]
fn normalize_agrees_with_the_reference() {
    for s in tricky() {
        assert_eq!(normalize(&s), normalize_reference(&s), "{s:?}");
    }
}

#[test]
fn normalize_drops_numbering_emoji_and_punctuation() {
    assert_eq!(
        normalize("1. Mutual goals & success!"),
        "mutual goals and success"
    );
    assert_eq!(normalize("2) Value Exchange"), "value exchange");
    assert_eq!(normalize("💰 Value exchange"), "value exchange");
    assert_eq!(
        normalize("Crawl–Walk–Run Timeline"),
        "crawl walk run timeline"
    );
    assert_eq!(normalize("Go/No-Go"), "go no go");
    assert_eq!(normalize("IV. Exit criteria:"), "exit criteria");
    assert_eq!(normalize("3.2 KPIs"), "kpis");
    assert_eq!(normalize("Partner's commitment"), "partners commitment");
    assert_eq!(normalize("{partner} gives"), "{partner} gives");
    assert_eq!(normalize("  "), "");
}
