//! The report screen's work, off the UI thread: folding a journal into a report (a
//! big show takes a while) and exporting the files. Results come back on channels and
//! the app asks for a repaint.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::plan::Plan;
use crate::report::{ExportOptions, Report, ReportOptions, export_journal, report_journal};

// Asks for a repaint when a job has news: the same callback the sources use.
use crate::sources::NotifyFn as Notify;

/// A report being made or made.
pub enum Loaded {
    /// Folding the journal.
    Loading(Receiver<Result<Report, String>>),
    /// Made.
    Ready(Box<Report>),
    /// Could not be made: why.
    Failed(String),
}

/// How the last export went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exported {
    /// Written into this folder.
    Done(PathBuf),
    /// Not written: why.
    Failed(String),
}

/// The report screen's state between frames.
#[derive(Default)]
pub struct ReportJobs {
    /// The journal shown, and its report.
    pub shown: Option<(PathBuf, Loaded)>,
    export: Option<Receiver<Exported>>,
    folder_pick: Option<Receiver<Option<PathBuf>>>,
    /// How the last export went.
    pub exported: Option<Exported>,
}

impl ReportJobs {
    /// Starts making the report of the journal at `path` (again, when it is shown).
    pub fn load(&mut self, path: &Path, plan: Arc<Plan>, notify: Notify) {
        let (tx, rx) = std::sync::mpsc::channel();
        let journal = path.to_owned();
        let spawned = std::thread::Builder::new()
            .name("livecue-report".into())
            .spawn(move || {
                let made = report_journal(
                    &journal,
                    plan,
                    &ReportOptions::default(),
                    |_| {},
                    |_| Ok(()),
                )
                .map_err(|e| e.to_string());
                let _ = tx.send(made);
                notify();
            });
        let loaded = match spawned {
            Ok(_) => Loaded::Loading(rx),
            Err(e) => Loaded::Failed(e.to_string()),
        };
        self.shown = Some((path.to_owned(), loaded));
        self.exported = None;
    }

    /// Whether a report or an export is being made.
    pub fn busy(&self) -> bool {
        matches!(self.shown, Some((_, Loaded::Loading(_)))) || self.export.is_some()
    }

    /// The report shown, once made.
    pub fn report(&self) -> Option<&Report> {
        match &self.shown {
            Some((_, Loaded::Ready(report))) => Some(report),
            _ => None,
        }
    }

    /// Writes the shown show's files into `out`, on a thread: the journal is read once
    /// more, as `livecue report` does, so `comments.csv` has every comment.
    pub fn export(&mut self, out: PathBuf, plan: Arc<Plan>, notify: Notify) {
        let Some((journal, Loaded::Ready(_))) = &self.shown else {
            return;
        };
        let journal = journal.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("livecue-export".into())
            .spawn(move || {
                let written =
                    export_journal(&journal, plan, &out, &ExportOptions::default(), |_| {});
                let done = match written {
                    Ok(_) => Exported::Done(out),
                    Err(e) => Exported::Failed(e.to_string()),
                };
                let _ = tx.send(done);
                notify();
            });
        match spawned {
            Ok(_) => self.export = Some(rx),
            Err(e) => self.exported = Some(Exported::Failed(e.to_string())),
        }
    }

    /// Asks for a folder with the desktop's own dialog, on a thread; the export follows
    /// (see [`Self::collect`]).
    pub fn pick_folder(&mut self, start: Option<PathBuf>, notify: Notify) {
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("livecue-folder".into())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new();
                if let Some(dir) = start {
                    dialog = dialog.set_directory(dir);
                }
                let _ = tx.send(dialog.pick_folder());
                notify();
            });
        if spawned.is_ok() {
            self.folder_pick = Some(rx);
        }
    }

    /// Takes in what finished since the last frame; a folder picked for export starts
    /// the export with `plan`.
    pub fn collect(&mut self, plan: &Arc<Plan>, notify: &Notify) {
        if let Some((_, Loaded::Loading(rx))) = &self.shown {
            let done = match rx.try_recv() {
                Ok(Ok(report)) => Some(Loaded::Ready(Box::new(report))),
                Ok(Err(e)) => Some(Loaded::Failed(e)),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => Some(Loaded::Failed(
                    "the report stopped before it was made".into(),
                )),
            };
            if let (Some(done), Some((_, loaded))) = (done, &mut self.shown) {
                *loaded = done;
            }
        }
        if let Some(rx) = &self.export {
            match rx.try_recv() {
                Ok(done) => {
                    self.exported = Some(done);
                    self.export = None;
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => self.export = None,
            }
        }
        if let Some(rx) = &self.folder_pick {
            match rx.try_recv() {
                Ok(Some(dir)) => {
                    self.folder_pick = None;
                    self.export(dir, Arc::clone(plan), notify.clone());
                }
                Ok(None) | Err(TryRecvError::Disconnected) => self.folder_pick = None,
                Err(TryRecvError::Empty) => {}
            }
        }
    }
}
