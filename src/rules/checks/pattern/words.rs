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
    /// Every word's head, in a match, is a whole run of word bytes of the text: it
    /// starts with a letter or digit, is shorter than 64 bytes, and is followed by a
    /// byte that is not a word byte (a word of one token ending in `_` is not). Words
    /// without a head do not count.
    exact_heads: bool,
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
            exact_heads: true,
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
            // A word opening with another byte (`'d look at`) has no head: it is
            // tried at that byte.
            out.exact_heads &= head_len == 0
                || (a.is_ascii_alphanumeric()
                    && head_len < 64
                    && !(tokens.len() == 1
                        && head_len == first.len()
                        && !z.is_ascii_alphanumeric()));
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
        if self.exact_heads && self.odd.is_empty() {
            return self.any_by_head(h);
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
    /// boundary), so only those starts are tried, with the words whose head is that run
    /// (when every head is a whole run: see `exact_heads`; otherwise every place is).
    pub fn each_match(&self, text: &str, mut f: impl FnMut(usize, usize)) {
        self.each_match_of(text, |a, b, _| f(a, b));
    }

    /// [`Words::each_match`], with the place in the list (blank words not counted) of
    /// the word found.
    pub fn each_match_of(&self, text: &str, mut f: impl FnMut(usize, usize, usize)) {
        let h = text.as_bytes();
        let mut key = Vec::new();
        let mut at = 0;
        while let Some(&b) = h.get(at) {
            let (candidates, next, after) = if !self.exact_heads {
                // A word that may start inside a run: every place is tried.
                (self.by_first[usize::from(b)].as_slice(), at + 1, None)
            } else if is_word(b) {
                let run = h[at..].iter().take_while(|b| is_word(**b)).count();
                let next = at + run;
                match self.by_head(&h[at..next], &mut key) {
                    Some(found) => (found, next, Some(After::read(h, next))),
                    None => {
                        at = next;
                        continue;
                    }
                }
            } else if self.odd.is_empty() {
                // Only a word byte can start a word: jump to the next one.
                at += 1 + h[at + 1..].iter().take_while(|c| !is_word(**c)).count();
                continue;
            } else {
                (self.by_first[usize::from(b)].as_slice(), at + 1, None)
            };
            let end = candidates
                .iter()
                .filter_map(|&i| {
                    let w = self.words.get(i)?;
                    if after.is_some_and(|a| !a.allows(w)) {
                        return None;
                    }
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

    /// [`Words::is_match`] when every word's head is a whole run of word bytes in any
    /// match: only the words whose head is a run are tried, at its start.
    fn any_by_head(&self, h: &[u8]) -> bool {
        let mut key = Vec::new();
        let mut at = 0;
        while let Some(&b) = h.get(at) {
            if !is_word(b) {
                at += 1;
                continue;
            }
            let next = at + h[at..].iter().take_while(|b| is_word(**b)).count();
            if let Some(found) = self.by_head(&h[at..next], &mut key) {
                let after = After::read(h, next);
                let starts = |i: &usize| {
                    self.words
                        .get(*i)
                        .is_some_and(|w| after.allows(w) && w.end_at(h, at).is_some())
                };
                if found.iter().any(starts) {
                    return true;
                }
            }
            at = next;
        }
        false
    }

    /// The words whose head is the run `word` (any case), if any: its length and first
    /// two bytes are tested before the map is asked.
    #[inline(always)]
    fn by_head<'s>(&'s self, word: &[u8], key: &mut Vec<u8>) -> Option<&'s [usize]> {
        let (slot, bit) = pair(word);
        let plausible = self.head_lens & 1u64.checked_shl(word.len() as u32).unwrap_or(0) != 0
            && self.head_pairs[slot] & bit != 0;
        if !plausible {
            return None;
        }
        key.clear();
        key.extend(word.iter().map(u8::to_ascii_lowercase));
        self.by_head.get(key.as_slice()).map(Vec::as_slice)
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

/// What follows a run of word bytes in the text: the next byte, and the first byte
/// after the spaces when it is a space (both lower case), for [`Word::after_head`].
#[derive(Clone, Copy)]
struct After {
    direct: Option<u8>,
    spaced: Option<u8>,
}

impl After {
    fn read(h: &[u8], next: usize) -> After {
        let direct = h.get(next).map(u8::to_ascii_lowercase);
        let spaced = if direct.is_some_and(is_space) {
            h.get(next..)
                .unwrap_or_default()
                .iter()
                .find(|c| !is_space(**c))
                .map(u8::to_ascii_lowercase)
        } else {
            None
        };
        After { direct, spaced }
    }

    /// Whether `w` may start at the run: the byte its head needs is there.
    fn allows(self, w: &Word) -> bool {
        match w.after_head {
            Some((c, false)) => self.direct == Some(c),
            Some((c, true)) => self.spaced == Some(c),
            None => true,
        }
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

#[inline(always)]
fn is_word(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// `[0-9A-Za-z_]`, one lookup per byte.
const WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    table
};

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
    fn a_word_ending_in_an_underscore_matches_inside_a_run() {
        // `(?i-u)\bab_` matches in `ab_c`: no boundary after `_`.
        let w = words(&["ab_", "cost"]);
        assert!(w.is_match("xy ab_c"));
        let w = words(&["no cost", "ab_"]);
        let mut found = Vec::new();
        w.each_match("No  cost, AB_c", |a, b| found.push((a, b)));
        assert_eq!(found, [(0, 8), (10, 13)]);
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
