//! The names of a charter's two sides, read in labels (`Keel gives`) and signer lines,
//! and the whole-word search they are read with.

use super::normalise::{normalize, with_scratch};
use crate::model::Side;
use byteset::ByteSet;

mod byteset;
mod people;

pub(super) use people::{
    is_group_form, is_people, is_pronoun_bytes, others_form, people_form, pronouns_as_sides,
    shared_group, AFTER_PEOPLE, OTHERS, PRONOUNS,
};

/// The names of the two sides, normalized, used to read labels such as `Keel gives`.
#[derive(Clone, Debug, Default)]
pub struct Names {
    company: Forms,
    partner: Forms,
    /// The bytes the sides' name forms start with: a label none of whose words starts
    /// with one names neither side, and is not searched form by form.
    starts: ByteSet,
    /// The first word of each form a label may use, and whether it is the whole form
    /// (see [`Names::may_start`]).
    heads: Vec<(Box<[u8]>, bool)>,
}

impl Names {
    pub fn new(company: Option<&str>, partner: Option<&str>) -> Names {
        let mut company = Forms::new(company);
        let mut partner = Forms::new(partner);
        // "Alpha Systems" and "Beta Systems": "Systems" names neither.
        if !company.last.is_empty() && company.last == partner.last {
            company.last.clear();
            partner.last.clear();
        }
        let mut starts = ByteSet::default();
        let mut heads: Vec<(Box<[u8]>, bool)> = Vec::new();
        for form in company.in_labels().chain(partner.in_labels()) {
            if let Some(&b) = form.as_bytes().first() {
                starts.insert(b);
            }
            let head = match form.split_once(' ') {
                Some((head, _)) => (head.as_bytes().into(), false),
                None => (form.as_bytes().into(), true),
            };
            if !heads.contains(&head) {
                heads.push(head);
            }
        }
        Names {
            company,
            partner,
            starts,
            heads,
        }
    }

    /// Whether normalized text `t` may name a side: a name form may start at one of
    /// its words (see [`Names::may_start`]). For most labels this one pass over the
    /// words rules every form out.
    fn may_name(&self, t: &str) -> bool {
        t.split(' ').any(|w| self.may_start(w.as_bytes()))
    }

    /// Whether [`find_name`] may find one of the forms a label may use at normalized
    /// word `w`: it finds a form only where a word starts, whole or as a possessive, so
    /// `w` is then the form's first word, or a one-word form with its `s`.
    pub(super) fn may_start(&self, w: &[u8]) -> bool {
        if !w.first().is_some_and(|&c| self.starts.contains(c)) {
            return false;
        }
        self.heads
            .iter()
            .any(|(head, whole)| match w.strip_prefix(&**head) {
                Some(rest) => {
                    rest.is_empty() || *whole && rest == b"s" && head.len() > MAX_BARE_FORM
                }
                None => false,
            })
    }

    /// Which side a piece of text names: the side whose name it contains. When it
    /// names both (or neither), `None`.
    /// A side's whole name, normalized, when it has one.
    pub fn full_name(&self, side: Side) -> Option<&str> {
        let forms = match side {
            Side::Company => &self.company,
            Side::Partner => &self.partner,
        };
        Some(forms.full.as_str()).filter(|f| !f.is_empty())
    }

    pub fn side_of(&self, text: &str) -> Option<Side> {
        // Lines naming a signer are mostly unique: not worth a place in a memo.
        with_scratch(text, |t| self.side_of_normalized(t))
    }

    /// Whether normalized text `t` names `side` (its name in any of its forms, the
    /// last word included, as in labels: "makes it for the Trust").
    pub fn names(&self, t: &str, side: Side) -> bool {
        let forms = match side {
            Side::Company => &self.company,
            Side::Partner => &self.partner,
        };
        forms.in_labels().any(|f| find_name(t, f).is_some())
    }

    /// Whether `text` ends with a side's name in any form a label may use (`The
    /// Council`, `RSU Extension`): an opening that names the side and not yet what of.
    pub fn ends_with_name(&self, text: &str) -> bool {
        with_scratch(text, |t| {
            self.may_name(t)
                && self
                    .company
                    .in_labels()
                    .chain(self.partner.in_labels())
                    .any(|f| {
                        t.strip_suffix(f)
                            .is_some_and(|head| head.is_empty() || head.ends_with(' '))
                    })
        })
    }

