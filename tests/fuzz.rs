//! The fuzz targets of `certdoc::fuzz` in `cargo test`, without libFuzzer:
//!
//! - every regression input under `tests/fuzz-regressions/<target>/` through its target
//!   (inputs of findings not fixed yet are listed in `tests/fuzz-regressions/OPEN` and run
//!   by an ignored test instead);
//! - each target on the committed seeds plus a few hundred deterministic pseudo-random
//!   mutations, each target bounded to a few seconds;
//! - the property "`check` reports no error ⇒ `build` renders every record", on generated
//!   cases, through the driver as the CLI runs it.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use certdoc::fuzz::{self, Edit, Finding, Mutations, Value};

use crate::common::project_with;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// How long each target's seed-and-mutation run may take before it stops drawing inputs
/// (`CERTDOC_FUZZ_SECS` overrides the 6 s, for a longer run by hand).
fn budget() -> Duration {
    let secs = std::env::var("CERTDOC_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(6);
    Duration::from_secs(secs)
}

/// How many mutations each run draws (`CERTDOC_FUZZ_MUTATIONS` overrides the 300).
fn mutations() -> usize {
    std::env::var("CERTDOC_FUZZ_MUTATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300)
}

/// A small deterministic generator (xorshift64*): the same inputs on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Files under `dir` (any depth) whose name ends with `ext`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.to_string_lossy().ends_with(ext))
        .collect();
    out.sort();
    out
}

/// The findings not fixed yet: `<target>/<file>` of a regression input, a tab, and a piece
/// of the finding's text that identifies the bug.
fn open() -> Vec<(String, String)> {
    let text =
        std::fs::read_to_string(repo().join("tests/fuzz-regressions/OPEN")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (file, sig) = l.split_once('\t')?;
            Some((file.trim().to_string(), sig.trim().to_string()))
        })
        .collect()
}

/// Whether a finding is one of the open ones (so the mutation runs may meet it again).
fn is_open(target: &str, finding: &str) -> bool {
    open()
        .iter()
        .any(|(file, sig)| file.starts_with(&format!("{target}/")) && finding.contains(sig))
}

/// Run a target on one input: its finding, or the panic's message, as text.
fn run(target: &str, input: &[u8]) -> Result<(), String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| match target {
        "yaml_case" => fuzz::yaml_case(input),
        "markdown" => fuzz::markdown(&String::from_utf8_lossy(input)),
        "pipeline" => fuzz::pipeline_yaml(&String::from_utf8_lossy(input)),
        other => Err(Finding::Setup(format!("no target {other}"))),
    }));
    match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(Finding::Setup(e))) => panic!("set-up failed: {e}"),
        Ok(Err(f)) => Err(f.to_string()),
        Err(panic) => Err(format!(
            "panicked: {}",
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        )),
    }
}

const TARGETS: [&str; 3] = ["yaml_case", "markdown", "pipeline"];

/// The regression inputs of `target`, split into (fixed, open).
fn regressions(target: &str) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let open: Vec<String> = open().into_iter().map(|(f, _)| f).collect();
    let dir = repo().join("tests/fuzz-regressions").join(target);
    files(&dir, "")
        .into_iter()
        .partition(|p| !open.contains(&format!("{target}/{}", name(p))))
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn run_all(target: &str, inputs: &[PathBuf]) -> Vec<String> {
    inputs
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).unwrap_or_default();
            run(target, &bytes)
                .err()
                .map(|e| format!("{target}/{}: {e}", name(p)))
        })
        .collect()
}

