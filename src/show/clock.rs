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

/// A clock that runs `speed` times faster than the clock under it, from zero when made:
/// a rehearsal lets the producer watch a whole show pass in minutes.
pub struct ScaledClock {
    inner: Arc<dyn Clock>,
    zero_ms: i64,
    speed: u32,
}

impl ScaledClock {
    /// A clock reading zero now and then `speed` milliseconds for every one of `inner`'s.
    pub fn new(inner: Arc<dyn Clock>, speed: u32) -> Self {
        Self {
            zero_ms: inner.now_ms(),
            inner,
            speed: speed.max(1),
        }
    }

    /// How many times faster than the clock under it this one runs.
    pub fn speed(&self) -> u32 {
        self.speed
    }
}

impl Clock for ScaledClock {
    fn now_ms(&self) -> i64 {
        (self.inner.now_ms() - self.zero_ms).saturating_mul(i64::from(self.speed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scaled_clock_runs_that_many_times_faster_from_zero() {
        let base = ManualClock::new();
        base.advance_secs(100);
        let fast = ScaledClock::new(Arc::new(base.clone()), 20);
        assert_eq!(fast.now_ms(), 0);
        base.advance_ms(1_500);
        assert_eq!(fast.now_ms(), 30_000);
        assert_eq!(ScaledClock::new(Arc::new(base), 0).speed(), 1);
    }
}
