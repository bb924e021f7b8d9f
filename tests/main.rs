//! Every integration test in one binary: one link of the whole tool instead of one per
//! file, which is most of what `cargo test --release` takes after the build (README, set-up).
//! `cargo test --release --test integration MODULE::` runs one file's tests.

mod common;

mod browser;
mod calendar;
mod cli;
mod control;
mod fingerprints;
mod fixtures;
mod fuzz;
mod hostile;
mod messages;
mod new;
mod newcomer;
mod publish;
mod render;
mod shard;
mod versions;
mod watch;
