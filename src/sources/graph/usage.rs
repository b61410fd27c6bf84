//! How much of its quota the platform says livecue has used, and how long to wait.

use std::time::Duration;

use reqwest::header::HeaderMap;
use serde_json::Value;

/// Quota use reported by the platform, the highest of all figures.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Usage {
    /// Highest `call_count` / `total_cputime` / `total_time`, in percent.
    pub(super) percent: f64,
    /// Longest `estimated_time_to_regain_access`.
    pub(super) regain: Duration,
}

impl Usage {
    pub(super) fn max(self, other: Usage) -> Usage {
        Usage {
            percent: self.percent.max(other.percent),
            regain: self.regain.max(other.regain),
        }
    }
}

/// Reads `X-App-Usage` (`{"call_count":28,...}`) and `X-Business-Use-Case-Usage`
/// (`{"<id>":[{"type":..,"call_count":..,"estimated_time_to_regain_access":<minutes>}]}`).
/// Absent or unreadable headers count as zero: they appear only after enough calls.
pub(super) fn parse_usage(headers: &HeaderMap) -> Usage {
    let json = |name: &str| -> Option<Value> {
        serde_json::from_slice(headers.get(name)?.as_bytes()).ok()
    };
    let mut usage = Usage::default();
    let mut take = |o: &serde_json::Map<String, Value>| {
        for key in ["call_count", "total_cputime", "total_time"] {
            if let Some(p) = o.get(key).and_then(Value::as_f64) {
                usage.percent = usage.percent.max(p);
            }
        }
        if let Some(min) = o
            .get("estimated_time_to_regain_access")
            .and_then(Value::as_f64)
            .filter(|m| m.is_finite() && *m > 0.0)
        {
            usage.regain = usage
                .regain
                .max(Duration::from_secs_f64(min.min(24.0 * 60.0) * 60.0));
        }
    };
    if let Some(Value::Object(o)) = json("x-app-usage") {
        take(&o);
    }
    if let Some(Value::Object(by_id)) = json("x-business-use-case-usage") {
        for entries in by_id.values() {
            for entry in entries.as_array().into_iter().flatten() {
                if let Value::Object(o) = entry {
                    take(o);
                }
            }
        }
    }
    usage
}

impl Usage {
    /// How many times the base interval to wait before the next call: 1 below 75 %,
    /// 2 from 75 %, 3 from 90 %, 5 from 95 % — and 5 when a call succeeded while the
    /// platform still gives a time to regain access (some quota is spent, not ours yet).
    ///
    /// The stretch stops at 5 on purpose: comments on a live can only be read while it
    /// runs, so polling every 10 s at worst (the default 2 s × 5) keeps the host's feed
    /// at most ten seconds behind and loses at most the last ten seconds if Meta's limit
    /// is hit anyway; a throttle error then says how long to wait.
    pub(super) fn factor(self) -> u32 {
        if self.percent >= 95.0 || !self.regain.is_zero() {
            5
        } else if self.percent >= 90.0 {
            3
        } else if self.percent >= 75.0 {
            2
        } else {
            1
        }
    }

    /// `base` stretched by [`Usage::factor`].
    pub(super) fn pace(self, base: Duration) -> Duration {
        base * self.factor()
    }
}

/// `base × 2^(attempt−1)`, capped at `max`, then jittered into its upper half so that
/// many clients do not retry in step.
pub(crate) fn backoff(base: Duration, max: Duration, attempt: u32) -> Duration {
    let exp = base
        .checked_mul(1u32 << attempt.saturating_sub(1).min(20))
        .unwrap_or(max)
        .min(max);
    let half = exp / 2;
    half + half.mul_f64(fastrand::f64())
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn usage_headers_take_the_highest_figure() {
        // The fixture's headers.
        let mut h = HeaderMap::new();
        h.insert(
            "x-app-usage",
            HeaderValue::from_static(r#"{"call_count":72,"total_cputime":20,"total_time":25}"#),
        );
        h.insert(
            "x-business-use-case-usage",
            HeaderValue::from_static(
                r#"{"17841400008460056":[{"type":"instagram","call_count":91,"total_cputime":15,"total_time":18,"estimated_time_to_regain_access":0}]}"#,
            ),
        );
        assert_eq!(
            parse_usage(&h),
            Usage {
                percent: 91.0,
                regain: Duration::ZERO
            }
        );
        h.insert(
            "x-business-use-case-usage",
            HeaderValue::from_static(
                r#"{"1":[{"type":"pages","call_count":10,"estimated_time_to_regain_access":3}],"2":[{"type":"instagram","total_time":100,"estimated_time_to_regain_access":0}]}"#,
            ),
        );
        assert_eq!(
            parse_usage(&h),
            Usage {
                percent: 100.0,
                regain: Duration::from_secs(180)
            }
        );
        h.insert("x-app-usage", HeaderValue::from_static("not json"));
        h.remove("x-business-use-case-usage");
        assert_eq!(parse_usage(&h), Usage::default());
    }

    #[test]
    fn polling_slows_as_usage_rises_but_keeps_up() {
        let base = Duration::from_secs(2);
        let at = |percent: f64| Usage {
            percent,
            regain: Duration::ZERO,
        };
        assert_eq!(at(0.0).pace(base), base);
        assert_eq!(at(74.0).pace(base), base);
        assert_eq!(at(75.0).pace(base), base * 2);
        assert_eq!(at(91.0).pace(base), base * 3);
        assert_eq!(at(95.0).pace(base), Duration::from_secs(10));
        assert_eq!(at(100.0).pace(base), Duration::from_secs(10));
        // A success that still carries a time to regain access: slow, never stalled.
        let regaining = Usage {
            percent: 10.0,
            regain: Duration::from_secs(300),
        };
        assert_eq!(regaining.pace(base), Duration::from_secs(10));
    }

    #[test]
    fn backoff_doubles_within_jitter_and_caps() {
        let base = Duration::from_secs(1);
        let max = Duration::from_secs(60);
        for _ in 0..200 {
            for (attempt, full) in [(1, 1), (2, 2), (3, 4), (6, 32), (7, 60), (40, 60)] {
                let d = backoff(base, max, attempt);
                let full = Duration::from_secs(full);
                assert!(d >= full / 2 && d <= full, "attempt {attempt}: {d:?}");
            }
        }
    }
}
