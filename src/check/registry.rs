//! The rule table: every rule certdoc knows, in the order of `rules.md`.

use super::rule::Rule;
use super::rules;

pub static RULES: &[&Rule] = &[
    &rules::schema::RULE,
    &rules::duplicate_id::RULE,
    &rules::duplicate_id::ACROSS_CASES,
    &rules::unknown_reference::RULE,
    &rules::date_order::RULE,
    &rules::credit_code::RULE,
    &rules::system_running::RULE,
    &rules::audit_time_reduction::RULE,
    &rules::onsite_ratio::RULE,
    &rules::half_man_day::RULE,
    &rules::team_leader::RULE,
    &rules::expert_role::RULE,
    &rules::team_no_trainee::RULE,
    &rules::plan_confirmed::RULE,
    &rules::plan_reported::RULE,
    &rules::stage_gap::RULE,
    &rules::nc_clause::RULE,
    &rules::nc_raised_by_auditor::RULE,
    &rules::decision_maker_independent::RULE,
    &rules::decision_maker_qualified::RULE,
    &rules::decision_approval::RULE,
    &rules::certificate_issue_date::RULE,
    &rules::certificate_validity::RULE,
    &rules::surveillance_due::FIRST,
    &rules::surveillance_due::SECOND,
    &rules::surveillance_interval::RULE,
    &rules::deadline_after_trigger::SUSPENSION,
    &rules::suspension_period::RULE,
    &rules::deadline_after_trigger::WITHDRAWAL,
    &rules::appeal_response::RULE,
];

/// Rule ids of `rules.md` whose checks are not written yet. A scheme file may already
/// configure them (their parameters and citations are data); they run once implemented.
pub static PLANNED: &[&str] = &[
    "applicant-eligible",
    "audit-onsite",
    "audit-time-reason",
    "audit-time-risk",
    "auditor-qualified",
    "certificate-number",
    "certificate-reissue",
    "contract-before-audit",
    "cooling-off",
    "counted-man-days",
    "decision-basis",
    "decision-deadline",
    "decision-nc-closed",
    "licence-valid",
    "major-nc-verification-deadline",
    "minor-nc-plan",
    "nc-client-confirmed",
    "nc-verifier",
    "non-acceptance-notice",
    "plan-agenda",
    "plan-required",
    "previous-certificate-wait",
    "recert-before-expiry",
    "recert-decision-deadline",
    "recertification-time",
    "record-number-unique",
    "report-conclusion",
    "report-delivery",
    "report-required",
    "results-reported",
    "revision-required",
    "revision-sequence",
    "site-coverage",
    "site-rotation",
    "stage1-offsite-reason",
    "stage1-ready",
    "stage1-required",
    "surveillance-calendar-year",
    "surveillance-overdue",
    "surveillance-time",
    "suspension-resolution",
    "team-competence",
    "team-full-time-auditor",
    "top-management-attendance",
];

/// The documented rules, one per id (a rule may have several check functions).
pub fn documented() -> impl Iterator<Item = &'static Rule> {
    RULES.iter().copied().filter(|r| !r.docs.is_empty())
}

pub fn find(id: &str) -> Option<&'static Rule> {
    documented().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_and_documented() {
        let mut seen = HashSet::new();
        for r in documented() {
            assert!(seen.insert(r.id), "{} twice", r.id);
            assert!(!r.summary.is_empty() && !r.example.is_empty(), "{}", r.id);
            assert!(
                r.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{}",
                r.id
            );
        }
        for r in RULES {
            assert!(find(r.id).is_some(), "{} has no documented entry", r.id);
        }
    }
}
