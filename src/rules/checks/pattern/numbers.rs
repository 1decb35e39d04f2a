//! Kinds of number a `pattern` rule reads with the number reader (`numbers`,
//! `unless-numbers`): `money`, `headcount`, `percent`, `share`, `duration`, `plain`.

use crate::value::number::{numbers_in, Number, NumberKind};

const NAMES: [&str; 6] = [
    "money",
    "headcount",
    "percent",
    "share",
    "duration",
    "plain",
];

/// A set of kinds, one bit per name of [`NAMES`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(in crate::rules::checks) struct Kinds(u8);

impl Kinds {
    pub(in crate::rules::checks) fn parse(what: &str, names: &[String]) -> Result<Kinds, String> {
        let mut bits = 0u8;
        for name in names {
            let i = NAMES.iter().position(|n| n == name).ok_or_else(|| {
                format!(
                    "`{what}`: unknown kind of number `{name}` (expected one of {})",
                    NAMES.join(", ")
                )
            })?;
            bits |= 1 << i;
        }
        Ok(Kinds(bits))
    }

    pub(in crate::rules::checks) fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn has(self, text: &str, n: &Number) -> bool {
        let i = match n.kind {
            NumberKind::Money { .. } => 0,
            NumberKind::Headcount => 1,
            NumberKind::Percent => 2,
            NumberKind::Share { .. } => 3,
            NumberKind::Duration(_) => 4,
            NumberKind::Plain | NumberKind::Change { .. } => 5,
        };
        // No money and nobody are not an amount (`$0`, `zero FTEs`).
        let nothing = i <= 1 && n.value <= 0.0;
        self.0 & (1 << i) != 0 && !nothing && !(i == 1 && part_of_one(text, n))
    }

    /// Whether `text` names a number of one of these kinds.
    pub(in crate::rules::checks) fn any_in(self, text: &str) -> bool {
        !self.is_empty() && numbers_in(text).any(|n| self.has(text, &n))
    }
}

/// `a PM's time`, `an engineer's afternoon`: a piece of one person's time, not a person.
fn part_of_one(text: &str, n: &Number) -> bool {
    let read = text.get(n.range.clone()).unwrap_or_default();
    let after = text.get(n.range.end..).unwrap_or_default();
    let article = read
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"));
    article && (after.starts_with("'s") || after.starts_with("’s"))
}

#[cfg(test)]
mod tests {
    use super::Kinds;

    fn kinds(names: &[&str]) -> Kinds {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        Kinds::parse("numbers", &names).unwrap()
    }

    #[test]
    fn money_and_people_in_any_form() {
        let k = kinds(&["money", "headcount"]);
        for t in [
            "CHF 40,000 towards the pilot",
            "₹12 lakh? no: ₹1.2m of cloud credits",
            "two FTEs",
            "a dedicated engineer",
            "half-time from the partner team",
            "A$25k in MDF",
        ] {
            assert!(k.any_in(t), "{t}");
        }
        for t in [
            "$0",
            "zero FTEs",
            "a webinar in Q3",
            "20% of leads",
            "a few hours of a PM's time",
        ] {
            assert!(!k.any_in(t), "{t}");
        }
    }

    #[test]
    fn unknown_kinds_are_rejected() {
        assert!(Kinds::parse("numbers", &["cash".to_string()]).is_err());
        assert!(kinds(&[]).is_empty());
    }
}
