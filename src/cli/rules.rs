use std::fmt::Write;
use std::path::Path;

use clap::Args;

use super::Exit;
use crate::check::{self, Applies, registry};
use crate::error::{Error, Result};
use crate::load;

#[derive(Args)]
pub struct RulesArgs {
    /// Only the rules that apply to this scheme, with its severities and citations
    #[arg(long, value_name = "ID")]
    scheme: Option<String>,
}

pub fn run(args: &RulesArgs, root: &Path) -> Result<Exit> {
    let rules = load::load_rules(root)?;
    let mut out = String::new();
    match &args.scheme {
        Some(id) => {
            let scheme = rules.schemes.get(id).ok_or_else(|| {
                let known: Vec<&str> = rules.schemes.keys().map(String::as_str).collect();
                Error::Usage(format!("no scheme `{id}` (known: {})", known.join(", ")))
            })?;
            let _ = writeln!(
                out,
                "{} ({} {}, standard {})\n",
                scheme.id,
                scheme.rule_document.number,
                scheme.rule_document.version,
                scheme.standard.number
            );
            for rule in registry::documented() {
                if rule.applies == Applies::WhenConfigured && scheme.rule(rule.id).is_none() {
                    continue;
                }
                let (severity, citations) = check::resolve(rule, Some(scheme));
                let _ = writeln!(out, "{:<34} {:<7}  {}", rule.id, severity, rule.summary);
                if !citations.is_empty() {
                    let _ = writeln!(out, "{:<34} {:<7}  = {}", "", "", citations.join("; "));
                }
            }
        }
        None => {
            for rule in registry::documented() {
                let _ = writeln!(
                    out,
                    "{:<34} {:<7}  {}",
                    rule.id, rule.severity, rule.summary
                );
                for (id, scheme) in &rules.schemes {
                    if rule.applies == Applies::WhenConfigured && scheme.rule(rule.id).is_none() {
                        continue;
                    }
                    let (severity, citations) = check::resolve(rule, Some(scheme));
                    let _ = writeln!(
                        out,
                        "    {id:<20} {severity:<7}  {}",
                        if citations.is_empty() {
                            "-".to_string()
                        } else {
                            citations.join("; ")
                        }
                    );
                }
            }
        }
    }
    super::print(&out)?;
    Ok(Exit::Clean)
}
