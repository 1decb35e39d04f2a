//! `required-field`: a present section must carry these fields, with words in them.
//! An absent section is `missing-section`'s, so this check says nothing then.

use crate::rules::{params, Check, Ctx, Hit};
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
}

#[derive(Debug)]
struct RequiredField {
    section: String,
    /// Field key and its display name.
    fields: Vec<(String, String)>,
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
    Ok(Box::new(RequiredField {
        section: p.section,
        fields,
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
                // Written, with words.
                Some(f) if f.value.has_words() => continue,
                // Labelled but empty: point at the label and its (empty) value.
                Some(f) => Hit::at(f.label.span.join(f.value.span)),
                None => Hit::at(section.heading.span),
            };
            hits.push(hit.arg("name", name.clone()).arg("field", key.clone()));
        }
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
}
