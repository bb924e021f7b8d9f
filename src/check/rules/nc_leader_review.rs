//! The team leader reviews every nonconformity another member raised, before the client
//! confirms it (TB-GZ-036 5.6.4.5 3)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "nc-leader-review",
    severity: Severity::Error,
    summary: "an NC raised by another member is reviewed by the leader between raising and the client's confirmation",
    docs: "A nonconformity raised by anyone but the audit's leader has `leader_reviewed`, with \
           `raised ≤ leader_reviewed ≤ confirmed_by_client`.",
    example: "- { id: NC01, auditor: li-si, raised: 2026-03-18, confirmed_by_client: 2026-03-19 }   # no leader_reviewed",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        let Some(leader) = a.leader() else { continue };
        for nc in a
            .nonconformities
            .iter()
            .filter(|n| n.auditor.value != leader.value)
        {
            let Some(r) = &nc.leader_reviewed else {
                out.push(Finding::new(
                    nc.auditor.pos,
                    format!(
                        "nonconformity {} was raised by {}, not the team leader {}, and its review by the leader is not recorded (`leader_reviewed`)",
                        nc.id.value, nc.auditor.value, leader.value
                    ),
                ));
                continue;
            };
            if r.value < nc.raised.value {
                out.push(Finding::new(
                    r.pos,
                    format!(
                        "the leader reviewed nonconformity {} on {}, before it was raised on {}",
                        nc.id.value, r.value, nc.raised.value
                    ),
                ));
            }
            if let Some(c) = nc
                .confirmed_by_client
                .as_ref()
                .filter(|c| r.value > c.value)
            {
                out.push(
                    Finding::new(
                        r.pos,
                        format!(
                            "the leader reviewed nonconformity {} on {}, after the client confirmed it on {}",
                            nc.id.value, r.value, c.value
                        ),
                    )
                    .related(c.pos, "confirmed"),
                );
            }
        }
    }
}
