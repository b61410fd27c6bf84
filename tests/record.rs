//! `livecue record` as the real binary: against a scripted Graph API on 127.0.0.1, killed
//! with SIGKILL and resumed, and with a token that must never show.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod graph_server;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use graph_server::{IG_USER, Live, Model, Reply, Req, Server, ig_comment};
use livecue::session::{Event, read_journal};
use serde_json::json;

const TOKEN: &str = "EAArecordTESTtoken0987zyx";

fn plan_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans/skincare-launch.zh-TW.ron")
}

fn record(out: &Path, extra: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_livecue"));
    cmd.arg("record")
        .arg("--plan")
        .arg(plan_path())
        .arg("--out")
        .arg(out)
        .args(["--status-every", "1"])
        .args(extra)
        .env("LIVECUE_IG_TOKEN", TOKEN)
        .env("LIVECUE_FB_TOKEN", TOKEN)
        // No keychain here: tokens come from the environment only.
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The run's stdout, after checking that it succeeded (stdout and stderr shown if not).
fn succeeded(output: &std::process::Output) -> String {
    let stdout = text(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        text(&output.stderr)
    );
    stdout
}

/// Comment ids in the journal, with how often each appears.
fn journaled(out: &Path) -> HashMap<String, usize> {
    let mut count = HashMap::new();
    for e in read_journal(&out.join("journal.jsonl")).unwrap().events {
        if let Event::CommentReceived { comment, .. } = e {
            *count.entry(comment.id).or_insert(0) += 1;
        }
    }
    count
}

/// Runs `cmd` to its end; kills it and fails the test if that takes longer than `limit`.
fn run_with_deadline(mut cmd: Command, limit: Duration) -> Output {
    let started = Instant::now();
    let mut child = cmd.spawn().unwrap();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            let out = child.wait_with_output().unwrap();
            panic!(
                "record did not finish\nstdout:\n{}\nstderr:\n{}",
                text(&out.stdout),
                text(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

const RATE_LIMITED: &str = r#"{"error":{"message":"(#17) User request limit reached","type":"OAuthException","is_transient":true,"code":17,"error_subcode":2446079}}"#;
const UNKNOWN_ERROR_400: &str =
    r#"{"error":{"message":"An unknown error occurred","type":"OAuthException","code":1}}"#;
const UNCLASSIFIED_400: &str = r#"{"error":{"message":"An unexpected error has occurred. Please retry your request later.","type":"OAuthException","code":12345}}"#;

/// The faults of a bad evening, in order: a throttle without a hint, an HTTP 500, a
/// code-1 HTTP 400 without `is_transient`, an error code livecue does not know, and
/// usage headers at 95 % (on an answer that succeeds).
fn fault(n: usize) -> Reply {
    match n {
        0 => Reply::error(400, RATE_LIMITED),
        1 => Reply::error(500, "Internal Server Error"),
        2 => Reply::error(400, UNKNOWN_ERROR_400),
        3 => Reply::error(400, UNCLASSIFIED_400),
        _ => Reply {
            status: 200,
            headers: vec![(
                "X-Business-Use-Case-Usage".into(),
                json!({IG_USER: [{"type": "instagram", "call_count": 95, "total_cputime": 30,
                    "total_time": 41, "estimated_time_to_regain_access": 0}]})
                .to_string(),
            )],
            body: String::new(),
        },
    }
}

/// Applies fault `n` to a first-page request: an error reply, or the usage headers
/// added to the model's own answer.
fn inject(m: &mut Model, n: usize) -> Option<Reply> {
    let f = fault(n);
    if f.status == 200 {
        m.headers_once = f.headers;
        None
    } else {
        Some(f)
    }
}

/// A broadcast that gets two new comments per poll until `total`, then ends. With
/// `faults`, polls 5, 9, 13, 17 and 21 meet the faults of [`fault`].
fn growing_broadcast(rt: &tokio::runtime::Runtime, total: usize, faults: bool) -> Server {
    rt.block_on(graph_server::start(
        false,
        Box::new(move |m: &mut Model, r: &Req| {
            if r.path.ends_with("/live_media") && m.comments.len() >= total {
                m.live = Live::Over;
            }
            if r.is_first_page() {
                for _ in 0..2 {
                    let n = m.comments.len();
                    if n < total {
                        let id = format!("1801100000{n:06}");
                        let mut c = ig_comment(
                            &id,
                            (n % 3600) as u32,
                            Some(&format!("viewer{}", n % 9)),
                            json!({"id": "1"}),
                        );
                        c["text"] = json!(format!("第 {n} 則留言，請問運費怎麼算 #{n}"));
                        m.comments.push(c);
                    }
                }
                if faults && r.poll % 4 == 1 && (5..=21).contains(&r.poll) {
                    return inject(m, (r.poll - 5) / 4);
                }
            }
            None
        }),
    ))
}

fn instagram_args(server: &Server) -> Vec<String> {
    vec![
        "--source".into(),
        "instagram".into(),
        "--ig-user-id".into(),
        IG_USER.into(),
        "--graph-url".into(),
        server.url(),
        "--poll-ms".into(),
        "40".into(),
    ]
}

/// Killed mid-broadcast and resumed, through every fault of [`fault`] (polls 5 and 9
/// before the kill, the rest after it): nothing lost, nothing twice.
#[test]
fn sigkill_then_resume_keeps_every_served_comment_exactly_once() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = growing_broadcast(&rt, 120, true);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("show");
    let args = instagram_args(&server);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();

    // First run: kill it hard once some comments are on disk, mid-broadcast.
    let mut child = record(&out, &args).spawn().unwrap();
    let started = Instant::now();
    loop {
        let on_disk = if out.join("journal.jsonl").exists() {
            journaled(&out).len()
        } else {
            0
        };
        if on_disk >= 20 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no comments recorded"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL: no chance to flush
    let killed = child.wait_with_output().unwrap();
    let before = journaled(&out);
    assert!(before.len() < 120, "killed mid-broadcast, not after it");
    assert!(before.values().all(|&n| n == 1));

    // Second run: --resume picks the journal up and carries on to the end.
    let resumed = run_with_deadline(
        record(&out, &[&args[..], &["--resume"]].concat()),
        Duration::from_secs(120),
    );
    let stdout = succeeded(&resumed);
    assert!(stdout.contains("resuming "), "{stdout}");
    assert!(stdout.contains("stopped: the source ended"), "{stdout}");

    let after = journaled(&out);
    let served = server.served_ids();
    assert_eq!(served.len(), 120);
    let twice: Vec<_> = after.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "journaled twice: {twice:?}");
    let mut got: Vec<&String> = after.keys().collect();
    got.sort();
    let mut want: Vec<&String> = served.iter().collect();
    want.sort();
    assert_eq!(got, want, "every served comment, once");

    // The journal reads back whole, one header, and the source ended.
    let journal = read_journal(&out.join("journal.jsonl")).unwrap();
    assert!(journal.torn_tail.is_none());
    assert!(journal.events.iter().any(|e| matches!(
        e,
        Event::SourceStatus {
            status: livecue::sources::SourceState::Ended,
            ..
        }
    )));
    let states: Vec<&livecue::sources::SourceState> = journal
        .events
        .iter()
        .filter_map(|e| match e {
            Event::SourceStatus { status, .. } => Some(status),
            _ => None,
        })
        .collect();
    use livecue::sources::SourceState as S;
    assert!(
        states.iter().any(|s| matches!(s, S::RateLimited { .. })),
        "{states:?}"
    );
    assert_eq!(
        states
            .iter()
            .filter(|s| matches!(s, S::Reconnecting { .. }))
            .count(),
        3,
        "{states:?}"
    );
    assert!(
        !states.iter().any(|s| matches!(s, S::Failed { .. })),
        "{states:?}"
    );
    assert!(
        (21..).contains(&server.poll_times().len()),
        "every fault was met"
    );
    // Monotonic time carries on across the restart.
    let stamps: Vec<i64> = journal.events.iter().map(|e| e.at().ms).collect();
    assert!(stamps.windows(2).all(|w| w[0] <= w[1]), "{stamps:?}");

    for output in [&killed, &resumed] {
        assert!(!text(&output.stdout).contains(TOKEN));
        assert!(!text(&output.stderr).contains(TOKEN));
    }
    assert_token_nowhere_in(&out);
}

/// The issue's evening as `livecue record` lives it: a 12 s broadcast, 240 comments
/// in its first 10 s, and on the way every fault of [`fault`]. Comments of an
/// Instagram live can be read only while it runs (the server refuses them after), so
/// every comment journaled was read before the end; all 240 must be, once each.
#[test]
fn a_12_s_broadcast_with_every_fault_is_journaled_whole() {
    const END: Duration = Duration::from_secs(12);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let met = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let server = {
        let met = std::sync::Arc::clone(&met);
        rt.block_on(graph_server::start(
            false,
            Box::new(move |m: &mut Model, r: &Req| {
                m.live = if r.at < END { Live::OnAir } else { Live::Over };
                let mut met = met.lock().unwrap();
                let next = met.len();
                // Fault n from 2 + 1.5·n seconds, on the first poll that comes then.
                let due = Duration::from_millis(2_000 + 1_500 * next as u64);
                if r.is_first_page() && m.live == Live::OnAir && next < 5 && r.at >= due {
                    met.push(r.at);
                    return inject(m, next);
                }
                None
            }),
        ))
    };
    {
        let mut m = server.model.lock().unwrap();
        m.scheduled = graph_server::spread(240, Duration::from_secs(10), |n, secs| {
            ig_comment(
                &format!("1801100002{n:06}"),
                secs,
                Some(&format!("viewer{}", n % 9)),
                json!({"id": "3"}),
            )
        });
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("show");
    let mut args = instagram_args(&server);
    // Polls every 100 ms and retries from 100 ms: the 12 s stand for a longer evening
    // at the default pace (tests/sources_graph.rs runs that one on a paused clock).
    if let Some(ms) = args.last_mut() {
        *ms = "100".into();
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();

    let output = run_with_deadline(record(&out, &args), Duration::from_secs(60));

    let stdout = succeeded(&output);
    assert!(stdout.contains("stopped: the source ended"), "{stdout}");
    assert_eq!(met.lock().unwrap().len(), 5, "every fault was met");
    let got = journaled(&out);
    assert_eq!(
        got.len(),
        240,
        "every comment, read before the end\n{stdout}"
    );
    assert!(got.values().all(|&n| n == 1), "each once");
    let served: std::collections::HashSet<String> = server.served_ids().into_iter().collect();
    assert!(got.keys().all(|id| served.contains(id)));
    let journal = read_journal(&out.join("journal.jsonl")).unwrap();
    let states: Vec<String> = journal
        .events
        .iter()
        .filter_map(|e| match e {
            Event::SourceStatus { status, .. } => Some(status.to_string()),
            _ => None,
        })
        .collect();
    let reconnecting: Vec<&String> = states
        .iter()
        .filter(|s| s.starts_with("reconnecting (attempt 1): "))
        .collect();
    assert_eq!(reconnecting.len(), 3, "{states:?}");
    assert!(reconnecting[1].contains("An unknown error occurred (code 1, HTTP 400)"));
    assert!(reconnecting[2].contains("(code 12345, HTTP 400)"));
    assert!(
        states.iter().any(|s| s.starts_with("rate-limited until")),
        "{states:?}"
    );
    assert_eq!(
        states.last().map(String::as_str),
        Some("ended"),
        "{states:?}"
    );
    assert!(!stdout.contains(TOKEN) && !text(&output.stderr).contains(TOKEN));
    assert_token_nowhere_in(&out);
}

/// Every file under `dir` is free of the token.
fn assert_token_nowhere_in(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            assert_token_nowhere_in(&path);
        } else {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !String::from_utf8_lossy(&bytes).contains(TOKEN),
                "token in {}",
                path.display()
            );
        }
    }
}

#[test]
fn the_token_appears_nowhere_even_when_the_platform_echoes_it() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    // The platform misbehaves first: a transient error whose message echoes the
    // request URL with the token, then the token-expired error, also echoing it.
    let server = rt.block_on(graph_server::start(
        false,
        Box::new(|m: &mut Model, r: &Req| {
            if r.is_first_page() {
                let n = m.comments.len();
                m.comments.push(ig_comment(
                    &format!("1801100001{n:06}"),
                    n as u32,
                    Some("mei.lin"),
                    json!({"id": "2"}),
                ));
                let echo = format!(
                    "http://127.0.0.1/v26.0/x/comments?access_token={TOKEN}&fields=id"
                );
                return match r.poll {
                    2 => Some(Reply::error(
                        500,
                        &json!({"error": {"message": format!("backend failed for {echo}"), "code": 2, "type": "OAuthException"}}).to_string(),
                    )),
                    4 => Some(Reply::error(
                        400,
                        &json!({"error": {"message": format!("Error validating access token {TOKEN}: Session has expired"), "code": 190, "type": "OAuthException"}}).to_string(),
                    )),
                    _ => None,
                };
            }
            None
        }),
    ));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("show");
    let args = instagram_args(&server);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = run_with_deadline(record(&out, &args), Duration::from_secs(60));
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    // Token expired: the recording stops by itself and says so, exit 1.
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stdout.contains("token expired"), "{stdout}");
    assert!(!stdout.contains(TOKEN), "{stdout}");
    assert!(!stderr.contains(TOKEN), "{stderr}");
    assert!(
        !journaled(&out).is_empty(),
        "comments before the failure are kept"
    );
    assert_token_nowhere_in(&out);
    // Every request did carry it, so the check above is not vacuous.
    assert!(
        server
            .requests()
            .iter()
            .all(|r| r.query.get("access_token").map(String::as_str) == Some(TOKEN))
    );
}

