//! Stage 3: the controlled records of a case, each as the data its template shows. The list
//! of records and their numbers comes from `load::numbering`, the one place that defines
//! them; each form's content is built by its own file here. Every string taken from a
//! user's file is noted with its position (`Record::texts`), so the renderer can refuse a
//! character no font has and say which field and line it came from.

mod audit_plan;
mod audit_report;
mod audit_time;
mod certificate;
mod decision;
mod nc_report;
mod suspension;
pub mod words;

use serde_json::{Value, json};

use crate::load::body::Body;
use crate::load::case::{Audit, Case, Text};
use crate::load::numbering::{self, Document};
use crate::load::{Date, Rules, Scheme};
use crate::source::{At, Pos};

/// One record ready for its template.
#[derive(Debug, Clone)]
pub struct Record {
    /// The case number.
    pub case: String,
    /// The case file, relative to the root.
    pub file: String,
    /// The body's form key; the template is `templates/<form>.typ`.
    pub form: &'static str,
    pub number: String,
    /// The revision rendered: the last one declared under `revisions:`, else the first issue.
    pub revision: String,
    /// The date of that revision; the PDF's date.
    pub date: Date,
    /// The body's name, the PDF's author.
    pub author: String,
    /// The form's title and the client, the PDF's title.
    pub title: String,
    /// Where the record's subject (audit, NC, decision, certificate) is in the case file.
    pub pos: Pos,
    pub context: Value,
    pub texts: Vec<Field>,
}

/// A user's string that reaches a record.
#[derive(Debug, Clone)]
pub struct Field {
    pub file: String,
    pub pos: Pos,
    /// What it is, as a path in the case format (`client.name`, `audits[S2].team`).
    pub name: String,
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

/// Where the rule files are, for positions in them.
fn body_file(body: &Body) -> String {
    crate::load::body_file(&body.id.value)
}

fn scheme_file(scheme: &Scheme) -> String {
    crate::load::scheme_file(&scheme.id.value)
}

/// Builds one record's data, noting every user string it takes.
pub(crate) struct Writer<'a> {
    pub file: &'a str,
    pub case: &'a Case,
    pub body: &'a Body,
    pub scheme: &'a Scheme,
    pub texts: Vec<Field>,
}

impl<'a> Writer<'a> {
    fn note(&mut self, file: String, name: &str, t: &Text) -> Value {
        self.note_as(file, name, t, FieldKind::Text)
    }

    fn note_as(&mut self, file: String, name: &str, t: &Text, kind: FieldKind) -> Value {
        self.texts.push(Field {
            file,
            pos: t.pos,
            name: name.to_string(),
            text: t.value.clone(),
            kind,
        });
        Value::String(t.value.clone())
    }

    /// A Markdown string from the case file (its template shows it through `| markdown`).
    pub fn markdown(&mut self, name: &str, t: &Text) -> Value {
        self.note_as(self.file.to_string(), name, t, FieldKind::Markdown)
    }

    /// An optional Markdown string; absent prints as an empty line.
    pub fn opt_markdown(&mut self, name: &str, t: Option<&Text>) -> Value {
        t.map_or(Value::String(String::new()), |t| self.markdown(name, t))
    }

    /// A string from the case file.
    pub fn text(&mut self, name: &str, t: &Text) -> Value {
        self.note(self.file.to_string(), name, t)
    }

    /// An optional string from the case file; absent prints as an empty line.
    pub fn opt(&mut self, name: &str, t: Option<&Text>) -> Value {
        t.map_or(Value::String(String::new()), |t| self.text(name, t))
    }

    /// A string from the body's file.
    pub fn body_text(&mut self, name: &str, t: &Text) -> Value {
        self.note(body_file(self.body), name, t)
    }

    /// A string from the scheme's file.
    pub fn scheme_text(&mut self, name: &str, t: &Text) -> Value {
        self.note(scheme_file(self.scheme), name, t)
    }

