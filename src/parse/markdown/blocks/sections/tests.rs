//! The heading decisions, through the whole Markdown reader.

use crate::model::{Charter, PhaseKind, UnreadKind};
use crate::source::Source;
use crate::vocab::default_vocab;

fn read(body: &str) -> Charter {
    let text = format!("+++\npartner = \"Orbital\"\ncompany = \"Keel\"\n+++\n\n{body}");
    crate::parse::markdown::parse(&Source::new("t.charter.md", text), &default_vocab())
}

fn keys(c: &Charter) -> Vec<&str> {
    c.sections.iter().map(|s| s.key.as_str()).collect()
}

fn unread(c: &Charter) -> Vec<(&str, u8)> {
    c.unread
        .iter()
        .filter_map(|u| match u.kind {
            UnreadKind::Heading { level } => Some((u.text.text.as_str(), level)),
            UnreadKind::Label => None,
        })
        .collect()
}

#[test]
fn bold_lines_stand_as_headings() {
    let c = read(
        "# Keel / Orbital charter\n\n**1. Goals**\n\nGrow both.\n\n**2. Value Exchange:**\n\n\
         **Keel gives**\n\nTwo engineers.\n\n**Our owner:** Priya\n\n**3. Timeline**\n\n\
         **Crawl – pilot**\n\nTwo stores.\n\n**Walk – limited availability**\n\nTen stores.\n",
    );
    assert_eq!(keys(&c), ["goals", "value-exchange", "timeline"]);
    // `**Keel gives**` is a field sub-heading; `**Our owner:** Priya` a paragraph.
    let ve = &c.sections[1];
    assert_eq!(ve.fields.first().map(|f| f.key.as_str()), Some("we-give"));
    // Its value runs to the next heading, as under `### Keel gives`.
    let value = ve.fields.first().map(|f| f.value.text.as_str());
    assert!(value.is_some_and(|v| v.starts_with("Two engineers.")));
    let phases: Vec<_> = c.phases.iter().map(|p| p.kind).collect();
    assert_eq!(phases, [Some(PhaseKind::Crawl), Some(PhaseKind::Walk)]);
    // The first heading, naming nothing, is the title: not reported as unread.
    assert!(unread(&c).is_empty());
}

#[test]
fn a_bold_line_under_a_real_heading_is_a_sub_heading_unless_it_is_an_alias() {
    let c = read("## Governance\n\n**Decision owners**\n\nPriya.\n\n**Exit criteria**\n\nNone.\n");
    assert_eq!(keys(&c), ["governance", "exit"]);
}

#[test]
fn keyword_sub_headings_stay_inside_and_aliases_open() {
    let c = read(
        "## Governance\n\n### Decision owners\n\nPriya.\n\n## Timeline\n\n\
         ### Crawl success criteria\n\n20% faster.\n\n### Metrics\n\n- x: 1\n",
    );
    assert_eq!(keys(&c), ["governance", "timeline", "metrics"]);
}

#[test]
fn phases_never_leave_the_timeline() {
    let c = read(
        "## 3. Programme timeline\n\n## 3.1 Crawl\n\nPilot.\n\n## 3.2 Walk\n\nMore.\n\n\
         ## 4. Measures of success\n\n- Adoption: 70%\n",
    );
    assert_eq!(keys(&c), ["timeline", "metrics"]);
    assert_eq!(c.phases.len(), 2);
}

#[test]
fn setext_headings_are_headings() {
    let c = read("Goals\n=====\n\nGrow.\n\nCommercial terms\n================\n\nMoney.\n");
    assert_eq!(keys(&c), ["goals", "value-exchange"]);
    let c = read("Goals\n-----\n\nGrow.\n\nWho decides?\n------------\n\nPriya.\n");
    assert_eq!(keys(&c), ["goals", "governance"]);
}

