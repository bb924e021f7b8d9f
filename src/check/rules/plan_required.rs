//! Every on-site audit has an audit plan (TB-GZ-036 5.4.7 1); HZL-MSRG-005 4.2.3.1, which
//! does not ask for one at stage 1).

use crate::check::{Applies, Check, Ctx, Finding, Param, Rule};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "plan-required",
    severity: Severity::Error,
    summary: "each on-site audit has a `plan` (stage 1 only when `stage1` is true)",
    docs: "An audit with `onsite: true` records its `plan`, the basis of the audit plan record. \
           With `stage1: false` the scheme does not require one for stage 1.",
    example: "audits:\n  - { id: S2, kind: stage2, onsite: true, … }   # no plan:",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    params: &[("stage1", Param::Flag, true)],
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(cfg) = ctx.config(RULE.id) else {
        return;
    };
    for a in &ctx.case.audits {
        if !a.onsite.value || a.plan.is_some() {
            continue;
        }
        if a.kind.value == AuditKind::Stage1 && !cfg.flag("stage1") {
            continue;
        }
        out.push(Finding::new(
            a.id.pos,
            format!(
                "on-site {} audit {} has no `plan`",
                a.kind.value.name(),
                a.id.value
            ),
        ));
    }
}
