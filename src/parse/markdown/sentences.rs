//! Fields stated as sentences that open with what a label would say: `Birch puts in
//! two data engineers…`, `If it fails, Kettle loses the ops lead's time…`, `Our goal
//! is…`. The opening words are read as a label would be, through the pack's aliases
//! and the sides' names, so a team's own aliases teach it new openings too; the rest
//! of the sentence is the value.

use super::blocks::Block;
use super::label::Reader;
use crate::model::{Field, Span, Text};

/// Openings are short: a side's name and a verb, perhaps after `If it fails,`.
const MIN_OPENING_WORDS: usize = 2;
const MAX_OPENING_WORDS: usize = 6;

/// Words that finish a verb the opening ends with (`puts in`, `gives up`): read as
/// part of the opening rather than of the value.
const PARTICLES: [&str; 4] = ["in", "up", "forward", "over"];

/// The fields the sentences of an unlabelled block state in `section`, one per
/// sentence at most.
pub fn fields(rd: &Reader, section: &str, b: &Block) -> Vec<Field> {
    let mut out = Vec::new();
    if !rd.lookup.vocab().has_fields(section) {
        return out;
    }
    for (start, end) in sentences(&b.text) {
        let Some(s) = b.text.get(start..end) else {
            continue;
        };
        // A paragraph's clause number (`3.1 If the partnership fails, …`) is not a word
        // of its opening.
        let skip = if start == 0 && matches!(b.kind, super::blocks::Kind::Para) {
            let n = super::label::clause_number(s);
            n + (s.len() - n - s.get(n..).unwrap_or_default().trim_start().len())
        } else {
            0
        };
        let (start, s) = (start + skip, s.get(skip..).unwrap_or_default());
        if let Some((key, opening, value)) = opening(rd, section, s) {
            let at = |i: usize| b.source_offset(start + i);
            let value_end = if end >= b.text.len() {
                b.span.end
            } else {
                at(end - start)
            };
            let value_start = at(value).min(value_end);
            let label = s
                .get(..opening)
                .unwrap_or_default()
                .trim_end_matches([',', ' ', '—', '–', '-', ':']);
            out.push(Field {
                key: key.to_string(),
                // Ends after its last character, not at the markup that may follow it.
                label: Text::new(label, Span::new(at(0), after_last(label, at).max(at(0)))),
                value: Text::new(
                    s.get(value..).unwrap_or_default().trim(),
                    Span::new(value_start, value_end),
                ),
            });
        }
    }
    out
}

/// The source offset just after the last character of `label` (which starts the
/// sentence), through `at` (plain offset in the sentence to source offset).
fn after_last(label: &str, at: impl Fn(usize) -> usize) -> usize {
    match label.char_indices().next_back() {
        Some((i, c)) => at(i) + c.len_utf8(),
        None => at(0),
    }
}

/// The field a sentence's opening names, the opening's length and where the value
/// starts: the shortest run of words that names a field, with a particle after it.
fn opening<'a>(rd: &Reader<'a>, section: &str, s: &str) -> Option<(&'a str, usize, usize)> {
    let ends_seen: Vec<usize> = word_ends(s).take(MAX_OPENING_WORDS + 1).collect();
    // The opening leaves at least one word for the value.
    let most = ends_seen.len().saturating_sub(1).min(MAX_OPENING_WORDS);
    for n in MIN_OPENING_WORDS..=most {
        let end = *ends_seen.get(n - 1)?;
        let head = s.get(..end)?.trim_end_matches(',');
        let Some(key) = rd
            .lookup
            .vocab()
            .field_for(section, head, rd.lookup.names())
        else {
            continue;
        };
        // An opening that ends with a side's name (`If it fails, Birch`) takes its
        // verb; one that ends with a verb takes its particle (`puts in`).
        let mut end = end;
        let last = s.get(..end).unwrap_or_default();
        let last = last
            .get(last.rfind(' ').map_or(0, |i| i + 1)..)
            .unwrap_or_default();
        let names_side = rd.lookup.names().side_of(last).is_some();
        let mut taken = n;
        while let Some(&next) = ends_seen.get(taken) {
            let word = s.get(end..next).unwrap_or_default().trim();
            if taken >= most || !(names_side && taken == n || PARTICLES.contains(&word)) {
                break;
            }
            end = next;
            taken += 1;
        }
        // A dash or colon after the opening sets the value off (`Keel gives — …`).
        let rest = s.get(end..)?;
        let value = end
            + (rest.len()
                - rest
                    .trim_start_matches(|c: char| {
                        c.is_whitespace() || matches!(c, '—' | '–' | '-' | ':')
                    })
                    .len());
        return Some((key, end, value));
    }
    None
}

/// Where each word of `s` ends (byte offsets).
fn word_ends(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && s.get(i + c.len_utf8()..)
                    .and_then(|r| r.chars().next())
                    .is_none_or(char::is_whitespace)
        })
        .map(|(i, c)| i + c.len_utf8())
}

