//! Closing lines (`Kindly revert with approval…`, `Regards,`): the pack's closings
//! against a paragraph's first words.

use super::normalise::with_scratch;
use super::table::Vocabulary;

impl Vocabulary {
    /// Whether a paragraph is a closing line (`Kindly revert with approval…`,
    /// `Regards,`): its first words are one of the pack's closings.
    pub fn is_closing(&self, paragraph: &str) -> bool {
        // Most paragraphs open with a word no closing opens with: ruled out before
        // normalizing. A word normalizing may drop as numbering (a letter, digits, a
        // Roman numeral, `Section 3`) takes the full test.
        let Some(first) = first_ascii_word(paragraph) else {
            return self.closing_by_words(paragraph);
        };
        let numbering = first.len() == 1
            || first.bytes().any(|b| b.is_ascii_digit())
            || (first.len() <= 4 && first.bytes().all(|b| b"ivxIVX".contains(&b)))
            || ["section", "part", "step", "chapter"]
                .iter()
                .any(|m| m.eq_ignore_ascii_case(first));
        let opens = |w: &str| {
            w.as_bytes()
                .first()
                .is_some_and(|&b| self.closing_starts.get(usize::from(b)) == Some(&true))
        };
        let may_open = opens(first)
            && self
                .closings
                .iter()
                .any(|c| opens_with_word(c.as_bytes(), first.as_bytes()));
        if !numbering && !may_open {
            return false;
        }
        self.closing_by_words(paragraph)
    }

    /// [`Self::is_closing`] without its shortcut: the paragraph's first words,
    /// normalized, against each closing.
    pub(crate) fn closing_by_words(&self, paragraph: &str) -> bool {
        // Closings are a few words: the paragraph's first line, cut short, is enough.
        let line = paragraph.lines().next().unwrap_or_default();
        let cut = line.char_indices().nth(48).map_or(line.len(), |(i, _)| i);
        let head = line.get(..cut).unwrap_or_default();
        with_scratch(head, |n| {
            self.closings.iter().any(|c| {
                n.strip_prefix(c.as_str())
                    .is_some_and(|r| r.is_empty() || r.starts_with(' '))
            })
        })
    }
}

/// The first word of `text` when it and what comes before it are ASCII (`Kindly`
/// in `**Kindly revert**`); `None` when a non-ASCII character comes first or ends the
/// word, which only the full test reads right.
fn first_ascii_word(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let start = b
        .iter()
        .position(|c| !c.is_ascii() || c.is_ascii_alphanumeric())?;
    if !b.get(start)?.is_ascii() {
        return None;
    }
    let len = b
        .get(start..)?
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(b.len() - start);
    if b.get(start + len).is_some_and(|c| !c.is_ascii()) {
        return None;
    }
    text.get(start..start + len)
}

/// Whether `phrase`'s first word is `word`, ignoring ASCII case.
fn opens_with_word(phrase: &[u8], word: &[u8]) -> bool {
    phrase.len() >= word.len()
        && phrase[..word.len()].eq_ignore_ascii_case(word)
        && phrase.get(word.len()).is_none_or(|&b| b == b' ')
}
