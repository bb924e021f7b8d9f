//! The controlled documents a case produces and their document numbers, from the body's
//! form patterns (`{case}`, `{audit}`, `{nc}`, `{decision}`). Checking (unique numbers,
//! revisions) and rendering both read this one list.

use crate::load::body::Body;
use crate::load::case::{Audit, Case, Certificate, Decision, Nonconformity, Outcome};
use crate::source::Pos;

pub use super::form::Form;

/// One controlled document of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub form: Form,
    pub number: String,
    /// The id of the audit, nonconformity, decision or certificate it is made from.
    pub subject: String,
    /// Where that subject is in the case file.
    pub pos: Pos,
}

fn fill(pattern: &str, case: &str, audit: &str, nc: &str, decision: &str) -> String {
    // One pass: every case has dozens of documents, checked by several rules.
    let mut out = String::with_capacity(pattern.len() + case.len() + 8);
    let mut rest = pattern;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let (value, len) = [
            ("{case}", case),
            ("{audit}", audit),
            ("{nc}", nc),
            ("{decision}", decision),
        ]
        .into_iter()
        .find(|(key, _)| after.starts_with(key))
        .map_or(("{", 1), |(key, v)| (v, key.len()));
        out.push_str(value);
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

/// Every controlled document of the case whose form the body defines.
pub fn documents(case: &Case, body: &Body) -> Vec<Document> {
    let mut out = Vec::new();
    let c = case.case.trim();
    let mut push = |form: Form, audit: &str, nc: &str, decision: &str, pos: Pos| {
        if let Some(pattern) = body.forms.get(form.key()).and_then(|f| f.number.as_ref()) {
            let subject = [nc, decision, audit]
                .into_iter()
                .find(|s| !s.is_empty())
                .unwrap_or_default()
                .to_string();
            out.push(Document {
                form,
                number: fill(pattern, c, audit, nc, decision),
                subject,
                pos,
            });
        }
    };
    for a in &case.audits {
        if a.plan.is_some() {
            push(Form::AuditPlan, &a.id, "", "", a.id.pos);
        }
        push(Form::AuditTime, &a.id, "", "", a.id.pos);
    }
    for a in &case.audits {
        for nc in &a.nonconformities {
            push(Form::NcReport, &a.id, &nc.id, "", nc.id.pos);
        }
    }
    for a in case.audits.iter().filter(|a| a.report.is_some()) {
        push(Form::AuditReport, &a.id, "", "", a.id.pos);
    }
    for d in &case.decisions {
        push(Form::Decision, "", "", &d.id, d.id.pos);
    }
    // The notices sent to the client for decisions that change a certificate's status.
    for d in &case.decisions {
        let notice = match d.outcome.value {
            Outcome::Suspend => Form::Suspension,
            Outcome::Restore => Form::Restoration,
            Outcome::Withdraw => Form::Withdrawal,
            _ => continue,
        };
        push(notice, "", "", &d.id, d.id.pos);
    }
    if body.forms.contains_key(Form::Certificate.key()) {
        // A re-issue keeps the certificate's number: it is a revision of the same document.
        for (i, cert) in case.certificates.iter().enumerate() {
            if case.certificates[..i]
                .iter()
                .any(|c| c.number.trim() == cert.number.trim())
            {
                continue;
            }
            out.push(Document {
                form: Form::Certificate,
                number: cert.number.trim().to_string(),
                subject: cert.number.trim().to_string(),
                pos: cert.number.pos,
            });
        }
    }
    out
}

/// What a document is made from, found in the case.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    /// An audit's plan, audit-time record or report (by the document's form).
    Audit(&'a Audit),
    Nonconformity(&'a Audit, &'a Nonconformity),
    Decision(&'a Decision),
    Certificate(&'a Certificate),
}

/// The audit, nonconformity, decision or certificate a document is made from; `None` when
/// the case no longer has it.
pub fn subject<'a>(case: &'a Case, doc: &Document) -> Option<Subject<'a>> {
    Some(match doc.form {
        Form::AuditPlan | Form::AuditTime | Form::AuditReport => {
            Subject::Audit(case.audit(&doc.subject)?)
        }
        Form::NcReport => {
            let (a, n) = case.nonconformities().find(|(_, n)| *n.id == doc.subject)?;
            Subject::Nonconformity(a, n)
        }
        Form::Decision | Form::Suspension | Form::Restoration | Form::Withdrawal => {
            Subject::Decision(case.decision(&doc.subject)?)
        }
        Form::Certificate => Subject::Certificate(
            case.certificates
                .iter()
                .map(|c| &c.value)
                .find(|c| *c.number == doc.subject)?,
        ),
    })
}