#[test]
fn a_replay_killed_and_started_again_the_same_way_records_every_comment_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rehearsal");
    // 80 comments a second apart, played ten times faster: about 8 s.
    let replay = dir.path().join("comments.jsonl");
    let start = chrono::DateTime::parse_from_rfc3339("2026-11-21T12:00:00Z").unwrap();
    let lines: Vec<String> = (1..=80)
        .map(|n| {
            json!({
                "id": format!("r{n:02}"),
                "user": format!("viewer{}.tw", n % 9),
                "text": format!("row {n}: 這組多少錢？"),
                "ts": (start + chrono::TimeDelta::seconds(n)).to_rfc3339(),
            })
            .to_string()
        })
        .collect();
    std::fs::write(&replay, lines.join("\n") + "\n").unwrap();
    let source = format!("replay:{}@10", replay.display());
    // The same command line both times: --resume starts a journal when there is none.
    let args = ["--source", source.as_str(), "--resume"];

    let mut child = record(&out, &args).spawn().unwrap();
    let started = Instant::now();
    while !out.join("journal.jsonl").exists() || journaled(&out).len() < 10 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "nothing recorded"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let before = journaled(&out).len();
    assert!(before < 80, "killed mid-replay, not after it ({before})");

    let again = run_with_deadline(record(&out, &args), Duration::from_secs(120));
    let stdout = succeeded(&again);
    assert!(stdout.contains("resuming "), "{stdout}");
    assert!(stdout.contains("stopped: the source ended"), "{stdout}");
    let got = journaled(&out);
    assert_eq!(got.len(), 80, "every replayed comment");
    assert!(got.values().all(|&n| n == 1), "each once: {got:?}");
    let events = read_journal(&out.join("journal.jsonl")).unwrap().events;
    let resumed = events
        .iter()
        .filter(|e| matches!(e, Event::Resumed { .. }))
        .count();
    assert_eq!(resumed, 1);
}

