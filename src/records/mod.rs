//! Stage 3: the controlled records of a case, each as the data its template shows. The list
//! of records and their numbers comes from `load::numbering`, the one place that defines
//! them; each form's content is built by its own file here. A record is a snapshot at its
//! revision's date: it shows no fact dated later. Every value taken from a user's file is
//! noted with its position (`Record::facts`, for the fingerprint) and every string also as
//! a `Field` (`Record::texts`, so the renderer can refuse a character no font has and say
//! which field and line it came from).

mod audit_plan;
mod audit_report;
mod audit_time;
mod certificate;
pub use certificate::qr_rows;
mod decision;
mod nc_report;
mod notice;
pub mod view;
pub mod words;

use serde::Serialize;
use serde_json::Value;

use view::{
    AuditView, BodyView, ClientView, Context, DocView, FormInfo, FormView, MemberView, PersonView,
    RevisionRow, SchemeView, SiteView,
};

use crate::control::{Fact, Lock, Origin, Rev, Src, revisions, stages};
use crate::load::body::Body;
use crate::load::case::{Audit, Case, Text};
use crate::load::numbering::{self, Document, Form, Subject};
use crate::load::versions::{self, RuleVersion, StandardOn};
use crate::load::{Date, Rules, Scheme};
use crate::source::{At, Pos};

/// One record ready for its template: one revision of one document.
#[derive(Debug, Clone)]
pub struct Record {
    /// The case number.
    pub case: String,
    /// The case file, relative to the root.
    pub file: String,
    /// The body's form key; the template is `templates/<form>.typ`.
    pub form: Form,
    /// The form's title (审核计划), as the body names it.
    pub form_title: String,
    pub form_code: String,
    pub form_version: String,
    pub number: String,
    /// The revision rendered.
    pub revision: String,
    /// The date of that revision; the PDF's date, and the day the record's facts stop.
    pub date: Date,
    /// This revision and every one before it, oldest first (the revision table).
    pub revisions: Vec<Rev>,
    /// The body's name, the PDF's author.
    pub author: String,
    /// The form's title and the client, the PDF's title.
    pub title: String,
    /// Where the record's subject (audit, NC, decision, certificate) is in the case file.
    pub pos: Pos,
    pub context: Context,
    pub texts: Vec<Field>,
    /// Every value of the data the record shows (its fingerprint's input).
    pub facts: Vec<Fact>,
}

impl Record {
    /// Is this revision in the lock already?
    pub fn issued(&self) -> bool {
        self.revisions
            .last()
            .is_some_and(|r| r.origin == Origin::Issued)
    }
}

/// A user's string that reaches a record.
#[derive(Debug, Clone)]
pub struct Field {
    /// Shared by every field of the same file (a record notes hundreds).
    pub file: std::sync::Arc<str>,
    pub pos: Pos,
    /// What it is, as a path in the case format (`client.name`, `audits[S2].team`).
    pub name: &'static str,
    pub text: String,
    pub kind: FieldKind,
}

/// How a template shows a field, which decides what it may contain and how long it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Shown as written: names, addresses, scope, numbers.
    Text,
    /// Converted through the Markdown whitelist: descriptions, summaries, causes, notes.
    Markdown,
}

/// Builds one record's data, noting every value it takes.
pub(crate) struct Writer<'a> {
    pub case: &'a Case,
    pub body: &'a Body,
    pub scheme: &'a Scheme,
    /// The revision's date: facts dated later are not shown.
    pub as_of: Date,
    pub texts: Vec<Field>,
    /// Whether to note facts: only a record whose fields are compared or locked needs them.
    pub keep_facts: bool,
    pub facts: Vec<Fact>,
    /// The files fields come from (case, body, scheme), made once per record.
    pub files: [std::sync::Arc<str>; 3],
    /// The texts of the case already listed by earlier records.
    pub noted: Noted,
}

/// Texts a case's records already listed: by file (`Src`), node and field name.
pub type Noted =
    std::collections::HashSet<(u8, Pos, usize), std::hash::BuildHasherDefault<KeyHasher>>;

/// A hasher for `Noted`'s small integer keys: a case's records look thousands of them up,
/// and the default hasher's protection against crafted keys has nothing to protect here
/// (the keys are positions and addresses, not user text).
#[derive(Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The canonical text of a value, as the data says it.
fn canonical<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        Ok(v) => v.to_string(),
        Err(_) => String::new(),
    }
}

