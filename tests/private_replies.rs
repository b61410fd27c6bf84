//! Private replies and hiding a comment, through the show runner against a scripted
//! Graph API on 127.0.0.1: the request Meta documents on each platform, one reply per
//! commenter, an Instagram live that ended, a missing permission, and the journal line.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod graph_server;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use graph_server::{FB_PAGE, FB_VIDEO, IG_USER, Live, Model, Req, Server, ig_comment};
use livecue::plan::{self, Plan};
use livecue::runner::{ReplyRefusal, ShowClock, ShowRunner, ShowSetup, plan_filter};
use livecue::session::{Event, JournalTarget, ReplyResult, read_journal};
use livecue::show::ManualClock;
use livecue::sources::{
    PollTiming, SourceConfig, SourceSettings, SourceSpec, SourceState, Token, no_notify,
};
use serde_json::{Value, json};

const TOKEN: &str = "EAAreplyTOKEN31337";

const PLAN: &str = r#"(
    title: "Replies",
    goal: (kind: Sales, summary: "sell"),
    segments: [(title: "Main", kind: Content, duration: "60m")],
    saved_replies: [
        (id: "shipping", text: "Hi {user}, shipping is free over NT$1,000."),
        (id: "thanks", text: "Thank you {user}!"),
    ],
)"#;

fn plan() -> Arc<Plan> {
    Arc::new(plan::parse(PLAN, "replies.ron").unwrap())
}

fn runner(dir: &Path) -> ShowRunner {
    let plan = plan();
    ShowRunner::new_show(
        ShowSetup {
            classifier: plan_filter(plan.filter.clone(), Vec::new()),
            plan,
            clock: ShowClock::Manual {
                clock: ManualClock::new(),
                epoch: chrono::Utc::now(),
            },
            notify: no_notify(),
        },
        JournalTarget::Folder(dir.to_owned()),
    )
    .unwrap()
}

fn fast() -> PollTiming {
    PollTiming {
        comments_every: Duration::from_millis(40),
        waiting_every: Duration::from_millis(40),
        live_check_every: Duration::from_millis(80),
        retry_base: Duration::from_millis(20),
        rate_limit_base: Duration::from_millis(20),
        ..PollTiming::default()
    }
}

fn connect(runner: &mut ShowRunner, server: &Server, spec: SourceSpec) {
    let settings = SourceSettings {
        spec,
        ig_user_id: Some(IG_USER.to_owned()),
        fb_page_id: Some(FB_PAGE.to_owned()),
        graph_url: server.url(),
    };
    let config = SourceConfig {
        graph_url: server.url(),
        ig_user_id: Some(IG_USER.to_owned()),
        fb_page_id: Some(FB_PAGE.to_owned()),
        ig_token: Token::new(TOKEN),
        fb_token: Token::new(TOKEN),
        timing: fast(),
        ..SourceConfig::default()
    };
    runner.connect_configured(settings, config).unwrap();
}

/// Pumps the runner until `done` holds (at most 10 s: a generous bound for a loaded
/// machine, never a measured time).
fn until(runner: &mut ShowRunner, what: &str, done: impl Fn(&ShowRunner) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(runner) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        runner.wait(Duration::from_millis(20));
    }
}

fn has_comments(n: usize) -> impl Fn(&ShowRunner) -> bool {
    move |r| r.live().session().comments().len() >= n
}

fn result(runner: &ShowRunner, id: &str) -> Option<ReplyResult> {
    runner
        .live()
        .session()
        .private_replies()
        .result(id)
        .map(|(r, _)| r)
}

fn posts(server: &Server) -> Vec<Req> {
    server.requests().into_iter().filter(Req::is_post).collect()
}

