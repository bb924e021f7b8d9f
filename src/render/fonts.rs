//! The fonts under `templates/fonts/`, loaded once per run and shared by every document.
//! typst draws a character that no font has as an empty box without a warning, so
//! coverage is checked here, before compiling, against the same fonts.

use std::path::{Path, PathBuf};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use crate::error::{Error, Result};

pub struct Fonts {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
    /// The font files read, for the build summary.
    pub files: Vec<PathBuf>,
    /// One bit per code point some font has. typst's own coverage test walks the font's
    /// runs one by one, which costs more than all the rules together when `check` asks it
    /// for every character of a thousand cases.
    covered: Vec<u64>,
}

impl Fonts {
    /// Every `.ttf`, `.otf`, `.ttc` and `.otc` under `dir`. WOFF/WOFF2 files are refused by
    /// name: typst would ignore them silently and text would fall back to boxes.
    pub fn load(dir: &Path) -> Result<Fonts> {
        let mut paths: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => return Err(Error::io(dir, e)),
        };
        paths.sort();
        let mut fonts = Vec::new();
        let mut files = Vec::new();
        for path in paths {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .unwrap_or_default();
            match ext.as_str() {
                "ttf" | "otf" | "ttc" | "otc" => {}
                "woff" | "woff2" => {
                    return Err(Error::Template {
                        path: path.clone(),
                        message: "WOFF fonts cannot be embedded in PDF; use the .ttf or .otf file"
                            .into(),
                    });
                }
                _ => continue,
            }
            let data = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(data)));
            if fonts.len() == before {
                return Err(Error::Template {
                    path,
                    message: "not a font file typst can read".into(),
                });
            }
            files.push(path);
        }
        if fonts.is_empty() {
            return Err(Error::Template {
                path: dir.to_path_buf(),
                message: "no fonts (.ttf/.otf) found; records cannot be typeset".into(),
            });
        }
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        let mut covered = vec![0u64; (u32::from(char::MAX) as usize + 1).div_ceil(64)];
        for font in &fonts {
            for c in font.info().coverage.iter() {
                if let Some(word) = covered.get_mut(c as usize / 64) {
                    *word |= 1 << (c % 64);
                }
            }
        }
        Ok(Fonts {
            book,
            fonts,
            files,
            covered,
        })
    }

    /// Whether some loaded font has a glyph for `c`. Line breaks and tabs need none.
    pub fn covers(&self, c: char) -> bool {
        if matches!(c, '\n' | '\r' | '\t') {
            return true;
        }
        let c = u32::from(c) as usize;
        self.covered
            .get(c / 64)
            .is_some_and(|word| word & (1 << (c % 64)) != 0)
    }

    /// The first character of `text` no loaded font has.
    pub fn missing(&self, text: &str) -> Option<char> {
        text.chars().find(|&c| !self.covers(c))
    }
}
