//! Fuzz targets as library functions, shared by the libFuzzer harness under `fuzz/` and by
//! `tests/fuzz.rs` (issue 9). Each target takes an input, runs a stage of the pipeline on it
//! and returns the contract it found broken, if any; a panic is a finding too and is left to
//! propagate. The targets are deterministic, read the repository's own `rules/`,
//! `templates/` and `cases/` (once, cached), and write only under one scratch folder in the
//! system's temporary directory.
//!
//! - [`yaml_case`]: arbitrary bytes as a case file: load, check, every output format, and
//!   the parse cache (a cached parse must check exactly like a fresh one).
//! - [`markdown`]: a Markdown field through `render::markdown::to_typst` and typeset in a real
//!   `nc-report` record, so markup the converter emits that Typst refuses is found.
//! - [`pipeline_yaml`] / [`pipeline_mutations`] (and [`pipeline`] on bytes, with the
//!   `fuzzing` feature): a bundled case with fuzzer-chosen values replaced, loaded and
//!   checked; when the check has no error, every record must render (the contract
//!   "check passes ⇒ build succeeds").
#![doc(hidden)]

use std::collections::HashSet;
use std::fmt;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::diag::Report;
use crate::diag::emit::{self, Format};
use crate::load::{self, CaseFile, Date, Rules};
use crate::records::{self, Record};
use crate::render::{self, templates::Templates, world::Shared};

/// A record that takes longer than this to typeset is a finding.
pub const SLOW: Duration = Duration::from_secs(5);

/// The date rules that depend on "today" are checked against: fixed, so runs repeat.
pub const AS_OF: &str = "2026-11-21";

/// The bundled case every pipeline input starts from unless it picks another.
pub const BASE_CASE: &str = "cases/2026/TB-PIC-2026-003.yaml";

/// A broken contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The check had no error, but a record failed to render.
    Render { record: String, message: String },
    /// A record took longer than [`SLOW`] to typeset.
    Slow { record: String, millis: u128 },
    /// A diagnostic points past the end of the file it is about.
    Position { message: String },
    /// The same text checked differently when its parse came from the cache.
    Cache { message: String },
    /// The targets could not set themselves up (the repository's rules, templates or
    /// cases, or the scratch folder): not a finding about the input.
    Setup(String),
}

impl Finding {
    /// A short name for the kind of finding (`CERTDOC_FUZZ_IGNORE` takes these).
    pub fn kind(&self) -> &'static str {
        match self {
            Finding::Render { .. } => "render",
            Finding::Slow { .. } => "slow",
            Finding::Position { .. } => "position",
            Finding::Cache { .. } => "cache",
            Finding::Setup(_) => "setup",
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Finding::Render { record, message } => {
                write!(f, "clean check, but {record} does not render: {message}")
            }
            Finding::Slow { record, millis } => {
                write!(f, "{record} took {millis} ms to typeset (limit {SLOW:?})")
            }
            Finding::Position { message } => write!(f, "diagnostic out of the file: {message}"),
            Finding::Cache { message } => write!(f, "the parse cache changes the check: {message}"),
            Finding::Setup(message) => write!(f, "fuzz set-up failed: {message}"),
        }
    }
}

impl std::error::Error for Finding {}

/// Panic on a finding, unless `CERTDOC_FUZZ_IGNORE` lists it, so a fuzzing run can go on
/// past a known bug: a comma-separated list of kinds (`font-coverage,slow`) or pieces of a
/// finding's text (`"‣"`). The libFuzzer targets call this; a panic is what libFuzzer
/// records as a crash.
pub fn enforce(result: Result<(), Finding>) {
    let Err(finding) = result else { return };
    let ignored = std::env::var("CERTDOC_FUZZ_IGNORE").unwrap_or_default();
    let text = finding.to_string();
    let known = ignored
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .any(|k| k == finding.kind() || text.contains(k));
    if !known {
        panic!("{finding}");
    }
}

