//! Document numbers are unique across all cases, so a number identifies one record
//! (TB-GZ-036 13.4; HZL-MSRG-005 12.2).

use std::collections::HashMap;

use crate::check::{Applies, Check, Finding, ProjectCtx, Rule};
use crate::diag::Severity;
use crate::load::numbering::documents;

pub static RULE: Rule = Rule {
    id: "record-number-unique",
    severity: Severity::Error,
    summary: "document numbers are unique across all cases",
    docs: "Each record's number comes from the body's form pattern (e.g. `{case}-PL-{audit}`). \
           Two records with the same number, in one case or in two, would overwrite each \
           other's PDF and revision history. Certificate numbers are judged by \
           `certificate-number`.",
    example: "forms:\n  nc-report: { number: \"{case}-{nc}\" }\n# nonconformity ids NC01 in audit S2 and NC01 in audit A1",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Project(check),
};

fn check(p: &ProjectCtx, out: &mut Vec<(usize, Finding)>) {
    let mut seen: HashMap<String, (usize, crate::source::Pos, &str)> = HashMap::new();
    for (i, ctx) in p.cases.iter().enumerate() {
        let Some(body) = ctx.body else { continue };
        let mut subjects: Vec<(crate::load::form::Form, String)> = Vec::new();
        // Certificate numbers are written, not generated: `certificate-number` judges them.
        for doc in documents(ctx.case, body)
            .into_iter()
            .filter(|d| d.form != crate::load::form::Form::Certificate)
        {
            // The same subject twice is a duplicate id, and the same case twice a duplicate
            // case number: `duplicate-id` reports those at their cause.
            if subjects.contains(&(doc.form, doc.subject.clone())) {
                continue;
            }
            subjects.push((doc.form, doc.subject.clone()));
            match seen.get(&doc.number) {
                Some(&(j, _, case)) if j != i && case == ctx.case.case.as_str() => {}
                Some(&(j, first, _)) => {
                    let message = |place: &str| {
                        format!(
                            "the {} of {} gets document number {}, already used by {place}",
                            doc.form, doc.subject, doc.number
                        )
                    };
                    let finding = if i == j {
                        Finding::new(doc.pos, message("another record of this case"))
                            .related(first, "first record with this number")
                    } else {
                        let other = p.cases.get(j).map_or("", |c| c.file);
                        Finding::new(doc.pos, message(&format!("a record of {other}")))
                    };
                    out.push((i, finding));
                }
                None => {
                    seen.insert(doc.number, (i, doc.pos, ctx.case.case.as_str()));
                }
            }
        }
    }
}
