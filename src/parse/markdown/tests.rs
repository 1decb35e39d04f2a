use super::*;
use crate::model::{Charter, IssueKind, PhaseKind, Side};
use crate::vocab::default_vocab;

const CANONICAL: &str = include_str!("../../../examples/northwind-ledger.charter.md");

/// The canonical charter rewritten with every other convention: YAML front matter,
/// numbered and emoji headings, sub-heading fields, two-column tables, one H3 per
/// phase, a KPI/Goal table, labels with the colon outside the bold, plain paragraphs.
const VARIANT: &str = r#"---
partner: Northwind Ledger
company: Keel
tier: 2
leverage: [economic, customer]
status: walk
created: 2026-08-24
next-review: 2027-01-15
---

# Keel × Northwind Ledger: partnership charter

A joint-development (tier 2) partnership.

## 1. Mutual goals & success

### For us

40 new mid-market accounts sourced through Northwind by the end of run.

### For the partner

churn in accounts using the integration falls by 15% within two quarters.

### For shared customers

month-end close takes 2 days instead of 5.

## 💰 Value exchange

| Side | Commitment |
|------|------------|
| We give | two integration engineers for walk and run, and $40k of launch budget. |
| Northwind gives | a 15% revenue share on referred accounts and one dedicated solutions engineer. |
| Keel loses | the engineers' two quarters and the launch budget if it fails. |
| Partner loses | its own build effort and a quarter of roadmap space it gave us. |
| Is it balanced? | yes: both sides fund people and both stand to lose a quarter's work. |

## Crawl–Walk–Run Timeline

### Phase 1 — Crawl

- Dates: 2026-09-07 to 2026-10-30
- Deliverables: 2 pilot customers, manual sync
- **Go/No-Go:** ≥ 20% faster month-end close
- Result: Passed: 34% faster close

### 🚶 Walk

- Start: 2026-11-02
- End: 2027-01-22
- Scope: 8 more customers, formal integration
- Go/No-Go: ≥ 70% of invited customers adopt

### Run (scale)

- Dates: 2027-01-25 to 2027-12-17
- Deliverables: Marketplace listing, joint selling
- Go/No-Go: ROI model holds at 40 accounts
- **Run cadence**: quarterly business reviews with both executive teams.

## KPIs

| KPI | Goal |
|-----|------|
| Month-end close time | 2 days or less |
| Adoption of invited customers | 70% |
| Referred accounts | 40 by 2027-12 |

**Tracked in**: the shared partnership dashboard, refreshed weekly.

Review cadence: monthly between owners, quarterly with sponsors.

## Governance

| Role | Who |
|------|-----|
| Keel owner | Dana Ruiz, VP Partnerships |
| Partner owner | Ravi Shah, Head of Alliances |
| Sync cadence | weekly 30-minute sync between the integration teams. |
| Escalation | owners within 5 business days, then the two COOs within 10. |

## Appendix: notes

- **We give:** this is not in any section.

## IV. Exit criteria

1. Fewer than 70% of invited walk customers adopt by 2027-01-22.
2. Month-end close improves by less than 20% for the pilot customers.
3. Either side misses its committed headcount for 2 consecutive months.

## Sign-off

- [x] Dana Ruiz, VP Partnerships, Keel — 2026-08-28
- [X] Ravi Shah, Head of Alliances, Northwind Ledger — 2026-08-31
"#;

pub(super) fn parse_str(text: &str) -> Charter {
    parse(
        &Source::new("test.charter.md", text.to_string()),
        &default_vocab(),
    )
}

/// Keys and texts of the whole model, for comparing two spellings of one charter.
fn summary(c: &Charter) -> Vec<String> {
    let m = &c.meta;
    let t = |t: &Option<crate::model::Text>| t.as_ref().map(|t| t.text.clone()).unwrap_or_default();
    fn pt<T>(p: &Option<crate::model::Parsed<T>>) -> String {
        p.as_ref().map(|p| p.text.text.clone()).unwrap_or_default()
    }
    let mut out = vec![format!(
        "meta {} {} {} {} {} {} {:?}",
        t(&m.partner),
        t(&m.company),
        pt(&m.tier),
        pt(&m.status),
        pt(&m.created),
        pt(&m.next_review),
        m.leverage.iter().map(|l| &l.text.text).collect::<Vec<_>>()
    )];
    for s in &c.sections {
        out.push(format!("section {}", s.key));
        for f in &s.fields {
            out.push(format!("  {} = {}", f.key, f.value.text));
        }
        for i in &s.items {
            out.push(format!("  item {}", i.text));
        }
    }
    for p in &c.phases {
        out.push(format!(
            "phase {:?} {} {} | {} | {} | {}",
            p.kind,
            pt(&p.start),
            pt(&p.end),
            t(&p.scope),
            t(&p.go_no_go),
            t(&p.result)
        ));
    }
    for mt in &c.metrics {
        out.push(format!("metric {} -> {}", mt.name.text, t(&mt.target)));
    }
    for s in &c.signatures {
        out.push(format!(
            "sig {} {} {} {:?}",
            s.who.text,
            s.signed,
            t(&s.date),
            s.side
        ));
    }
    out
}