#[test]
fn regression_inputs_pass_their_targets() {
    let mut failures = Vec::new();
    let mut count = 0;
    for target in TARGETS {
        let (fixed, _) = regressions(target);
        count += fixed.len();
        failures.extend(run_all(target, &fixed));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // Every OPEN line names a file that exists.
    for (file, _) in open() {
        assert!(
            repo().join("tests/fuzz-regressions").join(&file).is_file(),
            "OPEN lists {file}, which is not under tests/fuzz-regressions/"
        );
    }
    println!("{count} regression inputs pass");
}

#[test]
#[ignore = "open findings of issue 9 (tests/fuzz-regressions/OPEN); remove a line there once its bug is fixed"]
fn open_findings_are_fixed() {
    let mut failures = Vec::new();
    for target in TARGETS {
        let (_, open) = regressions(target);
        failures.extend(run_all(target, &open));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Run `inputs` through `target` until the budget is spent; a finding is a failure unless
/// it is an open one. Returns how many inputs ran.
/// Run `target` on every seed, then on mutations while the time budget lasts: the seeds
/// are the fixed part of the test, whatever the machine's speed.
fn drive(
    target: &str,
    seeds: usize,
    inputs: impl Iterator<Item = Vec<u8>>,
    failures: &mut Vec<String>,
) -> usize {
    let start = Instant::now();
    let mut ran = 0;
    for input in inputs {
        if ran >= seeds && start.elapsed() > budget() {
            break;
        }
        ran += 1;
        if let Err(e) = run(target, &input) {
            if is_open(target, &e) {
                println!("{target}: open finding met again: {}", first_line(&e));
            } else {
                failures.push(format!(
                    "{target} on {:?}:\n{e}",
                    String::from_utf8_lossy(&input)
                ));
            }
        }
    }
    ran
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

/// Pieces byte mutations splice in: YAML structure, dates, numbers, and hostile text.
const TOKENS: &[&str] = &[
    ": ",
    "- ",
    "\n",
    "\n  ",
    "  ",
    "&a ",
    "*a",
    "<<: *a",
    "!!binary ",
    "!!str ",
    "|",
    ">-",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "'",
    "#",
    "\t",
    "\u{feff}",
    "~",
    "null",
    "2026-02-30",
    "2026-02-28",
    "9999-12-31",
    "0",
    "-1",
    "1e309",
    ".nan",
    "true",
    "yes",
    "\r\n",
    "\\",
    "---\n",
    "...\n",
    "? ",
    "%YAML 1.2\n",
    "\u{0}",
    "\u{85}",
    "\u{2028}",
    "😀",
    "𠀀",
    "赣",
];

fn mutate_bytes(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(6) {
            0 if !v.is_empty() => {
                let i = at.min(v.len() - 1);
                v[i] ^= 1 << rng.below(8);
            }
            1 => {
                let end = (at + rng.below(64)).min(v.len());
                v.drain(at..end);
            }
            2 => {
                let tok = rng.pick(TOKENS).as_bytes().to_vec();
                v.splice(at..at, tok);
            }
            3 => {
                // Duplicate a slice somewhere else (lines, mappings).
                let end = (at + rng.below(200)).min(v.len());
                let piece = v[at..end].to_vec();
                let to = rng.below(v.len() + 1);
                v.splice(to..to, piece);
            }
            4 => v.truncate(at),
            _ => {
                let byte = u8::try_from(rng.below(256)).unwrap_or(0);
                v.insert(at, byte);
            }
        }
    }
    v
}

#[test]
fn yaml_case_on_seeds_and_mutations() {
    let mut seeds = files(&repo().join("cases"), ".yaml");
    let mut fixtures = files(&repo().join("tests/fixtures"), ".yaml");
    // A deterministic sample of the fixtures: every seventh, so the budget reaches mutations.
    fixtures = fixtures.into_iter().step_by(7).collect();
    seeds.extend(fixtures);
    let seeds: Vec<Vec<u8>> = seeds
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_default())
        .collect();
    assert!(seeds.len() > 10, "seeds found");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mutations: Vec<Vec<u8>> = (0..mutations())
        .map(|_| {
            let seed = rng.pick(&seeds).clone();
            mutate_bytes(&mut rng, &seed)
        })
        .collect();
    let mut failures = Vec::new();
    let ran = drive(
        "yaml_case",
        seeds.len(),
        seeds.iter().cloned().chain(mutations),
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(ran >= seeds.len(), "only {ran} inputs in {:?}", budget());
    println!("yaml_case: {ran} inputs");
}

/// Markdown pieces for mutations.
const MD: &[&str] = &[
    "- ",
    "  - ",
    "    - ",
    "1. ",
    "3) ",
    "* ",
    "+ ",
    "\n",
    "\n\n",
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "    ",
    "| a | b |\n|---|---|\n",
    "| x |",
    "> ",
    "# ",
    "<b>",
    "</b>",
    "<!-- -->",
    "![i](x)",
    "[l](u)",
    "\\",
    "---\n",
    "- [ ] ",
    "[^1]",
    "&amp;",
    "#",
    "$",
    "@x",
    "<lab>",
    "= ",
    "、",
    "不符合",
    "\t",
    "  \n",
];

#[test]
fn markdown_on_seeds_and_mutations() {
    let mut seeds: Vec<Vec<u8>> = files(&repo().join("fuzz/seeds/markdown"), ".md")
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_default())
        .collect();
    seeds.insert(0, b"".to_vec());
    assert!(seeds.len() > 3, "seeds found");
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mutations: Vec<Vec<u8>> = (0..mutations())
        .map(|_| {
            let mut s = String::from_utf8_lossy(rng.pick(seeds.as_slice()).as_slice()).into_owned();
            for _ in 0..=rng.below(5) {
                let mut at = rng.below(s.len() + 1);
                while !s.is_char_boundary(at) {
                    at -= 1;
                }
                if rng.below(4) == 0 {
                    let mut end = (at + rng.below(16)).min(s.len());
                    while !s.is_char_boundary(end) {
                        end -= 1;
                    }
                    s.replace_range(at..end, "");
                } else {
                    let piece = *rng.pick::<&str>(MD);
                    s.insert_str(at, piece);
                }
            }
            s.into_bytes()
        })
        .collect();
    // Conversion alone is cheap: every mutation goes through it.
    for m in &mutations {
        let _ = certdoc::render::markdown::to_typst(&String::from_utf8_lossy(m));
    }
    let mut failures = Vec::new();
    let ran = drive(
        "markdown",
        seeds.len(),
        seeds.iter().cloned().chain(mutations),
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(ran >= seeds.len(), "only {ran} inputs in {:?}", budget());
    println!("markdown: {ran} inputs typeset");
}

/// Values the pipeline mutations put in: structure more than text (generated text is the
/// property test's business).
fn value(rng: &mut Rng) -> Value {
    match rng.below(8) {
        0 => Value::Text(
            rng.pick(&["x", "赣云", "", "hq", "A/1", "9.2", "li-si"])
                .to_string(),
        ),
        1 => Value::Int(*rng.pick(&[0, 1, -1, 3, 1000, i64::MAX])),
        2 => Value::Float(*rng.pick(&[0.0, 0.5, 1.5, -2.0, 1e9])),
        3 => Value::Days(i16::try_from(rng.below(80)).unwrap_or(0) - 40),
        4 => Value::Bool(rng.below(2) == 0),
        5 => Value::Copy(u16::try_from(rng.below(1000)).unwrap_or(0)),
        6 => Value::Raw(
            rng.pick(&["[]", "{}", "~", "- a", "|\n  b", "*x"])
                .to_string(),
        ),
        _ => Value::Remove,
    }
}

#[test]
fn pipeline_on_seeds_and_mutations() {
    let bases = fuzz::bases().expect("the bundled cases load");
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mutations = (0..mutations()).map(move |_| {
        let m = Mutations {
            base: u8::try_from(rng.below(bases)).unwrap_or(0),
            edits: (0..=rng.below(3))
                .map(|_| Edit {
                    slot: u16::try_from(rng.below(1000)).unwrap_or(0),
                    value: value(&mut rng),
                })
                .collect(),
        };
        fuzz::mutate(&m).unwrap_or_default().into_bytes()
    });
    // The seed is the base case itself: every record of it renders once here.
    let seed = std::fs::read(repo().join(fuzz::BASE_CASE)).unwrap_or_default();
    let mut failures = Vec::new();
    let ran = drive(
        "pipeline",
        1,
        std::iter::once(seed).chain(mutations),
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(ran >= 1, "the seed ran");
    println!("pipeline: {ran} inputs");
}

mod property {
    use super::*;

    use certdoc::driver::build::{Options, build_project};
    use certdoc::driver::{Loading, check_project};
    use certdoc::load::Date;
    use proptest::prelude::*;
    use proptest::test_runner::Config;

    /// The fields generated text goes into.
    const FIELDS: &[&str] = &[
        "name",
        "scope",
        "address",
        "description",
        "summary",
        "cause",
        "correction",
        "corrective_action",
    ];

    /// A Markdown list nested `depth` deep, each level with `width` items.
    fn nested(depth: usize, width: usize, ordered: bool) -> String {
        let mut s = String::new();
        for level in 0..depth {
            for i in 0..width {
                let marker = if ordered {
                    format!("{}.", i + 1)
                } else {
                    "-".into()
                };
                let pad = if ordered { 3 } else { 2 };
                s.push_str(&" ".repeat(level * pad));
                s.push_str(&format!("{marker} 第{level}层第{i}项\n"));
            }
        }
        s
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[\u{4e00}-\u{9fa5}]{1,30}",
            "[ -~]{1,60}",
            (1usize..=6, 1usize..=3, any::<bool>()).prop_map(|(d, w, o)| nested(d, w, o)),
            (1usize..=4, 0usize..=4).prop_map(|(cols, extra)| {
                let head = format!("|{}\n|{}\n", " h |".repeat(cols), "---|".repeat(cols));
                format!("{head}|{}\n", " 单元 |".repeat(cols + extra))
            }),
            "!\\[[a-z图]{0,5}\\]\\([a-z./]{0,10}\\)",
            "<(div|b|img src=x|script)>[a-z]{0,8}</(div|b|script)>",
            "[😀🎉✅🚀]{1,5}[a-z]{0,5}",
            ("[a-z赣云]{1,4}", 200usize..3000).prop_map(|(s, n)| s.repeat(n)),
            "[a-z]{0,5}[\u{0}-\u{1f}\u{7f}-\u{9f}][a-z]{0,5}",
        ]
    }

    /// Edits that may break the case: wrong dates, removed fields, raw YAML.
    fn breaking() -> impl Strategy<Value = Edit> {
        (
            any::<u16>(),
            prop_oneof![
                (-400i16..400).prop_map(Value::Days),
                Just(Value::Remove),
                any::<u16>().prop_map(Value::Copy),
                (-5i64..100).prop_map(Value::Int),
                "(\\[\\]|\\{\\}|~|- a|\\*x|[a-z]{1,5})".prop_map(Value::Raw),
            ],
        )
            .prop_map(|(slot, value)| Edit { slot, value })
    }

    fn case() -> impl Strategy<Value = Mutations> {
        let bases = fuzz::bases().unwrap_or(1);
        (
            0..bases,
            prop::collection::vec((any::<prop::sample::Index>(), text()), 1..=3),
            prop::option::weighted(0.3, breaking()),
        )
            .prop_map(|(base, texts, broken)| {
                let keys = fuzz::slot_keys(base).unwrap_or_default();
                let wanted: Vec<usize> = keys
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| FIELDS.contains(&k.as_str()))
                    .map(|(i, _)| i)
                    .collect();
                let mut edits: Vec<Edit> = texts
                    .into_iter()
                    .filter(|_| !wanted.is_empty())
                    .map(|(i, t)| Edit {
                        slot: u16::try_from(wanted[i.index(wanted.len())]).unwrap_or(0),
                        value: Value::Text(t),
                    })
                    .collect();
                edits.extend(broken);
                Mutations {
                    base: u8::try_from(base).unwrap_or(0),
                    edits,
                }
            })
    }

    fn as_of() -> Date {
        Date::parse(fuzz::AS_OF).expect("a date")
    }

    /// `certdoc check` exit 0 ⇒ `certdoc build` renders every record of the case. Each
    /// generated case is checked in a project of its own (the repository's rules and
    /// templates, no other case), so that its bundled case number clashes with nothing; and
    /// the property must have been exercised, not passed vacuously.
    #[test]
    fn a_clean_check_builds_every_record() {
        let root = project_with(&[]);
        let clean = std::sync::atomic::AtomicUsize::new(0);
        // A fixed seed: how many generated cases check clean must not vary from run to run.
        let mut runner = proptest::test_runner::TestRunner::new_with_rng(
            Config {
                cases: 32,
                max_shrink_iters: 60,
                failure_persistence: None,
                ..Config::default()
            },
            proptest::test_runner::TestRng::deterministic_rng(
                proptest::test_runner::RngAlgorithm::ChaCha,
            ),
        );
        let result = runner.run(&case(), |m| {
            let text = fuzz::mutate(&m).expect("the bundled cases load");
            let dir = tempfile::tempdir().expect("a temp dir");
            let path = dir.path().join("case.yaml");
            std::fs::write(&path, &text).expect("the case is written");
            let checked = check_project(root.path(), std::slice::from_ref(&path), as_of())
                .expect("the check runs");
            if checked.report.errors() > 0 {
                return Ok(());
            }
            clean.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let opts = Options {
                out: dir.path().join("out"),
                threads: 2,
                progress: None,
                locked: false,
                force: false,
                shard: None,
                loading: Loading {
                    threads: 1,
                    ..Loading::default()
                },
            };
            let built =
                build_project(root.path(), &[path], as_of(), &opts).expect("the build runs");
            let errors: Vec<String> = built
                .report
                .diagnostics
                .iter()
                .filter(|d| d.severity == certdoc::diag::Severity::Error)
                .map(|d| format!("{}: {}", d.rule, d.message))
                .collect();
            // One record's failure says what is wrong; the count says how far it goes.
            prop_assert!(
                built.failures.is_empty() && errors.is_empty(),
                "check passed but build failed: {} failures, {} errors; first: {:?} {:?}",
                built.failures.len(),
                errors.len(),
                built.failures.first(),
                errors.first()
            );
            prop_assert!(built.written > 0, "no record written");
            Ok(())
        });
        if let Err(e) = result {
            panic!("{e}");
        }
        let clean = clean.load(std::sync::atomic::Ordering::Relaxed);
        assert!(
            clean >= 6,
            "only {clean} of 32 generated cases checked clean: the property was hardly tested"
        );
    }
}
