//! The rule table: every rule certdoc knows, in the order of `rules.md`.

use super::rule::Rule;
use super::rules;

pub static RULES: &[&Rule] = &[
    &rules::schema::RULE,
    &rules::placeholder::RULE,
    &rules::duplicate_id::RULE,
    &rules::duplicate_id::ACROSS_CASES,
    &rules::unknown_reference::RULE,
    &rules::date_order::RULE,
    &rules::credit_code::RULE,
    &rules::system_running::RULE,
    &rules::applicant_eligible::RULE,
    &rules::previous_certificate_wait::RULE,
    &rules::non_acceptance_notice::RULE,
    &rules::application_review::RULE,
    &rules::application_documents::RULE,
    &rules::personnel_band_change::RULE,
    &rules::contract_before_audit::RULE,
    &rules::fee_payer::RULE,
    &rules::contract_signatory::RULE,
    &rules::contract_content::RULE,
    &rules::transfer_eligible::RULE,
    &rules::licence_valid::RULE,
    &rules::audit_time_reduction::RULE,
    &rules::audit_time_risk::RULE,
    &rules::audit_time_reason::RULE,
    &rules::onsite_ratio::RULE,
    &rules::surveillance_time::RULE,
    &rules::recertification_time::RULE,
    &rules::recertification_time_initial::RULE,
    &rules::half_man_day::RULE,
    &rules::counted_man_days::RULE,
    &rules::site_coverage::RULE,
    &rules::site_rotation::RULE,
    &rules::site_onsite_time::RULE,
    &rules::certificate_sites::RULE,
    &rules::team_leader::RULE,
    &rules::auditor_qualified::RULE,
    &rules::team_full_time_auditor::RULE,
    &rules::team_competence::RULE,
    &rules::team_no_trainee::RULE,
    &rules::expert_role::RULE,
    &rules::cooling_off::RULE,
    &rules::team_conflict_of_interest::RULE,
    &rules::team_change::RULE,
    &rules::plan_required::RULE,
    &rules::plan_confirmed::RULE,
    &rules::plan_reported::RULE,
    &rules::plan_agenda::RULE,
    &rules::plan_content::RULE,
    &rules::plan_change_agreed::RULE,
    &rules::shifts_audited::RULE,
    &rules::stage1_required::RULE,
    &rules::stage1_offsite_reason::RULE,
    &rules::stage_gap::RULE,
    &rules::stage1_ready::RULE,
    &rules::audit_onsite::RULE,
    &rules::top_management_attendance::RULE,
    &rules::top_management_interview::RULE,
    &rules::top_management_leadership::RULE,
    &rules::document_review::RULE,
    &rules::termination_required::RULE,
    &rules::meeting_records::SIGNIN,
    &rules::meeting_records::EVIDENCE,
    &rules::meeting_dates::RULE,
    &rules::meeting_team_present::RULE,
    &rules::top_management_delegation::RULE,
    &rules::nc_clause::RULE,
    &rules::nc_raised_by_auditor::RULE,
    &rules::nc_client_confirmed::RULE,
    &rules::major_nc_verification_deadline::RULE,
    &rules::minor_nc_plan::RULE,
    &rules::nc_verifier::RULE,
    &rules::nc_leader_review::RULE,
    &rules::nc_response_complete::RULE,
    &rules::minor_nc_followed_up::RULE,
    &rules::report_required::RULE,
    &rules::report_delivery::RULE,
    &rules::report_conclusion::RULE,
    &rules::report_content::RULE,
    &rules::decision_report_issued::RULE,
    &rules::report_findings::RULE,
    &rules::rule_version_unknown::RULE,
    &rules::combined_audit_time::RULE,
    &rules::termination_ground::RULE,
    &rules::termination_consent::RULE,
    &rules::termination_report::RULE,
    &rules::termination_no_decision::RULE,
    &rules::decision_maker_independent::RULE,
    &rules::decision_maker_qualified::RULE,
    &rules::decision_deadline::RULE,
    &rules::decision_nc_closed::RULE,
    &rules::decision_approval::RULE,
    &rules::decision_basis::RULE,
    &rules::decision_deviation_notice::RULE,
    &rules::refusal_notice::RULE,
    &rules::surveillance_decided::RULE,
    &rules::renewal_cycle_review::RULE,
    &rules::decision_eligibility::RULE,
    &rules::certificate_number::RULE,
    &rules::certificate_number::UNIQUE,
    &rules::certificate_issue_date::RULE,
    &rules::certificate_validity::RULE,
    &rules::certificate_reissue::RULE,
    &rules::certificate_data_confirmed::RULE,
    &rules::results_reported::RULE,
    &rules::results_report_overdue::RULE,
    &rules::surveillance_due::FIRST,
    &rules::surveillance_due::SECOND,
    &rules::surveillance_interval::RULE,
    &rules::surveillance_calendar_year::RULE,
    &rules::surveillance_overdue::RULE,
    &rules::clause_coverage::RULE,
    &rules::special_audit_after_notice::RULE,
    &rules::client_notification_deadline::RULE,
    &rules::recert_before_expiry::RULE,
    &rules::recert_decision_deadline::RULE,
    &rules::deadline_after_trigger::SUSPENSION,
    &rules::suspension_period::RULE,
    &rules::suspension_resolution::RULE,
    &rules::grounds::SUSPENSION,
    &rules::status_notice::RULE,
    &rules::status_published::RULE,
    &rules::status_reported::RULE,
    &rules::status_change_approval::RULE,
    &rules::restoration_basis::RULE,
    &rules::misuse_withdrawal::RULE,
    &rules::withdrawal_recovery::RULE,
    &rules::cancellation_check::RULE,
    &rules::scope_extension::RULE,
    &rules::scope_reduction_certificate::RULE,
    &rules::short_notice_audit::RULE,
    &rules::deadline_after_trigger::WITHDRAWAL,
    &rules::grounds::WITHDRAWAL,
    &rules::appeal_response::RULE,
    &rules::appeal_handler_independent::RULE,
    &rules::appeal_notice_content::RULE,
    &rules::appeal_response::COMPLAINT,
    &rules::publication_fields::RULE,
    &rules::disclosure_consent::RULE,
    &rules::records_chinese::RULE,
    &rules::revision_sequence::RULE,
    &rules::revision_required::RULE,
    &rules::record_withdrawn::RULE,
    &rules::form_version_required::RULE,
    &rules::lock_file::RULE,
    &rules::issued_file::RULE,
    &rules::lock_outdated::RULE,
    &rules::record_number_unique::RULE,
    &rules::case_file::RULE,
    &rules::font_coverage::RULE,
    &rules::markdown_supported::RULE,
    &rules::size_limit::RULE,
];

