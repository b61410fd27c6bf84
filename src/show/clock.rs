//! Monotonic time, injectable so tests and screenshots are deterministic.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Instant;

/// A monotonic clock reading milliseconds since the clock's own epoch.
pub trait Clock: Send + Sync {
    /// Milliseconds since this clock's epoch; never goes backwards.
    fn now_ms(&self) -> i64;
}

/// The real monotonic clock.
#[derive(Clone, Copy, Debug)]
pub struct RealClock {
    epoch: Instant,
    base_ms: i64,
}

impl RealClock {
    /// A clock whose epoch is now.
    pub fn new() -> Self {
        Self::continuing_from(0)
    }

    /// A clock that reads `ms` now and counts on from there: a show resumed after a
    /// crash (or a reboot, which resets `Instant`'s own zero) keeps its time scale.
    pub fn continuing_from(ms: i64) -> Self {
        Self {
            epoch: Instant::now(),
            base_ms: ms,
        }
    }
}

impl Default for RealClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for RealClock {
    fn now_ms(&self) -> i64 {
        let elapsed = i64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(i64::MAX);
        self.base_ms.saturating_add(elapsed)
    }
}

/// A clock that only moves when told to; clones share the same time.
#[derive(Clone, Debug, Default)]
pub struct ManualClock {
    now_ms: Arc<AtomicI64>,
}

impl ManualClock {
    /// A manual clock at zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Moves the clock forward by `ms`.
    pub fn advance_ms(&self, ms: i64) {
        self.now_ms.fetch_add(ms.max(0), Ordering::SeqCst);
    }

    /// Moves the clock forward by whole seconds.
    pub fn advance_secs(&self, secs: i64) {
        self.advance_ms(secs.saturating_mul(1000));
    }

    /// Sets the clock; ignored when it would go backwards.
    pub fn set_ms(&self, ms: i64) {
        self.now_ms.fetch_max(ms, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.now_ms.load(Ordering::SeqCst)
    }
}
