//! Which section a stretch of content speaks the language of, by the pack's
//! `[sections.*] content` words: under a heading that names no section (`5) Running
//! it`), prose that says who decides, who sponsors and where disputes go is the
//! governance. Only content under such headings is ever scored, so a charter whose
//! headings are all recognised never builds these words.

use super::heading::Keywords;
use super::normalise::normalize;
use super::table::Vocabulary;

/// Fewer matches than this say nothing: one `decides` in passing is not governance.
const MIN_HITS: u32 = 2;

/// The share of all matches the best section must have (3 in 4): background prose
/// (`## Context`) touches every section's words — pilots, owners, walking away — and
/// is none of them, while a section's own content speaks mostly its own language.
const SHARE: (u32, u32) = (3, 4);

impl Vocabulary {
    fn content_words(&self) -> &Keywords {
        self.content_words.get_or_init(|| {
            let mut k = Keywords::default();
            for (word, idx) in &self.content_source {
                k.add(&normalize(word), *idx);
            }
            k
        })
    }

    /// The section `texts` speak the language of, with its number of matches: at least
    /// [`MIN_HITS`] of its content words, and most of all the matches ([`SHARE`]), so
    /// that a stretch that speaks several languages is left unread.
    pub fn section_by_content<'t>(
        &self,
        texts: impl IntoIterator<Item = &'t str>,
    ) -> Option<(&str, u32)> {
        let words = self.content_words();
        let mut hits = vec![0u32; self.sections.len()];
        for t in texts {
            words.count(&normalize(t), &mut hits);
        }
        let (best, &n) = hits.iter().enumerate().max_by_key(|(_, n)| **n)?;
        let all: u32 = hits.iter().sum();
        let clear = n * SHARE.1 >= all * SHARE.0;
        (n >= MIN_HITS && clear).then(|| Some((self.sections.get(best)?.0.as_str(), n)))?
    }
}

#[cfg(test)]
mod tests {
    use crate::vocab::default_vocab;

    #[test]
    fn prose_is_told_by_its_words() {
        let v = default_vocab();
        let gov = "Sam decides for us; Priya decides for them. Executive sponsors are Dan and \
                   Helen. Anything we can't settle is escalated to them.";
        assert_eq!(
            v.section_by_content([gov]).map(|(k, _)| k),
            Some("governance")
        );
        let exit =
            "Either side can end this with 60 days' notice if fewer than 150 clients are live.";
        assert_eq!(v.section_by_content([exit]).map(|(k, _)| k), Some("exit"));
        let goals = "Oakhurst wants 900 clients. Brindle wants churn down to 9%.";
        assert_eq!(v.section_by_content([goals]).map(|(k, _)| k), Some("goals"));
    }

    #[test]
    fn a_word_in_passing_or_a_tie_says_nothing() {
        let v = default_vocab();
        assert_eq!(
            v.section_by_content(["We hired a new owner for the café."]),
            None
        );
        // As much exit as governance: neither.
        let both = "The owner decides; either side can terminate on notice.";
        assert_eq!(v.section_by_content([both]), None);
        // Background that touches pilots, owners and walking away is no section.
        let context = "The pilot customers were chosen with both owners. Security review is \
                       done during the crawl phase. Any change to the bars needs the owners' \
                       decision; it records when either side may walk away.";
        assert_eq!(v.section_by_content([context]), None);
        assert_eq!(v.section_by_content([""]), None);
    }
}
