//! What the vocabulary's tests share: tricky labels, and the plain references the fast
//! code must agree with.

use super::memo::REMEMBERED_LABEL_BYTES;
use super::names::find_words;
use super::normalise::push_word;
use super::{VocabSpec, Vocabulary};
use crate::model::Side;

/// Tricky labels: numbering, emoji, names (whole, short, overlapping), Unicode
/// case, apostrophes, `&`, brackets, and labels over the memo's length limit.
pub(super) fn tricky() -> Vec<String> {
    let mut v: Vec<String> = [
        "1. Mutual goals & success!",
        "💰 Value exchange",
        "2) Value Exchange",
        "IV. Exit criteria:",
        "section 3 metrics",
        "Step 2 Walk",
        "3.2 KPIs",
        "We give",
        "WE GIVE",
        "we  give",
        "**Northwind Ledger gives**",
        "Northwind gives",
        "Northwind Ledger Cloud gives",
        "Keel gives",
        "Keel Cloud gives",
        "Keel commits",
        "For Keel",
        "Keel × Northwind Ledger: partnership charter",
        "Dana Ruiz, COO, Keel — 2026-08-28",
        "Ravi Shah, VP Partnerships, Northwind — 2026-08-26",
        "Keel and Northwind",
        "Keel-Cloud",
        "Partner's commitment",
        "Partner’s commitment",
        "Go/No-Go",
        "GO / NO-GO",
        "Phase 1 — Pilot",
        "Phase 2 — Walk",
        "🚶 Walk",
        "🐢 crawl",
        "Crawl–Walk–Run Timeline",
        "Timeline (crawl, walk, run)",
        "Value exchange [draft]",
        "Value exchange (draft) (old)",
        "(Value exchange)",
        "General availability",
        "Ga",
        "ÉCHANGE de valeur",
        "Straße",
        "İstanbul",
        "KELVIN \u{212a}eel gives",
        "ΣΊΣΥΦΟΣ",
        "Über Keel",
        "{partner} gives",
        "{Company}",
        "a b c",
        "i. intro",
        "x",
        "",
        " ",
        "!!!",
        "&",
        "+ plus",
        "Target",
        "Metric",
        "Go no go criteria",
        "section 3 metrics",
        "Section three metrics",
        "Part 2 walk",
        "Chapter 4",
        "step",
        "ii. iv. walk",
        "xxxx xxxxx",
        "vi vision",
        "c. scope",
        "C) Scope",
        "p 12 plan",
        "v2 plan",
        "1 2 3",
        "1.2.3",
        "2026-08-28 signed",
        "a. goals",
        "I. Goals",
        "iv",
        "é. goals",
        "½ done",
        "² squared",
        "ª ordinal",
        "Caf\u{e9}\u{301} × Keel ≥ 3 … “quoted” → done",
        "\u{a0}Keel\u{a0}gives\u{a0}",
        "Keel\u{200d}gives",
        "➀ ❶ ① Ⓐ 🄰 🅐",
        "🎯 Goals ✅",
        "Mixed CASE run-on WORDS  with   SPACES",
        "tab\tseparated\twords",
        "trailing space ",
        " leading space",
        "Keel  gives",
        "Keel & Northwind",
        "Keel's & partner’s",
        "{company} Gives",
        "x{y}z",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Over the memo's limit, and right at it.
    v.push("Word ".repeat(40));
    v.push(format!(
        "{}Keel gives",
        "x".repeat(REMEMBERED_LABEL_BYTES - 10)
    ));
    v.push(format!(
        "{}Keel gives",
        "x".repeat(REMEMBERED_LABEL_BYTES - 9)
    ));
    v.push(format!("Phase 1 — {}", "pilot ".repeat(20)));
    v
}

/// [`normalize_into`] as it was, character by character: the fast one must agree.
pub(super) fn normalize_reference(s: &str) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric()
            || c == '{'
            || c == '}'
            || (!c.is_ascii() && c.is_alphanumeric())
        {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else if c == '&' || c == '+' {
            push_word(&mut out, &mut pending_space, "and");
        } else if c != '\'' && c != '’' {
            pending_space = true;
        }
    }
    let skip = numbering_len_reference(&out);
    out.split_off(skip)
}