/// Every span of the model lies within the text and on char boundaries.
pub(super) fn check_spans(c: &Charter, text: &str) {
    let mut spans = vec![];
    let m = &c.meta;
    spans.extend(m.span);
    spans.extend(m.leverage_span);
    for t in [&m.partner, &m.company].into_iter().flatten() {
        spans.push(t.span);
    }
    spans.extend(m.tier.iter().map(|t| t.text.span));
    spans.extend(m.status.iter().map(|t| t.text.span));
    spans.extend(m.leverage.iter().map(|t| t.text.span));
    for d in [&m.created, &m.next_review].into_iter().flatten() {
        spans.push(d.text.span);
    }
    for s in &c.sections {
        spans.extend([s.span, s.body, s.heading.span]);
        for f in &s.fields {
            spans.extend([f.label.span, f.value.span]);
        }
        spans.extend(s.items.iter().map(|i| i.span));
    }
    for p in &c.phases {
        spans.extend([p.span, p.name.span]);
        for t in [&p.scope, &p.go_no_go, &p.result].into_iter().flatten() {
            spans.push(t.span);
        }
        for d in [&p.start, &p.end].into_iter().flatten() {
            spans.push(d.text.span);
        }
    }
    for mt in &c.metrics {
        spans.extend([mt.span, mt.name.span]);
        spans.extend(mt.target.as_ref().map(|t| t.span));
    }
    for s in &c.signatures {
        spans.extend([s.span, s.who.span]);
        spans.extend(s.date.as_ref().map(|d| d.span));
    }
    spans.extend(c.issues.iter().map(|i| i.span));
    for s in spans {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{s:?} outside 0..={}",
            text.len()
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{s:?} not on char boundaries"
        );
    }
}

fn slice(text: &str, t: &crate::model::Text) -> String {
    text[t.span.start..t.span.end].to_string()
}

