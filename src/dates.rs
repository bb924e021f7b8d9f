//! Date arithmetic exactly as `rules.md` "Counting conventions" decides. Every rule uses
//! these functions; none does its own month arithmetic.
//!
//! - `N 个月`: calendar months; a day that does not exist clamps to the month's end
//!   (2026-08-31 + 6 months = 2027-02-28).
//! - `N 日`: calendar days. `N 个工作日`: working days of `rules/calendar.yaml`.
//! - "within N after X" is inclusive: `event ≤ X + N`.
//! - Certificate expiry: the day before the N-th anniversary (2024-02-29 → 2027-02-28).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::load::{Calendar, Date};

/// `d` plus `n` calendar months, clamped to the month's end.
pub fn add_months(d: Date, n: u32) -> Date {
    // chrono clamps to the last day of the target month, which is the convention.
    Date(
        d.0.checked_add_months(Months::new(n))
            .unwrap_or(NaiveDate::MAX),
    )
}

/// `d` minus `n` calendar months, clamped to the month's end.
pub fn sub_months(d: Date, n: u32) -> Date {
    Date(
        d.0.checked_sub_months(Months::new(n))
            .unwrap_or(NaiveDate::MIN),
    )
}

pub fn add_days(d: Date, n: i64) -> Date {
    let r = if n >= 0 {
        d.0.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.0.checked_sub_days(Days::new(n.unsigned_abs()))
    };
    Date(r.unwrap_or(if n >= 0 {
        NaiveDate::MAX
    } else {
        NaiveDate::MIN
    }))
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    (b.0 - a.0).num_days()
}

/// The `years`-th anniversary of a date. The anniversary of 29 February in a common year
/// is 1 March: the day of the year it stands for does not exist, so the period runs to
/// its end (2024-02-29 → 2027-03-01).
pub fn anniversary(d: Date, years: u32) -> Date {
    let y =
        d.0.year()
            .saturating_add(i32::try_from(years).unwrap_or(i32::MAX));
    match NaiveDate::from_ymd_opt(y, d.0.month(), d.0.day()) {
        Some(x) => Date(x),
        None => Date(NaiveDate::from_ymd_opt(y, 3, 1).unwrap_or(NaiveDate::MAX)),
    }
}

/// The last day of validity of a certificate issued on `issued` for `years` years: the day
/// before the anniversary (2026-04-22 → 2029-04-21; 2024-02-29 → 2027-02-28;
/// 2025-03-01 → 2028-02-29).
pub fn expiry(issued: Date, years: u32) -> Date {
    add_days(anniversary(issued, years), -1)
}

/// The 10th (or another day) of the month after `d`.
pub fn day_of_next_month(d: Date, day: u32) -> Date {
    let first = d.0.with_day(1).unwrap_or(d.0);
    let next = add_months(Date(first), 1).0;
    Date(next.with_day(day).unwrap_or(next))
}

/// Whether `d` is a working day, and whether the calendar knows its year.
pub fn is_working_day(cal: &Calendar, d: Date) -> (bool, bool) {
    let weekday = !matches!(d.0.weekday(), Weekday::Sat | Weekday::Sun);
    match cal.years.get(&d.0.year()) {
        Some(y) => (
            !y.holidays.contains(&d) && (weekday || y.workdays.contains(&d)),
            true,
        ),
        None => (weekday, false),
    }
}

/// The `n`-th working day after `d` (`d` itself not counted), and the years the calendar
/// did not cover on the way (counted Monday to Friday).
pub fn add_working_days(cal: &Calendar, d: Date, n: u32) -> (Date, Vec<i32>) {
    let mut missing = Vec::new();
    let mut day = d;
    let mut left = n;
    while left > 0 {
        day = add_days(day, 1);
        let (working, known) = is_working_day(cal, day);
        if !known && !missing.contains(&day.0.year()) {
            missing.push(day.0.year());
        }
        if working {
            left -= 1;
        }
        if day.0 == NaiveDate::MAX {
            break;
        }
    }
    (day, missing)
}

