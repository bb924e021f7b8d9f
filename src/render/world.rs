//! The Typst world a record is compiled in. Everything but the record's own source is
//! shared across documents and threads: the standard library, the fonts, and the files
//! under `templates/` (read once at start). No other file exists for Typst, so no text can
//! reach the file system, and there is no clock: `today` is the record's own date.

use std::collections::HashMap;
use std::path::Path;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::Fonts;
use crate::error::{Error, Result};

/// What every document of a run shares.
pub struct Shared {
    library: LazyHash<Library>,
    pub fonts: Fonts,
    /// Files under `templates/` by their Typst path (`/layout.typ`), fonts excepted.
    files: HashMap<String, Bytes>,
}

impl Shared {
    pub fn load(templates: &Path) -> Result<Shared> {
        let fonts = Fonts::load(&templates.join("fonts"))?;
        let mut files = HashMap::new();
        for entry in walkdir::WalkDir::new(templates).sort_by_file_name() {
            let entry =
                entry.map_err(|e| Error::io(templates, std::io::Error::other(e.to_string())))?;
            let path = entry.path();
            if !entry.file_type().is_file() || path.starts_with(templates.join("fonts")) {
                continue;
            }
            let Ok(rel) = path.strip_prefix(templates) else {
                continue;
            };
            let key = format!(
                "/{}",
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/")
            );
            let data = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            files.insert(key, Bytes::new(data));
        }
        Ok(Shared {
            library: LazyHash::new(Library::default()),
            fonts,
            files,
        })
    }
}

/// One record's world: the shared parts plus its own main source and date.
pub struct RecordWorld<'a> {
    shared: &'a Shared,
    main: Source,
    today: Datetime,
}

/// The path every record's main source has; templates import `layout.typ` beside it.
fn main_id() -> Result<FileId> {
    let vpath = VirtualPath::new("/record.typ")
        .map_err(|e| Error::Usage(format!("internal error: {e:?}")))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl<'a> RecordWorld<'a> {
    pub fn new(shared: &'a Shared, source: String, today: Datetime) -> Result<Self> {
        Ok(RecordWorld {
            shared,
            main: Source::new(main_id()?, source),
            today,
        })
    }

    pub fn source_text(&self) -> &str {
        self.main.text()
    }
}

impl World for RecordWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_string()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        if !matches!(id.get().root(), VirtualRoot::Project) {
            return Err(FileError::AccessDenied);
        }
        let path = id.get().vpath().get_with_slash();
        self.shared
            .files
            .get(path)
            .cloned()
            .ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
