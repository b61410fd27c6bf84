//! The work pre-flight starts and waits for: the speed test on the show's runtime, the
//! do-not-disturb reading on a thread of its own (it may run desktop tools), the
//! comment source's token check on the show's runtime. What the first two find goes
//! into the journal through the session, like everything else; the token check is
//! asked again whenever pre-flight opens, so it is kept here only.

use std::sync::mpsc::{Receiver, TryRecvError};

use crate::preflight::TokenCheck;
use crate::preflight::dnd::{DndReport, DndState};
use crate::preflight::speed::{Progress, SpeedConfig, SpeedTest};
use crate::session::Live;
use crate::sources::{SourceConfig, SourceSpec, TokenHealth, check_token};

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
    /// The token check: for which source, where it stands, and its answer on its way.
    token: Option<TokenJob>,
}

/// One token check.
struct TokenJob {
    /// The source checked (its name and account ids), so a new source is checked anew.
    key: String,
    check: TokenCheck,
    rx: Option<Receiver<Result<Option<TokenHealth>, String>>>,
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

    /// Checks the token of the source `spec` with `config`, on `runtime`, unless this
    /// source was checked already (`again` checks anyway). No row for a replay.
    pub fn check_token(
        &mut self,
        runtime: &tokio::runtime::Handle,
        spec: &SourceSpec,
        config: Option<&SourceConfig>,
        failed: Option<String>,
        again: bool,
        notify: Notify,
    ) {
        let platform = match spec {
            SourceSpec::Replay { .. } => {
                self.token = None;
                return;
            }
            SourceSpec::Instagram => "Instagram",
            SourceSpec::FacebookPage | SourceSpec::Facebook { .. } => "Facebook",
        };
        let key = format!(
            "{spec} {:?} {:?} {}",
            config.and_then(|c| c.ig_user_id.as_deref()),
            config.and_then(|c| c.fb_page_id.as_deref()),
            failed.as_deref().unwrap_or("")
        );
        if !again && self.token.as_ref().is_some_and(|t| t.key == key) {
            return;
        }
        let Some(config) = config else {
            self.token = Some(TokenJob {
                key,
                check: TokenCheck::Failed {
                    platform,
                    reason: failed.unwrap_or_else(|| "the source is not connected".into()),
                },
                rx: None,
            });
            return;
        };
        let (tx, rx) = std::sync::mpsc::channel();
        let (spec, config) = (spec.clone(), config.clone());
        runtime.spawn(async move {
            let outcome = check_token(spec, config).await.map_err(|e| e.to_string());
            let _ = tx.send(outcome);
            notify();
        });
        self.token = Some(TokenJob {
            key,
            check: TokenCheck::Checking { platform },
            rx: Some(rx),
        });
    }

    /// Where the token check stands; `None` for a replay or no source.
    pub fn token(&self) -> Option<&TokenCheck> {
        self.token.as_ref().map(|t| &t.check)
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
        if let Some(job) = &mut self.token
            && let Some(rx) = &job.rx
        {
            let platform = match &job.check {
                TokenCheck::Checking { platform } | TokenCheck::Failed { platform, .. } => {
                    *platform
                }
                TokenCheck::Checked(h) => h.platform.title(),
            };
            let answer = match rx.try_recv() {
                Ok(Ok(Some(health))) => Some(TokenCheck::Checked(health)),
                Ok(Ok(None)) => None,
                Ok(Err(reason)) => Some(TokenCheck::Failed { platform, reason }),
                Err(TryRecvError::Empty) => Some(job.check.clone()),
                Err(TryRecvError::Disconnected) => Some(TokenCheck::Failed {
                    platform,
                    reason: "the token check stopped before it could answer".into(),
                }),
            };
            match answer {
                Some(TokenCheck::Checking { .. }) => {}
                Some(check) => {
                    job.check = check;
                    job.rx = None;
                }
                None => self.token = None,
            }
        }
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
