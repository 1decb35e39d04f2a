//! `co-marketing-only`: the partnership rests on co-marketing alone. Read from what the
//! sides commit first: when everything one side gives (its `we-give` or `partner-gives`
//! values, split into commitments at commas, semicolons, line breaks and `and`) is
//! co-marketing (a webinar, a logo, a press release…, the params' `words`) and none of
//! it names money or people (the params' `unless`), that side is reported at its
//! commitments, whatever the metadata's leverage says. Otherwise, a `leverage` that
//! names co-marketing and nothing stronger is reported at the key.

use crate::model::{Charter, Leverage, Side, Text};
use crate::rules::support::places::side_of_key;
use crate::rules::{params, Check, Ctx, Hit, Who};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// What a co-marketing commitment names (whole words or phrases, any case).
    words: Vec<String>,
    /// What makes a commitment more than co-marketing even when it names one of
    /// `words` (`$30k of paid promotion for the webinar`): whole words, or a symbol
    /// (`$`, `%`) anywhere.
    #[serde(default)]
    unless: Vec<String>,
    /// What says a commitment costs or commits nothing (`free of charge`, `no budget`):
    /// such a piece adds nothing, and its money words are not money.
    #[serde(default)]
    denials: Vec<String>,
}

/// Words beside a denial in a commitment that only denies (`with no budget or
/// headcount behind them`).
const MAX_WORDS_AROUND_DENIAL: usize = 5;

#[derive(Debug)]
struct CoMarketingOnly {
    words: Phrases,
    unless: Phrases,
    denials: Phrases,
}

/// A list of phrases, indexed by their first word: a commitment's words are each
/// looked up once, not compared with every phrase.
#[derive(Debug)]
struct Phrases {
    phrases: Vec<Phrase>,
    by_first: rustc_hash::FxHashMap<String, Vec<usize>>,
    symbols: Vec<usize>,
}

impl Phrases {
    fn new(phrases: Vec<Phrase>) -> Phrases {
        let mut by_first: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        let mut symbols = Vec::new();
        for (i, p) in phrases.iter().enumerate() {
            match p {
                Phrase::Words(w, _) => by_first.entry(w[0].clone()).or_default().push(i),
                Phrase::Symbol(_) => symbols.push(i),
            }
        }
        Phrases {
            phrases,
            by_first,
            symbols,
        }
    }

    /// Whether one of the symbols occurs in a text.
    fn symbol_in(&self, text: &str) -> bool {
        // An ASCII text holds no `€`: only ASCII symbols are looked for in it.
        let ascii = text.is_ascii();
        self.symbols.iter().any(|&i| match &self.phrases[i] {
            Phrase::Symbol(s) => (!ascii || s.is_ascii()) && text.contains(s.as_str()),
            Phrase::Words(..) => false,
        })
    }

    /// The longest phrase in a commitment, given as its text and its lower-case words.
    fn longest(&self, text: &str, words: &[&str]) -> Option<&Phrase> {
        let symbols = self.symbols.iter().map(|&i| &self.phrases[i]);
        let symbols = symbols.filter(|p| p.in_piece(text, words));
        let phrases = words.iter().enumerate().flat_map(|(at, w)| {
            let list = self.by_first.get(*w).map_or(&[][..], Vec::as_slice);
            list.iter()
                .map(|&i| &self.phrases[i])
                .filter(move |p| match p {
                    Phrase::Words(p, _) => words
                        .get(at..at + p.len())
                        .is_some_and(|w| w == p.as_slice()),
                    Phrase::Symbol(_) => false,
                })
        });
        // The first of the longest: ties go to the phrase written first in the text.
        symbols
            .chain(phrases)
            .fold(None, |best: Option<&Phrase>, p| match best {
                Some(b) if b.len() >= p.len() => Some(b),
                _ => Some(p),
            })
    }
}

/// A phrase as its lower-case words (and as the pack writes it), or a symbol looked
/// for as is.
#[derive(Debug)]
enum Phrase {
    Words(Vec<String>, String),
    Symbol(String),
}

