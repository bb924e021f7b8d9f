//! The case format itself. Syntax, types, unknown and missing fields are reported by the
//! loader under this id; this file adds what a type cannot say (non-empty lists, ranges).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::source::At;

pub static RULE: Rule = Rule {
    id: "schema",
    severity: Severity::Error,
    summary: "YAML syntax, unknown fields, wrong types, missing required fields",
    docs: "A case file is YAML in the layout of `certdoc schema`. Booleans are only `true` and \
           `false` (so `no` is never read as false), keys appear once, anchors may not expand \
           beyond a small budget, and every field must be one the format knows. Lists that a \
           case cannot do without (the client's sites, an audit's sites and team, a \
           certificate's sites) must not be empty, and numbers must be in range.",
    example: "client:\n  risk: no          # must be low, medium or high\n  sities: []        # unknown field",
    default_citations: &[],
    applies: Applies::Always,
    check: Check::Case(check),
};

fn non_empty<T, U>(list: &[T], parent: &At<U>, what: &str, out: &mut Vec<Finding>) {
    if list.is_empty() {
        out.push(Finding::new(
            parent.pos,
            format!("{what} must not be empty"),
        ));
    }
}

fn man_days(v: &At<f64>, what: &str, out: &mut Vec<Finding>) {
    if !v.value.is_finite() || v.value < 0.0 {
        out.push(Finding::new(
            v.pos,
            format!("{what} is {}; it must be a number of man-days ≥ 0", v.value),
        ));
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let c = ctx.case;
    non_empty(&c.client.sites, &c.client, "client.sites", out);
    let p = &c.client.personnel;
    let pte = p.part_time_equivalent.as_ref();
    if let Some(x) = pte.filter(|x| !x.value.is_finite() || x.value < 0.0) {
        out.push(Finding::new(
            x.pos,
            "part_time_equivalent must be a number ≥ 0",
        ));
    }
    if p.full_time.value == 0 && pte.is_none_or(|x| x.value <= 0.0) {
        out.push(Finding::new(
            p.full_time.pos,
            "the client has no personnel; the audit-time table starts at 1 person",
        ));
    }
    for a in &c.audits {
        non_empty(
            &a.sites,
            a,
            &format!("the sites of audit {}", a.id.value),
            out,
        );
        non_empty(
            &a.team,
            a,
            &format!("the team of audit {}", a.id.value),
            out,
        );
        man_days(&a.mandays, "mandays", out);
        man_days(&a.onsite_mandays, "onsite_mandays", out);
        for r in &a.reductions {
            if !(r.percent.value > 0.0 && r.percent.value <= 100.0) {
                out.push(Finding::new(
                    r.percent.pos,
                    format!(
                        "a reduction of {} % is not between 0 and 100",
                        r.percent.value
                    ),
                ));
            } else if r.percent.value < 1.0 {
                out.push(Finding::new(
                    r.percent.pos,
                    format!(
                        "a reduction of {} % looks like a fraction: reductions are written in \
                         percent, `25` for 25 %",
                        r.percent.value
                    ),
                ));
            }
        }
    }
    for cert in &c.certificates {
        non_empty(
            &cert.sites,
            cert,
            &format!("the sites of certificate {}", cert.number.value),
            out,
        );
    }
}
