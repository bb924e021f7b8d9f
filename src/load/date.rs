//! Calendar dates as written in case files (ISO 8601, `YYYY-MM-DD`).

use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    pub fn parse(s: &str) -> Option<Self> {
        // Exactly YYYY-MM-DD: chrono alone would also take `2026-3-5`.
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        // By hand: chrono's format parser was a visible share of loading a case.
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        // Year 0000 is no year of the calendar the records use (1 BC in ISO 8601's
        // proleptic reckoning): always a typo.
        let year = i32::try_from(num(0..4)?).ok().filter(|y| *y > 0)?;
        NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?).map(Date)
    }

    /// Whether the year could be that of a certification record (see
    /// `formats::plausible_year`); case files are held to it, other inputs are not.
    pub fn year_is_plausible(&self) -> bool {
        u32::try_from(chrono::Datelike::year(&self.0)).is_ok_and(super::formats::plausible_year)
    }

    pub fn ymd(y: i32, m: u32, d: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(y, m, d).map(Date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Date::parse(s.trim()).ok_or_else(|| {
            de::Error::custom(format!(
                "`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2026-03-05"
            ))
        })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn only_exact_iso_dates() {
        assert_eq!(Date::parse("2024-02-29"), Date::ymd(2024, 2, 29));
        assert_eq!(Date::parse("2026-12-31"), Date::ymd(2026, 12, 31));
        assert_eq!(Date::parse("0001-01-01"), Date::ymd(1, 1, 1));
        assert_eq!(Date::parse("9999-12-31"), Date::ymd(9999, 12, 31));
        assert!(Date::parse("2026-03-05").is_some_and(|d| d.year_is_plausible()));
        assert!(Date::parse("0226-03-05").is_some_and(|d| !d.year_is_plausible()));
        for bad in [
            "2026-3-5",
            "2026-02-30",
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "+026-01-01",
            "2026-0a-01",
            "2026/01/01",
            "20260101",
            "2026-01-011",
            "",
            "２０２６-01-01",
            "0000-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }
}
