use crate::model::{Leverage, Meta, Status, Tier};
use crate::vocab::default_vocab;

fn read(src: &str) -> Meta {
    let mut meta = Meta::default();
    super::read(src, 0, &default_vocab(), &mut meta);
    meta
}

fn at<'s>(src: &'s str, t: &Option<crate::model::Text>) -> &'s str {
    let t = t.as_ref().expect("a value");
    &src[t.span.start..t.span.end]
}

fn leverage(m: &Meta) -> Vec<Option<Leverage>> {
    m.leverage.iter().map(|l| l.ok()).collect()
}

#[test]
fn a_two_column_table_with_bold_keys_and_an_empty_header() {
    let src = "| | |\n|---|---|\n| **Company** | Bramble |\n| **Partner** | Lattice HR |\n| **Tier** | 2 – Partnership |\n| **Leverage** | Customer, Economic |\n| **Status** | Walk |\n| **Next review** | 1 March 2027 |\n\n**Bramble × Lattice — charter**\n\n**1\\. Goals**\n\nTier: 3\n";
    let m = read(src);
    assert_eq!(at(src, &m.partner), "Lattice HR");
    assert_eq!(m.tier(), Some(Tier::Partnership));
    assert_eq!(
        at(src, &m.tier.as_ref().map(|t| t.text.clone())),
        "2 – Partnership"
    );
    assert_eq!(m.status(), Some(Status::Walk));
    assert_eq!(
        leverage(&m),
        [Some(Leverage::Customer), Some(Leverage::Economic)]
    );
    let l = &m.leverage[1].text;
    assert_eq!(&src[l.span.start..l.span.end], "Economic");
    assert_eq!(
        m.next_review
            .unwrap()
            .ok()
            .map(|d| d.to_string())
            .as_deref(),
        Some("2027-03-01")
    );
}

#[test]
fn a_field_value_table_under_a_setext_title() {
    let src = "Ardent / Lumio — Charter\n=====\n\n| Field | Value |\n|---|---|\n| Our company | Ardent |\n| Partner tier | Tier 2 (partnership / joint development) |\n| Phase | (/) Walk |\n| Document status | Approved |\n\nGoals\n-----\n\n| Tier | 3 |\n";
    let m = read(src);
    assert_eq!(at(src, &m.company), "Ardent");
    assert_eq!(m.tier(), Some(Tier::Partnership));
    assert_eq!(m.status(), Some(Status::Walk));
}

#[test]
fn a_one_row_wide_table() {
    let src = "# Junco × Vertex\n\n| Company | Partner | Tier | Status | Leverage |\n|---|---|---|---|---|\n| Junco | Vertex | 3 | crawl | requirement, customer |\n\n## Goals\n";
    let m = read(src);
    assert_eq!(at(src, &m.partner), "Vertex");
    assert_eq!(m.tier(), Some(Tier::Strategic));
    assert_eq!(m.status(), Some(Status::Crawl));
    assert_eq!(
        leverage(&m),
        [Some(Leverage::Requirement), Some(Leverage::Customer)]
    );
}

#[test]
fn a_key_facts_list_and_terse_bullets() {
    let src = "# Helix + Candor\n\n**Key facts**\n- Company: Helix\n- Partner: Candor CRM\n- Alliance tier: 1 (integration)\n- Status: crawl\n\n## Partnership objectives\n- Tier: 3\n";
    let m = read(src);
    assert_eq!(at(src, &m.partner), "Candor CRM");
    assert_eq!(m.tier(), Some(Tier::Integration));
    let src = "# Quayside x Ferro\n\n- co: Quayside Parcel\n- partner: Ferro\n- next review: 2027-04-02\n\n## Goals\n";
    let m = read(src);
    assert_eq!(at(src, &m.company), "Quayside Parcel");
    assert_eq!(at(src, &m.next_review.map(|d| d.text)), "2027-04-02");
}

