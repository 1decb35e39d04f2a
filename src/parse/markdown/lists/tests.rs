use crate::parse::markdown::tests::{check_spans, parse_str};

/// A definition list (`Term` ⏎ `: definition`, read as `Term: definition`) or a
/// labelled line under the metrics heading is a metric, as a list item is: the label
/// names it, its value is the target.
#[test]
fn labelled_lines_under_metrics_are_metrics() {
    let text = "+++\ncompany = \"Keel\"\npartner = \"Northwind\"\n+++\n\
        ## Metrics\n\n\
        Hotels connected\n: 300 by 31 December 2027\n\n\
        Guest satisfaction\n: improve\n\n\
        Rate-update latency: under 5 minutes\n\n\
        KPI review: biweekly during crawl and walk\n\n\
        What we count:\n";
    let c = parse_str(text);
    check_spans(&c, text);
    let read: Vec<(&str, &str)> = c
        .metrics
        .iter()
        .map(|m| {
            (
                m.name.text.as_str(),
                m.target.as_ref().map_or("", |t| &t.text),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("Hotels connected", "300 by 31 December 2027"),
            ("Guest satisfaction", "improve"),
            ("Rate-update latency", "under 5 minutes"),
        ]
    );
    // Each points at its own words.
    for m in &c.metrics {
        assert_eq!(&text[m.name.span.start..m.name.span.end], m.name.text);
    }
    // A line that states the review cadence is that, not a metric: a line of the
    // section, where the cadence is read from.
    let lines = &c.section("metrics").unwrap().items;
    assert!(lines.iter().any(|t| t.text.starts_with("KPI review")));
}
