//! The official working-day calendar (`rules/calendar.yaml`).

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::Deserialize;

use super::date::Date;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    #[schemars(schema_with = "super::formats::calendar_years")]
    pub years: BTreeMap<i32, Year>,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Year {
    /// Official public holidays, weekend days inside a holiday period included.
    #[serde(default)]
    pub holidays: BTreeSet<Date>,
    /// Weekend days that are working days (调休上班日).
    #[serde(default)]
    pub workdays: BTreeSet<Date>,
}