    /// A person of the body's register, by id: name and the facts forms print about them.
    pub fn person(&mut self, id: &Text) -> Value {
        let Some(s) = self.body.staff(id) else {
            // Checked by unknown-reference; a record of an invalid case is never built.
            return json!({ "name": id.value, "registration": "", "employer": "", "title": "",
                "employment": "", "codes": "" });
        };
        let codes = s
            .specialty_codes
            .iter()
            .map(|c| c.value.clone())
            .collect::<Vec<_>>()
            .join("、");
        json!({
            "name": self.body_text("staff.name", &s.name),
            "registration": self.opt_body("staff.registration", s.registration.as_ref()),
            "employer": self.opt_body("staff.employer", s.employer.as_ref()),
            "title": self.opt_body("staff.title", s.title.as_ref()),
            "employment": words::employment(s.employment.value),
            "codes": codes,
        })
    }

    fn opt_body(&mut self, name: &str, t: Option<&Text>) -> Value {
        t.map_or(Value::String(String::new()), |t| self.body_text(name, t))
    }

    /// A person's name only.
    pub fn name(&mut self, id: &Text) -> Value {
        self.person(id)["name"].clone()
    }

    /// A site of the client by id: name, address, and whether it is temporary.
    pub fn site(&mut self, id: &Text) -> Value {
        let Some(s) = self
            .case
            .client
            .sites
            .iter()
            .find(|s| s.id.value == id.value)
        else {
            return json!({ "name": id.value, "address": "", "temporary": false, "central": false,
                "activities": "", "personnel": "" });
        };
        json!({
            "name": self.text("client.sites.name", &s.name),
            "address": self.text("client.sites.address", &s.address),
            "activities": self.opt("client.sites.activities", s.activities.as_ref()),
            "personnel": s.personnel.value,
            "temporary": s.temporary.as_ref().is_some_and(|t| t.value),
            "central": s.central.as_ref().is_some_and(|t| t.value),
        })
    }

    /// What most records show about an audit: its kind, dates, sites and team.
    pub fn audit(&mut self, a: &Audit) -> Value {
        let sites: Vec<Value> = a.sites.iter().map(|s| self.site(s)).collect();
        let mut team = Vec::new();
        for m in &a.team {
            let mut p = self.person(&m.person);
            p["role"] = json!(words::team_role(m.role.value));
            p["counts"] = json!(m.role.value.counts());
            team.push(p);
        }
        let leader = a
            .team
            .iter()
            .find(|m| m.role.value == crate::load::case::TeamRole::Leader)
            .map(|m| self.name(&m.person))
            .unwrap_or(Value::String(String::new()));
        json!({
            "id": a.id.value,
            "kind": words::audit_kind(a.kind.value),
            "dates": words::date_range(a.start.value, a.end.value),
            "start": words::date(a.start.value),
            "end": words::date(a.end.value),
            "onsite": a.onsite.value,
            "mandays": words::mandays(a.mandays.value),
            "onsite_mandays": words::mandays(a.onsite_mandays.value),
            "sites": sites,
            "team": team,
            "leader": leader,
        })
    }

    /// The client as every record heads it.
    fn client(&mut self) -> Value {
        let c = &self.case.client;
        json!({
            "name": self.text("client.name", &c.name),
            "name_en": self.opt("client.name_en", c.name_en.as_ref()),
            "credit_code": self.text("client.credit_code", &c.credit_code),
            "address": self.text("client.address", &c.address),
            "top_manager": self.text("client.top_manager", &c.top_manager),
            "representative": self.text("client.representative", &c.representative),
            "personnel": c.personnel.full_time.value,
        })
    }

    fn scheme_info(&mut self) -> Value {
        let s = self.scheme;
        json!({
            "name": self.scheme_text("name", &s.name),
            "standard_number": self.scheme_text("standard.number", &s.standard.number),
            "standard_title": self.scheme_text("standard.title", &s.standard.title),
            "rule_number": self.scheme_text("rule_document.number", &s.rule_document.number),
            "rule_title": self.scheme_text("rule_document.title", &s.rule_document.title),
            "rule_version": self.scheme_text("rule_document.version", &s.rule_document.version),
        })
    }
}

/// The staff id of an audit's team leader.
pub(crate) fn leader(a: &Audit) -> Option<Text> {
    a.team
        .iter()
        .find(|m| m.role.value == crate::load::case::TeamRole::Leader)
        .map(|m| m.person.clone())
}

/// What a form's builder returns besides its content.
pub(crate) struct Made {
    pub content: Value,
    /// The date of the first issue when no revision is declared.
    pub issued: Date,
    /// The staff id of who issued it, for the implicit first revision row.
    pub by: Option<Text>,
}