#[test]
fn canonical_example_parses_into_the_full_model() {
    let c = parse_str(CANONICAL);
    assert!(c.issues.is_empty(), "{:?}", c.issues);
    check_spans(&c, CANONICAL);
    let m = &c.meta;
    assert_eq!(m.partner.as_ref().unwrap().text, "Northwind Ledger");
    assert_eq!(m.company.as_ref().unwrap().text, "Keel");
    assert_eq!(m.tier.as_ref().unwrap().text.text, "2");
    assert_eq!(m.status.as_ref().unwrap().text.text, "walk");
    assert_eq!(m.created.as_ref().unwrap().text.text, "2026-08-24");
    assert_eq!(m.next_review.as_ref().unwrap().text.text, "2027-01-15");
    assert_eq!(m.leverage.len(), 2);
    let fm_end = CANONICAL.find("+++\n\n").unwrap() + 3;
    assert_eq!(m.span, Some(Span::new(0, fm_end)));

    let keys: Vec<&str> = c.sections.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "goals",
            "value-exchange",
            "timeline",
            "metrics",
            "governance",
            "exit",
            "signatures"
        ]
    );
    let field = |s: &str, f: &str| c.field(s, f).unwrap_or_else(|| panic!("{s}.{f}"));
    for (s, f) in [
        ("goals", "us"),
        ("goals", "partner"),
        ("goals", "customers"),
        ("value-exchange", "we-give"),
        ("value-exchange", "partner-gives"),
        ("value-exchange", "we-lose"),
        ("value-exchange", "partner-loses"),
        ("value-exchange", "balanced"),
        ("timeline", "run-cadence"),
        ("metrics", "tracking"),
        ("metrics", "cadence"),
        ("governance", "our-owner"),
        ("governance", "partner-owner"),
        ("governance", "sync-cadence"),
        ("governance", "escalation"),
    ] {
        assert!(field(s, f).value.has_words(), "{s}.{f}");
    }
    let give = field("value-exchange", "we-give");
    assert_eq!(give.label.text, "We give");
    assert_eq!(slice(CANONICAL, &give.label), "We give");
    assert_eq!(
        give.value.text,
        "two integration engineers for walk and run, and $40k of launch budget."
    );
    assert_eq!(slice(CANONICAL, &give.value), give.value.text);
    assert_eq!(
        field("value-exchange", "balanced").value.text,
        "yes: both sides fund people and both stand to lose a quarter's work."
    );
    assert_eq!(
        field("governance", "our-owner").value.text,
        "Dana Ruiz, VP Partnerships"
    );
    let exit = c.section("exit").unwrap();
    assert_eq!(exit.items.len(), 3);
    assert!(exit.fields.is_empty());
    assert_eq!(slice(CANONICAL, &exit.items[2]), exit.items[2].text);
    assert!(CANONICAL[exit.span.start..exit.span.end].starts_with("## Exit criteria"));
    assert!(CANONICAL[exit.span.start..exit.span.end].ends_with("2 consecutive months."));

    assert_eq!(c.phases.len(), 3);
    let crawl = c.phase(PhaseKind::Crawl).unwrap();
    assert_eq!(crawl.start.as_ref().unwrap().text.text, "2026-09-07");
    assert_eq!(
        &slice(CANONICAL, &crawl.start.as_ref().unwrap().text),
        "2026-09-07"
    );
    assert_eq!(crawl.end.as_ref().unwrap().text.text, "2026-10-30");
    assert_eq!(
        crawl.go_no_go.as_ref().unwrap().text,
        "≥ 20% faster month-end close"
    );
    assert_eq!(
        crawl.result.as_ref().unwrap().text,
        "Passed: 34% faster close"
    );
    assert_eq!(
        crawl.scope.as_ref().unwrap().text,
        "2 pilot customers, manual sync"
    );
    let walk = c.phase(PhaseKind::Walk).unwrap();
    assert!(walk.result.is_none());
    assert_eq!(walk.end.as_ref().unwrap().text.text, "2027-01-22");
    let run = c.phase(PhaseKind::Run).unwrap();
    assert_eq!(
        run.go_no_go.as_ref().unwrap().text,
        "ROI model holds at 40 accounts"
    );

    let metrics: Vec<(&str, &str)> = c
        .metrics
        .iter()
        .map(|m| {
            (
                m.name.text.as_str(),
                m.target.as_ref().unwrap().text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        metrics,
        [
            ("Month-end close time", "2 days or less"),
            ("Adoption of invited customers", "70%"),
            ("Referred accounts", "40 by 2027-12"),
        ]
    );

    assert_eq!(c.signatures.len(), 2);
    let [dana, ravi] = [&c.signatures[0], &c.signatures[1]];
    assert!(dana.signed && ravi.signed);
    assert_eq!(dana.side, Some(Side::Company));
    assert_eq!(ravi.side, Some(Side::Partner));
    assert_eq!(dana.who.text, "Dana Ruiz, VP Partnerships, Keel");
    assert_eq!(dana.date.as_ref().unwrap().text, "2026-08-28");
    assert_eq!(slice(CANONICAL, ravi.date.as_ref().unwrap()), "2026-08-31");
}

#[test]
fn every_convention_gives_the_same_model() {
    let canonical = summary(&parse_str(CANONICAL));
    let c = parse_str(VARIANT);
    assert!(c.issues.is_empty(), "{:?}", c.issues);
    check_spans(&c, VARIANT);
    let variant = summary(&c);
    assert_eq!(canonical, variant);
    // Sub-heading fields span their content; table fields their cell.
    let us = c.field("goals", "us").unwrap();
    assert_eq!(slice(VARIANT, &us.value), us.value.text);
    assert_eq!(slice(VARIANT, &us.label), "### For us");
    let sync = c.field("governance", "sync-cadence").unwrap();
    assert_eq!(slice(VARIANT, &sync.value), sync.value.text);
    assert_eq!(c.phases[0].name.text, "Phase 1 — Crawl");
    assert_eq!(
        &slice(VARIANT, &c.phases[0].end.as_ref().unwrap().text),
        "2026-10-30"
    );

    let crlf_text = VARIANT.replace('\n', "\r\n");
    let crlf = parse_str(&crlf_text);
    assert!(crlf.issues.is_empty(), "{:?}", crlf.issues);
    check_spans(&crlf, &crlf_text);
    assert_eq!(summary(&crlf), variant);
    let canonical_crlf = CANONICAL.replace('\n', "\r\n");
    assert_eq!(summary(&parse_str(&canonical_crlf)), canonical);
    let bom = format!("\u{feff}{CANONICAL}");
    assert_eq!(summary(&parse_str(&bom)), canonical);
}

#[test]
fn blocks_reused_from_an_earlier_charter_leave_no_trace() {
    // A fresh thread has no spare blocks; this one reuses those of VARIANT.
    let fresh = std::thread::spawn(|| format!("{:?}", parse_str(CANONICAL)))
        .join()
        .expect("parses");
    parse_str(VARIANT);
    assert_eq!(format!("{:?}", parse_str(CANONICAL)), fresh);
}

fn issues(text: &str) -> Vec<(IssueKind, String)> {
    let c = parse_str(text);
    check_spans(&c, text);
    c.issues
        .iter()
        .map(|i| (i.kind, text[i.span.start..i.span.end].to_string()))
        .collect()
}

#[test]
fn front_matter_problems_are_issues_with_spans() {
    let unclosed = issues("+++\npartner = \"X\"\n\n## Goals\n- For us: x\n");
    assert_eq!(unclosed, [(IssueKind::Syntax, "+++".to_string())]);
    let unclosed_yaml = issues("---  \r\npartner: X\r\n");
    assert_eq!(unclosed_yaml, [(IssueKind::Syntax, "---  ".to_string())]);

    assert_eq!(issues("+++\n\n  \n+++\n# Title\n")[0].0, IssueKind::Syntax);
    assert_eq!(issues("---\n---\n")[0].1, "---\n---");

    let toml_error = issues("+++\npartner = \"X\"\ntier = = 2\n+++\n");
    assert_eq!(toml_error.len(), 1, "{toml_error:?}");
    assert_eq!(toml_error[0].0, IssueKind::Syntax);
    assert!(toml_error[0].1.starts_with('='), "{toml_error:?}");
    let c = parse_str("+++\npartner = \"X\"\ntier = = 2\n+++\n");
    assert_eq!(c.meta.partner.unwrap().text, "X");
    assert!(c.issues[0].message.contains("TOML"));

    let yaml_error = issues("---\npartner: X\njust some words\n---\n");
    assert_eq!(
        yaml_error,
        [(IssueKind::Syntax, "just some words".to_string())]
    );

    let types = issues("+++\npartner = [\"a\"]\nleverage = { x = 1 }\n+++\n");
    assert_eq!(
        types.iter().filter(|i| i.0 == IssueKind::WrongType).count(),
        2,
        "{types:?}"
    );
    let yaml_types = issues("---\npartner: [a, b]\ntier:\n  level: 2\n---\n");
    assert_eq!(yaml_types.len(), 2, "{yaml_types:?}");
    assert!(yaml_types.iter().all(|i| i.0 == IssueKind::WrongType));

    let unknown = issues("+++\nparnter = \"X\"\n+++\n");
    assert_eq!(
        unknown,
        [(IssueKind::UnknownKey, "parnter = \"X\"".to_string())]
    );
    let c = parse_str("---\nparnter: X\n---\n");
    assert_eq!(c.issues[0].kind, IssueKind::UnknownKey);
    assert!(c.issues[0].message.contains("partner"), "{:?}", c.issues);

    // A second block: `+++` pairs anywhere (outside code), `---` key blocks right after.
    let second = issues("+++\npartner = \"X\"\n+++\n\n## Goals\n\n+++\ntier = 2\n+++\n");
    assert_eq!(
        second,
        [(IssueKind::Syntax, "+++\ntier = 2\n+++".to_string())]
    );
    let yaml_after = "+++\npartner = \"X\"\n+++\n---\ntier: 2\n---\n## Goals\n- For us: x\n";
    let c = parse_str(yaml_after);
    assert_eq!(c.issues.len(), 1, "{:?}", c.issues);
    assert_eq!(
        &yaml_after[c.issues[0].span.start..c.issues[0].span.end],
        "---\ntier: 2\n---"
    );
    assert!(c.field("goals", "us").is_some());
    let fenced = "+++\npartner = \"X\"\n+++\n## Goals\n```\n+++\n+++\n```\n";
    assert!(issues(fenced).is_empty());
    // A thematic break and a setext heading are not front matter.
    assert!(issues("+++\npartner = \"X\"\n+++\n\n---\n\nText\n---\n").is_empty());

    // A lone `\r` must not crash anything.
    for text in [
        "+++\rpartner = \"X\"\r+++\r## Goals\r- For us: x\r",
        "---\rpartner: X\r---\r",
        "+++\r",
        "\r\r+++",
    ] {
        let c = parse_str(text);
        check_spans(&c, text);
    }
    let c = parse_str("---\rpartner: X\r---\r## Goals\r- For us: x\r");
    assert_eq!(c.meta.partner.as_ref().unwrap().text, "X");
    assert!(c.field("goals", "us").is_some());
}

#[test]
fn labels_names_and_unmatched_content() {
    let text = "+++\ncompany = \"Keel\"\npartner = \"Northwind Ledger\"\n+++\n\n\
        # Charter\n\n## Value exchange\n\n\
        - Keel gives — two engineers\n\
        - **Northwind gives**: revenue share\n  - plus one engineer\n    - part time\n\
        - Note: nothing here\n\n\
        ## Timeline\n\n### Metrics\n\n- Close time under 2 days\n\n\
        ## Notes\n\n- **We give:** skipped\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let vx = c.section("value-exchange").unwrap();
    // `Keel gives — two engineers` is read as a sentence that opens with its label.
    let keys: Vec<&str> = vx.fields.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys, ["we-give", "partner-gives"]);
    assert_eq!(vx.fields[0].value.text, "two engineers");
    assert_eq!(slice(text, &vx.fields[0].value), "two engineers");
    let gives = &vx.fields[1];
    assert_eq!(
        gives.value.text,
        "revenue share\nplus one engineer\npart time"
    );
    assert!(slice(text, &gives.value).starts_with("revenue share"));
    assert!(slice(text, &gives.value).ends_with("part time"));
    let items: Vec<&str> = vx.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(items, ["Keel gives — two engineers", "Note: nothing here"]);
    // A sub-heading naming another section starts it.
    let keys: Vec<&str> = c.sections.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["value-exchange", "timeline", "metrics"]);
    assert_eq!(c.metrics.len(), 1);
    assert!(c.metrics[0].target.is_none());
}

