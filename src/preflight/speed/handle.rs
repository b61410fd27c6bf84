//! A speed test running on a tokio runtime, read without blocking from the UI or CLI.

use std::sync::{Arc, Mutex, PoisonError};

use tokio::runtime::Handle;
use tokio::sync::watch;

use super::{Progress, SpeedConfig, SpeedError, SpeedResult, run};

type Outcome = Arc<Mutex<Option<Result<SpeedResult, SpeedError>>>>;

/// A speed test running in the background. Dropping it cancels the test.
pub struct SpeedTest {
    progress: watch::Receiver<Progress>,
    outcome: Outcome,
    cancel: watch::Sender<bool>,
}

impl SpeedTest {
    /// Starts a test on `handle`'s runtime. `on_update` runs after every progress change
    /// and once more when the result is in (the app passes `ctx.request_repaint()`).
    pub fn spawn(
        handle: &Handle,
        config: SpeedConfig,
        on_update: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let (progress_tx, progress) = watch::channel(Progress::default());
        let (cancel, cancel_rx) = watch::channel(false);
        let outcome: Outcome = Arc::new(Mutex::new(None));
        let on_update = Arc::new(on_update);

        let mut changes = progress.clone();
        let notify = on_update.clone();
        handle.spawn(async move {
            // Ends when the test drops its sender.
            while changes.changed().await.is_ok() {
                notify();
            }
        });
        let stored = outcome.clone();
        handle.spawn(async move {
            let result = run(config, progress_tx, cancel_rx).await;
            *stored.lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
            on_update();
        });
        Self {
            progress,
            outcome,
            cancel,
        }
    }

    /// The latest progress, and the outcome once the test has finished.
    pub fn snapshot(&self) -> (Progress, Option<Result<SpeedResult, SpeedError>>) {
        (self.progress.borrow().clone(), self.outcome())
    }

    /// The latest progress.
    pub fn progress(&self) -> Progress {
        self.progress.borrow().clone()
    }

    /// The result or error, once the test has finished.
    pub fn outcome(&self) -> Option<Result<SpeedResult, SpeedError>> {
        self.outcome
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Whether the test has finished (with a result, an error, or cancelled).
    pub fn is_finished(&self) -> bool {
        self.outcome
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// Stops the test: it finishes promptly with [`SpeedError::Cancelled`].
    pub fn cancel(&self) {
        self.cancel.send_replace(true);
    }
}

impl Drop for SpeedTest {
    fn drop(&mut self) {
        self.cancel();
    }
}
