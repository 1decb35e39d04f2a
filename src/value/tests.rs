//! Both readers on any text: no panic, ranges on character boundaries, linear time.

use super::date::dates_in;
use super::number::numbers_in;
use proptest::prelude::*;

fn check(text: &str) {
    for f in dates_in(text) {
        assert!(f.range.start < f.range.end && f.range.end <= text.len());
        assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
    }
    for n in numbers_in(text) {
        assert!(n.range.start < n.range.end && n.range.end <= text.len());
        assert!(text.is_char_boundary(n.range.start) && text.is_char_boundary(n.range.end));
    }
}

proptest! {
    #[test]
    fn never_panic_on_any_text(text in "\\PC{0,80}") {
        check(&text);
    }

    #[test]
    fn never_panic_on_date_like_text(
        text in "([0-9]{1,4}|March|Q3|from|to|of|within|weeks|ongoing|€|£|k|m|%|\u{a0}|–|-|/|\\.|,| |é|一){0,30}"
    ) {
        check(&text);
    }
}

#[test]
fn read_a_megabyte_in_one_pass() {
    let unit = "2027 March 1 12,5 % 1 200 Q3 2027-04-06 ";
    let text = unit.repeat(1_000_000 / unit.len());
    let repeats = text.len() / unit.len();
    // Each unit holds one date (`Q3 2027`; `March 1` has no year): counted, not timed, so a slow machine cannot fail it.
    assert_eq!(dates_in(&text).count(), repeats);
    assert!(numbers_in(&text).count() >= 4 * repeats);
}
