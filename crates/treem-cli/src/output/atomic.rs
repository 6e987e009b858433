//! Files written whole or not at all.
//!
//! Every file treem writes (`-o`, `--issues`, `--cases-output`, partials, reports) goes to a
//! hidden temporary file in the target's own folder, `.<name>.treem-tmp-<pid>-<random>`. The
//! temporary file is flushed and fsync'd when its writer is finished, and renamed over the
//! target only when the whole run has succeeded ([`commit`]); a rename within one folder
//! replaces the target at once, so a reader sees the old file or the complete new one, never
//! a part. Until then the target is untouched, which is what makes reading and writing the
//! same file safe (`treem clean x.ndjson -o x.ndjson`: truncating `x.ndjson` first used to
//! destroy the input while it was being read).
//!
//! On failure the temporary files are removed ([`discard`], and `Drop` for a writer that was
//! never finished); on SIGINT, SIGTERM or SIGHUP the signal handler (`crate::signals`) removes
//! them too. Only SIGKILL (or a power cut) can leave one behind: the next run that writes the
//! same target removes the temporary files of that target whose process is gone.
//!
//! A target that exists and is not a regular file (`/dev/stdout`, a named pipe, a device) is
//! written in place as before: it cannot be replaced by a rename, and replacing it would be
//! wrong.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use crate::failure::Failure;

/// What marks treem's temporary files: `.<name>` + this + `<pid>-<random>`.
const MARK: &str = ".treem-tmp-";

/// The longest part of the target's name kept in a temporary file's name (bytes), so that
/// the temporary name stays within the 255 bytes most file systems allow.
const NAME_KEPT: usize = 160;

/// A temporary file waiting for the end of the run.
struct Pending {
    /// Which writer it belongs to.
    id: u64,
    /// The temporary file.
    temp: PathBuf,
    /// The file it will replace.
    target: PathBuf,
    /// Written, flushed and fsync'd: ready to be renamed.
    ready: bool,
}

/// The temporary files of this run, shared with the signal handler so it can remove them.
static PENDING: Mutex<Vec<Pending>> = Mutex::new(Vec::new());

/// Numbers writers, so that finishing or dropping one touches only its own entry.
static NEXT_ID: AtomicU64 = AtomicU64::new(0);

/// The registry, even when a thread panicked while holding it: the list stays meaningful
/// (entries are pushed and removed whole), and cleaning up matters more then, not less.
fn pending() -> MutexGuard<'static, Vec<Pending>> {
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A file being written: a temporary file renamed over the target by [`commit`], or a
/// target written in place when it is not a regular file.
pub(crate) struct AtomicFile {
    /// The open file; `None` once finished.
    file: Option<File>,
    /// The target, for error messages.
    target: PathBuf,
    /// The registry entry of the temporary file; `None` when writing in place.
    id: Option<u64>,
}

impl AtomicFile {
    /// Starts writing `target`: removes stale temporary files of the same target, then
    /// creates a new one beside it.
    ///
    /// # Errors
    /// When the temporary file cannot be created (missing folder, no permission, ...).
    pub(crate) fn create(target: &Path) -> Result<AtomicFile, Failure> {
        let cannot = |e| Failure::io(format!("cannot write {}", target.display()), e);
        // Follow a symbolic link, so that the rename replaces the file it points to and the
        // link stays a link.
        let resolved = match std::fs::symlink_metadata(target) {
            Ok(meta) if meta.file_type().is_symlink() => {
                std::fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf())
            }
            _ => target.to_path_buf(),
        };
        let existing = std::fs::metadata(&resolved).ok();
        if existing.as_ref().is_some_and(|meta| !meta.is_file()) {
            // A pipe, a device or a directory: written (or refused) in place.
            let file = File::create(&resolved).map_err(cannot)?;
            return Ok(AtomicFile {
                file: Some(file),
                target: target.to_path_buf(),
                id: None,
            });
        }
        let folder = match resolved.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let stem = temp_stem(&resolved);
        remove_stale(&folder, &stem);
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        // Created and registered under the registry's lock: the signal handler, which takes
        // the same lock, sees either no file or a registered one, never an unlisted file.
        let mut list = pending();
        let (temp, file) = loop {
            let mut name = stem.clone();
            name.push(format!("{}-{:016x}", std::process::id(), random()));
            let temp = folder.join(name);
            match OpenOptions::new().write(true).create_new(true).open(&temp) {
                Ok(file) => break (temp, file),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(cannot(e)),
            }
        };
        list.push(Pending {
            id,
            temp: temp.clone(),
            target: resolved.clone(),
            ready: false,
        });
        drop(list);
        if let Some(meta) = existing {
            keep_owner_and_mode(&file, &temp, &meta);
        }
        Ok(AtomicFile {
            file: Some(file),
            target: target.to_path_buf(),
            id: Some(id),
        })
    }

    /// Ends writing: the data is forced to disk (fsync), and the file waits for [`commit`].
    ///
    /// # Errors
    /// When the data cannot be written to disk (full disk, I/O error).
    pub(crate) fn finish(mut self) -> Result<(), Failure> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let Some(id) = self.id else {
            return Ok(());
        };
        file.sync_all()
            .map_err(|e| Failure::io(format!("cannot write {}", self.target.display()), e))?;
        drop(file);
        if let Some(entry) = pending().iter_mut().find(|p| p.id == id) {
            entry.ready = true;
        }
        // Finished: `Drop` must leave the temporary file to `commit`.
        self.id = None;
        Ok(())
    }

    /// The file, or an error once it is finished.
    fn file(&mut self) -> io::Result<&mut File> {
        self.file
            .as_mut()
            .ok_or_else(|| io::Error::other("the file is already finished"))
    }

    /// The error `e`, saying which file it happened on (a full disk names the file it hit).
    fn named(&self, e: io::Error) -> io::Error {
        io::Error::new(e.kind(), format!("{}: {e}", self.target.display()))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.file()?.write(buf) {
            Ok(n) => Ok(n),
            Err(e) => Err(self.named(e)),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.file()?.flush() {
            Ok(()) => Ok(()),
            Err(e) => Err(self.named(e)),
        }
    }
}

