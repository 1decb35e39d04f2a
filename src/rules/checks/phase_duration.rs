//! `phase-duration`: a phase shorter or longer than its usual span.
//!
//! Days are counted inclusively (`end - start + 1`). Crawl and walk are measured in
//! weeks: a phase passes when `days >= min * 7 - grace-days` and `days <= max * 7`.
//! The grace (two days by default) lets a phase run from a Monday to the Friday of its
//! last week, as `charter new` plans them, without falling short of whole weeks. Run needs at least `run-min-months`
//! calendar months (`end >= start + months - 1 day`) and has no maximum; a run with no
//! end date is ongoing and passes. Only valid dates are looked at; a phase that ends
//! before it starts is reported too.

use crate::model::{Phase, PhaseKind};
use crate::rules::{params, Check, Ctx, Hit};
use jiff::civil::Date;
use jiff::{ToSpan, Unit};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    #[serde(default = "d4")]
    crawl_min_weeks: i64,
    #[serde(default = "d8")]
    crawl_max_weeks: i64,
    #[serde(default = "d8")]
    walk_min_weeks: i64,
    #[serde(default = "d12")]
    walk_max_weeks: i64,
    #[serde(default = "d6")]
    run_min_months: i64,
    #[serde(default = "d2")]
    grace_days: i64,
}

fn d2() -> i64 {
    2
}

fn d4() -> i64 {
    4
}
fn d6() -> i64 {
    6
}
fn d8() -> i64 {
    8
}
fn d12() -> i64 {
    12
}

#[derive(Debug)]
struct PhaseDuration {
    p: Params,
}

