//! Key spelling: the canonical form of a key as written, and the known key closest to
//! a misspelt one (for "did you mean" hints from the parsers, the engine, `explain`
//! and the answers file).

use std::borrow::Cow;

/// A key as the model spells it: lowercase, `_` read as `-`.
pub fn canonical_key(key: &str) -> String {
    canonical(key).into_owned()
}

/// [`canonical_key`] without a copy when the key is already canonical, as nearly
/// every key is: it is called for each key of each charter.
pub fn canonical(key: &str) -> Cow<'_, str> {
    // `trim` decodes chars at both ends; an ASCII byte there that is not whitespace
    // settles it without that.
    let bare = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii() && !(b as char).is_whitespace());
    let b = key.as_bytes();
    let t = if bare(b.first()) && bare(b.last()) {
        key
    } else {
        key.trim()
    };
    if t.len() == key.len() && !t.bytes().any(|b| b == b'_' || b.is_ascii_uppercase()) {
        return Cow::Borrowed(key);
    }
    Cow::Owned(
        t.chars()
            .map(|c| {
                if c == '_' {
                    '-'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect(),
    )
}

/// The known key closest to a misspelt one, when it is close enough to be a typo.
pub fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let key = canonical(key);
    let len = key.chars().count();
    known
        .iter()
        .filter_map(|&k| {
            let most = 2.max(k.len() / 4);
            // The distance is at least the difference in length: skip the table.
            if len.abs_diff(k.chars().count()) > most {
                return None;
            }
            let d = edit_distance(&key, k);
            (d <= most).then_some((d, k))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_matches_the_plain_search() {
        // The search as first written: every known key measured, none skipped.
        fn plain<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
            let key = canonical_key(key);
            known
                .iter()
                .map(|k| (edit_distance(&key, k), *k))
                .filter(|&(d, k)| d <= 2.max(k.len() / 4))
                .min_by_key(|&(d, _)| d)
                .map(|(_, k)| k)
        }
        let known = [
            "partner",
            "company",
            "tier",
            "leverage",
            "status",
            "created",
            "next-review",
            "goals",
            "value-exchange",
            "é",
            "ab",
            "governance",
        ];
        for key in [
            "parnter",
            "next_reveiw",
            "zzz",
            "",
            "a",
            "goal",
            "Goals",
            "value_exchang",
            "valueexchange",
            "e",
            "éé",
            "abc",
            "governanceeee",
            "tiers",
            "stat",
        ] {
            assert_eq!(closest(key, &known), plain(key, &known), "{key:?}");
        }
    }
}
