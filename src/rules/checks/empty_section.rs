//! `empty-section`: a section that is present but says (almost) nothing.
//!
//! Counts the words of the section's items and of its fields with a value (label
//! and value, so `Our owner: Dana` is three words; a label with nothing after it
//! counts nothing). The structured parts the model keeps outside the section
//! (timeline phases, metrics, signatures) count as content of their section: a phase
//! table is not nothing. They are attributed to a section when their span lies
//! inside it, or to the first section of that key (a parser may keep them outside
//! the section's span).

use crate::model::{Charter, Section, Span};
use crate::rules::{params, Check, Ctx, Hit};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    #[serde(default = "default_min_words")]
    min_words: usize,
}

fn default_min_words() -> usize {
    3
}

#[derive(Debug)]
struct EmptySection {
    min_words: usize,
}

pub fn factory(table: &toml::Table) -> Result<Box<dyn Check>, String> {
    let p: Params = params(table)?;
    Ok(Box::new(EmptySection {
        min_words: p.min_words,
    }))
}

/// Whether the charter holds structured content (phases, metrics, signatures) for this section.
fn has_structured(charter: &Charter, section: &Section) -> bool {
    match section.key.as_str() {
        "timeline" => any_for(charter, section, charter.phases.iter().map(|p| p.span)),
        "metrics" => any_for(charter, section, charter.metrics.iter().map(|m| m.span)),
        "signatures" => any_for(charter, section, charter.signatures.iter().map(|s| s.span)),
        _ => false,
    }
}

/// Whether any of these spans of structured content belongs to the section: any at all
/// when it is the first section of its key, else one inside it. The spans are read as
/// they come, not collected: this runs for every section short of words.
fn any_for(charter: &Charter, section: &Section, mut spans: impl Iterator<Item = Span>) -> bool {
    let Some(first) = spans.next() else {
        return false;
    };
    let inside = |s: Span| s.start >= section.span.start && s.end <= section.span.end;
    let first_of_key = charter
        .section(&section.key)
        .is_some_and(|s| s.span == section.span);
    first_of_key || inside(first) || spans.any(inside)
}

impl EmptySection {
    /// Whether the section holds `min_words` words: in its fields (label and value,
    /// when the value has words: a bare label such as `- **We give:**` says nothing),
    /// then in its items. Plain loops, no iterator chain: this runs for every section
    /// of every charter.
    fn enough_words(&self, section: &Section) -> bool {
        let mut count = crate::rules::support::text::WordCount::new(self.min_words);
        for f in &section.fields {
            if f.value.has_words() && (count.add(&f.label.text) || count.add(&f.value.text)) {
                return true;
            }
        }
        for item in &section.items {
            if count.add(&item.text) {
                return true;
            }
        }
        count.enough()
    }
}

impl Check for EmptySection {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        for section in &cx.charter.sections {
            // Enough words of its own (counting stops at the threshold).
            if self.enough_words(section) {
                continue;
            }
            // A timeline of phases, a metrics table, signature lines.
            if has_structured(cx.charter, section) {
                continue;
            }
            hits.push(Hit::at(section.heading.span).arg("section", cx.vocab.title(&section.key)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};

    const SRC: &str = "## Exit criteria\n- TBD\n## Goals\n- **For us:** 40 logos\n\
        ## Timeline\n| Crawl | 2026-09-07 |\n## Signatures\n";

    #[test]
    fn a_section_with_too_few_words_fires_at_its_heading() {
        let k = Kit::md(SRC)
            .section("exit", "## Exit criteria")
            .item("TBD")
            .section("signatures", "## Signatures");
        let hits = k.run("empty-section");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].span, k.span("## Exit criteria"));
        assert_eq!(arg(&hits[0], "section"), "Exit criteria");
        assert_eq!(arg(&hits[1], "section"), "Signatures");
    }

    #[test]
    fn bare_labels_are_not_content() {
        let src =
            "## Value exchange\n- **We give:**\n- **Partner gives:**\n- **Our owner:** Dana\n";
        let k = Kit::md(src)
            .section("value-exchange", "## Value exchange")
            .field("we-give", "We give", "")
            .field("partner-gives", "Partner gives", "");
        assert_eq!(k.run("empty-section").len(), 1);
        let k = Kit::md(src)
            .section("governance", "## Value exchange")
            .field("our-owner", "Our owner", "Dana");
        assert!(k.run("empty-section").is_empty());
    }

    #[test]
    fn labels_values_and_phases_count() {
        let k = Kit::md(SRC)
            .section("goals", "## Goals")
            .field("us", "For us", "40 logos")
            .section("timeline", "## Timeline")
            .phase("crawl", "Crawl");
        assert!(k.run("empty-section").is_empty());
    }

    #[test]
    fn a_phase_outside_a_second_timeline_does_not_fill_it() {
        let k = Kit::md(SRC)
            .section("timeline", "## Timeline")
            .phase("crawl", "Crawl")
            .section("timeline", "## Signatures");
        let hits = k.run("empty-section");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].span, k.span("## Signatures"));
    }

    #[test]
    fn min_words_is_a_parameter() {
        let mut t = toml::Table::new();
        t.insert("min-words".into(), toml::Value::Integer(1));
        assert!(super::factory(&t).is_ok());
        t.insert("min-word".into(), toml::Value::Integer(1));
        assert!(super::factory(&t).is_err());
    }
}