impl<'a> Writer<'a> {
    /// The files a record's fields come from, in the order of `Src`.
    pub fn files(file: &str, body: &Body, scheme: &Scheme) -> [std::sync::Arc<str>; 3] {
        [
            file.into(),
            crate::load::body_file(&body.id.value).into(),
            crate::load::scheme_file(&scheme.id.value).into(),
        ]
    }

    fn src_file(&self, src: Src) -> std::sync::Arc<str> {
        let i = match src {
            Src::Case => 0,
            Src::Body => 1,
            Src::Scheme => 2,
        };
        self.files[i].clone()
    }

    fn note_as(&mut self, src: Src, name: &'static str, t: &Text, kind: FieldKind) -> String {
        // The name's address stands for it: names are literals, and two copies of one only
        // list the text twice.
        if self
            .noted
            .insert((src as u8, t.pos, name.as_ptr() as usize))
        {
            self.texts.push(Field {
                file: self.src_file(src),
                pos: t.pos,
                name,
                text: t.value.clone(),
                kind,
            });
        }
        if self.keep_facts {
            self.facts.push(Fact {
                src,
                pos: t.pos,
                value: t.value.clone(),
            });
        }
        t.value.clone()
    }

    /// A value of `src` that the record shows, not as text (a date, number, choice).
    fn fact_of<'b, T: Serialize>(&mut self, src: Src, at: &'b At<T>) -> &'b T {
        if self.keep_facts {
            self.facts.push(Fact {
                src,
                pos: at.pos,
                value: canonical(&at.value),
            });
        }
        &at.value
    }

    /// A value of the case file that the record shows.
    pub fn v<'b, T: Serialize>(&mut self, at: &'b At<T>) -> &'b T {
        self.fact_of(Src::Case, at)
    }

    /// A value of the scheme file that the record shows.
    pub fn scheme_v<'b, T: Serialize>(&mut self, at: &'b At<T>) -> &'b T {
        self.fact_of(Src::Scheme, at)
    }

    /// Has this happened by the record's date?
    pub fn known(&self, date: Date) -> bool {
        date <= self.as_of
    }

    /// A date of the case, as forms print it.
    pub fn date(&mut self, d: &At<Date>) -> String {
        words::date(*self.v(d))
    }

    /// An optional date that records a fact: printed only when it happened by the
    /// record's date, else empty (the form shows the place as pending).
    pub fn happened(&mut self, d: Option<&At<Date>>) -> String {
        match d {
            Some(d) if self.known(d.value) => self.date(d),
            _ => String::new(),
        }
    }

    /// A date the record leaves to be filled in after it is issued (the client's
    /// confirmation, the delivery, the report to the regulator): printed when it happened by
    /// the record's date, `（待填）` when it happened later, empty when the case has none.
    pub fn filled_in(&mut self, d: Option<&At<Date>>) -> String {
        match d {
            Some(d) if self.known(d.value) => self.date(d),
            Some(_) => "（待填）".to_string(),
            None => String::new(),
        }
    }

    /// A Markdown string from the case file (its template shows it through `| markdown`).
    pub fn markdown(&mut self, name: &'static str, t: &Text) -> String {
        self.note_as(Src::Case, name, t, FieldKind::Markdown)
    }

    /// An optional Markdown string; absent prints as an empty line.
    pub fn opt_markdown(&mut self, name: &'static str, t: Option<&Text>) -> String {
        t.map_or_else(String::new, |t| self.markdown(name, t))
    }

    /// A string from the case file.
    pub fn text(&mut self, name: &'static str, t: &Text) -> String {
        self.note_as(Src::Case, name, t, FieldKind::Text)
    }

    /// An optional string from the case file; absent prints as an empty line.
    pub fn opt(&mut self, name: &'static str, t: Option<&Text>) -> String {
        t.map_or_else(String::new, |t| self.text(name, t))
    }

    /// A string from the body's file.
    pub fn body_text(&mut self, name: &'static str, t: &Text) -> String {
        self.note_as(Src::Body, name, t, FieldKind::Text)
    }

    /// A string from the scheme's file.
    pub fn scheme_text(&mut self, name: &'static str, t: &Text) -> String {
        self.note_as(Src::Scheme, name, t, FieldKind::Text)
    }

    /// A person of the body's register, by id: name and the facts forms print about them.
    pub fn person(&mut self, id: &Text) -> PersonView {
        self.text("staff id", id);
        let Some(s) = self.body.staff(id) else {
            // Checked by unknown-reference; a record of an invalid case is never built.
            return PersonView {
                name: id.value.clone(),
                ..PersonView::default()
            };
        };
        let codes = s
            .specialty_codes
            .iter()
            .map(|c| self.fact_of(Src::Body, c).clone())
            .collect::<Vec<_>>()
            .join("、");
        let employment = *self.fact_of(Src::Body, &s.employment);
        PersonView {
            name: self.body_text("staff.name", &s.name),
            registration: self.opt_body("staff.registration", s.registration.as_ref()),
            employer: self.opt_body("staff.employer", s.employer.as_ref()),
            title: self.opt_body("staff.title", s.title.as_ref()),
            employment: words::employment(employment).to_string(),
            codes,
        }
    }

    fn opt_body(&mut self, name: &'static str, t: Option<&Text>) -> String {
        t.map_or_else(String::new, |t| self.body_text(name, t))
    }

    /// A person's name only.
    pub fn name(&mut self, id: &Text) -> String {
        self.text("staff id", id);
        match self.body.staff(id) {
            Some(s) => self.body_text("staff.name", &s.name),
            None => id.value.clone(),
        }
    }

    /// The name of the first person of the body's register with `role`, if any.
    pub fn staff_with(&mut self, role: crate::load::body::StaffRole) -> String {
        match self.body.staff.iter().find(|s| s.has_role(role)) {
            Some(s) => self.body_text("staff.name", &s.name),
            None => String::new(),
        }
    }

    /// A site of the client by id: name, address, and whether it is temporary.
    pub fn site(&mut self, id: &Text) -> SiteView {
        self.text("site id", id);
        let Some(s) = self
            .case
            .client
            .sites
            .iter()
            .find(|s| s.id.value == id.value)
        else {
            return SiteView {
                name: id.value.clone(),
                ..SiteView::default()
            };
        };
        SiteView {
            temporary: s.temporary.as_ref().is_some_and(|t| *self.v(t)),
            central: s.central.as_ref().is_some_and(|t| *self.v(t)),
            name: self.text("client.sites.name", &s.name),
            address: self.text("client.sites.address", &s.address),
            activities: self.opt("client.sites.activities", s.activities.as_ref()),
            personnel: *self.v(&s.personnel),
        }
    }

    /// A site's name only.
    pub fn site_name(&mut self, id: &Text) -> String {
        self.site(id).name
    }

    /// What most records show about an audit: its kind, dates, sites and team.
    pub fn audit(&mut self, a: &Audit) -> AuditView {
        let sites = a.sites.iter().map(|s| self.site(s)).collect();
        let mut team = Vec::new();
        for m in &a.team {
            let person = self.person(&m.person);
            let role = *self.v(&m.role);
            team.push(MemberView {
                person,
                role: words::team_role(role).to_string(),
                counts: role.counts(),
            });
        }
        let leader = a.leader().map(|p| self.name(p)).unwrap_or_default();
        let kind = *self.v(&a.kind);
        let (start, end) = (*self.v(&a.start), *self.v(&a.end));
        AuditView {
            id: self.text("audits.id", &a.id),
            kind: match a.purpose.as_ref().map(|p| *self.v(p)) {
                Some(p) => format!("{}（{}）", words::audit_kind(kind), words::purpose(p)),
                None => words::audit_kind(kind).to_string(),
            },
            dates: words::date_range(start, end),
            start: words::date(start),
            end: words::date(end),
            onsite: *self.v(&a.onsite),
            mandays: words::mandays(*self.v(&a.mandays)),
            onsite_mandays: words::mandays(*self.v(&a.onsite_mandays)),
            sites,
            team,
            leader,
        }
    }

    /// The client as every record heads it.
    fn client(&mut self) -> ClientView {
        let c = &self.case.client;
        ClientView {
            name: self.text("client.name", &c.name),
            name_en: self.opt("client.name_en", c.name_en.as_ref()),
            credit_code: self.text("client.credit_code", &c.credit_code),
            address: self.text("client.address", &c.address),
            top_manager: self.text("client.top_manager", &c.top_manager),
            representative: self.text("client.representative", &c.representative),
            personnel: *self.v(&c.personnel.full_time),
        }
    }

    /// The scheme as a record of reference date `day` cites it: the rule-document version
    /// and the standard in force that day (rules-next.md, "What records print").
    fn scheme_info(&mut self, day: Date, standard_day: Date) -> SchemeView {
        let s = self.scheme;
        let doc = &s.rule_document;
        let rule_number = self.scheme_text("rule_document.number", &doc.number);
        let rule_title = self.scheme_text("rule_document.title", &doc.title);
        let rule_version = match versions::rule_version(s, day) {
            RuleVersion::Only => self.scheme_text("rule_document.version", &doc.version),
            RuleVersion::Entry { entry, .. } => match &entry.version {
                Some(v) => self.scheme_text("rule_document.versions.version", v),
                None => String::new(),
            },
            RuleVersion::Before => String::new(),
        };
        let borrowed = doc.borrowed.as_ref().is_some_and(|b| *self.scheme_v(b));
        let rule_ref = format!(
            "{rule_number}《{rule_title}》{}{}",
            if rule_version.is_empty() {
                String::new()
            } else {
                format!("（{rule_version}）")
            },
            if borrowed { "（借用）" } else { "" }
        );
        let standard_title = self.scheme_text("standard.title", &s.standard.title);
        let standard_number = match versions::standard_on(s, standard_day) {
            StandardOn::Unversioned => self.scheme_text("standard.number", &s.standard.number),
            StandardOn::Entry(v) => self.scheme_text("standard.versions.number", &v.number),
            StandardOn::Before => String::new(),
        };
        let standard_ref = if standard_number.is_empty() {
            format!(
                "《{standard_title}》（{}有效版本）",
                words::date(standard_day)
            )
        } else {
            format!("{standard_number}《{standard_title}》")
        };
        SchemeView {
            name: self.scheme_text("name", &s.name),
            standard_number,
            standard_title,
            standard_ref,
            rule_number,
            rule_title,
            rule_version,
            rule_ref,
        }
    }
}