#[test]
fn replay_records_until_the_file_ends() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rehearsal");
    let demo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/demo/comments.jsonl");
    let source = format!("replay:{}@max", demo.display());
    let output = run_with_deadline(
        record(&out, &["--source", &source]),
        Duration::from_secs(60),
    );
    let stdout = succeeded(&output);
    assert!(stdout.contains("stopped: the source ended"), "{stdout}");
    let lines = std::fs::read_to_string(&demo).unwrap().lines().count();
    let got = journaled(&out);
    assert_eq!(got.len(), lines);
    assert!(got.values().all(|&n| n == 1));
    // The filter ran: the demo's spam and hidden words are hidden, questions found.
    let journal = read_journal(&out.join("journal.jsonl")).unwrap();
    let verdicts: Vec<_> = journal
        .events
        .iter()
        .filter_map(|e| match e {
            Event::CommentReceived { verdict, .. } => Some(verdict),
            _ => None,
        })
        .collect();
    let reasons: std::collections::BTreeSet<&str> = verdicts
        .iter()
        .flat_map(|v| v.reasons.iter().map(|r| r.as_str()))
        .collect();
    for reason in ["hidden_word", "spam_link", "spam_phrase", "spam_repeat"] {
        assert!(
            reasons.contains(reason),
            "{reason} missing from {reasons:?}"
        );
    }
    assert!(verdicts.iter().filter(|v| !v.shown).count() >= 15);
    assert!(verdicts.iter().filter(|v| v.question).count() >= 60);
    assert!(stdout.contains(&format!("{lines} comments (")), "{stdout}");

    // A second run into the same folder is refused without --resume.
    let again = record(&out, &["--source", &source]).output().unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("already holds a journal"),
        "{}",
        text(&again.stderr)
    );
}

#[test]
fn duration_ends_a_recording_cleanly() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(graph_server::start(
        true,
        Box::new(|m: &mut Model, r: &Req| {
            if r.is_first_page() {
                let n = m.comments.len() as u32;
                m.comments
                    .push(graph_server::fb_comment(n, n, Some("Anna Virtanen")));
            }
            None
        }),
    ));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fb");
    let source = format!("facebook:{}", graph_server::FB_VIDEO);
    let output = run_with_deadline(
        record(
            &out,
            &[
                "--source",
                &source,
                "--graph-url",
                &server.url(),
                "--poll-ms",
                "50",
                "--duration",
                "2",
            ],
        ),
        Duration::from_secs(60),
    );
    let stdout = succeeded(&output);
    assert!(stdout.contains("stopped: --duration ran out"), "{stdout}");
    assert!(stdout.contains("facebook:1234567890: live"), "{stdout}");
    let got = journaled(&out);
    assert!(!got.is_empty());
    assert!(got.values().all(|&n| n == 1));
    // Whatever was journaled was served; nothing invented.
    let served: std::collections::HashSet<String> = server.served_ids().into_iter().collect();
    assert!(got.keys().all(|id| served.contains(id)));
}
