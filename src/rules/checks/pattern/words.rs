//! A `pattern` rule's `words` (whole words or phrases, any case, any spacing), matched
//! without a regex when every word is ASCII.
//!
//! The list means the regex `(?i-u)(?:\bw1\s+w2\b|…)` (see `pattern::words_regex`), and
//! this is that regex's `is_match`, byte for byte: ASCII case folding, `\s+` (ASCII
//! whitespace, vertical tab included) between the words of a phrase, and an ASCII word
//! boundary at an end that is a letter or digit. Building it costs nothing, where the
//! regex for the default pack's thirty-odd words is a third of start-up (about 2M
//! instructions), paid on every run, one charter or ten thousand.

/// The words, each as its tokens, indexed by first byte.
#[derive(Debug)]
pub struct Words {
    words: Vec<Word>,
    /// For each byte, the words whose first token starts with it in either case.
    by_first: Vec<Vec<usize>>,
    /// Every word needs a boundary before it.
    all_lead: bool,
    /// For [`Words::each_match`]: the words by the lower-case run of word bytes their
    /// first token opens with (`budget` for `budget-neutral`), and those that open with
    /// another byte (`'d look at`) by that byte.
    by_head: rustc_hash::FxHashMap<Box<[u8]>, Vec<usize>>,
    odd: Vec<usize>,
    /// A cheap test before the map is asked: the lengths of the heads (below 64), and
    /// their first two bytes (the second `0` for a head of one byte).
    head_lens: u64,
    head_pairs: Box<[u64; 1024]>,
}

/// The bit of a head's first two bytes in [`Words::head_pairs`].
fn pair(head: &[u8]) -> (usize, u64) {
    let a = usize::from(head.first().map_or(0, u8::to_ascii_lowercase));
    let b = usize::from(head.get(1).map_or(0, u8::to_ascii_lowercase));
    let bit = a << 8 | b;
    (bit >> 6, 1 << (bit & 63))
}

#[derive(Debug)]
struct Word {
    /// The word's parts, split at whitespace; never empty, no part empty.
    tokens: Vec<Box<[u8]>>,
    /// For a word opening with a run of word bytes (its head): the byte, lower case,
    /// that must come right after the head (`-` of `co-invest`), or after the spaces
    /// that follow it (`c` of `no cost`: `true`). A cheap test before [`Word::end_at`]
    /// when many words share a head (`no`, `may`, `subject`).
    after_head: Option<(u8, bool)>,
    /// A word boundary before (after) the word: it starts (ends) with a letter or digit.
    lead: bool,
    trail: bool,
}