/// The sentences of a block's text as byte ranges: cut after `.`, `!`, `?` or `;`
/// followed by a space and a capital letter (`Kettle loses…` after `…engineers.`).
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &c) in bytes.iter().enumerate() {
        if !matches!(c, b'.' | b'!' | b'?' | b';') {
            continue;
        }
        let next_upper = bytes.get(i + 1) == Some(&b' ')
            && text
                .get(i + 2..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_uppercase);
        if next_upper && i + 1 > start {
            out.push((start, i + 1));
            start = i + 2;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sentences;
    use crate::model::{Charter, Format};
    use crate::source::Source;

    fn parse(text: &str) -> (Charter, String) {
        let vocab = crate::vocab::default_vocab();
        let source = Source::new("t.charter.md", text.to_string());
        (
            crate::parse::parse(&source, Format::Markdown, &vocab),
            text.to_string(),
        )
    }

    /// (field, label as written, value as written) of a section.
    fn read(text: &str, section: &str) -> Vec<(String, String, String)> {
        let (c, src) = parse(text);
        let sec = c
            .sections
            .iter()
            .find(|s| s.key == section)
            .expect("section");
        sec.fields
            .iter()
            .map(|f| {
                let at = |sp: crate::model::Span| src[sp.start..sp.end].to_string();
                (f.key.clone(), at(f.label.span), at(f.value.span))
            })
            .collect()
    }

    const FM: &str = "+++\ncompany = \"Birch Analytics\"\npartner = \"Kettle Foods\"\n+++\n\n";

    #[test]
    fn a_leading_adverbial_is_part_of_the_opening() {
        let text = format!(
            "{FM}## Value exchange\n\nBirch puts in two engineers. In return, Kettle gives till data.\n\n\
             If it fails, Birch loses the fee. For its part, Kettle loses a quarter.\n"
        );
        let got: Vec<(String, String)> = read(&text, "value-exchange")
            .into_iter()
            .map(|(k, l, _)| (k, l))
            .collect();
        let want = [
            ("we-give", "Birch puts in"),
            ("partner-gives", "In return, Kettle gives"),
            ("we-lose", "If it fails, Birch loses"),
            ("partner-loses", "For its part, Kettle loses"),
        ];
        assert_eq!(got, want.map(|(k, l)| (k.to_string(), l.to_string())));
    }

    #[test]
    fn a_sentence_opening_with_a_side_and_its_verb_is_that_field() {
        let text = format!(
            "{FM}## Value exchange\n\nBirch puts in two data engineers for six months.\n\
             Kettle brings till data for 40 stores.\n\n\
             If it fails, Birch loses the waived fee. Kettle loses the ops lead's time.\n"
        );
        let got = read(&text, "value-exchange");
        assert_eq!(
            got,
            [
                (
                    "we-give".into(),
                    "Birch puts in".into(),
                    "two data engineers for six months.".into()
                ),
                (
                    "partner-gives".into(),
                    "Kettle brings".into(),
                    "till data for 40 stores.".into()
                ),
                (
                    "we-lose".into(),
                    "If it fails, Birch loses".into(),
                    "the waived fee.".into()
                ),
                (
                    "partner-loses".into(),
                    "Kettle loses".into(),
                    "the ops lead's time.".into()
                ),
            ]
        );
    }

    #[test]
    fn a_clause_number_is_not_part_of_the_opening() {
        let text = format!(
            "{FM}## Value exchange\n\n3.1 If the partnership fails, the Birch team loses a quarter.\n"
        );
        let got = read(&text, "value-exchange");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "we-lose");
        assert!(got[0].1.starts_with("If the partnership fails"), "{got:?}");
    }

    #[test]
    fn a_sentence_that_opens_with_nothing_known_is_an_item() {
        let text = format!(
            "{FM}## Value exchange\n\nBoth teams meet weekly. Kettle will review the data.\n"
        );
        let (c, _) = parse(&text);
        let sec = &c.sections[0];
        assert!(sec.fields.is_empty(), "{:?}", sec.fields);
        assert_eq!(sec.items.len(), 1);
    }

    #[test]
    fn a_bold_name_and_a_dash_is_a_label() {
        let text = format!("{FM}## Goals\n\n- **Birch** – 300 stores forecasting by Q4.\n");
        let got = read(&text, "goals");
        assert_eq!(
            got,
            [(
                "us".into(),
                "Birch".into(),
                "300 stores forecasting by Q4.".into()
            )]
        );
    }

    #[test]
    fn goals_in_sentences_name_their_side() {
        let text = format!("{FM}## Goals\n\nKettle wants fresh-food waste down 15%.\n");
        let got = read(&text, "goals");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "partner");
        assert_eq!(got[0].1, "Kettle wants");
    }

    #[test]
    fn sentences_end_before_a_capital() {
        let t = "Birch puts in two engineers. Kettle puts in data; Both sign. e.g. this";
        let got: Vec<&str> = sentences(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            got,
            [
                "Birch puts in two engineers.",
                "Kettle puts in data;",
                "Both sign. e.g. this"
            ]
        );
    }
}