    fn side_of_normalized(&self, t: &str) -> Option<Side> {
        let has = |forms: &Forms| forms.iter().any(|f| find_name(t, f).is_some());
        match (has(&self.company), has(&self.partner)) {
            (true, false) => Some(Side::Company),
            (false, true) => Some(Side::Partner),
            (true, true) => {
                // "Keel Cloud" vs "Keel": the longer match is the more specific one.
                let longest = |forms: &Forms| {
                    forms
                        .iter()
                        .filter(|f| find_name(t, f).is_some())
                        .map(str::len)
                        .max()
                        .unwrap_or(0)
                };
                match longest(&self.company).cmp(&longest(&self.partner)) {
                    std::cmp::Ordering::Greater => Some(Side::Company),
                    std::cmp::Ordering::Less => Some(Side::Partner),
                    std::cmp::Ordering::Equal => None,
                }
            }
            (false, false) => None,
        }
    }

    /// Replace the names in a normalized label by `{company}` / `{partner}` tokens;
    /// `None` when the label names neither (most labels: no allocation for them).
    pub(super) fn tokenize(&self, label: &str) -> Option<String> {
        // Labels are read by the thousand; few name a side.
        if !self.may_name(label) {
            return None;
        }
        self.tokenize_named(label)
    }

    /// [`Names::tokenize`] of a label [`Names::may_name`] says may name a side.
    pub(super) fn tokenize_named(&self, label: &str) -> Option<String> {
        let mut out: Option<String> = None;
        for (forms, token) in [(&self.company, "{company}"), (&self.partner, "{partner}")] {
            // Longest form first, so "northwind ledger" wins over "northwind".
            for form in forms.in_labels() {
                let cur = out.as_deref().unwrap_or(label);
                if let Some((at, len)) = find_name(cur, form) {
                    let at = (at, len + forms.last_after(cur, at + len, form));
                    out = Some(replace_names(cur, at, form, token));
                    break;
                }
            }
        }
        out.map(without_article)
    }
}

/// `for the {partner}` read as `for {partner}`: "the Council" is the council's name.
pub(super) fn without_article(mut label: String) -> String {
    let mut from = 0;
    while let Some(i) = label.get(from..).and_then(|l| l.find("the {")) {
        let at = from + i;
        if at == 0 || label.as_bytes().get(at - 1) == Some(&b' ') {
            label.replace_range(at..at + 4, "");
        } else {
            from = at + 4;
        }
    }
    label
}

/// A name and the forms people shorten it to, normalized: the short form (first word,
/// when the name has several and the word is long enough to be distinctive), the
/// initials (`NTA` for "Northgate Transit Authority"), an abbreviation the name gives
/// in brackets (`PCPN` in "Pennine Community Pharmacy Network (PCPN), 61 pharmacies"),
/// and its last word (`the Council` for "Aldermoor City Council"). What follows a
/// bracket or comma in the name describes it and is not part of it.
#[derive(Clone, Debug, Default)]
struct Forms {
    /// The whole name normalized; empty for no name.
    full: String,
    /// The length of the short form, a prefix of `full`; 0 when there is none.
    short: usize,
    /// The initials of the name's words (legal suffixes and small words left out),
    /// when there are at least two; empty otherwise.
    initials: String,
    /// The abbreviation in brackets, normalized; empty when there is none.
    abbreviation: String,
    /// The last word, read in labels only (`Council decision owner`, `For the Trust`);
    /// empty when the name has one word or it ends in a legal suffix only.
    last: String,
}

/// Words an abbreviation leaves out: "Bank of the North plc" is "BN".
const NOT_IN_INITIALS: [&str; 16] = [
    "of",
    "the",
    "and",
    "for",
    "ltd",
    "limited",
    "plc",
    "inc",
    "llc",
    "llp",
    "gmbh",
    "co",
    "corp",
    "corporation",
    "ag",
    "bv",
];

