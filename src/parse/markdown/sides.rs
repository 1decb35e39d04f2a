//! Two names read in order, ours first (a title's `Keel × Orbital`, a memorandum's
//! parties), put where the metadata lacks a side.

use crate::model::{Meta, Side, Text};
use crate::vocab::Names;

/// Fill the company and partner `meta` lacks from `first` and `second`, each with
/// another form it may be known by (a defined term). A side the metadata already
/// names keeps its place: when it is one of the two, the other is the other side.
pub fn place(meta: &mut Meta, first: (Text, Option<&str>), second: (Text, Option<&str>)) {
    let known = Names::new(
        meta.company.as_ref().map(|t| t.text.as_str()),
        meta.partner.as_ref().map(|t| t.text.as_str()),
    );
    let side = |(t, also): &(Text, Option<&str>)| {
        known
            .side_of(&t.text)
            .or_else(|| also.and_then(|a| known.side_of(a)))
    };
    let (a, b) = (side(&first), side(&second));
    let ((ours, ours_is), (theirs, theirs_is)) =
        if a == Some(Side::Partner) || b == Some(Side::Company) {
            ((second.0, b), (first.0, a))
        } else {
            ((first.0, a), (second.0, b))
        };
    if meta.company.is_none() && ours_is != Some(Side::Partner) {
        meta.company = Some(ours);
    }
    if meta.partner.is_none() && theirs_is != Some(Side::Company) {
        meta.partner = Some(theirs);
    }
}