#[test]
fn content_decides_under_a_heading_that_names_nothing() {
    let c = read(
        "# Title\n\n## How the weeks go\n\n- Crawl (6 Apr – 15 May 2027): pilots\n\
         - Walk (1 Jun – 31 Aug 2027): more\n\n## People\n\n- Our owner: Priya\n\
         - Escalation: the COOs\n\n## Background\n\nResults are shared with every walk \
         customer after the crawl.\n",
    );
    assert_eq!(keys(&c), ["timeline", "governance"]);
    // Read by content: not unread. The background is; the title is the title.
    assert_eq!(unread(&c), [("Background", 2)]);
}

#[test]
fn unread_sub_headings_keep_their_section() {
    let c = read("## Goals\n\n### Appendix of figures\n\nx\n");
    let u = c.unread.first().expect("unread");
    assert_eq!(u.section.as_deref(), Some("goals"));
    assert_eq!(u.kind, UnreadKind::Heading { level: 3 });
}

#[test]
fn a_letters_closing_ends_the_open_section() {
    let c = read(
        "## Exit\n\n- Fewer than 100 shipments a day by 31 December 2026\n\n\
         Have a good weekend,\nJenna\n\nJenna Park | Partner Programs Lead | Northbeam\n\n\
         ## Signatures\n\n- Keel: Priya, 2 March 2027\n",
    );
    assert_eq!(keys(&c), ["exit", "signatures"]);
    assert_eq!(c.sections[0].items.len(), 1);
    // Wrapped prose and labels are content, not a closing.
    let c = read("## Exit\n\nIn crawl,\nwe stop early.\n\nOwners,\nsee governance.\n");
    assert_eq!(c.sections[0].items.len(), 2);
}

#[test]
fn signature_lines_after_another_section_are_the_signatures() {
    let c = read(
        "## Exit\n\n- Fewer than 2,000 kits by 31 December 2027\n\n\
         Signed for Keel: Callum Reid, 22 January 2027.\nSigned for Orbital: Martina Osei, 24 January 2027.\n",
    );
    // The fill reads them as signatures and gives them a section of their own.
    assert_eq!(keys(&c), ["exit", "signatures"]);
    assert_eq!(c.signatures.len(), 2);
    assert_eq!(c.sections[0].items.len(), 1);
}

#[test]
fn a_bold_line_with_an_aside_is_a_heading_and_keeps_the_aside() {
    let c = read(
        "## Goals\n\nGrow.\n\n**Metrics** (shared dashboard, reviewed monthly)\n\n\
         - Shipments a day: 300\n\n**Exit** (either side)\n\n- Below 80% for two months\n",
    );
    assert_eq!(keys(&c), ["goals", "metrics", "exit"]);
    // The aside is the metrics' content (it may say the review cadence).
    let items: Vec<_> = c.sections[1]
        .items
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(items, ["Metrics (shared dashboard, reviewed monthly)"]);
    // An aside that does not end the paragraph is a sentence: no heading.
    let c = read("## Goals\n\nGrow.\n\n**Metrics** (shared) are reviewed monthly.\n");
    assert_eq!(keys(&c), ["goals"]);
}

#[test]
fn a_first_heading_naming_the_document_is_the_title() {
    let c = read(
        "Brisa Payments + Quillon POS: Partnership Charter\n===\n\nIntro.\n\n## Goals\n\nGrow.\n",
    );
    assert_eq!(keys(&c), ["goals"]);
    // Further down, the same words do not make a title.
    let c =
        read("# Keel × Orbital\n\n## Goals\n\nGrow.\n\n## Payments under the charter\n\nFees.\n");
    assert_eq!(keys(&c), ["goals", "value-exchange"]);
}

#[test]
fn a_first_heading_naming_both_sides_is_the_title_not_a_section_by_keyword() {
    // `doing this` is a goals keyword; the heading names Keel and Orbital.
    let c = read(
        "# Keel × Orbital — how we're doing this\n\n## What we each want\n\n- Keel: x\n\n\
         ## Give and get\n\n- Keel gives: y\n",
    );
    assert_eq!(keys(&c), ["goals", "value-exchange"]);
    assert_eq!(c.sections[0].heading.text, "What we each want");
}

