//! The source form's "Find my accounts", through the real app with egui_kittest: the
//! Pages and linked Instagram accounts the connected source's token reaches, listed
//! from a scripted Graph API on 127.0.0.1 and picked by click, so no one types an id.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod app_fixture;
mod graph_server;

use std::time::{Duration, Instant};

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use graph_server::{FB_PAGE, IG_USER, Model, PAGE_TOKEN, Req};
use livecue::sources::{SourceConfig, SourceSettings, SourceSpec, Token};
use livecue::ui::LivecueApp;

use app_fixture::Open;

const TOKEN: &str = "EAAformACCOUNTStoken9";

const PLAN: &str = r#"(
    title: "Accounts test",
    goal: (kind: Sales, summary: "sell"),
    segments: [(title: "Main", kind: Content, duration: "60m")],
)"#;

fn press(harness: &mut Harness<'static, LivecueApp>, label: &str) {
    harness
        .get(By::new().role(Role::Button).label(label))
        .click_accesskit();
    harness.run_steps(4);
}

#[test]
fn find_my_accounts_lists_the_page_and_instagram_account_and_a_click_fills_the_form() {
    let rt = tokio::runtime::Runtime::new().unwrap();
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
                ig_user_id: Some("17841499999999999".to_owned()),
                fb_page_id: None,
                graph_url: url.clone(),
            };
            let config = SourceConfig {
                graph_url: url,
                ig_user_id: Some("17841499999999999".to_owned()),
                ig_token: Token::new(TOKEN),
                ..SourceConfig::default()
            };
            runner.connect_configured(settings, config).unwrap();
        })),
        ..Open::new(PLAN, &dir.path().join("shows"))
    }
    .app();
    harness.key_press(Key::F2);
    harness.run_steps(2);
    harness.key_press(Key::O);
    harness.run_steps(4);
    press(&mut harness, "Find my accounts");
    let instagram = format!("Instagram: @sunrise.skincare.tw ({IG_USER})");
    let deadline = Instant::now() + Duration::from_secs(10);
    while harness.query_by_label(&instagram).is_none() {
        assert!(Instant::now() < deadline, "the accounts were not listed");
        harness.run_steps(2);
        std::thread::sleep(Duration::from_millis(20));
    }
    let page = format!("Facebook: Sunrise Skincare ({FB_PAGE})");
    assert!(harness.query_by_label(&page).is_some());
    // The server's token lacks instagram_manage_comments: the form says so.
    assert!(
        harness
            .query(
                By::new().label_contains("instagram source still lacks instagram_manage_comments")
            )
            .is_some()
    );
    // Never the Page's token, anywhere on screen.
    assert!(
        harness
            .query(By::new().label_contains(PAGE_TOKEN))
            .is_none()
    );

    // A click fills the form: the source and the id.
    // (A text field and its text both carry the value.)
    let shows = |h: &Harness<'static, LivecueApp>, value: &str| {
        h.query_all(By::new().value(value)).next().is_some()
    };
    assert!(shows(&harness, "17841499999999999"));
    press(&mut harness, &instagram);
    assert!(shows(&harness, IG_USER));
    assert!(!shows(&harness, "17841499999999999"));
    press(&mut harness, &page);
    assert!(shows(&harness, "facebook"));
    assert!(shows(&harness, FB_PAGE));

    // Asked with the connected source's token.
    let listing = server
        .requests()
        .into_iter()
        .find(|r| r.path == "/v26.0/me/accounts")
        .expect("asked for /me/accounts");
    assert_eq!(listing.query["access_token"], TOKEN);
}
