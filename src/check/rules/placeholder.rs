//! What `certdoc new` leaves for the user to write: each `FILL-IN …` value of the skeleton
//! is reported where it stands, with what belongs there, until it is replaced.

use crate::check::{Applies, Check, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "placeholder",
    severity: Severity::Error,
    summary: "a value of a new case's skeleton still waits to be filled in",
    docs: "`certdoc new` writes a case file whose required values read `FILL-IN …`, each \
           saying what belongs there (a name, a date, a number). Until every one is replaced \
           the file is not read any further, so these are the only diagnostics it gives; \
           then the rules judge it as any other case.",
    example: "client:\n  name: FILL-IN 组织名称（营业执照上的全称）",
    default_citations: &[],
    applies: Applies::Always,
    check: Check::Loader,
};
