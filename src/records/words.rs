//! How the records say things in Chinese: dates, man-days, and the names of the case
//! format's enumerations as the rule documents write them.

use crate::load::Date;
use crate::load::body::Employment;
use crate::load::case::{
    AuditKind, AuditPurpose, Conclusion, DecisionKind, Grade, Outcome, Risk, TeamRole,
    VerificationMethod,
};

/// `2026年3月18日`, as the seeds' forms write dates.
pub fn date(d: Date) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", d.0.year(), d.0.month(), d.0.day())
}

/// A date range: `2026年3月18日至3月20日`, the year and month not repeated.
pub fn date_range(start: Date, end: Date) -> String {
    use chrono::Datelike;
    let (s, e) = (start.0, end.0);
    if s == e {
        date(start)
    } else if s.year() != e.year() {
        format!("{}至{}", date(start), date(end))
    } else if s.month() != e.month() {
        format!("{}至{}月{}日", date(start), e.month(), e.day())
    } else {
        format!("{}至{}日", date(start), e.day())
    }
}

/// Man-days without a trailing `.0`: `6`, `6.5`, `2.33`.
pub fn mandays(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    let s = format!("{r:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A ratio as a percentage: `0.8` → `80%`, `0.3333` → `33.3%`.
pub fn percent(x: f64) -> String {
    let p = (x * 1000.0).round() / 10.0;
    if (p - p.round()).abs() < 1e-9 {
        format!("{}%", p.round())
    } else {
        format!("{p:.1}%")
    }
}

pub fn audit_kind(k: AuditKind) -> &'static str {
    match k {
        AuditKind::Stage1 => "初次认证第一阶段审核",
        AuditKind::Stage2 => "初次认证第二阶段审核",
        AuditKind::Surveillance => "监督审核",
        AuditKind::Recertification => "再认证审核",
        AuditKind::Special => "特殊审核",
    }
}

/// What a special audit is for, or what a surveillance or recertification also does.
pub fn purpose(p: AuditPurpose) -> &'static str {
    match p {
        AuditPurpose::ScopeExtension => "扩大认证范围",
        AuditPurpose::Complaint => "投诉调查",
        AuditPurpose::Change => "获证组织变更",
        AuditPurpose::Restoration => "恢复认证",
        AuditPurpose::RegulatorNotice => "监管部门通报",
        AuditPurpose::RandomCheck => "不通知审核",
        AuditPurpose::RegulatorRequest => "监管部门要求",
    }
}

pub fn team_role(r: TeamRole) -> &'static str {
    match r {
        TeamRole::Leader => "审核组长",
        TeamRole::Auditor => "审核员",
        TeamRole::TechnicalExpert => "技术专家",
        TeamRole::Trainee => "实习审核员",
    }
}

pub fn employment(e: Employment) -> &'static str {
    match e {
        Employment::FullTime => "专职",
        Employment::PartTime => "兼职",
    }
}

pub fn grade(g: Grade) -> &'static str {
    match g {
        Grade::Major => "严重不符合",
        Grade::Minor => "一般不符合",
    }
}

pub fn method(m: VerificationMethod) -> &'static str {
    match m {
        VerificationMethod::Document => "文件验证",
        VerificationMethod::Onsite => "现场验证",
    }
}

pub fn risk(r: Risk) -> &'static str {
    match r {
        Risk::Low => "低",
        Risk::Medium => "中",
        Risk::High => "高",
    }
}

pub fn decision_kind(k: DecisionKind) -> &'static str {
    match k {
        DecisionKind::Initial => "初次认证",
        DecisionKind::Surveillance => "监督",
        DecisionKind::Recertification => "再认证",
        DecisionKind::Special => "特殊审核",
        DecisionKind::Suspension => "暂停",
        DecisionKind::Restoration => "恢复",
        DecisionKind::Withdrawal => "撤销",
        DecisionKind::Cancellation => "注销",
    }
}

pub fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::Grant => "批准认证注册，颁发认证证书",
        Outcome::Refuse => "不予认证注册",
        Outcome::Maintain => "保持认证注册资格",
        Outcome::Renew => "批准再认证，换发认证证书",
        Outcome::Suspend => "暂停认证证书",
        Outcome::Restore => "恢复认证证书",
        Outcome::Withdraw => "撤销认证证书",
        Outcome::ExtendScope => "批准扩大认证范围",
        Outcome::ReduceScope => "缩小认证范围",
        Outcome::Cancel => "注销认证证书",
    }
}

