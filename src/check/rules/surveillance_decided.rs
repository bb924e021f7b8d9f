//! Every surveillance ends in a decision on the certificate (TB-GZ-036 6.2.8;
//! HZL-MSRG-005 5.9).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::{AuditKind, AuditPurpose, Outcome};

pub static RULE: Rule = Rule {
    id: "surveillance-decided",
    severity: Severity::Error,
    summary: "each surveillance is named by a decision to maintain, suspend, withdraw or reduce the scope",
    docs: "Each surveillance audit is named by a decision with outcome `maintain`, `suspend`, \
           `withdraw` or `reduce-scope` (one that also restores a suspended certificate, `purpose: \
           restoration`: or `restore`): an error once a later audit of the case has started \
           without one; otherwise a warning once its report is issued (the seeds give no \
           deadline).",
    example: "audits:\n  - { id: A1, kind: surveillance, report: { issued: 2027-03-20 } }\n# no decision names A1",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let case = ctx.case;
    for a in case
        .audits
        .iter()
        .filter(|a| a.kind.value == AuditKind::Surveillance)
    {
        if a.termination.is_some() {
            continue;
        }
        // A surveillance that also restores a suspended certificate ends in the restoration.
        let restores = a
            .purpose
            .as_ref()
            .is_some_and(|p| p.value == AuditPurpose::Restoration);
        let decided = case.decisions.iter().any(|d| {
            (matches!(
                d.outcome.value,
                Outcome::Maintain | Outcome::Suspend | Outcome::Withdraw | Outcome::ReduceScope
            ) || (restores && d.outcome.value == Outcome::Restore))
                && d.audits.iter().any(|x| x.value == a.id.value)
        });
        if decided {
            continue;
        }
        let later = case
            .audits
            .iter()
            .filter(|x| x.start.value > a.end.value && x.start.value <= ctx.as_of)
            .min_by_key(|x| x.start.value);
        if let Some(l) = later {
            out.push(
                Finding::new(
                    a.id.pos,
                    format!(
                        "no decision on surveillance {} (maintain, suspend, withdraw or reduce the scope), and audit {} has since begun",
                        a.id.value, l.id.value
                    ),
                )
                .related(l.start.pos, "later audit"),
            );
        } else if let Some(i) = a.report.as_ref().and_then(|r| r.issued.as_ref())
            && i.value < ctx.as_of
        {
            out.push(
                Finding::new(
                    a.id.pos,
                    format!(
                        "no decision yet on surveillance {}, whose report was issued on {}",
                        a.id.value, i.value
                    ),
                )
                .severity(Severity::Warning),
            );
        }
    }
}
