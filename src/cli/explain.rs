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
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({})\n\n{}.\n",
        rule.id, rule.severity, rule.summary
    );
    let _ = writeln!(out, "{}\n", rule.docs);
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
        for (name, value) in cfg.map(|c| &c.params).into_iter().flatten() {
            let _ = writeln!(out, "      {name} = {}", value.value);
        }
    }
    let _ = writeln!(out, "\nExample of a violation:\n");
    for line in rule.example.lines() {
        let _ = writeln!(out, "    {line}");
    }
    super::print(&out)?;
    Ok(Exit::Clean)
}
