//! `required-field`: a present section must carry these fields, with words in them.
//! An absent section is `missing-section`'s, so this check says nothing then.

use crate::rules::support::places::side_of_key;
use crate::rules::{params, Check, Ctx, Hit, Who};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    section: String,
    fields: Vec<String>,
    /// How messages name each field (`us`, `the partner`); the key when absent.
    #[serde(default)]
    names: BTreeMap<String, String>,
    /// More openings that put a value off (`to be revisited`), besides [`PUT_OFF`]; a
    /// value opening with one of them (after any `TBD`) says nothing yet.
    #[serde(default)]
    put_off: Vec<String>,
}

#[derive(Debug)]
struct RequiredField {
    section: String,
    /// Field key and its display name.
    fields: Vec<(String, String)>,
    /// The openings that put a value off: [`PUT_OFF`] and the params' `put-off`.
    put_off: PutOff,
}

pub fn factory(table: &toml::Table) -> Result<Box<dyn Check>, String> {
    let p: Params = params(table)?;
    if let Some(extra) = p.names.keys().find(|k| !p.fields.contains(k)) {
        return Err(format!("`names` has `{extra}`, which is not in `fields`"));
    }
    let fields = p
        .fields
        .iter()
        .map(|f| (f.clone(), p.names.get(f).unwrap_or(f).clone()))
        .collect();
    if p.put_off.iter().any(|w| w.trim().is_empty()) {
        return Err("`put-off` has an empty phrase".to_string());
    }
    Ok(Box::new(RequiredField {
        section: p.section,
        fields,
        put_off: PutOff::new(&p.put_off),
    }))
}

impl Check for RequiredField {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        // The section's absence is `missing-section`'s.
        let sections = &cx.charter.sections;
        let Some(first) = sections.iter().position(|s| s.key == self.section) else {
            return;
        };
        let section = &sections[first];
        // A section is nearly always written once: then its fields are the ones to look
        // in, without going through every section again for each key.
        let once = !sections[first + 1..].iter().any(|s| s.key == self.section);
        for (key, name) in &self.fields {
            let field = if once {
                section.field(key)
            } else {
                cx.charter.field(&self.section, key)
            };
            let hit = match field {
                // Written, with words that do not put it off (`TBD – to be agreed at the
                // first steering meeting` says there is none yet).
                Some(f) if f.value.has_words() && !self.put_off.answered(&f.value.text) => continue,
                // Labelled but empty: point at the label and its (empty) value.
                Some(f) => Hit::at(f.label.span.join(f.value.span)),
                None => Hit::at(section.heading.span),
            };
            // `{side}` names the field's side by the charter's names; a field of no side
            // (`customers`) by its display name.
            let who = side_of_key(key).map_or_else(|| Who::Named(name.clone()), Who::Side);
            hits.push(
                hit.arg("name", name.clone())
                    .arg("field", key.clone())
                    .who(who),
            );
        }
    }
}

/// Words that say a value is still to be agreed, at the start of a value.
const PUT_OFF: [&str; 8] = [
    "to be agreed",
    "to be decided",
    "to be confirmed",
    "to be determined",
    "to be defined",
    "not yet agreed",
    "not yet decided",
    "still to be agreed",
];

/// The openings that put a value off, lower case, filed by their first byte: a value
/// is compared only with the openings that start with its first letter, and a value
/// that starts with none of those letters with none at all.
#[derive(Debug)]
struct PutOff {
    by_first: Vec<Vec<String>>,
}

impl PutOff {
    /// [`PUT_OFF`] and `more` (trimmed and lower-cased here).
    fn new(more: &[String]) -> PutOff {
        let mut by_first: Vec<Vec<String>> = vec![Vec::new(); 256];
        let all = PUT_OFF.iter().map(|p| p.to_string());
        for p in all.chain(more.iter().map(|w| w.trim().to_lowercase())) {
            if let Some(&b) = p.as_bytes().first() {
                by_first[usize::from(b)].push(p);
            }
        }
        PutOff { by_first }
    }

    /// Whether a value puts itself off, or answers its own short lead so (`Is it
    /// balanced? To be revisited after walk.`, `4.5 Balance. To be revisited.`, as a
    /// field stated in a sentence reads).
    fn answered(&self, value: &str) -> bool {
        if self.opens(value) {
            return true;
        }
        // A lead of four words ends within the first few dozen bytes; found by memchr,
        // as every present field of every required-field rule comes through here.
        let b = value.as_bytes();
        let head = &b[..b.len().min(64)];
        let end = memchr::memchr3_iter(b'?', b':', b'.', head)
            .find(|&i| b[i] != b'.' || b.get(i + 1).is_some_and(u8::is_ascii_whitespace));
        end.is_some_and(|i| {
            value[..i].split_whitespace().nth(4).is_none() && self.opens(&value[i + 1..])
        })
    }

