//! Recognising the date line of a captured page (`2025-12-11`, `5 Jul, 2025 21:37`, …).

use explorer_core::PartialDate;

/// What a date line says: the date and, for `2021-12-10 | Outlet`, the outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    /// The day the line names.
    pub date: PartialDate,
    /// The outlet named after a `|`, if any.
    pub outlet: Option<String>,
}

/// Reads a line that is only a date, in one of the forms pages print:
/// `YYYY-MM-DD`, `D Mon, YYYY`, `D Month YYYY`, `Month D, YYYY` (optionally after a
/// weekday and before a time such as `21:37` or `9:05 PM GMT`), or `YYYY-MM-DD | Outlet`.
/// Anything else (a sentence that merely contains a date) is not a date line.
pub fn parse_date_line(line: &str) -> Option<DateLine> {
    let (date_part, outlet) = match line.split_once('|') {
        Some((left, right)) => {
            let right = right.trim();
            if right.is_empty() || right.split_whitespace().count() > 8 {
                return None;
            }
            (left, Some(right.to_string()))
        }
        None => (line, None),
    };
    let mut words: Vec<&str> =
        date_part.split_whitespace().map(|w| w.trim_matches(',')).filter(|w| !w.is_empty()).collect();
    strip_time(&mut words);
    if words.first().is_some_and(|w| is_weekday(w)) {
        words.remove(0);
    }
    let date = match words.as_slice() {
        [iso] => parse_iso(iso)?,
        [a, b, c] => parse_day_month_year(a, b, c).or_else(|| parse_day_month_year(b, a, c))?,
        _ => return None,
    };
    Some(DateLine { date, outlet })
}

/// `2025-12-11`, also the date part of `2025-12-11T10:00:00Z`.
fn parse_iso(word: &str) -> Option<PartialDate> {
    let day = match word.split_once('T') {
        Some((day, _)) => day,
        None => word,
    };
    if day.len() != 10 {
        return None;
    }
    PartialDate::parse(day).ok()
}

/// `5 Jul 2025` (day, month name, year), day suffixes like `5th` allowed.
fn parse_day_month_year(day: &str, month: &str, year: &str) -> Option<PartialDate> {
    let day = day.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    if day.is_empty() || day.len() > 2 || !day.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month = PartialDate::month_from_name(month)?;
    PartialDate::ymd(year.parse().ok()?, month, day.parse().ok()?)
}

/// Removes a trailing clock time (`21:37`, `9:05 PM`, `21:37 GMT`) from the words.
fn strip_time(words: &mut Vec<&str>) {
    let is_suffix = |w: &str| {
        let lower = w.to_ascii_lowercase();
        lower == "am" || lower == "pm" || (w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()))
    };
    if words.len() >= 2 && is_suffix(words[words.len() - 1]) && is_clock(words[words.len() - 2]) {
        words.truncate(words.len() - 2);
    } else if words.last().is_some_and(|w| is_clock(w)) {
        words.pop();
    }
}

/// `21:37`, `9:05`, `21:37:05`.
pub fn is_clock(word: &str) -> bool {
    let parts: Vec<&str> = word.split(':').collect();
    (2..=3).contains(&parts.len())
        && !parts[0].is_empty()
        && parts[0].len() <= 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && parts[1..].iter().all(|p| p.len() == 2)
}

fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    lower.len() >= 3 && DAYS.iter().any(|d| d.starts_with(&lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(line: &str) -> Option<String> {
        parse_date_line(line).map(|d| d.date.to_string())
    }

    #[test]
    fn iso_dates() {
        assert_eq!(date("2025-12-11").as_deref(), Some("2025-12-11"));
        assert_eq!(date("2025-12-11T08:00:00Z").as_deref(), Some("2025-12-11"));
        assert_eq!(date("2025-02-30"), None);
        assert_eq!(date("2022"), None, "a bare year is too weak to be a date line");
    }

    #[test]
    fn day_month_year_with_time() {
        assert_eq!(date("5 Jul, 2025 21:37").as_deref(), Some("2025-07-05"));
        assert_eq!(date("5 July 2025").as_deref(), Some("2025-07-05"));
        assert_eq!(date("Saturday, 5th July 2025 9:05 PM").as_deref(), Some("2025-07-05"));
    }

    #[test]
    fn month_day_year() {
        assert_eq!(date("July 5, 2025").as_deref(), Some("2025-07-05"));
        assert_eq!(date("Sept. 30, 2022").as_deref(), Some("2022-09-30"));
        assert_eq!(date("Jul 5, 2025 21:37 GMT").as_deref(), Some("2025-07-05"));
    }

    #[test]
    fn iso_with_outlet() {
        let d = parse_date_line("2021-12-10 | Emancipation").unwrap();
        assert_eq!(d.date.to_string(), "2021-12-10");
        assert_eq!(d.outlet.as_deref(), Some("Emancipation"));
    }

    #[test]
    fn sentences_are_not_date_lines() {
        assert_eq!(date("On Oct. 9, 2022, Director of the Russian Foreign Ministry said"), None);
        assert_eq!(date("In 1999, the treaty was signed."), None);
        assert_eq!(date("Coup in Russia, August 1991"), None);
        assert_eq!(date("0:00"), None);
    }

    #[test]
    fn clocks() {
        assert!(is_clock("0:00") && is_clock("24:55") && is_clock("1:02:03"));
        assert!(!is_clock("2.0") && !is_clock("123:00") && !is_clock("1:2") && !is_clock(":00"));
    }
}
