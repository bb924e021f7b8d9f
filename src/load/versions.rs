//! Which version of a rule document and of a standard was in force on a day
//! (`rules-next.md`, "Rule versions by effective date"): the one place that check, records
//! and `explain` ask. A scheme file without `versions` has one version in force on every date.

use std::sync::Arc;

use super::Date;
use super::scheme::{DocVersion, Scheme, StandardVersion};

/// The rule-document version in force on a day.
#[derive(Debug, Clone, Copy)]
pub enum RuleVersion<'s> {
    /// The scheme file declares no versions: its `rule_document.version` is in force.
    Only,
    /// Entry `index` of `rule_document.versions`.
    Entry { index: usize, entry: &'s DocVersion },
    /// The day is before the first entry's `effective`.
    Before,
}

/// The rule-document version in force on `day`.
pub fn rule_version(scheme: &Scheme, day: Date) -> RuleVersion<'_> {
    let versions = &scheme.rule_document.versions;
    if versions.is_empty() {
        return RuleVersion::Only;
    }
    match in_force(
        versions
            .iter()
            .map(|v| v.effective.as_ref().map(|e| e.value)),
        day,
    ) {
        Some(index) => RuleVersion::Entry {
            index,
            entry: &versions[index].value,
        },
        None => RuleVersion::Before,
    }
}

/// The index of the entry in force on `day` among entries with these effective dates
/// (oldest first; `None` only on the first, in force for every earlier date).
fn in_force(effective: impl Iterator<Item = Option<Date>>, day: Date) -> Option<usize> {
    let mut found = None;
    for (i, e) in effective.enumerate() {
        match e {
            Some(e) if e > day => break,
            _ => found = Some(i),
        }
    }
    found
}

/// The label printed for the rule document on a record of `day`: the entry's own label,
/// none for an entry without one, or for a day before the first entry (never the label
/// of a version that was not in force).
pub fn rule_label(scheme: &Scheme, day: Date) -> Option<&str> {
    match rule_version(scheme, day) {
        RuleVersion::Only => Some(scheme.rule_document.version.as_str()),
        RuleVersion::Entry { entry, .. } => entry.version.as_ref().map(|v| v.as_str()),
        RuleVersion::Before => None,
    }
}

/// Whether what the rules of that version said is known: the newest, a `same_as` or an
/// `overrides` entry.
pub fn content_known(scheme: &Scheme, v: RuleVersion) -> bool {
    match v {
        RuleVersion::Only => true,
        RuleVersion::Before => false,
        RuleVersion::Entry { index, entry } => {
            index + 1 == scheme.rule_document.versions.len()
                || entry.same_as.is_some()
                || !entry.overrides.is_empty()
        }
    }
}

/// The scheme whose rules apply on `day`: the newest's, or an older version's with its
/// overrides; a version whose content is unknown (or a day before the first) is checked
/// with the earliest version whose content is known.
pub fn scheme_on(scheme: &Scheme, day: Date) -> &Scheme {
    let version = rule_version(scheme, day);
    let index = match version {
        RuleVersion::Only => return scheme,
        RuleVersion::Entry { index, .. } if content_known(scheme, version) => index,
        _ => match earliest_known(scheme) {
            Some(i) => i,
            None => return scheme,
        },
    };
    match scheme.variants.get(index) {
        Some(Some(v)) => v,
        _ => scheme,
    }
}

fn earliest_known(scheme: &Scheme) -> Option<usize> {
    let versions = &scheme.rule_document.versions;
    (0..versions.len()).find(|&i| {
        content_known(
            scheme,
            RuleVersion::Entry {
                index: i,
                entry: &versions[i].value,
            },
        )
    })
}

/// The standard version in force on a day.
#[derive(Debug, Clone, Copy)]
pub enum StandardOn<'s> {
    /// The scheme file declares no versions: `standard.number` is in force.
    Unversioned,
    Entry(&'s StandardVersion),
    /// The day is before the first entry's `effective`.
    Before,
}

/// The standard version in force on `day`.
pub fn standard_on(scheme: &Scheme, day: Date) -> StandardOn<'_> {
    let versions = &scheme.standard.versions;
    if versions.is_empty() {
        return StandardOn::Unversioned;
    }
    match in_force(
        versions
            .iter()
            .map(|v| v.effective.as_ref().map(|e| e.value)),
        day,
    ) {
        Some(i) => StandardOn::Entry(&versions[i].value),
        None => StandardOn::Before,
    }
}

/// Build the scheme of each older version with overrides: the newest's rules with that
/// version's settings laid over them. `same_as` names the version whose rules it had.
pub fn build_variants(scheme: &mut Scheme) {
    let versions = scheme.rule_document.versions.clone();
    let mut variants: Vec<Option<Arc<Scheme>>> = Vec::with_capacity(versions.len());
    for entry in &versions {
        if entry.overrides.is_empty() {
            variants.push(None);
            continue;
        }
        let mut older = scheme.clone();
        older.variants = Vec::new();
        older.rule_document.value.versions = Vec::new();
        for (rule, over) in &entry.overrides {
            let base = scheme
                .rules
                .get(rule)
                .map(|r| r.value.clone())
                .unwrap_or_default();
            let mut merged = base;
            if over.severity.is_some() {
                merged.severity = over.severity;
            }
            if !over.citations.is_empty() {
                merged.citations = over.citations.clone();
            }
            for (k, v) in &over.params {
                merged.params.insert(k.clone(), v.clone());
            }
            // Parsed afresh for this version (`check::validate`).
            merged.typed = std::sync::OnceLock::new();
            older
                .rules
                .insert(rule.clone(), crate::source::At::new(merged, over.pos));
        }
        variants.push(Some(Arc::new(older)));
    }
    scheme.variants = variants;
}

#[cfg(test)]
mod tests {
    use super::in_force;
    use crate::load::Date;

    #[test]
    fn each_entry_runs_to_the_day_before_the_next() {
        let d = |s| Date::parse(s);
        let day = |s| Date::parse(s).unwrap_or_else(|| panic!("{s}"));
        let dates = [d("2022-12-20"), d("2026-04-23")];
        let at = |s| in_force(dates.iter().copied(), day(s));
        assert_eq!(at("2022-12-19"), None);
        assert_eq!(at("2022-12-20"), Some(0));
        assert_eq!(at("2026-04-22"), Some(0));
        assert_eq!(at("2026-04-23"), Some(1));
        let open = [None, d("2026-01-01")];
        assert_eq!(in_force(open.iter().copied(), day("1999-01-01")), Some(0));
    }
}
