//! One build at a time per output folder. Two builds writing the same folder could each
//! judge a revision "not yet issued" and write different bytes under it; the second build
//! waits for the first instead. The lock is the operating system's advisory file lock on
//! `out/.certdoc-lock`, released when the process ends, however it ends.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use crate::error::{Error, Result};

/// Held while a build writes; dropping it releases the lock.
pub struct OutputLock {
    _file: File,
}

/// Lock `out` for this process, creating the folder when needed. `waiting` is called once
/// if another process holds the lock, before blocking until it is released.
pub fn acquire(out: &Path, waiting: impl FnOnce()) -> Result<OutputLock> {
    if out.exists() && !out.is_dir() {
        return Err(Error::Usage(format!(
            "{} is a file, not a folder; records need a folder to go to (move the file or pass --out DIR)",
            out.display()
        )));
    }
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    let path = out.join(".certdoc-lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            waiting();
            file.lock().map_err(|e| Error::io(&path, e))?;
        }
        Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
    }
    Ok(OutputLock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_for_the_first() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let first = acquire(dir.path(), || {})?;
        // Another open file description of the same lock file cannot take it meanwhile.
        let other = OpenOptions::new()
            .write(true)
            .open(dir.path().join(".certdoc-lock"))?;
        assert!(matches!(other.try_lock(), Err(TryLockError::WouldBlock)));
        drop(first);
        assert!(other.try_lock().is_ok());
        Ok(())
    }

    #[test]
    fn an_output_path_that_is_a_file_is_a_clear_error() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("output");
        std::fs::write(&file, "x")?;
        let err = acquire(&file, || {}).err().ok_or("refused")?;
        assert!(err.to_string().contains("is a file, not a folder"), "{err}");
        Ok(())
    }
}
