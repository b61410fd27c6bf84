//! The replay source, on tokio's paused clock: times are simulated, never wall-clock.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use livecue::sources::SourceState;
use livecue::sources::{self, SourceConfig, SourceMsg, SourceSpec};
use tokio::sync::mpsc;
use tokio::time::Instant;

const MS: Duration = Duration::from_millis(1);

fn line(id: &str, ts: &str) -> String {
    format!(r#"{{"id":"{id}","user":"amy.tw","text":"請問運費怎麼算？ {id}","ts":"{ts}"}}"#)
}

fn write(dir: &Path, lines: &[String]) -> String {
    let path = dir.join("comments.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path.display().to_string()
}

/// What arrived, with the simulated time since the start.
async fn collect(spec: &str, config: SourceConfig) -> Vec<(Duration, SourceMsg)> {
    let spec: SourceSpec = spec.parse().unwrap();
    let (tx, mut rx) = mpsc::channel(16);
    let start = Instant::now();
    let handle = sources::spawn(spec, config, tx, sources::no_notify()).unwrap();
    let mut got = Vec::new();
    tokio::time::timeout(Duration::from_secs(24 * 3600), async {
        while let Some(m) = rx.recv().await {
            got.push((start.elapsed(), m));
        }
    })
    .await
    .unwrap();
    handle.join().await;
    got
}

fn comment_times(got: &[(Duration, SourceMsg)]) -> Vec<(String, Duration)> {
    got.iter()
        .filter_map(|(t, m)| match m {
            SourceMsg::Comment(c) => Some((c.id.clone(), *t)),
            _ => None,
        })
        .collect()
}

fn statuses(got: &[(Duration, SourceMsg)]) -> Vec<SourceState> {
    got.iter()
        .filter_map(|(_, m)| match m {
            SourceMsg::Status(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

fn three(dir: &Path) -> String {
    write(
        dir,
        &[
            line("c1", "2026-11-21T12:00:00Z"),
            line("c2", "2026-11-21T12:00:03Z"),
            line("c3", "2026-11-21T12:00:10Z"),
        ],
    )
}

#[tokio::test(start_paused = true)]
async fn comments_go_out_at_their_recorded_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let file = three(dir.path());
    let got = collect(&format!("replay:{file}"), SourceConfig::default()).await;

    assert!(matches!(got[0].1, SourceMsg::Status(SourceState::Live)));
    assert!(matches!(
        got.last().unwrap().1,
        SourceMsg::Status(SourceState::Ended)
    ));
    assert_eq!(statuses(&got), [SourceState::Live, SourceState::Ended]);
    assert_eq!(
        comment_times(&got),
        [
            ("c1".into(), Duration::ZERO),
            ("c2".into(), 3000 * MS),
            ("c3".into(), 10_000 * MS),
        ]
    );
    let SourceMsg::Comment(c) = &got[1].1 else {
        panic!()
    };
    assert_eq!(c.platform.as_deref(), Some("replay"));
    assert_eq!(c.text, "請問運費怎麼算？ c1");
}

#[tokio::test(start_paused = true)]
async fn speed_divides_the_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let file = three(dir.path());
    let got = collect(&format!("replay:{file}@10"), SourceConfig::default()).await;
    assert_eq!(
        comment_times(&got),
        [
            ("c1".into(), Duration::ZERO),
            ("c2".into(), 300 * MS),
            ("c3".into(), 1000 * MS),
        ]
    );
    for max in ["max", "0"] {
        let got = collect(&format!("replay:{file}@{max}"), SourceConfig::default()).await;
        let times = comment_times(&got);
        assert_eq!(times.len(), 3);
        assert!(times.iter().all(|(_, t)| t.is_zero()), "@{max}: {times:?}");
    }
}

#[tokio::test(start_paused = true)]
async fn malformed_lines_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        &[
            line("c1", "2026-11-21T12:00:00Z"),
            "{broken".to_owned(),
            String::new(),
            r#"{"id":"c9","text":"no time"}"#.to_owned(),
            line("c2", "2026-11-21T12:00:02Z"),
        ],
    );
    let got = collect(&format!("replay:{file}"), SourceConfig::default()).await;
    let notices: Vec<&String> = got
        .iter()
        .filter_map(|(_, m)| match m {
            SourceMsg::Notice(n) => Some(n),
            _ => None,
        })
        .collect();
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(
        notices[0].starts_with(&format!("{file}:2: skipped")),
        "{}",
        notices[0]
    );
    assert!(
        notices[1].starts_with(&format!("{file}:4: skipped")) && notices[1].contains("ts"),
        "{}",
        notices[1]
    );
    assert_eq!(
        comment_times(&got),
        [("c1".into(), Duration::ZERO), ("c2".into(), 2000 * MS)]
    );
    assert_eq!(statuses(&got).last(), Some(&SourceState::Ended));
}

#[tokio::test(start_paused = true)]
async fn an_older_comment_after_a_newer_one_goes_out_at_once_in_file_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        &[
            line("c1", "2026-11-21T12:00:00Z"),
            line("c2", "2026-11-21T12:00:05Z"),
            line("c0", "2026-11-21T11:59:00Z"),
            line("c3", "2026-11-21T12:00:06Z"),
        ],
    );
    let got = collect(&format!("replay:{file}"), SourceConfig::default()).await;
    assert_eq!(
        comment_times(&got),
        [
            ("c1".into(), Duration::ZERO),
            ("c2".into(), 5000 * MS),
            ("c0".into(), 5000 * MS),
            ("c3".into(), 6000 * MS),
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn missing_file_fails_with_its_name() {
    let got = collect("replay:/nonexistent/livecue.jsonl", SourceConfig::default()).await;
    match statuses(&got).as_slice() {
        [SourceState::Failed { reason }] => {
            assert!(reason.contains("/nonexistent/livecue.jsonl"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test(start_paused = true)]
async fn resume_skips_seen_ids_and_starts_at_the_first_unseen() {
    let dir = tempfile::tempdir().unwrap();
    let file = three(dir.path());
    let config = SourceConfig {
        seen_ids: ["c1".to_owned()].into_iter().collect(),
        ..SourceConfig::default()
    };
    let got = collect(&format!("replay:{file}"), config).await;
    assert_eq!(
        comment_times(&got),
        [("c2".into(), Duration::ZERO), ("c3".into(), 7000 * MS)]
    );
}

/// A slow consumer fills the channel: the source waits (nothing dropped), reports the
/// wait, and still calls notify after every message.
#[tokio::test(start_paused = true)]
async fn full_channel_waits_and_reports_back_pressure() {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = (0..50)
        .map(|i| line(&format!("c{i:02}"), "2026-11-21T12:00:00Z"))
        .collect();
    let file = write(dir.path(), &lines);
    let spec: SourceSpec = format!("replay:{file}@max").parse().unwrap();
    let notified = Arc::new(AtomicUsize::new(0));
    let n = notified.clone();
    let (tx, mut rx) = mpsc::channel(2);
    let handle = sources::spawn(
        spec,
        SourceConfig::default(),
        tx,
        Arc::new(move || {
            n.fetch_add(1, Ordering::Relaxed);
        }),
    )
    .unwrap();
    let mut got = Vec::new();
    let mut saw_backpressured = false;
    while let Some(m) = rx.recv().await {
        saw_backpressured |= handle.is_backpressured();
        got.push(m);
        tokio::time::sleep(100 * MS).await;
    }
    handle.join().await;

    let ids: Vec<String> = got
        .iter()
        .filter_map(|m| match m {
            SourceMsg::Comment(c) => Some(c.id.clone()),
            _ => None,
        })
        .collect();
    let want: Vec<String> = (0..50).map(|i| format!("c{i:02}")).collect();
    assert_eq!(ids, want, "all 50, in order, none dropped");
    let waited: Vec<u64> = got
        .iter()
        .filter_map(|m| match m {
            SourceMsg::Backpressure { waited_ms } => Some(*waited_ms),
            _ => None,
        })
        .collect();
    assert!(!waited.is_empty(), "back-pressure reported");
    assert!(waited.iter().all(|w| *w > 0), "{waited:?}");
    // About 5 s of stalls (50 messages, 100 ms each): reported about once a second,
    // not once per message.
    assert!(waited.len() <= 8, "{waited:?}");
    assert!(waited.iter().sum::<u64>() >= 4000, "{waited:?}");
    assert!(saw_backpressured, "the handle shows the source waiting");
    assert!(notified.load(Ordering::Relaxed) >= got.len());
}

#[tokio::test(start_paused = true)]
async fn stop_ends_a_replay_early() {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = (0..10)
        .map(|i| line(&format!("c{i}"), &format!("2026-11-21T12:0{i}:00Z")))
        .collect();
    let file = write(dir.path(), &lines);
    let spec: SourceSpec = format!("replay:{file}").parse().unwrap();
    let (tx, mut rx) = mpsc::channel(16);
    let handle = sources::spawn(spec, SourceConfig::default(), tx, sources::no_notify()).unwrap();
    let mut comments = 0;
    while comments < 2 {
        if let Some(SourceMsg::Comment(_)) = rx.recv().await {
            comments += 1;
        }
    }
    handle.stop();
    assert_eq!(
        rx.recv().await,
        None,
        "nothing after stop; the channel closes"
    );
    assert!(handle.is_finished());
}
