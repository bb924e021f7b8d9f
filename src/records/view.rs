//! The data a template sees, as types: what every record shares (the document, the body,
//! the client, the scheme) and the pieces several forms print (a person, a site, an audit).
//! Each form's own view is in its file. A field renamed here and not in the template is
//! caught by the render tests; a field a template needs and no view has is a compile-time
//! question for the view, not a silent empty string.

use serde::Serialize;

use super::{
    audit_plan::PlanView, audit_report::ReportView, audit_time::TimeView,
    certificate::CertificateView, decision::DecisionView, nc_report::NcView, notice::NoticeView,
};

/// Everything one record's template is rendered with.
#[derive(Debug, Clone, Serialize)]
pub struct Context {
    pub doc: DocView,
    pub body: BodyView,
    pub client: ClientView,
    pub scheme: SchemeView,
    pub case: String,
    /// The form's own content.
    pub r: FormView,
}

/// One form's content.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum FormView {
    Plan(PlanView),
    Time(TimeView),
    Report(ReportView),
    Nc(Box<NcView>),
    Decision(DecisionView),
    Notice(NoticeView),
    Certificate(Box<CertificateView>),
}

#[derive(Debug, Clone, Serialize)]
pub struct DocView {
    pub number: String,
    pub revision: String,
    /// Is this the document's first revision?
    pub first: bool,
    /// The client's agreement to this revision of a changed plan.
    pub agreed: String,
    pub date: String,
    pub revisions: Vec<RevisionRow>,
    pub form: FormInfo,
    pub title: String,
    pub subject: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RevisionRow {
    pub rev: String,
    pub date: String,
    pub change: String,
    pub by: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FormInfo {
    pub code: String,
    pub title: String,
    pub version: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BodyView {
    pub name: String,
    pub name_en: String,
    pub address: String,
    pub website: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClientView {
    pub name: String,
    pub name_en: String,
    pub credit_code: String,
    pub address: String,
    pub top_manager: String,
    pub representative: String,
    pub personnel: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct SchemeView {
    pub name: String,
    /// The standard's full number in force on the record's reference date; empty when the
    /// scheme file does not know it.
    pub standard_number: String,
    pub standard_title: String,
    /// The standard as the record cites it: number and title, or the title and the date
    /// when the number in force then is not known.
    pub standard_ref: String,
    pub rule_number: String,
    pub rule_title: String,
    /// The label of the rule-document version in force on the reference date, if known.
    pub rule_version: String,
    /// The rule document as the record cites it: number, title, the version's label when
    /// known, and whether the scheme borrows it.
    pub rule_ref: String,
}

/// A person of the body's register as forms print them.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PersonView {
    pub name: String,
    pub registration: String,
    pub employer: String,
    pub title: String,
    pub employment: String,
    pub codes: String,
}

/// A team member: the person and their role on this audit.
#[derive(Debug, Clone, Serialize)]
pub struct MemberView {
    #[serde(flatten)]
    pub person: PersonView,
    pub role: String,
    /// Whether their time counts in the audit time.
    pub counts: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SiteView {
    pub name: String,
    pub address: String,
    pub activities: String,
    pub personnel: u32,
    pub temporary: bool,
    pub central: bool,
}

/// What most records show about an audit.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AuditView {
    pub id: String,
    /// Its kind in the forms' words, with its purpose when it has one.
    pub kind: String,
    pub dates: String,
    pub start: String,
    pub end: String,
    pub onsite: bool,
    pub mandays: String,
    pub onsite_mandays: String,
    pub sites: Vec<SiteView>,
    pub team: Vec<MemberView>,
    pub leader: String,
}

impl AuditView {
    /// "监督审核（2025年2月17日）": the audit named as forms name it.
    pub fn named(&self) -> String {
        format!("{}（{}）", self.kind, self.dates)
    }
}
