//! Stage 2: run every rule of the registry over the loaded cases.

pub mod answer;
pub mod audit_time;
pub mod control;
pub mod cycle;
pub mod params;
pub mod reference;
pub mod registry;
pub mod reminders;
pub mod rule;
pub mod rules;
pub mod schedule;
pub mod standing;

use crate::diag::{Diagnostic, Severity};
use crate::load::{Body, Case, CaseFile, Date, Rules, Scheme};
use crate::source::Pos;
pub use params::WithParams;
pub use rule::{Applies, Check, Finding, Rule};

use std::path::PathBuf;

use crate::error::Error;

/// Refuse a scheme file whose rule settings the rules cannot use: an unknown rule id, an
/// unknown parameter, a missing one, or one of the wrong kind or out of range. Such a file
/// is a tool failure (exit 2), pointed at the exact line. The parameters parsed here are
/// kept with the scheme, so no check parses them again.
pub fn validate(rules: &Rules) -> Result<(), Error> {
    for (id, scheme) in &rules.schemes {
        let path = PathBuf::from("rules/schemes").join(format!("{id}.yaml"));
        let fail = |pos: Pos, message: String| Error::Rules {
            path: path.clone(),
            pos,
            message,
        };
        // The rules as each older version had them, with their own parameters.
        let older = scheme.variants.iter().flatten().flat_map(|v| {
            scheme
                .rule_document
                .versions
                .iter()
                .flat_map(|e| e.overrides.keys())
                .filter_map(move |id| v.rules.get_key_value(id))
        });
        for (rule_id, cfg) in scheme.rules.iter().chain(older) {
            let Some(rule) = registry::find(rule_id) else {
                if registry::PLANNED.contains(&rule_id.as_str()) {
                    continue;
                }
                return Err(fail(
                    cfg.pos,
                    format!("no rule `{rule_id}`; `certdoc rules` lists them"),
                ));
            };
            if let Err(e) = params::typed(rule, cfg) {
                return Err(fail(e.pos, e.message.clone()));
            }
        }
    }
    Ok(())
}

/// What a per-case rule sees.
pub struct Ctx<'a> {
    /// The case file's path relative to the root.
    pub file: &'a str,
    pub case: &'a Case,
    pub scheme: Option<&'a Scheme>,
    pub body: Option<&'a Body>,
    pub rules: &'a Rules,
    pub as_of: Date,
    /// The revisions already issued, from the lock file beside the case.
    pub lock: Option<&'a crate::control::Lock>,
}

impl<'a> Ctx<'a> {
    /// This case's scheme settings for a rule (present whenever the rule runs).
    pub fn config(&self, rule: &str) -> Option<&'a crate::load::scheme::RuleConfig> {
        self.scheme.and_then(|s| s.rule(rule))
    }

    /// The scheme's parameters for `rule`, as the rule's `Params` type: `None` when the
    /// scheme does not configure the rule, or its settings were refused (`validate`).
    pub fn params<P: 'static>(&self, rule: &Rule) -> Option<&'a P> {
        scheme_params(self.scheme?, rule)
    }
}

/// A scheme's parameters for `rule`, typed; for the stages after `check` (records print
/// the minimums the rules apply) as much as for the rules themselves.
pub fn scheme_params<'s, P: 'static>(scheme: &'s Scheme, rule: &Rule) -> Option<&'s P> {
    let cfg = scheme.rules.get(rule.id)?;
    params::typed(rule, cfg).ok()?.downcast_ref::<P>()
}

/// What a cross-case rule sees.
pub struct ProjectCtx<'a> {
    pub cases: Vec<Ctx<'a>>,
}

/// What each loaded case's rules see, beside its file; cases that failed to load are
/// skipped (the loader reported them).
pub fn contexts<'a>(
    files: &'a [CaseFile],
    rules: &'a Rules,
    as_of: Date,
) -> (Vec<&'a CaseFile>, Vec<Ctx<'a>>) {
    files
        .iter()
        .filter_map(|f| {
            let case = f.case.as_ref()?;
            let ctx = Ctx {
                file: &f.source.path,
                case,
                scheme: rules.schemes.get(case.scheme.as_str()),
                body: rules.bodies.get(case.body.as_str()),
                rules,
                as_of,
                lock: f.lock.as_ref(),
            };
            Some((f, ctx))
        })
        .unzip()
}