impl Phrase {
    fn new(p: &str) -> Result<Phrase, String> {
        let words = tokens(p);
        match (words.is_empty(), p.trim()) {
            (_, "") => Err("an empty phrase".to_string()),
            (true, symbol) => Ok(Phrase::Symbol(symbol.to_string())),
            (false, written) => Ok(Phrase::Words(words, written.to_string())),
        }
    }

    /// How long the phrase is, in words (a symbol counts as one).
    fn len(&self) -> usize {
        match self {
            Phrase::Symbol(_) => 1,
            Phrase::Words(w, _) => w.len(),
        }
    }

    /// The phrase as a message says it.
    fn said(&self) -> String {
        match self {
            Phrase::Symbol(s) | Phrase::Words(_, s) => s.clone(),
        }
    }

    /// Whether the phrase occurs in a commitment, given as its text and its lower-case
    /// words.
    fn in_piece(&self, text: &str, words: &[&str]) -> bool {
        match self {
            Phrase::Symbol(s) => text.contains(s.as_str()),
            Phrase::Words(p, _) => words.windows(p.len()).any(|w| w == p.as_slice()),
        }
    }
}

/// A text in lower case, appended to `out`; ASCII text by byte, the rest as
/// `str::to_lowercase` has it.
fn lower_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        let from = out.len();
        out.push_str(text);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// The words of a lower-case text (runs of letters and digits); ASCII text by byte.