#[test]
fn plain_signature_lines_and_metric_lists() {
    let text = "+++\ncompany = \"Keel\"\npartner = \"Northwind\"\n+++\n\
        ## Metrics\n\n- Adoption above 70%\n  - Target: 70% of invited customers\n- Tracked in: dashboard\n\n\
        ## Signatures\n\n\
        - Dana Ruiz (Keel), signed 2026-08-28\n\
        - Ravi Shah, Northwind — 2026-09-01\n\
        - Both sides sign before crawl starts\n\
        - Name: ______\n\
        - [ ] Someone, Northwind\n";
    let c = parse_str(text);
    check_spans(&c, text);
    assert_eq!(c.metrics.len(), 1);
    assert_eq!(
        c.metrics[0].target.as_ref().unwrap().text,
        "70% of invited customers"
    );
    assert!(c.field("metrics", "tracking").is_some());
    let sigs: Vec<(bool, Option<Side>)> = c.signatures.iter().map(|s| (s.signed, s.side)).collect();
    assert_eq!(
        sigs,
        [
            (true, Some(Side::Company)),
            (false, Some(Side::Partner)),
            (false, Some(Side::Partner))
        ]
    );
    assert_eq!(c.signatures[1].who.text, "Ravi Shah, Northwind");
    assert_eq!(c.section("signatures").unwrap().items.len(), 2);
}

