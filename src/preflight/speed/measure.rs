//! The measurement sequence: idle round trips, then download, then upload.

use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;
use tokio::sync::watch;
use tokio::task::JoinSet;
use tokio::time::{Duration, Instant, MissedTickBehavior, sleep_until, timeout_at};

use super::client::Client;
use super::meter::Meter;
use super::stats::{jitter, median, percentile};
use super::{Phase, Progress, SpeedConfig, SpeedError, SpeedResult};

/// Shares of the budget: the most each phase may take. The rest is slack for opening
/// connections and for phases that end a little late.
const LATENCY_SHARE: f64 = 0.15;
const DOWNLOAD_SHARE: f64 = 0.30;
/// Upload gets more: a request still unanswered when it ends does not count.
const UPLOAD_SHARE: f64 = 0.35;

/// The first request of each stream, as Cloudflare's first bandwidth round (100 kB).
const FIRST_REQUEST_BYTES: u64 = 100_000;
/// The smallest later request.
const MIN_REQUEST_BYTES: u64 = 50_000;
/// Cloudflare's largest download and upload rounds.
const MAX_DOWNLOAD_BYTES: u64 = 100_000_000;
const MAX_UPLOAD_BYTES: u64 = 50_000_000;
/// Requests are sized to take about this long, as Cloudflare's rounds grow until one
/// takes a second: long enough that the round trip between requests is small beside it,
/// short enough that a phase holds several.
const TARGET_REQUEST: Duration = Duration::from_secs(1);
/// Upload requests shorter than this do not load the line long enough to count
/// (Cloudflare's `loadedRequestMinDuration`), unless there are no others.
const MIN_UPLOAD_SAMPLE: Duration = Duration::from_millis(250);
/// Room left at the end of the upload phase when sizing its last request.
const FIT_MARGIN: Duration = Duration::from_millis(100);

/// The start of a phase left out of its download figure and its round trips under load:
/// connections open, TCP ramps up, request sizes grow. At least this long, or this share
/// of the phase.
const MIN_RAMP: Duration = Duration::from_secs(1);
const RAMP_SHARE: f64 = 0.2;
/// Download samples: the aggregate of all streams over windows this long, sliding by
/// the step. The figure, download or upload, is the 90th percentile of its samples
/// (Cloudflare's `bandwidthPercentile`).
const WINDOW: Duration = Duration::from_secs(1);
const STEP: Duration = Duration::from_millis(100);
const BANDWIDTH_PERCENTILE: f64 = 0.9;

/// Round trips during a transfer, at most this often (Cloudflare waits 400 ms between
/// them; a shorter gap gives enough of them in a shorter phase).
const PROBE_INTERVAL: Duration = Duration::from_millis(250);
/// How often progress is published and the phase's end checked.
const TICK: Duration = Duration::from_millis(100);

/// Publishes progress; shares of the whole test follow the phases' budget shares.
struct Reporter<'a> {
    tx: &'a watch::Sender<Progress>,
}

