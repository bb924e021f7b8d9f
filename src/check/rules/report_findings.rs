//! An audit report carries evidence and a conclusion for each audit item the scheme
//! requires of that kind of audit, item by item (TB-GZ-036 6.2.7; HZL-MSRG-005 4.4.1 (6)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::FindingConclusion;

pub static RULE: Rule = Rule {
    id: "report-findings",
    severity: Severity::Warning,
    summary: "a report gives evidence and a conclusion for each audit item the scheme requires",
    docs: "The scheme's `report_items` list, per kind of audit, what a report must cover. Each \
           item needs a `findings:` entry under the audit's `report:` with its `item` number \
           (1, 2 … in that list), the `evidence` (what was sampled, interviewed, observed) and \
           a `conclusion` (`conforms`, `nonconforming` with the `nc` it raised, or \
           `not-applicable`). An item without one prints \"/\" on the report. A number outside \
           the list, a second entry for one item, or an `nc` that is not a nonconformity of \
           this audit is reported too.",
    example: "report:\n  findings:\n    - { item: 1, evidence: 抽查……, conclusion: conforms }\n    # items 2–11 of stage2 missing",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(scheme) = ctx.scheme else { return };
    for a in &ctx.case.audits {
        let Some(report) = a.report.as_ref() else {
            continue;
        };
        let items = scheme.report_items(a.kind.value);
        let mut seen = vec![false; items.len()];
        for f in &report.findings {
            let n = usize::try_from(f.item.value).unwrap_or(usize::MAX);
            match n.checked_sub(1).and_then(|i| seen.get_mut(i)) {
                None => out.push(Finding::new(
                    f.item.pos,
                    format!(
                        "audit {} is a {} audit, whose report covers items 1 to {}; there is no item {}",
                        a.id.value,
                        a.kind.value.name(),
                        items.len(),
                        f.item.value
                    ),
                )),
                Some(true) => out.push(Finding::new(
                    f.item.pos,
                    format!("item {} has a finding already in this report", f.item.value),
                )),
                Some(s) => *s = true,
            }
            match (&f.nc, f.conclusion.value) {
                (Some(nc), _) if !a.nonconformities.iter().any(|x| x.id.value == nc.value) => out
                    .push(Finding::new(
                        nc.pos,
                        format!(
                            "no nonconformity {} was raised at audit {}",
                            nc.value, a.id.value
                        ),
                    )),
                (Some(nc), c) if c != FindingConclusion::Nonconforming => out.push(Finding::new(
                    nc.pos,
                    "an item that conforms (or does not apply) names no nonconformity".to_string(),
                )),
                _ => {}
            }
        }
        let missing: Vec<String> = seen
            .iter()
            .enumerate()
            .filter(|(_, s)| !**s)
            .map(|(i, _)| (i + 1).to_string())
            .collect();
        if !missing.is_empty() {
            let first = missing
                .first()
                .and_then(|m| m.parse::<usize>().ok())
                .unwrap_or(1);
            let what = items
                .get(first - 1)
                .map(|t| format!(" (item {first}: {})", t.value))
                .unwrap_or_default();
            out.push(Finding::new(
                report.pos,
                format!(
                    "the report of audit {} gives no evidence or conclusion for audit item{} {}{what}; add them under `findings:`",
                    a.id.value,
                    if missing.len() == 1 { "" } else { "s" },
                    missing.join(", ")
                ),
            ));
        }
    }
}
