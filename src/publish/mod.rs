//! Stage 6, after `output`: what the body publishes and what its staff look at, made from
//! the checked cases: the public register, register exports, the internal HTML index and
//! the deadline calendar.

pub mod calendar;
pub mod case_page;
pub mod export;
pub mod html;
pub mod index_page;
pub mod public_page;
pub mod register;
pub mod site;
pub mod summary;
pub mod timeline;
