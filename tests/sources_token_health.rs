//! Token health before the show (`sources::check_token`) against a scripted Graph API
//! on 127.0.0.1: whom the token speaks for, what it can read, what is missing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod graph_server;

use graph_server::{FB_PAGE, FB_VIDEO, IG_USER, Model, Reply, Req, Server};
use livecue::sources::{
    self, OwnerKind, SourceConfig, SourceSpec, TokenCheckProblem, TokenHealth, TokenProblem,
};
use serde_json::{Value, json};

const TOKEN: &str = "EAAhealthTOKEN5566";

fn ok(body: Value) -> Option<Reply> {
    Some(Reply {
        status: 200,
        headers: Vec::new(),
        body: body.to_string(),
    })
}

fn permissions(granted: &[&str], declined: &[&str]) -> Value {
    let entry = |p: &&str, status: &str| json!({"permission": p, "status": status});
    let data: Vec<Value> = granted
        .iter()
        .map(|p| entry(p, "granted"))
        .chain(declined.iter().map(|p| entry(p, "declined")))
        .collect();
    json!({ "data": data })
}

fn config(server: &Server) -> SourceConfig {
    SourceConfig {
        graph_url: server.url(),
        ig_user_id: Some(IG_USER.to_owned()),
        fb_page_id: Some(FB_PAGE.to_owned()),
        ig_token: sources::Token::new(TOKEN),
        fb_token: sources::Token::new(TOKEN),
        ..SourceConfig::default()
    }
}

async fn check(server: &Server, spec: SourceSpec) -> TokenHealth {
    let health = sources::check_token(spec, config(server))
        .await
        .unwrap()
        .unwrap();
    let shown = format!("{health:?} {}", health.summary());
    assert!(!shown.contains(TOKEN), "{shown}");
    for r in server.requests() {
        assert_eq!(r.query.get("access_token").map(String::as_str), Some(TOKEN));
    }
    health
}

/// An Instagram user's token: the account, what it can read, what it lacks.
#[tokio::test(start_paused = true)]
async fn instagram_token_reads_the_account_and_names_a_missing_permission() {
    for declined in [&[][..], &["instagram_manage_comments"][..]] {
        let granted: Vec<&str> = [
            "instagram_basic",
            "instagram_manage_comments",
            "pages_read_engagement",
            "pages_show_list",
        ]
        .into_iter()
        .filter(|p| !declined.contains(p))
        .collect();
        let server = graph_server::start(
            false,
            Box::new(move |_: &mut Model, r: &Req| match r.path.as_str() {
                "/v26.0/me" => {
                    assert_eq!(r.query["metadata"], "1");
                    ok(json!({"id": "10200000001", "name": "Mei Lin",
                        "metadata": {"type": "user"}}))
                }
                "/v26.0/me/permissions" => ok(permissions(&granted, declined)),
                p if p == format!("/v26.0/{IG_USER}") => {
                    ok(json!({"id": IG_USER, "username": "sunrise.skincare.tw"}))
                }
                _ => None,
            }),
        )
        .await;

        let health = check(&server, SourceSpec::Instagram).await;

        let owner = health.owner.clone().unwrap();
        assert_eq!(owner.name.as_deref(), Some("Mei Lin"));
        assert_eq!(owner.kind, OwnerKind::User);
        assert_eq!(health.problem, None);
        let reads: Vec<(&str, bool, &str)> = health
            .reads
            .iter()
            .map(|r| (r.what.as_str(), r.ok, r.detail.as_str()))
            .collect();
        assert_eq!(
            reads,
            [
                ("the Instagram account @sunrise.skincare.tw", true, "found"),
                // The model's account is live; `live_media` lists it.
                ("its live broadcasts", true, "live now"),
            ]
        );
        if declined.is_empty() {
            assert!(health.is_ready(), "{health:?}");
            assert_eq!(
                health.summary(),
                "Instagram token (Mei Lin, a user): ready — reads the Instagram account \
                 @sunrise.skincare.tw, its live broadcasts"
            );
            assert!(health.advice.is_empty(), "{:?}", health.advice);
        } else {
            assert!(!health.is_ready());
            assert_eq!(health.missing, ["instagram_manage_comments"]);
            assert!(
                health
                    .summary()
                    .ends_with("not ready — reads the Instagram account @sunrise.skincare.tw, its live broadcasts; missing instagram_manage_comments"),
                "{}",
                health.summary()
            );
            assert!(health.advice[0].contains("grants instagram_manage_comments"));
            assert!(health.advice[0].contains("livecue login instagram"));
        }
    }
}

