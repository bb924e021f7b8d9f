//! What a rule is: its metadata and its check function.

use crate::diag::Severity;
use crate::source::Pos;

use super::params::Configured;
use super::{Ctx, ProjectCtx};

/// One rule of `rules.md`. Its id is what diagnostics, `certdoc rules` and
/// `certdoc explain` show; its citations come from each scheme file.
pub struct Rule {
    pub id: &'static str,
    /// Severity when the scheme file does not set one.
    pub severity: Severity,
    pub summary: &'static str,
    /// What the rule checks and why, in a few sentences.
    pub docs: &'static str,
    /// A minimal violation, as YAML the user would recognise.
    pub example: &'static str,
    /// Citations used when the scheme file gives none (e.g. a national standard).
    pub default_citations: &'static [&'static str],
    pub applies: Applies,
    pub check: Check,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applies {
    /// Every case, whatever its scheme: the structural rules.
    Always,
    /// Only cases whose scheme file lists the rule (with its parameters).
    WhenConfigured,
}

pub enum Check {
    /// Run on each case on its own; the rule takes no parameters.
    Case(fn(&Ctx, &mut Vec<Finding>)),
    /// Run on each case with the scheme's parameters for the rule, typed (see `params`):
    /// `Check::Configured(&WithParams::<Params>(check))`.
    Configured(&'static dyn Configured),
    /// Run once over all cases (uniqueness across cases); findings name their case.
    Project(fn(&ProjectCtx, &mut Vec<(usize, Finding)>)),
    /// Found while loading (syntax, types, unknown fields, unreadable files).
    Loader,
    /// Found when the records are prepared, before typesetting (`render::preflight`).
    Records,
    /// Found by `build` when it writes the records.
    Build,
}

/// A problem found by a rule, before the runner adds file, severity and citations.
#[derive(Debug, Clone)]
pub struct Finding {
    pub pos: Pos,
    pub message: String,
    pub related: Vec<(Pos, String)>,
    /// Overrides the rule's severity (rules with E/W thresholds).
    pub severity: Option<Severity>,
}

impl Finding {
    pub fn new(pos: Pos, message: impl Into<String>) -> Self {
        Self {
            pos,
            message: message.into(),
            related: Vec::new(),
            severity: None,
        }
    }

    pub fn related(mut self, pos: Pos, label: impl Into<String>) -> Self {
        self.related.push((pos, label.into()));
        self
    }

    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = Some(s);
        self
    }
}
