//! A generated project for the benches: the repository's rules and templates and copies
//! of the bundled cases, each under a new case and certificate number.

use std::path::Path;

const EXAMPLES: [(&str, &str, &str); 3] = [
    (
        "cases/2026/TB-PIC-2026-003.yaml",
        "TB-PIC-2026-003",
        "TB-PIC-2026-0003",
    ),
    (
        "cases/2024/HZL-TS-2024-017.yaml",
        "HZL-TS-2024-017",
        "HZL2025TS0017",
    ),
    (
        "cases/2022/TB-CMS-2022-008.yaml",
        "TB-CMS-2022-008",
        "TB-CMS-2023-0008",
    ),
];

/// Certificate numbers other than the first, renumbered the same way.
const MORE_CERTIFICATES: [&str; 1] = ["TB-CMS-2026-0002"];

pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let p = e?.path();
        let target = to.join(p.file_name().unwrap_or_default());
        if p.is_dir() {
            copy_dir(&p, &target)?;
        } else {
            std::fs::copy(&p, &target)?;
        }
    }
    Ok(())
}

/// Write `cases` case files under `root/cases/`, copying rules and templates there too.
/// Returns the paths written and their total size in bytes.
pub fn generate(root: &Path, cases: usize) -> std::io::Result<(Vec<std::path::PathBuf>, usize)> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("rules"), &root.join("rules"))?;
    // Templates too: `check` reads the fonts to find characters no record could show.
    copy_dir(&repo.join("templates"), &root.join("templates"))?;
    let texts: Vec<String> = EXAMPLES
        .iter()
        .map(|(p, _, _)| std::fs::read_to_string(repo.join(p)))
        .collect::<Result<_, _>>()?;
    let mut bytes = 0;
    let mut paths = Vec::new();
    for i in 0..cases {
        let k = i % EXAMPLES.len();
        let (_, case, cert) = EXAMPLES[k];
        let mut text = texts[k]
            .replace(case, &format!("{case}-{i:04}"))
            .replace(cert, &format!("{cert}{i:04}"));
        for other in MORE_CERTIFICATES {
            text = text.replace(other, &format!("{other}{i:04}"));
        }
        bytes += text.len();
        let folder = root.join(format!("cases/{:02}", i / 100));
        std::fs::create_dir_all(&folder)?;
        let path = folder.join(format!("case-{i:04}.yaml"));
        std::fs::write(&path, text)?;
        paths.push(path);
    }
    Ok((paths, bytes))
}

/// A build as the command line runs it on this machine's cores: into `out`, with the parse
/// cache, only `shard`'s cases when one is given.
#[allow(dead_code)] // The check bench builds nothing.
pub fn build_options(
    out: &Path,
    shard: Option<certdoc::output::shard::Shard>,
) -> certdoc::driver::build::Options {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    certdoc::driver::build::Options {
        out: out.to_path_buf(),
        threads: cores,
        progress: None,
        loading: certdoc::driver::Loading {
            threads: cores,
            cache: true,
            ..certdoc::driver::Loading::default()
        },
        locked: false,
        force: false,
        shard,
    }
}
