//! Arbitrary bytes as a case file: load, check, every output format, the parse cache.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    certdoc::fuzz::enforce(certdoc::fuzz::yaml_case(data));
});
