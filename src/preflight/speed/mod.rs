//! The network speed test (Cloudflare's speed-test protocol). Not built yet; what a result
//! means for an Instagram Live is.

mod advice;

use serde::{Deserialize, Serialize};

pub use advice::{
    Assessment, HIGH_LOADED_LATENCY_MS, INSTAGRAM_MIN_UPLOAD_MBPS, LIVE_PRODUCER_MAX_MBPS, Mark,
    upload_advice,
};

/// What one speed test measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeedResult {
    /// The server measured against (its base URL).
    pub server: String,
    /// Download, megabits per second.
    pub download_mbps: f64,
    /// Upload, megabits per second (timed to the server's response).
    pub upload_mbps: f64,
    /// Idle round trip, milliseconds (median of the small requests).
    pub latency_ms: f64,
    /// Variation of the idle round trips, milliseconds.
    pub jitter_ms: f64,
    /// Round trip while the line is busy, milliseconds, when it could be measured.
    pub loaded_latency_ms: Option<f64>,
}
