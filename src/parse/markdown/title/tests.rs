use super::{fill_sides, sides};
use crate::model::Meta;

fn two(body: &str) -> Option<(&str, &str)> {
    sides(body, |t| t.starts_with("Goals"))
}

#[test]
fn titles_in_common_shapes_name_both_sides() {
    assert_eq!(
        two("# Keel × Northwind Ledger: partnership charter\n"),
        Some(("Keel", "Northwind Ledger"))
    );
    assert_eq!(
        two("BIRCH ANALYTICS / KETTLE FOODS — JOINT PILOT CHARTER\n====\n"),
        Some(("BIRCH ANALYTICS", "KETTLE FOODS"))
    );
    assert_eq!(
        two("# Partnership charter: Acme and Orbital\n"),
        Some(("Acme", "Orbital"))
    );
    assert_eq!(
        two("**Quill Legal Tech & Ferro Document Cloud Partnership Agreement**\n"),
        Some(("Quill Legal Tech", "Ferro Document Cloud"))
    );
    assert_eq!(
        two("\n## Charter for the Lumen + Harbor integration (draft)\n"),
        Some(("Lumen", "Harbor"))
    );
    assert_eq!(
        two("# 🌱 Sprout × Gridline — how we're doing this\n"),
        Some(("Sprout", "Gridline"))
    );
    assert_eq!(
        two("# 01 / Lumarq × Vesterbro\n"),
        Some(("Lumarq", "Vesterbro"))
    );
    assert_eq!(
        two("# Tallyho 🤝 Pebble Pay\n"),
        Some(("Tallyho", "Pebble Pay"))
    );
    assert_eq!(
        two("# Brisa Payments + Quillon POS: Partnership Charter\n"),
        Some(("Brisa Payments", "Quillon POS"))
    );
}

#[test]
fn a_pasted_email_is_titled_by_its_subject() {
    assert_eq!(
        two("**From:** Tomas <t@s.example>\n**Sent:** Monday\n**Subject:** RE: Northbeam / Solvik charter – signed\n\nJenna,\n"),
        Some(("Northbeam", "Solvik"))
    );
    assert_eq!(
        two("From: Nadia <n@f.example>\nTo: Leon\nSubject: Fenwick x Arlo - the charter, final text\n"),
        Some(("Fenwick", "Arlo"))
    );
    assert_eq!(
        two("Subject: Re: Re: Hexmoor <> Bluebell charter v2 — my answers inline\n\nHi,\n"),
        Some(("Hexmoor", "Bluebell"))
    );
    // The organisations of a sender and a recipient name the sides.
    assert_eq!(
        two("Subject: FW: Pebblecrest pilot\nFrom: Callum Reid\nTo: Damplock leadership\n\n\
            Forwarding.\n\nFrom: Callum Reid, Damplock\nTo: Martina Osei, Pebblecrest Home Insurance\n\
            Date: Fri 22 Jan 2027\n\nDear Martina,\n"),
        Some(("Damplock", "Pebblecrest Home Insurance"))
    );
    assert_eq!(
        two("Dear all,\n\nFrom: Callum Reid, Damplock\nTo: Martina Osei, Pebble\n"),
        None
    );
    // A subject that names one side, or a subject in the text below, names no pair.
    assert_eq!(
        two("Subject: FW: Pebblecrest pilot - what we agreed\n"),
        None
    );
    assert_eq!(two("Hi all,\n\nSubject: Keel x Orbital\n"), None);
}

#[test]
fn titles_that_name_no_pair_give_nothing() {
    assert_eq!(two("# Partnership charter\n"), None);
    assert_eq!(two("# Goals and Objectives\n"), None);
    assert_eq!(two("Some prose first.\n\n# Keel × Orbital\n"), None);
    assert_eq!(two("# Hewlett-Packard partnership\n"), None);
    assert_eq!(two("# the plan and the budget\n"), None);
    assert_eq!(two(""), None);
}

#[test]
fn the_sides_fill_the_metadata_with_their_place() {
    let body = "# Keel × Orbital: partnership charter\n";
    let mut meta = Meta::default();
    fill_sides(body, 10, |_| false, &mut meta);
    let company = meta.company.expect("company");
    assert_eq!(company.text, "Keel");
    assert_eq!((company.span.start, company.span.end), (12, 16));
    assert_eq!(meta.partner.map(|p| p.text).as_deref(), Some("Orbital"));
    // A side already known keeps its place; the title gives the other.
    let mut meta = Meta {
        company: Some(crate::model::Text::new(
            "Orbital Systems",
            crate::model::Span::empty(0),
        )),
        ..Meta::default()
    };
    fill_sides(body, 0, |_| false, &mut meta);
    assert_eq!(meta.partner.map(|p| p.text).as_deref(), Some("Keel"));
}

#[test]
fn the_two_sides_from_the_title() {
    for (title, company, partner) in [
        (
            "# Keel × Northwind Ledger: partnership charter",
            "Keel",
            "Northwind Ledger",
        ),
        (
            "# Partnership Charter: Clearwater Diagnostics and Thameside GP Federation",
            "Clearwater Diagnostics",
            "Thameside GP Federation",
        ),
        (
            "# Reseller and Integration Charter — Calder Payroll / Mint & Sterling",
            "Calder Payroll",
            "Mint & Sterling",
        ),
        (
            "# Nimbletrail and Summit & Sons Outfitters",
            "Nimbletrail",
            "Summit & Sons Outfitters",
        ),
    ] {
        let mut m = Meta::default();
        fill_sides(title, 0, |_| false, &mut m);
        let c = m.company.expect(title);
        let p = m.partner.expect(title);
        assert_eq!((c.text.as_str(), p.text.as_str()), (company, partner));
        assert_eq!(&title[c.span.start..c.span.end], company);
        assert_eq!(&title[p.span.start..p.span.end], partner);
    }
    let mut m = Meta::default();
    fill_sides("# Aldermoor Warm Homes Partnership\n", 0, |_| false, &mut m);
    assert!(m.company.is_none() && m.partner.is_none());
}

#[test]
fn an_id_and_a_purpose_are_no_part_of_a_side() {
    assert_eq!(
        two("# ADR 7 — Acme × Orbital for offline maps\n"),
        Some(("Acme", "Orbital"))
    );
    assert_eq!(
        two("# RFC-12: Keel and Orbital to share routing data\n"),
        Some(("Keel", "Orbital"))
    );
    assert_eq!(two("# [DRAFT] Lumen + Harbor\n"), Some(("Lumen", "Harbor")));
    // A title naming only the side it is written with gives no pair.
    assert_eq!(
        two("# PDR-014: Partner with Kestrel Maps for offline routing\n"),
        None
    );
}

#[test]
fn a_title_naming_only_the_partner_gives_the_partner() {
    for (title, partner) in [
        (
            "# PDR-014: Partner with Kestrel Maps for offline routing\n",
            "Kestrel Maps",
        ),
        ("# JIRA-123 Integrating with Orbital\n", "Orbital"),
        ("# Partnering with Harbor Bank: charter\n", "Harbor Bank"),
    ] {
        let mut m = Meta::default();
        fill_sides(title, 0, |_| false, &mut m);
        assert!(m.company.is_none(), "{title}");
        let p = m.partner.expect(title);
        assert_eq!(&title[p.span.start..p.span.end], partner);
    }
    // A company with a name of its own is a side (`Fieldwise with Kestrel`).
    let mut m = Meta::default();
    fill_sides("# Fieldwise with Kestrel\n", 0, |_| false, &mut m);
    assert_eq!(m.company.map(|c| c.text).as_deref(), Some("Fieldwise"));
}
