//! A Markdown field converted to Typst and typeset in an `nc-report` record.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Fields are YAML strings, so always UTF-8; other bytes are not an input.
    if let Ok(text) = std::str::from_utf8(data) {
        certdoc::fuzz::enforce(certdoc::fuzz::markdown(text));
    }
});