/// Every record of one valid case, in the order `load::numbering` lists them. Forms the
/// body does not define, and subjects that cannot be found, yield nothing.
pub fn of_case(file: &str, case: &Case, rules: &Rules) -> Vec<Record> {
    let (Some(body), Some(scheme)) = (
        rules.bodies.get(case.body.as_str()),
        rules.schemes.get(case.scheme.as_str()),
    ) else {
        return Vec::new();
    };
    numbering::documents(case, body)
        .into_iter()
        .filter_map(|doc| record(file, case, body, scheme, &doc))
        .collect()
}

fn record(file: &str, case: &Case, body: &Body, scheme: &Scheme, doc: &Document) -> Option<Record> {
    let form = body.forms.get(doc.form)?;
    let mut w = Writer {
        file,
        case,
        body,
        scheme,
        texts: Vec::new(),
    };
    let made = match doc.form {
        "audit-plan" => audit_plan::make(&mut w, case.audit(&doc.subject)?),
        "audit-time" => audit_time::make(&mut w, case.audit(&doc.subject)?),
        "nc-report" => {
            let (audit, nc) = case.nonconformities().find(|(_, n)| *n.id == doc.subject)?;
            nc_report::make(&mut w, audit, nc)
        }
        "audit-report" => audit_report::make(&mut w, case.audit(&doc.subject)?),
        "decision" => decision::make(&mut w, case.decision(&doc.subject)?),
        "suspension" => suspension::make(&mut w, case.decision(&doc.subject)?),
        "certificate" => {
            let cert = case
                .certificates
                .iter()
                .find(|c| *c.number == doc.subject)?;
            certificate::make(&mut w, cert)
        }
        _ => return None,
    };
    let declared = case
        .revisions
        .iter()
        .find(|(n, _)| n.trim() == doc.number)
        .map(|(_, revs)| revs.as_slice())
        .unwrap_or_default();
    let mut revisions = Vec::new();
    for r in declared {
        revisions.push(json!({
            "rev": w.text("revisions.rev", &r.rev),
            "date": words::date(r.date.value),
            "change": w.text("revisions.change", &r.change),
            "by": w.name(&r.by),
        }));
    }
    let (revision, date) = match declared.last() {
        Some(r) => (r.rev.value.clone(), r.date.value),
        None => {
            let by = made.by.as_ref().map(|b| w.name(b)).unwrap_or(json!(""));
            revisions.push(json!({
                "rev": first_revision(),
                "date": words::date(made.issued),
                "change": "首次发布",
                "by": by,
            }));
            (first_revision().to_string(), made.issued)
        }
    };
    let client = w.client();
    let scheme_info = w.scheme_info();
    let form_info = json!({
        "code": w.body_text("forms.code", &form.code),
        "title": w.body_text("forms.title", &form.title),
        "version": w.body_text("forms.version", &form.version),
    });
    let body_info = json!({
        "name": w.body_text("name", &body.name),
        "name_en": w.opt_body("name_en", body.name_en.as_ref()),
        "address": w.body_text("address", &body.address),
        "website": w.opt_body("website", body.website.as_ref()),
    });
    let title = format!("{} {}", form.title.value, case.client.name.value);
    let context = json!({
        "doc": {
            "number": doc.number,
            "revision": revision,
            "date": words::date(date),
            "revisions": revisions,
            "form": form_info,
            "title": title,
            "subject": format!(
                "{} {} {}（{}）",
                form.title.value, doc.number, revision, case.client.name.value
            ),
        },
        "body": body_info,
        "client": client,
        "scheme": scheme_info,
        "case": case.case.value,
        "r": made.content,
    });
    Some(Record {
        case: case.case.value.clone(),
        file: file.to_string(),
        form: doc.form,
        number: doc.number.clone(),
        revision,
        date,
        author: body.name.value.clone(),
        title,
        pos: doc.pos,
        context,
        texts: w.texts,
    })
}

/// The first issue of a record under the body's revision style (`letter-slash-number`).
fn first_revision() -> &'static str {
    "A/0"
}

/// An `At` that is always known to exist, for optional dates: absent prints empty.
pub(crate) fn opt_date(d: Option<&At<Date>>) -> String {
    d.map(|d| words::date(d.value)).unwrap_or_default()
}
