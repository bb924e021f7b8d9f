//! Failures of the tool itself (exit status 2), as opposed to findings about case data.

use std::path::PathBuf;

use crate::source::Pos;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "no `rules/` folder found in {} or any folder above it; run certdoc inside a project or pass --root",
        .0.display()
    )]
    NoRoot(PathBuf),
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{pos}: {message}", .path.display())]
    Rules {
        path: PathBuf,
        pos: Pos,
        message: String,
    },
    /// Every problem of one rules file, each as `path:line:col: message` on its own line.
    #[error("{}", rules_file(.path, .problems))]
    RulesFile {
        path: PathBuf,
        problems: Vec<(Pos, String)>,
    },
    #[error("{0}")]
    Usage(String),
    /// A template, the layout or a font cannot be used: a tool failure, not a data error.
    #[error("{}: {message}", .path.display())]
    Template { path: PathBuf, message: String },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

fn rules_file(path: &std::path::Path, problems: &[(Pos, String)]) -> String {
    problems
        .iter()
        .map(|(pos, message)| format!("{}:{pos}: {message}", path.display()))
        .collect::<Vec<_>>()
        .join("\n")
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
