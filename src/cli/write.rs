//! Writing outputs atomically: a temporary file in the same folder, then a
//! rename, so a reader never sees a half-written output and a failed or
//! interrupted write leaves no partial file under the output's name.
//!
//! The temporary file is `.NAME.newsbody-tmp-PID`, created fresh (never
//! through an existing file or link) and removed when the write fails. Only
//! a killed process can leave one behind. Data is flushed to the disk
//! before the rename only with `fsync` (`--fsync`): it costs about 3 ms per
//! file here, more than cleaning a small page, and a run cut short by a
//! power loss is simply run again.

use anyhow::{Context, Result};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

/// Writes `contents` to `path` through a temporary file and a rename,
/// creating the parent folders.
pub fn atomic_write(path: &Path, contents: &[u8], fsync: bool) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create folder", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.newsbody-tmp-{}", std::process::id()));
    let result = create_fresh(&tmp).and_then(|mut f| {
        f.write_all(contents)?;
        if fsync {
            f.sync_all()?;
        }
        drop(f);
        std::fs::rename(&tmp, path)
    });
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("{}: cannot write", path.display()));
    }
    Ok(())
}

/// Creates `tmp`, replacing a stale one left by a killed run that had the
/// same process id (never writing through it: it may be a link).
fn create_fresh(tmp: &Path) -> std::io::Result<File> {
    let open = || OpenOptions::new().write(true).create_new(true).open(tmp);
    match open() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(tmp)?;
            open()
        }
        other => other,
    }
}