impl Drop for AtomicFile {
    /// A writer dropped without [`AtomicFile::finish`] was abandoned (an error, a misuse
    /// found late): its temporary file goes, the target stays as it was.
    fn drop(&mut self) {
        if let Some(id) = self.id.take() {
            drop(self.file.take());
            // Removed under the lock, so that a signal now cannot find the entry gone and
            // the file still there.
            let mut list = pending();
            if let Some(index) = list.iter().position(|p| p.id == id) {
                let entry = list.remove(index);
                let _ = std::fs::remove_file(entry.temp);
            }
        }
    }
}

/// Renames every finished temporary file over its target, in the order they were created.
///
/// # Errors
/// The first rename that fails; the temporary files not yet renamed are then removed.
pub(crate) fn commit() -> Result<(), Failure> {
    let mut list = pending();
    let mut index = 0;
    while let Some(entry) = list.get(index) {
        if !entry.ready {
            // Still being written by a writer that is alive: not this commit's business.
            index += 1;
            continue;
        }
        let entry = list.remove(index);
        if let Err(e) = std::fs::rename(&entry.temp, &entry.target) {
            let _ = std::fs::remove_file(&entry.temp);
            remove_all(&mut list);
            return Err(Failure::io(
                format!("cannot write {}", entry.target.display()),
                e,
            ));
        }
        sync_folder(&entry.target);
    }
    Ok(())
}

/// Removes every temporary file of this run after a failure: no target is touched.
pub(crate) fn discard() {
    remove_all(&mut pending());
}

/// Removes every temporary file of this run and ends the process with `code` (a signal).
/// The registry stays locked until the end, so that no other thread can create or rename
/// a file in the meantime.
pub(crate) fn discard_and_exit(code: i32) -> ! {
    let mut list = pending();
    remove_all(&mut list);
    std::process::exit(code)
}

/// Removes the listed temporary files and empties the list.
fn remove_all(list: &mut Vec<Pending>) {
    for entry in list.drain(..) {
        let _ = std::fs::remove_file(&entry.temp);
    }
}

/// `.<name>.treem-tmp-`: the start of the temporary files of `target`.
fn temp_stem(target: &Path) -> OsString {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut cut = name.len().min(NAME_KEPT);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    OsString::from(format!(".{}{MARK}", name.get(..cut).unwrap_or_default()))
}

/// Removes the temporary files of the same target left by a run that is no longer alive
/// (killed with SIGKILL, or the machine stopped). Errors are ignored: a stale file left is
/// only untidy, and this run must not fail for it.
fn remove_stale(folder: &Path, stem: &OsString) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let stem = stem.to_string_lossy();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Some(rest) = name.strip_prefix(stem.as_ref()) else {
            continue;
        };
        let Some((pid, random)) = rest.split_once('-') else {
            continue;
        };
        let (Ok(pid), true) = (
            pid.parse::<u32>(),
            random.len() == 16 && random.bytes().all(|b| b.is_ascii_hexdigit()),
        ) else {
            continue;
        };
        if pid != std::process::id() && !writer_alive(pid, &entry.path()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether the treem process `pid` that made `temp` may still be writing it.
fn writer_alive(pid: u32, temp: &Path) -> bool {
    let proc_self = Path::new("/proc/self/comm");
    if let Ok(own) = std::fs::read_to_string(proc_self) {
        // Linux: the process exists and is a treem (a reused pid is another program).
        return std::fs::read_to_string(format!("/proc/{pid}/comm"))
            .is_ok_and(|comm| comm.trim() == own.trim());
    }
    // Without /proc a pid cannot be checked without unsafe code: a temporary file nobody
    // has written to for an hour is taken as abandoned.
    std::fs::metadata(temp)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age < std::time::Duration::from_secs(3600))
}

/// Gives the temporary file the target's permissions (and owner, where allowed), so that
/// replacing a file does not change who may read it.
fn keep_owner_and_mode(file: &File, temp: &Path, meta: &std::fs::Metadata) {
    let _ = std::fs::set_permissions(temp, meta.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file away; for anyone else the owner is already theirs.
        let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
    }
    #[cfg(not(unix))]
    let _ = file;
}

/// Makes the rename itself durable (the folder's entry), where the system allows it.
fn sync_folder(target: &Path) {
    #[cfg(unix)]
    {
        let folder = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if let Ok(dir) = File::open(folder) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = target;
}

/// 64 random bits from the standard library's hasher keys (seeded by the system), enough
/// to keep concurrent runs' temporary names apart; `create_new` settles any collision.
fn random() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(NEXT_ID.load(Ordering::Relaxed));
    hasher.finish()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn temp_stem_keeps_long_names_short_and_on_char_boundaries() {
        let long = "é".repeat(200);
        let stem = temp_stem(Path::new(&long));
        let stem = stem.to_string_lossy();
        assert!(stem.len() <= NAME_KEPT + 1 + MARK.len(), "{}", stem.len());
        assert!(stem.starts_with(".é") && stem.ends_with(MARK));
        assert_eq!(
            temp_stem(Path::new("dir/x.ndjson")),
            OsString::from(".x.ndjson.treem-tmp-")
        );
    }
}
