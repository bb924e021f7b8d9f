//! Join the parts of the index that sharded builds wrote: check that every case of the
//! project was built by exactly one shard, then write `index.json` and the pages as an
//! unsharded build would.

use std::collections::BTreeSet;
use std::path::Path;

use crate::error::Result;
use crate::load::Date;
use crate::output::{self, shard};
use crate::publish::site;

/// What joining gave.
pub struct Joined {
    pub records: usize,
    pub cases: usize,
    pub site: site::Written,
    /// Errors in the data (those cases were not built).
    pub errors: usize,
    /// Entries of an earlier index that could not be trusted.
    pub warnings: Vec<String>,
}

/// Join `out/index.d/`; `Ok(Err(problems))` when a part is missing, a case was built twice
/// or in no part, or a listed file is not in `out`. The parts are removed once joined.
pub fn join(
    root: &Path,
    out: &Path,
    as_of: Date,
) -> Result<std::result::Result<Joined, Vec<String>>> {
    let loading = super::Loading {
        context_findings: true,
        cache: true,
        ..super::Loading::default()
    };
    let checked = super::check_project_with(root, &[], as_of, loading)?;
    let cases: BTreeSet<String> = checked
        .cases
        .iter()
        .filter_map(|f| f.case.as_ref().map(|c| c.case.value.clone()))
        .collect();
    let entries = match shard::join(out, &cases) {
        Ok(entries) => entries,
        Err(problems) => return Ok(Err(problems)),
    };
    let missing: Vec<String> = entries
        .iter()
        .filter_map(|e| {
            e.validate(out).err().map(|why| {
                format!(
                    "{} (case {}): {why}; put every shard's output into one folder",
                    e.file, e.case
                )
            })
        })
        .collect();
    if !missing.is_empty() {
        return Ok(Err(missing));
    }
    let all: Vec<String> = cases.into_iter().collect();
    let warnings = output::write_index(out, &all, &entries)?;
    let findings: Vec<&crate::diag::Diagnostic> = checked.report.diagnostics.iter().collect();
    let site = site::write(
        out,
        &[&checked.cases],
        &findings,
        &checked.rules,
        as_of,
        &output::read_index(out),
    )?;
    shard::remove_parts(out)?;
    Ok(Ok(Joined {
        records: entries.len(),
        cases: all.len(),
        site,
        errors: checked.report.errors(),
        warnings,
    }))
}