/// What every target shares: the repository's rules, templates, fonts and bundled cases.
struct Env {
    root: PathBuf,
    rules: Rules,
    project: crate::control::project::Project,
    templates: Templates,
    shared: Shared,
    as_of: Date,
    /// The bundled cases (`cases/**/*.yaml`), `BASE_CASE` first, and their slots.
    bases: Vec<Base>,
    /// An `nc-report` record of `BASE_CASE`, whose description the markdown target replaces.
    nc_report: Record,
    scratch: PathBuf,
    /// Hashes of (Typst source, identifier, date) already typeset without error. typesetting
    /// is deterministic, so a record identical to one that rendered is not typeset again.
    rendered: Mutex<HashSet<u64>>,
}

struct Base {
    text: String,
    slots: Vec<Slot>,
}

/// The project the targets fuzz against: the repository, or `CERTDOC_FUZZ_ROOT` (a copy of
/// it, so that editing the repository's rules or templates while a run goes on cannot turn
/// every input into a set-up failure).
fn env() -> Result<&'static Env, Finding> {
    static ENV: OnceLock<Result<Env, String>> = OnceLock::new();
    ENV.get_or_init(|| {
        let root = std::env::var_os("CERTDOC_FUZZ_ROOT")
            .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
        Env::load(&root)
    })
    .as_ref()
    .map_err(|e| Finding::Setup(e.clone()))
}

