//! `advanced-without-gate`: the status is past a phase whose result is not recorded
//! or misses its bar.
//!
//! Status `walk` needs a crawl result; `run` needs crawl and walk results (`ended`
//! and earlier statuses need none). A result fails when it says so (failed, missed,
//! did not pass, no-go, not met, below the bar) or when a figure falls short of the
//! bar of its own metric, as the parser paired them (`close 12% faster` against `≥ 20%
//! faster close`, `churn 8%` against `churn ≤ 5%`); with no pair, a lone figure is read
//! against a lone bar, else the headline figure against the largest bar, or the
//! `*-min-percent` parameter when the bar states none. A result that states no figure
//! and no verdict (`went well`, `positive feedback`) records no outcome: a verdict is
//! one of the `verdicts` words (`Passed`).

use crate::model::{Measure, Phase, PhaseKind, Status};
use crate::rules::support::params::PhasePercents;
use crate::rules::support::regex::LazyRegex;
use crate::rules::{params, Check, Ctx, Hit};
use crate::value::number::Bound;

#[derive(Debug)]
struct AdvancedWithoutGate {
    min: PhasePercents,
    /// Words that give a result's outcome without a figure (`passed`, `go`), lowercase,
    /// each a list of words.
    verdicts: Vec<Vec<String>>,
    /// `go/no-go` as a name, removed before looking for `no-go` as a verdict.
    gate_name: LazyRegex,
}

/// Words that say a result failed, as a regex: [`says_failed`] finds what it matches,
/// and a test holds the two together.
#[cfg(test)]
pub(super) const FAILED: &str = r"(?i-u)(?-u:\b)(?:fail(?:ed|s|ing)?|missed|miss(?:es)?|did\s*n[o']t\s+pass|not\s+passed|no[\s-]?go|not\s+met|below\s+(?:the\s+)?(?:bar|target|threshold))(?-u:\b)";
/// `go/no-go` as a name.
pub(super) const GATE_NAME: &str =
    r"(?i-u)(?-u:\b)go\s*/\s*no[\s-]?go(?-u:\b)|(?-u:\b)go[\s-]no[\s-]go(?-u:\b)";

pub fn factory(table: &toml::Table) -> Result<Box<dyn Check>, String> {
    let mut rest = table.clone();
    let verdicts: Vec<String> = match rest.remove("verdicts") {
        Some(v) => v
            .try_into()
            .map_err(|e: toml::de::Error| format!("`verdicts`: {}", e.message()))?,
        None => Vec::new(),
    };
    let verdicts = verdicts
        .iter()
        .map(|v| v.split_whitespace().map(str::to_lowercase).collect())
        .filter(|v: &Vec<String>| !v.is_empty())
        .collect();
    let min: PhasePercents = params(&rest)?;
    let gate_name = LazyRegex::new(GATE_NAME);
    Ok(Box::new(AdvancedWithoutGate {
        min,
        verdicts,
        gate_name,
    }))
}

impl Check for AdvancedWithoutGate {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        let meta = &cx.charter.meta;
        // A status we can read (unknown ones are `invalid-value`'s).
        let Some((status, status_text)) =
            meta.status.as_ref().and_then(|s| Some((s.ok()?, &s.text)))
        else {
            return;
        };
        // The phases the status has moved past.
        let passed: &[PhaseKind] = match status {
            Status::Walk => &[PhaseKind::Crawl],
            Status::Run => &[PhaseKind::Crawl, PhaseKind::Walk],
            Status::Draft | Status::Crawl | Status::Ended => return,
        };
        for &kind in passed {
            let phase = cx.charter.phase(kind);
            // The status as messages give it, made only for a hit.
            let hit = |span| {
                Hit::at(span)
                    .arg("status", status_text.text.trim().to_ascii_lowercase())
                    .arg("phase", kind.name())
            };
            // A result that says the phase is still under way records no outcome.
            let result = phase
                .filter(|p| !p.under_way)
                .and_then(|p| p.result.as_ref().map(|r| (p, r)))
                .filter(|(_, t)| t.has_words());
            let Some((phase, result)) = result else {
                // No phase (point at the status) or a phase without a result.
                let span = phase.map_or(status_text.span, |p| p.span);
                hits.push(hit(span).variant("unrecorded"));
                continue;
            };
            let found = || crate::rules::support::text::shorten(&result.text);
            let words = self.without_gate_name(&result.text);
            // Says it failed, or misses a bar.
            if says_failed(&words) || self.misses_bar(phase, kind) {
                hits.push(hit(result.span).variant("failed").arg("found", found()));
                continue;
            }
            // States a figure that clears its bar, or a verdict.
            if phase.measured || self.says_verdict(&words) {
                continue;
            }
            hits.push(hit(result.span).variant("unmeasured").arg("found", found()));
        }
    }
}

/// Whether the result `r` falls short of the bar `b`: below it, or above it when the
/// bar is a ceiling (`churn ≤ 5%`).
fn short_of(r: &Measure, b: &Measure) -> bool {
    match b.number.bound {
        Some(Bound::AtMost | Bound::Below) => r.number.value > b.number.value,
        _ => r.number.value < b.number.value,
    }
}