pub fn factory(table: &toml::Table) -> Result<Box<dyn Check>, String> {
    let p: Params = params(table)?;
    let weeks = [
        ("crawl", p.crawl_min_weeks, p.crawl_max_weeks),
        ("walk", p.walk_min_weeks, p.walk_max_weeks),
    ];
    for (phase, min, max) in weeks {
        if min < 1 || max < min {
            return Err(format!(
                "{phase}: need 1 <= {phase}-min-weeks <= {phase}-max-weeks, got {min} and {max}"
            ));
        }
    }
    // Up to six days: a grace of a whole week would move the minimum itself.
    if !(0..=6).contains(&p.grace_days) {
        return Err(format!(
            "grace-days must be between 0 and 6, got {}",
            p.grace_days
        ));
    }
    if !(1..=120).contains(&p.run_min_months) {
        return Err(format!(
            "run-min-months must be between 1 and 120, got {}",
            p.run_min_months
        ));
    }
    Ok(Box::new(PhaseDuration { p }))
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// `3 weeks`, `10 weeks 2 days`, `5 days`.
fn weeks_and_days(days: i64) -> String {
    match (days / 7, days % 7) {
        (0, d) => plural(d, "day"),
        (w, 0) => plural(w, "week"),
        (w, d) => format!("{} {}", plural(w, "week"), plural(d, "day")),
    }
}

/// `4 months`, `4 months 12 days`, from `start` to the day after `end`.
fn months_and_days(start: Date, end: Date) -> String {
    let Ok(after) = end.tomorrow() else {
        return weeks_and_days(crate::date::days_between(start, end) + 1);
    };
    let Ok(span) = start.until((Unit::Month, after)) else {
        return weeks_and_days(crate::date::days_between(start, end) + 1);
    };
    let (m, d) = (span.get_months() as i64, span.get_days() as i64);
    match (m, d) {
        (0, _) => weeks_and_days(d),
        (m, 0) => plural(m, "month"),
        (m, d) => format!("{} {}", plural(m, "month"), plural(d, "day")),
    }
}

impl PhaseDuration {
    /// What is wrong with the phase's length, as (actual, expected), or `None` when fine.
    fn judge(&self, kind: PhaseKind, start: Date, end: Option<Date>) -> Option<(String, String)> {
        let p = &self.p;
        let (min, max) = match kind {
            PhaseKind::Crawl => (p.crawl_min_weeks, p.crawl_max_weeks),
            PhaseKind::Walk => (p.walk_min_weeks, p.walk_max_weeks),
            PhaseKind::Run => {
                // No end: run is ongoing.
                let end = end?;
                let due = start
                    .checked_add(p.run_min_months.months())
                    .and_then(|d| d.yesterday())
                    .ok()?;
                if end >= due {
                    return None;
                }
                let expected = format!("at least {}", plural(p.run_min_months, "month"));
                if end < start {
                    return Some(("no time (it ends before it starts)".into(), expected));
                }
                return Some((months_and_days(start, end), expected));
            }
        };
        // Crawl and walk need an end to be measured.
        let end = end?;
        let days = crate::date::days_between(start, end) + 1;
        if days >= min * 7 - p.grace_days && days <= max * 7 {
            return None;
        }
        let expected = format!("{min}–{max} weeks");
        if days <= 0 {
            return Some(("no time (it ends before it starts)".into(), expected));
        }
        Some((weeks_and_days(days), expected))
    }
}

fn span_of(phase: &Phase) -> crate::model::Span {
    match (&phase.start, &phase.end) {
        (Some(s), Some(e)) => s.text.span.join(e.text.span),
        (Some(s), None) => s.text.span,
        _ => phase.span,
    }
}

impl Check for PhaseDuration {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        for phase in &cx.charter.phases {
            // Only recognised phases have a usual span.
            let Some(kind) = phase.kind else { continue };
            // Without a valid start there is nothing to measure.
            let Some(start) = phase.start_date() else {
                continue;
            };
            // An end that is written but invalid is `invalid-date`'s; don't guess.
            let end = phase.end_date();
            if end.is_none() && phase.end_unread() {
                continue;
            }
            let Some((actual, expected)) = self.judge(kind, start, end) else {
                continue;
            };
            hits.push(
                Hit::at(span_of(phase))
                    .arg("phase", kind.name())
                    .arg("actual", actual)
                    .arg("expected", expected),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};

    const SRC: &str = "\
| Crawl | 2026-10-05 | 2026-10-16 |
| Crawl | 2026-10-05 | 2026-10-30 |
| Crawl | 2026-10-05 | 2026-11-30 |
| Walk  | 2026-11-02 | 2027-01-25 |
| Walk  | 2026-11-02 | 2027-01-24 |
| Run   | 2027-01-25 | 2027-07-24 |
| Run   | 2027-02-01 | 2027-07-30 |
| Run   | 2027-03-01 | |
| Walk  | 2027-04-01 | 2027-03-01 |
| Crawl | 2026-10-05 | 2026-10-26 |
| Crawl | 2026-10-05 | 2026-10-29 |
";

    fn kit(line: usize, kind: &str) -> Kit {
        let k = Kit::md(SRC);
        let row = k.source.slice(k.source.line_span(line)).to_string();
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let mut k = k.phase(kind, &row).start(cells[2]);
        if !cells[3].is_empty() {
            k = k.end(cells[3]);
        }
        k
    }

    #[test]
    fn a_short_crawl_fires_over_its_dates() {
        let k = kit(1, "crawl");
        let hits = k.run("phase-duration");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].span, k.span("2026-10-05 | 2026-10-16"));
        assert_eq!(arg(&hits[0], "phase"), "crawl");
        assert_eq!(arg(&hits[0], "actual"), "1 week 5 days");
        assert_eq!(arg(&hits[0], "expected"), "4–8 weeks");
    }

    #[test]
    fn the_minimum_allows_a_phase_to_end_on_the_friday_of_its_last_week() {
        // 26 days, Monday to the fourth Friday: a 4-week crawl.
        assert!(kit(2, "crawl").run("phase-duration").is_empty());
        // 25 days is three days short: too short, and so are 22 (which passed when
        // the minimum allowed a partial week, against the help's "4–8 weeks").
        let hits = kit(11, "crawl").run("phase-duration");
        assert_eq!(arg(&hits[0], "actual"), "3 weeks 4 days");
        let hits = kit(10, "crawl").run("phase-duration");
        assert_eq!(arg(&hits[0], "actual"), "3 weeks 1 day");
        // 56 days passes walk's 8; 57 days fails crawl's maximum of 8 weeks.
        let hits = kit(3, "crawl").run("phase-duration");
        assert_eq!(arg(&hits[0], "actual"), "8 weeks 1 day");
        // Walk: 85 days is over 12 weeks, 84 is exactly 12.
        let hits = kit(4, "walk").run("phase-duration");
        assert_eq!(arg(&hits[0], "actual"), "12 weeks 1 day");
        assert!(kit(5, "walk").run("phase-duration").is_empty());
    }

    #[test]
    fn run_needs_six_calendar_months_or_no_end() {
        // 2027-01-25 + 6 months - 1 day = 2027-07-24.
        assert!(kit(6, "run").run("phase-duration").is_empty());
        let hits = kit(7, "run").run("phase-duration");
        assert_eq!(arg(&hits[0], "actual"), "5 months 30 days");
        assert_eq!(arg(&hits[0], "expected"), "at least 6 months");
        assert!(kit(8, "run").run("phase-duration").is_empty());
    }

    #[test]
    fn a_phase_ending_before_it_starts_fires() {
        let hits = kit(9, "walk").run("phase-duration");
        assert_eq!(
            arg(&hits[0], "actual"),
            "no time (it ends before it starts)"
        );
    }

    #[test]
    fn params_are_validated() {
        let t: toml::Table = toml::from_str("crawl-min-weeks = 9").unwrap();
        assert!(super::factory(&t).is_err());
        let t: toml::Table = toml::from_str("grace-days = 7").unwrap();
        assert!(super::factory(&t).is_err());
    }

    #[test]
    fn the_pack_states_the_grace_the_check_applies() {
        let pack: toml::Table = toml::from_str(crate::rules::pack::DEFAULT_PACK).unwrap();
        let rule = pack["rule"]
            .as_array()
            .and_then(|rules| {
                rules
                    .iter()
                    .find(|r| r["name"].as_str() == Some("phase-duration"))
            })
            .unwrap();
        assert_eq!(rule["params"]["grace-days"].as_integer(), Some(super::d2()));
        let help = rule["help"].as_str().unwrap();
        assert!(
            help.contains("grace-days") && help.contains("26 days"),
            "{help}"
        );
    }
}
