//! A nonconformity cites a clause of the scheme's standard.

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "nc-clause",
    severity: Severity::Error,
    summary: "the clause exists in the scheme's clause catalogue and may be cited",
    docs: "`clause` must be a clause of the scheme file's catalogue from chapters 4 to 10. \
           Citing a parent clause whose sub-clauses exist (e.g. `8.3` instead of `8.3.1`) is a \
           warning: the deepest numbered level is cited.",
    example: "nonconformities:\n  - id: NC01\n    clause: \"7.5.4\"   # CTS TBGL-24-2026 has no 7.5.4",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(scheme) = ctx.scheme else { return };
    for (_, nc) in ctx.case.nonconformities() {
        let id = nc.clause.trim();
        match scheme.clause(id) {
            None => out.push(Finding::new(
                nc.clause.pos,
                format!(
                    "nonconformity {} cites clause {id}, which {} does not have",
                    nc.id.value, scheme.standard.number.value
                ),
            )),
            Some(c) if !c.citable => out.push(Finding::new(
                nc.clause.pos,
                format!(
                    "nonconformity {} cites clause {id}, which is not a requirement that can be audited (cite chapters 4 to 10)",
                    nc.id.value
                ),
            )),
            Some(_) => {
                let prefix = format!("{id}.");
                let children: Vec<&str> = scheme
                    .clauses
                    .iter()
                    .filter(|c| c.citable && c.id.starts_with(&prefix))
                    .map(|c| c.id.as_str())
                    .collect();
                if !children.is_empty() {
                    out.push(
                        Finding::new(
                            nc.clause.pos,
                            format!(
                                "nonconformity {} cites clause {id}; cite the sub-clause it concerns ({})",
                                nc.id.value,
                                children.join(", ")
                            ),
                        )
                        .severity(Severity::Warning),
                    );
                }
            }
        }
    }
}
