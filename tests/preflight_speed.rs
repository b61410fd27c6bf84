//! The speed test against a loopback server throttled like a real line: one token bucket
//! shared by every connection, 20 ms added to every request.
//!
//! These run in real time (throughput needs it). The figures print with `--nocapture`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod speed_server;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use livecue::preflight::speed::{Phase, Progress, SpeedConfig, SpeedError, SpeedTest, run};
use speed_server::Options;
use tokio::sync::watch;

/// Far above a healthy run (about 14 s), far below a hang.
const HANG_GUARD: Duration = Duration::from_secs(25);

fn config(server: &str) -> SpeedConfig {
    SpeedConfig {
        server: server.to_owned(),
        ..SpeedConfig::default()
    }
}

fn within(measured: f64, expected: f64, share: f64) -> bool {
    (measured - expected).abs() <= expected * share
}

/// A whole run against a line of `mbps` both ways.
async fn measure_line(mbps: f64) {
    let server = speed_server::start(Options::line(mbps)).await;
    let (progress_tx, mut progress_rx) = watch::channel(Progress::default());
    let (_cancel_tx, cancel_rx) = watch::channel(false);
    // Every phase is reported, in order, and the share done never goes back.
    let seen = tokio::spawn(async move {
        let mut phases = Vec::new();
        let mut last_fraction: f64 = 0.0;
        let mut went_back = false;
        while progress_rx.changed().await.is_ok() {
            let p = progress_rx.borrow_and_update().clone();
            went_back |= p.fraction + 1e-9 < last_fraction;
            last_fraction = p.fraction;
            if phases.last() != Some(&p.phase) {
                phases.push(p.phase);
            }
        }
        (phases, last_fraction, went_back)
    });

    let started = Instant::now();
    let result = run(config(&server.url()), progress_tx, cancel_rx)
        .await
        .unwrap();
    let took = started.elapsed();
    println!(
        "{mbps} Mbps line: download {:.2} Mbps, upload {:.2} Mbps, latency {:.1} ms, jitter {:.1} ms, loaded latency {:?} ms, took {:.1} s",
        result.download_mbps,
        result.upload_mbps,
        result.latency_ms,
        result.jitter_ms,
        result
            .loaded_latency_ms
            .map(|ms| (ms * 10.0).round() / 10.0),
        took.as_secs_f64()
    );

    assert!(
        within(result.download_mbps, mbps, 0.15),
        "download {} Mbps on a {mbps} Mbps line",
        result.download_mbps
    );
    assert!(
        within(result.upload_mbps, mbps, 0.15),
        "upload {} Mbps on a {mbps} Mbps line",
        result.upload_mbps
    );
    assert!(
        (15.0..=45.0).contains(&result.latency_ms),
        "latency {} ms with 20 ms per request",
        result.latency_ms
    );
    assert!(result.jitter_ms >= 0.0 && result.jitter_ms < result.latency_ms);
    let loaded = result
        .loaded_latency_ms
        .expect("round trips during the transfers");
    assert!(loaded >= 15.0, "loaded latency {loaded} ms");
    assert_eq!(result.server, server.url());
    assert!(took < HANG_GUARD, "took {took:?}");

    let (phases, last_fraction, went_back) = seen.await.unwrap();
    assert_eq!(
        phases,
        [Phase::Latency, Phase::Download, Phase::Upload, Phase::Done]
    );
    assert_eq!(last_fraction, 1.0);
    assert!(!went_back);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_10_mbps_line_measures_10_mbps_both_ways() {
    measure_line(10.0).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_40_mbps_line_measures_40_mbps_both_ways() {
    measure_line(40.0).await;
}

#[tokio::test]
async fn the_server_s_own_time_is_not_counted_as_latency() {
    // 20 ms per request, of which the server says 15 ms were its own work.
    let server = speed_server::start(Options {
        server_timing_ms: Some(15.0),
        ..Options::line(40.0)
    })
    .await;
    let (progress_tx, _progress_rx) = watch::channel(Progress::default());
    let (_cancel_tx, cancel_rx) = watch::channel(false);
    let result = run(
        SpeedConfig {
            budget: Duration::from_secs(4),
            ..config(&server.url())
        },
        progress_tx,
        cancel_rx,
    )
    .await
    .unwrap();
    println!(
        "latency {:.1} ms with 15 of 20 ms reported by the server",
        result.latency_ms
    );
    assert!(
        result.latency_ms < 12.0,
        "latency {} ms: the server's 15 ms were not subtracted",
        result.latency_ms
    );
}

#[tokio::test]
async fn an_unreachable_server_is_reported_within_the_connect_timeout() {
    // A port that was just bound and closed again: nothing listens there.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let server = format!("http://127.0.0.1:{port}");
    let connect_timeout = Duration::from_secs(2);
    let (progress_tx, _progress_rx) = watch::channel(Progress::default());
    let (_cancel_tx, cancel_rx) = watch::channel(false);
    let started = Instant::now();
    let err = run(
        SpeedConfig {
            connect_timeout,
            ..config(&server)
        },
        progress_tx,
        cancel_rx,
    )
    .await
    .unwrap_err();
    let took = started.elapsed();
    println!("unreachable after {took:?}: {err}");
    assert!(
        matches!(&err, SpeedError::Unreachable { server: s, reason } if *s == server && reason == "connection refused"),
        "{err:?}"
    );
    assert!(
        took < connect_timeout + Duration::from_secs(1),
        "took {took:?}"
    );
    let message = err.to_string();
    assert!(
        message.starts_with("cannot reach the speed-test server http://127.0.0.1:"),
        "{message}"
    );
    assert!(
        message.contains("check that this computer is online"),
        "{message}"
    );
}

#[tokio::test]
async fn a_server_that_never_lets_us_connect_is_unreachable_after_the_connect_timeout() {
    // A listener that never accepts, its queue filled: the kernel drops further
    // connection attempts, as a firewall that swallows them would.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let mut queued = Vec::new();
    loop {
        match std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)) {
            Ok(stream) => queued.push(stream),
            Err(_) => break,
        }
        assert!(queued.len() < 10_000, "the listen queue never filled");
    }
    let connect_timeout = Duration::from_secs(1);
    let (progress_tx, _progress_rx) = watch::channel(Progress::default());
    let (_cancel_tx, cancel_rx) = watch::channel(false);
    let started = Instant::now();
    let err = run(
        SpeedConfig {
            connect_timeout,
            ..config(&format!("http://{addr}"))
        },
        progress_tx,
        cancel_rx,
    )
    .await
    .unwrap_err();
    let took = started.elapsed();
    println!("no connection after {took:?}: {err}");
    assert!(
        matches!(&err, SpeedError::Unreachable { reason, .. } if reason == "no answer within 1 s"),
        "{err:?}"
    );
    assert!(took >= connect_timeout, "took {took:?}");
    assert!(
        took < connect_timeout + Duration::from_secs(1),
        "took {took:?}"
    );
    drop(listener);
}

