//! Notices to the client (B.7): 暂停认证证书和标志通知书, 恢复认证证书和标志通知书,
//! 撤销认证证书通知书. Letters, not internal forms: the 文号, the addressee, the clause of the
//! rule document the decision rests on, the certificate and scope concerned, the dates and
//! what follows for the certificate and the mark.

use serde::Serialize;

use super::{Writer, words};
use crate::check::cycle::in_force;
use crate::check::rules::grounds;
use crate::load::case::{Decision, Outcome};
use crate::load::numbering::Form;

/// A notice's own content.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeView {
    /// The audits the decision rests on (a restoration's verification audit), named.
    pub audits: Vec<AuditName>,
    pub certificate: String,
    pub scope: String,
    pub expires: String,
    pub reason: String,
    pub trigger: String,
    pub start: String,
    pub until: String,
    pub decided_by: String,
    pub approved_by: String,
    pub approved: String,
    /// On a suspension notice: the restoration, once it happened by the revision's date.
    pub restored: String,
    /// On a restoration or withdrawal notice: the suspension it ends.
    pub suspended: Option<Suspended>,
    /// The clause the decision rests on: the ground's item where the decision names one.
    pub basis: String,
    /// The ground of a suspension or withdrawal, in words.
    pub ground: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditName {
    pub kind: String,
    pub dates: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Suspended {
    pub start: String,
    pub reason: String,
}

/// A reason as a clause inside the letter's sentence: without its closing punctuation,
/// which the sentence supplies.
fn clause(s: String) -> String {
    s.trim_end_matches(['。', '；', '，', '.', ' ']).to_string()
}

pub(crate) fn make(w: &mut Writer, d: &Decision, form: Form) -> NoticeView {
    let case = w.case;
    let start = *w.v(&d.date);
    let (number, scope, expires) = match in_force(case, start) {
        Some(c) => (
            w.text("certificates.number", &c.number),
            w.text("certificates.scope", &c.scope),
            w.date(&c.expires),
        ),
        None => (String::new(), String::new(), String::new()),
    };
    // A restoration shows on a later revision of the suspension notice only if it happened
    // by that revision's date; the restoration notice names the suspension it ends.
    let restoration = case
        .decisions
        .iter()
        .find(|r| r.date.value > start && r.outcome.value == Outcome::Restore)
        .filter(|r| w.known(r.date.value));
    let restored = restoration.map(|r| w.date(&r.date)).unwrap_or_default();
    let suspension = case
        .decisions
        .iter()
        .filter(|s| s.outcome.value == Outcome::Suspend && s.date.value < start)
        .max_by_key(|s| s.date.value);
    let suspended = match (form, suspension) {
        (Form::Restoration | Form::Withdrawal, Some(s)) => Some(Suspended {
            start: w.date(&s.date),
            reason: clause(w.opt("decisions.reason", s.reason.as_ref())),
        }),
        _ => None,
    };
    let ground = d.ground.as_ref().map(|g| w.text("decisions.ground", g));
    let basis = match ground
        .as_deref()
        .and_then(|g| grounds::clause(w.scheme, d.outcome.value, g))
    {
        Some(clause) => clause,
        None => match w.scheme.notice_basis.get(form.key()) {
            Some(t) => w.scheme_text("notice_basis", t),
            None => String::new(),
        },
    };
    let ground = ground
        .map(|g| words::ground(&g).map_or(g, str::to_string))
        .unwrap_or_default();
    // The audits the decision rests on (a restoration's verification audit).
    let mut audits = Vec::new();
    for id in &d.audits {
        w.text("decisions.audits", id);
        if let Some(a) = case.audit(id) {
            let info = w.audit(a);
            audits.push(AuditName {
                kind: info.kind,
                dates: info.dates,
            });
        }
    }
    NoticeView {
        audits,
        certificate: number,
        scope,
        expires,
        reason: clause(w.opt("decisions.reason", d.reason.as_ref())),
        trigger: w.happened(d.trigger.as_ref()),
        start: words::date(start),
        until: d.until.as_ref().map(|u| w.date(u)).unwrap_or_default(),
        decided_by: w.name(&d.decided_by),
        approved_by: d
            .approved_by
            .as_ref()
            .map(|p| w.name(p))
            .unwrap_or_default(),
        approved: w.happened(d.approved.as_ref()),
        restored,
        suspended,
        basis,
        ground,
    }
}
