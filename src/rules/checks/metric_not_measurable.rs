//! `metric-not-measurable`: a metric with no number to be measured against.
//!
//! The metric's target is looked at when it has one with something written in it;
//! otherwise the metric as written (a list item is its own target).

use crate::rules::{Check, Ctx, Hit};

#[derive(Debug)]
struct MetricNotMeasurable;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(MetricNotMeasurable))
}

impl Check for MetricNotMeasurable {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        for metric in &cx.charter.metrics {
            // A target with a digit has words, and is the one read: nearly every
            // metric passes here, without looking for words first.
            let digit = |t: &crate::model::Text| t.text.bytes().any(|b| b.is_ascii_digit());
            if metric.target.as_ref().is_some_and(digit) {
                continue;
            }
            let target = match &metric.target {
                Some(t) if t.has_words() => t,
                _ => &metric.name,
            };
            // A digit is a number, a percentage, an amount or a count.
            // Bytes, not characters: no ASCII digit byte is part of a longer character.
            if target.text.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            // A number in words (`two FTEs`, `seventy per cent`) or a date is one too.
            if crate::value::number::numbers_in(&target.text)
                .next()
                .is_some()
                || crate::value::date::dates_in(&target.text).next().is_some()
            {
                continue;
            }
            // A name that states a threshold (`Tenants without heating > 1 working
            // day`, `CSAT ≥ 4.5`) is measured against it: its target counts the cases
            // past it (`None`). Asked last: few metrics get this far.
            if crate::value::number::numbers_in(&metric.name.text).any(|n| n.bound.is_some()) {
                continue;
            }
            hits.push(Hit::at(metric.span).arg(
                "found",
                crate::rules::support::text::shorten(&metric.name.text),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};

    const SRC: &str = "- Customer satisfaction\n| Close time | about the same |\n\
        | Adoption | 70% |\n- CSAT ≥ 4.5\n| NPS 40 | |\n| Tenants without heating > 1 working day | None |\n";

    #[test]
    fn metrics_without_a_number_fire() {
        let k = Kit::md(SRC)
            .metric("Customer satisfaction", None)
            .metric("Close time", Some("about the same"));
        let hits = k.run("metric-not-measurable");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].span, k.source.line_span(1));
        assert_eq!(arg(&hits[0], "found"), "Customer satisfaction");
        assert_eq!(arg(&hits[1], "found"), "Close time");
    }

    #[test]
    fn numbers_in_target_or_name_pass() {
        let mut k = Kit::md(SRC)
            .metric("Adoption", Some("70%"))
            .metric("CSAT ≥ 4.5", None)
            .metric("NPS 40", None);
        // A threshold in the name holds whatever the target says.
        k = k.metric("Tenants without heating > 1 working day", Some("None"));
        // An empty target cell: the name is read instead.
        k.charter.metrics[2].target = Some(crate::model::Text::default());
        assert!(k.run("metric-not-measurable").is_empty());
    }
}
