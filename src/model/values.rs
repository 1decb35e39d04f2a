//! The closed sets of values the metadata names: tier, status, leverage.
//!
//! Read leniently, as a person reads them: `2 – Partnership`, `Tier 3 (strategic)`,
//! `Walk phase`, `In crawl`, `economic leverage`. A note in parentheses may say more
//! (`2 (joint development)`), but may not name another tier; outside parentheses
//! every word must belong to the value.

/// The words of `s` (ASCII letters and digits; anything else separates them), each
/// with whether it stood inside parentheses or brackets.
fn words(s: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut depth = 0usize;
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        let alnum = c.is_alphanumeric();
        if !alnum {
            if let Some(st) = start.take() {
                out.push((&s[st..i], depth > 0));
            }
        }
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if alnum && start.is_none() => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((&s[st..], depth > 0));
    }
    out.into_iter()
}

fn is(word: &str, name: &str) -> bool {
    word.eq_ignore_ascii_case(name)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Integration = 1,
    Partnership = 2,
    Strategic = 3,
}

impl Tier {
    /// `1`, `2`, `3`, `tier 2`, `integration`, `partnership`, `strategic` (any case),
    /// and those together (`Tier 2 – Partnership`, `Strategic (tier 3)`) as long as
    /// they name one tier.
    pub fn parse(s: &str) -> Option<Tier> {
        // Most values are a bare digit: no need to split them into words.
        match s.as_bytes() {
            b"1" => return Some(Tier::Integration),
            b"2" => return Some(Tier::Partnership),
            b"3" => return Some(Tier::Strategic),
            _ => {}
        }
        let mut found = None;
        // An aside's words after its first that names no tier describe the tier in
        // prose (`2 (partnership — joint development of the integration)`).
        let mut described = false;
        for (word, aside) in words(s) {
            if !aside {
                described = false;
            } else if described {
                continue;
            }
            let tier = if let Some(t) = Tier::numeral(word) {
                t
            } else if is(word, "integration") {
                Tier::Integration
            } else if is(word, "partnership") {
                Tier::Partnership
            } else if is(word, "strategic") {
                Tier::Strategic
            } else if is(word, "tier") {
                continue;
            } else if aside {
                described = true;
                continue;
            } else {
                return None;
            };
            if found.is_some_and(|f| f != tier) {
                return None;
            }
            found = Some(tier);
        }
        found
    }

    /// A tier written as a number in any of the ways people count (any case): `2`,
    /// `two`, `II`, `second`, `2nd`.
    pub fn numeral(word: &str) -> Option<Tier> {
        const NUMERALS: [[&str; 5]; 3] = [
            ["1", "one", "i", "first", "1st"],
            ["2", "two", "ii", "second", "2nd"],
            ["3", "three", "iii", "third", "3rd"],
        ];
        let n = NUMERALS
            .iter()
            .position(|forms| forms.iter().any(|f| is(word, f)))?;
        [Tier::Integration, Tier::Partnership, Tier::Strategic]
            .get(n)
            .copied()
    }

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn name(self) -> &'static str {
        match self {
            Tier::Integration => "integration",
            Tier::Partnership => "partnership",
            Tier::Strategic => "strategic",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Draft,
    Crawl,
    Walk,
    Run,
    Ended,
}

impl Status {
    /// Whether a charter with this status (parsed, `None` when missing or unknown) is
    /// a draft: see [`super::Meta::is_draft`].
    pub fn is_draft(status: Option<Status>) -> bool {
        matches!(status, None | Some(Status::Draft))
    }

