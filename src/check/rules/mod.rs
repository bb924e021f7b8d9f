//! One file per rule id of `rules.md`.

pub mod credit_code;
pub mod date_order;
pub mod duplicate_id;
pub mod schema;
pub mod unknown_reference;