fn journal_lines(dir: &Path) -> Vec<Value> {
    std::fs::read_to_string(dir.join("journal.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `ig_comment` at a time Meta would still take a reply for.
fn recent_ig(id: &str, user: &str) -> Value {
    let mut c = ig_comment(id, 0, Some(user), json!({"id": "1"}));
    c["timestamp"] = json!(
        chrono::Utc::now()
            .format("%Y-%m-%dT%H:%M:%S+0000")
            .to_string()
    );
    c
}

fn fb_at(n: u32, name: &str, ts: chrono::DateTime<chrono::Utc>) -> Value {
    json!({
        "created_time": ts.format("%Y-%m-%dT%H:%M:%S+0000").to_string(),
        "message": format!("message {n}"),
        "id": format!("{FB_VIDEO}_{n}"),
        "from": {"name": name, "id": format!("1000000000{n:05}")},
    })
}

#[test]
fn instagram_reply_is_the_documented_post_once_per_commenter_and_journaled() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(graph_server::start(
        false,
        Box::new(|_: &mut Model, _: &Req| None),
    ));
    {
        let mut m = server.model.lock().unwrap();
        m.comments = vec![
            recent_ig("17900000000000001", "amy.tw"),
            recent_ig("17900000000000002", "amy.tw"),
            recent_ig("17900000000000003", "kuo"),
        ];
    }
    let dir = tempfile::tempdir().unwrap();
    let mut runner = runner(dir.path());
    connect(&mut runner, &server, SourceSpec::Instagram);
    until(&mut runner, "three comments", has_comments(3));

    runner
        .reply_privately("17900000000000001", Some("shipping"), None)
        .unwrap();
    assert!(runner.reply_pending("17900000000000001"));
    until(&mut runner, "the reply's answer", |r| {
        result(r, "17900000000000001").is_some()
    });
    assert_eq!(
        result(&runner, "17900000000000001"),
        Some(ReplyResult::Sent)
    );
    assert!(!runner.reply_pending("17900000000000001"));

    // The request Meta documents: POST /{ig-user-id}/messages, JSON body.
    let sent = posts(&server);
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0].path, format!("/v26.0/{IG_USER}/messages"));
    assert_eq!(sent[0].query["access_token"], TOKEN);
    assert_eq!(
        sent[0].body,
        Some(json!({
            "recipient": {"comment_id": "17900000000000001"},
            "message": {"text": "Hi amy.tw, shipping is free over NT$1,000."},
        }))
    );

    // One per commenter: amy's second comment is refused here, never sent.
    assert_eq!(
        runner.reply_privately("17900000000000002", None, Some("and this?")),
        Err(ReplyRefusal::AlreadyAnswered("amy.tw".into()))
    );
    assert_eq!(
        runner.reply_privately("17900000000000003", None, Some("  ")),
        Err(ReplyRefusal::EmptyText)
    );
    assert_eq!(
        runner.hide_on_platform("17900000000000003"),
        Err(ReplyRefusal::CannotHideOnInstagram)
    );
    assert_eq!(posts(&server).len(), 1);

    // A typed reply to another commenter goes.
    runner
        .reply_privately("17900000000000003", None, Some("Thanks, Kuo!"))
        .unwrap();
    until(&mut runner, "the second answer", |r| {
        result(r, "17900000000000003").is_some()
    });
    assert_eq!(
        posts(&server)[1].body.as_ref().unwrap()["message"]["text"],
        "Thanks, Kuo!"
    );

    // The journal line: comment id, template, result; no token, no message text.
    runner.sync_journal();
    let lines = journal_lines(dir.path());
    let replies: Vec<&Value> = lines
        .iter()
        .filter(|l| l["type"] == "private_reply")
        .collect();
    assert_eq!(replies.len(), 2, "{replies:?}");
    assert_eq!(replies[0]["comment_id"], "17900000000000001");
    assert_eq!(replies[0]["template"], "shipping");
    assert_eq!(replies[0]["result"], "sent");
    assert!(
        replies[1].get("template").is_none(),
        "typed: {:?}",
        replies[1]
    );
    let raw = std::fs::read_to_string(dir.path().join("journal.jsonl")).unwrap();
    assert!(!raw.contains(TOKEN));
    assert!(
        !raw.contains("shipping is free"),
        "the message itself is not journaled"
    );

    // Read back, the session still knows amy was answered (a restart keeps the rule).
    let events = read_journal(&dir.path().join("journal.jsonl"))
        .unwrap()
        .events;
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::PrivateReply { .. }))
    );
    let replayed = livecue::session::Session::replay(plan(), &events);
    let second = &replayed.comment("17900000000000002").unwrap().comment;
    assert!(replayed.private_replies().commenter_answered(second));
}