#[test]
fn property_lines_under_the_title_in_one_paragraph() {
    let src = "# Kestrel × Orbital\n\nCompany: Kestrel Maps\nPartner: Orbital\nTier: 2 (partnership)\n**Leverage:** customer, economic\nStatus: walk\nCreated: November 3, 2026\n\n## Goals\n";
    let m = read(src);
    assert_eq!(at(src, &m.partner), "Orbital");
    assert_eq!(
        at(src, &m.tier.as_ref().map(|t| t.text.clone())),
        "2 (partnership)"
    );
    assert_eq!(m.tier(), Some(Tier::Partnership));
    assert_eq!(
        leverage(&m),
        [Some(Leverage::Customer), Some(Leverage::Economic)]
    );
    assert_eq!(
        m.created.unwrap().ok().map(|d| d.to_string()).as_deref(),
        Some("2026-11-03")
    );
}

#[test]
fn sentences_of_properties_in_a_memo_header() {
    let src = "# Hightide + Corbel\n\nFrom Nate. December 14, 2026.\nPartner: Corbel Roofing Supply. Tier 2. Leverage: economic. Status: crawl (from February 1, 2027). Next review: April 16, 2027.\n\n## Why\n";
    let m = read(src);
    assert_eq!(at(src, &m.partner), "Corbel Roofing Supply");
    assert_eq!(m.tier(), Some(Tier::Partnership));
    assert_eq!(m.status(), Some(Status::Crawl));
    assert_eq!(leverage(&m), [Some(Leverage::Economic)]);
    assert_eq!(at(src, &m.next_review.map(|d| d.text)), "April 16, 2027");
}

#[test]
fn a_day_that_does_not_exist_is_kept_as_an_error() {
    let src = "| | |\n|---|---|\n| Next review | 31 April 2027 |\n";
    let m = read(src);
    assert!(m.next_review.unwrap().value.is_err());
}

#[test]
fn front_matter_wins_and_prose_is_not_metadata() {
    let mut meta = Meta::default();
    let fm = crate::model::Text::new("1", crate::model::Span::new(0, 1));
    meta.tier = Some(crate::model::Parsed::tier(fm));
    let src = "# T\n\nTier: 3\nPartner: Orbital\n\n## Goals\n\nStatus: walk\n";
    super::read(src, 0, &default_vocab(), &mut meta);
    assert_eq!(meta.tier(), Some(Tier::Integration));
    assert_eq!(meta.partner.unwrap().text, "Orbital");
    assert!(
        meta.status.is_none(),
        "a recognised section ends the preamble"
    );
    let m = read("# T\n\nA joint-development (tier 2) partnership: the status of it is fine.\n");
    assert!(m.tier.is_none() && m.status.is_none());
}

#[test]
fn a_property_line_joined_by_bars_or_dots_with_or_without_colons() {
    let src = "# A / B\n\nTier: 2 | Status: crawl | Leverage: economic\n";
    let m = read(src);
    assert_eq!(m.tier(), Some(Tier::Partnership));
    assert_eq!(m.status(), Some(Status::Crawl));
    assert_eq!(leverage(&m), [Some(Leverage::Economic)]);
    let src = "# A 🤝 B\n\n🏷️ **Tier** 1 · 🚦 **Status** walk · 🧲 **Leverage**: customer\n";
    let m = read(src);
    assert_eq!(m.tier(), Some(Tier::Integration));
    assert_eq!(at(src, &m.status.as_ref().map(|s| s.text.clone())), "walk");
    assert_eq!(leverage(&m), [Some(Leverage::Customer)]);
    // Without separators a key needs its colon: prose is not metadata.
    let m = read("# A / B\n\nStatus of this memo is informal.\n");
    assert!(m.status.is_none());
}

#[test]
fn property_lines_with_leaders() {
    let src = "ACME / ORBITAL\n\n   Company ......... Acme Ltd\n   Partner ......... Orbital\n   Tier ............ 2 (partnership)\n   Leverage ________ economic, customer\n   Status\twalk\n   Next review     12-Apr-2027\n\nSome prose. Tier 3 here is prose.\n";
    let m = read(src);
    assert_eq!(at(src, &m.company), "Acme Ltd");
    assert_eq!(at(src, &m.partner), "Orbital");
    assert_eq!(m.tier(), Some(Tier::Partnership));
    assert_eq!(m.status(), Some(Status::Walk));
    assert_eq!(
        leverage(&m),
        [Some(Leverage::Economic), Some(Leverage::Customer)]
    );
    let next = m.next_review.unwrap();
    assert_eq!(
        &src[next.text.span.start..next.text.span.end],
        "12-Apr-2027"
    );
    assert_eq!(
        next.ok().map(|d| d.to_string()).as_deref(),
        Some("2027-04-12")
    );
}

