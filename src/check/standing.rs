//! Where a certificate stands on a day: valid, suspended, withdrawn, cancelled, expired,
//! or valid with a reduced scope. One reading of the decisions, shared by the public
//! register, the register export and the internal index, so the three never disagree.

use serde::{Deserialize, Serialize};

use super::cycle;
use crate::load::case::{Certificate, Outcome};
use crate::load::{Case, Date};

/// A certificate's standing from a day on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Standing {
    Valid,
    /// A decision reduced the scope; the certificate stays valid for what is left.
    ScopeReduced {
        on: Date,
    },
    /// `until`: the end of the period the decision set, when it set one.
    Suspended {
        from: Date,
        until: Option<Date>,
    },
    Withdrawn {
        on: Date,
    },
    /// Cancelled at the client's request.
    Cancelled {
        on: Date,
    },
    /// Past its expiry date: `on` is the last day it was valid.
    Expired {
        on: Date,
    },
}

/// A change of standing, effective from `from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub from: Date,
    pub standing: Standing,
}

impl Standing {
    /// Withdrawn and cancelled certificates do not come back.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Standing::Withdrawn { .. } | Standing::Cancelled { .. }
        )
    }

    /// The status word of IAF CertSearch's upload template.
    pub fn certsearch(self) -> &'static str {
        match self {
            Standing::Valid | Standing::ScopeReduced { .. } => "Active",
            Standing::Suspended { .. } => "Suspended",
            Standing::Withdrawn { .. } => "Withdrawn",
            Standing::Cancelled { .. } => "Cancelled",
            Standing::Expired { .. } => "Expired",
        }
    }

    /// A short machine name: `valid`, `scope-reduced`, `suspended` …
    pub fn key(self) -> &'static str {
        match self {
            Standing::Valid => "valid",
            Standing::ScopeReduced { .. } => "scope-reduced",
            Standing::Suspended { .. } => "suspended",
            Standing::Withdrawn { .. } => "withdrawn",
            Standing::Cancelled { .. } => "cancelled",
            Standing::Expired { .. } => "expired",
        }
    }

    /// In words, as the public register prints it.
    pub fn words(self) -> String {
        match self {
            Standing::Valid => "有效".into(),
            Standing::ScopeReduced { on } => format!("有效（{on} 起缩小认证范围）"),
            Standing::Suspended {
                from,
                until: Some(until),
            } => format!("暂停（{from} 起，暂停期至 {until}）"),
            Standing::Suspended { from, until: None } => format!("暂停（{from} 起）"),
            Standing::Withdrawn { on } => format!("撤销（{on}）"),
            Standing::Cancelled { on } => format!("注销（{on}）"),
            Standing::Expired { on } => format!("过期（有效期至 {on}）"),
        }
    }
}

/// Every certificate number of a case, in the order first issued.
pub fn numbers(case: &Case) -> Vec<&str> {
    let mut firsts: Vec<&Certificate> = Vec::new();
    for c in &case.certificates {
        let number = c.number.trim();
        match firsts.iter_mut().find(|f| f.number.trim() == number) {
            Some(f) if c.issued.value < f.issued.value => *f = &c.value,
            Some(_) => {}
            None => firsts.push(&c.value),
        }
    }
    firsts.sort_by_key(|c| c.issued.value);
    firsts.into_iter().map(|c| c.number.trim()).collect()
}

/// The issues of certificate `number` (a re-issue keeps the number), first issue first.
pub fn issues<'a>(case: &'a Case, number: &str) -> Vec<&'a Certificate> {
    let mut all: Vec<&Certificate> = case
        .certificates
        .iter()
        .map(|c| &c.value)
        .filter(|c| c.number.trim() == number)
        .collect();
    all.sort_by_key(|c| c.issued.value);
    all
}

/// The history of certificate `number`: valid from its first issue, then each decision
/// taken on it, in order. A decision concerns the certificate in force on its date.
/// Expiry is not a change here: it depends on the day asked ([`on`]).
pub fn history(case: &Case, number: &str) -> Vec<Change> {
    let Some(first) = issues(case, number).first().copied() else {
        return Vec::new();
    };
    let mut out = vec![Change {
        from: first.issued.value,
        standing: Standing::Valid,
    }];
    let mut decisions: Vec<_> = case
        .decisions
        .iter()
        .filter(|d| d.date.value >= first.issued.value)
        .filter(|d| cycle::in_force(case, d.date.value).is_some_and(|c| c.number.trim() == number))
        .collect();
    decisions.sort_by_key(|d| d.date.value);
    for d in decisions {
        let Some(last) = out.last().map(|c| c.standing) else {
            break;
        };
        if last.is_final() {
            break;
        }
        let day = d.date.value;
        let next = match d.outcome.value {
            Outcome::Suspend => Standing::Suspended {
                from: day,
                until: d.until.as_ref().map(|u| u.value),
            },
            Outcome::Withdraw => Standing::Withdrawn { on: day },
            Outcome::Cancel => Standing::Cancelled { on: day },
            Outcome::ReduceScope => Standing::ScopeReduced { on: day },
            Outcome::Restore => match out.iter().rev().find_map(|c| match c.standing {
                Standing::ScopeReduced { on } => Some(on),
                _ => None,
            }) {
                Some(on) => Standing::ScopeReduced { on },
                None => Standing::Valid,
            },
            // A surveillance or scope extension keeps the standing it finds.
            _ => continue,
        };
        if next != last {
            out.push(Change {
                from: day,
                standing: next,
            });
        }
    }
    out
}

