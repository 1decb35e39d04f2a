//! Fields a section states in prose rather than under a label (the pack's cues, see
//! [`crate::vocab::cues`]): one pass over the model after either format's reader, so
//! Markdown and TOML charters are read alike.

use crate::model::{Charter, Field, Span, Text};
use crate::vocab::{normalize, Vocabulary};

/// For each cued field a section lacks, the first unlabelled item that states it
/// becomes that field, its value the whole item (so findings point at the sentence).
/// The label is empty, at the item's start: nothing was written as a label.
pub fn add(charter: &mut Charter, vocab: &Vocabulary) {
    let cues = vocab.cues();
    if cues.is_empty() {
        return;
    }
    for sec in &mut charter.sections {
        // Normalized once per section, and only when a cued field is missing.
        let mut words: Option<Vec<String>> = None;
        for cue in cues.of(&sec.key) {
            if sec.fields.iter().any(|f| f.key == cue.field) {
                continue;
            }
            let items =
                words.get_or_insert_with(|| sec.items.iter().map(|i| normalize(&i.text)).collect());
            let found = items.iter().zip(&sec.items).find(|(norm, _)| {
                let w: Vec<&str> = norm.split(' ').collect();
                cue.stated_in(&w)
            });
            if let Some((_, item)) = found {
                sec.fields.push(Field {
                    key: cue.field.clone(),
                    label: Text::new("", Span::empty(item.span.start)),
                    value: item.clone(),
                });
            }
        }
    }
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
}
