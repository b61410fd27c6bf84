//! The network speed test, speaking Cloudflare's speed-test protocol:
//! `GET {server}/__down?bytes=N` for download and round trips, `POST {server}/__up` for
//! upload.
//!
//! The method follows Cloudflare's own (`cloudflare/speedtest`): round trips are
//! `bytes=0` requests (the median is the latency, the mean step between consecutive ones
//! the jitter, the server's `server-timing` subtracted); transfers grow in size towards
//! about a second each, and a figure is the 90th percentile of many throughput samples,
//! not one big transfer. Round trips taken during the transfers give the latency under
//! load. Each phase is time-boxed within an overall budget, so a slow line finishes too.
//!
//! - Download runs several streams at once (as `networkquality-rs` does); a sample is
//!   the *aggregate* of all streams over a one-second window, sliding by 100 ms, after
//!   the ramp-up. Per-request figures would under-report wherever streams share one
//!   bottleneck; the aggregate is right there and where one stream cannot fill the line.
//! - Upload runs one stream (as Cloudflare's engine does), a sample per request, timed
//!   from sending to the server's answer: only then is the body known to have arrived.
//!   Split over parallel streams, a request's share of the line wanders and its timing
//!   says little; alone, it has the line. A live stream is one connection too.
//!
//! [`run`] is the async core; [`SpeedTest`] runs it on a runtime for the UI and CLI.

mod advice;
mod client;
mod handle;
mod measure;
mod meter;
mod stats;

use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::watch;

pub use advice::{
    Assessment, HIGH_LOADED_LATENCY_MS, INSTAGRAM_MIN_UPLOAD_MBPS, LIVE_PRODUCER_MAX_MBPS, Mark,
    upload_advice,
};
pub use handle::SpeedTest;

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
    /// Round trip while the line is busy, milliseconds, when it could be measured (the
    /// worse of the download and the upload, each the median of its round trips).
    pub loaded_latency_ms: Option<f64>,
}

/// Cloudflare's public speed-test server.
pub const DEFAULT_SERVER: &str = "https://speed.cloudflare.com";

/// How to run a speed test.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeedConfig {
    /// Base URL of a server speaking Cloudflare's protocol (`__down`, `__up` below it).
    pub server: String,
    /// The whole test stays within this: each phase has its share of it.
    pub budget: Duration,
    /// Longest wait to open a connection (DNS, TCP, TLS) before the server counts as
    /// unreachable.
    pub connect_timeout: Duration,
    /// Longest time with nothing moving in a transfer before it counts as stalled.
    pub stall_timeout: Duration,
    /// Download streams running at once (upload runs one).
    pub download_streams: usize,
    /// Idle round trips to take.
    pub latency_samples: usize,
}

impl Default for SpeedConfig {
    fn default() -> Self {
        Self {
            server: DEFAULT_SERVER.to_owned(),
            budget: Duration::from_secs(20),
            connect_timeout: Duration::from_secs(5),
            stall_timeout: Duration::from_secs(5),
            download_streams: 4,
            latency_samples: 20,
        }
    }
}

/// Which part of the test is running.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Connecting and timing idle round trips.
    #[default]
    Latency,
    /// Measuring download.
    Download,
    /// Measuring upload.
    Upload,
    /// Finished with a result.
    Done,
}

impl std::fmt::Display for Phase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Phase::Latency => "latency test",
            Phase::Download => "download test",
            Phase::Upload => "upload test",
            Phase::Done => "speed test",
        })
    }
}

/// How far a running test has come, with the figures known so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// The part running now.
    pub phase: Phase,
    /// Share of the whole test done, 0 to 1.
    pub fraction: f64,
    /// Throughput of the running transfer over the last second, megabits per second.
    pub live_mbps: Option<f64>,
    /// Idle round trip, once measured.
    pub latency_ms: Option<f64>,
    /// Download, once measured.
    pub download_mbps: Option<f64>,
    /// Upload, once measured.
    pub upload_mbps: Option<f64>,
}

/// Why a speed test gave no result, in words for the host, with what to do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpeedError {
    /// The configured address is not an http(s) URL.
    #[error(
        "the speed-test server address {address:?} cannot be used ({why}); give a web address such as {DEFAULT_SERVER}"
    )]
    BadServer { address: String, why: String },
    /// No connection could be opened: no network, DNS failure, refused, timed out.
    #[error(
        "cannot reach the speed-test server {server} ({reason}); check that this computer is online (Wi-Fi connected or network cable plugged in), then test again"
    )]
    Unreachable { server: String, reason: String },
    /// The server answered with an HTTP error status.
    #[error(
        "the speed-test server {server} turned the test away (HTTP {status}); wait a minute and test again, and if it keeps happening use another speed-test server"
    )]
    Refused { server: String, status: u16 },
    /// Nothing moved for the stall timeout in the middle of a request.
    #[error(
        "the {phase} stopped: nothing came through for {secs} s; the connection is dropping out, so move closer to the router or plug in a network cable, then test again"
    )]
    Stalled { phase: Phase, secs: u64 },
    /// The connection broke in the middle of a request.
    #[error(
        "the connection broke during the {phase} ({reason}); the line is unstable, so move closer to the router or plug in a network cable, then test again"
    )]
    Dropped { phase: Phase, reason: String },
    /// [`SpeedTest::cancel`] was called, or `true` sent on the cancel channel.
    #[error("the speed test was cancelled")]
    Cancelled,
}

/// Runs a whole speed test: idle latency, download, upload.
///
/// Progress is published on `progress` as it goes. The test stops promptly with
/// [`SpeedError::Cancelled`] once `true` is sent on `cancel` (a dropped sender cancels
/// nothing). Needs a tokio runtime with the time driver; transfers run as tasks on it.
pub async fn run(
    config: SpeedConfig,
    progress: watch::Sender<Progress>,
    mut cancel: watch::Receiver<bool>,
) -> Result<SpeedResult, SpeedError> {
    if *cancel.borrow_and_update() {
        return Err(SpeedError::Cancelled);
    }
    tokio::select! {
        biased;
        () = cancelled(&mut cancel) => Err(SpeedError::Cancelled),
        result = measure::all(&config, &progress) => result,
    }
}

/// Resolves once `true` is sent; never if the sender goes away first.
async fn cancelled(cancel: &mut watch::Receiver<bool>) {
    if cancel.wait_for(|c| *c).await.is_err() {
        std::future::pending::<()>().await;
    }
}
