//! Partial calendar dates (`2022`, `2022-10`, `2025-12-11`) as the corpus knows them.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A date known to the year, the month or the day.
///
/// Ordered chronologically, a less precise date sorting before the more
/// precise dates it contains (`2022` < `2022-10` < `2022-10-09`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// Four-digit year.
    pub year: u16,
    /// Month 1–12, when known.
    pub month: Option<u8>,
    /// Day of the month, when known (only with a month).
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(s: &str) -> Result<PartialDate, String> {
        let s = s.trim();
        let parts: Vec<&str> = s.split('-').collect();
        let bad = || format!("'{s}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        if parts.is_empty() || parts.len() > 3 {
            return Err(bad());
        }
        let num = |p: &str, len: usize| -> Option<u32> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()
            } else {
                None
            }
        };
        let year = num(parts[0], 4).ok_or_else(bad)?;
        let month = match parts.get(1) {
            Some(p) => Some(num(p, 2).filter(|m| (1..=12).contains(m)).ok_or_else(bad)?),
            None => None,
        };
        let day = match parts.get(2) {
            Some(p) => {
                let d = num(p, 2).ok_or_else(bad)?;
                let max = days_in_month(year, month.unwrap_or(1));
                if d == 0 || d > max {
                    return Err(bad());
                }
                Some(d)
            }
            None => None,
        };
        Ok(PartialDate { year: year as u16, month: month.map(|m| m as u8), day: day.map(|d| d as u8) })
    }

    /// Builds a full date from numbers, checking that it exists.
    pub fn ymd(year: u16, month: u8, day: u8) -> Option<PartialDate> {
        if !(1..=12).contains(&month) || day == 0 || day as u32 > days_in_month(year as u32, month as u32) {
            return None;
        }
        Some(PartialDate { year, month: Some(month), day: Some(day) })
    }

    /// A short human label: `11 Dec 2025`, `Oct 2022` or `2022`.
    pub fn label(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }

    /// Month number (1–12) of an English month name or its three-letter abbreviation.
    pub fn month_from_name(name: &str) -> Option<u8> {
        let lower = name.trim_end_matches('.').to_ascii_lowercase();
        if lower.len() < 3 {
            return None;
        }
        const FULL: [&str; 12] = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        FULL.iter()
            .position(|f| {
                *f == lower || (lower.len() >= 3 && f.starts_with(&lower) && (lower.len() == 3 || lower == "sept"))
            })
            .map(|i| i as u8 + 1)
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
                29
            } else {
                28
            }
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(PartialDate::parse("2022").unwrap().to_string(), "2022");
        assert_eq!(PartialDate::parse("2022-10").unwrap().label(), "Oct 2022");
        assert_eq!(PartialDate::parse("2025-12-11").unwrap().label(), "11 Dec 2025");
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in ["", "22", "2022-13", "2022-02-30", "2023-02-29", "2022-1-1", "abcd", "2022-10-09-01"] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn orders_chronologically() {
        let a = PartialDate::parse("2022").unwrap();
        let b = PartialDate::parse("2022-10").unwrap();
        let c = PartialDate::parse("2022-10-09").unwrap();
        let d = PartialDate::parse("2021-12-31").unwrap();
        assert!(d < a && a < b && b < c);
    }

    #[test]
    fn month_names() {
        assert_eq!(PartialDate::month_from_name("Jul"), Some(7));
        assert_eq!(PartialDate::month_from_name("july"), Some(7));
        assert_eq!(PartialDate::month_from_name("Sept."), Some(9));
        assert_eq!(PartialDate::month_from_name("Ju"), None);
        assert_eq!(PartialDate::month_from_name("Julyx"), None);
    }
}
