use super::*;
use crate::model::{IssueKind, PhaseKind, Side, Text};
use crate::vocab::default_vocab;

fn read(text: &str) -> (Source, Charter) {
    let source = Source::new("test.charter.toml", text.to_string());
    let charter = parse(&source, &default_vocab());
    check_spans(&source, &charter);
    (source, charter)
}

/// Every span of the model lies within the text, on character boundaries.
fn check_spans(source: &Source, c: &Charter) {
    let mut spans = vec![c.anchor()];
    let mut texts: Vec<&Text> = Vec::new();
    let m = &c.meta;
    spans.extend(m.span);
    spans.extend(m.leverage_span);
    texts.extend([&m.partner, &m.company].into_iter().flatten());
    texts.extend(m.tier.iter().map(|t| &t.text));
    texts.extend(m.status.iter().map(|t| &t.text));
    texts.extend(m.leverage.iter().map(|t| &t.text));
    texts.extend(
        [&m.created, &m.next_review]
            .into_iter()
            .flatten()
            .map(|d| &d.text),
    );
    for s in &c.sections {
        spans.extend([s.span, s.body]);
        texts.push(&s.heading);
        texts.extend(s.fields.iter().flat_map(|f| [&f.label, &f.value]));
        texts.extend(&s.items);
    }
    for p in &c.phases {
        spans.push(p.span);
        texts.push(&p.name);
        texts.extend([&p.scope, &p.go_no_go, &p.result].into_iter().flatten());
        texts.extend([&p.start, &p.end].into_iter().flatten().map(|d| &d.text));
    }
    for x in &c.metrics {
        spans.push(x.span);
        texts.push(&x.name);
        texts.extend(&x.target);
    }
    for x in &c.signatures {
        spans.push(x.span);
        texts.push(&x.who);
        texts.extend(&x.date);
    }
    spans.extend(c.issues.iter().map(|i| i.span));
    spans.extend(texts.iter().map(|t| t.span));
    let text = &source.text;
    for s in spans {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{s:?} out of 0..={}",
            text.len()
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{s:?}"
        );
    }
}

fn slice<'s>(source: &'s Source, t: &Text) -> &'s str {
    &source.text[t.span.start..t.span.end]
}

fn kinds(c: &Charter) -> Vec<IssueKind> {
    c.issues.iter().map(|i| i.kind).collect()
}

const NORTHWIND: &str = include_str!("../../../examples/northwind-ledger.charter.toml");