#[test]
fn a_heading_that_names_a_field_is_that_field_without_a_section_above_it() {
    // An issue form: flat `###` headings, one per field, the value under each.
    let c = read(
        "# Keel × Orbital\n\n### Success for Keel\n\nForty logos.\n\n### Success for Orbital\n\n\
         Less churn.\n\n### Success for shared customers\n\nOne bill.\n\n\
         ### What Keel gives\n\n- two engineers\n\n### What Orbital gives\n\n- data\n\n\
         ### What Orbital loses if it fails\n\nA launch slot.\n\n### Metrics\n\n- Logos: 40\n\n\
         ### Review cadence\n\nMonthly.\n\n### Decision owners\n\n- Keel: Priya\n\
         - Orbital: _No response_\n\n### Escalation path\n\nThe COOs.\n\n\
         ### Sync cadence\n\nWeekly.\n",
    );
    assert_eq!(
        keys(&c),
        [
            "goals",
            "value-exchange",
            "metrics",
            "governance",
            "governance"
        ]
    );
    let fields = |i: usize| -> Vec<(&str, &str)> {
        c.sections[i]
            .fields
            .iter()
            .map(|f| (f.key.as_str(), f.value.text.as_str()))
            .collect()
    };
    assert_eq!(
        fields(0),
        [
            ("us", "Forty logos."),
            ("partner", "Less churn."),
            ("customers", "One bill.")
        ]
    );
    assert_eq!(
        fields(1),
        [
            ("we-give", "two engineers"),
            ("partner-gives", "data"),
            ("partner-loses", "A launch slot.")
        ]
    );
    assert_eq!(fields(2), [("cadence", "Monthly.")]);
    // What a form prints for a field left empty is no value.
    assert_eq!(fields(3), [("our-owner", "Priya"), ("partner-owner", "")]);
    assert_eq!(
        fields(4),
        [("escalation", "The COOs."), ("sync-cadence", "Weekly.")]
    );
    assert!(unread(&c).is_empty(), "{:?}", unread(&c));
}

#[test]
fn a_section_heading_that_speaks_for_both_sides_is_no_field() {
    let c = read("## Why are we doing this?\n\n- For us: forty logos\n- For Orbital: less churn\n");
    let keys: Vec<_> = c.sections[0]
        .fields
        .iter()
        .map(|f| f.key.as_str())
        .collect();
    assert_eq!(keys, ["us", "partner"]);
}

#[test]
fn sibling_phase_headings_without_a_timeline_heading_are_the_timeline() {
    let c = read(
        "## Goals\n\nGrow.\n\n## Crawl\n\n- Dates: 2027-02-08 to 2027-03-19\n\n\
         ## Walk\n\nTen stores from 2027-04-05 to 2027-06-25.\n\n## Run\n\n- Scope: all\n\n\
         ## Metrics\n\n- Logos: 40\n",
    );
    assert_eq!(keys(&c), ["goals", "timeline", "metrics"]);
    let phases: Vec<_> = c.phases.iter().map(|p| p.kind).collect();
    assert_eq!(
        phases,
        [
            Some(PhaseKind::Crawl),
            Some(PhaseKind::Walk),
            Some(PhaseKind::Run)
        ]
    );
    // A phase's prose is read, though no heading above names the timeline.
    let walk = c.phases[1].scope.as_ref().map(|s| s.text.as_str());
    assert_eq!(walk, Some("Ten stores from 2027-04-05 to 2027-06-25."));
    assert!(unread(&c).is_empty(), "{:?}", unread(&c));
}

#[test]
fn a_phase_heading_keeps_its_part_headings_and_a_side_heading_needs_a_shared_word() {
    let c = read(
        "# Charter\n\n### Success for Keel\n\nForty logos.\n\n### Keel's data access\n\nRead-only.\n\n\
         ### Crawl\n\n#### Dates\n2027-02-08 to 2027-03-19\n\n#### Go/no-go\nAt least 20%.\n\n\
         ### Walk\n\n#### Dates\n2027-04-05 to 2027-06-25\n",
    );
    assert_eq!(keys(&c), ["goals", "timeline"]);
    // Naming Keel and no section, but sharing no word with `Success for Keel`.
    assert_eq!(c.sections[0].fields.len(), 1);
    assert_eq!(unread(&c), [("Keel's data access", 3)]);
    let crawl = &c.phases[0];
    assert_eq!(
        crawl.go_no_go.as_ref().map(|t| t.text.as_str()),
        Some("At least 20%.")
    );
    assert_eq!(
        c.phases[1].start_date().map(|d| d.to_string()).as_deref(),
        Some("2027-04-05")
    );
}

