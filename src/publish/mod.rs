//! Stage 6, after `output`: what the body publishes and what its staff look at, made from
//! the checked cases: the public register, register exports, the internal HTML index and
//! the deadline calendar.

pub mod calendar;