#[test]
fn northwind_example_gives_the_whole_model() {
    let (src, c) = read(NORTHWIND);
    assert!(c.issues.is_empty(), "{:?}", c.issues);
    assert_eq!(c.format, Format::Toml);
    assert_eq!(c.len, NORTHWIND.len());

    let m = &c.meta;
    let meta_span = m.span.unwrap();
    assert!(src.text[meta_span.start..meta_span.end].starts_with("partner = \"Northwind Ledger\""));
    assert!(src.text[meta_span.start..meta_span.end].ends_with("next-review = 2027-01-15"));
    let partner = m.partner.as_ref().unwrap();
    assert_eq!(
        (partner.text.as_str(), slice(&src, partner)),
        ("Northwind Ledger", "\"Northwind Ledger\"")
    );
    assert_eq!(m.company.as_ref().unwrap().text, "Keel");
    assert_eq!(m.tier().map(|t| t.number()), Some(2));
    assert_eq!(slice(&src, &m.tier.as_ref().unwrap().text), "2");
    let leverage: Vec<_> = m.leverage.iter().map(|t| t.text.text.as_str()).collect();
    assert_eq!(leverage, ["economic", "customer"]);
    assert_eq!(slice(&src, &m.leverage[1].text), "\"customer\"");
    let lev = m.leverage_span.unwrap();
    assert_eq!(
        &src.text[lev.start..lev.end],
        "leverage = [\"economic\", \"customer\"]"
    );
    assert_eq!(m.status.as_ref().unwrap().text.text, "walk");
    let created = &m.created.as_ref().unwrap().text;
    assert_eq!(
        (created.text.as_str(), slice(&src, created)),
        ("2026-08-24", "2026-08-24")
    );
    assert_eq!(m.next_review.as_ref().unwrap().text.text, "2027-01-15");

    let keys: Vec<_> = c.sections.iter().map(|s| s.key.as_str()).collect();
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
    let fields = |key: &str| -> Vec<&str> {
        c.section(key)
            .unwrap()
            .fields
            .iter()
            .map(|f| f.key.as_str())
            .collect()
    };
    assert_eq!(fields("goals"), ["us", "partner", "customers"]);
    assert_eq!(
        fields("value-exchange"),
        [
            "we-give",
            "partner-gives",
            "we-lose",
            "partner-loses",
            "balanced"
        ]
    );
    assert_eq!(fields("timeline"), ["run-cadence"]);
    assert_eq!(fields("metrics"), ["tracking", "cadence"]);
    assert_eq!(
        fields("governance"),
        ["our-owner", "partner-owner", "sync-cadence", "escalation"]
    );
    assert!(fields("exit").is_empty() && fields("signatures").is_empty());

    let we_give = c.field("value-exchange", "we-give").unwrap();
    assert_eq!(
        we_give.value.text,
        "Two integration engineers for walk and run, and $40k of launch budget."
    );
    assert_eq!(slice(&src, &we_give.label), "we-give");
    assert_eq!(
        slice(&src, &we_give.value),
        format!("\"{}\"", we_give.value.text)
    );
    assert_eq!(
        c.field("governance", "escalation").unwrap().value.text,
        "Owners within 5 business days, then the two COOs within 10."
    );

    let goals = c.section("goals").unwrap();
    assert_eq!(slice(&src, &goals.heading), "goals");
    let whole = &src.text[goals.span.start..goals.span.end];
    assert!(
        whole.starts_with("[goals]\nus = ") && whole.ends_with("instead of 5.\""),
        "{whole}"
    );
    assert!(src.text[goals.body.start..goals.body.end].starts_with("us = "));

    let exit = c.section("exit").unwrap();
    assert_eq!(exit.items.len(), 3);
    assert_eq!(
        exit.items[2].text,
        "Either side misses its committed headcount for 2 consecutive months."
    );
    assert_eq!(
        slice(&src, &exit.items[0]),
        "\"Fewer than 70% of invited walk customers adopt by 2027-01-22.\""
    );

    let phases: Vec<_> = c.phases.iter().map(|p| p.kind).collect();
    assert_eq!(
        phases,
        [
            Some(PhaseKind::Crawl),
            Some(PhaseKind::Walk),
            Some(PhaseKind::Run)
        ]
    );
    let crawl = &c.phases[0];
    assert_eq!(crawl.name.text, "crawl");
    assert_eq!(crawl.start.as_ref().unwrap().text.text, "2026-09-07");
    assert_eq!(slice(&src, &crawl.end.as_ref().unwrap().text), "2026-10-30");
    assert_eq!(
        crawl.scope.as_ref().unwrap().text,
        "2 pilot customers, manual sync"
    );
    assert_eq!(
        crawl.go_no_go.as_ref().unwrap().text,
        "≥ 20% faster month-end close"
    );
    assert_eq!(
        crawl.result.as_ref().unwrap().text,
        "Passed: 34% faster close"
    );
    let crawl_text = &src.text[crawl.span.start..crawl.span.end];
    assert!(
        crawl_text.starts_with("[[timeline.phase]]") && crawl_text.ends_with("34% faster close\"")
    );
    assert!(c.phases[1].result.is_none() && c.phases[2].result.is_none());
    assert_eq!(c.phases[2].end.as_ref().unwrap().text.text, "2027-12-17");
    assert_eq!(
        c.phases[1].go_no_go.as_ref().unwrap().text,
        "≥ 70% of invited customers adopt"
    );
    let timeline = c.section("timeline").unwrap();
    assert_eq!(
        timeline.items.len(),
        3,
        "phases count as the timeline's content"
    );
    assert!(timeline.span.end >= c.phases[2].span.end);

    let metrics: Vec<_> = c
        .metrics
        .iter()
        .map(|m| {
            (
                m.name.text.as_str(),
                m.target.as_ref().map(|t| t.text.as_str()),
            )
        })
        .collect();
    assert_eq!(
        metrics,
        [
            ("Month-end close time", Some("2 days or less")),
            ("Adoption of invited customers", Some("70%")),
            ("Referred accounts", Some("40 by 2027-12")),
        ]
    );

    assert_eq!(c.signatures.len(), 2);
    let [ours, theirs] = [&c.signatures[0], &c.signatures[1]];
    assert_eq!(ours.who.text, "Dana Ruiz, VP Partnerships");
    assert_eq!((ours.side, ours.signed), (Some(Side::Company), true));
    assert_eq!(ours.date.as_ref().unwrap().text, "2026-08-28");
    assert_eq!(theirs.who.text, "Ravi Shah, Head of Alliances");
    assert_eq!((theirs.side, theirs.signed), (Some(Side::Partner), true));
    assert_eq!(slice(&src, theirs.date.as_ref().unwrap()), "2026-08-31");
    let sigs = c.section("signatures").unwrap();
    assert_eq!(sigs.items.len(), 2);
    assert!(src.text[sigs.span.start..sigs.span.end].starts_with("[[signatures]]"));
    assert_eq!(sigs.span.end, src.text.trim_end().len());
}