/// The name without what describes it, and the abbreviation in its first brackets
/// (2 to 6 capitals: `(PCPN)`, not `(Osaka)`), or the term a memorandum defines it as
/// in its brackets (`Corvane Diagnostics, Inc. ("Corvane")`, `("the Council")`).
pub(super) fn name_parts(name: &str) -> (&str, Option<&str>) {
    let cut = name.find(['(', ',']).unwrap_or(name.len());
    let head = name.get(..cut).map(str::trim).filter(|h| !h.is_empty());
    let rest = name.get(cut..).unwrap_or_default();
    let bracket = |rest: &'_ str| -> Option<(usize, usize)> {
        let open = rest.find('(')?;
        Some((open, open + rest.get(open..)?.find(')')?))
    };
    let abbreviation = bracket(rest).and_then(|(open, close)| {
        let inner = rest.get(open + 1..close)?.trim();
        let caps = rest.starts_with('(')
            && (2..=6).contains(&inner.len())
            && inner.bytes().all(|b| b.is_ascii_uppercase());
        if caps {
            Some(inner)
        } else {
            defined_term(inner)
        }
    });
    (head.unwrap_or(name), abbreviation)
}

/// The term a bracket defines (`"Corvane"`, `"the Council"`, `the "College"`,
/// `hereinafter "RSU"`): quoted, one to four words, starting with a capital.
pub fn defined_term(inner: &str) -> Option<&str> {
    let inner = inner.trim();
    let inner = [
        "hereinafter referred to as ",
        "hereinafter ",
        "the ",
        "The ",
    ]
    .iter()
    .find_map(|p| inner.strip_prefix(p))
    .unwrap_or(inner);
    // The first of several terms counts (`"Pebblestone", "we"`), as does a term
    // written in bold inside its quotes (`"**Clinicly**"`).
    let (open, close) = match inner.chars().next()? {
        '"' => ('"', '"'),
        '“' => ('“', '”'),
        _ => return None,
    };
    let body = inner.get(open.len_utf8()..)?;
    let end = body.find(close)?;
    let after = body.get(end + close.len_utf8()..)?.trim_start();
    if !(after.is_empty() || after.starts_with([',', ';'])) {
        return None;
    }
    let term = body.get(..end)?.trim().trim_matches(['*', '_']).trim();
    let term = term.strip_prefix("the ").unwrap_or(term).trim();
    let words = term.split_whitespace().count();
    ((1..=4).contains(&words) && term.starts_with(|c: char| c.is_uppercase())).then_some(term)
}

impl Forms {
    fn new(name: Option<&str>) -> Forms {
        let (name, abbreviation) = match name.map(name_parts) {
            Some((n, a)) => (Some(n), a),
            None => (None, None),
        };
        let full = name.map(normalize).unwrap_or_default();
        let short = match full.split_once(' ') {
            Some((first, _)) if first.chars().count() >= 3 => first.len(),
            _ => 0,
        };
        let initials: String = full
            .split(' ')
            .filter(|w| !NOT_IN_INITIALS.contains(w))
            .filter_map(|w| w.chars().next())
            .collect();
        let initials = if initials.chars().count() >= 2 && initials != full {
            initials
        } else {
            String::new()
        };
        let abbreviation = abbreviation
            .map(normalize)
            .filter(|a| *a != initials && *a != full)
            .unwrap_or_default();
        let last = full
            .rsplit(' ')
            .find(|w| !NOT_IN_INITIALS.contains(w))
            .filter(|w| w.chars().count() >= 4 && w.len() < full.len())
            .filter(|w| full.get(..short) != Some(*w))
            .unwrap_or_default()
            .to_string();
        Forms {
            full,
            short,
            initials,
            abbreviation,
            last,
        }
    }

    /// The forms, longest first.
    fn iter(&self) -> impl Iterator<Item = &str> {
        let full = Some(self.full.as_str()).filter(|f| !f.is_empty());
        let short = self.full.get(..self.short).filter(|f| !f.is_empty());
        let initials = Some(self.initials.as_str()).filter(|f| !f.is_empty());
        let abbreviation = Some(self.abbreviation.as_str()).filter(|f| !f.is_empty());
        full.into_iter()
            .chain(short)
            .chain(initials)
            .chain(abbreviation)
    }

    /// After the short form at `end` of `label`, the length of the name's last word
    /// when it follows (`Nilgiri Trust` for "Nilgiri Public Schools Trust"), else 0.
    fn last_after(&self, label: &str, end: usize, form: &str) -> usize {
        if self.last.is_empty() || self.full.get(..self.short) != Some(form) {
            return 0;
        }
        let rest = label.get(end..).unwrap_or_default();
        match rest
            .strip_prefix(' ')
            .and_then(|r| r.strip_prefix(self.last.as_str()))
        {
            Some(after) if after.is_empty() || after.starts_with(' ') => 1 + self.last.len(),
            _ => 0,
        }
    }

