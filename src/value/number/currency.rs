//! Currencies by ISO 4217 code or symbol.

use super::Currency;
use crate::value::lex::{Cursor, Kind};

/// Active ISO 4217 codes, except `ALL` and `TOP`, which are more often capitalised words
/// (`ALL 5 STORES`) than Albanian leks or Tongan paʻanga.
const CODES: &str = "AED AFN AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB \
BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB \
EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD \
JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP \
MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON \
RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TRY \
TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL";

const SYMBOLS: [(char, &[u8; 3]); 14] = [
    ('$', b"USD"),
    ('£', b"GBP"),
    ('€', b"EUR"),
    ('¥', b"JPY"),
    ('₹', b"INR"),
    ('₩', b"KRW"),
    ('₽', b"RUB"),
    ('₺', b"TRY"),
    ('₪', b"ILS"),
    ('₫', b"VND"),
    ('₴', b"UAH"),
    ('₦', b"NGN"),
    ('฿', b"THB"),
    ('₱', b"PHP"),
];

/// Dollars named by a prefix (`US$`, `A$`).
const DOLLARS: [(&str, &[u8; 3]); 10] = [
    ("US", b"USD"),
    ("A", b"AUD"),
    ("AU", b"AUD"),
    ("C", b"CAD"),
    ("CA", b"CAD"),
    ("NZ", b"NZD"),
    ("HK", b"HKD"),
    ("S", b"SGD"),
    ("SG", b"SGD"),
    ("R", b"BRL"),
];

fn code(w: &str) -> Option<Currency> {
    let b: [u8; 3] = w.as_bytes().try_into().ok()?;
    if !b.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    CODES
        .as_bytes()
        .chunks(4)
        .any(|c| c[..3] == b)
        .then_some(Currency(b))
}

fn symbol(ch: char) -> Option<Currency> {
    SYMBOLS
        .iter()
        .find(|(s, _)| *s == ch)
        .map(|(_, c)| Currency(**c))
}

/// A currency code, symbol or prefixed dollar sign at the cursor.
pub(super) fn currency(c: &mut Cursor) -> Option<Currency> {
    c.ahead();
    let mut d = *c;
    let t = d.bump()?;
    let s = d.str(t);
    let found = match t.kind {
        Kind::Punct => symbol(s.chars().next()?),
        Kind::Word => match code(s) {
            Some(cur) => Some(cur),
            None => {
                let (_, cur) = DOLLARS.iter().find(|(p, _)| *p == s)?;
                d.punct(&['$'], true)?;
                Some(Currency(**cur))
            }
        },
        Kind::Digits => None,
    }?;
    *c = d;
    Some(found)
}
