//! What a form looks like, as a digest: its template and every file under `templates/`
//! that all forms share (partials, the layout module, images), but not the fonts and not
//! the other forms' templates. A form version is a controlled document: its digest is kept
//! in the body's lock, and a template changed without a new version is reported.

use std::collections::BTreeMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::load::numbering::FORMS;

/// The digest of each form's template under `dir`, by form key (forms without a template
/// are absent).
pub fn digests(dir: &Path) -> Result<BTreeMap<&'static str, String>> {
    let mut shared: Vec<(String, Vec<u8>)> = Vec::new();
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
        match FORMS.iter().find(|f| rel == format!("{f}.typ")) {
            Some(form) => {
                own.insert(*form, data);
            }
            None => shared.push((rel, data)),
        }
    }
    Ok(own
        .into_iter()
        .map(|(form, data)| {
            let mut h = Sha256::new();
            for (name, bytes) in std::iter::once((&format!("{form}.typ"), &data))
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