#[test]
fn prose_under_a_heading_that_names_nothing_is_the_missing_section_it_speaks_of() {
    let c = read(
        "# Keel and Orbital\n\nWe wrote this over coffee.\n\n## 1) Why\n\nKeel wants 40 stores. \
         Orbital wants fewer returns.\n\n## 5) Running it\n\nPriya decides for Keel; Sam decides \
         for Orbital. Sponsors meet monthly and anything stuck is escalated to them.\n\n\
         ## 6) Getting out\n\nEither side can end this with 60 days' notice.\n\n## Notes\n\n\
         Lunch was good.\n",
    );
    assert_eq!(keys(&c), ["goals", "governance", "exit"]);
    // Read after all: only the heading whose content says nothing stays unread.
    assert_eq!(unread(&c), [("Notes", 2)]);
    assert!(c.sections[1].has_content());
}

#[test]
fn content_never_takes_a_section_the_charter_has() {
    let c = read(
        "# Keel and Orbital\n\n## Governance\n\n- Our owner: Priya\n\n## How we work\n\n\
         Sam decides for Orbital and the sponsors meet monthly.\n",
    );
    assert_eq!(keys(&c), ["governance"]);
    assert_eq!(unread(&c), [("How we work", 2)]);
}

#[test]
fn the_titles_prose_is_never_scored() {
    let c = read(
        "# Keel and Orbital\n\nPriya decides; Sam decides; sponsors meet.\n\n## Goals\n\nGrow.\n",
    );
    assert_eq!(keys(&c), ["goals"]);
}

#[test]
fn a_closing_line_ends_the_section_it_stands_in() {
    let c = read(
        "## Exit criteria\n\n- Churn above 5% for two months.\n\n\
         Kindly revert with approval at the earliest so we can do the needful.\n\n## Signatures\n\nx\n",
    );
    let exit = c.sections.iter().find(|s| s.key == "exit").expect("exit");
    let items: Vec<&str> = exit.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(items, ["Churn above 5% for two months."]);
}

/// A heading that names the timeline by its keyword and one phase (`Phase 1 — Crawl`)
/// is that phase, its own dates read before the due dates of the tasks under it; a
/// heading naming several phases is the whole timeline.
#[test]
fn a_phase_heading_that_opens_the_timeline_is_its_first_phase() {
    let c = read(
        "# Keel / Orbital\n\n### Phase 1 — Crawl (22 Feb → 5 Mar 2027)\n\n\
         - [ ] 150 pilot riders @dee due 2027-02-19\n\n\
         ### Phase 2 — Walk (15 Mar → 4 Jun 2027)\n\n- [ ] Readers on 40 docks\n",
    );
    assert_eq!(keys(&c), ["timeline"]);
    let phases: Vec<_> = c.phases.iter().map(|p| p.kind).collect();
    assert_eq!(phases, [Some(PhaseKind::Crawl), Some(PhaseKind::Walk)]);
    let start = c.phases[0].start.as_ref().map(|d| d.text.text.as_str());
    assert_eq!(start, Some("22 Feb → 5 Mar 2027"));
    let c = read("# Keel / Orbital\n\n## Plan: crawl → walk → run\n\n- Crawl (Nov 2 – Dec 11, 2026): two orgs\n- Walk (Jan 2027): eight orgs\n");
    let phases: Vec<_> = c.phases.iter().map(|p| p.kind).collect();
    assert_eq!(phases, [Some(PhaseKind::Crawl), Some(PhaseKind::Walk)]);
}