/// [`numbering_len`] as it was, by `char`s and `split_once`.
fn numbering_len_reference(s: &str) -> usize {
    let mut words: &str = s;
    while let Some((first, rest)) = words.split_once(' ') {
        let numeric = first.chars().all(|c| c.is_ascii_digit());
        let roman = first.len() <= 4 && first.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
        let marker = matches!(first, "section" | "part" | "step" | "chapter")
            && rest
                .split(' ')
                .next()
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
        let single_letter = first.len() == 1 && first != "a" && first != "i";
        if numeric || roman || marker || single_letter {
            words = rest;
        } else {
            break;
        }
    }
    s.len() - words.len()
}

/// A side's names as they were kept: one vector of forms, longest first, and the
/// last word (read in labels only).
fn name_forms_reference(name: Option<&str>) -> (Vec<String>, String) {
    let Some(name) = name else {
        return (Vec::new(), String::new());
    };
    let (name, abbreviation) = super::names::name_parts(name);
    let full = normalize_reference(name);
    if full.is_empty() {
        return (Vec::new(), String::new());
    }
    let mut forms = vec![full.clone()];
    let mut short = "";
    if let Some((first, _)) = full.split_once(' ') {
        if first.chars().count() >= 3 {
            forms.push(first.to_string());
            short = first;
        }
    }
    let skip = [
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
    let initials: String = full
        .split(' ')
        .filter(|w| !skip.contains(w))
        .filter_map(|w| w.chars().next())
        .collect();
    if initials.chars().count() >= 2 && initials != full {
        forms.push(initials.clone());
    }
    if let Some(a) = abbreviation.map(normalize_reference) {
        if a != initials && a != full {
            forms.push(a);
        }
    }
    let words: Vec<&str> = full.split(' ').filter(|w| !skip.contains(w)).collect();
    let last = match words.last() {
        Some(w) if w.chars().count() >= 4 && w.len() < full.len() && *w != short => w.to_string(),
        _ => String::new(),
    };
    (forms, last)
}

/// A name as a word, else as a possessive word (`acmes`): start and length.
fn name_reference(hay: &str, form: &str) -> Option<(usize, usize)> {
    if let Some(at) = find_words(hay, form) {
        return Some((at, form.len()));
    }
    if form.len() <= super::names::MAX_BARE_FORM {
        return None;
    }
    let possessive = format!("{form}s");
    find_words(hay, &possessive).map(|at| (at, possessive.len()))
}

/// The names as they were read: forms in vectors.
pub(super) struct NamesReference {
    company: Vec<String>,
    partner: Vec<String>,
    company_in_labels: Vec<String>,
    partner_in_labels: Vec<String>,
}

impl NamesReference {
    pub(super) fn new((company, partner): (Option<&str>, Option<&str>)) -> Self {
        let (company, company_last) = name_forms_reference(company);
        let (partner, partner_last) = name_forms_reference(partner);
        let shared = company_last == partner_last;
        let with_last = |mut forms: Vec<String>, last: String| {
            if !last.is_empty() && !shared {
                forms.push(last);
            }
            forms
        };
        NamesReference {
            company_in_labels: with_last(company.clone(), company_last),
            partner_in_labels: with_last(partner.clone(), partner_last),
            company,
            partner,
        }
    }

    pub(super) fn tokenize(&self, label: &str) -> Option<String> {
        let mut out: Option<String> = None;
        for (forms, token) in [
            (&self.company_in_labels, "{company}"),
            (&self.partner_in_labels, "{partner}"),
        ] {
            for form in forms {
                let cur = out.as_deref().unwrap_or(label);
                if name_reference(cur, form).is_some() {
                    let mut replaced = String::new();
                    let mut rest = cur;
                    while let Some((at, len)) = name_reference(rest, form) {
                        replaced.push_str(&rest[..at]);
                        replaced.push_str(token);
                        rest = &rest[at + len..];
                    }
                    replaced.push_str(rest);
                    out = Some(replaced);
                    break;
                }
            }
        }
        // `the {partner}` is the partner: drop the article, word by word.
        out.map(|o| {
            let mut words: Vec<&str> = Vec::new();
            for w in o.split(' ') {
                if w.starts_with('{') && words.last() == Some(&"the") {
                    words.pop();
                }
                words.push(w);
            }
            words.join(" ")
        })
    }

    pub(super) fn side_of(&self, text: &str) -> Option<Side> {
        let t = normalize_reference(text);
        let longest = |forms: &[String]| {
            forms
                .iter()
                .filter(|f| name_reference(&t, f).is_some())
                .map(String::len)
                .max()
        };
        match (longest(&self.company), longest(&self.partner)) {
            (Some(_), None) => Some(Side::Company),
            (None, Some(_)) => Some(Side::Partner),
            (Some(c), Some(p)) if c > p => Some(Side::Company),
            (Some(c), Some(p)) if c < p => Some(Side::Partner),
            _ => None,
        }
    }
}

/// Every lookup as it was: normalize, then search the tables.
pub(super) fn field_reference<'v>(
    v: &'v Vocabulary,
    section: &str,
    label: &str,
    names: &NamesReference,
) -> Option<&'v str> {
    let idx = v.sections.iter().position(|(k, _)| k == section)?;
    let table = &v.fields[idx];
    let n = normalize_reference(label);
    let f = match table.get(&n) {
        Some(&f) => Some(f),
        None if v.tokenized[idx] && v.shared_field(idx, table, &n).is_some() => {
            v.shared_field(idx, table, &n)
        }
        None if v.tokenized[idx] => {
            let named = names.tokenize(&n);
            let label = named.clone().unwrap_or_else(|| n.clone());
            named
                .and_then(|t| table.get(&t).copied())
                .or_else(|| {
                    super::names::pronouns_as_sides(&label).and_then(|t| table.get(&t).copied())
                })
                .or_else(|| super::names::others_form(&label).and_then(|t| table.get(&t).copied()))
                .or_else(|| super::names::people_form(&label).and_then(|t| table.get(&t).copied()))
                .or_else(|| v.field_keywords[idx].section_of(&label))
                .or_else(|| super::sides::field_by_side(&v.side_fields()[idx], &label))
                .or_else(|| group_reference(v, idx, &n, names))
        }
        None => None,
    };
    f.map(|f| v.field_names[f].as_str())
}

