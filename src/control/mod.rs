//! Document control, the domain logic that check, records and build share: which revisions
//! of a record exist (issued ones from the lock, declared ones from the case, and those a
//! record's stages imply), what a record says (its fingerprint), and the lock files that
//! keep both in git.

pub mod fingerprint;
pub mod lock;
pub mod project;
pub mod revisions;
pub mod stages;
pub mod templates;

pub use fingerprint::{Fact, Fields, Src};
pub use lock::{FormLock, Lock};
pub use revisions::{Origin, Rev};
