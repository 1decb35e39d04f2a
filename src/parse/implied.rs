//! Fields a section states in prose rather than under a label (the pack's cues, see
//! [`crate::vocab::cues`]): one pass over the model after either format's reader, so
//! Markdown and TOML charters are read alike.

use crate::model::{Charter, Field, Span, Text};
use crate::vocab::cues::Cue;
use crate::vocab::{normalize, Names, Vocabulary};

/// For each cued field a section lacks, the first unlabelled item that states it
/// becomes that field, its value the whole item (so findings point at the sentence).
/// The label is empty, at the item's start: nothing was written as a label.
pub fn add(charter: &mut Charter, vocab: &Vocabulary) {
    let cues = vocab.cues();
    if cues.is_empty() {
        return;
    }
    let mut names: Option<Names> = None;
    let mut cadence_line: Option<Span> = None;
    // The metrics' lines normalized, and for each cue of the metrics section (by its
    // place) the first of them that states it.
    let mut metric_words: Option<Vec<String>> = None;
    let mut metric_hit: std::collections::HashMap<usize, Option<usize>> = Default::default();
    for sec in &mut charter.sections {
        // Normalized once per section, and only when a cued field is missing.
        let mut words: Option<Vec<String>> = None;
        // The metrics' labelled values as they were before any cue added one, read
        // with the lines: `Review cadence: monthly operating review` also says where
        // the numbers are read out. Taken once, so the lines stay those `words` holds.
        let mut values: Option<Vec<Text>> = None;
        for (ci, cue) in cues.of(&sec.key).enumerate() {
            if sec.fields.iter().any(|f| f.key == cue.field) {
                continue;
            }
            if cue.names_a_side() {
                let names = names.get_or_insert_with(|| {
                    let name = |t: &Option<Text>| t.as_ref().map(|t| t.text.clone());
                    Names::new(
                        name(&charter.meta.company).as_deref(),
                        name(&charter.meta.partner).as_deref(),
                    )
                });
                if let Some(value) = sec.items.iter().find_map(|i| clause_stating(cue, i, names)) {
                    sec.fields.push(Field {
                        key: cue.field.clone(),
                        label: Text::new("", Span::empty(value.span.start)),
                        value,
                    });
                }
                continue;
            }
            // A metric's own line may say how often it is looked at (`Weekly active —
            // 70% — we check every Monday`): the metrics' lines count as its items,
            // after the section's own. The heading may say it too (`Scoreboard
            // (reviewed every other Friday)`). The metrics' lines are the same for every
            // metrics section, so they are normalized and searched once per charter
            // (a charter with many metrics sections is not read in quadratic time).
            let is_metrics = sec.key == "metrics";
            let own = sec.items.len();
            let lines: Vec<&Text> = if is_metrics {
                let values = values
                    .get_or_insert_with(|| sec.fields.iter().map(|f| f.value.clone()).collect());
                sec.items
                    .iter()
                    .chain([&sec.heading])
                    .chain(values.iter())
                    .collect()
            } else {
                sec.items.iter().chain([&sec.heading]).collect()
            };
            let items =
                words.get_or_insert_with(|| lines.iter().map(|i| normalize(&i.text)).collect());
            let stated = |norm: &String| {
                let w: Vec<&str> = norm.split(' ').collect();
                cue.stated_in(&w)
            };
            let (first, rest) = items.split_at(own.min(items.len()));
            let (first_lines, rest_lines) = lines.split_at(own.min(lines.len()));
            let mut found = first
                .iter()
                .zip(first_lines.iter().copied())
                .find(|(n, _)| stated(n));
            if found.is_none() && is_metrics {
                let norms = metric_words.get_or_insert_with(|| {
                    charter
                        .metrics
                        .iter()
                        .map(|m| normalize(&m.name.text))
                        .collect()
                });
                let at = *metric_hit
                    .entry(ci)
                    .or_insert_with(|| norms.iter().position(&stated));
                found = at.and_then(|j| Some((norms.get(j)?, &charter.metrics.get(j)?.name)));
            }
            let found = found.or_else(|| {
                rest.iter()
                    .zip(rest_lines.iter().copied())
                    .find(|(n, _)| stated(n))
            });
            if let Some((norm, item)) = found {
                // A metrics line that opens by saying how the metrics are reviewed and
                // has no target (`Reviewed monthly in the joint ops call`) is that
                // cadence, not a metric of its own.
                let words: Vec<&str> = norm.split(' ').collect();
                if sec.key == "metrics" && cue.field == "cadence" && cue.opens(&words) {
                    cadence_line = Some(item.span);
                }
                sec.fields.push(Field {
                    key: cue.field.clone(),
                    label: Text::new("", Span::empty(item.span.start)),
                    value: item.clone(),
                });
            }
        }
    }
    if let Some(span) = cadence_line {
        charter
            .metrics
            .retain(|m| m.name.span != span || m.target.is_some());
    }
}

