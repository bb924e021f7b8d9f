use std::fmt::Write;
use std::path::Path;

use clap::Args;

use super::Exit;
use crate::check::{self, Applies, registry};
use crate::error::{Error, Result};
use crate::load;

#[derive(Args)]
pub struct ExplainArgs {
    /// A rule id, as shown in diagnostics (e.g. stage-gap)
    rule: String,
}

pub fn run(args: &ExplainArgs, root: &Path) -> Result<Exit> {
    let rule = registry::find(&args.rule).ok_or_else(|| {
        let near = registry::did_you_mean(&args.rule);
        Error::Usage(format!(
            "no rule `{}`; {near}`certdoc rules` lists them",
            args.rule
        ))
    })?;
    let rules = load::load_rules(root)?;
    check::validate(&rules)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({})\n\n{}.\n",
        rule.id, rule.severity, rule.summary
    );
    let _ = writeln!(out, "{}\n", rule.docs);
    let params = check::params::docs(rule);
    if !params.is_empty() {
        let _ = writeln!(out, "Parameters (set per scheme):");
        for p in &params {
            let optional = if p.required { "" } else { ", optional" };
            let _ = writeln!(out, "  {} ({}{optional})", p.name, p.kind);
            if !p.meaning.is_empty() {
                let _ = writeln!(out, "      {}", p.meaning);
            }
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "Per scheme:");
    for (id, scheme) in &rules.schemes {
        let cfg = scheme.rule(rule.id);
        if rule.applies == Applies::WhenConfigured && cfg.is_none() {
            let _ = writeln!(out, "  {id}: does not apply");
            continue;
        }
        let (severity, citations) = check::resolve(rule, Some(scheme));
        let _ = writeln!(
            out,
            "  {id} ({} {}): {severity}",
            scheme.rule_document.number, scheme.rule_document.version
        );
        if !citations.is_empty() {
            let _ = writeln!(out, "      cites: {}", citations.join("; "));
        }
        for p in &params {
            let _ = writeln!(
                out,
                "      {}",
                setting(&p.name, cfg.and_then(|c| c.param(&p.name)))
            );
        }
        // Older versions of the rule document that set this rule otherwise.
        for v in &scheme.rule_document.versions {
            let Some(over) = v.overrides.get(rule.id) else {
                continue;
            };
            let label = v.version.as_ref().map_or("(unlabelled)", |l| l.as_str());
            let from = v
                .effective
                .as_ref()
                .map_or("the start".to_string(), |e| e.value.to_string());
            let _ = writeln!(out, "    version {label} (in force from {from}):");
            if let Some(sev) = over.severity {
                let _ = writeln!(out, "      severity = {sev}");
            }
            for name in over.params.keys() {
                let _ = writeln!(out, "      {}", setting(name, over.param(name)));
            }
        }
    }
    let _ = writeln!(out, "\nExample of a violation:\n");
    for line in rule.example.lines() {
        let _ = writeln!(out, "    {line}");
    }
    super::print(&out)?;
    Ok(Exit::Clean)
}

/// One parameter as a scheme file sets it.
fn setting(name: &str, value: Option<&serde_json::Value>) -> String {
    match value {
        Some(serde_json::Value::String(word)) => format!("{name} = {word}"),
        Some(value) => format!("{name} = {value}"),
        None => format!("{name} not set"),
    }
}
