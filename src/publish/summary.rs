//! Where a case stands in one phrase, for the index and the case page: the standing of its
//! newest certificate, or how far the application has come.

use crate::check::standing;
use crate::load::case::{AuditKind, Outcome};
use crate::load::{Case, Date};

pub struct Summary {
    /// In words (Chinese, as the body's staff read it).
    pub status: String,
    /// The CSS class: a standing's key, or `pending` / `refused`.
    pub class: &'static str,
}

pub fn of(case: &Case, as_of: Date) -> Summary {
    let newest = standing::numbers(case)
        .into_iter()
        .rev()
        .find_map(|n| standing::on(case, n, as_of).map(|s| (n, s)));
    if let Some((number, s)) = newest {
        return Summary {
            status: format!("{number} {}", s.words()),
            class: s.key(),
        };
    }
    if case
        .decisions
        .iter()
        .any(|d| d.outcome.value == Outcome::Refuse)
    {
        return Summary {
            status: "不予认证".into(),
            class: "refused",
        };
    }
    let last = case
        .audits
        .iter()
        .filter(|a| a.start.value <= as_of)
        .max_by_key(|a| a.start.value);
    let status = match last {
        Some(a) if a.termination.is_some() => format!("审核 {} 已终止", a.id.value),
        Some(a) if a.kind.value == AuditKind::Stage1 => format!("第一阶段审核 {} 后", a.id.value),
        Some(a) => format!("{} 审核 {} 后，待认证决定", a.kind.value.name(), a.id.value),
        None if case.application.accepted.value => "已受理，待审核".into(),
        None => "申请未受理".into(),
    };
    Summary {
        status,
        class: "pending",
    }
}
