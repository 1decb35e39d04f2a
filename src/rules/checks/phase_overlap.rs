//! `phase-overlap`: a phase starts before the previous one (in crawl, walk, run
//! order) has ended.
//!
//! Phases are taken in kind order (document order within a kind) and each is
//! compared with the one before it. Only valid dates count. A phase that starts
//! even before the previous one starts is out of order, which is `phase-order`'s.

use crate::model::Phase;
use crate::rules::{Check, Ctx, Hit};

#[derive(Debug)]
struct PhaseOverlap;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(PhaseOverlap))
}

impl Check for PhaseOverlap {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        let mut phases: Vec<&Phase> = cx
            .charter
            .phases
            .iter()
            .filter(|p| p.kind.is_some())
            .collect();
        phases.sort_by_key(|p| p.kind);
        for pair in phases.windows(2) {
            let (earlier, later) = (pair[0], pair[1]);
            // Both dates are needed to compare.
            let (Some(start), Some(end)) = (later.start_date(), earlier.end_date()) else {
                continue;
            };
            // Starts after the earlier one ends: no overlap.
            if start > end {
                continue;
            }
            // Starts before the earlier one even starts: an ordering problem instead.
            if earlier.start_date().is_some_and(|s| start < s) {
                continue;
            }
            let (Some(kind), Some(prev), Some(text)) = (later.kind, earlier.kind, &later.start)
            else {
                continue;
            };
            hits.push(
                Hit::at(text.text.span)
                    .arg("phase", kind.name())
                    .arg("start", start.to_string())
                    .arg("previous", prev.name())
                    .arg("end", end.to_string()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};

    const SRC: &str = "| Run   | 2027-02-19 | 2027-12-31 |\n\
        | Crawl | 2026-10-05 | 2026-11-27 |\n\
        | Walk  | 2026-11-16 | 2027-02-19 |\n\
        | Late  | 2026-11-30 | 2026-09-01 |\n\
        | Later | 2026-11-30 | 2026-12-01 |\n";

    #[test]
    fn a_start_on_or_before_the_previous_end_fires() {
        // Listed run, crawl, walk: compared in kind order.
        let k = Kit::md(SRC)
            .phase("run", "Run")
            .start("2027-02-19")
            .end("2027-12-31")
            .phase("crawl", "Crawl")
            .start("2026-10-05")
            .end("2026-11-27")
            .phase("walk", "Walk")
            .start("2026-11-16")
            .end("2027-02-19");
        let hits = k.run("phase-overlap");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].span, k.span("2026-11-16"));
        assert_eq!(arg(&hits[0], "phase"), "walk");
        assert_eq!(arg(&hits[0], "start"), "2026-11-16");
        assert_eq!(arg(&hits[0], "previous"), "crawl");
        assert_eq!(arg(&hits[0], "end"), "2026-11-27");
        // Run starts on the day walk ends.
        assert_eq!(hits[1].span, k.span("2027-02-19"));
    }

    #[test]
    fn sequential_or_out_of_order_phases_do_not_fire() {
        let k = Kit::md(SRC)
            .phase("crawl", "Crawl")
            .start("2026-10-05")
            .end("2026-11-27")
            .phase("walk", "Late")
            .start("2026-11-30")
            .end("2026-09-01");
        assert!(k.run("phase-overlap").is_empty());
        let k = Kit::md(SRC)
            .phase("walk", "Crawl")
            .start("2026-10-05")
            .end("2026-11-27")
            .phase("crawl", "Later")
            .start("2026-11-30")
            .end("2026-12-01");
        assert!(k.run("phase-overlap").is_empty());
    }
}