impl AdvancedWithoutGate {
    /// Whether the result's figures miss the bar: each against the bar of its metric;
    /// with no pair by metric, a lone figure against a lone bar; else the headline
    /// against the largest bar or the parameter.
    fn misses_bar(&self, p: &Phase, kind: PhaseKind) -> bool {
        let bar_text = p.go_no_go.as_ref().map_or("", |t| t.text.as_str());
        let result_text = p.result.as_ref().map_or("", |t| t.text.as_str());
        let mut paired = false;
        for b in &p.bars {
            let same = |r: &&Measure| b.same_metric(bar_text, r, result_text);
            for r in p.results.iter().filter(same) {
                paired = true;
                if short_of(r, b) {
                    return true;
                }
            }
        }
        if paired {
            return false;
        }
        if let ([b], [r]) = (p.bars.as_slice(), p.results.as_slice()) {
            return short_of(r, b);
        }
        let bar = p.bar.as_ref().map(|n| n.value).or(self.min.min(kind));
        match (p.achieved.as_ref().map(|n| n.value), bar) {
            (Some(found), Some(bar)) => found < bar,
            _ => false,
        }
    }

    /// Whether the result gives a verdict word (`Passed`, `GO`).
    fn says_verdict(&self, words: &str) -> bool {
        let lower = words.to_lowercase();
        let ws: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        self.verdicts.iter().any(|v| {
            ws.windows(v.len())
                .any(|w| w.iter().zip(v).all(|(a, b)| *a == b.as_str()))
        })
    }

    /// The result with the gate's own name (`go/no-go`) blanked out, as it is no verdict.
    fn without_gate_name<'a>(&self, result: &'a str) -> std::borrow::Cow<'a, str> {
        // The gate's own name (`go/no-go`) is not a verdict: blank it out first (a copy
        // only when it is there).
        let mut blanked: Option<String> = None;
        let mut last = 0;
        // Every match starts with `go`: most results have none, and then need no search
        // (nor the regex built). Each `g` or `G` found by memchr, then the byte after it.
        let b = result.as_bytes();
        let has_go =
            memchr::memchr2_iter(b'g', b'G', b).any(|i| matches!(b.get(i + 1), Some(b'o' | b'O')));
        let gate_names = has_go.then(|| self.gate_name.get().find_iter(result));
        for m in gate_names.into_iter().flatten() {
            let b = blanked.get_or_insert_with(|| String::with_capacity(result.len()));
            b.push_str(&result[last..m.start()]);
            b.push(' ');
            last = m.end();
        }
        match blanked {
            Some(mut b) => {
                b.push_str(&result[last..]);
                std::borrow::Cow::Owned(b)
            }
            None => std::borrow::Cow::Borrowed(result),
        }
    }
}

/// Whether a text matches [`FAILED`], read by hand: building that regex cost more than
/// all the charters of a run read with it, and each search more than this scan.
///
/// Every alternative starts with a letter after `(?-u:\b)`, so a match can only start
/// where a run of ASCII word characters does; each such start is tried in turn.
fn says_failed(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !is_word(b[i]) {
            i += 1;
            continue;
        }
        if failed_at(b, i) {
            return true;
        }
        while i < b.len() && is_word(b[i]) {
            i += 1;
        }
    }
    false
}

/// A word character of `(?-u:\b)`.
fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Whether one of [`FAILED`]'s alternatives matches at `p`, the start of a word.
fn failed_at(b: &[u8], p: usize) -> bool {
    // `w` in any ASCII case at `at`: the end of it.
    let lit = |at: usize, w: &[u8]| {
        b.get(at..at + w.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(w))
            .then_some(at + w.len())
    };
    // `(?-u:\b)` after a letter: no word character follows.
    let end = |at: usize| !b.get(at).is_some_and(|&c| is_word(c));
    let word = |at: usize, w: &[u8]| lit(at, w).is_some_and(end);
    // `\s` without Unicode: also the vertical tab, which `is_ascii_whitespace` leaves out.
    let space = |c: u8| matches!(c, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ');
    let spaces = |at: usize| {
        at + b[at.min(b.len())..]
            .iter()
            .take_while(|&&c| space(c))
            .count()
    };
    // `\s+`: at least one.
    let spaces1 = |at: usize| Some(spaces(at)).filter(|&e| e > at);
    // fail(?:ed|s|ing)?
    if let Some(e) = lit(p, b"fail") {
        if end(e) || word(e, b"ed") || word(e, b"s") || word(e, b"ing") {
            return true;
        }
    }
    // missed|miss(?:es)?
    if let Some(e) = lit(p, b"miss") {
        if end(e) || word(e, b"ed") || word(e, b"es") {
            return true;
        }
    }
    // did\s*n[o']t\s+pass
    if let Some(e) = lit(p, b"did") {
        let after_n = lit(spaces(e), b"n");
        let after_o = after_n
            .filter(|&e| matches!(b.get(e), Some(b'o' | b'O' | b'\'')))
            .map(|e| e + 1);
        let pass = after_o.and_then(|e| lit(e, b"t")).and_then(spaces1);
        if pass.is_some_and(|e| word(e, b"pass")) {
            return true;
        }
    }
    // not\s+passed|not\s+met
    if let Some(e) = lit(p, b"not").and_then(spaces1) {
        if word(e, b"passed") || word(e, b"met") {
            return true;
        }
    }
    // no[\s-]?go
    if let Some(e) = lit(p, b"no") {
        let sep = b.get(e).is_some_and(|&c| space(c) || c == b'-');
        if word(e, b"go") || (sep && word(e + 1, b"go")) {
            return true;
        }
    }
    // below\s+(?:the\s+)?(?:bar|target|threshold)
    if let Some(e) = lit(p, b"below").and_then(spaces1) {
        let goal = |at: usize| word(at, b"bar") || word(at, b"target") || word(at, b"threshold");
        if goal(e) || lit(e, b"the").and_then(spaces1).is_some_and(goal) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests;
