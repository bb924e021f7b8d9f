//! A full rebuild over a CI matrix: `build --shard I/N` on separate checkouts, the outputs
//! put together, `certdoc index` joins them: the same files as one unsharded build. And the
//! example GitHub Actions workflow's commands, run as its jobs would run them.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::common::{certdoc, copy_tree, repo, stdout};

type Res = Result<(), Box<dyn std::error::Error>>;

/// A fresh checkout of the bundled project.
fn checkout() -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    for sub in ["rules", "templates", "cases", "schema", "docs"] {
        copy_tree(&repo().join(sub), &dir.path().join(sub));
    }
    Ok(dir)
}

/// Every file under `dir` with its bytes, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(dir).ok()?.display().to_string();
            Some((rel, std::fs::read(e.path()).ok()?))
        })
        .collect()
}

fn assert_same(unsharded: &Path, joined: &Path) {
    let a = files(unsharded);
    let b = files(joined);
    let names = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b), "the same files");
    for (name, bytes) in &a {
        assert!(b.get(name) == Some(bytes), "{name} differs");
    }
    assert!(a.contains_key("index.json") && a.contains_key("public/register.json"));
}

#[test]
fn a_sharded_build_joined_is_the_unsharded_build() -> Res {
    let whole = checkout()?;
    let o = certdoc(
        whole.path(),
        &["build", "--locked", "--as-of", "2026-12-02"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    // Three CI jobs, each on its own checkout; then their outputs in one folder.
    let joined = checkout()?;
    let mut built = 0;
    for i in 1..=3 {
        let job = checkout()?;
        let shard = format!("{i}/3");
        let o = certdoc(
            job.path(),
            &[
                "build",
                "--locked",
                "--shard",
                &shard,
                "--as-of",
                "2026-12-02",
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
        let part = std::fs::read_to_string(
            job.path()
                .join(format!("output/index.d/shard-{i}-of-3.json")),
        )?;
        let part: serde_json::Value = serde_json::from_str(&part)?;
        built += part["cases"].as_array().map_or(0, Vec::len);
        assert!(
            !job.path().join("output/index.json").exists(),
            "a shard writes no index"
        );
        copy_tree(&job.path().join("output"), &joined.path().join("output"));
    }
    assert_eq!(built, 4, "every bundled case in exactly one shard");

    // A missing shard is refused, and leaves the parts in place.
    let partial = checkout()?;
    let job = checkout()?;
    certdoc(
        job.path(),
        &["build", "--shard", "1/3", "--as-of", "2026-12-02"],
    );
    copy_tree(&job.path().join("output"), &partial.path().join("output"));
    let o = certdoc(partial.path(), &["index", "--as-of", "2026-12-02"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("shard 2/3 is missing") && err.contains("is in no part"),
        "{err}"
    );
    assert!(
        partial
            .path()
            .join("output/index.d/shard-1-of-3.json")
            .exists()
    );

    let o = certdoc(joined.path(), &["index", "--as-of", "2026-12-02"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        stdout(&o),
        String::from_utf8_lossy(&o.stderr)
    );
    assert_same(&whole.path().join("output"), &joined.path().join("output"));
    Ok(())
}

/// The `run:` lines of a job of the workflow that call certdoc.
fn certdoc_steps(workflow: &serde_json::Value, job: &str) -> Vec<String> {
    workflow["jobs"][job]["steps"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["run"].as_str())
        .filter(|r| r.trim_start().starts_with("certdoc "))
        .map(str::to_string)
        .collect()
}

/// Run a step's shell line in `dir`, with the built certdoc first on the PATH.
fn run(dir: &Path, line: &str) -> Result<std::process::Output, std::io::Error> {
    let bin = Path::new(env!("CARGO_BIN_EXE_certdoc"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap_or(Path::new(".")).display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("bash")
        .args(["-eo", "pipefail", "-c", line])
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .output()
}

#[test]
fn the_example_workflow_runs_its_commands_as_ci_would() -> Res {
    let text = std::fs::read_to_string(repo().join("docs/ci/github-actions.yml"))?;
    let workflow: serde_json::Value = serde_saphyr::from_str(&text)?;

    // check: annotations and SARIF on every pull request.
    let check = certdoc_steps(&workflow, "check");
    assert!(
        check.iter().any(|s| s.contains("--format github")),
        "{check:?}"
    );
    assert!(
        check.iter().any(|s| s.contains("--format sarif")),
        "{check:?}"
    );
    let dir = checkout()?;
    for line in &check {
        let o = run(dir.path(), line)?;
        assert_eq!(
            o.status.code(),
            Some(0),
            "{line}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("certdoc.sarif"))?)?;
    assert_eq!(sarif["version"], "2.1.0");

    // build: one job per matrix entry, each on its own checkout; the artifacts into one folder.
    let shards: Vec<String> = workflow["jobs"]["build"]["strategy"]["matrix"]["shard"]
        .as_array()
        .ok_or("no shard matrix")?
        .iter()
        .map(|v| v.to_string())
        .collect();
    assert!(shards.len() >= 2, "{shards:?}");
    let build = certdoc_steps(&workflow, "build");
    assert!(
        build
            .iter()
            .any(|s| s.contains("--locked") && s.contains("--shard")),
        "{build:?}"
    );
    let merged = checkout()?;
    for shard in &shards {
        let job = checkout()?;
        for line in &build {
            let line = line.replace("${{ matrix.shard }}", shard);
            let o = run(job.path(), &line)?;
            assert_eq!(
                o.status.code(),
                Some(0),
                "{line}: {}",
                String::from_utf8_lossy(&o.stdout)
            );
        }
        copy_tree(&job.path().join("output"), &merged.path().join("output"));
    }

    // index: joins the parts.
    let index = certdoc_steps(&workflow, "index");
    assert!(!index.is_empty());
    for line in &index {
        let o = run(merged.path(), line)?;
        assert_eq!(
            o.status.code(),
            Some(0),
            "{line}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let joined: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
        merged.path().join("output/index.json"),
    )?)?;
    let cases: std::collections::BTreeSet<&str> = joined["records"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["case"].as_str())
        .collect();
    assert_eq!(cases.len(), 4, "{cases:?}");
    assert!(merged.path().join("output/public/index.html").is_file());
    Ok(())
}