    /// Whether a value opens by saying it is still to be agreed, after any `TBD`-style
    /// marker (`TBD – to be agreed later`, `To be decided by the steering group`). A
    /// bare `TBD` is the placeholder rule's alone; a value that goes on after such
    /// words (`owners first; the last step to be agreed`) still says something.
    fn opens(&self, value: &str) -> bool {
        let mut t = value.trim_start();
        for marker in ["tbd", "tbc", "tba"] {
            if t.get(..3).is_some_and(|w| w.eq_ignore_ascii_case(marker)) {
                t = t.get(3..).unwrap_or_default();
            }
        }
        let t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
        // Only phrases that start with the value's first letter are compared.
        let Some(first) = t.as_bytes().first().map(u8::to_ascii_lowercase) else {
            return false;
        };
        self.by_first[usize::from(first)].iter().any(|p| {
            t.get(..p.len()).is_some_and(|w| w.eq_ignore_ascii_case(p))
                // A whole word: `later` is not `lateral`.
                && !t[p.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};

    const SRC: &str = "## Goals\n- **For us:** 40 new logos\n- **For the partner:**\n";

    #[test]
    fn missing_and_empty_fields_fire() {
        let k = Kit::md(SRC)
            .section("goals", "## Goals")
            .field("us", "For us", "40 new logos")
            .field("partner", "For the partner", "");
        let hits = k.run("goals-three-sided");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].span, k.span("For the partner"));
        assert_eq!(arg(&hits[0], "name"), "the partner");
        assert_eq!(arg(&hits[0], "field"), "partner");
        assert_eq!(hits[1].span, k.span("## Goals"));
        assert_eq!(arg(&hits[1], "name"), "shared customers");
    }

    #[test]
    fn a_value_put_off_is_not_there() {
        let none = super::PutOff::new(&[]);
        let put_off = |v: &str| none.opens(v);
        assert!(put_off("TBD – to be agreed at the first steering meeting."));
        assert!(put_off("To be decided by the steering group"));
        assert!(!put_off("TBD"));
        assert!(!put_off("owners first; the last step to be agreed"));
        assert!(!put_off("to Granite's CMO within 5 days"));
        // The pack's own openings, as balance-unstated gives them.
        let more = super::PutOff::new(&["To be revisited ".to_string(), "after walk".to_string()]);
        assert!(more.opens("TBD after walk"));
        assert!(more.opens("To be revisited once crawl is done."));
        assert!(!more.opens("after walkthroughs"));
        assert!(!more.opens("yes; to be revisited at each QBR"));
        assert!(more.answered("Is it balanced? To be revisited."));
        assert!(!more.answered("Is it balanced? Yes."));
        assert!(more.answered("4.5 Balance. To be revisited."));
        assert!(
            !more.answered("We weighed it at length. To be revisited at each QBR, but it is even.")
        );
    }

    #[test]
    fn silent_without_the_section() {
        assert!(Kit::md(SRC).run("goals-three-sided").is_empty());
    }

    #[test]
    fn silent_when_all_fields_are_written() {
        let k =
            Kit::md(SRC)
                .section("metrics", "## Goals")
                .field("cadence", "For us", "40 new logos");
        assert!(k.run("missing-review-cadence").is_empty());
    }

    #[test]
    fn names_must_name_listed_fields() {
        let t: toml::Table =
            toml::from_str("section = \"goals\"\nfields = [\"us\"]\nnames = { them = \"x\" }")
                .unwrap();
        assert!(super::factory(&t).is_err());
    }

    /// The reading before the openings were filed by first byte and the lead found by
    /// memchr, kept as the reference the faster one must agree with.
    fn answered_reference(value: &str, more: &[String]) -> bool {
        fn opens(value: &str, more: &[String]) -> bool {
            let mut t = value.trim_start();
            for marker in ["tbd", "tbc", "tba"] {
                if t.get(..3).is_some_and(|w| w.eq_ignore_ascii_case(marker)) {
                    t = t.get(3..).unwrap_or_default();
                }
            }
            let t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
            let Some(first) = t.as_bytes().first().map(u8::to_ascii_lowercase) else {
                return false;
            };
            let opens = |p: &str| {
                p.as_bytes().first() == Some(&first)
                    && t.get(..p.len()).is_some_and(|w| w.eq_ignore_ascii_case(p))
                    && !t[p.len()..].starts_with(|c: char| c.is_alphanumeric())
            };
            let more: Vec<String> = more.iter().map(|w| w.trim().to_lowercase()).collect();
            super::PUT_OFF.iter().any(|p| opens(p)) || more.iter().any(|p| opens(p))
        }
        if opens(value, more) {
            return true;
        }
        let b = value.as_bytes();
        let end = (0..b.len().min(64)).find(|&i| match b[i] {
            b'?' | b':' => true,
            b'.' => b.get(i + 1).is_some_and(u8::is_ascii_whitespace),
            _ => false,
        });
        end.is_some_and(|i| {
            value[..i].split_whitespace().count() <= 4 && opens(&value[i + 1..], more)
        })
    }

    const PIECES: [&str; 24] = [
        "TBD",
        "tbc",
        " ",
        "\t",
        "\n",
        "–",
        "To be",
        " revisited",
        "to be agreed",
        "Later",
        "lateral",
        "?",
        ":",
        ".",
        ". ",
        "Is it balanced",
        "4.5",
        "Balance",
        "é",
        "N/A",
        "after walk",
        "walkthroughs",
        "yes",
        "x",
    ];

    proptest::proptest! {
        #[test]
        fn answered_agrees_with_the_reference(
            picks in proptest::collection::vec(0..PIECES.len(), 0..12),
            any in ".{0,80}",
        ) {
            let more = vec!["to be revisited".to_string(), " After Walk".to_string(), "n/a".to_string()];
            let put_off = super::PutOff::new(&more);
            let value: String = picks.iter().map(|&i| PIECES[i]).collect();
            for v in [value.as_str(), any.as_str()] {
                proptest::prop_assert_eq!(put_off.answered(v), answered_reference(v, &more), "{:?}", v);
            }
        }
    }
}