impl Words {
    /// The matcher for `words`, or `None` when one of them is not ASCII (the regex,
    /// with Unicode case folding and boundaries, is used then) or none is left once
    /// blank words are left out, as the regex leaves them out.
    pub fn new(words: &[String]) -> Option<Words> {
        if words.iter().any(|w| !w.is_ascii()) {
            return None;
        }
        let mut out = Words {
            words: Vec::new(),
            by_first: vec![Vec::new(); 256],
            all_lead: true,
            by_head: rustc_hash::FxHashMap::default(),
            odd: Vec::new(),
            head_lens: 0,
            head_pairs: Box::new([0; 1024]),
        };
        for w in words {
            let tokens: Vec<Box<[u8]>> =
                w.split_whitespace().map(|t| t.as_bytes().into()).collect();
            let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
                continue;
            };
            let (Some(&a), Some(&z)) = (first.first(), last.last()) else {
                continue;
            };
            let index = out.words.len();
            out.by_first[usize::from(a.to_ascii_lowercase())].push(index);
            if a.is_ascii_alphabetic() {
                out.by_first[usize::from(a.to_ascii_uppercase())].push(index);
            }
            out.all_lead &= a.is_ascii_alphanumeric();
            let head: Box<[u8]> = first
                .iter()
                .take_while(|b| is_word(**b))
                .map(u8::to_ascii_lowercase)
                .collect();
            let head_len = head.len();
            if head.is_empty() {
                out.odd.push(index);
            } else {
                // A head of 64 bytes or more is never asked for: its word never matches
                // through `each_match`, as no charter writes such a word.
                out.head_lens |= 1u64.checked_shl(head.len() as u32).unwrap_or(0);
                let (slot, bit) = pair(&head);
                out.head_pairs[slot] |= bit;
                out.by_head.entry(head).or_default().push(index);
            }
            let after_head = match (first.get(head_len), tokens.get(1)) {
                _ if head_len == 0 => None,
                (Some(&b), _) => Some((b.to_ascii_lowercase(), false)),
                (None, Some(next)) => next.first().map(|b| (b.to_ascii_lowercase(), true)),
                (None, None) => None,
            };
            out.words.push(Word {
                after_head,
                tokens,
                lead: a.is_ascii_alphanumeric(),
                trail: z.is_ascii_alphanumeric(),
            });
        }
        (!out.words.is_empty()).then_some(out)
    }

    /// Whether any word occurs in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        let h = text.as_bytes();
        if !self.all_lead {
            return (0..h.len()).any(|at| self.starts_at(h, at));
        }
        // Every word starts with a letter or digit after a boundary: only the first
        // byte of each run of word bytes is a place to try.
        let mut at = 0;
        while let Some(&b) = h.get(at) {
            if !is_word(b) {
                at += 1;
                continue;
            }
            if self.starts_at(h, at) {
                return true;
            }
            at += h
                .get(at..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| is_word(**b))
                .count();
        }
        false
    }

    /// Every occurrence in `text`, left to right and not overlapping, the longest word
    /// where several start at one place, as (start, end) byte offsets.
    ///
    /// A word opening with a word byte can only start a run of word bytes (its
    /// boundary), so only those starts are tried, with the words whose head is that run.
    pub fn each_match(&self, text: &str, mut f: impl FnMut(usize, usize)) {
        self.each_match_of(text, |a, b, _| f(a, b));
    }

    /// [`Words::each_match`], with the place in the list (blank words not counted) of
    /// the word found.
    pub fn each_match_of(&self, text: &str, mut f: impl FnMut(usize, usize, usize)) {
        let h = text.as_bytes();
        let mut key = Vec::new();
        let mut at = 0;
        while at < h.len() {
            let b = h[at];
            let (candidates, next): (&[usize], usize) = if is_word(b) {
                let run = h[at..].iter().take_while(|b| is_word(**b)).count();
                let word = &h[at..at + run];
                let (slot, bit) = pair(word);
                let plausible = self.head_lens & 1u64.checked_shl(run as u32).unwrap_or(0) != 0
                    && self.head_pairs[slot] & bit != 0;
                let found = if plausible {
                    key.clear();
                    key.extend(word.iter().map(u8::to_ascii_lowercase));
                    self.by_head
                        .get(key.as_slice())
                        .map_or(&[][..], Vec::as_slice)
                } else {
                    &[]
                };
                (found, at + run)
            } else if self.odd.is_empty() {
                (&[], at + 1)
            } else {
                (self.by_first[usize::from(b)].as_slice(), at + 1)
            };
            // What follows the run, for the words' `after_head` (only after a head).
            let after = if is_word(b) && !candidates.is_empty() {
                let direct = h.get(next).map(u8::to_ascii_lowercase);
                let spaced = h
                    .get(next..)
                    .unwrap_or_default()
                    .iter()
                    .find(|c| !is_space(**c))
                    .filter(|_| direct.is_some_and(is_space))
                    .map(u8::to_ascii_lowercase);
                Some((direct, spaced))
            } else {
                None
            };
            let may_follow = |w: &Word| match (w.after_head, after) {
                (Some((c, false)), Some((direct, _))) => direct == Some(c),
                (Some((c, true)), Some((_, spaced))) => spaced == Some(c),
                _ => true,
            };
            let end = candidates
                .iter()
                .filter_map(|&i| {
                    let w = self.words.get(i).filter(|w| may_follow(w))?;
                    Some((w.end_at(h, at)?, i))
                })
                .max();
            match end {
                Some((end, i)) => {
                    f(at, end, i);
                    at = end.max(at + 1);
                }
                None => at = next,
            }
        }
    }

    /// Where the longest word that occurs at `at` ends.
    pub fn end_at(&self, text: &str, at: usize) -> Option<usize> {
        let h = text.as_bytes();
        let b = *h.get(at)?;
        self.by_first[usize::from(b)]
            .iter()
            .filter_map(|&i| self.words.get(i)?.end_at(h, at))
            .max()
    }

    /// Whether a word occurs at `at`.
    fn starts_at(&self, h: &[u8], at: usize) -> bool {
        let Some(&b) = h.get(at) else { return false };
        self.by_first[usize::from(b)]
            .iter()
            .any(|&i| self.words.get(i).is_some_and(|w| w.matches_at(h, at)))
    }
}

impl Word {
    fn matches_at(&self, h: &[u8], at: usize) -> bool {
        self.end_at(h, at).is_some()
    }

    /// Where the word ends when it occurs at `at`.
    fn end_at(&self, h: &[u8], at: usize) -> Option<usize> {
        if self.lead && !boundary(h, at) {
            return None;
        }
        let mut pos = at;
        for (k, token) in self.tokens.iter().enumerate() {
            if k > 0 {
                // `\s+`: a token never starts with whitespace, so taking all of it is
                // the only way the next token can match.
                let spaces = h
                    .get(pos..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|b| is_space(**b))
                    .count();
                if spaces == 0 {
                    return None;
                }
                pos += spaces;
            }
            match h.get(pos..pos + token.len()) {
                Some(s) if s.eq_ignore_ascii_case(token) => pos += token.len(),
                _ => return None,
            }
        }
        (!self.trail || boundary(h, pos)).then_some(pos)
    }
}

