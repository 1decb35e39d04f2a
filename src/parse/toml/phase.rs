//! A `[[timeline.phase]]` table: its name, dates, scope, bar and result. Dates are read
//! by the shared reader (`start`, `end`, or `dates = "Apr 6 – May 15, 2027"`), as in
//! Markdown; the bar and result become numbers in [`crate::parse::phases::finish`].

use super::read::{cells, extent, span, Reader, PHASE_KEYS};
use crate::model::{Phase, PhaseKind, Text};
use crate::parse::meta::canonical;
use crate::parse::phases::{set_dates, DatePart};
use crate::vocab::PhasePart;
use ::toml::de::DeTable;

impl Reader<'_> {
    pub(super) fn phase(&mut self, t: &DeTable<'_>, header: crate::model::Span) -> Phase {
        let mut p = Phase::new(Text::new("", header), None, header);
        let mut named = false;
        // A `dates` value is read after the loop: explicit `start`/`end` keys win.
        let mut dates: Option<Text> = None;
        for (k, v) in t.iter() {
            let written: &str = k.get_ref();
            p.span = p.span.join(span(k)).join(extent(v));
            let part = match canonical(written).as_ref() {
                "name" | "phase" => Some(PhasePart::Phase),
                "start" => Some(PhasePart::Start),
                "end" => Some(PhasePart::End),
                "dates" => Some(PhasePart::Dates),
                "scope" | "deliverables" => Some(PhasePart::Scope),
                "go-no-go" | "gate" => Some(PhasePart::GoNoGo),
                "result" => Some(PhasePart::Result),
                _ => self.lookup.phase_part_for(written),
            };
            let date = |p: &mut Phase, part, value: Option<Text>, src: &str| {
                if let Some(value) = value {
                    set_dates(src, p, part, &value);
                }
            };
            match part {
                Some(PhasePart::Phase) => {
                    if let Some(name) = self.scalar(written, v) {
                        p.name = name;
                        named = true;
                    }
                }
                Some(PhasePart::Start) => {
                    let value = self.scalar(written, v);
                    date(&mut p, DatePart::Start, value, self.src);
                }
                Some(PhasePart::End) => {
                    let value = self.scalar(written, v);
                    date(&mut p, DatePart::End, value, self.src);
                }
                Some(PhasePart::Dates) => dates = self.scalar(written, v),
                Some(PhasePart::Scope) => p.scope = self.text(written, v),
                Some(PhasePart::GoNoGo) => p.go_no_go = self.text(written, v),
                Some(PhasePart::Result) => p.result = self.text(written, v),
                None => self.unknown(written, span(k), PHASE_KEYS),
            }
        }
        if let Some(d) = dates {
            set_dates(self.src, &mut p, DatePart::Dates, &d);
        }
        if named {
            p.kind = PhaseKind::parse(&p.name.text).or_else(|| self.lookup.phase_for(&p.name.text));
        }
        p
    }
}

/// A phase, metric or signature as one of its section's items, so that a section
/// holding only those still counts as having content. Parts are joined like the
/// cells of a Markdown table row.
pub(super) fn phase_item(p: &Phase) -> Text {
    let parts = [
        Some(&p.name),
        p.start.as_ref().map(|d| &d.text),
        p.end.as_ref().map(|d| &d.text),
        p.scope.as_ref(),
        p.go_no_go.as_ref(),
        p.result.as_ref(),
    ];
    Text::new(cells(parts.into_iter().flatten()), p.span)
}