impl Env {
    fn load(root: &Path) -> Result<Env, String> {
        let rules = load::load_rules(root).map_err(|e| e.to_string())?;
        crate::check::validate(&rules).map_err(|e| e.to_string())?;
        let templates = Templates::load(&root.join("templates")).map_err(|e| e.to_string())?;
        let shared = Shared::load(&root.join("templates")).map_err(|e| e.to_string())?;
        let as_of = Date::parse(AS_OF).ok_or("AS_OF is not a date")?;
        let mut paths = load::case_paths(root, &[])
            .map_err(|e| e.to_string())?
            .cases;
        let first = root.join(BASE_CASE);
        paths.retain(|p| p != &first);
        paths.insert(0, first);
        let mut bases = Vec::new();
        for p in &paths {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let slots = slots(&text);
            bases.push(Base { text, slots });
        }
        let base = bases.first().ok_or("no bundled case")?;
        let case: load::Case = load::yaml::parse(&base.text).map_err(|e| e.message)?;
        let nc_report = records::of_case(BASE_CASE, &case, &rules, None)
            .into_iter()
            .find(|r| r.form == crate::load::form::Form::NcReport)
            .ok_or("the base case has no nc-report record")?;
        let scratch = std::env::temp_dir().join(format!("certdoc-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
        let project =
            crate::control::project::Project::load(root, &rules).map_err(|e| e.to_string())?;
        Ok(Env {
            root: root.to_path_buf(),
            project,
            rules,
            templates,
            shared,
            as_of,
            bases,
            nc_report,
            scratch,
            rendered: Mutex::new(HashSet::new()),
        })
    }

    /// A fresh folder under the scratch folder, removed when the guard drops.
    fn scratch_dir(&self) -> Result<Scratch, Finding> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = self.scratch.join(n.to_string());
        std::fs::create_dir_all(&dir)
            .map_err(|e| Finding::Setup(format!("{}: {e}", dir.display())))?;
        Ok(Scratch(dir))
    }

    /// Typeset a record unless an identical one already rendered; time it.
    fn render(&self, record: &Record) -> Result<(), Finding> {
        let name = format!("{} {} ({})", record.form, record.number, record.revision);
        if !self.templates.has(record.form) {
            return Err(Finding::Render {
                record: name,
                message: format!("no template templates/{}.typ", record.form),
            });
        }
        let source = render::source(&self.templates, record).map_err(|e| Finding::Render {
            record: name.clone(),
            message: e.to_string(),
        })?;
        let mut h = DefaultHasher::new();
        (&source, &record.number, &record.revision, record.date).hash(&mut h);
        let key = h.finish();
        if self.rendered.lock().is_ok_and(|s| s.contains(&key)) {
            return Ok(());
        }
        let start = Instant::now();
        let result = render::record(&self.templates, &self.shared, record);
        let took = start.elapsed();
        if let Err(e) = result {
            return Err(Finding::Render {
                record: name,
                message: e.to_string(),
            });
        }
        if took > SLOW {
            return Err(Finding::Slow {
                record: name,
                millis: took.as_millis(),
            });
        }
        if let Ok(mut s) = self.rendered.lock() {
            s.insert(key);
        }
        Ok(())
    }
}

struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Write `data` as a case file in `dir` and load it as `certdoc check` does.
fn load_bytes(
    env: &Env,
    dir: &Path,
    data: &[u8],
    cache: Option<&load::cache::Cache>,
) -> Result<(CaseFile, Vec<crate::diag::Diagnostic>), Finding> {
    let path = dir.join("case.yaml");
    std::fs::write(&path, data).map_err(|e| Finding::Setup(format!("{}: {e}", path.display())))?;
    load::load_case(&env.root, &path, cache).map_err(|e| Finding::Setup(e.to_string()))
}

/// Load and check one case file, as `driver::check_project` does for each file.
fn check_file(env: &Env, file: CaseFile, diag: Vec<crate::diag::Diagnostic>) -> Report {
    let mut report = Report::default();
    report.diagnostics.extend(diag);
    let files = vec![file];
    report
        .diagnostics
        .extend(crate::check::check(&files, &env.rules, env.as_of));
    for f in &files {
        let (_, found) =
            crate::driver::prepare(f, &env.rules, &env.project, Some(&env.shared.fonts));
        report.diagnostics.extend(found);
    }
    report.sort();
    report.files = files.iter().map(|c| c.source.clone()).collect();
    report.rules = crate::driver::rule_meta();
    report
}

// ---------------------------------------------------------------------------------------
// yaml_case

/// Arbitrary bytes (UTF-8 or not) as a case file: load, check, render the report in every
/// output format; then the same text through the parse cache must check identically.
pub fn yaml_case(data: &[u8]) -> Result<(), Finding> {
    let env = env()?;
    let scratch = env.scratch_dir()?;
    let (file, diag) = load_bytes(env, &scratch.0, data, None)?;
    let case_json = file
        .case
        .as_ref()
        .and_then(|c| serde_json::to_string(c).ok());
    let path = file.source.path.clone();
    let lines = file.source.text.lines().count();
    let report = check_file(env, file, diag);
    for d in &report.diagnostics {
        let past = usize::try_from(d.pos.line).unwrap_or(usize::MAX) > lines + 1;
        if d.file == path && past {
            return Err(Finding::Position {
                message: format!(
                    "{} at line {} of a file of {lines} lines: {}",
                    d.rule, d.pos.line, d.message
                ),
            });
        }
        for (pos, note) in &d.related {
            if usize::try_from(pos.line).unwrap_or(usize::MAX) > lines + 1 {
                return Err(Finding::Position {
                    message: format!(
                        "{}: related position line {} of a file of {lines} lines: {note}",
                        d.rule, pos.line
                    ),
                });
            }
        }
    }
    for format in [Format::Human, Format::Json, Format::Github, Format::Sarif] {
        let _ = emit::render(&report, format, false);
    }
    let _ = emit::render(&report, Format::Human, true);

    // The parse cache: the first load stores, the second reads; both must check the same.
    let cache = load::cache::Cache::new(&scratch.0);
    let (first, d1) = load_bytes(env, &scratch.0, data, Some(&cache))?;
    let (second, d2) = load_bytes(env, &scratch.0, data, Some(&cache))?;
    let stored = first
        .case
        .as_ref()
        .and_then(|c| serde_json::to_string(c).ok());
    let cached = second
        .case
        .as_ref()
        .and_then(|c| serde_json::to_string(c).ok());
    if stored != case_json || (stored.is_some() && cached.is_some() && cached != stored) {
        return Err(Finding::Cache {
            message: "the cached case differs from the parsed one".into(),
        });
    }
    if cached.is_some() {
        let a = check_file(env, first, d1);
        let b = check_file(env, second, d2);
        if a.diagnostics != b.diagnostics {
            return Err(Finding::Cache {
                message: format!(
                    "fresh parse: {} diagnostics, cached parse: {}",
                    a.diagnostics.len(),
                    b.diagnostics.len()
                ),
            });
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// markdown

/// A Markdown field: converted by `render::markdown::to_typst`, then typeset as the
/// description of a real `nc-report` record. Characters no font has are replaced by `?`
/// first: missing glyphs are `pipeline`'s business, this target is about markup.
pub fn markdown(data: &str) -> Result<(), Finding> {
    let env = env()?;
    let _ = render::markdown::to_typst(data);
    let text: String = data
        .chars()
        .map(|c| if env.shared.fonts.covers(c) { c } else { '?' })
        .collect();
    // What `check` refuses (constructs the whitelist cannot show, characters an entity
    // names that no font has) never reaches the renderer: only the rest must typeset.
    let uncovered = render::markdown::shown_text(&text)
        .iter()
        .any(|(_, run)| run.chars().any(|c| !env.shared.fonts.covers(c)));
    if uncovered || !render::markdown::problems(&text).is_empty() {
        return Ok(());
    }
    let mut record = env.nc_report.clone();
    let crate::records::view::FormView::Nc(nc) = &mut record.context.r else {
        return Err(Finding::Setup(
            "the nc-report record has no r.description".into(),
        ));
    };
    nc.description = text.clone();
    env.render(&record).map_err(|f| match f {
        Finding::Render { record, message } => Finding::Render {
            record,
            message: format!(
                "{message}\nmarkdown {text:?}\nconverted {:?}",
                render::markdown::to_typst(&text)
            ),
        },
        other => other,
    })
}

// ---------------------------------------------------------------------------------------
// pipeline

/// One bundled case with some of its values replaced.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct Mutations {
    /// Which bundled case (modulo their number; 0 is `BASE_CASE`).
    pub base: u8,
    pub edits: Vec<Edit>,
}

/// Replace one value of the case file.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub struct Edit {
    /// Which value (modulo the number of values of the case; see [`slot_keys`]).
    pub slot: u16,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "fuzzing", derive(arbitrary::Arbitrary))]
pub enum Value {
    /// A string, written as a YAML double-quoted scalar (any text, newlines included).
    Text(String),
    Int(i64),
    Float(f64),
    /// A date: the slot's own date (else 2026-01-01) moved by this many days.
    Days(i16),
    Bool(bool),
    /// The original value of another slot (ids, enum words, dates from elsewhere).
    Copy(u16),
    /// Text written as it is: may break the YAML.
    Raw(String),
    /// Remove the whole `key: value` line (block scalars with their lines).
    Remove,
}

/// Where a value is in a case file.
#[derive(Debug, Clone)]
struct Slot {
    key: String,
    /// The value's bytes (a block scalar: from its `|` to its last line).
    value: std::ops::Range<usize>,
    /// The line(s) to drop for `Value::Remove`; none inside flow collections.
    line: Option<std::ops::Range<usize>>,
}

/// The key of every value [`Edit::slot`] can address in bundled case `base`.
pub fn slot_keys(base: usize) -> Result<Vec<String>, Finding> {
    let env = env()?;
    let b = env
        .bases
        .get(base % env.bases.len().max(1))
        .ok_or_else(|| Finding::Setup("no bundled case".into()))?;
    Ok(b.slots.iter().map(|s| s.key.clone()).collect())
}

/// How many bundled cases there are.
pub fn bases() -> Result<usize, Finding> {
    Ok(env()?.bases.len())
}

/// The case file text `m` describes.
pub fn mutate(m: &Mutations) -> Result<String, Finding> {
    let env = env()?;
    let n = env.bases.len();
    let base = env
        .bases
        .get(usize::from(m.base) % n.max(1))
        .ok_or_else(|| Finding::Setup("no bundled case".into()))?;
    Ok(apply(base, &m.edits))
}

/// Bytes as [`Mutations`], as libFuzzer drives it.
#[cfg(feature = "fuzzing")]
pub fn mutations(data: &[u8]) -> Option<Mutations> {
    use arbitrary::{Arbitrary, Unstructured};
    Mutations::arbitrary_take_rest(Unstructured::new(data)).ok()
}

/// [`pipeline_mutations`] on bytes decoded with `arbitrary`.
#[cfg(feature = "fuzzing")]
pub fn pipeline(data: &[u8]) -> Result<(), Finding> {
    match mutations(data) {
        Some(m) => pipeline_mutations(&m),
        None => Ok(()),
    }
}

/// A bundled case with `m`'s values replaced, through [`pipeline_yaml`].
pub fn pipeline_mutations(m: &Mutations) -> Result<(), Finding> {
    pipeline_yaml(&mutate(m)?)
}

/// A case file through load → check → (no error) → records → font coverage → typesetting
/// of every record. A clean check whose records do not all render is a finding.
pub fn pipeline_yaml(text: &str) -> Result<(), Finding> {
    let env = env()?;
    let scratch = env.scratch_dir()?;
    let (file, diag) = load_bytes(env, &scratch.0, text.as_bytes(), None)?;

    let mut report = Report::default();
    report.diagnostics.extend(diag);
    let files = vec![file];
    report
        .diagnostics
        .extend(crate::check::check(&files, &env.rules, env.as_of));
    let Some(file) = files.first() else {
        return Ok(());
    };
    // The records and the renderer's preflight are part of `check`, as in the driver.
    let (prepared, found) =
        crate::driver::prepare(file, &env.rules, &env.project, Some(&env.shared.fonts));
    report.diagnostics.extend(found);
    if report.errors() > 0 || file.case.is_none() {
        return Ok(());
    }
    for p in &prepared {
        env.render(&p.record)?;
    }
    Ok(())
}

fn apply(base: &Base, edits: &[Edit]) -> String {
    let text = &base.text;
    if base.slots.is_empty() {
        return text.clone();
    }
    let n = base.slots.len();
    // The last edit of a slot wins; replacements are applied from the end.
    let mut chosen: Vec<(usize, &Value)> = Vec::new();
    for e in edits {
        let i = usize::from(e.slot) % n;
        chosen.retain(|(j, _)| *j != i);
        chosen.push((i, &e.value));
    }
    let mut spans: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for (i, value) in chosen {
        let slot = &base.slots[i];
        let original = &text[slot.value.clone()];
        let replacement = match value {
            Value::Remove => match &slot.line {
                Some(line) => {
                    spans.push((line.clone(), String::new()));
                    continue;
                }
                None => continue,
            },
            Value::Text(s) => quoted(s),
            Value::Int(v) => v.to_string(),
            Value::Float(v) => format!("{v:?}"),
            Value::Bool(b) => b.to_string(),
            Value::Days(d) => {
                let from = Date::parse(original.trim())
                    .or_else(|| Date::ymd(2026, 1, 1))
                    .map(|d| d.0);
                match from.and_then(|f| f.checked_add_signed(chrono::Duration::days(i64::from(*d))))
                {
                    Some(day) => day.format("%Y-%m-%d").to_string(),
                    None => continue,
                }
            }
            Value::Copy(j) => {
                let other = &base.slots[usize::from(*j) % n];
                let v = &text[other.value.clone()];
                if v.starts_with(['|', '>']) {
                    // A block scalar's lines are indented for their own place.
                    continue;
                }
                v.to_string()
            }
            Value::Raw(s) => s.clone(),
        };
        // A block scalar's slot runs from its `|` to the end of its last line, so a
        // one-line replacement leaves the key's line and the line after it as they were.
        spans.push((slot.value.clone(), replacement));
    }
    // Overlapping edits (a removed line holding an edited value): keep the first in order.
    spans.sort_by_key(|(r, _)| (r.start, r.end));
    let mut kept: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for (r, s) in spans {
        if kept.last().is_some_and(|(k, _)| r.start < k.end) {
            continue;
        }
        kept.push((r, s));
    }
    let mut out = text.clone();
    for (r, s) in kept.into_iter().rev() {
        out.replace_range(r, &s);
    }
    out
}

/// `s` as a YAML double-quoted scalar: every character that is not printable escaped.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control()
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                let v = u32::from(c);
                if v <= 0xff {
                    out.push_str(&format!("\\x{v:02x}"));
                } else {
                    out.push_str(&format!("\\u{v:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Every scalar value of a case file written the way the bundled cases write them: block
/// `key: value` lines, `- value` list items, block scalars (`key: |`), and the entries of
/// flow mappings and lists on one line (`{ person: li-si, role: auditor }`, `[hq, dc]`).
fn slots(text: &str) -> Vec<Slot> {
    let mut out = Vec::new();
    let lines: Vec<(usize, &str)> = line_starts(text);
    let mut i = 0;
    while i < lines.len() {
        let (start, raw) = lines[i];
        let line_end = start + raw.len();
        let content = raw.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start_matches(' ').len();
        let mut at = indent;
        let mut rest = &content[indent..];
        i += 1;
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        while let Some(r) = rest.strip_prefix("- ") {
            at += 2;
            let r2 = r.trim_start_matches(' ');
            at += r.len() - r2.len();
            rest = r2;
        }
        let body = strip_comment(rest);
        if body.starts_with('{') {
            flow(text, start + at, body, &mut out);
            continue;
        }
        let Some((key, value_at)) = key_of(body) else {
            // `- value`: a list item.
            if at > indent && !body.is_empty() {
                push_value(text, start + at, body, "-", Some(start..line_end), &mut out);
            }
            continue;
        };
        let value = body[value_at..].trim_start_matches(' ');
        let vstart = start + at + (body.len() - value.len());
        if value.is_empty() {
            continue;
        }
        if value.starts_with(['|', '>']) {
            // A block scalar: its lines are those indented deeper than the key.
            let mut end = line_end;
            while i < lines.len() {
                let (s, l) = lines[i];
                let t = l.trim_end_matches(['\n', '\r']);
                let ind = t.len() - t.trim_start_matches(' ').len();
                if !t.trim().is_empty() && ind <= indent {
                    break;
                }
                end = s + l.len();
                i += 1;
            }
            let trimmed_end = end - text[vstart..end].len() + text[vstart..end].trim_end().len();
            out.push(Slot {
                key: key.to_string(),
                value: vstart..trimmed_end,
                line: Some(start..end),
            });
            continue;
        }
        let whole = (at == indent).then_some(start..line_end);
        if value.starts_with('{') {
            flow(text, vstart, value, &mut out);
        } else if value.starts_with('[') {
            flow_list(text, vstart, value, key, &mut out);
        } else {
            push_value(text, vstart, value, key, whole, &mut out);
        }
    }
    out
}

/// The lines of `text` with their byte offsets, line ends included.
fn line_starts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for l in text.split_inclusive('\n') {
        out.push((start, l));
        start += l.len();
    }
    out
}

/// `key: …` → the key and where its value starts.
fn key_of(s: &str) -> Option<(&str, usize)> {
    let colon = s.find(": ").or_else(|| s.strip_suffix(':').map(str::len))?;
    let key = &s[..colon];
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    plain.then_some((key, colon + 1))
}

/// The part of a line before a ` #` comment outside quotes, trailing spaces removed.
fn strip_comment(s: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && prev == ' ' => return s[..i].trim_end(),
            None => {}
        }
        prev = c;
    }
    s.trim_end()
}

fn push_value(
    text: &str,
    at: usize,
    value: &str,
    key: &str,
    line: Option<std::ops::Range<usize>>,
    out: &mut Vec<Slot>,
) {
    let v = value.trim();
    if v.is_empty() {
        return;
    }
    let offset = value.len() - value.trim_start().len();
    let start = at + offset;
    if text.get(start..start + v.len()) == Some(v) {
        out.push(Slot {
            key: key.to_string(),
            value: start..start + v.len(),
            line,
        });
    }
}

/// The entries of a one-line flow mapping `{ k: v, k: [a, b] }` starting at byte `at`.
fn flow(text: &str, at: usize, s: &str, out: &mut Vec<Slot>) {
    let Some(inner) = s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
        return;
    };
    for (off, part) in split_top(inner) {
        let part_at = at + 1 + off;
        let trimmed = part.trim_start();
        let lead = part.len() - trimmed.len();
        let Some((key, value_at)) = key_of(trimmed.trim_end()) else {
            continue;
        };
        let value = &trimmed[value_at..];
        let vlead = value.len() - value.trim_start().len();
        let vstart = part_at + lead + value_at + vlead;
        let v = value.trim();
        if v.starts_with('[') {
            flow_list(text, vstart, v, key, out);
        } else {
            push_value(text, vstart, v, key, None, out);
        }
    }
}

