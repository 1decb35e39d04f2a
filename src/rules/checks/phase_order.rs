//! `phase-order`: phases must be listed and scheduled as crawl, walk, run.
//!
//! Two ways to be out of order, reported separately (variants):
//! - `listed`: in document order, a phase of a lower kind than one listed before it
//!   (crawl after walk); reported at that phase.
//! - `scheduled`: a phase that starts before a phase of a lower kind starts (walk
//!   dated before crawl), whatever the listing; reported at its start date.
//!   Only valid dates are compared.

use crate::model::{Phase, PhaseKind};
use crate::rules::{Check, Ctx, Hit};
use jiff::civil::Date;

#[derive(Debug)]
struct PhaseOrder;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(PhaseOrder))
}

impl Check for PhaseOrder {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        // With each start parsed once (`None` when not a valid date).
        let phases: Vec<(&Phase, PhaseKind, Option<Date>)> = cx
            .charter
            .phases
            .iter()
            .filter_map(|p| p.kind.map(|k| (p, k, p.start_date())))
            .collect();

        // Listing: the highest kind so far must never go down.
        let mut highest: Option<PhaseKind> = None;
        for &(phase, kind, _) in &phases {
            match highest {
                Some(h) if kind < h => hits.push(
                    Hit::at(phase.span)
                        .variant("listed")
                        .arg("phase", kind.name())
                        .arg("previous", h.name()),
                ),
                _ => highest = Some(kind),
            }
        }

        // Schedule: no phase starts before a phase of a lower kind starts. Of the
        // lower-kind phases starting later, the latest is the one to name (the
        // later-listed on a tie); so only each kind's latest start matters, found in
        // one pass rather than by comparing every pair of phases.
        let latest = latest_starts(&phases);
        for &(phase, kind, start) in &phases {
            let (Some(date), Some(text)) = (start, phase.start.as_ref()) else {
                continue;
            };
            let Some((previous_start, previous)) = later(&latest, kind, date) else {
                continue;
            };
            hits.push(
                Hit::at(text.text.span)
                    .variant("scheduled")
                    .arg("phase", kind.name())
                    .arg("previous", previous.name())
                    .arg("start", date.to_string())
                    .arg("previous_start", previous_start.to_string()),
            );
        }
    }
}

/// For each kind (by its order), its latest start with the position of the last phase
/// that starts then.
fn latest_starts(
    phases: &[(&Phase, PhaseKind, Option<Date>)],
) -> [Option<(Date, usize, PhaseKind)>; 3] {
    let mut latest = [None; 3];
    for (i, &(_, kind, start)) in phases.iter().enumerate() {
        let (Some(d), Some(slot)) = (start, latest.get_mut(kind as usize)) else {
            continue;
        };
        if slot.is_none_or(|(best, _, _)| d >= best) {
            *slot = Some((d, i, kind));
        }
    }
    latest
}

/// The latest start of a kind below `kind`, when it is after `date`, and its kind.
fn later(
    latest: &[Option<(Date, usize, PhaseKind)>; 3],
    kind: PhaseKind,
    date: Date,
) -> Option<(Date, PhaseKind)> {
    latest
        .iter()
        .take(kind as usize)
        .flatten()
        .max_by_key(|&&(d, i, _)| (d, i))
        .filter(|&&(d, _, _)| d > date)
        .map(|&(d, _, k)| (d, k))
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};
    use crate::model::{Phase, PhaseKind, Span, Text};
    use jiff::civil::{date, Date};

    /// The latest lower-kind start after each phase's, found from each kind's latest
    /// start, is the one a comparison of every pair finds.
    #[test]
    fn the_later_start_agrees_with_comparing_every_pair() {
        let dummy = Phase::new(Text::new("x", Span::new(0, 0)), None, Span::new(0, 0));
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as i16
        };
        for _ in 0..300 {
            let phases: Vec<(&Phase, PhaseKind, Option<Date>)> = (0..next(12) + 1)
                .map(|_| {
                    let kind = PhaseKind::ALL[next(3) as usize];
                    let day = (next(5) > 0).then(|| date(2026, 1, 1 + next(6) as i8));
                    (&dummy, kind, day)
                })
                .collect();
            let latest = super::latest_starts(&phases);
            for &(_, kind, start) in &phases {
                let Some(day) = start else { continue };
                let plain = phases
                    .iter()
                    .filter(|(_, k, _)| *k < kind)
                    .filter_map(|&(_, k, start)| start.map(|d| (d, k)))
                    .filter(|&(d, _)| d > day)
                    .max_by_key(|&(d, _)| d);
                assert_eq!(super::later(&latest, kind, day), plain, "{phases:?}");
            }
        }
    }

    const SRC: &str = "| Walk  | 2026-10-05 | 2026-12-18 |\n\
        | Crawl | 2026-12-21 | 2027-01-29 |\n\
        | Run   | 2027-02-01 | 2027-12-31 |\n\
        | Other | 2020-01-01 | |\n";

    #[test]
    fn a_phase_listed_after_a_later_kind_fires() {
        let k = Kit::md(SRC)
            .phase("walk", "Walk")
            .phase("crawl", "Crawl")
            .phase("run", "Run");
        let hits: Vec<_> = k
            .run("phase-order")
            .into_iter()
            .filter(|h| h.variant == "listed")
            .collect();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].span, k.source.line_span(2));
        assert_eq!(arg(&hits[0], "phase"), "crawl");
        assert_eq!(arg(&hits[0], "previous"), "walk");
    }

    #[test]
    fn a_phase_dated_before_a_lower_kind_fires_at_its_start() {
        let k = Kit::md(SRC)
            .phase("walk", "Walk")
            .start("2026-10-05")
            .phase("crawl", "Crawl")
            .start("2026-12-21")
            .phase("run", "Run")
            .start("2027-02-01");
        let hits: Vec<_> = k
            .run("phase-order")
            .into_iter()
            .filter(|h| h.variant == "scheduled")
            .collect();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].span, k.span("2026-10-05"));
        assert_eq!(arg(&hits[0], "phase"), "walk");
        assert_eq!(arg(&hits[0], "previous"), "crawl");
        assert_eq!(arg(&hits[0], "previous_start"), "2026-12-21");
    }

    #[test]
    fn in_order_and_unrecognised_phases_pass() {
        let k = Kit::md(SRC)
            .phase("crawl", "Walk")
            .start("2026-10-05")
            .phase("walk", "Crawl")
            .start("2026-12-21")
            .phase("", "Other")
            .start("2020-01-01")
            .phase("run", "Run")
            .start("2027-02-01");
        assert!(k.run("phase-order").is_empty());
    }
}