/// The day a record's rule document and standard are read on: an audit's records by its
/// first day, a decision's by its date, a certificate by its issue (its standard by the
/// audits its decision rests on).
fn reference_days(case: &Case, subject: &Subject, on: Date) -> (Date, Date) {
    match subject {
        Subject::Audit(a) | Subject::Nonconformity(a, _) => (a.start.value, a.start.value),
        Subject::Decision(d) => (d.date.value, d.date.value),
        Subject::Certificate(first) => {
            // A re-issue reads its own decision's audits.
            let c = certificate::issue_on(case, first, on);
            let audited = case
                .decision(&c.decision)
                .into_iter()
                .flat_map(|d| d.audits.iter())
                .filter_map(|id| case.audit(id))
                .map(|a| a.start.value)
                .max();
            (c.issued.value, audited.unwrap_or(c.issued.value))
        }
    }
}

/// One document of a case and every revision it has.
#[derive(Debug, Clone)]
pub struct Planned {
    pub doc: Document,
    pub revisions: Vec<Rev>,
}

/// Every document of one case with its revisions (issued, declared, implied), in the
/// order `load::numbering` lists them.
pub fn plan(case: &Case, rules: &Rules, lock: Option<&Lock>) -> Vec<Planned> {
    let Some(body) = rules.bodies.get(case.body.as_str()) else {
        return Vec::new();
    };
    numbering::documents(case, body)
        .into_iter()
        .filter(|doc| body.forms.contains_key(doc.form.key()))
        .filter_map(|doc| {
            let subject = numbering::subject(case, &doc)?;
            let issue = stages::issue(case, doc.form, subject);
            let declared = case
                .revisions
                .iter()
                .find(|(n, _)| n.trim() == doc.number)
                .map(|(_, revs)| revs.as_slice())
                .unwrap_or_default();
            let issued = lock.map(|l| l.issued(&doc.number)).unwrap_or_default();
            let revisions = revisions::merge(&issue, issued, declared);
            Some(Planned { doc, revisions })
        })
        .collect()
}