/// Whole calendar months from `a` to `b`: the largest `m` with `a + m months ≤ b`.
pub fn months_between(a: Date, b: Date) -> u32 {
    let mut m = 0;
    while m < 12_000 && add_months(a, m + 1) <= b {
        m += 1;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::calendar::Year;
    use proptest::prelude::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn months_clamp_to_the_month_end() {
        assert_eq!(add_months(d("2026-08-31"), 6), d("2027-02-28"));
        assert_eq!(add_months(d("2027-08-31"), 6), d("2028-02-29"));
        assert_eq!(add_months(d("2026-01-31"), 1), d("2026-02-28"));
        assert_eq!(add_months(d("2026-03-19"), 6), d("2026-09-19"));
        assert_eq!(sub_months(d("2026-03-31"), 1), d("2026-02-28"));
    }

    #[test]
    fn expiry_is_the_day_before_the_anniversary() {
        assert_eq!(expiry(d("2026-04-22"), 3), d("2029-04-21"));
        assert_eq!(expiry(d("2024-02-29"), 3), d("2027-02-28"));
        assert_eq!(expiry(d("2024-03-01"), 3), d("2027-02-28"));
        assert_eq!(expiry(d("2025-01-01"), 3), d("2027-12-31"));
        assert_eq!(expiry(d("2025-03-01"), 3), d("2028-02-29"));
        assert_eq!(expiry(d("2024-02-29"), 4), d("2028-02-28"));
    }

    #[test]
    fn next_month_tenth() {
        assert_eq!(day_of_next_month(d("2026-12-15"), 10), d("2027-01-10"));
        assert_eq!(day_of_next_month(d("2026-01-31"), 10), d("2026-02-10"));
    }

    #[test]
    fn working_days_follow_the_official_calendar() {
        let mut cal = Calendar::default();
        let mut y = Year::default();
        // 2026 National Day: Oct 1-8 off, Sep 20 (Sun) and Oct 10 (Sat) worked.
        for day in 1..=8 {
            y.holidays.insert(Date::ymd(2026, 10, day).unwrap());
        }
        y.workdays.insert(d("2026-10-10"));
        cal.years.insert(2026, y);
        // From Wed 2026-09-30: Oct 9 (Fri), Oct 10 (Sat, worked), Oct 12, 13, 14.
        let (end, missing) = add_working_days(&cal, d("2026-09-30"), 5);
        assert_eq!(end, d("2026-10-14"));
        assert!(missing.is_empty());
        let (end, missing) = add_working_days(&cal, d("2030-01-04"), 1);
        assert_eq!(end, d("2030-01-07"));
        assert_eq!(missing, vec![2030]);
    }

    #[test]
    fn whole_months_between() {
        assert_eq!(months_between(d("2025-10-20"), d("2026-02-02")), 3);
        assert_eq!(months_between(d("2025-10-20"), d("2026-01-19")), 2);
        assert_eq!(months_between(d("2026-08-31"), d("2027-02-28")), 6);
    }

    /// Day-by-day reference for `add_months`: walk forward one day at a time, counting
    /// month boundaries; stop on the same day number, or on the month's last day when the
    /// month is too short.
    fn reference_add_months(start: NaiveDate, n: u32) -> NaiveDate {
        let mut day = start;
        let mut crossed = 0;
        loop {
            if crossed == n {
                let last = day.succ_opt().is_none_or(|x| x.month() != day.month());
                if day.day() == start.day() || (last && day.day() < start.day()) {
                    return day;
                }
            }
            let next = day.succ_opt().unwrap();
            if next.month() != day.month() {
                crossed += 1;
            }
            day = next;
        }
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        // Month ends and 29 February are drawn often on purpose.
        prop_oneof![
            (1990i32..2060, 1u32..=12, 1u32..=31).prop_filter_map("valid date", |(y, m, d)| {
                NaiveDate::from_ymd_opt(y, m, d)
            }),
            (1990i32..2060, 1u32..=12).prop_map(|(y, m)| {
                let first_next = NaiveDate::from_ymd_opt(y, m, 1).unwrap() + Months::new(1);
                first_next.pred_opt().unwrap()
            }),
            (1990i32..2060).prop_filter_map("leap day", |y| NaiveDate::from_ymd_opt(y, 2, 29)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn add_months_agrees_with_a_day_by_day_reference(start in any_date(), n in 0u32..40) {
            prop_assert_eq!(add_months(Date(start), n).0, reference_add_months(start, n));
        }

        #[test]
        fn a_deadline_is_met_exactly_up_to_its_last_day(start in any_date(), n in 1u32..40, k in -3i64..4) {
            let deadline = add_months(Date(start), n);
            let event = add_days(deadline, k);
            // "within n months after start" is inclusive: met iff the event is on or before.
            prop_assert_eq!(event <= deadline, k <= 0);
            prop_assert!(months_between(Date(start), deadline) >= n);
            prop_assert_eq!(months_between(Date(start), add_days(deadline, -1)) < n, true);
        }

        #[test]
        fn expiry_is_one_day_short_of_the_years(start in any_date(), years in 1u32..6) {
            let e = expiry(Date(start), years);
            let next = add_days(e, 1).0;
            prop_assert_eq!(next.year(), start.year() + years as i32);
            if start.month() == 2 && start.day() == 29 && next.month() == 3 {
                prop_assert_eq!(next.day(), 1);
                prop_assert!(NaiveDate::from_ymd_opt(next.year(), 2, 29).is_none());
            } else {
                prop_assert_eq!((next.month(), next.day()), (start.month(), start.day()));
            }
        }

        #[test]
        fn working_days_count_exactly(start in any_date(), n in 0u32..40) {
            let cal = Calendar::default();
            let (end, _) = add_working_days(&cal, Date(start), n);
            let mut count = 0;
            let mut day = Date(start);
            while day < end {
                day = add_days(day, 1);
                if is_working_day(&cal, day).0 { count += 1; }
            }
            prop_assert_eq!(count, n);
            prop_assert!(n == 0 || is_working_day(&cal, end).0);
        }
    }
}
