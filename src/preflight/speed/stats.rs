//! The arithmetic of the speed test: percentiles, jitter, and throughput over windows.

/// The value at fraction `p` (0–1) of the sorted values, interpolated linearly between
/// neighbours, as Cloudflare's speed test computes it; `None` when there are none.
pub(crate) fn percentile(values: &[f64], p: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = (sorted.len() - 1) as f64 * p.clamp(0.0, 1.0);
    let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo as f64))
}

/// The middle value.
pub(crate) fn median(values: &[f64]) -> Option<f64> {
    percentile(values, 0.5)
}

/// The mean absolute difference between consecutive round trips, in the order they were
/// taken (Cloudflare's jitter); `None` with fewer than two.
pub(crate) fn jitter(rtts: &[f64]) -> Option<f64> {
    if rtts.len() < 2 {
        return None;
    }
    let sum: f64 = rtts.windows(2).map(|w| (w[1] - w[0]).abs()).sum();
    Some(sum / (rtts.len() - 1) as f64)
}

/// Bytes moved per bin of fixed length, from the start of a transfer phase.
///
/// Each piece of a download is spread evenly over the time since its stream's previous
/// read. Summing the bins of every stream gives the line's aggregate throughput, which
/// stays right whether the streams share one bottleneck (where each gets a part) or not
/// (where one alone cannot fill the line).
#[derive(Clone, Debug)]
pub(crate) struct Bins {
    bin_secs: f64,
    bytes: Vec<f64>,
}

impl Bins {
    /// Empty, with bins `bin_secs` long.
    pub(crate) fn new(bin_secs: f64) -> Self {
        Self {
            bin_secs,
            bytes: Vec::new(),
        }
    }

    /// Spreads `bytes` evenly over `[start_secs, end_secs]` (seconds from the phase start).
    pub(crate) fn add(&mut self, start_secs: f64, end_secs: f64, bytes: f64) {
        let start = start_secs.max(0.0);
        let end = end_secs.max(start);
        let first = (start / self.bin_secs) as usize;
        let last = (end / self.bin_secs) as usize;
        if self.bytes.len() <= last {
            self.bytes.resize(last + 1, 0.0);
        }
        if first == last || end - start <= f64::EPSILON {
            self.bytes[last] += bytes;
            return;
        }
        let per_sec = bytes / (end - start);
        for (i, slot) in self.bytes[first..=last].iter_mut().enumerate() {
            let bin_start = (first + i) as f64 * self.bin_secs;
            let overlap = end.min(bin_start + self.bin_secs) - start.max(bin_start);
            *slot += per_sec * overlap.max(0.0);
        }
    }

    /// Throughput in bits per second of every window `window_secs` long lying within
    /// `[from_secs, to_secs]`, stepping by `step_secs`. Only whole bins count.
    pub(crate) fn window_rates(
        &self,
        from_secs: f64,
        to_secs: f64,
        window_secs: f64,
        step_secs: f64,
    ) -> Vec<f64> {
        let bins_per_window = ((window_secs / self.bin_secs).round() as usize).max(1);
        let step = ((step_secs / self.bin_secs).round() as usize).max(1);
        // The small slack keeps a bin edge given in seconds on its edge.
        let first = (from_secs.max(0.0) / self.bin_secs - 1e-6).ceil() as usize;
        // Bins past the last one recorded held nothing.
        let end = (to_secs.max(0.0) / self.bin_secs + 1e-6).floor() as usize;
        let mut rates = Vec::new();
        let mut start = first;
        while start + bins_per_window <= end {
            let bytes: f64 = (start..start + bins_per_window)
                .map(|i| self.bytes.get(i).copied().unwrap_or(0.0))
                .sum();
            rates.push(8.0 * bytes / (bins_per_window as f64 * self.bin_secs));
            start += step;
        }
        rates
    }

    /// Throughput in bits per second over the last window `window_secs` long that ends
    /// at or before `to_secs`; `None` before one has passed.
    pub(crate) fn latest_rate(&self, to_secs: f64, window_secs: f64) -> Option<f64> {
        let end = (to_secs.max(0.0) / self.bin_secs + 1e-6).floor() * self.bin_secs;
        self.window_rates(end - window_secs, end, window_secs, window_secs)
            .last()
            .copied()
    }

    /// Throughput in bits per second over every whole bin from the start to `to_secs`;
    /// `None` when nothing moved there.
    pub(crate) fn average_rate(&self, to_secs: f64) -> Option<f64> {
        let end = (to_secs.max(0.0) / self.bin_secs + 1e-6).floor() as usize;
        let bytes: f64 = self.bytes.iter().take(end).sum();
        (bytes > 0.0).then(|| 8.0 * bytes / (end as f64 * self.bin_secs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn percentile_interpolates_like_cloudflare() {
        assert_eq!(percentile(&[], 0.9), None);
        assert_eq!(percentile(&[7.0], 0.9), Some(7.0));
        // (5 - 1) * 0.9 = 3.6: between the 4th and 5th sorted values.
        let p90 = percentile(&[50.0, 10.0, 40.0, 20.0, 30.0], 0.9).unwrap();
        assert!(close(p90, 46.0), "{p90}");
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }

    #[test]
    fn jitter_is_the_mean_step_between_consecutive_round_trips() {
        assert_eq!(jitter(&[20.0]), None);
        // Steps 10, 10, 25: not the spread around the mean.
        let j = jitter(&[20.0, 30.0, 20.0, 45.0]).unwrap();
        assert!(close(j, 15.0), "{j}");
    }

    #[test]
    fn a_span_is_spread_over_the_bins_it_covers() {
        let mut bins = Bins::new(0.1);
        bins.add(0.05, 0.25, 200.0);
        assert!(close(bins.bytes[0], 50.0));
        assert!(close(bins.bytes[1], 100.0));
        assert!(close(bins.bytes[2], 50.0));
        assert!(close(bins.average_rate(0.3).unwrap(), 8.0 * 200.0 / 0.3));
        // An instant lands in its bin whole.
        bins.add(0.31, 0.31, 10.0);
        assert!(close(bins.bytes[3], 10.0));
    }

    #[test]
    fn parallel_streams_add_up_to_the_line_rate() {
        // Four streams sharing 10 Mbit/s, each getting a quarter, in chunks at different
        // moments: every one-second window sees the whole line.
        let mut bins = Bins::new(0.05);
        let per_stream = 10e6 / 8.0 / 4.0;
        for stream in 0..4 {
            let mut t = 0.013 * stream as f64;
            while t < 5.0 {
                let dt = 0.037 + 0.005 * stream as f64;
                bins.add(t, t + dt, per_stream * dt);
                t += dt;
            }
        }
        let rates = bins.window_rates(1.0, 4.9, 1.0, 0.1);
        assert!(rates.len() > 20);
        for r in rates {
            assert!((r - 10e6).abs() < 0.01 * 10e6, "{r}");
        }
    }

    #[test]
    fn windows_stay_inside_the_range_and_the_latest_is_whole() {
        let mut bins = Bins::new(0.05);
        bins.add(0.0, 2.0, 1000.0);
        assert!(bins.window_rates(1.5, 2.0, 1.0, 0.1).is_empty());
        assert_eq!(bins.window_rates(0.0, 2.0, 1.0, 0.5).len(), 3);
        let latest = bins.latest_rate(1.97, 1.0).unwrap();
        assert!(close(latest, 4000.0), "{latest}");
        assert_eq!(bins.latest_rate(0.5, 1.0), None);
    }
}
