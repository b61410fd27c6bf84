//! The local API over real HTTP and WebSocket on 127.0.0.1: `livecue record --serve`
//! with a small plan and a replay, driven the way Companion, a phone or OBS would.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod api_fixture;

use std::time::{Duration, Instant};

use api_fixture::{HTML_ID, HTML_TEXT, QUESTION_ID, QUESTION_TEXT, Served};
use futures_util::StreamExt;
use livecue::questions::{FollowUpItem, QuestionKey, QuestionState};
use livecue::session::Event;
use reqwest::StatusCode;
use serde_json::Value;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

async fn json(r: reqwest::Response) -> Value {
    serde_json::from_str(&r.text().await.unwrap()).unwrap()
}

struct Api {
    served: Served,
    http: reqwest::Client,
}

impl Api {
    /// A served show whose three comments have arrived.
    async fn start() -> Self {
        let served = tokio::task::spawn_blocking(Served::start).await.unwrap();
        let api = Self {
            served,
            http: client(),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while api.state().await["comments"].as_array().unwrap().len() < 3 {
            assert!(
                Instant::now() < deadline,
                "the replay's comments never arrived"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        api
    }

    async fn state(&self) -> Value {
        let r = self
            .http
            .get(format!("{}/api/state", self.served.base))
            .bearer_auth(&self.served.token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        json(r).await
    }

    /// POSTs an action; the status and the JSON answer.
    async fn act(&self, path: &str) -> (StatusCode, Value) {
        let r = self
            .http
            .post(format!("{}/api/action/{path}", self.served.base))
            .bearer_auth(&self.served.token)
            .send()
            .await
            .unwrap();
        (r.status(), json(r).await)
    }

    /// An action that must succeed; the state it left.
    async fn ok(&self, path: &str) -> Value {
        let (status, body) = self.act(path).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
        assert_eq!(body["ok"], true);
        body["state"].clone()
    }

    fn journaled(&self, what: &str, wanted: impl Fn(&Event) -> bool) -> Event {
        self.served.wait_for_event(what, wanted)
    }
}

#[tokio::test]
async fn the_state_is_one_json_object_with_every_documented_field() {
    let api = Api::start().await;
    assert!(
        api.served.link.starts_with("serving http://127.0.0.1:"),
        "{}",
        api.served.link
    );
    let s = api.state().await;
    assert_eq!(s["title"], "API test show");
    assert_eq!(s["show"], "not_started");
    assert!(s["segment"].is_null());
    assert_eq!(s["next_segment"]["title"], "Warm-up");
    assert_eq!(s["next_segment"]["kind"], "WarmUp");
    assert_eq!(s["segment_count"], 3);
    assert_eq!(s["phase"], "idle");
    for number in [
        "time_left_secs",
        "show_clock_secs",
        "over_under_secs",
        "planned_total_secs",
        "projected_end_secs",
        "comments_per_min",
    ] {
        assert!(s[number].is_i64() || s[number].is_u64(), "{number}: {s}");
    }
    assert_eq!(s["planned_total_secs"], 3600);
    assert!(s["next_cue"].is_null() && s["active_cue"].is_null());
    assert!(s["featured"].is_null());
    // The planned question and the live one are open; the first in line is up next.
    let keys: Vec<&str> = s["queue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["key"].as_str().unwrap())
        .collect();
    assert!(
        keys.contains(&"planned:s1") && keys.contains(&"comment:c1"),
        "{keys:?}"
    );
    let live = s["queue"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["key"] == "comment:c1")
        .unwrap();
    assert_eq!(live["text"], QUESTION_TEXT);
    assert_eq!(live["askers"], serde_json::json!(["amy.tw"]));
    assert_eq!(s["up_next"]["key"], s["queue"][0]["key"]);
    assert!(s["up_next"]["askers"].is_array());
    let source = &s["sources"][0];
    assert!(
        source["name"].as_str().unwrap().starts_with("replay:"),
        "{s}"
    );
    assert!(source["status"].is_string() && source["current"] == true);
    assert_eq!(s["comments_per_min"], 3);
    let html = s["comments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == HTML_ID)
        .unwrap();
    assert_eq!(html["text"], HTML_TEXT);
    assert_eq!(html["user"], "mallory");
}

#[tokio::test]
async fn each_action_changes_the_state_and_is_journaled() {
    let api = Api::start().await;

    let s = api.ok("start").await;
    assert_eq!(s["show"], "running");
    assert_eq!(s["segment"]["index"], 0);
    assert_eq!(s["phase"], "running");
    api.journaled("show_started", |e| matches!(e, Event::ShowStarted { .. }));

    let before = s["time_left_secs"].as_i64().unwrap();
    let s = api.ok("add_time?secs=60").await;
    assert!(s["time_left_secs"].as_i64().unwrap() >= before + 59, "{s}");
    api.journaled("time_adjusted", |e| {
        matches!(
            e,
            Event::TimeAdjusted {
                delta_ms: 60_000,
                ..
            }
        )
    });

    // Plain GET presses too (Companion's and vMix's generic HTTP buttons).
    let r = api
        .http
        .get(format!(
            "{}/api/action/next_segment?token={}",
            api.served.base, api.served.token
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let s = api.state().await;
    assert_eq!(s["segment"]["title"], "Chat and questions");
    assert_eq!(s["active_cue"]["text"], "Pin the shop link");
    api.journaled("segment_started 1", |e| {
        matches!(e, Event::SegmentStarted { index: 1, .. })
    });

    let s = api.ok("dismiss_cue").await;
    assert!(s["active_cue"].is_null());
    api.journaled("cue_dismissed", |e| matches!(e, Event::CueDismissed { .. }));

    let s = api.ok("previous_segment").await;
    assert_eq!(s["segment"]["index"], 0);
    api.journaled("segment_started 0 resumed", |e| {
        matches!(
            e,
            Event::SegmentStarted {
                index: 0,
                resume: true,
                ..
            }
        )
    });
    let s = api.ok("next_segment").await;
    assert_eq!(s["segment"]["index"], 1);

    let up_next = s["up_next"]["key"].as_str().unwrap().to_owned();
    let s = api.ok("feature_question").await;
    assert_eq!(s["featured"]["kind"], "question");
    assert_eq!(s["featured"]["id"], up_next);
    api.journaled("featured question", |e| {
        matches!(
            e,
            Event::Featured {
                item: Some(FollowUpItem::Question(_)),
                ..
            }
        )
    });

    let s = api.ok("feature_comment?id=c3").await;
    assert_eq!(s["featured"]["kind"], "comment");
    assert_eq!(s["featured"]["text"], "今天的燈光好好看");
    assert_eq!(s["featured"]["askers"], serde_json::json!(["ben"]));
    api.journaled("featured comment", |e| {
        matches!(e, Event::Featured { item: Some(FollowUpItem::Comment(id)), .. } if id == "c3")
    });

    let s = api.ok("clear_featured").await;
    assert!(s["featured"].is_null());
    api.journaled("featured cleared", |e| {
        matches!(e, Event::Featured { item: None, .. })
    });

    let s = api.ok("answered?question=planned:s1").await;
    assert!(
        s["queue"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["key"] != "planned:s1"),
        "{s}"
    );
    api.journaled("answered", |e| {
        matches!(e, Event::QuestionStateChanged { question: QuestionKey::Planned(id), state: QuestionState::Answered, .. } if id == "s1")
    });

    let s = api
        .ok(&format!("skip?question=comment:{QUESTION_ID}"))
        .await;
    assert!(s["up_next"].is_null(), "{s}");
    api.journaled("skipped", |e| {
        matches!(
            e,
            Event::QuestionStateChanged {
                state: QuestionState::Skipped,
                ..
            }
        )
    });

    let s = api.ok("promote_comment?id=c3").await;
    assert_eq!(s["up_next"]["key"], "comment:c3");
    api.journaled(
        "question_added",
        |e| matches!(e, Event::QuestionAdded { comment_id, .. } if comment_id == "c3"),
    );

    // The up-next question, answered without naming it (the host's A).
    let s = api.ok("answered").await;
    assert!(s["up_next"].is_null(), "{s}");

    let s = api.ok("end_show").await;
    assert_eq!(s["show"], "ended");
    api.journaled("show_ended", |e| matches!(e, Event::ShowEnded { .. }));

    // The token reaches neither the journal nor anything printed.
    let journal = std::fs::read_to_string(api.served.out.join("journal.jsonl")).unwrap();
    assert!(journal.contains("show_ended"), "the journal was read");
    assert!(!journal.contains(&api.served.token));
    let printed = api.served.printed();
    assert!(!printed.contains(&api.served.token), "{printed}");
}

#[tokio::test]
async fn requests_without_the_token_get_401_and_change_nothing() {
    let api = Api::start().await;
    let base = &api.served.base;
    for path in ["/api/state", "/producer", "/overlay", "/timer", "/ws", "/"] {
        let r = api.http.get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{path}");
    }
    let r = api
        .http
        .post(format!("{base}/api/action/start"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let body = json(r).await;
    assert!(body["error"].as_str().unwrap().contains("token"));

    // Wrong tokens: 401, then, past ten a minute from one address, 429.
    let mut statuses = Vec::new();
    for i in 0..12 {
        let r = api
            .http
            .post(format!("{base}/api/action/start"))
            .bearer_auth(format!("wrong{i}"))
            .send()
            .await
            .unwrap();
        statuses.push(r.status().as_u16());
    }
    assert_eq!(&statuses[..10], &[401; 10]);
    assert_eq!(&statuses[10..], &[429, 429]);
    // The right token still gets in, and nothing above started the show.
    assert_eq!(api.state().await["show"], "not_started");
    assert!(
        !api.served
            .events()
            .iter()
            .any(|e| matches!(e, Event::ShowStarted { .. }))
    );
}

#[tokio::test]
async fn unknown_actions_bad_parameters_and_actions_that_do_not_apply_change_nothing() {
    let api = Api::start().await;

    let (status, body) = api.act("launch_rocket").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body["error"].as_str().unwrap().contains("launch_rocket"));
    let actions: Vec<&str> = body["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    for name in [
        "start",
        "next_segment",
        "add_time",
        "feature_comment",
        "end_show",
    ] {
        assert!(actions.contains(&name), "{actions:?}");
    }

    let (status, body) = api.act("add_time?secs=lots").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["error"].as_str().unwrap().contains("whole number"),
        "{body}"
    );
    let (status, body) = api.act("feature_comment").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"].as_str().unwrap().contains("?id="), "{body}");
    let (status, _) = api.act("answered?question=nonsense").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let (status, body) = api.act("next_segment").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body["error"].as_str().unwrap().contains("not started"),
        "{body}"
    );
    let (status, body) = api.act("feature_comment?id=nope").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body["error"].as_str().unwrap().contains("nope"), "{body}");
    assert_eq!(api.state().await["show"], "not_started");

    api.ok("start").await;
    api.ok("next_segment").await;
    api.ok("next_segment").await;
    api.journaled("segment_started 2", |e| {
        matches!(e, Event::SegmentStarted { index: 2, .. })
    });
    let events = api.served.events().len();
    let (status, body) = api.act("next_segment").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body["error"].as_str().unwrap().contains("last"), "{body}");
    let (status, body) = api.act("start").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body["error"].as_str().unwrap().contains("already started"),
        "{body}"
    );
    let (status, _) = api.act("clear_featured").await;
    assert_eq!(status, StatusCode::CONFLICT);
    let s = api.state().await;
    assert_eq!(s["segment"]["index"], 2);
    // Give the journal writer its interval: nothing more arrives.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(api.served.events().len(), events);

    // Only the embedded pages are served: no path reaches a file.
    for path in [
        "/Cargo.toml",
        "/assets/web/producer.html",
        "/../Cargo.toml",
        "/src/main.rs",
    ] {
        let r = api
            .http
            .get(format!("{}{path}", api.served.base))
            .bearer_auth(&api.served.token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn the_websocket_sends_the_state_on_connect_and_a_change_within_200_ms() {
    let api = Api::start().await;
    let ws_url = api.served.base.replace("http://", "ws://") + "/ws";
    let mut request = ws_url.as_str().into_client_request().unwrap();
    request.headers_mut().insert(
        "authorization",
        format!("Bearer {}", api.served.token).parse().unwrap(),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    let next_state = |msg: tokio_tungstenite::tungstenite::Message| -> Value {
        serde_json::from_str(msg.to_text().unwrap()).unwrap()
    };
    let first = next_state(socket.next().await.unwrap().unwrap());
    assert_eq!(first["show"], "not_started");

    let pressed = Instant::now();
    let http = api.http.clone();
    let url = format!("{}/api/action/start", api.served.base);
    let token = api.served.token.clone();
    let press = tokio::spawn(async move { http.post(url).bearer_auth(token).send().await });
    let seen = loop {
        let state = next_state(socket.next().await.unwrap().unwrap());
        if state["show"] == "running" {
            break pressed.elapsed();
        }
    };
    assert_eq!(press.await.unwrap().unwrap().status(), StatusCode::OK);
    assert!(
        seen < Duration::from_millis(200),
        "the change came {seen:?} after the action"
    );

    // While the clock runs, a new state comes every second without any action.
    let a = next_state(socket.next().await.unwrap().unwrap());
    let b = next_state(socket.next().await.unwrap().unwrap());
    assert_ne!(a["time_left_secs"], b["time_left_secs"]);

    // A page of another site cannot open it, even with the token.
    let mut foreign = ws_url.as_str().into_client_request().unwrap();
    foreign.headers_mut().insert(
        "authorization",
        format!("Bearer {}", api.served.token).parse().unwrap(),
    );
    foreign
        .headers_mut()
        .insert("origin", "http://evil.example".parse().unwrap());
    let refused = tokio_tungstenite::connect_async(foreign).await.unwrap_err();
    assert!(refused.to_string().contains("403"), "{refused}");
    // Nor can anyone without it.
    let refused = tokio_tungstenite::connect_async(ws_url.as_str())
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("401"), "{refused}");
}

#[tokio::test]
async fn a_comment_with_markup_comes_back_escaped_on_the_producer_page() {
    let api = Api::start().await;
    let r = api
        .http
        .get(format!(
            "{}/producer?token={}",
            api.served.base, api.served.token
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let cookie = r
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert_eq!(r.headers()["referrer-policy"], "no-referrer");
    assert!(
        r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    let page = r.text().await.unwrap();
    // The comment is in the page, but only as escaped JSON inside the state script.
    assert!(
        page.contains("\\u003cimg src=x onerror="),
        "the comment is not in the page"
    );
    assert!(
        !page.contains("<img src=x"),
        "the comment's markup reached the page as markup"
    );
    assert!(
        page.contains(QUESTION_TEXT),
        "the Chinese question is not in the page"
    );

    // The cookie alone signs the page's own requests in.
    let value = cookie.split(';').next().unwrap().to_owned();
    let r = api
        .http
        .get(format!("{}/api/state", api.served.base))
        .header("cookie", value)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}