#[test]
fn timeline_dates_tables_and_impossible_dates() {
    let text = "## Timeline\n\n\
        | Stage | Dates | Gate |\n|---|---|---|\n\
        | 🐢 Pilot | 2026-02-30 to 2026-4-1 | 20% |\n| Expand | TBD | |\n\n\
        ## Rollout plan\n\n- Crawl (2026-09-07 to 2026-10-30): two pilots\n  - Result: passed\n";
    let c = parse_str(text);
    check_spans(&c, text);
    assert_eq!(c.phases.len(), 3);
    let p = &c.phases[0];
    assert_eq!(p.kind, Some(PhaseKind::Crawl));
    assert_eq!(p.start.as_ref().unwrap().text.text, "2026-02-30");
    assert_eq!(p.end.as_ref().unwrap().text.text, "2026-4-1");
    assert_eq!(p.go_no_go.as_ref().unwrap().text, "20%");
    assert_eq!(c.phases[1].kind, Some(PhaseKind::Walk));
    assert_eq!(c.phases[1].start.as_ref().unwrap().text.text, "TBD");
    assert!(c.phases[1].go_no_go.is_none());
    let item = &c.phases[2];
    assert_eq!(item.end.as_ref().unwrap().text.text, "2026-10-30");
    assert_eq!(item.scope.as_ref().unwrap().text, "two pilots");
    assert_eq!(item.result.as_ref().unwrap().text, "passed");
}

#[test]
fn pathological_inputs_complete_with_sane_spans() {
    let mut big = String::new();
    while big.len() < 10_000_000 {
        big.push_str(CANONICAL);
        big.push_str("\n## Appendix\n\nfiller text ");
    }
    let cases: Vec<String> = vec![
        String::new(),
        "+++\npartner = \"X\"\n+++\n".into(),
        "---\npartner: X\n---".into(),
        ">".repeat(100_000) + " x\n" + &"y\n".repeat(1000),
        "## Goals\n".to_string() + &"- ".repeat(100_000) + "x\n" + &"y\n".repeat(1000),
        "## Goals\n".to_string() + &"1. ".repeat(50_000) + "For us: x\n",
        "## Goals\n".to_string() + &"[a](<b".repeat(50_000),
        "## Goals\n- For us: ".to_string() + &"é word ".repeat(10_000) + "\n",
        "## 💰 Value exchange\n\n| a | b |\n|---|---|\n".to_string() + &"| 💰 | é |\n".repeat(1000),
        "## Signatures\n- [x] 💰💰 2026-01-01\n- [ ]\n- [x]\n".into(),
        "## Timeline\n### Crawl\n- Dates: 2026-\u{e9}9-07 to 20262-01-01\n".into(),
        "#\n##\n###\n- :\n- **:**\n| |\n|-|\n".into(),
        "## Goals\n".to_string() + &"  ".repeat(2000) + "- x\n",
        big,
    ];
    for text in &cases {
        let c = parse_str(text);
        check_spans(&c, text);
        let crlf = text.replace('\n', "\r\n");
        check_spans(&parse_str(&crlf), &crlf);
    }
    let deep = parse_str(&cases[4]);
    assert!(deep.issues.iter().any(|i| i.message.contains("nested")));
}

#[test]
#[ignore = "timing probe: cargo test --lib bench_probe -- --ignored --nocapture"]
fn bench_probe() {
    use pulldown_cmark::{Options, Parser};
    let mut big = String::new();
    while big.len() < 10_000_000 {
        big.push_str(CANONICAL.split_once("+++\n\n").unwrap().1);
    }
    big = format!("{}+++\n\n{big}", CANONICAL.split_once("+++\n\n").unwrap().0);
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let vocab = default_vocab();
    let source = Source::new("big", big.clone());
    for _ in 0..2 {
        let t = std::time::Instant::now();
        let n = Parser::new_ext(&big, opts).into_offset_iter().count();
        let bare = t.elapsed();
        let t = std::time::Instant::now();
        let c = parse(&source, &vocab);
        let ours = t.elapsed();
        println!(
            "bare {bare:?} ({n} events), ours {ours:?}, ratio {:.2}, {} sections",
            ours.as_secs_f64() / bare.as_secs_f64(),
            c.sections.len()
        );
    }
}

