//! What the download streams of a phase received, shared between them.

use std::sync::{Mutex, MutexGuard, PoisonError};

use tokio::time::{Duration, Instant};

use super::stats::Bins;

/// Length of one bin of the throughput record.
const BIN: Duration = Duration::from_millis(50);

/// The bytes every stream received, by when they arrived.
pub(crate) struct Meter {
    origin: Instant,
    bins: Mutex<Bins>,
}

impl Meter {
    /// Empty, counting from `origin` (the start of the phase).
    pub(crate) fn new(origin: Instant) -> Self {
        Self {
            origin,
            bins: Mutex::new(Bins::new(BIN.as_secs_f64())),
        }
    }

    fn bins(&self) -> MutexGuard<'_, Bins> {
        // Every update is one call: a panic elsewhere leaves the bins usable.
        self.bins.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn secs(&self, at: Instant) -> f64 {
        at.saturating_duration_since(self.origin).as_secs_f64()
    }

    /// `bytes` arrived between `start` and `end`.
    pub(crate) fn add(&self, start: Instant, end: Instant, bytes: usize) {
        let (s, e) = (self.secs(start), self.secs(end));
        self.bins().add(s, e, bytes as f64);
    }

    /// Throughput, bits per second, of every `window` within `[from, to]`, stepping by `step`.
    pub(crate) fn rates(
        &self,
        from: Instant,
        to: Instant,
        window: Duration,
        step: Duration,
    ) -> Vec<f64> {
        let (f, t) = (self.secs(from), self.secs(to));
        self.bins()
            .window_rates(f, t, window.as_secs_f64(), step.as_secs_f64())
    }

    /// Throughput, bits per second, over the last `window` ending by `to`.
    pub(crate) fn latest_rate(&self, to: Instant, window: Duration) -> Option<f64> {
        let t = self.secs(to);
        self.bins().latest_rate(t, window.as_secs_f64())
    }

    /// Average throughput, bits per second, from the start to `to`; `None` when nothing
    /// moved.
    pub(crate) fn average_rate(&self, to: Instant) -> Option<f64> {
        let t = self.secs(to);
        self.bins().average_rate(t)
    }
}