#[test]
fn an_issue_form_gives_each_key_a_heading() {
    let src = "# [Charter]: Acme × Orbital\n\nLabels: `charter`\n\n### Company\n\nAcme Robotics\n\n### Tier\n\n2 - Partnership (joint development)\n\n### Status\n\n_No response_\n\n### Leverage (select all that apply)\n\n- [ ] Requirement\n- [x] Economic\n- [X] Customer\n\n### Next review date\n\n2027-04-12\n\n### Success for Acme\n\nStatus: walk\n";
    let m = read(src);
    assert_eq!(at(src, &m.company), "Acme Robotics");
    assert_eq!(m.tier(), Some(Tier::Partnership));
    assert!(m.status.is_none());
    assert_eq!(
        leverage(&m),
        [Some(Leverage::Economic), Some(Leverage::Customer)]
    );
    let l = &m.leverage[1].text;
    assert_eq!(&src[l.span.start..l.span.end], "Customer");
    assert!(m.next_review.is_some());
}

#[test]
fn a_heading_that_names_a_key_over_prose_is_not_a_field() {
    let src = "# Acme × Orbital\n\n## Partner\n\nOrbital is a payments company based in Lisbon that serves four thousand small shops in the south.\n\n## Goals\n";
    assert!(read(src).partner.is_none());
}

#[test]
fn qualified_keys_in_a_headerless_table() {
    let src = "# READ-ON: Partnership Agreement\n\n## Project summary\n\n| | |\n|---|---|\n| Project acronym | READ-ON |\n| Company (Coordinator) | Tandem Trust |\n| Partnership tier | 2 — partnership |\n| Date of agreement | 2026-03-20 |\n| Next review (Steering Committee) | 31.06.2027 |\n";
    let m = read(src);
    assert_eq!(at(src, &m.company), "Tandem Trust");
    assert!(m.created.as_ref().is_some_and(|c| c.ok().is_some()));
    assert!(m.next_review.as_ref().is_some_and(|c| c.ok().is_none()));
}

#[test]
fn leaders_are_looked_for_between_characters() {
    let src = "Subject: Acme – Orbital — v2 … notes\n\nPartner … Orbital\n";
    assert_eq!(at(src, &read(src).partner), "Orbital");
}

#[test]
fn dataview_inline_fields_with_wikilinks() {
    let src = "company:: [[Saltmarsh Analytics]]\npartner:: [[Greyfield Co-op|Greyfield Agri]]\ntier:: 3\nnext-review:: 2027-01-15\n";
    let m = read(src);
    let company = m.company.as_ref().expect("a company");
    assert_eq!(company.text, "Saltmarsh Analytics");
    assert_eq!(at(src, &m.company), "Saltmarsh Analytics");
    assert_eq!(
        m.partner.as_ref().map(|t| t.text.as_str()),
        Some("Greyfield Agri")
    );
    assert_eq!(m.tier(), Some(Tier::Strategic));
    assert_eq!(
        m.next_review.unwrap().ok().map(|d| d.to_string()),
        Some("2027-01-15".to_string())
    );
}

#[test]
fn markings_in_capitals_are_neither_titles_nor_content() {
    let src = "**SUBJECT TO CONTRACT**\n\n**PRIVATE & CONFIDENTIAL**\n\n# HEADS OF TERMS\n\n## A pilot\n\n| Term | Provision |\n|---|---|\n| **1. Partner** | Fenmore |\n| **3. Tier** | 2 |\n\n## Goals\n";
    let m = read(src);
    assert_eq!(at(src, &m.partner), "Fenmore");
    assert_eq!(m.tier(), Some(Tier::Partnership));
    // Without markings, a third heading still ends the search.
    let m = read("# Title\n\n## Sub\n\n## Other\n\nTier: 2\n");
    assert_eq!(m.tier(), None);
}