/// The rules of `rules-next.md` ("New rules"): they read the case fields it added (meetings'
/// sign-in and evidence, interviews, document reviews, notices, publications …). They run for
/// a body whose file says it keeps those records (`evidence_records: true`); a body file
/// without it (the spec's example body) is judged by the rules of `rules.md` alone, so case
/// files written before those fields existed stay valid.
pub static EVIDENCE_RECORDS: &[&str] = &[
    "application-review",
    "application-documents",
    "personnel-band-change",
    "fee-payer",
    "contract-signatory",
    "contract-content",
    "transfer-eligible",
    "recertification-time-initial",
    "site-onsite-time",
    "certificate-sites",
    "team-conflict-of-interest",
    "team-change",
    "plan-content",
    "plan-change-agreed",
    "shifts-audited",
    "top-management-interview",
    "top-management-leadership",
    "document-review",
    "termination-required",
    "meeting-signin",
    "meeting-evidence",
    "meeting-dates",
    "meeting-team-present",
    "top-management-delegation",
    "nc-leader-review",
    "nc-response-complete",
    "minor-nc-followed-up",
    "report-content",
    "decision-report-issued",
    "decision-deviation-notice",
    "refusal-notice",
    "surveillance-decided",
    "renewal-cycle-review",
    "decision-eligibility",
    "certificate-data-confirmed",
    "results-report-overdue",
    "clause-coverage",
    "special-audit-after-notice",
    "client-notification-deadline",
    "suspension-ground",
    "status-notice",
    "status-published",
    "status-reported",
    "status-change-approval",
    "restoration-basis",
    "misuse-withdrawal",
    "withdrawal-recovery",
    "cancellation-check",
    "scope-extension",
    "scope-reduction-certificate",
    "short-notice-audit",
    "withdrawal-ground",
    "appeal-handler-independent",
    "appeal-notice-content",
    "complaint-response",
    "publication-fields",
    "disclosure-consent",
    "records-chinese",
    "combined-audit-time",
    "termination-ground",
    "termination-consent",
    "termination-report",
    "termination-no-decision",
];

/// Rule ids of `rules.md` whose checks are not written yet. A scheme file may already
/// configure them (their parameters and citations are data); they run once implemented.
pub static PLANNED: &[&str] = &[];

/// The documented rules, one per id (a rule may have several check functions).
pub fn documented() -> impl Iterator<Item = &'static Rule> {
    RULES.iter().copied().filter(|r| !r.docs.is_empty())
}

/// `did you mean `x`? ` for a mistyped rule id; empty when no rule id is near.
pub fn did_you_mean(id: &str) -> String {
    crate::diag::suggest::closest(id, RULES.iter().map(|r| r.id))
        .map(|near| format!("did you mean `{near}`? "))
        .unwrap_or_default()
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
