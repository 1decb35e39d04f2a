//! `phase-incomplete`: a crawl, walk or run phase has no dates, or no deliverables or
//! scope. Any date text counts as dates, a relative window (`within 60 days of
//! signing`) as well as ISO dates: whether the text is a date is `invalid-date`'s.
//! A go/no-go bar counts as scope. Absent phases are `phase-missing`'s.

use crate::model::{Parsed, Phase};
use crate::rules::{Check, Ctx, Hit};

#[derive(Debug)]
struct PhaseIncomplete;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(PhaseIncomplete))
}

impl Check for PhaseIncomplete {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        for phase in &cx.charter.phases {
            // Only crawl, walk and run: an unnamed phase is not one the framework defines.
            let Some(kind) = phase.kind else {
                continue;
            };
            let missing = match (has_dates(phase), has_scope(phase)) {
                (true, true) => continue,
                (false, true) => "dates",
                (true, false) => "deliverables or scope",
                (false, false) => "dates, deliverables or scope",
            };
            hits.push(
                Hit::at(phase.span)
                    .arg("phase", kind.name())
                    .arg("missing", missing),
            );
        }
    }
}

/// A start or an end with any text, read as a date or not; or, when the reader kept
/// neither, a date as people write them in the phase's name (`Crawl (Feb 8 – Mar 26,
/// 2027)`), which the reader takes only as ISO dates.
fn has_dates(phase: &Phase) -> bool {
    fn written<T>(d: &Option<Parsed<T>>) -> bool {
        d.as_ref().is_some_and(|d| d.text.has_words())
    }
    written(&phase.start)
        || written(&phase.end)
        || phase.relative.is_some()
        || crate::value::date::dates_in(&phase.name.text)
            .next()
            .is_some()
}

/// Scope or deliverables with words in them; or, for a timeline with no scope column,
/// a go/no-go bar, which names what the phase covers (`≥ 20% faster close for the 2
/// pilot customers`): charters written that way are complete to the people who sign them.
fn has_scope(phase: &Phase) -> bool {
    let words = |t: &Option<crate::model::Text>| t.as_ref().is_some_and(|t| t.has_words());
    words(&phase.scope) || words(&phase.go_no_go)
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};

    const SRC: &str = "| Crawl | 2026-10-05 to 2026-11-27 | 2 pilots |\n\
                       | Walk | within 60 days of signing | 8 more |\n\
                       | Run | | all customers |\n\
                       | Pilot 2 | | |\n";

    fn kit() -> Kit {
        let mut k = Kit::md(SRC)
            .phase("crawl", "Crawl")
            .start("2026-10-05")
            .end("2026-11-27")
            .phase("walk", "Walk")
            .start("within 60 days of signing")
            .phase("run", "Run")
            .phase("", "Pilot 2");
        for (i, scope) in ["2 pilots", "8 more", "all customers"]
            .into_iter()
            .enumerate()
        {
            k.charter.phases[i].scope = Some(k.text(scope));
        }
        k
    }

    #[test]
    fn a_phase_without_dates_fires_at_the_phase() {
        let k = kit();
        let hits = k.run("phase-incomplete");
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].span, k.source.line_span(3));
        assert_eq!(arg(&hits[0], "phase"), "run");
        assert_eq!(arg(&hits[0], "missing"), "dates");
    }

    #[test]
    fn a_relative_window_counts_as_dates_and_scope_is_needed() {
        let mut k = kit();
        k.charter.phases[1].scope = None;
        k.charter.phases.remove(2);
        let hits = k.run("phase-incomplete");
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(arg(&hits[0], "phase"), "walk");
        assert_eq!(arg(&hits[0], "missing"), "deliverables or scope");
    }

    #[test]
    fn dates_in_words_in_the_name_count() {
        let src = "- Crawl (Feb 8 – Mar 26, 2027): 2 depots\n- Walk: 12 depots\n";
        let mut k = Kit::md(src)
            .phase("crawl", "Crawl (Feb 8 – Mar 26, 2027)")
            .phase("walk", "Walk");
        for (i, scope) in ["2 depots", "12 depots"].into_iter().enumerate() {
            k.charter.phases[i].scope = Some(k.text(scope));
        }
        let hits = k.run("phase-incomplete");
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(arg(&hits[0], "phase"), "walk");
    }

    #[test]
    fn a_bar_stands_for_the_scope() {
        let mut k = kit();
        k.charter.phases[1].scope = None;
        k.charter.phases[1].go_no_go = Some(k.text("8 more"));
        k.charter.phases.remove(2);
        assert!(k.run("phase-incomplete").is_empty());
    }

    #[test]
    fn neither_is_one_hit_and_unnamed_phases_are_left_alone() {
        let mut k = kit();
        k.charter.phases[2].scope = None;
        let hits = k.run("phase-incomplete");
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(arg(&hits[0], "missing"), "dates, deliverables or scope");
    }
}