/// Check every loaded case.
pub fn check(files: &[CaseFile], rules: &Rules, as_of: Date) -> Vec<Diagnostic> {
    let (files, cases) = contexts(files, rules, as_of);
    let project = ProjectCtx { cases };
    // Where a case's dates fall in versions of its rule document with other rule settings.
    let plays: Vec<Option<(reference::Dates, Vec<&Scheme>)>> = project
        .cases
        .iter()
        .map(|ctx| {
            let scheme = ctx
                .scheme
                .filter(|s| s.variants.iter().any(Option::is_some))?;
            let dates = reference::Dates::of(ctx.case);
            let schemes = reference::versions_in_play(scheme, &dates);
            (!schemes.is_empty()).then_some((dates, schemes))
        })
        .collect();
    let mut out = Vec::new();
    for rule in registry::RULES {
        let mut found: Vec<(usize, Finding, Option<&Scheme>)> = Vec::new();
        let run = |ctx: &Ctx, out: &mut Vec<Finding>| match &rule.check {
            Check::Case(f) => f(ctx, out),
            Check::Configured(c) => c.run(rule, ctx, out),
            _ => {}
        };
        match &rule.check {
            Check::Loader | Check::Records | Check::Build => {}
            Check::Case(_) | Check::Configured(_) => {
                for (i, ctx) in project.cases.iter().enumerate() {
                    if !applies(rule, ctx) {
                        continue;
                    }
                    match plays.get(i).and_then(Option::as_ref) {
                        Some((dates, schemes)) if overridden(ctx.scheme, rule) => {
                            // Each version's settings judge what is dated in that version.
                            for s in schemes {
                                let version = Ctx {
                                    scheme: Some(*s),
                                    ..*ctx
                                };
                                let mut one = Vec::new();
                                run(&version, &mut one);
                                found.extend(
                                    one.into_iter()
                                        .filter(|x| {
                                            ctx.scheme.is_some_and(|n| {
                                                std::ptr::eq(
                                                    crate::load::versions::scheme_on(
                                                        n,
                                                        dates.at(x.pos),
                                                    ),
                                                    *s,
                                                )
                                            })
                                        })
                                        .map(|x| (i, x, Some(*s))),
                                );
                            }
                        }
                        _ => {
                            let mut one = Vec::new();
                            run(ctx, &mut one);
                            found.extend(one.into_iter().map(|x| (i, x, None)));
                        }
                    }
                }
            }
            Check::Project(f) => {
                let mut all = Vec::new();
                f(&project, &mut all);
                found.extend(all.into_iter().map(|(i, x)| (i, x, None)));
            }
        }
        for (i, x, version) in found {
            if let (Some(file), Some(ctx)) = (files.get(i), project.cases.get(i))
                && applies(rule, ctx)
            {
                out.push(diagnostic(rule, file, version.or(ctx.scheme), x));
            }
        }
    }
    out
}

/// Whether some older version of the case's rule document set this rule otherwise.
fn overridden(scheme: Option<&Scheme>, rule: &Rule) -> bool {
    scheme.is_some_and(|s| {
        s.rule_document
            .versions
            .iter()
            .any(|v| v.overrides.contains_key(rule.id))
    })
}

fn applies(rule: &Rule, ctx: &Ctx) -> bool {
    let records = !registry::EVIDENCE_RECORDS.contains(&rule.id)
        || ctx.body.is_some_and(|b| b.evidence_records);
    records
        && match rule.applies {
            Applies::Always => true,
            Applies::WhenConfigured => ctx.scheme.is_some_and(|s| s.rule(rule.id).is_some()),
        }
}

/// Severity and citations of a rule under a scheme: the scheme file's, else the rule's own.
pub fn resolve(rule: &Rule, scheme: Option<&Scheme>) -> (Severity, Vec<String>) {
    let cfg = scheme.and_then(|s| s.rule(rule.id));
    let severity = cfg.and_then(|c| c.severity).unwrap_or(rule.severity);
    let citations = match cfg {
        Some(c) if !c.citations.is_empty() => c.citations.clone(),
        _ => rule
            .default_citations
            .iter()
            .map(|s| s.to_string())
            .collect(),
    };
    (severity, citations)
}

fn diagnostic(rule: &Rule, file: &CaseFile, scheme: Option<&Scheme>, f: Finding) -> Diagnostic {
    let (severity, citations) = resolve(rule, scheme);
    Diagnostic {
        rule: rule.id,
        severity: f.severity.unwrap_or(severity),
        file: file.source.path.clone(),
        pos: if f.pos.is_known() {
            f.pos
        } else {
            Pos::new(1, 1)
        },
        message: f.message,
        citations,
        related: f.related,
    }
}

/// `from` plus `n` working days from the calendar; a year the calendar lacks is counted
/// Monday to Friday, with one warning at `from` per missing year.
pub fn working_days_after(
    ctx: &Ctx,
    from: &crate::source::At<Date>,
    n: u32,
    out: &mut Vec<Finding>,
) -> Date {
    let (day, missing) = crate::dates::add_working_days(&ctx.rules.calendar, from.value, n);
    for year in missing {
        out.push(
            Finding::new(
                from.pos,
                format!(
                    "rules/calendar.yaml has no {year}; working days were counted Monday to Friday"
                ),
            )
            .severity(Severity::Warning),
        );
    }
    day
}
