//! Instagram and Facebook Live sources against a scripted Graph API on 127.0.0.1.
//!
//! Tests run on tokio's paused clock (`start_paused`): the server and the source share
//! one runtime, so poll spacing is measured in simulated time, never wall-clock time.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod graph_server;

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use graph_server::{FB_VIDEO, IG_USER, Live, Model, Reply, Req, Server, fb_comment, ig_comment};
use livecue::comments::Comment;
use livecue::sources::SourceState;
use livecue::sources::{self, SourceConfig, SourceMsg, SourceSpec, Token};
use serde_json::json;
use tokio::sync::mpsc;

const TOKEN: &str = "EAAtestTOKENabc123XYZ";
const SEC: Duration = Duration::from_secs(1);

fn config(server: &Server) -> SourceConfig {
    SourceConfig {
        graph_url: server.url(),
        ig_user_id: Some(IG_USER.to_owned()),
        ig_token: Token::new(TOKEN),
        fb_token: Token::new(TOKEN),
        ..SourceConfig::default()
    }
}

/// Runs a source until it ends by itself (at most four simulated hours) and returns
/// everything it said.
async fn run(spec: SourceSpec, config: SourceConfig) -> Vec<SourceMsg> {
    let (tx, mut rx) = mpsc::channel(64);
    let handle = sources::spawn(spec, config, tx, sources::no_notify()).unwrap();
    let mut msgs = Vec::new();
    tokio::time::timeout(4 * 3600 * SEC, async {
        while let Some(m) = rx.recv().await {
            msgs.push(m);
        }
    })
    .await
    .expect("the source should end by itself");
    handle.join().await;
    msgs
}