    /// `draft`, `crawl`, `walk`, `run`, `ended` (any case), also as `Walk phase`, `In
    /// crawl`, `Crawl (pilot)`: one status outside parentheses, which say what they like.
    pub fn parse(s: &str) -> Option<Status> {
        const NAMES: [(&str, Status); 5] = [
            ("draft", Status::Draft),
            ("crawl", Status::Crawl),
            ("walk", Status::Walk),
            ("run", Status::Run),
            ("ended", Status::Ended),
        ];
        // Words around the status that say nothing more.
        const FILLER: [&str; 6] = ["phase", "stage", "in", "the", "currently", "now"];
        // Most values are the bare name: no need to split them into words.
        if let Some(&(_, status)) = NAMES.iter().find(|(n, _)| is(s, n)) {
            return Some(status);
        }
        let named = |word: &str| NAMES.iter().find(|(n, _)| is(word, n)).map(|n| n.1);
        let (mut found, mut other_words, mut in_aside) = (None, false, Vec::new());
        for (word, aside) in words(s) {
            if aside {
                in_aside.extend(named(word));
                continue;
            }
            if FILLER.iter().any(|f| is(word, f)) {
                continue;
            }
            match named(word) {
                Some(status) if found.is_none_or(|f| f == status) => found = Some(status),
                Some(_) => return None,
                None => other_words = true,
            }
        }
        match (found, other_words) {
            (Some(status), false) => Some(status),
            // A workflow's own word with the phase beside it (`Accepted (crawl)`, as a
            // decision record writes it): the one status in the aside.
            (None, true) => match in_aside.as_slice() {
                [status] => Some(*status),
                _ => None,
            },
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leverage {
    Requirement,
    Economic,
    Competitive,
    Customer,
    CoMarketing,
}

impl Leverage {
    /// Accepts `co-marketing`, `co marketing`, `comarketing`, `Co_Marketing`, and the
    /// name followed by `leverage` (`economic leverage`) or a note in parentheses.
    /// One value: a list (`economic, customer`) is split before this.
    pub fn parse(s: &str) -> Option<Leverage> {
        // Most values are the bare name: read them without looking for words.
        if let Some(l) = Leverage::name(s) {
            return Some(l);
        }
        let cut = s.find(['(', '[']).unwrap_or(s.len());
        let main = s.get(..cut)?.trim_end();
        let main = match main.len().checked_sub(8).and_then(|i| main.get(i..)) {
            Some(tail) if tail.eq_ignore_ascii_case("leverage") => &main[..main.len() - 8],
            _ => main,
        };
        Leverage::name(main)
    }

    fn name(s: &str) -> Option<Leverage> {
        // The ASCII letters and digits, lowercased, into a buffer as long as the
        // longest name: no allocation, and a longer value is none of them.
        let mut buf = [0u8; 11];
        let mut len = 0;
        for b in s.bytes().filter(u8::is_ascii_alphanumeric) {
            *buf.get_mut(len)? = b.to_ascii_lowercase();
            len += 1;
        }
        match &buf[..len] {
            b"requirement" => Some(Leverage::Requirement),
            b"economic" => Some(Leverage::Economic),
            b"competitive" => Some(Leverage::Competitive),
            b"customer" => Some(Leverage::Customer),
            b"comarketing" => Some(Leverage::CoMarketing),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_as_people_write_them() {
        for (s, t) in [
            ("2", Some(Tier::Partnership)),
            ("tier 2", Some(Tier::Partnership)),
            ("2 – Partnership", Some(Tier::Partnership)),
            ("2 (partnership)", Some(Tier::Partnership)),
            ("Tier 2 — Partnership", Some(Tier::Partnership)),
            (
                "Tier 2 (partnership / joint development)",
                Some(Tier::Partnership),
            ),
            ("2 (joint development)", Some(Tier::Partnership)),
            (
                "2 (partnership — joint development of the integration)",
                Some(Tier::Partnership),
            ),
            ("Strategic (tier 3)", Some(Tier::Strategic)),
            ("Tier 3 – Strategic", Some(Tier::Strategic)),
            ("1 (integration)", Some(Tier::Integration)),
            ("Tier II", Some(Tier::Partnership)),
            ("second tier", Some(Tier::Partnership)),
            ("3rd", Some(Tier::Strategic)),
            ("Tier three (strategic)", Some(Tier::Strategic)),
            ("2 – strategic", None),
            ("3 (partnership)", None),
            ("gold", None),
            ("tier 4", None),
            ("2 gold", None),
            ("", None),
            ("tier", None),
        ] {
            assert_eq!(Tier::parse(s), t, "{s:?}");
        }
    }

    #[test]
    fn statuses_as_people_write_them() {
        for (s, st) in [
            ("walk", Some(Status::Walk)),
            ("Walk", Some(Status::Walk)),
            ("Walk phase", Some(Status::Walk)),
            ("In crawl", Some(Status::Crawl)),
            ("Crawl (pilot)", Some(Status::Crawl)),
            ("(/) Walk", Some(Status::Walk)),
            ("crawl (from February 1, 2027)", Some(Status::Crawl)),
            ("walk, run", None),
            ("piloting", None),
            ("walk soon", None),
            ("Accepted (crawl)", Some(Status::Crawl)),
            ("Approved (walk phase)", Some(Status::Walk)),
            ("Accepted (crawl, then walk)", None),
            ("Accepted (2027)", None),
            ("", None),
        ] {
            assert_eq!(Status::parse(s), st, "{s:?}");
        }
    }

    #[test]
    fn one_leverage_with_words_around_it() {
        for (s, l) in [
            ("economic", Some(Leverage::Economic)),
            ("Co_Marketing", Some(Leverage::CoMarketing)),
            ("economic leverage", Some(Leverage::Economic)),
            (
                "economic (the Federation saves visits)",
                Some(Leverage::Economic),
            ),
            ("customer demand", None),
            ("gold", None),
        ] {
            assert_eq!(Leverage::parse(s), l, "{s:?}");
        }
    }
}
