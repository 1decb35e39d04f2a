//! The phases of a charter by kind and dates, so that the reader finds the phase a
//! restated one joins (the first of its kind whose dates agree: equal, or one side
//! unknown) without scanning every phase listed before it, which made a timeline
//! of 100,000 rows take minutes.
//!
//! A phase is filed under its kind and the days its start and end fall on (`None`
//! when not a day). Phases are only ever appended while a charter is read, and only
//! gain dates, so the index catches up with appended phases lazily ([`sync`]) and is
//! told when a phase gains dates ([`PhaseIndex::refile`]).

use super::{Phase, PhaseKind};
use jiff::civil::Date;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

type Day = Option<Date>;

/// Below this many phases (nearly every charter has three to six) a plain scan costs
/// less than filing them: the index is built only for a longer list. Lower in tests,
/// so that the tests' lists take both ways.
const SCAN_BELOW: usize = if cfg!(test) { 4 } else { 32 };

#[derive(Clone, Default)]
pub struct PhaseIndex {
    /// How many phases are filed.
    synced: usize,
    /// Each filed phase's key (`None`: no kind, never joined).
    keys: Vec<Option<(PhaseKind, Day, Day)>>,
    exact: HashMap<(PhaseKind, Day, Day), BTreeSet<usize>>,
    by_start: HashMap<(PhaseKind, Day), BTreeSet<usize>>,
    by_end: HashMap<(PhaseKind, Day), BTreeSet<usize>>,
    by_kind: HashMap<PhaseKind, BTreeSet<usize>>,
}

impl std::fmt::Debug for PhaseIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PhaseIndex({} phases)", self.synced)
    }
}

fn key(p: &Phase) -> Option<(PhaseKind, Day, Day)> {
    Some((p.kind?, p.start_date(), p.end_date()))
}

/// Whether `q` is a phase `p` restates: the same kind, and dates that agree.
pub fn restates(p: &Phase, q: &Phase) -> bool {
    let agree = |a: Day, b: Day| a.is_none() || b.is_none() || a == b;
    p.kind.is_some()
        && q.kind == p.kind
        && agree(q.start_date(), p.start_date())
        && agree(q.end_date(), p.end_date())
}

impl PhaseIndex {
    /// The index of the first phase `p` restates, as `phases.iter().position(|q|
    /// restates(p, q))` would find it.
    pub fn find(&mut self, phases: &[Phase], p: &Phase) -> Option<usize> {
        if self.synced == 0 && phases.len() < SCAN_BELOW {
            return phases.iter().position(|q| restates(p, q));
        }
        if self.synced > phases.len() {
            // The list was replaced under the index: start again.
            *self = PhaseIndex::default();
        }
        self.sync(phases);
        let (kind, start, end) = key(p)?;
        // Of the filed keys that agree with `p`'s, the lowest index.
        let first = |set: Option<&BTreeSet<usize>>| set.and_then(|s| s.first().copied());
        let found = match (start, end) {
            (Some(_), Some(_)) => [(start, end), (start, None), (None, end), (None, None)]
                .into_iter()
                .filter_map(|(s, e)| first(self.exact.get(&(kind, s, e))))
                .min(),
            (Some(_), None) => [start, None]
                .into_iter()
                .filter_map(|s| first(self.by_start.get(&(kind, s))))
                .min(),
            (None, Some(_)) => [end, None]
                .into_iter()
                .filter_map(|e| first(self.by_end.get(&(kind, e))))
                .min(),
            (None, None) => first(self.by_kind.get(&kind)),
        };
        found
    }

    /// Whether a phase of this kind is listed.
    pub fn has(&mut self, phases: &[Phase], kind: PhaseKind) -> bool {
        if self.synced == 0 && phases.len() < SCAN_BELOW {
            return phases.iter().any(|q| q.kind == Some(kind));
        }
        if self.synced > phases.len() {
            *self = PhaseIndex::default();
        }
        self.sync(phases);
        self.by_kind.get(&kind).is_some_and(|s| !s.is_empty())
    }

    /// File phase `i` again after its dates changed.
    pub fn refile(&mut self, phases: &[Phase], i: usize) {
        if i >= self.synced {
            return;
        }
        let Some(phase) = phases.get(i) else { return };
        let new = key(phase);
        let old = self.keys.get(i).copied().flatten();
        if old == new {
            return;
        }
        if let Some((k, s, e)) = old {
            let take = |set: Option<&mut BTreeSet<usize>>| {
                if let Some(set) = set {
                    set.remove(&i);
                }
            };
            take(self.exact.get_mut(&(k, s, e)));
            take(self.by_start.get_mut(&(k, s)));
            take(self.by_end.get_mut(&(k, e)));
            take(self.by_kind.get_mut(&k));
        }
        self.file(i, new);
    }

    fn sync(&mut self, phases: &[Phase]) {
        for (i, p) in phases.iter().enumerate().skip(self.synced) {
            self.keys.push(None);
            self.file(i, key(p));
        }
        self.synced = phases.len();
    }

    fn file(&mut self, i: usize, key: Option<(PhaseKind, Day, Day)>) {
        if let Some(slot) = self.keys.get_mut(i) {
            *slot = key;
        }
        let Some((k, s, e)) = key else { return };
        self.exact.entry((k, s, e)).or_default().insert(i);
        self.by_start.entry((k, s)).or_default().insert(i);
        self.by_end.entry((k, e)).or_default().insert(i);
        self.by_kind.entry(k).or_default().insert(i);
    }
}