/// The current revision of every record of one valid case. Forms the body does not
/// define, and subjects that cannot be found, yield nothing.
pub fn of_case(file: &str, case: &Case, rules: &Rules, lock: Option<&Lock>) -> Vec<Record> {
    let mut noted = Noted::default();
    plan(case, rules, lock)
        .iter()
        .filter_map(|p| {
            make(
                file,
                case,
                rules,
                p,
                p.revisions.len().checked_sub(1)?,
                true,
                &mut noted,
            )
        })
        .collect()
}

/// Revision `index` of a planned document, as a snapshot at that revision's date, with the
/// facts it shows when `facts` (for its fingerprint).
///
/// `noted` holds the texts earlier records of the case already gave (`Record::texts` lists a
/// text once per case: the renderer's preflight judges each once, and a case's records
/// repeat the client's name hundreds of times).
pub fn make(
    file: &str,
    case: &Case,
    rules: &Rules,
    planned: &Planned,
    index: usize,
    facts: bool,
    noted: &mut Noted,
) -> Option<Record> {
    let body = rules.bodies.get(case.body.as_str())?;
    let scheme = rules.schemes.get(case.scheme.as_str())?;
    let doc = &planned.doc;
    let form = body.forms.get(doc.form.key())?;
    let revs = planned.revisions.get(..=index)?;
    let current = revs.last()?;
    let subject = numbering::subject(case, doc)?;
    let mut w = Writer {
        case,
        body,
        scheme,
        as_of: current.date,
        keep_facts: facts,
        texts: Vec::new(),
        facts: Vec::new(),
        files: Writer::files(file, body, scheme),
        noted: std::mem::take(noted),
    };
    let (rule_day, standard_day) = reference_days(case, &subject, current.date);
    let content = match subject {
        Subject::Audit(a) => match doc.form {
            Form::AuditPlan => FormView::Plan(audit_plan::make(&mut w, a)),
            Form::AuditTime => FormView::Time(audit_time::make(&mut w, a)),
            _ => FormView::Report(audit_report::make(&mut w, a)),
        },
        Subject::Nonconformity(a, nc) => FormView::Nc(Box::new(nc_report::make(&mut w, a, nc))),
        Subject::Decision(d) => match doc.form {
            Form::Suspension | Form::Restoration | Form::Withdrawal => {
                FormView::Notice(notice::make(&mut w, d, doc.form))
            }
            _ => FormView::Decision(decision::make(&mut w, d)),
        },
        Subject::Certificate(c) => FormView::Certificate(Box::new(certificate::make(&mut w, c))),
    };
    // A changed plan shows the client's agreement to this revision, not to the one before.
    let agreed = case
        .revisions
        .iter()
        .filter(|(number, _)| number.value == doc.number)
        .flat_map(|(_, list)| list)
        .find(|d| d.rev.value == current.rev)
        .and_then(|d| d.agreed.as_ref())
        .map(|d| w.filled_in(Some(d)))
        .unwrap_or_default();
    // The revision table is presentation of the record's own history, not data it shows
    // about the case: it stays out of the fingerprint.
    let facts = std::mem::take(&mut w.facts);
    let mut table = Vec::new();
    for r in revs {
        let by = match r.by.as_ref().and_then(|id| body.staff(id)) {
            Some(s) => w.body_text("staff.name", &s.name),
            None => r.by.clone().unwrap_or_default(),
        };
        table.push(RevisionRow {
            rev: r.rev.clone(),
            date: words::date(r.date),
            change: r.change.clone(),
            by,
        });
    }
    for d in case.revisions.values().flatten() {
        if revs.iter().any(|r| r.origin == Origin::Declared(d.rev.pos)) {
            w.text("revisions.change", &d.change);
        }
    }
    w.facts = facts;
    let client = w.client();
    let scheme_info = w.scheme_info(rule_day, standard_day);
    // The form's code and version are kept beside the fingerprint in the lock: a new form
    // version is not a change of what the record says.
    let shown = w.facts.len();
    let form_info = FormInfo {
        code: w.body_text("forms.code", &form.code),
        title: w.body_text("forms.title", &form.title),
        version: w.body_text("forms.version", &form.version),
    };
    w.facts.truncate(shown);
    let body_info = BodyView {
        name: w.body_text("name", &body.name),
        name_en: w.opt_body("name_en", body.name_en.as_ref()),
        address: w.body_text("address", &body.address),
        website: w.opt_body("website", body.website.as_ref()),
    };
    let title = format!("{} {}", form.title.value, case.client.name.value);
    let context = Context {
        doc: DocView {
            number: doc.number.clone(),
            revision: current.rev.clone(),
            first: index == 0,
            agreed,
            date: words::date(current.date),
            revisions: table,
            form: form_info,
            title: title.clone(),
            subject: format!(
                "{} {} {}（{}）",
                form.title.value, doc.number, current.rev, case.client.name.value
            ),
        },
        body: body_info,
        client,
        scheme: scheme_info,
        case: case.case.value.clone(),
        r: content,
    };
    *noted = std::mem::take(&mut w.noted);
    Some(Record {
        case: case.case.value.clone(),
        file: file.to_string(),
        form: doc.form,
        form_title: form.title.value.clone(),
        form_code: form.code.value.clone(),
        form_version: form.version.value.clone(),
        number: doc.number.clone(),
        revision: current.rev.clone(),
        date: current.date,
        revisions: revs.to_vec(),
        author: body.name.value.clone(),
        title,
        pos: doc.pos,
        context,
        texts: w.texts,
        facts: w.facts,
    })
}
