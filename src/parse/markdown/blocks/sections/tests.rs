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