#[tokio::test]
async fn a_transfer_that_stops_mid_way_is_a_stall_not_a_hang() {
    let server = speed_server::start(Options {
        stall_downloads: true,
        ..Options::line(40.0)
    })
    .await;
    let stall_timeout = Duration::from_secs(1);
    let (progress_tx, _progress_rx) = watch::channel(Progress::default());
    let (_cancel_tx, cancel_rx) = watch::channel(false);
    let started = Instant::now();
    let err = run(
        SpeedConfig {
            stall_timeout,
            ..config(&server.url())
        },
        progress_tx,
        cancel_rx,
    )
    .await
    .unwrap_err();
    let took = started.elapsed();
    println!("stalled after {took:?}: {err}");
    assert_eq!(
        err,
        SpeedError::Stalled {
            phase: Phase::Download,
            secs: 1
        }
    );
    // The round trips, then one stall timeout: nowhere near the download's time box.
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert!(
        err.to_string().contains("move closer to the router"),
        "{err}"
    );
}

#[tokio::test]
async fn an_upload_the_server_stops_taking_is_a_stall_not_a_hang() {
    let server = speed_server::start(Options {
        stall_uploads: true,
        ..Options::line(40.0)
    })
    .await;
    let (progress_tx, _progress_rx) = watch::channel(Progress::default());
    let (_cancel_tx, cancel_rx) = watch::channel(false);
    let started = Instant::now();
    let err = run(
        SpeedConfig {
            budget: Duration::from_secs(10),
            stall_timeout: Duration::from_secs(1),
            ..config(&server.url())
        },
        progress_tx,
        cancel_rx,
    )
    .await
    .unwrap_err();
    let took = started.elapsed();
    println!("upload stalled after {took:?}: {err}");
    assert_eq!(
        err,
        SpeedError::Stalled {
            phase: Phase::Upload,
            secs: 1
        }
    );
    assert!(took < HANG_GUARD, "took {took:?}");
}

#[tokio::test]
async fn a_server_that_refuses_says_so_with_its_status() {
    let server = speed_server::start(Options {
        refuse: Some(503),
        ..Options::line(40.0)
    })
    .await;
    let (progress_tx, _progress_rx) = watch::channel(Progress::default());
    let (_cancel_tx, cancel_rx) = watch::channel(false);
    let err = run(config(&server.url()), progress_tx, cancel_rx)
        .await
        .unwrap_err();
    assert_eq!(
        err,
        SpeedError::Refused {
            server: server.url(),
            status: 503
        }
    );
    assert!(err.to_string().contains("(HTTP 503)"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_mid_download_stops_promptly_and_stops_the_traffic() {
    let server = speed_server::start(Options::line(10.0)).await;
    let updates = Arc::new(AtomicUsize::new(0));
    let counted = updates.clone();
    let test = SpeedTest::spawn(
        &tokio::runtime::Handle::current(),
        config(&server.url()),
        move || {
            counted.fetch_add(1, Ordering::SeqCst);
        },
    );
    let waited = Instant::now();
    while test.progress().phase != Phase::Download || test.progress().live_mbps.is_none() {
        assert!(waited.elapsed() < HANG_GUARD, "no download started");
        assert!(!test.is_finished(), "{:?}", test.outcome());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(updates.load(Ordering::SeqCst) > 0);

    let cancelled = Instant::now();
    test.cancel();
    while !test.is_finished() {
        assert!(
            cancelled.elapsed() < Duration::from_secs(2),
            "cancel not taken"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    println!("cancelled in {:?}", cancelled.elapsed());
    let (progress, outcome) = test.snapshot();
    assert_eq!(outcome, Some(Err(SpeedError::Cancelled)));
    assert_eq!(progress.phase, Phase::Download);

    // The streams and round trips stopped with it.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let after = server.requests();
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(server.requests(), after, "requests went on after cancel");
}

#[tokio::test]
async fn dropping_the_handle_cancels_the_test() {
    let server = speed_server::start(Options::line(10.0)).await;
    let test = SpeedTest::spawn(
        &tokio::runtime::Handle::current(),
        config(&server.url()),
        || {},
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    drop(test);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let after = server.requests();
    assert!(after > 0);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        server.requests(),
        after,
        "requests went on after the handle was dropped"
    );
}