#[test]
fn phase_headings_take_loose_text_as_scope_and_heading_dates() {
    let text =
        "## Phases\n\n### Crawl: 2026-09-07 to 2026-10-30\n\nTwo pilots.\n\n- Owner note: Dana\n\n\
        ### Walk\n\n- Scope: eight customers\n\nA stray paragraph.\n";
    let c = parse_str(text);
    check_spans(&c, text);
    assert_eq!(c.phases.len(), 2);
    let crawl = &c.phases[0];
    assert_eq!(crawl.scope.as_ref().unwrap().text, "Two pilots.");
    assert_eq!(crawl.start.as_ref().unwrap().text.text, "2026-09-07");
    assert_eq!(crawl.end.as_ref().unwrap().text.text, "2026-10-30");
    assert_eq!(c.phases[1].scope.as_ref().unwrap().text, "eight customers");
    let items: Vec<&str> = c.sections[0]
        .items
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(items, ["Owner note: Dana", "A stray paragraph."]);
}

#[test]
fn nesting_too_deep_is_found_on_the_line_that_opens_it() {
    use super::{too_deep, MAX_NESTING};
    let deep = ">".repeat(MAX_NESTING + 1);
    let ok = ">".repeat(MAX_NESTING);
    for eol in ["\n", "\r\n", "\r"] {
        let text = format!("# Goals{eol}intro{eol}{ok} fine{eol}{deep} too deep{eol}after{eol}");
        let at = text.find(&deep).expect("the deep line is there");
        assert_eq!(too_deep(&text), Some(at), "{eol:?}");
        let fine = format!("# Goals{eol}{ok} fine{eol}- a{eol}  - b{eol}");
        assert_eq!(too_deep(&fine), None, "{eol:?}");
    }
    let bullets = format!("text\n{}x\n", "- ".repeat(MAX_NESTING + 1));
    assert_eq!(too_deep(&bullets), Some(5));
    let numbered = format!("  {}x", "1. ".repeat(MAX_NESTING + 1));
    assert_eq!(too_deep(&numbered), Some(0));
    // Markers must be followed by a space to open a list: `-` alone is text.
    assert_eq!(too_deep(&"-".repeat(100)), None);
}