fn words_of(lower: &str) -> Vec<&str> {
    if !lower.is_ascii() {
        let words = lower.split(|c: char| !c.is_alphanumeric());
        return words.filter(|w| !w.is_empty()).collect();
    }
    // A commitment is a few words: one allocation holds them.
    let mut words = Vec::with_capacity(16);
    let mut start = None;
    for (i, b) in lower.bytes().enumerate() {
        match (b.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                words.push(&lower[from..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        words.push(&lower[from..]);
    }
    words
}

/// The lower-case words of a phrase (runs of letters and digits).
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

pub fn factory(table: &toml::Table) -> Result<Box<dyn Check>, String> {
    let p: Params = params(table)?;
    let phrases = |list: &[String], what: &str| {
        list.iter()
            .map(|w| Phrase::new(w).map_err(|e| format!("`{what}` has {e}")))
            .collect::<Result<Vec<_>, _>>()
    };
    let words = phrases(&p.words, "words")?;
    if words.is_empty() {
        return Err("`words` is empty".to_string());
    }
    Ok(Box::new(CoMarketingOnly {
        words: Phrases::new(words),
        unless: Phrases::new(phrases(&p.unless, "unless")?),
        denials: Phrases::new(phrases(&p.denials, "denials")?),
    }))
}

impl CoMarketingOnly {
    /// The co-marketing a commitment names (the longest phrase of `words`), when it is
    /// co-marketing and nothing more.
    fn co_marketing(&self, piece: &str, words: &[&str]) -> Option<String> {
        // Most commitments name no co-marketing: that is looked up first.
        let found = self.words.longest(piece, words)?;
        let denied = self.denials.longest(piece, words).is_some();
        if !denied && self.unless.longest(piece, words).is_some() {
            return None;
        }
        Some(found.said())
    }

    /// Whether a commitment only says what is not given (`free of charge`, `with no
    /// budget or headcount behind them`): a denial and a few words around it, and no
    /// co-marketing. It neither adds nor takes away; a longer one says something else
    /// as well (`Budget-neutral on our side: access to two clinics for testing`).
    fn denial_only(&self, piece: &str, words: &[&str]) -> bool {
        let Some(Phrase::Words(denial, _)) = self.denials.longest(piece, words) else {
            return false;
        };
        words.len().saturating_sub(denial.len()) <= MAX_WORDS_AROUND_DENIAL
            && self.words.longest(piece, words).is_none()
    }

    /// The hit for one side when all it commits is co-marketing: at its commitments,
    /// naming the lines read.
    fn side_hit(&self, cx: &Ctx<'_>, side: Side) -> Option<Hit> {
        // A side that commits nothing is `one-sided-commitment`'s.
        let mut what: Vec<String> = Vec::new();
        let mut lower = String::new();
        for value in gives(cx.charter, side) {
            for piece in commitments(&value.text) {
                // A symbol of `unless` (`$`, `%`) makes the commitment more than
                // co-marketing whatever it names: looked for first, as it needs no words.
                if self.unless.symbol_in(piece) {
                    return None;
                }
                lower.clear();
                lower_into(piece, &mut lower);
                let words = words_of(&lower);
                if self.denial_only(piece, &words) {
                    continue;
                }
                let said = self.co_marketing(piece, &words)?;
                if !what.contains(&said) {
                    what.push(said);
                }
            }
        }
        if what.is_empty() {
            return None;
        }
        let values: Vec<&Text> = gives(cx.charter, side).collect();
        let first = values.first()?;
        let lines: Vec<String> = values
            .iter()
            .map(|v| cx.source.line_col(v.span.start).0.to_string())
            .collect();
        let found = values
            .iter()
            // A TOML value's text keeps its quotes.
            .map(|v| v.text.trim().trim_matches(['"', '\'']).trim())
            .collect::<Vec<_>>()
            .join(" / ");
        Some(
            Hit::at(first.span)
                .variant("commitments")
                .arg("found", crate::rules::support::text::shorten(&found))
                .arg("lines", lines.join(", "))
                .arg("what", what.join(", "))
                .who(Who::Side(side)),
        )
    }
}

/// The values of a side's commitment fields, in document order.
fn gives(charter: &Charter, side: Side) -> impl Iterator<Item = &Text> + '_ {
    charter
        .sections
        .iter()
        .filter(|s| s.key == "value-exchange")
        .flat_map(|s| s.fields.iter())
        .filter(move |f| {
            (f.key == "we-give" || f.key == "partner-gives") && side_of_key(&f.key) == Some(side)
        })
        .filter(|f| f.value.has_words())
        .map(|f| &f.value)
}

/// A value's commitments: its parts between commas, semicolons, line breaks, bullets,
/// `&` and the words `and` and `plus`; only those with words in them. Cut as they are
/// asked for, in one pass over the bytes (the separators are ASCII, so every cut is on
/// a character boundary): most sides are settled by their first commitment.
fn commitments(value: &str) -> impl Iterator<Item = &str> {
    let b = value.as_bytes();
    let (mut from, mut i, mut done) = (0, 0, false);
    std::iter::from_fn(move || {
        while i < b.len() {
            let len = separator(b, i);
            if len > 0 {
                let piece = value.get(from..i).unwrap_or_default();
                i += len;
                from = i;
                return Some(piece);
            }
            i += 1;
        }
        if done {
            return None;
        }
        done = true;
        Some(value.get(from..).unwrap_or_default())
    })
    .filter(|p| crate::model::has_words(p))
}

/// The length of the separator at byte `i` of a value, 0 when there is none.
#[inline]
fn separator(b: &[u8], i: usize) -> usize {
    match b[i] {
        // Most bytes are letters: settled by the first test.
        c if c.is_ascii_alphanumeric() => 0,
        b',' | b';' | b'\n' | b'&' => 1,
        // `•` is three bytes in UTF-8.
        0xE2 if b.get(i..i + 3) == Some("•".as_bytes()) => 3,
        b' ' => [" and ", " plus "]
            .iter()
            .find(|w| {
                b.get(i..i + w.len())
                    .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
            })
            .map_or(0, |w| w.len() - 1),
        _ => 0,
    }
}

impl Check for CoMarketingOnly {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        let before = hits.len();
        for side in [Side::Company, Side::Partner] {
            if let Some(hit) = self.side_hit(cx, side) {
                hits.push(hit);
            }
        }
        // What the sides commit says more than the metadata: no need to add it.
        if hits.len() > before {
            return;
        }
        let meta = &cx.charter.meta;
        // Unknown values are `invalid-value`'s; only recognised leverage is weighed.
        let mut co_marketing = false;
        for value in &meta.leverage {
            match value.value {
                Ok(Leverage::CoMarketing) => co_marketing = true,
                // Any stronger leverage is enough (no need to read further).
                Ok(_) => return,
                Err(_) => {}
            }
        }
        // No leverage at all is `leverage-missing`'s.
        if !co_marketing {
            return;
        }
        hits.push(match meta.leverage_span {
            Some(span) => Hit::at(span),
            None => Hit::whole(cx.charter),
        });
    }
}

#[cfg(test)]
mod tests;
