//! The work pre-flight starts and waits for: the speed test on the show's runtime, the
//! do-not-disturb reading on a thread of its own (it may run desktop tools). What they
//! find goes into the journal through the session, like everything else.

use std::sync::mpsc::{Receiver, TryRecvError};

use crate::preflight::dnd::{DndReport, DndState};
use crate::preflight::speed::{Progress, SpeedConfig, SpeedTest};
use crate::session::Live;

// Asks for a repaint when a job has news: the same callback the sources use.
use crate::sources::NotifyFn as Notify;

/// Running pre-flight jobs and the checklist's chosen row.
#[derive(Default)]
pub struct PreflightJobs {
    /// The running speed test and its server.
    speed: Option<(SpeedTest, String)>,
    dnd: Option<Receiver<DndReport>>,
    /// The chosen checklist row.
    pub selected: usize,
    /// The row was chosen by key and should scroll into view.
    pub scroll_to_selected: bool,
}

impl PreflightJobs {
    /// Starts a speed test against `server` (one at a time).
    pub fn start_speed_test(
        &mut self,
        runtime: &tokio::runtime::Handle,
        server: &str,
        notify: Notify,
    ) {
        if self.speed.is_some() {
            return;
        }
        let config = SpeedConfig {
            server: server.to_owned(),
            ..SpeedConfig::default()
        };
        self.speed = Some((
            SpeedTest::spawn(runtime, config, move || notify()),
            server.to_owned(),
        ));
    }

    /// Stops a running speed test; nothing is journaled for it.
    pub fn cancel_speed_test(&mut self) {
        if let Some((test, _)) = self.speed.take() {
            test.cancel();
        }
    }

    /// Reads do-not-disturb again, on a thread (desktop tools may be slow to answer).
    pub fn check_dnd(&mut self, read: fn() -> DndReport, notify: Notify) {
        if self.dnd.is_some() {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("livecue-dnd".into())
            .spawn(move || {
                let _ = tx.send(read());
                notify();
            });
        if spawned.is_ok() {
            self.dnd = Some(rx);
        }
    }

    /// The speed test's progress while it runs.
    pub fn testing(&self) -> Option<Progress> {
        self.speed.as_ref().map(|(test, _)| test.progress())
    }

    /// Whether do-not-disturb is being read.
    pub fn checking_dnd(&self) -> bool {
        self.dnd.is_some()
    }

    /// Journals what finished since the last frame.
    pub fn collect(&mut self, live: &mut Live) {
        if let Some((test, server)) = &self.speed
            && let Some(outcome) = test.outcome()
        {
            let server = server.clone();
            self.speed = None;
            live.record_speed_test(&server, outcome.map_err(|e| e.to_string()));
        }
        if let Some(rx) = &self.dnd {
            match rx.try_recv() {
                Ok(report) => {
                    self.dnd = None;
                    live.record_dnd(report);
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    self.dnd = None;
                    live.record_dnd(DndReport {
                        state: DndState::Unknown,
                        method: "none".into(),
                        detail: "the do-not-disturb check stopped before it could answer".into(),
                    });
                }
            }
        }
    }
}
