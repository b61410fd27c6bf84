//! The editor's files: open, save, save as (the desktop's own dialogs, on a thread so
//! the window keeps drawing), recent files, and the guard that asks before unsaved
//! changes or a hand-written file's comments would be lost.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::plan::{self, Plan, PlanError};

/// How many recent files are remembered.
const MAX_RECENT: usize = 8;

/// What a file dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Open a plan.
    Open,
    /// Save the plan under a new name.
    SaveAs,
    /// Import questions from a CSV or text file.
    ImportQuestions,
    /// Pick a media file for the media item at this index.
    Media(usize),
}

/// A desktop file dialog running on its own thread.
pub struct Dialog {
    /// What its answer is for.
    pub purpose: DialogPurpose,
    rx: Receiver<Option<PathBuf>>,
}

impl Dialog {
    /// Opens the desktop's dialog for `purpose`, starting in `dir`.
    pub fn start(
        purpose: DialogPurpose,
        dir: Option<PathBuf>,
        t: &'static crate::ui::text::EditorTexts,
        notify: crate::sources::NotifyFn,
    ) -> Option<Self> {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("livecue-file-dialog".into())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new();
                if let Some(dir) = dir {
                    dialog = dialog.set_directory(dir);
                }
                let picked = match purpose {
                    DialogPurpose::Open => dialog.add_filter(t.dialog_plans, &["ron"]).pick_file(),
                    DialogPurpose::SaveAs => dialog
                        .add_filter(t.dialog_plans, &["ron"])
                        .set_file_name("plan.ron")
                        .save_file(),
                    DialogPurpose::ImportQuestions => dialog
                        .add_filter(t.dialog_questions, &["csv", "txt", "tsv"])
                        .pick_file(),
                    DialogPurpose::Media(_) => dialog
                        .add_filter(t.dialog_media, &["png", "jpg", "jpeg", "mp4", "mov"])
                        .pick_file(),
                };
                let _ = tx.send(picked);
                notify();
            })
            .ok()?;
        Some(Self { purpose, rx })
    }

    /// The answer, once there is one: `Some(None)` when the dialog was cancelled.
    pub fn poll(&self) -> Option<Option<PathBuf>> {
        match self.rx.try_recv() {
            Ok(picked) => Some(picked),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }
}

/// A plan read from a file, with what the editor must know about the file.
pub struct Opened {
    /// The plan.
    pub plan: Plan,
    /// Whether the file has comments a person wrote, which a save will not keep.
    pub had_comments: bool,
}

/// Reads a plan file for editing. A file that is not a plan is refused with the reason
/// (`FILE:LINE:COL: error: ...`), and nothing in the editor changes.
pub fn open(path: &Path) -> Result<Opened, String> {
    match plan::load(path) {
        Ok((plan, src)) => Ok(Opened {
            plan,
            had_comments: plan::has_comments(&src),
        }),
        Err(PlanError::Syntax(d)) => Err(d.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// Writes the plan as pretty RON, through a file beside it renamed into place, so a
/// failed write never leaves half a plan where the old one was.
pub fn save(plan: &Plan, path: &Path) -> Result<(), String> {
    let text = plan::to_ron(plan).map_err(|e| e.to_string())? + "\n";
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "plan.ron".into());
    let temp = path.with_file_name(format!(".{name}.saving"));
    std::fs::write(&temp, text)
        .and_then(|()| std::fs::rename(&temp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            format!("{}: {e}", path.display())
        })
}

/// `path` put first in the recent files, once, at most [`MAX_RECENT`] of them.
pub fn remember(recent: &mut Vec<PathBuf>, path: &Path) {
    recent.retain(|p| p != path);
    recent.insert(0, path.to_owned());
    recent.truncate(MAX_RECENT);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_a_plan_is_refused_with_its_line_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("bad.ron");
        std::fs::write(
            &path,
            "(\n  title: \"x\",\n  goal: (kind: Sales)\n  segments: [],\n)",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let err = open(&path).err().unwrap_or_default();
        assert!(err.contains("bad.ron:3:"), "{err}");
        assert!(err.contains("expected comma"), "{err}");
    }

    #[test]
    fn recent_files_hold_each_once_newest_first() {
        let mut recent = Vec::new();
        for n in 0..10 {
            remember(&mut recent, Path::new(&format!("p{n}.ron")));
        }
        remember(&mut recent, Path::new("p5.ron"));
        assert_eq!(recent.len(), MAX_RECENT);
        assert_eq!(recent[0], Path::new("p5.ron"));
        assert_eq!(
            recent.iter().filter(|p| *p == Path::new("p5.ron")).count(),
            1
        );
    }
}
