//! Helpers the checks share: none of them knows a particular check.

pub(crate) mod bytes;
pub(crate) mod numbers;
pub(crate) mod params;
pub(crate) mod places;
pub(crate) mod regex;
pub(crate) mod text;