impl Reporter<'_> {
    fn update(&self, f: impl FnOnce(&mut Progress)) {
        self.tx.send_modify(f);
    }

    /// `done` (0 to 1) of `phase`, as a share of the whole test.
    fn fraction(phase: Phase, done: f64) -> f64 {
        let total = LATENCY_SHARE + DOWNLOAD_SHARE + UPLOAD_SHARE;
        let done = done.clamp(0.0, 1.0);
        match phase {
            Phase::Latency => LATENCY_SHARE * done / total,
            Phase::Download => (LATENCY_SHARE + DOWNLOAD_SHARE * done) / total,
            Phase::Upload => (LATENCY_SHARE + DOWNLOAD_SHARE + UPLOAD_SHARE * done) / total,
            Phase::Done => 1.0,
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The whole test.
pub(crate) async fn all(
    config: &SpeedConfig,
    progress: &watch::Sender<Progress>,
) -> Result<SpeedResult, SpeedError> {
    let start = Instant::now();
    let end = start + config.budget;
    let share = |s: f64| config.budget.mul_f64(s);
    let client = Arc::new(Client::new(config)?);
    let report = Reporter { tx: progress };
    report.update(|p| *p = Progress::default());

    let (latency_ms, jitter_ms) = latency(
        &client,
        config,
        (start + share(LATENCY_SHARE)).min(end),
        &report,
    )
    .await?;
    report.update(|p| p.latency_ms = Some(latency_ms));

    let deadline = (Instant::now() + share(DOWNLOAD_SHARE)).min(end);
    let down = download(&client, config, deadline, &report).await?;
    report.update(|p| p.download_mbps = Some(down.mbps));

    let deadline = (Instant::now() + share(UPLOAD_SHARE)).min(end);
    let up = upload(&client, deadline, &report).await?;

    let loaded_latency_ms = match (down.loaded_ms, up.loaded_ms) {
        (Some(d), Some(u)) => Some(d.max(u)),
        (d, u) => d.or(u),
    };
    let result = SpeedResult {
        server: client.server().to_owned(),
        download_mbps: down.mbps,
        upload_mbps: up.mbps,
        latency_ms,
        jitter_ms,
        loaded_latency_ms,
    };
    report.update(|p| {
        p.phase = Phase::Done;
        p.fraction = 1.0;
        p.live_mbps = None;
        p.upload_mbps = Some(up.mbps);
    });
    Ok(result)
}

/// Idle round trips until `deadline`: (median, jitter) in milliseconds.
async fn latency(
    client: &Client,
    config: &SpeedConfig,
    deadline: Instant,
    report: &Reporter<'_>,
) -> Result<(f64, f64), SpeedError> {
    report.update(|p| p.phase = Phase::Latency);
    // The first request opens the connection (and shows the server is there); its time
    // includes the handshakes, so it is kept only if nothing else gets measured.
    let first = client.ping(Phase::Latency, None).await?;
    let wanted = config.latency_samples.max(1);
    let mut rtts = Vec::with_capacity(wanted);
    while rtts.len() < wanted {
        match timeout_at(deadline, client.ping(Phase::Latency, None)).await {
            Ok(rtt) => rtts.push(rtt?),
            Err(_) => break,
        }
        let done = rtts.len() as f64 / wanted as f64;
        report.update(|p| p.fraction = Reporter::fraction(Phase::Latency, done));
    }
    if rtts.is_empty() {
        rtts.push(first);
    }
    let latency = median(&rtts).unwrap_or(first);
    Ok((latency, jitter(&rtts).unwrap_or(0.0)))
}

/// What a transfer phase measured.
struct Bandwidth {
    mbps: f64,
    loaded_ms: Option<f64>,
}

/// Download on `config.download_streams` streams until `deadline`: the 90th percentile of the
/// streams' aggregate throughput over sliding windows after the ramp-up.
async fn download(
    client: &Arc<Client>,
    config: &SpeedConfig,
    deadline: Instant,
    report: &Reporter<'_>,
) -> Result<Bandwidth, SpeedError> {
    let start = Instant::now();
    let ramp_end = ramp_end(start, deadline);
    let meter = Arc::new(Meter::new(start));
    let mut streams = JoinSet::new();
    for _ in 0..config.download_streams.max(1) {
        streams.spawn(download_stream(client.clone(), meter.clone()));
    }
    let live = |now| meter.latest_rate(now, WINDOW).map(mbps);
    let span = Span {
        phase: Phase::Download,
        start,
        ramp_end,
        deadline,
    };
    let loaded_ms = transfer(client, span, streams, report, live).await?;
    let end = deadline.min(Instant::now());

    let mut rates = meter.rates(ramp_end, end, WINDOW, STEP);
    if rates.is_empty() {
        // Too little time after the ramp-up: use what there is.
        rates = meter.rates(start, end, WINDOW, STEP);
    }
    let bps = percentile(&rates, BANDWIDTH_PERCENTILE)
        .or_else(|| meter.average_rate(end))
        .unwrap_or(0.0);
    Ok(Bandwidth {
        mbps: mbps(bps),
        loaded_ms,
    })
}

/// Upload on one stream until `deadline`: the 90th percentile of the requests'
/// throughput, each timed from sending to the server's answer.
///
/// One stream, because an upload is only known to have arrived when the server answers:
/// split over parallel streams sharing a line, each request's share of it wanders and
/// its timing says little about the line; one stream alone has the line to itself. It
/// is also what the live stream itself is: one connection to Instagram.
async fn upload(
    client: &Arc<Client>,
    deadline: Instant,
    report: &Reporter<'_>,
) -> Result<Bandwidth, SpeedError> {
    let start = Instant::now();
    let samples = Arc::new(Mutex::new(Vec::new()));
    let mut stream = JoinSet::new();
    stream.spawn(upload_stream(client.clone(), deadline, samples.clone()));
    let live = |_| lock(&samples).last().map(|s: &Sample| mbps(s.bps()));
    let span = Span {
        phase: Phase::Upload,
        start,
        ramp_end: ramp_end(start, deadline),
        deadline,
    };
    let loaded_ms = transfer(client, span, stream, report, live).await?;

    let samples = lock(&samples).clone();
    let long: Vec<f64> = samples
        .iter()
        .filter(|s| s.took >= MIN_UPLOAD_SAMPLE)
        .map(Sample::bps)
        .collect();
    // On a line too fast for any request to last, the longest ones are the best there is.
    let rates = if long.is_empty() {
        samples.iter().map(Sample::bps).collect()
    } else {
        long
    };
    Ok(Bandwidth {
        mbps: mbps(percentile(&rates, BANDWIDTH_PERCENTILE).unwrap_or(0.0)),
        loaded_ms,
    })
}

/// Where a transfer phase starts and ends.
#[derive(Clone, Copy)]
struct Span {
    phase: Phase,
    start: Instant,
    ramp_end: Instant,
    deadline: Instant,
}

fn ramp_end(start: Instant, deadline: Instant) -> Instant {
    let length = deadline.saturating_duration_since(start);
    start + MIN_RAMP.max(length.mul_f64(RAMP_SHARE))
}

/// Runs `workers` with round trips beside them until the deadline or until the workers
/// end, publishing progress with `live` (megabits per second at an instant). Returns the
/// median round trip taken after the ramp-up.
async fn transfer(
    client: &Arc<Client>,
    span: Span,
    mut workers: JoinSet<Result<(), SpeedError>>,
    report: &Reporter<'_>,
    live: impl Fn(Instant) -> Option<f64>,
) -> Result<Option<f64>, SpeedError> {
    let Span {
        phase,
        start,
        ramp_end,
        deadline,
    } = span;
    report.update(|p| {
        p.phase = phase;
        p.fraction = Reporter::fraction(phase, 0.0);
        p.live_mbps = None;
    });
    let rtts = Arc::new(Mutex::new(Vec::new()));
    let mut probes = JoinSet::new();
    probes.spawn(probe(client.clone(), phase, rtts.clone()));

    let length = deadline.saturating_duration_since(start).as_secs_f64();
    let mut tick = tokio::time::interval(TICK);
    tick.set_missed_tick_behavior(MissedTickBehavior::Skip);
    loop {
        tokio::select! {
            _ = tick.tick() => {
                let now = Instant::now();
                if now >= deadline {
                    break;
                }
                let rate = live(now);
                let done = (now - start).as_secs_f64() / length.max(1e-3);
                report.update(|p| {
                    p.fraction = Reporter::fraction(phase, done);
                    p.live_mbps = rate;
                });
            }
            Some(joined) = workers.join_next() => {
                if let Ok(Err(e)) = joined {
                    return Err(e);
                }
                // Otherwise a stream ended because too little time is left for another
                // request, or it panicked (a bug, not the line): the others carry on.
                if workers.is_empty() {
                    break;
                }
            }
        }
    }
    // Requests still running are cut off here: downloads count what arrived, an upload
    // not answered yet does not count.
    workers.abort_all();
    probes.abort_all();
    let loaded: Vec<f64> = lock(&rtts)
        .iter()
        .filter(|(sent, _)| *sent >= ramp_end)
        .map(|(_, rtt)| *rtt)
        .collect();
    Ok(median(&loaded))
}

fn mbps(bps: f64) -> f64 {
    bps / 1e6
}

/// One download stream: requests one after another, each sized from how long the last
/// took, every piece recorded in `meter`.
async fn download_stream(client: Arc<Client>, meter: Arc<Meter>) -> Result<(), SpeedError> {
    let mut size = FIRST_REQUEST_BYTES;
    loop {
        let sent = Instant::now();
        client.download(size, &meter).await?;
        size = next_size(size, sent.elapsed(), MAX_DOWNLOAD_BYTES);
    }
}

/// One upload request: its size and how long the server took to answer it.
#[derive(Clone, Copy, Debug)]
struct Sample {
    bytes: u64,
    took: Duration,
}

impl Sample {
    fn bps(&self) -> f64 {
        8.0 * self.bytes as f64 / self.took.as_secs_f64().max(1e-6)
    }
}

/// The upload stream: requests one after another, each sized from how long the last
/// took and to fit in the time left; ends when too little is left for one that counts.
async fn upload_stream(
    client: Arc<Client>,
    deadline: Instant,
    samples: Arc<Mutex<Vec<Sample>>>,
) -> Result<(), SpeedError> {
    let payload = Payload::default();
    let mut size = FIRST_REQUEST_BYTES;
    let mut last_rate: Option<f64> = None;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left < MIN_UPLOAD_SAMPLE + FIT_MARGIN {
            return Ok(());
        }
        if let Some(bytes_per_sec) = last_rate {
            let fits = bytes_per_sec * (left - FIT_MARGIN).as_secs_f64();
            size = size.min(fits as u64).max(MIN_REQUEST_BYTES);
        }
        let took = client.upload(payload.get(size)).await?;
        let sample = Sample { bytes: size, took };
        lock(&samples).push(sample);
        last_rate = Some(sample.bps() / 8.0);
        size = next_size(size, took, MAX_UPLOAD_BYTES);
    }
}

/// The next request's size: towards [`TARGET_REQUEST`], at most four times bigger or
/// half as big as the last.
fn next_size(last: u64, took: Duration, max: u64) -> u64 {
    let factor = (TARGET_REQUEST.as_secs_f64() / took.as_secs_f64().max(1e-3)).clamp(0.5, 4.0);
    ((last as f64 * factor) as u64).clamp(MIN_REQUEST_BYTES, max)
}

/// Round trips during a transfer: (when sent, milliseconds). Failures are left out: the
/// transfer itself reports a broken line.
async fn probe(client: Arc<Client>, phase: Phase, rtts: Arc<Mutex<Vec<(Instant, f64)>>>) {
    let during = if phase == Phase::Upload {
        "upload"
    } else {
        "download"
    };
    loop {
        let sent = Instant::now();
        if let Ok(rtt) = client.ping(phase, Some(during)).await {
            lock(&rtts).push((sent, rtt));
        }
        sleep_until(sent + PROBE_INTERVAL).await;
    }
}

/// The bytes uploaded: one buffer, grown as requests grow, sliced without copying.
#[derive(Default)]
struct Payload(Mutex<Bytes>);

impl Payload {
    fn get(&self, size: u64) -> Bytes {
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        let mut bytes = lock(&self.0);
        if bytes.len() < size {
            // Cloudflare's client sends ASCII zeros.
            *bytes = Bytes::from(vec![b'0'; size]);
        }
        bytes.slice(..size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_grow_towards_the_target_length() {
        // Fast: four times bigger, not more.
        assert_eq!(
            next_size(100_000, Duration::from_millis(10), 1 << 40),
            400_000
        );
        // Near the target: about the same.
        let same = next_size(1_000_000, TARGET_REQUEST, 1 << 40);
        assert_eq!(same, 1_000_000);
        // Slow: half, not less, and never under the floor or over the cap.
        assert_eq!(
            next_size(1_000_000, Duration::from_secs(10), 1 << 40),
            500_000
        );
        assert_eq!(
            next_size(60_000, Duration::from_secs(10), 1 << 40),
            MIN_REQUEST_BYTES
        );
        assert_eq!(
            next_size(90_000_000, Duration::from_millis(1), 100_000_000),
            100_000_000
        );
    }

    #[test]
    fn progress_runs_from_zero_to_one_through_the_phases() {
        let f = Reporter::fraction;
        assert_eq!(f(Phase::Latency, 0.0), 0.0);
        assert!(f(Phase::Latency, 1.0) <= f(Phase::Download, 0.0));
        assert!(f(Phase::Download, 0.5) < f(Phase::Download, 1.0));
        assert!((f(Phase::Upload, 1.0) - 1.0).abs() < 1e-9);
        assert_eq!(f(Phase::Upload, 7.0), f(Phase::Upload, 1.0));
        assert_eq!(f(Phase::Done, 0.0), 1.0);
    }

    #[test]
    fn the_payload_is_sliced_to_each_request() {
        let payload = Payload::default();
        assert_eq!(payload.get(10).len(), 10);
        assert_eq!(payload.get(1000).len(), 1000);
        assert_eq!(payload.get(10), Bytes::from_static(b"0000000000"));
    }
}
