//! 审核时间确定记录 (B.6): the calculation step by step, with the same arithmetic the
//! audit-time rules check (`check::audit_time`), so the record and the check agree.

use serde::Serialize;

use super::view::{AuditView, SiteView};
use super::{Writer, words};
use crate::check::audit_time::{effective_personnel, initial, risk_adjustment, table_value};
use crate::load::case::{Audit, AuditKind};

/// 审核时间确定记录's own content.
#[derive(Debug, Clone, Serialize)]
pub struct TimeView {
    pub audit: AuditView,
    /// Who approves the audit time: the body's programme manager.
    pub manager: String,
    /// The personnel as the application declared them.
    pub declared: String,
    pub stages: Vec<StageTime>,
    pub site_time: Vec<SiteTime>,
    pub combined: Option<CombinedView>,
    pub full_time: u32,
    pub part_time: String,
    pub shifts: u32,
    pub effective: u32,
    pub band: String,
    pub table_mandays: String,
    pub risk: String,
    pub risk_applies: bool,
    pub risk_adjustment: String,
    pub adjusted: String,
    pub reductions: Vec<ReductionRow>,
    pub reduced: String,
    pub initial_total: String,
    pub is_initial: bool,
    pub share: String,
    pub offsite_mandays: String,
    pub onsite_min: String,
    pub follow_up: Option<FollowUp>,
    /// A special audit (or a surveillance without a minimum to state): why its time is what
    /// it is, in place of the minimum of step 5.
    pub special: Option<String>,
    pub counted: usize,
    pub excluded: usize,
    pub excluded_names: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StageTime {
    pub kind: String,
    pub mandays: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SiteTime {
    pub site: SiteView,
    pub mandays: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReductionRow {
    pub percent: String,
    pub reason: String,
}

/// A surveillance or recertification minimum, from the initial audit time.
#[derive(Debug, Clone, Serialize)]
pub struct FollowUp {
    pub formula: String,
    /// What the base is: the initial audit time, or the table at the current personnel.
    pub basis: String,
    pub base: String,
    pub minimum: String,
}

/// A combined audit's time against the times of its systems alone.
#[derive(Debug, Clone, Serialize)]
pub struct CombinedView {
    pub total: String,
    pub others: Vec<OtherSystem>,
    pub sum: String,
    pub share: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OtherSystem {
    pub standard: String,
    pub mandays: String,
}

pub(crate) fn make(w: &mut Writer, a: &Audit) -> TimeView {
    let case = w.case;
    let scheme = w.scheme;
    let audit = w.audit(a);
    let p = &case.client.personnel;
    // The inputs of the calculation are what this record shows.
    w.v(&p.full_time);
    if let Some(x) = &p.part_time_equivalent {
        w.v(x);
    }
    if let Some(x) = &p.shifts {
        w.v(x);
    }
    let risk_class = *w.v(&case.client.risk);
    let table = &scheme.audit_time.table;
    for b in table {
        w.scheme_v(&b.up_to);
        w.scheme_v(&b.mandays);
    }
    w.scheme_v(&scheme.audit_time.extrapolation.ratio);
    let people = effective_personnel(case);
    let band = table.iter().position(|b| people <= b.up_to.value);
    let band_text = match band {
        Some(0) => format!("1–{} 人", table[0].up_to.value),
        Some(i) => format!(
            "{}–{} 人",
            table[i - 1].up_to.value + 1,
            table[i].up_to.value
        ),
        None => format!(
            "超过 {} 人，按每增加至 {} 倍人数递增 1 人日外推",
            table.last().map_or(0, |b| b.up_to.value),
            scheme.audit_time.extrapolation.ratio.value
        ),
    };
    let table_md = table_value(scheme, people).map(|(m, _)| m);
    let risk = risk_adjustment(case, scheme);
    let adjusted = table_md.map(|m| m * (1.0 + risk));
    let mut reductions = Vec::new();
    let mut reduced = 0.0;
    for r in &a.reductions {
        let percent = *w.v(&r.percent);
        reduced += percent;
        reductions.push(ReductionRow {
            percent: words::percent(percent / 100.0),
            reason: w.opt("reductions.reason", r.reason.as_ref()),
        });
    }
    use crate::check::rules::{onsite_ratio, recertification_time, surveillance_time};
    use crate::check::scheme_params;
    let onsite_min =
        scheme_params::<onsite_ratio::Params>(scheme, &onsite_ratio::RULE).map(|p| p.min.get());
    let share = if a.mandays.value > 0.0 {
        a.onsite_mandays.value / a.mandays.value
    } else {
        0.0
    };
    let initial_total = initial(case).map(|(t, _)| t);
    let (base_label, minimum) = match a.kind.value {
        AuditKind::Surveillance => (
            "监督审核最低审核时间 = 基准审核时间 × ",
            scheme_params::<surveillance_time::Params>(scheme, &surveillance_time::RULE)
                .map(|p| p.min.get()),
        ),
        AuditKind::Recertification => (
            "再认证审核最低审核时间 = 基准审核时间 × ",
            scheme_params::<recertification_time::Params>(scheme, &recertification_time::RULE)
                .map(|p| p.min.get()),
        ),
        _ => ("", None),
    };
    // The base the rules measure the minimum against: the initial audit time in the first
    // cycle; the table at the current personnel for a recertification, after a renewal, or
    // without an initial audit on file (surveillance-time, recertification-time).
    let renewed = crate::check::cycle::cycles(case)
        .iter()
        .any(|c| c.renewal && c.surveillances.iter().any(|s| s.id.value == a.id.value));
    let from_table = a.kind.value == AuditKind::Recertification || renewed;
    let base = match (from_table, initial_total) {
        (false, Some(init)) => {
            for s in case
                .audits
                .iter()
                .filter(|s| matches!(s.kind.value, AuditKind::Stage1 | AuditKind::Stage2))
            {
                w.v(&s.mandays);
            }
            Some((init, "初次认证审核时间"))
        }
        _ => table_md.map(|t| (t, "按现行有效人数确定的附录A审核时间")),
    };
    // A special audit has no minimum of its own: its time follows its purpose and scope.
    let special = (a.kind.value == AuditKind::Special).then(|| {
        let why = a
            .purpose
            .as_ref()
            .map(|p| words::purpose(*w.v(p)))
            .unwrap_or("特殊审核");
        format!(
            "特殊审核（{why}）：审核时间按审核目的及所涉及的范围、场所和过程确定，认证规则未规定其最低审核时间。"
        )
    });
    let follow_up = match (minimum, base) {
        (Some(f), Some((base, basis))) => Some(FollowUp {
            formula: format!("{base_label}{}", words::percent(f)),
            basis: basis.to_string(),
            base: words::mandays(base),
            minimum: words::mandays(base * f),
        }),
        _ => None,
    };
    let counted = a.team.iter().filter(|m| m.role.value.counts()).count();
    let excluded = a.team.len() - counted;
    // Who does not count, by name and role, as the team has them.
    let mut excluded_names = Vec::new();
    for m in a.team.iter().filter(|m| !m.role.value.counts()) {
        let name = w.name(&m.person);
        excluded_names.push(format!("{name}（{}）", words::team_role(m.role.value)));
    }
    // Where the headcount comes from: the application, then stage 1's confirmation.
    let declared = case.application.personnel.as_ref().map(|d| {
        let full = *w.v(&d.full_time);
        let part = d.part_time_equivalent.as_ref().map(|x| *w.v(x));
        match part {
            Some(x) if x > 0.0 => format!("全职{full}人，折算{}人", words::mandays(x)),
            _ => format!("全职{full}人"),
        }
    });
    // The initial audit's stages, each with its time, when this is one of them.
    let mut stages = Vec::new();
    if matches!(a.kind.value, AuditKind::Stage1 | AuditKind::Stage2) {
        for s in case
            .audits
            .iter()
            .filter(|s| matches!(s.kind.value, AuditKind::Stage1 | AuditKind::Stage2))
        {
            stages.push(StageTime {
                kind: words::audit_kind(*w.v(&s.kind)).to_string(),
                mandays: words::mandays(*w.v(&s.mandays)),
            });
        }
    }
    let mut site_time = Vec::new();
    for id in &a.sites {
        let site = w.site(id);
        let spent = a
            .site_mandays
            .iter()
            .find(|(k, _)| k.value == id.value)
            .map(|(_, m)| words::mandays(*w.v(m)))
            // One site visited: all the on-site time is spent there.
            .or_else(|| (a.sites.len() == 1).then(|| words::mandays(a.onsite_mandays.value)));
        site_time.push(SiteTime {
            site,
            mandays: spent.unwrap_or_default(),
        });
    }
    let manager = w.staff_with(crate::load::body::StaffRole::ProgrammeManager);
    TimeView {
        manager,
        declared: declared.unwrap_or_default(),
        stages,
        site_time,
        combined: combined(w, a),
        audit,
        full_time: p.full_time.value,
        part_time: p
            .part_time_equivalent
            .as_ref()
            .map_or("0".to_string(), |x| words::mandays(x.value)),
        shifts: p.shifts.as_ref().map_or(1, |s| s.value),
        effective: people,
        band: band_text,
        table_mandays: table_md.map(words::mandays).unwrap_or_default(),
        risk: words::risk(risk_class).to_string(),
        // A scheme without a risk percentage names risk as a factor only.
        risk_applies: scheme.audit_time.risk.is_some(),
        risk_adjustment: format!(
            "{}{}",
            if risk > 0.0 { "+" } else { "" },
            words::percent(risk)
        ),
        adjusted: adjusted.map(words::mandays).unwrap_or_default(),
        reductions,
        reduced: words::percent(reduced / 100.0),
        initial_total: initial_total.map(words::mandays).unwrap_or_default(),
        is_initial: matches!(a.kind.value, AuditKind::Stage1 | AuditKind::Stage2),
        share: words::percent(share),
        offsite_mandays: words::mandays(a.mandays.value - a.onsite_mandays.value),
        onsite_min: onsite_min.map(words::percent).unwrap_or_default(),
        special,
        follow_up,
        counted,
        excluded,
        excluded_names: excluded_names.join("、"),
    }
}

/// A combined audit's time: the total, each other system's own time, and the sum of the
/// times alone that the total is measured against.
pub(crate) fn combined(w: &mut Writer, a: &Audit) -> Option<CombinedView> {
    let c = a.combined.as_ref()?;
    let mut sum = *w.v(&a.mandays);
    let mut others = Vec::new();
    for o in &c.others {
        let m = *w.v(&o.mandays);
        sum += m;
        others.push(OtherSystem {
            standard: w.text("combined.others.standard", &o.standard),
            mandays: words::mandays(m),
        });
    }
    let total = *w.v(&c.total);
    Some(CombinedView {
        total: words::mandays(total),
        others,
        sum: words::mandays(sum),
        share: words::percent(if sum > 0.0 { total / sum } else { 0.0 }),
    })
}