#[test]
fn crlf_and_bom_change_nothing_but_offsets() {
    let (_, lf) = read(NORTHWIND);
    let crlf_text = format!("\u{feff}{}", NORTHWIND.replace('\n', "\r\n"));
    let (src, crlf) = read(&crlf_text);
    assert!(crlf.issues.is_empty(), "{:?}", crlf.issues);
    let texts = |c: &Charter| -> Vec<String> {
        c.sections
            .iter()
            .flat_map(|s| {
                s.fields
                    .iter()
                    .map(|f| f.value.text.clone())
                    .chain(s.items.iter().map(|t| t.text.clone()))
            })
            .collect()
    };
    assert_eq!(texts(&lf), texts(&crlf));
    let partner = crlf.meta.partner.as_ref().unwrap();
    assert_eq!(slice(&src, partner), "\"Northwind Ledger\"");
}

#[test]
fn an_unclosed_string_is_one_error_whatever_the_line_endings() {
    for text in [
        "partner = \"North\ntier = 2\n",
        "partner = 'North\ntier = 2\n",
    ] {
        let (_, lf) = read(text);
        let (_, crlf) = read(&text.replace('\n', "\r\n"));
        let messages = |c: &Charter| {
            c.issues
                .iter()
                .map(|i| i.message.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(messages(&lf).len(), 1, "{text:?}: {:?}", lf.issues);
        assert_eq!(messages(&crlf), messages(&lf), "{text:?}");
        assert_eq!(crlf.meta.tier.as_ref().unwrap().text.text, "2");
    }
    // A CR that is not part of a line ending is still reported.
    let (_, c) = read("partner = \"North\rern\"\n");
    assert_eq!(kinds(&c), [IssueKind::Syntax]);
}

#[test]
fn syntax_errors_keep_what_can_be_read() {
    let (src, c) = read("partner = \"North\ntier = 2\n[goals]\nus = \"x y z\"\n");
    assert_eq!(kinds(&c), [IssueKind::Syntax]);
    assert!(c.issues[0].span.start <= src.text.find('\n').unwrap());
    assert_eq!(c.meta.tier.as_ref().unwrap().text.text, "2");
    assert_eq!(c.field("goals", "us").unwrap().value.text, "x y z");

    let (src, c) = read("[goals]\nus = \"a\"\nus = \"b\"\n");
    assert_eq!(kinds(&c), [IssueKind::Syntax]);
    assert_eq!(c.issues[0].message, "duplicate key");
    assert_eq!(
        &src.text[c.issues[0].span.start..c.issues[0].span.end],
        "us"
    );
    assert_eq!(src.line_col(c.issues[0].span.start).0, 3);

    let (_, c) = read("[goals]\nus = \"a\"\n[goals]\npartner = \"b\"\n");
    assert_eq!(kinds(&c), [IssueKind::Syntax]);
}

#[test]
fn garbage_reports_a_bounded_number_of_errors() {
    let (_, c) = read(&"= = =\n".repeat(1000));
    assert!(c.issues.len() <= MAX_SYNTAX_ISSUES + 1, "{:?}", c.issues);
    assert!(c
        .issues
        .last()
        .unwrap()
        .message
        .contains("more syntax errors"));
}

#[test]
fn unknown_keys_suggest_the_key_meant_at_their_place() {
    let text = "parnter = \"Northwind\"\n\
                [value_exchange]\nwe_giv = \"two engineers\"\n\
                [[timeline.phases]]\nname = \"crawl\"\nstrat = 2026-09-07\n\
                [[metrics.metric]]\nname = \"x\"\ntraget = \"5\"\n\
                [[signatures]]\nsied = \"us\"\n\
                [apendix]\nx = 1\n";
    let (src, c) = read(text);
    let found: Vec<(&str, &str)> = c
        .issues
        .iter()
        .map(|i| {
            assert_eq!(i.kind, IssueKind::UnknownKey, "{i:?}");
            (&src.text[i.span.start..i.span.end], i.message.as_str())
        })
        .collect();
    assert_eq!(found.len(), 6, "{found:?}");
    assert_eq!(
        found[0],
        ("parnter", "unknown key `parnter` (did you mean `partner`?)")
    );
    assert_eq!(
        found[1],
        ("we_giv", "unknown key `we_giv` (did you mean `we-give`?)")
    );
    assert!(found[2].1.contains("`start`"), "{found:?}");
    assert!(found[3].1.contains("`target`"), "{found:?}");
    assert!(found[4].1.contains("`side`"), "{found:?}");
    assert_eq!(found[5].0, "apendix");
    // The rest is still read.
    assert_eq!(c.phases.len(), 1);
    assert!(c.section("value-exchange").is_some());
}

#[test]
fn wrong_types_point_at_the_value() {
    let text = "tier = [2]\n\
                goals = \"all of them\"\n\
                exit = [\"a\"]\n\
                [value-exchange]\nwe-give = { people = 2 }\npartner-gives = [\"a\", { b = 1 }, \"c\"]\n\
                [timeline]\nphase = \"crawl\"\n\
                [metrics]\nmetric = [1]\n\
                [[signatures]]\nsigned = \"yes\"\ndate = 2026-08-28\n";
    let (src, c) = read(text);
    let found: Vec<(&str, IssueKind)> = c
        .issues
        .iter()
        .map(|i| (&src.text[i.span.start..i.span.end], i.kind))
        .collect();
    let wrong = IssueKind::WrongType;
    assert_eq!(
        found,
        [
            ("[2]", wrong),
            ("\"all of them\"", wrong),
            ("[\"a\"]", wrong),
            ("{ people = 2 }", wrong),
            ("{ b = 1 }", wrong),
            ("\"crawl\"", wrong),
            ("1", wrong),
            ("\"yes\"", wrong),
        ]
    );
    assert!(
        c.issues[3].message.contains("`we-give`"),
        "{:?}",
        c.issues[3]
    );
    // What could be read is kept: the array's good elements, a date standing for `signed`.
    assert_eq!(
        c.field("value-exchange", "partner-gives")
            .unwrap()
            .value
            .text,
        "a\nc"
    );
    assert!(c.signatures[0].signed);
}

#[test]
fn dates_come_through_as_written() {
    let text = "created = 2026-02-30\nnext-review = \"2026-02-30\"\n\
                [[timeline.phase]]\nname = \"Phase 1: pilot\"\nstart = \"2026-09-07\"\nend = 2026-10-30T17:00:00Z\n\
                [[timeline.phase]]\nname = \"walk\"\ndates = \"2026-11-02 to 2027-01-22\"\ndeliverables = [\"8 customers\", \"formal sync\"]\ngate = \"70% adopt\"\n";
    let (src, c) = read(text);
    // The parser rejects the bare impossible day; the text is kept for `invalid-date`.
    assert_eq!(kinds(&c), [IssueKind::Syntax]);
    assert_eq!(
        &src.text[c.issues[0].span.start..c.issues[0].span.end],
        "2026-02-30"
    );
    let created = &c.meta.created.as_ref().unwrap().text;
    assert_eq!(
        (created.text.as_str(), slice(&src, created)),
        ("2026-02-30", "2026-02-30")
    );
    let next = &c.meta.next_review.as_ref().unwrap().text;
    assert_eq!(
        (next.text.as_str(), slice(&src, next)),
        ("2026-02-30", "\"2026-02-30\"")
    );
    assert!(next.date().is_err());

    let pilot = &c.phases[0];
    assert_eq!(pilot.kind, Some(PhaseKind::Crawl));
    assert_eq!(pilot.start.as_ref().unwrap().text.text, "2026-09-07");
    // The day read out of the date-time, with its own span.
    assert_eq!(pilot.end.as_ref().unwrap().text.text, "2026-10-30");
    let walk = &c.phases[1];
    assert_eq!(walk.start.as_ref().unwrap().text.text, "2026-11-02");
    assert_eq!(walk.end.as_ref().unwrap().text.text, "2027-01-22");
    // Each end of a range keeps its own span.
    assert_eq!(slice(&src, &walk.end.as_ref().unwrap().text), "2027-01-22");
    assert_eq!(
        walk.scope.as_ref().unwrap().text,
        "8 customers\nformal sync"
    );
    assert_eq!(
        slice(&src, walk.scope.as_ref().unwrap()),
        "[\"8 customers\", \"formal sync\"]"
    );
    assert_eq!(walk.go_no_go.as_ref().unwrap().text, "70% adopt");
}

#[test]
fn signature_sides_and_signed_state() {
    let text = "company = \"Keel\"\npartner = \"Northwind Ledger\"\n\
                [governance]\nkeel-owner = \"Dana\"\n\
                [[signatures]]\nside = \"us\"\nname = \"Dana\"\n\
                [[signatures]]\nside = \"Northwind\"\nname = \"Ravi\"\ndate = 2026-08-31\n\
                [[signatures]]\nname = \"Ravi Shah\"\ntitle = \"Northwind Ledger\"\nsigned = false\ndate = 2026-09-01\n\
                [[signatures]]\nside = \"somebody\"\n";
    let (_, c) = read(text);
    assert!(c.issues.is_empty(), "{:?}", c.issues);
    let got: Vec<_> = c.signatures.iter().map(|s| (s.side, s.signed)).collect();
    assert_eq!(
        got,
        [
            (Some(Side::Company), false),
            (Some(Side::Partner), true),
            (Some(Side::Partner), false),
            (None, false),
        ]
    );
    assert_eq!(c.signatures[2].who.text, "Ravi Shah, Northwind Ledger");
    // Labels with the names from the metadata work as keys.
    assert_eq!(
        c.field("governance", "our-owner").unwrap().label.text,
        "keel-owner"
    );
}

#[test]
fn sections_keep_file_order_and_accept_other_spellings() {
    let text = "[[timeline.phase]]\nname = \"crawl\"\n\
                [goals]\nus = \"x\"\n\
                [timeline]\nrun_cadence = \"quarterly\"\n\
                [metrics]\nmetric = [\"NPS 50 or more\"]\nreview-cadence = \"monthly\"\n\
                [kpis]\ntracking = \"dashboard\"\n\
                [exit]\ncriteria = \"one lone criterion, 3 months\"\n\
                [empty]\n";
    let (src, c) = read(text);
    assert_eq!(kinds(&c), [IssueKind::UnknownKey]);
    let keys: Vec<_> = c.sections.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["timeline", "goals", "metrics", "metrics", "exit"]);
    assert_eq!(
        c.field("timeline", "run-cadence").unwrap().label.text,
        "run_cadence"
    );
    assert_eq!(c.field("metrics", "cadence").unwrap().value.text, "monthly");
    assert_eq!(c.metrics[0].name.text, "NPS 50 or more");
    assert_eq!(c.metrics[0].target, None);
    assert_eq!(c.section("exit").unwrap().items.len(), 1);
    let goals = c.section("goals").unwrap();
    assert_eq!(
        &src.text[goals.span.start..goals.span.end],
        "[goals]\nus = \"x\""
    );
}

#[test]
fn empty_and_comment_only_files_give_an_empty_model() {
    for text in ["", "# nothing yet\n\n# really\n", "\u{feff}", "\r\n\r\n"] {
        let (_, c) = read(text);
        assert!(c.issues.is_empty(), "{text:?}: {:?}", c.issues);
        assert!(c.sections.is_empty() && c.meta.span.is_none());
        assert_eq!(c.anchor(), Span::empty(0));
    }
    let (src, c) = read("[goals]\n");
    let goals = c.section("goals").unwrap();
    assert_eq!(goals.body, Span::empty(src.text.find(']').unwrap() + 1));
    assert!(!goals.has_content());
}

#[test]
fn huge_integers_are_text() {
    let (_, c) = read("tier = 99999999999999999999\n");
    assert!(c.issues.is_empty(), "{:?}", c.issues);
    assert_eq!(
        c.meta.tier.as_ref().unwrap().text.text,
        "99999999999999999999"
    );
    assert_eq!(c.meta.tier(), None);
}

/// Run on a thread with the stack a rayon worker has by default.
fn on_small_stack(text: String) -> (String, Charter) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let (source, charter) = read(&text);
            (source.text, charter)
        })
        .unwrap()
        .join()
        .expect("no stack overflow or panic")
}

