//! `invalid-date`: a date that cannot be read, or is not on the calendar.
//!
//! Looks at every date the model holds: `created`, `next-review`, phase starts and
//! ends, signature dates. Any form the date reader reads is a date (`1 March 2027`,
//! `Q3 2027`, `Apr 6 – May 15, 2027`); a day that does not exist is reported with the
//! ISO form it would have had, and `03/04/2027`, which reads as two different days,
//! is reported as ambiguous (variant `ambiguous`) rather than guessed. An empty text
//! is not reported (there is no date to judge).

use crate::model::{Parsed, Text};
use crate::rules::{Check, Ctx, Hit};
use crate::value::date::DateValue;
use jiff::civil::Date;

#[derive(Debug)]
struct InvalidDate;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(InvalidDate))
}

impl Check for InvalidDate {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        let c = cx.charter;
        for date in c.meta.created.iter().chain(&c.meta.next_review) {
            check(&date.text, &date.value, hits);
        }
        for p in &c.phases {
            let mut seen = None;
            for d in p.start.iter().chain(&p.end) {
                // A range written once is both the start and the end: judged once.
                if seen == Some(d.text.span) {
                    continue;
                }
                seen = Some(d.text.span);
                check_read(d, hits);
            }
        }
        for text in c.signatures.iter().filter_map(|s| s.date.as_ref()) {
            let value =
                crate::value::date::first_in(&text.text).ok_or(crate::parse::phases::NOT_A_DATE);
            check_read(
                &Parsed {
                    text: text.clone(),
                    value,
                },
                hits,
            );
        }
    }
}

fn check(text: &Text, date: &Result<Date, &'static str>, hits: &mut Vec<Hit>) {
    if blank(&text.text) {
        return;
    }
    let Err(problem) = date else {
        return;
    };
    hits.push(hit(text).arg("problem", *problem));
}

/// A date read in any form: reported when unread, not on the calendar, or ambiguous.
fn check_read(d: &Parsed<DateValue>, hits: &mut Vec<Hit>) {
    if blank(&d.text.text) {
        return;
    }
    match &d.value {
        Err(problem) => hits.push(hit(&d.text).arg("problem", *problem)),
        Ok(DateValue::NoSuchDay(n)) => {
            // The ISO form it would have had, unless that is what was written.
            let iso = n.to_string();
            let problem = if d.text.text.trim() == iso {
                "no such day on the calendar".to_string()
            } else {
                format!("{iso} does not exist")
            };
            hits.push(hit(&d.text).arg("problem", problem))
        }
        Ok(DateValue::Ambiguous {
            day_first,
            month_first,
        }) => hits.push(
            hit(&d.text)
                .variant("ambiguous")
                .arg("day_first", day_first.to_string())
                .arg("month_first", month_first.to_string()),
        ),
        Ok(_) => {}
    }
}

fn hit(text: &Text) -> Hit {
    Hit::at(text.span).arg("found", crate::rules::support::text::shorten(&text.text))
}

/// `t.trim().is_empty()`, through the project's trim with its ASCII fast path (dates
/// nearly always start and end with a digit).
fn blank(t: &str) -> bool {
    crate::trim::trim(t).is_empty()
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};
    use crate::model::{Parsed, Side, Text};

    const SRC: &str = "created = 2026-02-30\nnext-review = \"next week\"\n\
        | Crawl | 2026-09-07 | 2026-9-30 |\n- [x] Dana, Keel 2026-13-01\nempty = \"\"\n";

    #[test]
    fn every_kind_of_date_is_checked() {
        let k = Kit::toml(SRC)
            .created("2026-02-30")
            .next_review("next week")
            .phase("crawl", "Crawl")
            .start("2026-09-07")
            .end("2026-9-30")
            .sig("Dana", Some(Side::Company), true)
            .sig_date("2026-13-01");
        let hits = k.run("invalid-date");
        let spans: Vec<_> = hits.iter().map(|h| h.span).collect();
        assert_eq!(
            spans,
            // `2026-9-30` is a day that exists, written short: read, not reported.
            vec![
                k.span("2026-02-30"),
                k.span("next week"),
                k.span("2026-13-01")
            ]
        );
        assert_eq!(arg(&hits[0], "found"), "2026-02-30");
        assert_eq!(arg(&hits[0], "problem"), "no such day on the calendar");
        assert_eq!(
            arg(&hits[1], "problem"),
            "not a date of the form YYYY-MM-DD"
        );
    }

    #[test]
    fn days_that_do_not_exist_show_their_iso_form_and_ambiguity_is_reported() {
        let src = "| Crawl | 31 April 2027 | 03/04/2027 |\n| Walk | Oct 26 – Dec 11, 2026 |\n";
        let k = Kit::md(src)
            .phase("crawl", "Crawl")
            .start("31 April 2027")
            .end("03/04/2027")
            .phase("walk", "Walk")
            .start("Oct 26 – Dec 11, 2026");
        let hits = k.run("invalid-date");
        assert_eq!(hits.len(), 2);
        assert_eq!(arg(&hits[0], "problem"), "2027-04-31 does not exist");
        assert_eq!(hits[1].variant, "ambiguous");
        assert_eq!(arg(&hits[1], "day_first"), "2027-04-03");
        assert_eq!(arg(&hits[1], "month_first"), "2027-03-04");
    }

    #[test]
    fn valid_and_empty_dates_pass() {
        let k = Kit::toml(SRC)
            .created("\"\"")
            .phase("crawl", "Crawl")
            .start("2026-09-07");
        // `""` as written has quotes; an empty model text is what the parser gives.
        let mut k = k;
        let created = &mut k.charter.meta.created;
        let span = created.as_ref().unwrap().text.span;
        *created = Some(Parsed::date(Text::new("", span)));
        assert!(k.run("invalid-date").is_empty());
    }

    #[test]
    fn blank_is_trim_is_empty() {
        for t in [
            "",
            " ",
            "\u{b}",
            "\u{b}x",
            "\u{a0}",
            "\u{a0}2026",
            "\u{3000}",
            "x",
            "é",
            "\r\n",
            " 2026-01-01",
        ] {
            assert_eq!(super::blank(t), t.trim().is_empty(), "{t:?}");
        }
    }
}