/// The items of a one-line flow list `[a, "b"]` starting at byte `at`.
fn flow_list(text: &str, at: usize, s: &str, key: &str, out: &mut Vec<Slot>) {
    let Some(inner) = s.strip_prefix('[').and_then(|s| s.strip_suffix(']')) else {
        return;
    };
    for (off, part) in split_top(inner) {
        push_value(text, at + 1 + off, part, key, None, out);
    }
}

/// Split on commas outside quotes and brackets, with each part's byte offset.
fn split_top(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None::<char>, 0);
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth -= 1,
            (None, ',') if depth == 0 => {
                out.push((start, &s[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push((start, &s[start..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_find_block_flow_and_list_values() {
        let text = "case: X-1   # c\nclient:\n  name: 赣云\n  sites:\n    - id: hq\n      tags: [a, \"b c\"]\n    - { person: li-si, role: auditor }\n  desc: |\n    line one\n    line two\nnext: 2026-03-05\nlist:\n  - 5.1\n";
        let s = slots(text);
        let got: Vec<(&str, &str)> = s
            .iter()
            .map(|s| (s.key.as_str(), &text[s.value.clone()]))
            .collect();
        assert_eq!(
            got,
            vec![
                ("case", "X-1"),
                ("name", "赣云"),
                ("id", "hq"),
                ("tags", "a"),
                ("tags", "\"b c\""),
                ("person", "li-si"),
                ("role", "auditor"),
                ("desc", "|\n    line one\n    line two"),
                ("next", "2026-03-05"),
                ("-", "5.1"),
            ]
        );
        let base = Base {
            text: text.to_string(),
            slots: s,
        };
        let edited = apply(
            &base,
            &[
                Edit {
                    slot: 1,
                    value: Value::Text("a\"\n\u{7}".into()),
                },
                Edit {
                    slot: 7,
                    value: Value::Text("x".into()),
                },
                Edit {
                    slot: 8,
                    value: Value::Days(-5),
                },
                Edit {
                    slot: 6,
                    value: Value::Copy(0),
                },
                Edit {
                    slot: 9,
                    value: Value::Remove,
                },
            ],
        );
        assert_eq!(
            edited,
            "case: X-1   # c\nclient:\n  name: \"a\\\"\\n\\x07\"\n  sites:\n    - id: hq\n      tags: [a, \"b c\"]\n    - { person: li-si, role: X-1 }\n  desc: \"x\"\nnext: 2026-02-28\nlist:\n"
        );
    }

    #[test]
    fn quoted_strings_read_back_as_themselves() {
        for s in [
            "",
            "a\"b\\c",
            "行\n二\t\r",
            "\u{0}\u{1b}\u{85}\u{2028}\u{feff}",
            "😀 #x: y",
        ] {
            let yaml = format!("v: {}\n", quoted(s));
            let back: std::collections::BTreeMap<String, String> =
                serde_saphyr::from_str(&yaml).unwrap_or_default();
            assert_eq!(back.get("v").map(String::as_str), Some(s), "{yaml}");
        }
    }
}