#[test]
fn deep_nesting_is_refused_without_overflow() {
    let n = 10_000;
    let deep = [
        format!("a = {}1{}", "[".repeat(n), "]".repeat(n)),
        format!("a = {}", "[".repeat(n)),
        format!("a = {}1{}", "{a=".repeat(n), "}".repeat(n)),
        format!("[goals]\nus = {}\"x\"{}", "{a=".repeat(n), "}".repeat(n)),
        format!("{} = 1\n", vec!["a"; n].join(".")),
        format!("[{}]\nx = 1\n", vec!["a"; n].join(".")),
        format!("[[{}]]\nx = 1\n", vec!["a"; n].join(".")),
    ];
    for text in deep {
        let head = text[..20].to_string();
        let (_, c) = on_small_stack(text);
        assert!(
            c.issues.iter().any(|i| i.kind == IssueKind::Syntax),
            "{head}"
        );
    }
    // The dotted key's error is placed on the key, not at the start of the file.
    let text = format!("partner = \"x\"\n{} = 1\n", vec!["k"; n].join("."));
    let (text, c) = on_small_stack(text);
    let issue = &c.issues[0];
    assert_eq!(issue.span.start, text.find('k').unwrap());
    assert!(issue.message.contains("dotted parts"), "{issue:?}");

    // As deep as the parser allows: 79 inline tables, each under a 79-part key.
    let key = vec!["b"; 79].join(".");
    let mut text = String::from("[goals]\nus = ");
    for _ in 0..79 {
        text.push_str(&format!("{{{key} = "));
    }
    text.push('1');
    text.push_str(&"}".repeat(79));
    let (_, c) = on_small_stack(text);
    assert_eq!(kinds(&c), [IssueKind::WrongType]);
}

