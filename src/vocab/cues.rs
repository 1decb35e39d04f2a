//! Fields stated in prose rather than under a label: "We review the numbers together
//! every month" says the metrics' review cadence as plainly as `Review cadence:
//! monthly`. A cue is a field's word groups from the pack (`[cues.<section>]
//! <field> = [[...], [...]]`): a sentence that has a phrase of every group states the
//! field. A group written `["!a", "!b"]` is the opposite: the sentence has none of them.

use super::names::Names;
use super::normalise::normalize;
use crate::model::Side;
use std::collections::BTreeMap;

/// A field's cue: every group must have one of its phrases in the text.
#[derive(Clone, Debug)]
pub struct Cue {
    pub section: String,
    pub field: String,
    /// Groups of phrases, each phrase its normalized words.
    groups: Vec<Vec<Vec<String>>>,
    /// Per group: written `["!a", "!b"]`, the text must have none of its phrases
    /// ("the team decides together" names no one owner).
    negative: Vec<bool>,
}

/// Every section's cues, in pack order.
#[derive(Clone, Debug, Default)]
pub struct Cues {
    cues: Vec<Cue>,
}

/// The pack's `[cues.<section>]` tables: field to its word groups.
pub type CueSpec = BTreeMap<String, BTreeMap<String, Vec<Vec<String>>>>;

impl Cues {
    /// Add a pack's cues; a field cued again by a later pack gets the later groups as
    /// another way of stating it.
    pub fn add(&mut self, spec: &CueSpec) -> Result<(), String> {
        for (section, fields) in spec {
            for (field, groups) in fields {
                let negative: Vec<bool> = groups
                    .iter()
                    .map(|g| !g.is_empty() && g.iter().all(|p| p.starts_with('!')))
                    .collect();
                let groups: Vec<Vec<Vec<String>>> = groups
                    .iter()
                    .map(|g| {
                        g.iter()
                            .map(|p| p.trim_start_matches('!'))
                            .map(|p| normalize(p).split(' ').map(str::to_string).collect())
                            .filter(|p: &Vec<String>| p.iter().any(|w| !w.is_empty()))
                            .collect()
                    })
                    .collect();
                if groups.is_empty() || groups.iter().any(Vec::is_empty) {
                    return Err(format!(
                        "cues.{section}.{field}: every group needs at least one phrase"
                    ));
                }
                self.cues.push(Cue {
                    section: section.clone(),
                    field: field.clone(),
                    groups,
                    negative,
                });
            }
        }
        Ok(())
    }

    /// The cues of one section.
    pub fn of<'a>(&'a self, section: &'a str) -> impl Iterator<Item = &'a Cue> + 'a {
        self.cues.iter().filter(move |c| c.section == section)
    }

    pub fn is_empty(&self) -> bool {
        self.cues.is_empty()
    }
}

/// The phrases that stand for a side's name in a cue: `{company}`, `{partner}`.
const SIDES: [(&str, Side); 2] = [("{company}", Side::Company), ("{partner}", Side::Partner)];

impl Cue {
    /// Whether the normalized words of a text state this field.
    pub fn stated_in(&self, words: &[&str]) -> bool {
        self.groups
            .iter()
            .zip(&self.negative)
            .all(|(group, &neg)| neg != group.iter().any(|phrase| has_phrase(words, phrase)))
    }

    /// Whether the text (its normalized words) opens by stating this field: its first
    /// word is one of the cue's phrases and its first three words state the field
    /// (`Reviewed monthly in the ops call`, `Monthly review with both teams`), unlike a
    /// text that only mentions it later (`Weekly active users, checked every Monday`).
    pub fn opens(&self, words: &[&str]) -> bool {
        let first = words.first().copied().unwrap_or_default();
        let one_word = |p: &Vec<String>| matches!(p.as_slice(), [w] if w == first);
        self.groups
            .iter()
            .zip(&self.negative)
            .any(|(group, &neg)| !neg && group.iter().any(one_word))
            && self.stated_in(words.get(..3).unwrap_or(words))
    }