/// Where certificate `number` stands on `day`; none before its first issue.
pub fn on(case: &Case, number: &str, day: Date) -> Option<Standing> {
    let standing = history(case, number)
        .into_iter()
        .take_while(|c| c.from <= day)
        .last()?
        .standing;
    let expires = cycle_expiry(case, number, day)?;
    Some(if !standing.is_final() && day > expires {
        Standing::Expired { on: expires }
    } else {
        standing
    })
}

/// The expiry date of the latest issue of `number` by `day`.
pub fn cycle_expiry(case: &Case, number: &str, day: Date) -> Option<Date> {
    issues(case, number)
        .into_iter()
        .rfind(|c| c.issued.value <= day)
        .map(|c| c.expires.value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::case::DecisionKind;
    use crate::source::At;

    fn bundled(file: &str) -> Result<Case, Box<dyn std::error::Error>> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (loaded, _) = crate::load::load_case(root, &root.join(file), None)?;
        loaded
            .case
            .ok_or_else(|| format!("{file} did not load").into())
    }

    fn day(s: &str) -> Result<Date, Box<dyn std::error::Error>> {
        Ok(Date(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")?))
    }

    #[test]
    fn a_suspension_then_a_withdrawal_stays_withdrawn_past_expiry()
    -> Result<(), Box<dyn std::error::Error>> {
        let c = bundled("cases/2023/TB-CMS-2023-011.yaml")?;
        let n = "TB-CMS-2023-0011";
        assert_eq!(on(&c, n, day("2023-06-14")?), None);
        assert_eq!(on(&c, n, day("2023-06-15")?), Some(Standing::Valid));
        assert_eq!(
            on(&c, n, day("2025-06-01")?),
            Some(Standing::Suspended {
                from: day("2025-05-30")?,
                until: Some(day("2025-11-28")?)
            })
        );
        let withdrawn = Some(Standing::Withdrawn {
            on: day("2025-11-28")?,
        });
        assert_eq!(on(&c, n, day("2025-11-28")?), withdrawn);
        assert_eq!(on(&c, n, day("2030-01-01")?), withdrawn);
        Ok(())
    }

    #[test]
    fn a_restored_certificate_is_valid_until_it_expires() -> Result<(), Box<dyn std::error::Error>>
    {
        let c = bundled("cases/2024/HZL-TS-2024-017.yaml")?;
        let n = "HZL2025TS0017";
        assert!(matches!(
            on(&c, n, day("2026-01-01")?),
            Some(Standing::Suspended { .. })
        ));
        assert_eq!(on(&c, n, day("2026-02-24")?), Some(Standing::Valid));
        assert_eq!(on(&c, n, day("2028-03-04")?), Some(Standing::Valid));
        assert_eq!(
            on(&c, n, day("2028-03-05")?),
            Some(Standing::Expired {
                on: day("2028-03-04")?
            })
        );
        Ok(())
    }

    #[test]
    fn a_restoration_keeps_an_earlier_scope_reduction() -> Result<(), Box<dyn std::error::Error>> {
        let mut c = bundled("cases/2024/HZL-TS-2024-017.yaml")?;
        let mut reduce = c.decisions[0].clone();
        reduce.value.kind.value = DecisionKind::Special;
        reduce.value.outcome.value = Outcome::ReduceScope;
        reduce.value.date = At::new(day("2025-06-01")?, reduce.date.pos);
        c.decisions.insert(1, reduce);
        let n = "HZL2025TS0017";
        let reduced = Some(Standing::ScopeReduced {
            on: day("2025-06-01")?,
        });
        assert_eq!(on(&c, n, day("2025-07-01")?), reduced);
        assert_eq!(on(&c, n, day("2026-03-01")?), reduced);
        Ok(())
    }

    #[test]
    fn a_renewed_certificate_has_its_own_number_and_the_old_one_expires()
    -> Result<(), Box<dyn std::error::Error>> {
        let c = bundled("cases/2022/TB-CMS-2022-008.yaml")?;
        assert_eq!(numbers(&c), ["TB-CMS-2023-0008", "TB-CMS-2026-0002"]);
        assert!(matches!(
            on(&c, "TB-CMS-2023-0008", day("2026-12-02")?),
            Some(Standing::Expired { .. })
        ));
        assert_eq!(
            on(&c, "TB-CMS-2026-0002", day("2026-12-02")?),
            Some(Standing::Valid)
        );
        Ok(())
    }
}
