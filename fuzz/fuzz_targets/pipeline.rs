//! A bundled case with fuzzer-chosen values replaced: a clean check must render every record.
//!
//! With `CERTDOC_FUZZ_DUMP=<file>` set, the case file an input stands for is written there
//! (run the target on one input to turn a crash into a readable regression case).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(path) = std::env::var_os("CERTDOC_FUZZ_DUMP")
        && let Some(m) = certdoc::fuzz::mutations(data)
        && let Ok(text) = certdoc::fuzz::mutate(&m)
    {
        let _ = std::fs::write(path, text);
    }
    certdoc::fuzz::enforce(certdoc::fuzz::pipeline(data));
});
