//! What a form looks like, as a digest: its template, the partials it extends or includes
//! (`_record.typ` …, followed through their own references), and every other file under
//! `templates/` that Typst may read (the layout module, images), but not the fonts and not
//! the other forms' templates or partials it does not use. A form version is a controlled document: its digest is kept
//! in the body's lock, and a template changed without a new version is reported.

use std::collections::BTreeMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::load::form::Form;

/// The digest of each form's template under `dir`, by form key (forms without a template
/// are absent).
pub fn digests(dir: &Path) -> Result<BTreeMap<&'static str, String>> {
    let mut shared: Vec<(String, Vec<u8>)> = Vec::new();
    let mut partials: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut own: BTreeMap<&'static str, Vec<u8>> = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(BTreeMap::new());
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::io(dir, std::io::Error::other(e.to_string())))?;
        let path = entry.path();
        if !entry.file_type().is_file() || path.starts_with(dir.join("fonts")) {
            continue;
        }
        let Ok(rel) = path.strip_prefix(dir) else {
            continue;
        };
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let data = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        match Form::ALL.iter().find(|f| rel == format!("{f}.typ")) {
            Some(form) => {
                own.insert(form.key(), data);
            }
            None if rel.starts_with('_') && rel.ends_with(".typ") => {
                partials.insert(rel, data);
            }
            None => shared.push((rel, data)),
        }
    }
    Ok(own
        .into_iter()
        .map(|(form, data)| {
            let mut h = Sha256::new();
            let used = used_partials(&data, &partials);
            for (name, bytes) in std::iter::once((&format!("{form}.typ"), &data))
                .chain(used.iter().filter_map(|n| partials.get_key_value(n)))
                .chain(shared.iter().map(|(n, b)| (n, b)))
            {
                h.update(name.as_bytes());
                h.update(b"\0");
                h.update((bytes.len() as u64).to_le_bytes());
                h.update(bytes);
            }
            (
                form,
                h.finalize().iter().map(|b| format!("{b:02x}")).collect(),
            )
        })
        .collect())
}

/// The partials a template names (`{% extends "_record.typ" %}`, `{% include … %}`), and
/// theirs, in name order.
fn used_partials(template: &[u8], partials: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut found: std::collections::BTreeSet<String> = Default::default();
    let mut todo = vec![template];
    while let Some(text) = todo.pop() {
        let text = String::from_utf8_lossy(text);
        for (name, bytes) in partials {
            if text.contains(&format!("\"{name}\"")) && found.insert(name.clone()) {
                todo.push(bytes);
            }
        }
    }
    found.into_iter().collect()
}