fn statuses(msgs: &[SourceMsg]) -> Vec<SourceState> {
    msgs.iter()
        .filter_map(|m| match m {
            SourceMsg::Status(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

fn comments(msgs: &[SourceMsg]) -> Vec<Comment> {
    msgs.iter()
        .filter_map(|m| match m {
            SourceMsg::Comment(c) => Some(c.clone()),
            _ => None,
        })
        .collect()
}

fn notices(msgs: &[SourceMsg]) -> Vec<String> {
    msgs.iter()
        .filter_map(|m| match m {
            SourceMsg::Notice(n) => Some(n.clone()),
            _ => None,
        })
        .collect()
}

fn ids(cs: &[Comment]) -> Vec<&str> {
    cs.iter().map(|c| c.id.as_str()).collect()
}

/// Every comment the server served arrived, and none twice.
fn assert_each_exactly_once(received: &[Comment], server: &Server) {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for c in received {
        *count.entry(c.id.as_str()).or_default() += 1;
    }
    let twice: Vec<_> = count.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "received more than once: {twice:?}");
    let served: HashSet<String> = server.served_ids().into_iter().collect();
    let got: HashSet<String> = count.keys().map(|s| (*s).to_owned()).collect();
    assert_eq!(got, served, "received vs served");
}

/// Every request carried our token (never the one embedded in `paging.next`), and no
/// message shows it.
fn assert_token_handled(server: &Server, msgs: &[SourceMsg]) {
    for r in server.requests() {
        assert_eq!(
            r.query.get("access_token").map(String::as_str),
            Some(TOKEN),
            "{r:?}"
        );
    }
    let all = format!("{msgs:?}");
    assert!(!all.contains(TOKEN), "token leaked into messages: {all}");
}

fn gaps(times: &[Duration]) -> Vec<Duration> {
    times.windows(2).map(|w| w[1] - w[0]).collect()
}

fn assert_about(d: Duration, want: Duration) {
    assert!(
        d >= want && d < want + Duration::from_millis(100),
        "{d:?} should be {want:?}"
    );
}

fn ig_id(n: u32) -> String {
    format!("180110000000000{n:02}")
}

/// Waiting → live → pages → ended: pagination over 3 pages, newest-first pages, ids
/// repeated across polls, out-of-order timestamps, username fallbacks.
#[tokio::test(start_paused = true)]
async fn instagram_waits_pages_dedupes_and_ends() {
    let server = graph_server::start(
        false,
        Box::new(|m: &mut Model, r: &Req| {
            if r.path.ends_with("/live_media") {
                m.live = match r.at.as_secs() {
                    0..10 => Live::NotYet,
                    10..40 => Live::OnAir,
                    _ => Live::Over,
                };
            }
            if r.is_first_page() {
                let add: &[(u32, u32)] = match r.poll {
                    2 => &[(8, 60), (9, 63)],
                    // Posted last, stamped earliest: order is never assumed.
                    4 => &[(10, 100), (11, 110), (12, 95)],
                    _ => &[],
                };
                for &(n, secs) in add {
                    let id = ig_id(n);
                    let user = format!("user{n}");
                    m.comments.push(ig_comment(
                        &id,
                        secs,
                        Some(user.as_str()),
                        json!({"id": format!("9{n}"), "username": user}),
                    ));
                }
            }
            None
        }),
    )
    .await;
    {
        let mut m = server.model.lock().unwrap();
        for n in 1..=7 {
            let (user, from) = match n {
                2 => (None, json!({"id": "92", "username": "from.two"})),
                3 => (None, json!({"id": "93"})),
                _ => (Some(format!("user{n}")), json!({"id": format!("9{n}")})),
            };
            m.comments
                .push(ig_comment(&ig_id(n), n * 3, user.as_deref(), from));
        }
    }

    let msgs = run(SourceSpec::Instagram, config(&server)).await;

    assert_eq!(
        statuses(&msgs),
        [
            SourceState::Connecting,
            SourceState::WaitingForBroadcast,
            SourceState::Live,
            SourceState::Ended
        ]
    );
    let got = comments(&msgs);
    let want: Vec<String> = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11]
        .into_iter()
        .map(ig_id)
        .collect();
    assert_eq!(ids(&got), want, "each poll's comments in timestamp order");
    assert_each_exactly_once(&got, &server);
    assert_eq!(got[1].user, "from.two", "no username: from.username");
    assert_eq!(got[2].user, "93", "no username either: from.id");
    assert_eq!(got[0].user, "user1");
    assert!(
        got.iter()
            .all(|c| c.platform.as_deref() == Some("instagram"))
    );
    assert_eq!(got[0].ts.to_rfc3339(), "2026-11-21T12:00:03+00:00");

    let reqs = server.requests();
    let pages_of = |poll: usize| -> Vec<Option<String>> {
        reqs.iter()
            .filter(|r| r.is_comments() && r.poll == poll)
            .map(|r| r.query.get("after").cloned())
            .collect()
    };
    assert_eq!(
        pages_of(1),
        [None, Some("3".into()), Some("6".into())],
        "the first poll reads all 3 pages"
    );
    assert_eq!(
        pages_of(2),
        [None, Some("3".into())],
        "stops at the first page holding only seen comments"
    );
    assert_eq!(pages_of(3), [None], "nothing new: one page");
    let first = reqs.iter().find(|r| r.is_comments()).unwrap();
    assert_eq!(
        first.path,
        format!("/v26.0/{}/comments", graph_server::MEDIA)
    );
    assert_eq!(
        first.query["fields"],
        "id,text,timestamp,username,from,like_count"
    );

    // Waiting checks every 5 s, then comment polls every 2 s.
    let checks: Vec<Duration> = reqs.iter().filter(|r| r.is_check()).map(|r| r.at).collect();
    assert_eq!(checks[..3], [Duration::ZERO, 5 * SEC, 10 * SEC]);
    for g in gaps(&server.poll_times()) {
        assert_about(g, 2 * SEC);
    }
    assert_token_handled(&server, &msgs);
}

const RATE_LIMITED: &str = r#"{"error":{"message":"(#17) User request limit reached","type":"OAuthException","is_transient":true,"code":17,"error_subcode":2446079,"fbtrace_id":"AbCdEfGh123"}}"#;

/// Code 17 twice (once without a hint, once with `estimated_time_to_regain_access`),
/// then recovery. Without a hint the first retry comes within 10 s; with one, livecue
/// waits as told and says that comments made meanwhile may be lost.
#[tokio::test(start_paused = true)]
async fn instagram_rate_limit_backs_off_then_resumes() {
    let server = graph_server::start(
        false,
        Box::new(|m: &mut Model, r: &Req| {
            if r.path.ends_with("/live_media") && r.at > 600 * SEC {
                m.live = Live::Over;
            }
            if !r.is_first_page() {
                return None;
            }
            match r.poll {
                2 => Some(Reply::error(400, RATE_LIMITED)),
                3 => Some(Reply {
                    status: 400,
                    headers: vec![(
                        "X-Business-Use-Case-Usage".into(),
                        json!({IG_USER: [{"type": "instagram", "call_count": 100,
                            "total_cputime": 20, "total_time": 30,
                            "estimated_time_to_regain_access": 2}]})
                        .to_string(),
                    )],
                    body: RATE_LIMITED.into(),
                }),
                4 => {
                    m.comments
                        .push(ig_comment(&ig_id(3), 30, Some("c"), json!({"id": "3"})));
                    None
                }
                _ => None,
            }
        }),
    )
    .await;
    {
        let mut m = server.model.lock().unwrap();
        m.comments
            .push(ig_comment(&ig_id(1), 10, Some("a"), json!({"id": "1"})));
        m.comments
            .push(ig_comment(&ig_id(2), 20, Some("b"), json!({"id": "2"})));
    }

    let msgs = run(SourceSpec::Instagram, config(&server)).await;
    let wall_now = chrono::Utc::now();

    let st = statuses(&msgs);
    assert_eq!(st[..2], [SourceState::Connecting, SourceState::Live]);
    let SourceState::RateLimited { until: until_1 } = st[2] else {
        panic!("{st:?}")
    };
    let SourceState::RateLimited { until: until_2 } = st[3] else {
        panic!("{st:?}")
    };
    assert_eq!(st[4..], [SourceState::Live, SourceState::Ended]);
    // `until` is wall-clock; on the paused clock almost no wall time passes.
    let ahead = |u: chrono::DateTime<chrono::Utc>| (u - wall_now).num_seconds();
    assert!((4..=11).contains(&ahead(until_1)), "{until_1}");
    assert!((110..=121).contains(&ahead(until_2)), "{until_2}");
    let n = notices(&msgs);
    assert_eq!(n.len(), 1, "only the hinted pause is explained: {n:?}");
    for part in [
        "Instagram has paused livecue's access for 2 minutes",
        "(#17) User request limit reached",
        "if the broadcast ends before then, those comments are lost",
    ] {
        assert!(n[0].contains(part), "`{part}` missing from: {}", n[0]);
    }

    let polls = server.poll_times();
    let g = gaps(&polls);
    assert_about(g[0], 2 * SEC);
    // No hint: 10 s base, jittered into 5–10 s.
    assert!(g[1] >= 5 * SEC && g[1] <= 10 * SEC, "{:?}", g[1]);
    // The platform's hint: 2 minutes.
    assert_about(g[2], 120 * SEC);
    assert_about(g[3], 2 * SEC);

    let got = comments(&msgs);
    assert_eq!(ids(&got), [ig_id(1), ig_id(2), ig_id(3)]);
    assert_each_exactly_once(&got, &server);
    assert_token_handled(&server, &msgs);
}

/// HTTP 500 mid-pagination, then a code 1 error: Reconnecting with growing back-off;
/// the poll after the failure reads every page, so nothing behind the failed page is
/// lost.
#[tokio::test(start_paused = true)]
async fn instagram_http_500_retries_and_loses_nothing() {
    let server = graph_server::start(
        false,
        Box::new(|m: &mut Model, r: &Req| {
            if r.path.ends_with("/live_media") && r.at > 60 * SEC {
                m.live = Live::Over;
            }
            if !r.is_comments() {
                return None;
            }
            match (r.poll, r.query.get("after").map(String::as_str)) {
                // Page 3 of the first poll fails after two good pages.
                (1, Some("6")) => Some(Reply::error(500, "Internal Server Error")),
                (2, None) => Some(Reply::error(
                    500,
                    r#"{"error":{"message":"An unknown error occurred","type":"OAuthException","code":1,"is_transient":true}}"#,
                )),
                (3, None) => {
                    m.comments
                        .push(ig_comment(&ig_id(10), 90, Some("late"), json!({"id": "9"})));
                    None
                }
                _ => None,
            }
        }),
    )
    .await;
    {
        let mut m = server.model.lock().unwrap();
        for n in 1..=9 {
            m.comments
                .push(ig_comment(&ig_id(n), n * 5, Some("u"), json!({"id": "1"})));
        }
    }

    let msgs = run(SourceSpec::Instagram, config(&server)).await;

    let st = statuses(&msgs);
    assert_eq!(st[..2], [SourceState::Connecting, SourceState::Live]);
    match &st[2] {
        SourceState::Reconnecting { attempt: 1, reason } => {
            assert!(reason.contains("HTTP 500"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    match &st[3] {
        SourceState::Reconnecting { attempt: 2, reason } => {
            assert!(
                reason.contains("unknown error") && reason.contains("code 1"),
                "{reason}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(st[4..], [SourceState::Live, SourceState::Ended]);

    let g = gaps(&server.poll_times());
    assert!(g[0] >= SEC / 2 && g[0] <= SEC, "attempt 1: {:?}", g[0]);
    assert!(g[1] >= SEC && g[1] <= 2 * SEC, "attempt 2: {:?}", g[1]);
    let got = comments(&msgs);
    assert_each_exactly_once(&got, &server);
    assert_eq!(got.len(), 10);
    // After the failure, page 2 holds only seen comments; stopping there would lose
    // the three oldest, which only the failed page 3 held.
    let third_poll: Vec<Option<String>> = server
        .requests()
        .iter()
        .filter(|r| r.is_comments() && r.poll == 3)
        .map(|r| r.query.get("after").cloned())
        .collect();
    assert_eq!(
        third_poll,
        [None, Some("3".into()), Some("6".into()), Some("9".into())]
    );
    assert_token_handled(&server, &msgs);
}

/// Usage headers slow polling: 80 % doubles the interval, 95 % stretches it five-fold
/// (never more: comments can only be read while the live runs), and it comes back down
/// when usage falls.
#[tokio::test(start_paused = true)]
async fn usage_headers_slow_polling() {
    let server = graph_server::start(
        false,
        Box::new(|m: &mut Model, r: &Req| {
            if r.path.ends_with("/live_media") && r.at > 200 * SEC {
                m.live = Live::Over;
            }
            if r.is_first_page() {
                let (name, value) = match r.poll {
                    2 => (
                        "X-App-Usage",
                        json!({"call_count": 80, "total_cputime": 10, "total_time": 10}),
                    ),
                    4 => (
                        "X-Business-Use-Case-Usage",
                        json!({IG_USER: [{"type": "instagram", "call_count": 95,
                            "total_cputime": 15, "total_time": 18,
                            "estimated_time_to_regain_access": 0}]}),
                    ),
                    _ => (
                        "X-App-Usage",
                        json!({"call_count": 12, "total_cputime": 5, "total_time": 5}),
                    ),
                };
                m.headers_once = vec![(name.into(), value.to_string())];
            }
            None
        }),
    )
    .await;

    let msgs = run(SourceSpec::Instagram, config(&server)).await;

    let g = gaps(&server.poll_times());
    assert_about(g[0], 2 * SEC); // after 12 %
    assert_about(g[1], 4 * SEC); // after 80 %
    assert_about(g[2], 2 * SEC); // after 12 %
    assert_about(g[3], 10 * SEC); // after 95 %
    assert_about(g[4], 2 * SEC); // back to 12 %
    assert_eq!(statuses(&msgs).last(), Some(&SourceState::Ended));
}

const TOKEN_EXPIRED: &str = r#"{"error":{"message":"Error validating access token: Session has expired on Saturday, 21-Nov-26 11:00:00 PST.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AzYxWvU987"}}"#;

/// Code 190 stops the source with a message saying what to do; no request follows.
#[tokio::test(start_paused = true)]
async fn token_expired_stops_with_a_clear_message() {
    let server = graph_server::start(
        false,
        Box::new(|_: &mut Model, r: &Req| {
            (r.is_first_page() && r.poll == 2).then(|| Reply::error(400, TOKEN_EXPIRED))
        }),
    )
    .await;

    let msgs = run(SourceSpec::Instagram, config(&server)).await;

    assert_eq!(
        statuses(&msgs),
        [
            SourceState::Connecting,
            SourceState::Live,
            SourceState::TokenExpired
        ]
    );
    let n = notices(&msgs);
    assert_eq!(n.len(), 1, "{n:?}");
    for part in [
        "Instagram refused the access token",
        "Session has expired",
        "code 190, subcode 463",
        "livecue login instagram",
        "LIVECUE_IG_TOKEN",
    ] {
        assert!(n[0].contains(part), "`{part}` missing from: {}", n[0]);
    }
    let before = server.requests().len();
    tokio::time::sleep(600 * SEC).await;
    assert_eq!(server.requests().len(), before, "no request after 190");
    assert_token_handled(&server, &msgs);
}

/// Code 10 names the missing permission and stops.
#[tokio::test(start_paused = true)]
async fn missing_permission_is_named() {
    let server = graph_server::start(
        false,
        Box::new(|_: &mut Model, r: &Req| {
            r.path.ends_with("/live_media").then(|| {
                Reply::error(
                    403,
                    r#"{"error":{"message":"(#10) This endpoint requires the 'instagram_basic' permission.","type":"OAuthException","code":10}}"#,
                )
            })
        }),
    )
    .await;

    let msgs = run(SourceSpec::Instagram, config(&server)).await;

    assert_eq!(
        statuses(&msgs),
        [
            SourceState::Connecting,
            SourceState::PermissionMissing {
                permission: "instagram_basic".into()
            }
        ]
    );
    assert_eq!(server.requests().len(), 1);
}

/// Neither an error message echoing the request URL nor a network error shows the
/// token.
#[tokio::test(start_paused = true)]
async fn token_never_appears_in_messages() {
    let server = graph_server::start(
        false,
        Box::new(|m: &mut Model, r: &Req| {
            if r.path.ends_with("/live_media") && r.at > 30 * SEC {
                m.live = Live::Over;
            }
            (r.is_first_page() && r.poll == 1).then(|| {
                Reply::error(
                    500,
                    &json!({"error": {"code": 2, "message": format!(
                        "Service unavailable for {}?access_token={TOKEN}&x=1 (token {TOKEN})",
                        r.path
                    )}})
                    .to_string(),
                )
            })
        }),
    )
    .await;
    let msgs = run(SourceSpec::Instagram, config(&server)).await;
    let reason = statuses(&msgs)
        .into_iter()
        .find_map(|s| match s {
            SourceState::Reconnecting { reason, .. } => Some(reason),
            _ => None,
        })
        .unwrap();
    assert!(reason.contains("access_token=REDACTED"), "{reason}");
    assert_token_handled(&server, &msgs);

    // Nothing listens on this port: a connect error, retried.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let cfg = SourceConfig {
        graph_url: format!("http://127.0.0.1:{port}/v26.0"),
        ..config(&server)
    };
    let (tx, mut rx) = mpsc::channel(64);
    let handle = sources::spawn(SourceSpec::Instagram, cfg, tx, sources::no_notify()).unwrap();
    let mut seen = Vec::new();
    while seen.len() < 3 {
        seen.push(rx.recv().await.unwrap());
    }
    handle.stop();
    handle.join().await;
    assert!(
        matches!(&seen[1], SourceMsg::Status(SourceState::Reconnecting { attempt: 1, reason }) if reason.contains("connect")),
        "{seen:?}"
    );
    assert!(!format!("{seen:?}").contains(TOKEN), "{seen:?}");
}

/// A resumed session passes the ids it already has: they are not sent again.
#[tokio::test(start_paused = true)]
async fn resume_skips_seen_ids() {
    let server = graph_server::start(
        false,
        Box::new(|m: &mut Model, r: &Req| {
            if r.path.ends_with("/live_media") && r.at > 5 * SEC {
                m.live = Live::Over;
            }
            None
        }),
    )
    .await;
    {
        let mut m = server.model.lock().unwrap();
        for n in 1..=5 {
            m.comments
                .push(ig_comment(&ig_id(n), n, Some("u"), json!({"id": "1"})));
        }
    }
    let cfg = SourceConfig {
        seen_ids: [ig_id(1), ig_id(2), ig_id(4)].into_iter().collect(),
        ..config(&server)
    };
    let msgs = run(SourceSpec::Instagram, cfg).await;
    assert_eq!(ids(&comments(&msgs)), [ig_id(3), ig_id(5)]);
}

/// Facebook Live: waits for a scheduled video, reads reverse-chronological pages (3),
/// survives code 4 and HTTP 503, ends when the video stops.
#[tokio::test(start_paused = true)]
async fn facebook_pages_errors_and_recovery() {
    let server = graph_server::start(
        true,
        Box::new(|m: &mut Model, r: &Req| {
            if r.is_check() {
                m.live = match r.at.as_secs() {
                    0..5 => Live::NotYet,
                    5..300 => Live::OnAir,
                    _ => Live::Over,
                };
                return None;
            }
            if !r.is_first_page() {
                return None;
            }
            match r.poll {
                2 => {
                    m.comments.push(fb_comment(6, 70, Some("Ivan P")));
                    None
                }
                3 => Some(Reply {
                    status: 400,
                    headers: vec![(
                        "X-Business-Use-Case-Usage".into(),
                        json!({"1": [{"type": "pages", "call_count": 100,
                            "estimated_time_to_regain_access": 1}]})
                        .to_string(),
                    )],
                    body: r#"{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","code":4}}"#.into(),
                }),
                4 => Some(Reply::error(503, "")),
                5 => {
                    m.comments.push(fb_comment(7, 80, None));
                    m.comments.push(fb_comment(8, 81, Some("Anna Virtanen")));
                    None
                }
                _ => None,
            }
        }),
    )
    .await;
    {
        let mut m = server.model.lock().unwrap();
        m.page_size = 2;
        for n in 1..=5 {
            m.comments
                .push(fb_comment(n, 10 * n, Some("Anna Virtanen")));
        }
    }
    let spec: SourceSpec = format!("facebook:{FB_VIDEO}").parse().unwrap();

    let msgs = run(spec, config(&server)).await;

    let st = statuses(&msgs);
    assert_eq!(
        st[..3],
        [
            SourceState::Connecting,
            SourceState::WaitingForBroadcast,
            SourceState::Live
        ]
    );
    assert!(matches!(st[3], SourceState::RateLimited { .. }), "{st:?}");
    assert!(
        matches!(&st[4], SourceState::Reconnecting { attempt: 1, reason } if reason.contains("HTTP 503")),
        "{st:?}"
    );
    assert_eq!(st[5..], [SourceState::Live, SourceState::Ended]);

    let got = comments(&msgs);
    let want: Vec<String> = (1..=8).map(|n| format!("{FB_VIDEO}_{n}")).collect();
    assert_eq!(ids(&got), want);
    assert_each_exactly_once(&got, &server);
    assert_eq!(got[0].user, "Anna Virtanen");
    assert_eq!(got[6].user, "", "no `from` without a Page token");
    assert!(
        got.iter()
            .all(|c| c.platform.as_deref() == Some("facebook"))
    );

    let reqs = server.requests();
    let first_poll: Vec<&Req> = reqs
        .iter()
        .filter(|r| r.is_comments() && r.poll == 1)
        .collect();
    assert_eq!(first_poll.len(), 3, "5 comments, 2 a page: 3 pages");
    let q = &first_poll[0].query;
    assert_eq!(q["order"], "reverse_chronological");
    assert_eq!(q["fields"], "created_time,from,message,id");
    assert_eq!(q["live_filter"], "no_filter");
    assert_eq!(first_poll[0].path, format!("/v26.0/{FB_VIDEO}/comments"));
    let check = reqs.iter().find(|r| r.is_check()).unwrap();
    assert_eq!(check.path, format!("/v26.0/{FB_VIDEO}"));
    assert_eq!(check.query["fields"], "status");

    let g = gaps(&server.poll_times());
    assert_about(g[2], 60 * SEC); // code 4 with a one-minute estimate
    assert!(g[3] >= SEC / 2 && g[3] <= SEC, "503 retry: {:?}", g[3]);
    assert_token_handled(&server, &msgs);
}

/// A Facebook token error stops the Facebook source the same way.
#[tokio::test(start_paused = true)]
async fn facebook_token_expired_stops() {
    let server = graph_server::start(
        true,
        Box::new(|_: &mut Model, r: &Req| {
            r.is_comments().then(|| Reply::error(400, TOKEN_EXPIRED))
        }),
    )
    .await;
    let spec: SourceSpec = format!("facebook:{FB_VIDEO}").parse().unwrap();
    let msgs = run(spec, config(&server)).await;
    assert_eq!(
        statuses(&msgs).last(),
        Some(&SourceState::TokenExpired),
        "{msgs:?}"
    );
    assert!(notices(&msgs)[0].contains("livecue login facebook"));
}

const UNKNOWN_ERROR_400: &str =
    r#"{"error":{"message":"An unknown error occurred","type":"OAuthException","code":1}}"#;
const UNCLASSIFIED_400: &str = r#"{"error":{"message":"An unexpected error has occurred. Please retry your request later.","type":"OAuthException","code":12345}}"#;

/// The issue's broadcast at the default timings: 240 comments over a minute, then the
/// host says goodbye and ends the live. On the way: a code-17 throttle without a hint,
/// a code-1 HTTP 400 without `is_transient`, an error code livecue does not know, an
/// HTTP 500 on a second page and usage headers at 95 %. Every comment arrives exactly
/// once while the live still runs (after it, Instagram answers its comments edge with
/// an error), and nothing stops the source but the end of the broadcast.
#[tokio::test(start_paused = true)]
async fn a_broadcast_with_every_passing_fault_loses_nothing() {
    const END: Duration = Duration::from_secs(62);
    let faults_at = [5, 15, 25, 35, 45].map(|s| s * SEC);
    let mut fired = [false; 5];
    let server = graph_server::start(
        false,
        Box::new(move |m: &mut Model, r: &Req| {
            m.live = if r.at < END { Live::OnAir } else { Live::Over };
            if !r.is_comments() || m.live == Live::Over {
                return None;
            }
            let due = |i: usize, fired: &[bool; 5]| !fired[i] && r.at >= faults_at[i];
            if r.is_first_page() {
                for (i, body) in [
                    (0, RATE_LIMITED),
                    (1, UNKNOWN_ERROR_400),
                    (2, UNCLASSIFIED_400),
                ] {
                    if due(i, &fired) {
                        fired[i] = true;
                        return Some(Reply::error(400, body));
                    }
                }
                if due(4, &fired) {
                    fired[4] = true;
                    m.headers_once = vec![(
                        "X-Business-Use-Case-Usage".into(),
                        json!({IG_USER: [{"type": "instagram", "call_count": 95,
                            "total_cputime": 40, "total_time": 60,
                            "estimated_time_to_regain_access": 0}]})
                        .to_string(),
                    )];
                }
            } else if due(3, &fired) {
                fired[3] = true;
                return Some(Reply::error(500, "Internal Server Error"));
            }
            None
        }),
    )
    .await;
    {
        let mut m = server.model.lock().unwrap();
        m.page_size = 5;
        m.scheduled = graph_server::spread(240, 60 * SEC, |n, secs| {
            ig_comment(
                &format!("1801100{n:08}"),
                secs,
                Some("viewer"),
                json!({"id": "7"}),
            )
        });
    }

    let msgs = run(SourceSpec::Instagram, config(&server)).await;

    let got = comments(&msgs);
    assert_eq!(got.len(), 240, "every comment");
    assert_each_exactly_once(&got, &server);
    // Comments are readable only while the live runs, so all were read before the end.
    let last_read = server
        .requests()
        .iter()
        .filter(|r| r.is_comments())
        .map(|r| r.at)
        .filter(|at| *at < END)
        .max()
        .unwrap();
    assert!(last_read < END);

    let st = statuses(&msgs);
    let reasons: Vec<String> = st
        .iter()
        .filter_map(|s| match s {
            SourceState::Reconnecting { attempt: 1, reason } => Some(reason.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(reasons.len(), 3, "{st:?}");
    assert!(
        reasons[0].contains("An unknown error occurred (code 1, HTTP 400)"),
        "{reasons:?}"
    );
    assert!(reasons[1].contains("(code 12345, HTTP 400)"), "{reasons:?}");
    assert!(reasons[2].contains("HTTP 500"), "{reasons:?}");
    assert_eq!(
        st.iter()
            .filter(|s| matches!(s, SourceState::RateLimited { .. }))
            .count(),
        1
    );
    assert!(
        !st.iter().any(|s| matches!(
            s,
            SourceState::Failed { .. }
                | SourceState::TokenExpired
                | SourceState::PermissionMissing { .. }
        )),
        "{st:?}"
    );
    assert_eq!(st.last(), Some(&SourceState::Ended));
    assert_eq!(st.first(), Some(&SourceState::Connecting));

    // The throttle without a hint: retried within 10 s. A fault that passes: within a
    // second. 95 %: the next poll 10 s on, then back to every 2 s.
    let polls = server.poll_times();
    let after = |t: Duration| {
        let i = polls.iter().position(|p| *p >= t).unwrap();
        polls[i + 1] - polls[i]
    };
    let throttle_retry = after(faults_at[0]);
    assert!(
        throttle_retry >= 5 * SEC && throttle_retry <= 10 * SEC,
        "{throttle_retry:?}"
    );
    for t in [faults_at[1], faults_at[2]] {
        let g = after(t);
        assert!(g >= SEC / 2 && g <= SEC, "{g:?}");
    }
    assert_about(after(faults_at[4]), 10 * SEC);
    assert_token_handled(&server, &msgs);
}

/// An error that does not pass soon is retried with growing waits (1 s doubling),
/// each attempt counted, and the source carries on once it passes.
#[tokio::test(start_paused = true)]
async fn a_lasting_unknown_error_backs_off_and_recovers() {
    let server = graph_server::start(
        false,
        Box::new(|m: &mut Model, r: &Req| {
            if r.path.ends_with("/live_media") && r.at > 120 * SEC {
                m.live = Live::Over;
            }
            if r.is_first_page() && r.poll == 7 {
                m.comments
                    .push(ig_comment(&ig_id(1), 1, Some("u"), json!({"id": "1"})));
            }
            (r.is_first_page() && (2..=6).contains(&r.poll))
                .then(|| Reply::error(400, UNCLASSIFIED_400))
        }),
    )
    .await;

    let msgs = run(SourceSpec::Instagram, config(&server)).await;

    let attempts: Vec<u32> = statuses(&msgs)
        .iter()
        .filter_map(|s| match s {
            SourceState::Reconnecting { attempt, .. } => Some(*attempt),
            _ => None,
        })
        .collect();
    assert_eq!(attempts, [1, 2, 3, 4, 5]);
    let g = gaps(&server.poll_times());
    for (i, full) in [1u32, 2, 4, 8, 16].into_iter().enumerate() {
        let full = SEC * full;
        assert!(
            g[i + 1] >= full / 2 && g[i + 1] <= full,
            "attempt {}: {:?}",
            i + 1,
            g[i + 1]
        );
    }
    assert_eq!(ids(&comments(&msgs)), [ig_id(1)]);
    assert_eq!(statuses(&msgs).last(), Some(&SourceState::Ended));
}

/// Meta's cursor limit ends one poll's paging, not the source: the pages read so far
/// count, the producer hears once that older comments may be missing, polling goes on.
#[tokio::test(start_paused = true)]
async fn the_cursor_limit_ends_paging_not_the_source() {
    let server = graph_server::start(
        false,
        Box::new(|m: &mut Model, r: &Req| {
            if r.path.ends_with("/live_media") && r.at > 30 * SEC {
                m.live = Live::Over;
            }
            if r.is_first_page() && r.poll == 3 {
                m.comments
                    .push(ig_comment(&ig_id(20), 200, Some("late"), json!({"id": "2"})));
            }
            (r.query.get("after").map(String::as_str) == Some("6")).then(|| {
                Reply::error(
                    400,
                    r#"{"error":{"message":"(#100) The After Cursor specified exceeds the max limit","type":"OAuthException","code":100,"fbtrace_id":"Ab1"}}"#,
                )
            })
        }),
    )
    .await;
    {
        let mut m = server.model.lock().unwrap();
        for n in 1..=9 {
            m.comments
                .push(ig_comment(&ig_id(n), n, Some("u"), json!({"id": "1"})));
        }
    }

    let msgs = run(SourceSpec::Instagram, config(&server)).await;

    assert_eq!(
        statuses(&msgs),
        [
            SourceState::Connecting,
            SourceState::Live,
            SourceState::Ended
        ],
        "no reconnecting, no failure"
    );
    // Newest first, 3 a page: pages 1 and 2 hold 9..4; 3..1 lie past the limit.
    let want: Vec<String> = [4, 5, 6, 7, 8, 9, 20].into_iter().map(ig_id).collect();
    assert_eq!(ids(&comments(&msgs)), want);
    let n = notices(&msgs);
    assert_eq!(n.len(), 1, "said once: {n:?}");
    assert!(n[0].contains("cursor limit"), "{}", n[0]);
    assert!(server.poll_times().len() >= 10, "polling went on");
}

/// Each reason a token is refused, and each missing permission, gets its own message
/// and stops the source; no request follows.
#[tokio::test(start_paused = true)]
async fn each_token_and_permission_error_says_what_to_do() {
    let token = |subcode: &str| {
        format!(
            r#"{{"error":{{"message":"Error validating access token: the session is invalid.","type":"OAuthException","code":190{subcode},"fbtrace_id":"Az1"}}}}"#
        )
    };
    let log_in_again = "Log in again: make a new token (see `livecue login --help`), store it with `livecue login instagram` (or set LIVECUE_IG_TOKEN)";
    let attention = "The account needs attention on facebook.com";
    let cases: Vec<(String, SourceState, Vec<&str>)> = vec![
        (
            token(r#","error_subcode":458"#),
            SourceState::TokenExpired,
            vec!["removed livecue's app", log_in_again],
        ),
        (
            token(r#","error_subcode":460"#),
            SourceState::TokenExpired,
            vec!["password was changed", log_in_again],
        ),
        (
            token(r#","error_subcode":463"#),
            SourceState::TokenExpired,
            vec!["the token has expired", log_in_again],
        ),
        (
            token(r#","error_subcode":467"#),
            SourceState::TokenExpired,
            vec!["logged out", log_in_again],
        ),
        (
            token(""),
            SourceState::TokenExpired,
            vec!["the token is not valid", log_in_again],
        ),
        (
            token(r#","error_subcode":459"#),
            SourceState::Failed {
                reason: "Instagram: the account needs attention on facebook.com (Facebook has put a security check on the account the token belongs to)".into(),
            },
            vec!["security check", attention],
        ),
        (
            token(r#","error_subcode":464"#),
            SourceState::Failed {
                reason: "Instagram: the account needs attention on facebook.com (the Facebook account the token belongs to is not confirmed)".into(),
            },
            vec!["not confirmed", attention],
        ),
        (
            r#"{"error":{"message":"(#10) Application does not have permission for this action","type":"OAuthException","code":10}}"#.into(),
            SourceState::PermissionMissing {
                permission: "instagram_manage_comments".into(),
            },
            vec!["needs the permission instagram_manage_comments", "livecue login instagram"],
        ),
        (
            r#"{"error":{"message":"(#200) Requires instagram_manage_comments permission to manage the object","type":"OAuthException","code":200}}"#.into(),
            SourceState::PermissionMissing {
                permission: "instagram_manage_comments".into(),
            },
            vec!["(#200) Requires instagram_manage_comments"],
        ),
        (
            r#"{"error":{"message":"(#299) Requires 'pages_read_engagement' permission","type":"OAuthException","code":299}}"#.into(),
            SourceState::PermissionMissing {
                permission: "pages_read_engagement".into(),
            },
            vec!["needs the permission pages_read_engagement"],
        ),
    ];
    for (body, want_state, parts) in cases {
        let server = graph_server::start(
            false,
            Box::new(move |_: &mut Model, r: &Req| {
                (r.is_first_page() && r.poll == 2).then(|| Reply::error(400, &body))
            }),
        )
        .await;

        let msgs = run(SourceSpec::Instagram, config(&server)).await;

        let st = statuses(&msgs);
        assert_eq!(st.last(), Some(&want_state), "{msgs:?}");
        assert_eq!(st.len(), 3, "connecting, live, stopped: {st:?}");
        let n = notices(&msgs);
        assert_eq!(n.len(), 1, "{n:?}");
        for part in parts {
            assert!(n[0].contains(part), "`{part}` missing from: {}", n[0]);
        }
        let before = server.requests().len();
        tokio::time::sleep(600 * SEC).await;
        assert_eq!(
            server.requests().len(),
            before,
            "no request after: {}",
            n[0]
        );
        assert_token_handled(&server, &msgs);
    }
}

/// A live video's `status` as a string or as an object: waiting, live and over read
/// the same either way. A status livecue does not know keeps it reading, said once.
#[tokio::test(start_paused = true)]
async fn facebook_status_as_string_or_object() {
    for object in [false, true] {
        let server = graph_server::start(
            true,
            Box::new(|m: &mut Model, r: &Req| {
                if r.is_check() {
                    m.live = match r.at.as_secs() {
                        0..6 => Live::NotYet,
                        6..30 => Live::OnAir,
                        _ => Live::Over,
                    };
                }
                if r.is_first_page() && r.poll == 2 {
                    m.comments.push(fb_comment(1, 10, Some("Anna Virtanen")));
                }
                None
            }),
        )
        .await;
        server.model.lock().unwrap().status_object = object;
        let spec: SourceSpec = format!("facebook:{FB_VIDEO}").parse().unwrap();

        let msgs = run(spec, config(&server)).await;

        assert_eq!(
            statuses(&msgs),
            [
                SourceState::Connecting,
                SourceState::WaitingForBroadcast,
                SourceState::Live,
                SourceState::Ended
            ],
            "object: {object}"
        );
        assert_eq!(ids(&comments(&msgs)), [format!("{FB_VIDEO}_1")]);
        assert!(notices(&msgs).is_empty(), "{msgs:?}");
    }

    // A status object livecue cannot read: live, and the producer is told once.
    let server = graph_server::start(
        true,
        Box::new(|_: &mut Model, r: &Req| {
            r.is_check().then(|| Reply {
                status: 200,
                headers: Vec::new(),
                body: json!({"id": FB_VIDEO, "status": {"video_status": "ready"}}).to_string(),
            })
        }),
    )
    .await;
    let spec: SourceSpec = format!("facebook:{FB_VIDEO}").parse().unwrap();
    let (tx, mut rx) = mpsc::channel(64);
    let handle = sources::spawn(spec, config(&server), tx, sources::no_notify()).unwrap();
    tokio::time::sleep(120 * SEC).await;
    handle.stop();
    handle.join().await;
    let mut msgs = Vec::new();
    while let Ok(m) = rx.try_recv() {
        msgs.push(m);
    }
    assert_eq!(
        statuses(&msgs),
        [SourceState::Connecting, SourceState::Live]
    );
    let n = notices(&msgs);
    assert_eq!(n.len(), 1, "once, though checked every 10 s: {n:?}");
    assert!(
        n[0].contains(r#"status {"video_status":"ready"}"#) && n[0].contains("stop the source"),
        "{}",
        n[0]
    );
    assert!(server.poll_times().len() > 30, "comments still read");
}

/// `facebook` with a Page id: waits for the Page's live video, reads its comments, and
/// ends once the Page lists it no more.
#[tokio::test(start_paused = true)]
async fn facebook_by_page_waits_goes_live_and_ends() {
    let server = graph_server::start(
        true,
        Box::new(|m: &mut Model, r: &Req| {
            if r.is_page_live_videos() {
                m.live = match r.at.as_secs() {
                    0..12 => Live::NotYet,
                    12..40 => Live::OnAir,
                    _ => Live::Over,
                };
            }
            None
        }),
    )
    .await;
    {
        let mut m = server.model.lock().unwrap();
        m.page_size = 2;
        // Posted while the live runs, the last one just before it ends.
        m.scheduled = (1..=6)
            .map(|n| {
                let secs = 10 + 4 * n;
                (
                    Duration::from_secs(u64::from(secs)),
                    fb_comment(n, secs, Some("Ivan P")),
                )
            })
            .collect();
        m.scheduled.push((
            Duration::from_millis(39_900),
            fb_comment(7, 39, Some("Mei Lin")),
        ));
    }
    let cfg = SourceConfig {
        fb_page_id: Some(graph_server::FB_PAGE.to_owned()),
        ..config(&server)
    };

    let msgs = run(SourceSpec::FacebookPage, cfg).await;

    assert_eq!(
        statuses(&msgs),
        [
            SourceState::Connecting,
            SourceState::WaitingForBroadcast,
            SourceState::Live,
            SourceState::Ended
        ]
    );
    let got = comments(&msgs);
    let want: Vec<String> = (1..=7).map(|n| format!("{FB_VIDEO}_{n}")).collect();
    assert_eq!(ids(&got), want);
    assert_each_exactly_once(&got, &server);
    assert!(
        got.iter()
            .all(|c| c.platform.as_deref() == Some("facebook"))
    );

    let reqs = server.requests();
    let checks: Vec<&Req> = reqs.iter().filter(|r| r.is_check()).collect();
    assert!(
        checks
            .iter()
            .all(|r| r.path == format!("/v26.0/{}/live_videos", graph_server::FB_PAGE))
    );
    assert_eq!(
        checks[..3].iter().map(|r| r.at).collect::<Vec<_>>(),
        [Duration::ZERO, 5 * SEC, 10 * SEC]
    );
    let first_comments = reqs.iter().find(|r| r.is_comments()).unwrap();
    assert_eq!(first_comments.path, format!("/v26.0/{FB_VIDEO}/comments"));
    assert_eq!(first_comments.query["order"], "reverse_chronological");
    assert_token_handled(&server, &msgs);
}

/// `facebook` without a Page id cannot start.
#[tokio::test]
async fn facebook_by_page_needs_the_page_id() {
    let (tx, _rx) = mpsc::channel(4);
    let cfg = SourceConfig {
        fb_token: Token::new(TOKEN),
        ..SourceConfig::default()
    };
    let e = sources::spawn(SourceSpec::FacebookPage, cfg, tx, sources::no_notify()).unwrap_err();
    assert!(e.to_string().contains("--fb-page-id"), "{e}");
}