/// A Page's token for `facebook` by Page: permissions it cannot list are checked by
/// reading; a permission refused on a read is named.
#[tokio::test(start_paused = true)]
async fn page_token_is_checked_by_reading() {
    for refuse_live_videos in [false, true] {
        let server = graph_server::start(
            true,
            Box::new(move |_: &mut Model, r: &Req| match r.path.as_str() {
                "/v26.0/me" => ok(json!({"id": FB_PAGE, "name": "Sunrise Skincare",
                    "metadata": {"type": "page"}})),
                "/v26.0/me/permissions" => Some(Reply::error(
                    400,
                    r#"{"error":{"message":"(#100) Tried accessing nonexisting field (permissions) on node type (Page)","type":"OAuthException","code":100}}"#,
                )),
                p if p == format!("/v26.0/{FB_PAGE}") => {
                    ok(json!({"id": FB_PAGE, "name": "Sunrise Skincare"}))
                }
                p if refuse_live_videos && p == format!("/v26.0/{FB_PAGE}/live_videos") => {
                    Some(Reply::error(
                        403,
                        r#"{"error":{"message":"(#10) This endpoint requires the 'pages_read_engagement' permission","type":"OAuthException","code":10}}"#,
                    ))
                }
                _ => None,
            }),
        )
        .await;

        let health = check(&server, SourceSpec::FacebookPage).await;

        assert_eq!(health.owner.as_ref().unwrap().kind, OwnerKind::Page);
        assert_eq!(health.granted, None);
        assert!(
            health.advice[0].contains("could not be listed"),
            "{:?}",
            health.advice
        );
        if refuse_live_videos {
            assert!(!health.is_ready());
            assert_eq!(health.missing, ["pages_read_engagement"]);
            assert!(
                health.summary().contains(
                    "not ready — reads the Page Sunrise Skincare; missing pages_read_engagement; cannot read its live videos"
                ),
                "{}",
                health.summary()
            );
        } else {
            assert!(health.is_ready(), "{health:?}");
            assert_eq!(
                health.summary(),
                "Facebook token (Sunrise Skincare, a Page): ready — reads the Page Sunrise \
                 Skincare, its live videos"
            );
        }
    }
}

/// A user's token for a Facebook live video works, with advice to use the Page's.
#[tokio::test(start_paused = true)]
async fn a_user_token_for_facebook_is_told_to_use_the_page_token() {
    let server = graph_server::start(
        true,
        Box::new(|_: &mut Model, r: &Req| match r.path.as_str() {
            "/v26.0/me" => ok(json!({"id": "10200000001", "name": "Mei Lin",
                "metadata": {"type": "user"}})),
            "/v26.0/me/permissions" => ok(permissions(
                &["pages_read_engagement", "pages_read_user_content"],
                &[],
            )),
            _ => None,
        }),
    )
    .await;
    let spec: SourceSpec = format!("facebook:{FB_VIDEO}").parse().unwrap();

    let health = check(&server, spec).await;

    assert!(health.missing.is_empty());
    assert_eq!(health.reads[0].what, format!("the live video {FB_VIDEO}"));
    assert_eq!(health.reads[0].detail, "status LIVE");
    assert!(
        health
            .advice
            .iter()
            .any(|a| a.contains("user token") && a.contains("Page's long-lived token")),
        "{:?}",
        health.advice
    );
}

/// A refused token is said at once, by subcode, and nothing else is asked.
#[tokio::test(start_paused = true)]
async fn a_refused_token_says_why_and_stops_there() {
    let server = graph_server::start(
        false,
        Box::new(|_: &mut Model, _: &Req| {
            Some(Reply::error(
                400,
                r#"{"error":{"message":"Error validating access token: The session has been invalidated because the user changed their password.","type":"OAuthException","code":190,"error_subcode":460}}"#,
            ))
        }),
    )
    .await;

    let health = check(&server, SourceSpec::Instagram).await;

    assert!(matches!(
        &health.problem,
        Some(TokenCheckProblem::Refused { problem: TokenProblem::PasswordChanged, message })
            if message.contains("subcode 460")
    ));
    assert_eq!(
        health.summary(),
        "Instagram token refused: the Facebook account's password was changed, which ends its tokens"
    );
    assert!(
        health.advice[0].starts_with("Log in again"),
        "{:?}",
        health.advice
    );
    assert_eq!(server.requests().len(), 1);
}

/// A replay has no token; a source without one cannot be checked.
#[tokio::test]
async fn replays_need_no_check_and_a_missing_token_is_an_error() {
    let replay: SourceSpec = "replay:c.jsonl".parse().unwrap();
    assert_eq!(
        sources::check_token(replay, SourceConfig::default())
            .await
            .unwrap(),
        None
    );
    let e = sources::check_token(SourceSpec::Instagram, SourceConfig::default())
        .await
        .unwrap_err();
    assert!(e.to_string().contains("LIVECUE_IG_TOKEN"), "{e}");
}

/// The blocking form, for callers without a runtime.
#[test]
fn check_token_blocking_runs_without_a_runtime() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(graph_server::start(
        false,
        Box::new(|_: &mut Model, r: &Req| match r.path.as_str() {
            "/v26.0/me" => ok(json!({"id": "10200000001", "name": "Mei Lin"})),
            "/v26.0/me/permissions" => ok(permissions(
                &[
                    "instagram_basic",
                    "instagram_manage_comments",
                    "pages_read_engagement",
                ],
                &[],
            )),
            p if p == format!("/v26.0/{IG_USER}") => ok(json!({"id": IG_USER})),
            _ => None,
        }),
    ));
    let health = sources::check_token_blocking(SourceSpec::Instagram, config(&server))
        .unwrap()
        .unwrap();
    assert!(health.is_ready(), "{health:?}");
    assert_eq!(health.owner.unwrap().kind, OwnerKind::Unknown);
    assert_eq!(
        health.reads[0].what,
        format!("the Instagram account {IG_USER}")
    );
}