/// The first clause of `item` (split at `;` and sentence ends) that states `cue`'s
/// field, with its own span when the item is the source as written.
fn clause_stating(cue: &Cue, item: &Text, names: &Names) -> Option<Text> {
    let t = item.text.as_str();
    let verbatim = t.len() == item.span.len();
    let mut from = 0;
    while from < t.len() {
        let end = clause_end(t, from);
        let clause = t.get(from..end).unwrap_or_default();
        let norm = normalize(clause);
        let w: Vec<&str> = norm.split(' ').collect();
        if cue.stated_in_naming(&w, &norm, names) {
            let lead = clause.len() - clause.trim_start().len();
            let clause = clause.trim();
            let span = if verbatim {
                let a = item.span.start + from + lead;
                Span::new(a, a + clause.len())
            } else {
                item.span
            };
            return Some(Text::new(clause, span));
        }
        from = end + 1;
    }
    None
}

/// Where the clause starting at `from` ends: at a `;`, or a `.`, `?` or `!` before a
/// space, or the end of the text.
fn clause_end(t: &str, from: usize) -> usize {
    let b = t.as_bytes();
    (from..b.len())
        .find(|&i| match b.get(i) {
            Some(b';') => true,
            Some(b'.' | b'?' | b'!') => b.get(i + 1).is_none_or(|n| *n == b' '),
            _ => false,
        })
        .unwrap_or(b.len())
}

#[cfg(test)]
mod tests {
    use crate::model::Format;
    use crate::source::Source;

    fn fields(text: &str) -> Vec<(String, String)> {
        let vocab = crate::vocab::default_vocab();
        let source = Source::new("t.charter.md", text.to_string());
        let charter = crate::parse::parse(&source, Format::Markdown, &vocab);
        charter
            .sections
            .iter()
            .flat_map(|s| s.fields.iter().map(move |f| (s.key.clone(), f.key.clone())))
            .collect()
    }

    #[test]
    fn a_sentence_in_the_section_states_the_field() {
        let f =
            fields("## Metrics\n\n- Activation: 40%\n\nBoth teams review these numbers monthly.\n");
        assert!(f.contains(&("metrics".into(), "cadence".into())), "{f:?}");
    }

    #[test]
    fn a_metrics_line_that_only_says_how_they_are_reviewed_is_no_metric() {
        let read = |text: &str| {
            let vocab = crate::vocab::default_vocab();
            let source = Source::new("t.charter.md", text.to_string());
            let c = crate::parse::parse(&source, Format::Markdown, &vocab);
            c.metrics
                .iter()
                .map(|m| m.name.text.clone())
                .collect::<Vec<_>>()
        };
        let names = read(
            "## Metrics\n\n- Repeat orders: 2,500\n- Reviewed monthly in the joint ops call\n",
        );
        assert_eq!(names, ["Repeat orders: 2,500"]);
        // A metric that also says when it is looked at stays a metric; so does a
        // vague one whose name comes first.
        let names = read("## Metrics\n\n- Weekly active users, checked every Monday\n- Engagement reviewed monthly\n");
        assert_eq!(names.len(), 2, "{names:?}");
        let names = read("## Metrics\n\n- Churn under 3%\n- Monthly review with both teams\n");
        assert_eq!(names, ["Churn under 3%"]);
    }

    #[test]
    fn a_mediator_is_an_escalation_path() {
        let f =
            fields("## Governance\n\nAnything the two owners can't settle goes to a mediator.\n");
        assert!(
            f.contains(&("governance".into(), "escalation".into())),
            "{f:?}"
        );
    }

    #[test]
    fn a_labelled_field_is_left_as_it_is() {
        let f =
            fields("## Metrics\n\n- **Review cadence:** weekly\n\nWe review them monthly too.\n");
        assert_eq!(f.iter().filter(|(_, k)| k == "cadence").count(), 1, "{f:?}");
    }

    #[test]
    fn words_of_one_group_alone_do_not_state_it() {
        let f = fields("## Metrics\n\n- Activation: 40%, reported monthly\n");
        assert!(!f.iter().any(|(_, k)| k == "cadence"), "{f:?}");
    }

    #[test]
    fn owners_stated_one_sentence_each() {
        let text = "# Hightide + Corbel Roofing\n\n## Who decides\n\n\
            I decide for Hightide. Lucía Ferrer, Corbel's Director of Sales, decides for Corbel. \
            When we disagree we take it to Corbel's president.\n";
        let vocab = crate::vocab::default_vocab();
        let source = Source::new("t.charter.md", text.to_string());
        let c = crate::parse::parse(&source, Format::Markdown, &vocab);
        let field = |k: &str| c.field("governance", k).map(|f| f.value.clone());
        let ours = field("our-owner").expect("our owner");
        assert_eq!(ours.text, "I decide for Hightide");
        assert_eq!(&text[ours.span.start..ours.span.end], ours.text);
        let theirs = field("partner-owner").expect("partner owner");
        assert!(theirs.text.starts_with("Lucía Ferrer"), "{}", theirs.text);
        assert!(field("escalation").is_some());
    }

    #[test]
    fn a_team_deciding_together_is_no_owner() {
        let f = fields("# Granite + Sol\n\n## Governance\n\n- Granite side: the growth team decides together.\n");
        assert!(!f.iter().any(|(_, k)| k == "our-owner"), "{f:?}");
    }
}
