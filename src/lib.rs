//! certdoc: certification cases in, diagnostics and controlled records out.
//!
//! The pipeline runs one way: `load` (YAML into positioned models) → `check` (rules) →
//! and later records, render and output. `diag` and `error` sit beside it.

pub mod atomic;
pub mod check;
pub mod cli;
pub mod control;
pub mod dates;
pub mod diag;
pub mod driver;
pub mod error;
pub mod fuzz;
pub mod load;
pub mod output;
pub mod publish;
pub mod records;
pub mod render;
pub mod source;
