use super::*;
use crate::vocab::default_vocab;
use crate::vocab::testkit::{
    field_reference, normalize_reference, section_reference, tricky, vocab, NamesReference,
    NAME_PAIRS,
};

#[test]
fn entries_hold_the_label_normalized() {
    let mut labels = Labels::default();
    for s in tricky() {
        let direct = normalize(&s);
        // A miss, then a hit.
        for _ in 0..2 {
            let remembered = labels.entry(&s).map(|e| e.norm.to_string());
            assert_eq!(remembered.is_some(), s.len() <= REMEMBERED_LABEL_BYTES);
            assert_eq!(remembered.unwrap_or_else(|| direct.clone()), direct);
        }
    }
}

#[test]
fn a_full_memo_starts_over() {
    let mut labels = Labels::default();
    for i in 0..MEMO_LABELS + 10 {
        let label = format!("label {i}");
        assert_eq!(
            labels.entry(&label).map(|e| e.norm.to_string()),
            Some(label)
        );
        assert!(labels.table.len() <= MEMO_LABELS);
    }
}

fn check_lookups(memo: &mut Memo<'_>, names: &Names, reference: &NamesReference) {
    let v = memo.vocab();
    let lookup = memo.lookup(names);
    for s in tricky() {
        // A miss, then a hit.
        for _ in 0..2 {
            assert_eq!(lookup.section_for(&s), section_reference(v, &s), "{s:?}");
            assert_eq!(lookup.heading_for(&s), v.heading_for(&s), "{s:?}");
            for key in v.section_keys() {
                assert_eq!(
                    lookup.field_for(key, &s),
                    field_reference(v, key, &s, reference),
                    "{key} {s:?}"
                );
            }
            let n = normalize_reference(&s);
            assert_eq!(lookup.phase_for(&s), v.phase_in(&n), "{s:?}");
            assert_eq!(
                lookup.phase_part_for(&s),
                v.phase_parts.get(&n).copied(),
                "{s:?}"
            );
            assert_eq!(
                lookup.metric_part_for(&s),
                v.metric_parts.get(&n).copied(),
                "{s:?}"
            );
        }
    }
}

#[test]
fn remembered_lookups_answer_as_the_plain_ones() {
    let d = default_vocab();
    let small = vocab();
    let mut memos = [Memo::new(&d), Memo::new(&small)];
    // One memo per vocabulary kept across charters: the names of one charter after
    // another's, and names asked again after others, never cross over.
    for _ in 0..2 {
        for pair in NAME_PAIRS {
            let names = Names::new(pair.0, pair.1);
            let reference = NamesReference::new(pair);
            for memo in &mut memos {
                check_lookups(memo, &names, &reference);
            }
            // A fresh memo answers as a used one.
            check_lookups(&mut Memo::new(&d), &names, &reference);
        }
        let none = NamesReference::new((None, None));
        check_lookups(&mut memos[0], &Names::default(), &none);
    }
}

#[test]
fn a_nested_lookup_asks_the_vocabulary() {
    let d = default_vocab();
    let mut memo = Memo::new(&d);
    let names = Names::new(Some("Keel"), Some("Northwind Ledger"));
    let lookup = memo.lookup(&names);
    for s in tricky() {
        let nested = lookup.with_entry("busy", |_, _| {
            (
                lookup.section_for(&s),
                lookup.field_for("value-exchange", &s),
                lookup.phase_for(&s),
            )
        });
        let plain = (
            d.section_for(&s),
            d.field_for("value-exchange", &s, &names),
            d.phase_for(&s),
        );
        assert_eq!(nested, Some(plain), "{s:?}");
    }
}
