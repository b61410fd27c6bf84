//! Whether a measured upload carries an Instagram Live, in words for the host.

use serde::{Deserialize, Serialize};

use super::SpeedResult;

/// The upload Instagram asks for before going live, megabits per second.
pub const INSTAGRAM_MIN_UPLOAD_MBPS: f64 = 10.0;
/// The most Live Producer sends through OBS (720×1280, 2.25–6 Mbps): under this the
/// stream itself does not fit.
pub const LIVE_PRODUCER_MAX_MBPS: f64 = 6.0;
/// A round trip under load above this makes a live stream stutter and comments lag
/// (Cloudflare's scores already count a 100–500 ms rise against streaming).
pub const HIGH_LOADED_LATENCY_MS: f64 = 300.0;

/// Good, worth a look, or not good enough.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Fine: go live.
    Good,
    /// It may work, with the risk said.
    Warn,
    /// Not enough: fix it before going live.
    Bad,
}

/// A mark and one or two sentences saying why and what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub mark: Mark,
    pub message: String,
}

const FIXES: &str = "move closer to the router or plug in a network cable, and stop other uploads on this network (cloud backups, file syncing, another stream)";

/// Whether `result`'s upload is enough for Instagram Live, given the upload asked for
/// (`min_upload_mbps`; [`INSTAGRAM_MIN_UPLOAD_MBPS`] by default): good at or above it,
/// a warning when the line's delay under load is very high, bad below it (with a
/// harder sentence below Live Producer's top rate, where the video itself cannot fit).
pub fn upload_advice(result: &SpeedResult, min_upload_mbps: f64) -> Assessment {
    let needed = if min_upload_mbps.is_finite() && min_upload_mbps > 0.0 {
        min_upload_mbps
    } else {
        INSTAGRAM_MIN_UPLOAD_MBPS
    };
    let up = result.upload_mbps.max(0.0);
    let loaded = result
        .loaded_latency_ms
        .filter(|ms| *ms >= HIGH_LOADED_LATENCY_MS);
    if up < needed.min(LIVE_PRODUCER_MAX_MBPS) {
        return Assessment {
            mark: Mark::Bad,
            message: format!(
                "Upload {} Mbps is too slow for Instagram Live: it asks for {} Mbps, and the video alone needs up to {} Mbps. To fix it, {FIXES}, or use another connection; then test again.",
                figure(up),
                figure(needed),
                figure(LIVE_PRODUCER_MAX_MBPS)
            ),
        };
    }
    if up < needed {
        return Assessment {
            mark: Mark::Bad,
            message: format!(
                "Upload {} Mbps is under the {} Mbps Instagram asks for: the video (up to {} Mbps) would fit with little headroom, so its quality may drop or the live may cut out. To fix it, {FIXES}; then test again.",
                figure(up),
                figure(needed),
                figure(LIVE_PRODUCER_MAX_MBPS)
            ),
        };
    }
    if let Some(ms) = loaded {
        return Assessment {
            mark: Mark::Warn,
            message: format!(
                "Upload {} Mbps is enough for Instagram Live, but the delay rises to {ms:.0} ms while the line is busy, so the stream may stutter. Stop other uploads and downloads on this network (cloud backups, updates, another stream), or plug in a network cable.",
                figure(up)
            ),
        };
    }
    Assessment {
        mark: Mark::Good,
        message: format!(
            "Upload {} Mbps is enough for Instagram Live (it asks for {} Mbps).",
            figure(up),
            figure(needed)
        ),
    }
}

/// A rate as the host reads it: one decimal under 10, whole numbers above.
fn figure(mbps: f64) -> String {
    if mbps < 10.0 {
        format!("{mbps:.1}")
    } else {
        format!("{mbps:.0}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(upload_mbps: f64, loaded_latency_ms: Option<f64>) -> SpeedResult {
        SpeedResult {
            server: "https://speed.example.com".to_owned(),
            download_mbps: 100.0,
            upload_mbps,
            latency_ms: 20.0,
            jitter_ms: 2.0,
            loaded_latency_ms,
        }
    }

    #[test]
    fn enough_upload_is_good() {
        let a = upload_advice(&result(23.4, Some(60.0)), INSTAGRAM_MIN_UPLOAD_MBPS);
        assert_eq!(a.mark, Mark::Good);
        assert_eq!(
            a.message,
            "Upload 23 Mbps is enough for Instagram Live (it asks for 10 Mbps)."
        );
        // Exactly the threshold is enough; no loaded figure is no warning.
        assert_eq!(upload_advice(&result(10.0, None), 10.0).mark, Mark::Good);
    }

    #[test]
    fn between_live_producer_and_the_threshold_is_not_enough_with_what_to_do() {
        let a = upload_advice(&result(7.2, None), 10.0);
        assert_eq!(a.mark, Mark::Bad);
        assert!(
            a.message
                .starts_with("Upload 7.2 Mbps is under the 10 Mbps"),
            "{}",
            a.message
        );
        assert!(
            a.message.contains("plug in a network cable"),
            "{}",
            a.message
        );
        assert_eq!(upload_advice(&result(6.0, None), 10.0).mark, Mark::Bad);
    }

    #[test]
    fn too_little_for_the_video_itself_is_bad() {
        let a = upload_advice(&result(3.1, Some(40.0)), 10.0);
        assert_eq!(a.mark, Mark::Bad);
        assert!(
            a.message.contains("Upload 3.1 Mbps is too slow"),
            "{}",
            a.message
        );
        assert!(
            a.message.contains("move closer to the router"),
            "{}",
            a.message
        );
        assert!(a.message.contains("stop other uploads"), "{}", a.message);
        assert_eq!(upload_advice(&result(0.0, None), 10.0).mark, Mark::Bad);
    }

    #[test]
    fn a_busy_line_with_a_long_delay_warns_even_when_fast() {
        let a = upload_advice(&result(40.0, Some(650.0)), 10.0);
        assert_eq!(a.mark, Mark::Warn);
        assert!(a.message.contains("rises to 650 ms"), "{}", a.message);
        // A slow line is bad whatever the delay.
        assert_eq!(
            upload_advice(&result(2.0, Some(650.0)), 10.0).mark,
            Mark::Bad
        );
    }

    #[test]
    fn the_threshold_is_the_callers() {
        // A host who asks for 20 Mbps is stopped at 15.
        assert_eq!(upload_advice(&result(15.0, None), 20.0).mark, Mark::Bad);
        // A threshold under Live Producer's rate is the caller's to choose.
        assert_eq!(upload_advice(&result(5.0, None), 4.0).mark, Mark::Good);
        assert_eq!(upload_advice(&result(3.0, None), 4.0).mark, Mark::Bad);
        // A nonsense threshold falls back to Instagram's.
        assert_eq!(upload_advice(&result(8.0, None), f64::NAN).mark, Mark::Bad);
        assert_eq!(upload_advice(&result(12.0, None), 0.0).mark, Mark::Good);
    }
}
