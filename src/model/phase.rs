//! A phase of the crawl–walk–run timeline, as read: its name, dates, bar and result.

use super::{Measure, Parsed, Span, Text};
use crate::value::date::{DateValue, Relative};
use crate::value::number::Number;
use jiff::civil::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PhaseKind {
    Crawl,
    Walk,
    Run,
}

impl PhaseKind {
    pub const ALL: [PhaseKind; 3] = [PhaseKind::Crawl, PhaseKind::Walk, PhaseKind::Run];

    pub fn name(self) -> &'static str {
        match self {
            PhaseKind::Crawl => "crawl",
            PhaseKind::Walk => "walk",
            PhaseKind::Run => "run",
        }
    }

    pub fn parse(s: &str) -> Option<PhaseKind> {
        let s = s.trim();
        // Compared in place: no lowercased copy.
        PhaseKind::ALL
            .into_iter()
            .find(|k| s.eq_ignore_ascii_case(k.name()))
    }
}

#[derive(Clone, Debug)]
pub struct Phase {
    /// The phase's name as written (`Crawl`, `Phase 1 — Crawl (pilot)`).
    pub name: Text,
    /// Which phase it is, when the name was recognised.
    pub kind: Option<PhaseKind>,
    /// The whole phase: its table row, its H3 and content, or its TOML table.
    pub span: Span,
    /// The start as written and read, in any form (`6 Apr 2027`, `Q3 2027`, a range
    /// whose first day it is). A range written once (`Apr 6 – May 15, 2027`) is both
    /// the start and the end; see [`Phase::start_date`].
    pub start: Option<Parsed<DateValue>>,
    pub end: Option<Parsed<DateValue>>,
    /// A window written relative to another date (`within 60 days of signing`), and
    /// the day it was counted from when the charter gives one; the start and end
    /// then hold the days it resolved to, or the relative value when it could not be.
    pub relative: Option<RelativeDates>,
    /// Scope or deliverables.
    pub scope: Option<Text>,
    pub go_no_go: Option<Text>,
    /// The bar the go/no-go states: its largest percentage or share (`≥ 20%`,
    /// `9 of 12 stores`), read by the parser.
    pub bar: Option<Number>,
    /// The recorded outcome, once the phase has ended.
    pub result: Option<Text>,
    /// The result's headline percentage or share (`passed, 31%`), read by the parser.
    pub achieved: Option<Number>,
    /// Each figure of the bar that is a threshold, with the metric it is for (`≥ 20%
    /// faster close; churn ≤ 5%` is two); a figure that only says whom it is measured
    /// on (`measured on 100% of pilot users`) is none.
    pub bars: Vec<Measure>,
    /// Each percentage, share or change the result records, with its metric.
    pub results: Vec<Measure>,
    /// The result states a figure: a number in digits or words outside any date
    /// (`went well`, `positive feedback` state none).
    pub measured: bool,
    /// The result says the phase is still under way (`In progress: 5 of 8 live`): no
    /// outcome is recorded yet, whatever figure it gives.
    pub under_way: bool,
}

/// A phase window counted from another date.
#[derive(Clone, Debug, PartialEq)]
pub struct RelativeDates {
    pub written: Relative,
    /// The day it was counted from, when known (a signature date, `created`, the
    /// end of the phase before).
    pub anchor: Option<Date>,
}

impl Phase {
    /// A phase named `name` over `span`, with nothing read into it yet.
    pub fn new(name: Text, kind: Option<PhaseKind>, span: Span) -> Phase {
        Phase {
            name,
            kind,
            span,
            start: None,
            end: None,
            relative: None,
            scope: None,
            go_no_go: None,
            bar: None,
            result: None,
            achieved: None,
            under_way: false,
            bars: Vec::new(),
            results: Vec::new(),
            measured: false,
        }
    }

    /// The first day of the start, when it is on the calendar.
    pub fn start_date(&self) -> Option<Date> {
        self.start.as_ref()?.value.as_ref().ok()?.first_day()
    }

    /// The last day of the end, when it is on the calendar.
    pub fn end_date(&self) -> Option<Date> {
        self.end.as_ref()?.value.as_ref().ok()?.last_day()
    }

    /// Whether the end is written but is no day (not a date, or not on the calendar).
    pub fn end_unread(&self) -> bool {
        self.end.as_ref().is_some_and(|e| match &e.value {
            Ok(v) => matches!(v, DateValue::NoSuchDay(_) | DateValue::Ambiguous { .. }),
            Err(_) => e.text.has_words(),
        })
    }
}
