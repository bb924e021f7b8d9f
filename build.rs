//! Gives the parse cache (`src/load/cache.rs`) a digest of the loader's source: a cached
//! case was read by one version of the loader and its schema, and must not be served to
//! another, even between commits that share a version number.

use std::path::Path;

fn main() {
    let dir = Path::new("src/load");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    // FNV-1a, 64 bits: enough to tell loader versions apart, and needs no crate.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        for b in f
            .to_string_lossy()
            .bytes()
            .chain(std::fs::read(&f).unwrap_or_default())
        {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=CERTDOC_LOADER_DIGEST={hash:016x}");
}
