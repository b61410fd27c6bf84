//! "Reply privately…" from the producer's feed, through the real app with egui_kittest:
//! the host screen detached (D), an Instagram source on a scripted Graph API on
//! 127.0.0.1, a saved reply picked and sent by click, Meta's answer shown and journaled.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod app_fixture;
mod graph_server;

use std::time::Duration;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use graph_server::{IG_USER, Model, Req, Server, ig_comment};
use livecue::session::{Event, ReplyResult, read_journal};
use livecue::sources::{PollTiming, SourceConfig, SourceSettings, SourceSpec, Token};
use livecue::ui::LivecueApp;
use serde_json::json;

use app_fixture::{Open, until};

const TOKEN: &str = "EAAuiREPLYtoken777";
const COMMENT: &str = "17900000000000031";

const PLAN: &str = r#"(
    title: "Reply test",
    goal: (kind: Sales, summary: "sell"),
    segments: [(title: "Main", kind: Content, duration: "60m")],
    saved_replies: [
        (id: "shipping", text: "Hi {user}, shipping is free over NT$1,000."),
        (id: "thanks", text: "Thank you {user}!"),
    ],
)"#;

fn server_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

fn press(harness: &mut Harness<'static, LivecueApp>, label: &str) {
    harness
        .get(By::new().role(Role::Button).label(label))
        .click_accesskit();
    // By count: the source's polls keep asking for repaints. The click is taken in the
    // first frame, the command applied at its end, the dialog drawn in the next.
    harness.run_steps(4);
}

fn producer_app(server: &Server, shows: &std::path::Path) -> Harness<'static, LivecueApp> {
    let url = server.url();
    let mut harness = Open {
        prepare: Some(Box::new(move |runner| {
            let settings = SourceSettings {
                spec: SourceSpec::Instagram,
                ig_user_id: Some(IG_USER.to_owned()),
                fb_page_id: None,
                graph_url: url.clone(),
            };
            let config = SourceConfig {
                graph_url: url,
                ig_user_id: Some(IG_USER.to_owned()),
                ig_token: Token::new(TOKEN),
                timing: PollTiming {
                    comments_every: Duration::from_millis(40),
                    waiting_every: Duration::from_millis(40),
                    live_check_every: Duration::from_millis(200),
                    ..PollTiming::default()
                },
                ..SourceConfig::default()
            };
            runner.connect_configured(settings, config).unwrap();
        })),
        ..Open::new(PLAN, shows)
    }
    .app();
    harness.key_press(Key::F2);
    harness.run_steps(2);
    harness.key_press(Key::D);
    harness.run_steps(2);
    assert!(harness.state().detached());
    harness
}

#[test]
fn a_saved_reply_is_sent_from_the_producers_feed() {
    let rt = server_runtime();
    let server = rt.block_on(graph_server::start(
        false,
        Box::new(|_: &mut Model, _: &Req| None),
    ));
    {
        let mut c = ig_comment(COMMENT, 0, Some("amy.tw"), json!({"id": "1"}));
        c["timestamp"] = json!(
            chrono::Utc::now()
                .format("%Y-%m-%dT%H:%M:%S+0000")
                .to_string()
        );
        c["text"] = json!("請問運費怎麼算？");
        server.model.lock().unwrap().comments = vec![c];
    }
    let dir = tempfile::tempdir().unwrap();
    let mut harness = producer_app(&server, &dir.path().join("shows"));
    until(&mut harness, "the comment", |h| {
        h.state().live().session().comments().len() == 1
    });

    // The comment's menu in the producer's feed (not the host window's feed).
    let host = harness
        .get(By::new().role(Role::Window).label("livecue — host screen"))
        .rect();
    harness
        .get_all(By::new().role(Role::Label).label("請問運費怎麼算？"))
        .find(|n| !host.contains_rect(n.rect()))
        .expect("in the producer's feed")
        .click_secondary();
    harness.run_steps(2);
    press(&mut harness, "Reply privately…");
    assert!(
        harness
            .query_by_label("Reply privately to amy.tw")
            .is_some()
    );
    assert!(
        harness
            .query(By::new().label_contains("Meta does not allow hiding or deleting Instagram"))
            .is_some(),
        "Instagram offers no hiding, and the dialog says so"
    );
    assert!(harness.query_by_label("Hide on Facebook").is_none());

    // Pick the second saved reply, then send.
    harness
        .get(By::new().label_contains("Thank you amy.tw!"))
        .click_accesskit();
    harness.run_steps(2);
    press(&mut harness, "Send reply");
    until(&mut harness, "Meta's answer", |h| {
        h.state()
            .live()
            .session()
            .private_replies()
            .result(COMMENT)
            .is_some()
    });
    harness.run_steps(2);
    assert!(harness.query_by_label("Sent (thanks).").is_some());

    let posts: Vec<Req> = server.requests().into_iter().filter(Req::is_post).collect();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].path, format!("/v26.0/{IG_USER}/messages"));
    assert_eq!(
        posts[0].body,
        Some(json!({"recipient": {"comment_id": COMMENT},
            "message": {"text": "Thank you amy.tw!"}}))
    );

    // A second try is refused in the dialog, next to the buttons; nothing more is sent.
    press(&mut harness, "Send reply");
    assert!(
        harness
            .query(By::new().label_contains("was already answered privately"))
            .is_some()
    );
    assert_eq!(server.requests().iter().filter(|r| r.is_post()).count(), 1);

    harness.state().live().sync_journal();
    let journal = harness.state().live().journal_path().unwrap();
    let events = read_journal(&journal).unwrap().events;
    assert!(events.iter().any(|e| matches!(e,
        Event::PrivateReply { comment_id, template, result: ReplyResult::Sent, .. }
            if comment_id == COMMENT && template.as_deref() == Some("thanks"))));
    press(&mut harness, "Close");
    assert!(
        harness
            .query_by_label("Reply privately to amy.tw")
            .is_none()
    );
}
