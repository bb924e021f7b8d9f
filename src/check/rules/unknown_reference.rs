//! Every reference names something that exists: a site, audit, decision or certificate of
//! the case, a person of the body's staff register, a scheme or a body.

use std::collections::HashSet;

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::Text;

pub static RULE: Rule = Rule {
    id: "unknown-reference",
    severity: Severity::Error,
    summary: "a reference to a site, audit, nonconformity, decision, staff member, scheme or body that does not exist",
    docs: "Cases refer to sites, audits and decisions by their id within the case, to people by \
           their id in the body's staff register (`rules/bodies/<body>.yaml`), and to the scheme \
           and body by file name. A dangling reference is reported where it is made.",
    example: "audits:\n  - id: S1\n    sites: [hq, warehouse]   # no site `warehouse` under client.sites",
    default_citations: &[],
    applies: Applies::Always,
    check: Check::Case(check),
};

struct Known<'a> {
    what: &'static str,
    ids: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    fn new(what: &'static str, ids: impl Iterator<Item = &'a str>) -> Self {
        Self {
            what,
            ids: ids.collect(),
        }
    }

    fn check(&self, r: &Text, out: &mut Vec<Finding>) {
        if !self.ids.contains(r.as_str()) {
            let mut known: Vec<&str> = self.ids.iter().copied().collect();
            known.sort_unstable();
            let near = crate::diag::suggest::closest(r.as_str(), known.iter().copied());
            let hint = if let Some(near) = near {
                format!(" (did you mean `{near}`?)")
            } else if known.is_empty() {
                String::new()
            } else if known.len() <= 12 {
                format!(" (known: {})", known.join(", "))
            } else {
                format!(" ({} are known)", known.len())
            };
            out.push(Finding::new(
                r.pos,
                format!("no {} `{}`{hint}", self.what, r.value),
            ));
        }
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let c = ctx.case;
    if ctx.scheme.is_none() {
        let known = Known::new(
            "scheme under rules/schemes/",
            ctx.rules.schemes.keys().map(String::as_str),
        );
        known.check(&c.scheme, out);
    }
    if ctx.body.is_none() {
        let known = Known::new(
            "body under rules/bodies/",
            ctx.rules.bodies.keys().map(String::as_str),
        );
        known.check(&c.body, out);
    }

    let sites = Known::new("site", c.client.sites.iter().map(|s| s.id.as_str()));
    let audits = Known::new("audit", c.audits.iter().map(|a| a.id.as_str()));
    let decisions = Known::new("decision", c.decisions.iter().map(|d| d.id.as_str()));
    let complaints = Known::new("complaint", c.complaints.iter().map(|x| x.id.as_str()));
    let events = Known::new("event", c.events.iter().map(|x| x.id.as_str()));
    let supplements = Known::new(
        "supplementary agreement under contract.supplements",
        c.contract
            .iter()
            .flat_map(|k| &k.supplements)
            .map(|x| x.number.as_str()),
    );
    let certificates = Known::new(
        "certificate",
        c.certificates.iter().map(|x| x.number.as_str()),
    );

    for a in &c.audits {
        a.sites.iter().for_each(|s| sites.check(s, out));
        let visited = Known::new("site this audit visits", a.sites.iter().map(|s| s.as_str()));
        a.site_mandays.keys().for_each(|s| visited.check(s, out));
        if let Some(plan) = &a.plan {
            for item in &plan.agenda {
                item.site.iter().for_each(|s| sites.check(s, out));
            }
        }
        for nc in &a.nonconformities {
            nc.site.iter().for_each(|s| sites.check(s, out));
            nc.verified_at.iter().for_each(|x| audits.check(x, out));
        }
        a.complaint.iter().for_each(|x| complaints.check(x, out));
        a.event.iter().for_each(|x| events.check(x, out));
    }
    for d in &c.decisions {
        d.audits.iter().for_each(|x| audits.check(x, out));
        if let Some(r) = &d.request {
            r.supplement.iter().for_each(|x| supplements.check(x, out));
        }
    }
    for p in &c.publications {
        decisions.check(&p.decision, out);
    }
    for x in c.appeals.iter().flat_map(|a| &a.concerns) {
        decisions.check(x, out);
    }
    for x in c.complaints.iter().flat_map(|a| &a.concerns) {
        decisions.check(x, out);
    }
    for cert in &c.certificates {
        decisions.check(&cert.decision, out);
        cert.sites.iter().for_each(|s| sites.check(s, out));
        cert.reissue_of
            .iter()
            .for_each(|x| certificates.check(x, out));
    }

    let Some(body) = ctx.body else { return };
    let staff = Known::new(
        "person in the body's staff register",
        body.staff.iter().map(|s| s.id.as_str()),
    );
    let person = |r: &Text, out: &mut Vec<Finding>| staff.check(r, out);
    c.application
        .reviewed_by
        .iter()
        .for_each(|p| person(p, out));
    if let Some(k) = &c.contract {
        k.signed_by.iter().for_each(|p| person(p, out));
    }
    for a in &c.audits {
        a.team.iter().for_each(|m| person(&m.person, out));
        a.document_review.iter().for_each(|r| person(&r.by, out));
        for change in &a.team_changes {
            change
                .out
                .iter()
                .chain(&change.r#in)
                .for_each(|p| person(p, out));
        }
        if let Some(m) = &a.meetings {
            for meeting in m.opening.iter().chain(&m.closing) {
                meeting.team_absent.iter().for_each(|p| person(p, out));
            }
        }
        if let Some(plan) = &a.plan {
            for item in &plan.agenda {
                item.auditors.iter().for_each(|p| person(p, out));
            }
        }
        for nc in &a.nonconformities {
            person(&nc.auditor, out);
            nc.verification.iter().for_each(|v| person(&v.by, out));
        }
    }
    for d in &c.decisions {
        person(&d.decided_by, out);
        d.approved_by.iter().for_each(|p| person(p, out));
    }
    for revs in c.revisions.values() {
        revs.iter().for_each(|r| person(&r.by, out));
    }
    for appeal in &c.appeals {
        appeal.handled_by.iter().for_each(|p| person(p, out));
    }
    for complaint in &c.complaints {
        complaint.handled_by.iter().for_each(|p| person(p, out));
    }
}
