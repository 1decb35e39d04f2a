//! Leverage described in a sentence rather than named (`Leverage: Kettle's till data is
//! a requirement for our product`): the kinds its words name, each with its word's span.

use crate::model::{Leverage, Parsed, Span, Text};

/// Words that name a kind of leverage inside a sentence, with the kind they name.
const LEVERAGE_WORDS: [(&str, Leverage); 22] = [
    ("requirement", Leverage::Requirement),
    ("requirements", Leverage::Requirement),
    ("required", Leverage::Requirement),
    ("requires", Leverage::Requirement),
    ("certification", Leverage::Requirement),
    ("mandate", Leverage::Requirement),
    ("economic", Leverage::Economic),
    ("revenue", Leverage::Economic),
    ("margin", Leverage::Economic),
    ("fees", Leverage::Economic),
    ("competitive", Leverage::Competitive),
    ("competitor", Leverage::Competitive),
    ("competitors", Leverage::Competitive),
    ("compete", Leverage::Competitive),
    ("customer", Leverage::Customer),
    ("customers", Leverage::Customer),
    ("channel", Leverage::Customer),
    ("reach", Leverage::Customer),
    ("audience", Leverage::Customer),
    ("co-marketing", Leverage::CoMarketing),
    ("comarketing", Leverage::CoMarketing),
    ("webinar", Leverage::CoMarketing),
];

/// The kinds of leverage a descriptive sentence names, in the order written, each once.
pub fn leverage(t: &Text) -> Vec<Parsed<Leverage>> {
    let s = t.text.as_str();
    let verbatim = t.span.len() == s.len();
    let mut seen: Vec<Leverage> = Vec::new();
    let mut out = Vec::new();
    for word in s.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
        let start = word.as_ptr() as usize - s.as_ptr() as usize;
        let Some(&(_, kind)) = LEVERAGE_WORDS
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(word))
        else {
            continue;
        };
        if seen.contains(&kind) {
            continue;
        }
        seen.push(kind);
        let span = if verbatim {
            Span::new(t.span.start + start, t.span.start + start + word.len())
        } else {
            t.span
        };
        out.push(Parsed {
            text: Text::new(word, span),
            value: Ok(kind),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Leverage, &str)> {
        let t = Text::new(s, Span::new(10, 10 + s.len()));
        leverage(&t)
            .into_iter()
            .map(|p| {
                let at = p.text.span.start - 10;
                (p.value.expect("a kind"), &s[at..at + p.text.text.len()])
            })
            .collect()
    }

    #[test]
    fn a_sentence_names_its_kinds_once_each_in_order() {
        assert_eq!(
            kinds("Kettle’s store-level sales data is a requirement for our forecasting product"),
            [(Leverage::Requirement, "requirement")]
        );
        assert_eq!(
            kinds("Larch's broker channel reaches 900 employers; customers we cannot reach alone"),
            [(Leverage::Customer, "channel")]
        );
        assert_eq!(
            kinds("their revenue grows with ours, and a competitor is courting them"),
            [
                (Leverage::Economic, "revenue"),
                (Leverage::Competitive, "competitor")
            ]
        );
        assert!(kinds("nothing much to say here at all").is_empty());
    }
}