#[test]
fn instagram_replies_stop_when_the_broadcast_ends() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(graph_server::start(
        false,
        Box::new(|m: &mut Model, r: &Req| {
            // The live ends between the source's last poll and the producer's click:
            // Meta refuses the reply.
            if r.is_post() && m.comments.len() == 2 {
                m.live = Live::Over;
            }
            None
        }),
    ));
    {
        let mut m = server.model.lock().unwrap();
        m.comments = vec![
            recent_ig("17900000000000011", "amy.tw"),
            recent_ig("17900000000000012", "kuo"),
        ];
    }
    let dir = tempfile::tempdir().unwrap();
    let mut runner = runner(dir.path());
    connect(&mut runner, &server, SourceSpec::Instagram);
    until(&mut runner, "two comments", has_comments(2));

    runner
        .reply_privately("17900000000000011", Some("thanks"), None)
        .unwrap();
    until(&mut runner, "Meta's answer", |r| {
        result(r, "17900000000000011").is_some()
    });
    assert_eq!(
        result(&runner, "17900000000000011"),
        Some(ReplyResult::TooLate)
    );

    // Once the source has seen the end, nothing more is sent.
    until(&mut runner, "the source to end", |r| {
        r.live()
            .session()
            .sources()
            .iter()
            .any(|(_, s)| *s == SourceState::Ended)
    });
    let before = posts(&server).len();
    assert_eq!(
        runner.reply_privately("17900000000000012", Some("thanks"), None),
        Err(ReplyRefusal::BroadcastEnded)
    );
    assert_eq!(posts(&server).len(), before);
    let message = ReplyRefusal::BroadcastEnded.to_string();
    assert!(
        message.contains("only while the broadcast runs"),
        "{message}"
    );
}

#[test]
fn facebook_reply_goes_to_the_page_and_a_comment_can_be_hidden() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(graph_server::start(
        true,
        Box::new(|_: &mut Model, _: &Req| None),
    ));
    let now = chrono::Utc::now();
    {
        let mut m = server.model.lock().unwrap();
        m.comments = vec![
            fb_at(1, "Amy Chen", now),
            fb_at(2, "Kuo Wei", now),
            fb_at(3, "Old Friend", now - chrono::TimeDelta::days(8)),
        ];
    }
    let dir = tempfile::tempdir().unwrap();
    let mut runner = runner(dir.path());
    connect(&mut runner, &server, SourceSpec::FacebookPage);
    until(&mut runner, "three comments", has_comments(3));
    let id = |n: u32| format!("{FB_VIDEO}_{n}");

    // Without pages_messaging Meta refuses, and the journal says which permission.
    runner
        .reply_privately(&id(1), Some("thanks"), None)
        .unwrap();
    until(&mut runner, "Meta's refusal", |r| {
        result(r, &id(1)).is_some()
    });
    assert_eq!(
        result(&runner, &id(1)),
        Some(ReplyResult::PermissionMissing)
    );

    server
        .model
        .lock()
        .unwrap()
        .granted
        .push("pages_messaging".into());
    runner
        .reply_privately(&id(1), Some("thanks"), None)
        .unwrap();
    until(&mut runner, "the reply", |r| {
        result(r, &id(1)) == Some(ReplyResult::Sent)
    });
    let sent = posts(&server);
    let last = sent.last().unwrap();
    assert_eq!(last.path, format!("/v26.0/{FB_PAGE}/messages"));
    assert_eq!(last.query["access_token"], TOKEN);
    assert_eq!(
        last.body,
        Some(json!({
            "recipient": {"comment_id": id(1)},
            "message": {"text": "Thank you Amy Chen!"},
        }))
    );

    // Over 7 days old: refused before anything is sent.
    assert_eq!(
        runner.reply_privately(&id(3), Some("thanks"), None),
        Err(ReplyRefusal::TooOld)
    );

    // Hidden on the live: POST /{comment-id} with is_hidden.
    runner.hide_on_platform(&id(2)).unwrap();
    until(&mut runner, "the hide", |r| {
        r.live()
            .session()
            .private_replies()
            .is_hidden_on_platform(&id(2))
    });
    let hide = posts(&server).into_iter().last().unwrap();
    assert_eq!(hide.path, format!("/v26.0/{}", id(2)));
    assert_eq!(hide.body, Some(json!({"is_hidden": true})));

    runner.sync_journal();
    let lines = journal_lines(dir.path());
    let refused = lines
        .iter()
        .find(|l| l["type"] == "private_reply" && l["result"] == "permission_missing")
        .expect("the refusal is journaled");
    assert_eq!(refused["detail"], "pages_messaging");
    assert!(
        lines.iter().any(|l| l["type"] == "comment_hidden"
            && l["comment_id"] == id(2)
            && l["hidden"] == true)
    );
    let raw = std::fs::read_to_string(dir.path().join("journal.jsonl")).unwrap();
    assert!(!raw.contains(TOKEN));
}