/// `(?-u:\s)`: ASCII whitespace, with the vertical tab.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ')
}

/// `(?-u:\b)` at `at`: a word byte (`[0-9A-Za-z_]`) on one side only.
fn boundary(h: &[u8], at: usize) -> bool {
    let word = |i: Option<usize>| i.and_then(|i| h.get(i)).is_some_and(|&b| is_word(b));
    word(at.checked_sub(1)) != word(Some(at))
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::Words;

    fn words(list: &[&str]) -> Words {
        let list: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        Words::new(&list).expect("ASCII")
    }

    #[test]
    fn whole_words_any_case_any_spacing() {
        let w = words(&["budget", "revenue share", "co-invest", "fte"]);
        assert!(w.is_match("a marketing Budget of some size"));
        assert!(w.is_match("a REVENUE\t\n  share on renewals"));
        assert!(w.is_match("we co-invest in the launch"));
        assert!(w.is_match("two FTEs? no: one FTE."));
        assert!(!w.is_match("budgetary"));
        assert!(!w.is_match("revenueshare"));
        assert!(!w.is_match("we co-investigate"));
        assert!(!w.is_match("ftes"));
        assert!(!w.is_match(""));
    }

    #[test]
    fn each_match_gives_the_longest_at_each_place() {
        let w = words(&["subject to", "subject to board approval", "may provide"]);
        let text = "we may provide $5k, Subject to  board approval; subject to review";
        let mut found = Vec::new();
        w.each_match(text, |a, b| found.push(&text[a..b]));
        assert_eq!(
            found,
            ["may provide", "Subject to  board approval", "subject to"]
        );
    }

    #[test]
    fn non_ascii_words_are_left_to_the_regex() {
        assert!(Words::new(&["café".to_string()]).is_none());
    }

    #[test]
    fn an_end_that_is_not_a_letter_has_no_boundary() {
        let w = words(&["%", "(x"]);
        assert!(w.is_match("15%off"));
        // `(x` ends with a letter: a boundary after it, none before.
        assert!(w.is_match("a(x b"));
        assert!(!w.is_match("a(xb"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The same answers as the regex `pattern` would build from the list.
        #[test]
        fn as_the_regex(
            list in proptest::collection::vec("[a-cA-C_%-]{1,3}( [a-c]{1,2})?|  ", 1..5),
            text in "([a-cA-C_%é -]|\t|\n|\x0b|\r){0,30}",
        ) {
            let list: Vec<String> = list;
            let w = Words::new(&list);
            match super::super::wanted::words_regex(&list) {
                Some(re) => {
                    let re = regex::Regex::new(&re).expect("builds");
                    let w = w.expect("ASCII, and a word that is not blank");
                    proptest::prop_assert_eq!(w.is_match(&text), re.is_match(&text), "{:?}", re);
                }
                // Only blank words: no regex, and no matcher either.
                None => proptest::prop_assert!(w.is_none()),
            }
        }

        /// `each_match` finds what trying every word at every place finds.
        #[test]
        fn each_match_as_every_word_everywhere(
            list in proptest::collection::vec("[a-cA-C'%-]{1,3}( [a-c-]{1,2}){0,2}", 1..8),
            text in "([a-cA-C_%' -]|\t|\n){0,40}",
        ) {
            let w = Words::new(&list).expect("ASCII, not blank");
            let mut found = Vec::new();
            w.each_match(&text, |a, b| found.push((a, b)));
            let h = text.as_bytes();
            let mut plain = Vec::new();
            let mut at = 0;
            while at < h.len() {
                match w.words.iter().filter_map(|x| x.end_at(h, at)).max() {
                    Some(end) => {
                        plain.push((at, end));
                        at = end.max(at + 1);
                    }
                    None => at += 1,
                }
            }
            proptest::prop_assert_eq!(found, plain);
        }

        /// `each_match` finds something exactly when `is_match` says there is.
        #[test]
        fn each_match_as_is_match(
            list in proptest::collection::vec("[a-cA-C'%-]{1,3}( [a-c]{1,2})?", 1..5),
            text in "([a-cA-C_%' -]|\t|\n){0,30}",
        ) {
            let w = Words::new(&list).expect("ASCII, not blank");
            let mut any = false;
            w.each_match(&text, |_, _| any = true);
            proptest::prop_assert_eq!(any, w.is_match(&text));
        }
    }
}