    /// The forms a label may use: [`Forms::iter`], then the last word.
    fn in_labels(&self) -> impl Iterator<Item = &str> {
        let last = Some(self.last.as_str()).filter(|f| !f.is_empty());
        self.iter().chain(last)
    }
}

/// A form this short (initials such as `ye` for "Yarrow Energy") takes no possessive:
/// normalized, `ye's` is `yes`, and `us's` would be `uss`.
pub(super) const MAX_BARE_FORM: usize = 2;

/// Where a side's name `form` stands in `haystack` as whole words, also as a
/// possessive (`acmes` is how "Acme's" normalizes): its start and length.
pub(super) fn find_name(haystack: &str, form: &str) -> Option<(usize, usize)> {
    // One pass over the occurrences serves both searches: the first whole-word one
    // (found as [`find_words`] finds it, which skips past a failed occurrence), else
    // the first possessive one.
    let bytes = haystack.as_bytes();
    let len = form.len();
    let mut words_from = Some(0);
    let mut possessive = None;
    let mut from = 0;
    while let Some(i) = find_bytes(bytes.get(from..).unwrap_or_default(), form.as_bytes()) {
        let at = from + i;
        let end = at + len;
        let before_ok = at == 0 || bytes.get(at - 1) == Some(&b' ');
        if words_from.is_some_and(|w| at >= w) {
            if before_ok && (end == bytes.len() || bytes.get(end) == Some(&b' ')) {
                return Some((at, len));
            }
            words_from = Some(end.max(at + 1)).filter(|&w| w < bytes.len());
        }
        if possessive.is_none()
            && len > MAX_BARE_FORM
            && before_ok
            && bytes.get(end) == Some(&b's')
            && (end + 1 == bytes.len() || bytes.get(end + 1) == Some(&b' '))
        {
            possessive = Some((at, len + 1));
            if words_from.is_none() {
                break;
            }
        }
        from = at + 1;
        while from < haystack.len() && !haystack.is_char_boundary(from) {
            from += 1;
        }
    }
    possessive
}

/// Where `needle` occurs as whole words in `haystack` (both normalized), first.
pub(super) fn find_words(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(i) = find_bytes(&haystack.as_bytes()[from..], needle.as_bytes()) {
        let at = from + i;
        let end = at + needle.len();
        let before_ok = at == 0 || haystack.as_bytes()[at - 1] == b' ';
        let after_ok = end == haystack.len() || haystack.as_bytes()[end] == b' ';
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + needle.len().max(1);
        while from < haystack.len() && !haystack.is_char_boundary(from) {
            from += 1;
        }
        if from >= haystack.len() {
            break;
        }
    }
    None
}

/// Where `needle` first occurs in `haystack`. Haystacks here are labels and lines, a
/// few dozen bytes: a memchr for the first byte beats setting up a substring searcher.
pub(crate) fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    let last_start = haystack.len().checked_sub(needle.len())?;
    let mut from = 0;
    while let Some(i) = memchr::memchr(first, haystack.get(from..=last_start)?) {
        let at = from + i;
        if haystack.get(at..at + needle.len()) == Some(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// `haystack` with the name `form` replaced by `with` wherever [`find_name`] finds it,
/// the first time at `first` (already found by the caller: not searched for again).
fn replace_names(haystack: &str, first: (usize, usize), form: &str, with: &str) -> String {
    // Room for one replacement without growing: labels name a side once.
    let mut out = String::with_capacity(haystack.len() + with.len());
    let mut rest = haystack;
    let mut at = Some(first);
    while let Some((i, len)) = at {
        out.push_str(rest.get(..i).unwrap_or_default());
        out.push_str(with);
        rest = rest.get(i + len..).unwrap_or_default();
        at = find_name(rest, form);
    }
    out.push_str(rest);
    out
}

/// `a == b`, inline for the few bytes of a label or section key: a call to `bcmp`
/// costs more than the comparison.
pub(super) fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    match a.len() {
        0..=7 => a.iter().zip(b).all(|(x, y)| x == y),
        // Two overlapping words cover 8 to 16 bytes.
        8..=16 => {
            a.first_chunk::<8>() == b.first_chunk::<8>()
                && a.last_chunk::<8>() == b.last_chunk::<8>()
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests;
