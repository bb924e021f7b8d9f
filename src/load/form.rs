//! The controlled forms certdoc knows. A body's file names each by its key (`forms:
//! audit-plan: …`) and `templates/<key>.typ` draws it; everywhere else a form is this enum,
//! so a form added or renamed is a compile error wherever it matters.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    AuditPlan,
    AuditTime,
    NcReport,
    AuditReport,
    Decision,
    Suspension,
    Restoration,
    Withdrawal,
    Certificate,
}

impl Form {
    /// Every form, in the order a case's records are listed.
    pub const ALL: [Form; 9] = [
        Form::AuditPlan,
        Form::AuditTime,
        Form::NcReport,
        Form::AuditReport,
        Form::Decision,
        Form::Suspension,
        Form::Restoration,
        Form::Withdrawal,
        Form::Certificate,
    ];

    /// The key in a body's `forms:` and the template's file name.
    pub fn key(self) -> &'static str {
        match self {
            Form::AuditPlan => "audit-plan",
            Form::AuditTime => "audit-time",
            Form::NcReport => "nc-report",
            Form::AuditReport => "audit-report",
            Form::Decision => "decision",
            Form::Suspension => "suspension",
            Form::Restoration => "restoration",
            Form::Withdrawal => "withdrawal",
            Form::Certificate => "certificate",
        }
    }

    pub fn from_key(key: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The placeholders its `number` pattern may use: the ids of what the record is made
    /// from (`numbering::documents` fills them).
    pub fn placeholders(self) -> &'static [&'static str] {
        match self {
            Form::AuditPlan | Form::AuditTime | Form::AuditReport => &["case", "audit"],
            Form::NcReport => &["case", "audit", "nc"],
            Form::Decision | Form::Suspension | Form::Restoration | Form::Withdrawal => {
                &["case", "decision"]
            }
            Form::Certificate => &[],
        }
    }
}

impl fmt::Display for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl serde::Serialize for Form {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl PartialEq<&str> for Form {
    fn eq(&self, other: &&str) -> bool {
        self.key() == *other
    }
}