fn large_charter(bytes: usize) -> String {
    let mut text = String::from(NORTHWIND);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&format!(
            "\n[[metrics.metric]]\nname = \"Metric {i} with a longer name, é\"\ntarget = \"{i}%\"\n"
        ));
        i += 1;
    }
    text
}

#[test]
fn a_large_file_is_read_in_one_pass() {
    let (_, c) = on_small_stack(large_charter(2 << 20));
    assert!(c.issues.is_empty());
    assert!(c.metrics.len() > 20_000);
}

/// `cargo test -- --ignored` (slow in a debug build).
#[test]
#[ignore]
fn a_fifty_megabyte_file_completes() {
    let text = large_charter(50 << 20);
    let t = std::time::Instant::now();
    let bare = ::toml::de::DeTable::parse(&text).map(|t| t.get_ref().len());
    let bare_time = t.elapsed();
    let t = std::time::Instant::now();
    let (_, c) = on_small_stack(text);
    let ours = t.elapsed();
    eprintln!("bare parse {bare_time:?}, charter parse {ours:?}");
    assert!(bare.is_ok() && c.issues.is_empty());
}

/// The TOML examples meet what the default rules ask of a finished charter.
#[test]
fn examples_are_complete_charters() {
    use crate::date::days_between;
    use crate::model::{Status, Tier};
    let examples = [
        (NORTHWIND, Tier::Partnership),
        (
            include_str!("../../../examples/lumen-payroll.charter.toml"),
            Tier::Integration,
        ),
        (
            include_str!("../../../examples/tidewater-cloud.charter.toml"),
            Tier::Strategic,
        ),
    ];
    for (text, tier) in examples {
        let (_, c) = read(text);
        let name = c.meta.partner.as_ref().unwrap().text.clone();
        assert!(c.issues.is_empty(), "{name}: {:?}", c.issues);
        assert_eq!(c.meta.tier(), Some(tier), "{name}");
        assert!(!c.meta.leverage.is_empty());
        assert!(
            c.meta.next_review.as_ref().unwrap().text.text.as_str() > "2026-12-31",
            "{name}"
        );
        for key in [
            "goals",
            "value-exchange",
            "timeline",
            "metrics",
            "governance",
            "exit",
            "signatures",
        ] {
            assert!(
                c.section(key).is_some_and(|s| s.has_content()),
                "{name}: {key}"
            );
        }
        let mut fields = vec![
            ("goals", "us"),
            ("goals", "partner"),
            ("goals", "customers"),
            ("value-exchange", "we-give"),
            ("value-exchange", "partner-gives"),
            ("value-exchange", "we-lose"),
            ("value-exchange", "partner-loses"),
            ("metrics", "cadence"),
            ("governance", "our-owner"),
            ("governance", "partner-owner"),
            ("governance", "escalation"),
        ];
        if tier == Tier::Partnership {
            fields.push(("governance", "sync-cadence"));
        }
        if tier == Tier::Strategic {
            fields.extend([
                ("governance", "our-sponsor"),
                ("governance", "partner-sponsor"),
                ("governance", "partner-manager"),
            ]);
        }
        for (section, field) in fields {
            assert!(
                c.field(section, field).is_some_and(|f| f.value.has_words()),
                "{name}: {field}"
            );
        }
        // Consecutive phases of the usual lengths.
        let kinds: Vec<_> = c.phases.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                Some(PhaseKind::Crawl),
                Some(PhaseKind::Walk),
                Some(PhaseKind::Run)
            ]
        );
        let dates: Vec<_> = c
            .phases
            .iter()
            .map(|p| (p.start_date().unwrap(), p.end_date().unwrap()))
            .collect();
        let weeks = |(s, e)| days_between(s, e) as f64 / 7.0;
        assert!((4.0..=8.0).contains(&weeks(dates[0])), "{name}: crawl");
        assert!((8.0..=12.0).contains(&weeks(dates[1])), "{name}: walk");
        assert!(weeks(dates[2]) >= 26.0, "{name}: run");
        assert!(
            dates[0].1 < dates[1].0 && dates[1].1 < dates[2].0,
            "{name}: overlap"
        );
        let percent = |t: &Text| -> u32 {
            let digits = t.text.split('%').next().unwrap();
            digits
                .rsplit(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap()
                .parse()
                .unwrap()
        };
        assert!(
            percent(c.phases[0].go_no_go.as_ref().unwrap()) >= 20,
            "{name}"
        );
        assert!(
            percent(c.phases[1].go_no_go.as_ref().unwrap()) >= 70,
            "{name}"
        );
        let status = c.meta.status().unwrap();
        if matches!(status, Status::Walk | Status::Run) {
            assert!(
                percent(c.phases[0].result.as_ref().unwrap()) >= 20,
                "{name}"
            );
        }
        if status == Status::Run {
            assert!(
                percent(c.phases[1].result.as_ref().unwrap()) >= 70,
                "{name}"
            );
        }
        assert!(c.metrics.len() >= 3);
        for m in &c.metrics {
            assert!(
                m.target
                    .as_ref()
                    .unwrap()
                    .text
                    .chars()
                    .any(|c| c.is_ascii_digit()),
                "{name}"
            );
        }
        let sides: Vec<_> = c
            .signatures
            .iter()
            .map(|s| (s.side, s.signed, s.date.is_some()))
            .collect();
        assert_eq!(
            sides,
            [
                (Some(Side::Company), true, true),
                (Some(Side::Partner), true, true)
            ]
        );
        let exit = &c.section("exit").unwrap().items;
        assert!(
            exit.len() >= 2
                && exit
                    .iter()
                    .all(|t| t.text.chars().any(|c| c.is_ascii_digit()))
        );
    }
}

#[test]
fn labels_and_sides_that_name_a_side_are_read() {
    // The sides' names are built only when a label or side needs them.
    let (_, c) = read(
        "company = \"Keel Cloud\"\npartner = \"Northwind Ledger\"\n\
         [value-exchange]\nnorthwind-gives = \"data\"\nkeel_commits = \"people\"\nwe-lose = \"time\"\n\
         [[signatures]]\nside = \"Northwind\"\nname = \"A\"\n\
         [[signatures]]\nname = \"B, Keel Cloud\"\n\
         [[signatures]]\nside = \"us\"\nname = \"C\"\n",
    );
    assert!(c.issues.is_empty(), "{:?}", c.issues);
    let value = |key: &str| &c.field("value-exchange", key).unwrap().value.text;
    assert_eq!(value("partner-gives"), "data");
    assert_eq!(value("we-give"), "people");
    assert_eq!(value("we-lose"), "time");
    let sides: Vec<_> = c.signatures.iter().map(|s| s.side).collect();
    assert_eq!(
        sides,
        [
            Some(Side::Partner),
            Some(Side::Company),
            Some(Side::Company)
        ]
    );
}