    /// Whether a phrase of this cue is a side's name (`{company}`, `{partner}`): such a
    /// field (an owner "for Acme") is stated by one sentence, not a whole paragraph.
    pub fn names_a_side(&self) -> bool {
        self.groups
            .iter()
            .flatten()
            .any(|p| side_token(p).is_some())
    }

    /// [`Cue::stated_in`], with `{company}` / `{partner}` matched by the sides' names
    /// in `norm` (the normalized text `words` were split from).
    pub fn stated_in_naming(&self, words: &[&str], norm: &str, names: &Names) -> bool {
        self.groups.iter().zip(&self.negative).all(|(group, &neg)| {
            neg != group.iter().any(|phrase| match side_token(phrase) {
                Some(side) => names.names(norm, side),
                None => has_phrase(words, phrase),
            })
        })
    }
}

fn side_token(phrase: &[String]) -> Option<Side> {
    match phrase {
        [one] => SIDES.iter().find(|(t, _)| t == one).map(|(_, s)| *s),
        _ => None,
    }
}

fn has_phrase(words: &[&str], phrase: &[String]) -> bool {
    !phrase.is_empty()
        && words.len() >= phrase.len()
        && words
            .windows(phrase.len())
            .any(|w| w.iter().zip(phrase).all(|(a, b)| a == b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(toml_text: &str) -> Cues {
        let spec: CueSpec = toml::from_str(toml_text).expect("cue spec parses");
        let mut c = Cues::default();
        c.add(&spec).expect("cues build");
        c
    }

    fn stated(c: &Cues, section: &str, text: &str) -> Vec<String> {
        let norm = normalize(text);
        let words: Vec<&str> = norm.split(' ').collect();
        c.of(section)
            .filter(|cue| cue.stated_in(&words))
            .map(|cue| cue.field.clone())
            .collect()
    }

    #[test]
    fn a_group_of_not_phrases_must_be_absent() {
        let c = cues(
            r#"
            [governance]
            our-owner = [["decides"], ["!together", "!jointly"]]
            "#,
        );
        assert_eq!(stated(&c, "governance", "Dana decides."), ["our-owner"]);
        assert!(stated(&c, "governance", "The team decides together.").is_empty());
    }

    #[test]
    fn a_side_token_is_matched_by_the_sides_names() {
        let c = cues(
            r#"
            [governance]
            partner-owner = [["decides"], ["{partner}", "theirs"]]
            "#,
        );
        let names = Names::new(Some("Keel"), Some("Summit & Sons Outfitters"));
        let cue = c.of("governance").next().expect("a cue");
        assert!(cue.names_a_side());
        for (text, yes) in [
            (
                "Owen Pratt, Summit's VP of Stores, decides for Summit & Sons.",
                true,
            ),
            ("Owen decides on theirs", true),
            ("I decide for Keel", false),
        ] {
            let norm = normalize(text);
            let words: Vec<&str> = norm.split(' ').collect();
            assert_eq!(cue.stated_in_naming(&words, &norm, &names), yes, "{text}");
        }
    }

    #[test]
    fn a_sentence_states_a_field_when_every_group_has_a_phrase() {
        let c = cues(
            r#"
            [metrics]
            cadence = [["review", "reviewed", "look at"], ["monthly", "every month", "weekly"]]
            "#,
        );
        assert_eq!(
            stated(&c, "metrics", "Both teams review the dashboard monthly."),
            ["cadence"]
        );
        assert_eq!(
            stated(&c, "metrics", "We look at the numbers together every month"),
            ["cadence"]
        );
        assert!(stated(&c, "metrics", "Activation is reported monthly").is_empty());
        assert!(stated(&c, "metrics", "We review the targets.").is_empty());
        assert!(stated(&c, "governance", "We review it monthly").is_empty());
    }

    #[test]
    fn an_empty_group_is_an_error() {
        let spec: CueSpec = toml::from_str("[metrics]\ncadence = [[]]").expect("parses");
        assert!(Cues::default().add(&spec).is_err());
    }
}
