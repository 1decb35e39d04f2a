//! The vocabulary tables as a rule pack writes them (`[sections.*]`, `[phases]`,
//! `[columns.*]`), and the parts of a phase or metric that columns name.

use serde::Deserialize;
use std::collections::BTreeMap;

/// The vocabulary tables as they appear in a rule pack.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct VocabSpec {
    /// In pack order: the order sections are listed in is their usual order in a charter.
    #[serde(default)]
    pub sections: indexmap::IndexMap<String, SectionSpec>,
    /// Phase kind (`crawl`, `walk`, `run`) to the words that name it.
    #[serde(default)]
    pub phases: BTreeMap<String, Vec<String>>,
    /// Column or label aliases of structured content: `columns.timeline.start = [...]`,
    /// `columns.metrics.target = [...]`.
    #[serde(default)]
    pub columns: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    /// Words that name a column anywhere in its title when no alias matches it:
    /// `column-keywords.timeline.go-no-go = ["criterion", "milestone"]` (see
    /// `vocab::columns`).
    #[serde(default)]
    pub column_keywords: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    /// Fields stated in prose: `cues.metrics.cadence = [["review"], ["monthly"]]`
    /// (see [`super::cues`]).
    #[serde(default)]
    pub cues: super::cues::CueSpec,
    /// Words that make a heading something other than a section (see `vocab::heading`).
    #[serde(default)]
    pub headings: HeadingWords,
    /// How a letter's closing lines open (`Kindly revert`, `Regards`, `Let me know
    /// if`): such a paragraph ends the open section and is none of its content.
    #[serde(default)]
    pub closings: Vec<String>,
}

/// Words that keep a heading from naming a section by keyword (an exact alias still
/// does): `Deal at a glance` is an overview, not the value exchange, and a charter's
/// title (`Brisa Payments + Quillon POS: Partnership Charter`) is no section.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HeadingWords {
    /// An overview of the whole charter, wherever the heading stands.
    #[serde(default)]
    pub overview: Vec<String>,
    /// The document itself, in the first heading (its title).
    #[serde(default)]
    pub title: Vec<String>,
    /// Clauses of the agreement itself (`Governing law`, `Costs`): a term sheet's key
    /// that is one (the whole key) belongs to no section.
    #[serde(default)]
    pub boilerplate: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SectionSpec {
    /// How the section is named in messages and templates.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Words that name the section when they occur in a heading no alias matches
    /// (`Commercial terms`, `How will we know it works?`); see `vocab::heading`.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Field key to its label aliases. `{company}` and `{partner}` stand for the names
    /// in the metadata, so `"{partner} gives"` matches `Northwind gives:`.
    #[serde(default)]
    pub fields: BTreeMap<String, Vec<String>>,
    /// Field key to words that name the field anywhere in a label no alias matches
    /// (`Account lead for the partnership`, `Alliance (partner) manager`), as people
    /// title the same role many ways. For fields no side owns: a side's own fields are
    /// told by its name and their alias words (`vocab::sides`).
    #[serde(default)]
    pub field_keywords: BTreeMap<String, Vec<String>>,
    /// Words that, in the content under a heading that names no section, say the
    /// content is this section's (`decides`, `sponsor`, `escalate` for governance):
    /// such a stretch is read as a section the charter otherwise lacks (see
    /// `vocab::content`).
    #[serde(default)]
    pub content: Vec<String>,
}

/// Labels of a phase's parts, in a timeline table column or an H3 phase's items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhasePart {
    Phase,
    Start,
    End,
    /// Both dates in one cell: `2026-06-01 to 2026-07-24`.
    Dates,
    Scope,
    GoNoGo,
    Result,
}

impl PhasePart {
    pub(super) fn from_key(key: &str) -> Option<PhasePart> {
        Some(match key {
            "phase" => PhasePart::Phase,
            "start" => PhasePart::Start,
            "end" => PhasePart::End,
            "dates" => PhasePart::Dates,
            "scope" => PhasePart::Scope,
            "go-no-go" => PhasePart::GoNoGo,
            "result" => PhasePart::Result,
            _ => return None,
        })
    }
}

/// Columns of a metrics table (or labels inside a metric's item).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetricPart {
    Name,
    Target,
}
