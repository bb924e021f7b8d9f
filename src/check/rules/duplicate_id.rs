//! Ids are unique within a case, case numbers across cases.

use std::collections::HashMap;

use crate::check::{Applies, Check, Ctx, Finding, ProjectCtx, Rule};
use crate::diag::Severity;
use crate::load::case::Text;

pub static RULE: Rule = Rule {
    id: "duplicate-id",
    severity: Severity::Error,
    summary: "ids of sites, audits, nonconformities, decisions, appeals, complaints and events are unique within a case; case numbers across cases",
    docs: "Records are numbered from stable ids ({audit}, {nc}, {decision}), so an id used twice \
           would give two records the same document number and make every reference to it \
           ambiguous. Nonconformity ids are unique across all audits of the case. The case \
           number is unique across every case of the project.",
    example: "audits:\n  - id: S1\n    kind: stage1\n  - id: S1          # used twice\n    kind: stage2",
    default_citations: &[],
    applies: Applies::Always,
    check: Check::Case(check),
};

/// The same rule over all cases: a case number used by two files.
pub static ACROSS_CASES: Rule = Rule {
    id: "duplicate-id",
    severity: Severity::Error,
    summary: "",
    docs: "",
    example: "",
    default_citations: &[],
    applies: Applies::Always,
    check: Check::Project(check_project),
};

fn dups<'a>(what: &str, ids: impl Iterator<Item = &'a Text>, out: &mut Vec<Finding>) {
    let mut seen: HashMap<&str, &Text> = HashMap::new();
    for id in ids {
        if let Some(first) = seen.get(id.as_str()) {
            out.push(
                Finding::new(id.pos, format!("{what} id `{}` is already used", id.value))
                    .related(first.pos, "first used here"),
            );
        } else {
            seen.insert(id.as_str(), id);
        }
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let c = ctx.case;
    dups("site", c.client.sites.iter().map(|s| &s.id), out);
    dups("audit", c.audits.iter().map(|a| &a.id), out);
    dups(
        "nonconformity",
        c.audits
            .iter()
            .flat_map(|a| a.nonconformities.iter().map(|n| &n.id)),
        out,
    );
    dups("decision", c.decisions.iter().map(|d| &d.id), out);
    dups("appeal", c.appeals.iter().map(|a| &a.id), out);
    dups("complaint", c.complaints.iter().map(|a| &a.id), out);
    dups("event", c.events.iter().map(|a| &a.id), out);
}

fn check_project(p: &ProjectCtx, out: &mut Vec<(usize, Finding)>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, ctx) in p.cases.iter().enumerate() {
        let number = &ctx.case.case;
        match seen.get(number.as_str()) {
            Some(&j) => out.push((
                i,
                Finding::new(
                    number.pos,
                    format!(
                        "case number `{}` is already used by {}",
                        number.value, p.cases[j].file
                    ),
                ),
            )),
            None => {
                seen.insert(number.as_str(), i);
            }
        }
    }
}
