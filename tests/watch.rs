//! `certdoc build --watch`: a saved case is built again at once, with the check's result.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::{copy_tree, repo};

type Res = Result<(), Box<dyn std::error::Error>>;

/// Wait for a line of the child's output containing `what`.
fn wait_for(lines: &mpsc::Receiver<String>, what: &str, seen: &mut Vec<String>) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) => {
                let hit = line.contains(what);
                seen.push(line);
                if hit {
                    return true;
                }
            }
            Err(_) => return false,
        }
    }
    false
}

#[test]
fn a_saved_case_is_checked_and_built_again() -> Res {
    let dir = tempfile::tempdir()?;
    for sub in ["rules", "templates", "cases"] {
        copy_tree(&repo().join(sub), &dir.path().join(sub));
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_certdoc"))
        .current_dir(dir.path())
        .args(["build", "--watch", "--as-of", "2026-12-02"])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let (tx, lines) = mpsc::channel();
    for stream in [
        child
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
        child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
    ]
    .into_iter()
    .flatten()
    {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
    }
    let mut seen = Vec::new();
    let first = wait_for(&lines, "watching cases/", &mut seen);

    // A change of content without a new revision: the check says so on the next build.
    let case = dir.path().join("cases/2026/TB-PIC-2026-003.yaml");
    let text = std::fs::read_to_string(&case)?;
    std::fs::write(
        &case,
        text.replace("  top_manager: 陈建国", "  top_manager: 陈建军"),
    )?;
    let again = first && wait_for(&lines, "building again", &mut seen);
    let judged = again && wait_for(&lines, "revision-required", &mut seen);
    let summary = judged
        && wait_for(
            &lines,
            "not built (errors above): TB-PIC-2026-003",
            &mut seen,
        );

    // Put back: clean again.
    std::fs::write(&case, &text)?;
    let clean = summary && wait_for(&lines, ": 0 errors, ", &mut seen);
    let _ = child.kill();
    let _ = child.wait();
    assert!(first, "the first build never finished: {seen:#?}");
    assert!(again, "the change was not noticed: {seen:#?}");
    assert!(
        judged && summary,
        "the check's result was not printed: {seen:#?}"
    );
    assert!(clean, "the restored case was not built clean: {seen:#?}");
    Ok(())
}