/// The team's recommendation in the words of the audit's kind: an initial audit recommends
/// registration, a surveillance keeping it, a recertification renewing it.
pub fn conclusion(kind: AuditKind, purpose: Option<AuditPurpose>, c: Conclusion) -> String {
    let what = match (kind, purpose) {
        (_, Some(AuditPurpose::Restoration)) => "恢复认证证书和认证标志的使用",
        (AuditKind::Special, Some(AuditPurpose::ScopeExtension)) => "扩大认证范围",
        (AuditKind::Stage1 | AuditKind::Stage2, _) => "认证注册",
        (AuditKind::Surveillance, _) => "保持认证注册资格",
        (AuditKind::Recertification, _) => "更新认证注册资格（再认证）",
        (AuditKind::Special, _) => "按特殊审核的目的作出相应的认证决定",
    };
    match c {
        Conclusion::Ready => "具备实施第二阶段审核的条件".into(),
        Conclusion::NotReady => "不具备实施第二阶段审核的条件".into(),
        Conclusion::Recommend => format!("推荐{what}"),
        Conclusion::RecommendAfterVerification => {
            format!("不符合项的纠正和纠正措施经验证有效后，推荐{what}")
        }
        Conclusion::NotRecommend => match kind {
            _ if purpose == Some(AuditPurpose::Restoration) => {
                format!("不推荐{what}，建议撤销认证证书")
            }
            AuditKind::Surveillance | AuditKind::Recertification => {
                format!("不推荐{what}，建议暂停或撤销认证证书")
            }
            _ => format!("不推荐{what}"),
        },
    }
}

/// A ground of suspension or withdrawal (the keys of the schemes' `grounds`), as a notice
/// states it; `None` for a key no scheme shipped uses.
pub fn ground(key: &str) -> Option<&'static str> {
    Some(match key {
        "nonconformity" => "管理体系持续或严重不满足认证要求",
        "legal-noncompliance" => "未遵守法律法规的要求",
        "penalty" => "受到有关部门的行政处罚",
        "major-incident" => "发生重大质量、安全或泄密等事故",
        "obstruction" => "拒绝、阻碍监督检查",
        "licence-expired" => "行政许可或资质证明失效",
        "licence-pending" => "行政许可或资质证明正在延续办理中",
        "surveillance-missed" => "未按规定的时间间隔接受监督审核",
        "misuse" => "不正确使用认证证书和认证标志",
        "contract-breach" => "违反认证合同的约定",
        "business-suspension-order" => "被有关部门责令停产停业整顿",
        "public-opinion" => "发生重大舆情事件",
        "voluntary" => "获证组织主动请求暂停",
        "major-nc-unverified" => "严重不符合项未在规定期限内完成纠正措施的验证",
        "legal-status-revoked" => "营业执照被吊销或注销",
        "dishonesty-list" => "被列入严重违法失信名单",
        "suspension-unresolved" => "暂停期满未能消除暂停原因",
        "system-not-running" => "管理体系停止运行",
        "false-information" => "提供虚假信息或材料",
        "spot-check-refused" => "拒绝接受监督抽查",
        "illegal-conduct" => "存在违法行为",
        "other" => "其他情形",
        _ => return None,
    })
}

/// Whether the audit achieved its objectives, as the report states it.
pub fn objectives_met(met: bool) -> &'static str {
    if met {
        "审核目的已实现。"
    } else {
        "审核目的未完全实现，见审核组结论。"
    }
}

/// Whether the audit achieved its objectives, as the team's conclusion implies it.
pub fn objectives_implied(c: Conclusion) -> &'static str {
    objectives_met(matches!(
        c,
        Conclusion::Ready | Conclusion::Recommend | Conclusion::RecommendAfterVerification
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_figures_read_as_on_the_forms() {
        let d = |s| Date::parse(s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!(date(d("2026-03-08")), "2026年3月8日");
        assert_eq!(
            date_range(d("2026-03-18"), d("2026-03-20")),
            "2026年3月18日至20日"
        );
        assert_eq!(
            date_range(d("2026-03-30"), d("2026-04-01")),
            "2026年3月30日至4月1日"
        );
        assert_eq!(
            date_range(d("2026-12-30"), d("2027-01-02")),
            "2026年12月30日至2027年1月2日"
        );
        assert_eq!(mandays(6.0), "6");
        assert_eq!(mandays(6.5), "6.5");
        assert_eq!(mandays(7.0 / 3.0), "2.33");
        assert_eq!(percent(0.8), "80%");
        assert_eq!(percent(1.0 / 3.0), "33.3%");
    }
}
