use super::*;
use proptest::prelude::*;

/// The plain reading: every metric word of both sides, number words left out first.
fn same_metric_plain(a: &Measure, text: &str, b: &Measure, other_text: &str) -> bool {
    let theirs: Vec<&str> = b.metric(other_text).collect();
    a.metric(text)
        .any(|w| theirs.iter().any(|o| o.eq_ignore_ascii_case(w)))
}

const WORDS: &[&str] = &[
    "close", "closing", "faster", "adoption", "adopted", "Adopt", "churn", "stores", "store",
    "thirty", "Twelve", "seven", "ten", "hundred", "half", "the", "least", "percent", "per",
    "cent", "passed", "target", "≥", "20%", "31%", "9", "of", "12", "in", "—", "1,200", "a", "one",
    "ones", "tens", "sevens",
];

fn clause() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..8).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn same_metric_is_the_plain_reading(a in clause(), b in clause(), fa in 0usize..40, fb in 0usize..40) {
        let m = |t: &str, f: usize| {
            let f = (0..=f.min(t.len())).rev().find(|&i| t.is_char_boundary(i)).unwrap_or(0);
            let number = crate::value::number::numbers_in(t).next().unwrap_or(Number {
                range: f..f,
                ..crate::value::number::numbers_in("5%").next().expect("a number")
            });
            Measure { number, clause: 0..t.len() }
        };
        let (ma, mb) = (m(&a, fa), m(&b, fb));
        prop_assert_eq!(ma.same_metric(&a, &mb, &b), same_metric_plain(&ma, &a, &mb, &b));
    }
}

#[test]
fn not_metric_words_are_sorted_lowercase_and_short() {
    assert!(NOT_METRIC.windows(2).all(|w| w[0] < w[1]));
    assert!(NOT_METRIC
        .iter()
        .all(|w| w.len() <= 8 && *w == w.to_ascii_lowercase()));
    for w in ["The", "PERCENT", "within", "achieved"] {
        assert!(not_metric(w), "{w}");
    }
    for w in ["close", "churn", "adoption", "achievedx", "thé"] {
        assert!(!not_metric(w), "{w}");
    }
}

proptest! {
    #[test]
    fn alphabetic_words_are_the_split_at_other_characters(t in "[a-zA-Zé≥—5% .-]{0,24}") {
        let plain: Vec<&str> = t.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
        let ours: Vec<(usize, &str)> = alphabetic_words(&t).collect();
        prop_assert_eq!(ours.iter().map(|(_, w)| *w).collect::<Vec<_>>(), plain);
        for (at, w) in ours {
            prop_assert_eq!(&t[at..at + w.len()], w);
        }
    }
}