/// The `{others}` field for a label of groups the partnership serves, read plainly.
fn group_reference(v: &Vocabulary, idx: usize, n: &str, names: &NamesReference) -> Option<usize> {
    let table = &v.fields[idx];
    let alone = table.contains_key(super::names::OTHERS);
    let plain = names.tokenize(n).is_none()
        && !v.section_aliases.contains_key(n)
        && v.section_keywords().section_of(n).is_none();
    (alone && plain && super::names::is_group_form(n))
        .then(|| table.get(super::names::OTHERS).copied())
        .flatten()
}

pub(super) fn section_reference<'v>(v: &'v Vocabulary, heading: &str) -> Option<&'v str> {
    let get = |s: &str| v.section_aliases.get(&normalize_reference(s)).copied();
    let head = heading.split(['(', '[']).next().unwrap_or(heading);
    let i = get(heading).or_else(|| (head.len() < heading.len()).then(|| get(head)).flatten());
    i.map(|i| v.sections[i].0.as_str())
}

/// Pairs of names that overlap, nest, share words or have none.
pub(super) const NAME_PAIRS: [(Option<&str>, Option<&str>); 9] = [
    (Some("Keel"), Some("Northwind Ledger")),
    (Some("Keel Cloud"), Some("Keel")),
    (Some("Northwind"), Some("Northwind Ledger Cloud")),
    (Some("Straße"), Some("İstanbul")),
    (Some("Ab"), Some("A B")),
    (Some("Partner Co"), Some("We")),
    (Some("💰"), Some("  ")),
    (Some("Keel"), None),
    (None, None),
];

pub(super) fn vocab() -> Vocabulary {
    let spec: VocabSpec = toml::from_str(
        r#"
        [sections.value-exchange]
        aliases = ["value exchange", "what each side gives"]
        fields.we-give = ["we give", "{company} gives"]
        fields.partner-gives = ["partner gives", "{partner} gives"]
        [phases]
        crawl = ["pilot"]
        walk = []
        run = []
        [columns.timeline]
        go-no-go = ["go/no-go", "gate"]
        "#,
    )
    .unwrap();
    Vocabulary::build([&spec]).unwrap()
}