#[test]
fn label_word_limit_counts_words_as_split_whitespace_does() {
    use super::label::too_many_words as too_many;
    for name in [
        "We give",
        "one two three four five six seven eight",
        "one two three four five six seven eight nine",
        "  a\tb\x0bc\x0cd\re f g h i ",
        "a\u{a0}b c d e f g h i",
        "été\u{2003}a b c d e f g h",
        "3.1 Crawl (1 February 2027 to 26 March 2027)",
        "Crawl (1 February 2027 to 26 March 2027) and more words still here",
        "a (b c) d e f g h i j",
        "a b) c d e f g h i j",
        "été (à b c d e f g h i)",
    ] {
        // Words in a parenthesised aside do not count.
        let mut depth = 0u32;
        let expected = name
            .split_whitespace()
            .filter(|w| {
                let first = w.starts_with('(');
                let counted = depth == 0 && !first;
                for c in w.chars() {
                    match c {
                        '(' => depth += 1,
                        ')' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                }
                counted
            })
            .count()
            > 8;
        assert_eq!(too_many(name), expected, "{name:?}");
    }
}

/// The byte-by-byte scan `dates::dates` replaced, kept as the reference it must agree with.
fn dates_reference(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let digits = |from: usize, min: usize, max: usize| -> usize {
        let mut n = 0;
        while n < max && b.get(from + n).is_some_and(u8::is_ascii_digit) {
            n += 1;
        }
        if n >= min {
            n
        } else {
            0
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i + 8 <= b.len() {
        let starts = b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit());
        if starts && digits(i, 4, 4) == 4 && b.get(i + 4) == Some(&b'-') {
            let m = digits(i + 5, 1, 2);
            if m > 0 && b.get(i + 5 + m) == Some(&b'-') {
                let d = digits(i + 6 + m, 1, 2);
                let end = i + 6 + m + d;
                if d > 0 && !b.get(end).is_some_and(u8::is_ascii_digit) {
                    out.push((i, end));
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

#[test]
fn dates_agree_with_a_byte_by_byte_scan() {
    // Strings drawn from digits, dashes and a few others (non-ASCII, line breaks),
    // so that near-dates of every shape come up: 5-digit years, 3-digit months, …
    let alphabet: Vec<char> = "0123456789--------- a\né🐢\r".chars().collect();
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut found = 0;
    for _ in 0..20_000 {
        let len = (next() % 40) as usize;
        let s: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        for offset in [0, 3] {
            let src = format!("{}{s}", "x".repeat(offset));
            let span = Span::new(offset, src.len());
            let got: Vec<(usize, usize)> = dates::dates(&src, span)
                .map(|t| {
                    assert_eq!(t.text, src[t.span.start..t.span.end]);
                    (t.span.start - offset, t.span.end - offset)
                })
                .collect();
            assert_eq!(got, dates_reference(&s), "{s:?}");
            found += got.len();
        }
    }
    assert!(found > 100, "the inputs should hold dates: {found}");
}

fn fields_of(c: &Charter, section: &str) -> Vec<(String, String)> {
    c.section(section)
        .map(|s| {
            s.fields
                .iter()
                .map(|f| (f.key.clone(), f.value.text.clone()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_matrix_column_naming_a_field_gathers_its_rows() {
    let text = "---\ncompany: Furrow Analytics\npartner: Greyhound Agri Cooperative\n---\n\n\
        # Give / get\n\n\
        | | Furrow gives | Greyhound gives |\n|---|---|---|\n\
        | People | 1 field engineer | 4 agronomists |\n\
        | Money | $80K of sensors | $55K co-investment |\n";
    let c = parse_str(text);
    check_spans(&c, text);
    assert_eq!(
        fields_of(&c, "value-exchange"),
        [
            ("we-give".into(), "1 field engineer; $80K of sensors".into()),
            (
                "partner-gives".into(),
                "4 agronomists; $55K co-investment".into()
            ),
        ]
    );
    let gives = &c.section("value-exchange").unwrap().fields[0];
    assert!(slice(text, &gives.value).ends_with("$80K of sensors"));
}

#[test]
fn a_bold_field_line_ends_at_the_next_labelled_field() {
    let text = "---\ncompany: Parallax Maps\npartner: Indra Motors\n---\n\n\
        ## Give / get\n\n**Parallax's commitment**\n- 9 engineers\n\n\
        **Indra's commitment**\n- 4 engineers\n\n\
        **Parallax stands to lose:** USD 500K.\n\n\
        **Indra stands to lose:** its certification date.\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let keys: Vec<String> = fields_of(&c, "value-exchange")
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    assert_eq!(
        keys,
        [
            "we-give=9 engineers",
            "partner-gives=4 engineers",
            "we-lose=USD 500K.",
            "partner-loses=its certification date."
        ]
    );
}

#[test]
fn a_label_aside_may_name_the_field_and_is_not_counted_as_words() {
    let text = "---\ncompany: Gantry\npartner: Obsidian Data\n---\n\n## Goals\n\n\
        - **Objective for shared customers (Obsidian's brokers and corporate clients):** one form.\n\
        - (/) **For shared customers (Obsidian's shippers):** faster.\n\n\
        | For | Success means |\n|---|---|\n| Shared customers (restaurants) | one invoice |\n";
    let c = parse_str(text);
    let keys: Vec<String> = fields_of(&c, "goals").into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["customers", "customers", "customers"]);
}

#[test]
fn a_clause_number_is_not_part_of_an_item() {
    let text = "## Termination\n\n\
        6.1 Either party may end this if it no longer serves it.\n\n\
        6.2. Either party may end this on breach.\n\n\
        1.2.3 Nested clause.\n\n\
        3.5 FTE from each side for a year.\n\n\
        2.5 million users lost.\n\n\
        20 stores live by June.\n\n\
        2027 revenue under plan.\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let items: Vec<(&str, String)> = c.sections[0]
        .items
        .iter()
        .map(|i| (i.text.as_str(), slice(text, i)))
        .collect();
    let want = [
        "Either party may end this if it no longer serves it.",
        "Either party may end this on breach.",
        "Nested clause.",
        "3.5 FTE from each side for a year.",
        "2.5 million users lost.",
        "20 stores live by June.",
        "2027 revenue under plan.",
    ];
    for ((got, at), want) in items.iter().zip(want) {
        assert_eq!(*got, want);
        // The span points at what is said, not at the number.
        assert_eq!(at.trim_end(), want);
    }
    assert_eq!(items.len(), want.len());
}

#[test]
fn signature_lines_in_a_paragraph_under_the_signatures_heading() {
    let text = "---\ncompany: Birch Analytics\npartner: Kettle Foods\n---\n\n## Sign-off\n\n\
        Signed for Birch Analytics: Ravi Menon, COO, 20 January 2027\n\
        Signed for Kettle Foods: Alan Birt, CFO, 22 January 2027\n\n\
        Both sides keep a copy.\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let sides: Vec<_> = c.signatures.iter().map(|s| (s.side, s.signed)).collect();
    use crate::model::Side;
    assert_eq!(
        sides,
        [(Some(Side::Company), true), (Some(Side::Partner), true)]
    );
    // The closing sentence is neither a signature nor lost.
    assert_eq!(c.sections[0].items.len(), 1);
}

#[test]
fn a_pronoun_in_a_matrix_column_title_means_both_sides() {
    let text = "---\ncompany: Tidepool Pay\npartner: Larder POS\n---\n\n\
        ## Commitments\n\n\
        | Party | Brings to the table | Exposure if we stop |\n|---|---|---|\n\
        | Tidepool Pay | 2 engineers | $50K of credits |\n\
        | Larder POS | 1 engineer | the engineer's year |\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let got = fields_of(&c, "value-exchange");
    assert!(
        got.contains(&("partner-loses".into(), "the engineer's year".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("we-lose".into(), "$50K of credits".into())),
        "{got:?}"
    );
}

#[test]
fn a_sides_bare_name_under_a_heading_of_losses_says_what_it_loses() {
    let text = "---\ncompany: Fenwick\npartner: Arlo\n---\n\n\
        ## What each of us loses if it doesn't work\n\n\
        Fenwick: the £25k and eight developer-months.\n\
        Arlo: its £15k and its developer's time.\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let keys: Vec<String> = fields_of(&c, "value-exchange")
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(keys, ["we-lose", "partner-loses"]);
    // A heading of gives and risks together keeps a bare name as what the side gives.
    let text = text.replace("What each of us loses if it doesn't work", "Give and lose");
    let keys: Vec<String> = fields_of(&parse_str(&text), "value-exchange")
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(keys, ["we-give", "partner-gives"]);
}

#[test]
fn a_signature_table_with_a_column_per_party_is_read_down_each_column() {
    let text = "---\ncompany: Birch Analytics\npartner: Kettle Foods\n---\n\n## Signatures\n\n\
        | For Birch Analytics | For Kettle Foods |\n|---|---|\n\
        | /s/ Ravi Menon | |\n\
        | Ravi Menon, COO | Alan Birt, CFO |\n\
        | Date: 20 January 2027 | Date: |\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let got: Vec<_> = c
        .signatures
        .iter()
        .map(|s| (s.side, s.signed, s.date.as_ref().map(|d| d.text.clone())))
        .collect();
    assert_eq!(
        got,
        [
            (Some(Side::Company), true, Some("20 January 2027".into())),
            (Some(Side::Partner), false, None),
        ]
    );
    assert_eq!(c.signatures[0].who.text, "/s/ Ravi Menon, Ravi Menon, COO");
    // Rows titled by what they hold: the `Signature` row filled in is the signature.
    let text = text.replace(
        "| For Birch Analytics | For Kettle Foods |\n|---|---|\n\
         | /s/ Ravi Menon | |\n| Ravi Menon, COO | Alan Birt, CFO |\n| Date: 20 January 2027 | Date: |\n",
        "| | For Birch Analytics | For Kettle Foods |\n|---|---|---|\n\
         | Name | Ravi Menon | Alan Birt |\n| Signature | *Ravi Menon* | |\n",
    );
    let signed: Vec<bool> = parse_str(&text)
        .signatures
        .iter()
        .map(|s| s.signed)
        .collect();
    assert_eq!(signed, [true, false]);
}

#[test]
fn a_signed_for_caption_is_not_a_signature() {
    let text = "---\ncompany: Calder Payroll\npartner: Mint & Sterling\n---\n\n## Execution\n\n\
        Signed for and on behalf of Calder Payroll:\n\n\
        - [x] Fiona McLeish, Head of Channel, Calder Payroll — 2027-01-25\n\n\
        Signed for and on behalf of Mint & Sterling:\n\n\
        - [ ] Rupert Anand, Partner, Mint & Sterling — Date: ________\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let sides: Vec<_> = c.signatures.iter().map(|s| (s.side, s.signed)).collect();
    use crate::model::Side;
    assert_eq!(
        sides,
        [(Some(Side::Company), true), (Some(Side::Partner), false)]
    );
}

#[test]
fn signed_as_a_word_after_the_name_is_signed_without_a_date() {
    let text = "---\ncompany: Keel\npartner: Northwind Ledger\n---\n\n## Signatures\n\n\
        - Dana Ruiz (Keel) — signed\n\
        - Ravi Shah (Northwind Ledger) — designed the terms, to be signed\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let signed: Vec<_> = c.signatures.iter().map(|s| s.signed).collect();
    assert_eq!(signed, [true, false]);
}

#[test]
fn a_term_sheets_boilerplate_rows_belong_to_no_section() {
    let text = "---\ncompany: Pebblestone\npartner: Ashcombe\n---\n\n# Term sheet\n\n\
        | Term | Provision |\n|---|---|\n\
        | Objectives | (a) Pebblestone: 1,200 accounts. (b) Ashcombe: 72% retention. |\n\
        | Metrics | Referred accounts: 1,200 by 31 January 2028. |\n\
        | Relationship owners | Pebblestone: Rosalind Achebe. Ashcombe: Martin Hale. |\n\
        | Termination | Either party may end it if fewer than 400 accounts exist on 31 October 2027. |\n\
        | Governing law | England and Wales. |\n\
        | 15. Costs | Each party bears its own. |\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let exit = c.section("exit").expect("an exit section");
    let body = &text[exit.span.start..exit.span.end];
    assert!(body.contains("400 accounts"), "{body}");
    assert!(!body.contains("England"), "{body}");
    assert!(!exit.items.iter().any(|i| i.text.contains("own")));
}
