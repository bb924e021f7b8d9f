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
        Error::Usage(format!(
            "no rule `{}`; `certdoc rules` lists them",
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
            match cfg.and_then(|c| c.param(&p.name)) {
                Some(serde_json::Value::String(word)) => {
                    let _ = writeln!(out, "      {} = {word}", p.name);
                }
                Some(value) => {
                    let _ = writeln!(out, "      {} = {value}", p.name);
                }
                None => {
                    let _ = writeln!(out, "      {} not set", p.name);
                }
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
