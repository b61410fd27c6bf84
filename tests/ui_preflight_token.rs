//! The comment source's token as a pre-flight row, through the real app with
//! egui_kittest: checked off the UI thread against a scripted Graph API on 127.0.0.1
//! for an Instagram source, and no row at all for a replay. (The row's marks are
//! tested in `preflight::token`.)

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod app_fixture;
mod graph_server;

use egui_kittest::kittest::{By, Queryable};
use graph_server::{IG_USER, Model, Req};
use livecue::preflight::{Check, Mark, assess_with_token};
use livecue::sources::{SourceConfig, SourceSettings, SourceSpec, Token};
use livecue::ui::Screen;

use app_fixture::{Open, until};

const TOKEN: &str = "EAApreflightTOKEN55";

const PLAN: &str = r#"(
    title: "Token row test",
    goal: (kind: Sales, summary: "sell"),
    segments: [(title: "Main", kind: Content, duration: "60m")],
)"#;

#[test]
fn an_instagram_token_missing_a_permission_is_a_row_naming_it() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    // The server's token grants all but instagram_manage_comments, and is not live.
    let server = rt.block_on(graph_server::start(
        false,
        Box::new(|m: &mut Model, _: &Req| {
            m.live = graph_server::Live::NotYet;
            None
        }),
    ));
    let url = server.url();
    let dir = tempfile::tempdir().unwrap();
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
                ..SourceConfig::default()
            };
            runner.connect_configured(settings, config).unwrap();
        })),
        ..Open::new(PLAN, &dir.path().join("shows"))
    }
    .app();
    assert_eq!(harness.state().screen(), Screen::Preflight);
    until(&mut harness, "the token check", |h| {
        h.query_by_label("missing instagram_manage_comments")
            .is_some()
    });
    assert!(harness.query_by_label("Instagram token").is_some());
    assert!(
        harness
            .query(By::new().label_contains("livecue login instagram"))
            .is_some(),
        "says how to get a token that grants it"
    );
    // It was asked with the source's token, for whom it speaks and what it grants.
    let asked: Vec<String> = server.requests().iter().map(|r| r.path.clone()).collect();
    assert!(
        asked.contains(&"/v26.0/me/permissions".to_owned()),
        "{asked:?}"
    );
    assert!(
        server
            .requests()
            .iter()
            .all(|r| r.query.get("access_token").map(String::as_str) == Some(TOKEN))
    );
}

#[test]
fn a_replay_source_has_no_token_row() {
    let dir = tempfile::tempdir().unwrap();
    let comments = dir.path().join("comments.jsonl");
    std::fs::write(
        &comments,
        "{\"id\": \"c1\", \"user\": \"amy.tw\", \"text\": \"hi\", \"ts\": \"2026-11-21T12:03:05Z\"}\n",
    )
    .unwrap();
    let spec: SourceSpec = format!("replay:{}", comments.display()).parse().unwrap();
    let mut harness = Open {
        prepare: Some(Box::new(move |runner| {
            runner.connect(SourceSettings::new(spec)).unwrap();
        })),
        ..Open::new(PLAN, &dir.path().join("shows"))
    }
    .app();
    harness.run_steps(4);
    assert_eq!(harness.state().screen(), Screen::Preflight);
    assert!(harness.query_by_label("Comment source").is_none());
    assert!(harness.query(By::new().label_contains("token")).is_none());
    let plan = livecue::plan::parse(PLAN, "t").unwrap();
    let log = harness.state().live().session().preflight().clone();
    let rows = assess_with_token(&plan, &log, false, None).rows;
    assert!(rows.iter().all(|r| r.check != Check::Token));
    assert!(rows.iter().any(|r| r.mark == Mark::Open));
}
