//! A scripted Graph API server on 127.0.0.1 for source tests.
//!
//! It serves the documented shapes (see shared fixtures): `live_media`, a Page's
//! `live_videos`, a live video's `status` (a string, or an object), and comment pages
//! newest first with `paging.next`. Comments of an Instagram live can only be read
//! while it runs (as Meta documents); a Facebook live's stay readable on its video.
//! Comments can be scheduled to appear at a time. A per-test hook sees every request
//! first; it can change the broadcast over time or answer itself (an error, a usage
//! header). Requests are logged with tokio's clock, which the tests pause, so spacing
//! is measured in simulated time.
//!
//! For accounts and replies it also serves `/me`, `/me/accounts` (the Pages of
//! [`Model::pages`], each with its Page token and linked Instagram account),
//! `/me/permissions` ([`Model::granted`] and [`Model::declined`]), private replies
//! (`POST /{account}/messages`: one per comment, an Instagram live's only while it
//! runs) and hiding a comment (`POST /{comment-id}` with `is_hidden`). POST bodies are
//! logged as JSON.

#![allow(dead_code)] // each test file uses part of it

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use tokio::time::Instant;

/// The Instagram live media the server reports.
pub const MEDIA: &str = "17890455012345678";
/// The Instagram user.
pub const IG_USER: &str = "17841400008460056";
/// The Facebook live video.
pub const FB_VIDEO: &str = "1234567890";
/// The Facebook Page whose live video that is.
pub const FB_PAGE: &str = "104000000000001";

/// One request as the server saw it.
#[derive(Clone, Debug)]
pub struct Req {
    /// Simulated time since the server started.
    pub at: Duration,
    pub path: String,
    pub query: HashMap<String, String>,
    /// `GET` or `POST`.
    pub method: String,
    /// A POST's JSON body.
    pub body: Option<Value>,
    /// For comment requests: which poll (first pages counted from 1).
    pub poll: usize,
}

impl Req {
    pub fn is_comments(&self) -> bool {
        self.method == "GET" && self.path.ends_with("/comments")
    }
    pub fn is_first_page(&self) -> bool {
        self.is_comments() && !self.query.contains_key("after")
    }
    pub fn is_check(&self) -> bool {
        !self.is_comments() && self.method == "GET" && !self.path.starts_with("/v26.0/me")
    }
    pub fn is_post(&self) -> bool {
        self.method == "POST"
    }
    pub fn is_page_live_videos(&self) -> bool {
        self.path.ends_with("/live_videos")
    }
}

/// A reply the hook chooses instead of the model's.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn error(status: u16, body: &str) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: body.to_owned(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Live {
    NotYet,
    OnAir,
    Over,
}

/// The fake platform's state.
pub struct Model {
    pub port: u16,
    pub live: Live,
    /// Oldest first; served newest first.
    pub comments: Vec<Value>,
    pub page_size: usize,
    /// Headers added to the next model reply, then cleared.
    pub headers_once: Vec<(String, String)>,
    /// Facebook `status` values by broadcast state.
    pub facebook: bool,
    /// Facebook `status` as an object (`{"video_status": "live"}`) instead of a string.
    pub status_object: bool,
    /// Comments still to be posted, oldest first: each appears once the server's clock
    /// reaches its time.
    pub scheduled: Vec<(Duration, Value)>,
    /// `/me/accounts`' entries (`id`, `name`, `access_token`,
    /// `instagram_business_account`).
    pub pages: Vec<Value>,
    /// Permissions `/me/permissions` lists as granted, and as declined.
    pub granted: Vec<String>,
    pub declined: Vec<String>,
    /// Comments that had their one private reply.
    pub replied: Vec<String>,
    /// Comments hidden.
    pub hidden: Vec<String>,
}

pub type Hook = Box<dyn FnMut(&mut Model, &Req) -> Option<Reply> + Send>;

pub struct Server {
    pub addr: SocketAddr,
    pub log: Arc<Mutex<Vec<Req>>>,
    pub model: Arc<Mutex<Model>>,
}

impl Server {
    pub fn url(&self) -> String {
        format!("http://{}/v26.0", self.addr)
    }

    pub fn requests(&self) -> Vec<Req> {
        self.log.lock().unwrap().clone()
    }

    /// Every comment id the server has put on a page, in the order first served.
    pub fn served_ids(&self) -> Vec<String> {
        let m = self.model.lock().unwrap();
        m.comments
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect()
    }

    /// Start times of the polls (first-page comment requests).
    pub fn poll_times(&self) -> Vec<Duration> {
        self.requests()
            .iter()
            .filter(|r| r.is_first_page())
            .map(|r| r.at)
            .collect()
    }
}

/// Starts the server on 127.0.0.1:0 in the current runtime.
pub async fn start(facebook: bool, hook: Hook) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let model = Arc::new(Mutex::new(Model {
        port: addr.port(),
        live: Live::OnAir,
        comments: Vec::new(),
        page_size: 3,
        headers_once: Vec::new(),
        facebook,
        status_object: false,
        scheduled: Vec::new(),
        pages: vec![sunrise_page()],
        granted: [
            "instagram_basic",
            "pages_show_list",
            "pages_read_engagement",
            "pages_read_user_content",
            "instagram_manage_messages",
        ]
        .map(String::from)
        .to_vec(),
        declined: vec!["instagram_manage_comments".to_owned()],
        replied: Vec::new(),
        hidden: Vec::new(),
    }));
    let log = Arc::new(Mutex::new(Vec::new()));
    let hook = Arc::new(Mutex::new(hook));
    let started = Instant::now();
    let polls = Arc::new(Mutex::new(0usize));
    {
        let (model, log) = (model.clone(), log.clone());
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let (model, log, hook, polls) =
                    (model.clone(), log.clone(), hook.clone(), polls.clone());
                let service = service_fn(move |req: Request<hyper::body::Incoming>| {
                    let (model, log, hook, polls) =
                        (model.clone(), log.clone(), hook.clone(), polls.clone());
                    async move {
                        let (parts, body) = req.into_parts();
                        let bytes = body
                            .collect()
                            .await
                            .map(|b| b.to_bytes())
                            .unwrap_or_default();
                        let path = parts.uri.path().to_owned();
                        let query: HashMap<String, String> = parts
                            .uri
                            .query()
                            .unwrap_or("")
                            .split('&')
                            .filter(|kv| !kv.is_empty())
                            .map(|kv| {
                                let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                                (decode(k), decode(v))
                            })
                            .collect();
                        let mut r = Req {
                            at: started.elapsed(),
                            path,
                            query,
                            method: parts.method.as_str().to_owned(),
                            body: serde_json::from_slice(&bytes).ok(),
                            poll: 0,
                        };
                        if r.is_first_page() {
                            let mut p = polls.lock().unwrap();
                            *p += 1;
                            r.poll = *p;
                        } else if r.is_comments() {
                            r.poll = *polls.lock().unwrap();
                        }
                        log.lock().unwrap().push(r.clone());
                        let reply = {
                            let mut m = model.lock().unwrap();
                            let due = m.scheduled.iter().take_while(|(at, _)| *at <= r.at).count();
                            let posted: Vec<Value> =
                                m.scheduled.drain(..due).map(|(_, c)| c).collect();
                            m.comments.extend(posted);
                            let custom = (hook.lock().unwrap())(&mut m, &r);
                            custom.unwrap_or_else(|| serve(&mut m, &r))
                        };
                        let mut resp = Response::builder().status(reply.status);
                        for (k, v) in &reply.headers {
                            resp = resp.header(k, v);
                        }
                        let resp = resp
                            .header("content-type", "application/json")
                            .body(Full::new(Bytes::from(reply.body)))
                            .unwrap();
                        Ok::<_, Infallible>(resp)
                    }
                });
                tokio::spawn(async move {
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
    }
    Server { addr, log, model }
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

/// The Page the tests' host manages, with its Page token and linked Instagram account.
pub const PAGE_TOKEN: &str = "EAApageTOKENfor104";

pub fn sunrise_page() -> Value {
    json!({
        "id": FB_PAGE,
        "name": "Sunrise Skincare",
        "access_token": PAGE_TOKEN,
        "category": "Beauty",
        "instagram_business_account": {"id": IG_USER, "username": "sunrise.skincare.tw"},
    })
}

/// A Graph error body.
pub fn graph_error(status: u16, code: i64, message: &str) -> Reply {
    Reply::error(
        status,
        &json!({"error": {"message": message, "type": "OAuthException", "code": code}}).to_string(),
    )
}

/// What the model answers to accounts, permissions, replies and hiding; `None` for the
/// rest.
fn serve_account(m: &mut Model, r: &Req) -> Option<Reply> {
    let ok = |body: Value| Reply {
        status: 200,
        headers: Vec::new(),
        body: body.to_string(),
    };
    if r.method == "GET" {
        return match r.path.as_str() {
            "/v26.0/me" => Some(ok(json!({"id": "10200000001", "name": "Mei Lin"}))),
            "/v26.0/me/accounts" => Some(ok(json!({"data": m.pages, "paging": {
                "cursors": {"before": "QVFI", "after": "QVFJ"}}}))),
            "/v26.0/me/permissions" => {
                let data: Vec<Value> = m
                    .granted
                    .iter()
                    .map(|p| json!({"permission": p, "status": "granted"}))
                    .chain(
                        m.declined
                            .iter()
                            .map(|p| json!({"permission": p, "status": "declined"})),
                    )
                    .collect();
                Some(ok(json!({ "data": data })))
            }
            _ => None,
        };
    }
    if r.path.ends_with("/messages") {
        let account = r
            .path
            .trim_start_matches("/v26.0/")
            .trim_end_matches("/messages");
        let body = r.body.clone().unwrap_or_default();
        let Some(comment) = body
            .pointer("/recipient/comment_id")
            .and_then(Value::as_str)
        else {
            return Some(graph_error(
                400,
                100,
                "(#100) The parameter recipient is required",
            ));
        };
        if body
            .pointer("/message/text")
            .and_then(Value::as_str)
            .is_none()
        {
            return Some(graph_error(
                400,
                100,
                "(#100) The parameter message is required",
            ));
        }
        let permission = if account == IG_USER {
            "instagram_manage_messages"
        } else {
            "pages_messaging"
        };
        if !m.granted.iter().any(|g| g == permission) {
            return Some(graph_error(
                403,
                10,
                &format!("(#10) This action requires the {permission} permission"),
            ));
        }
        if account == IG_USER && !m.facebook && m.live == Live::Over {
            return Some(graph_error(
                400,
                10903,
                "This activity cannot be replied to",
            ));
        }
        if m.replied.iter().any(|c| c == comment) {
            return Some(graph_error(400, 10900, "Activity already replied to"));
        }
        m.replied.push(comment.to_owned());
        let recipient = if account == IG_USER {
            "IGSID-1"
        } else {
            "PSID-1"
        };
        return Some(ok(json!({"recipient_id": recipient, "message_id": "m_1"})));
    }
    let id = r.path.trim_start_matches("/v26.0/").to_owned();
    if r.body.as_ref().and_then(|b| b.get("is_hidden")) == Some(&json!(true)) {
        m.hidden.push(id);
        return Some(ok(json!({"success": true})));
    }
    None
}

/// What the model answers.
fn serve(m: &mut Model, r: &Req) -> Reply {
    if let Some(reply) = serve_account(m, r) {
        return reply;
    }
    let headers = std::mem::take(&mut m.headers_once);
    let body = if r.path.ends_with("/live_media") {
        match m.live {
            Live::OnAir => json!({"data": [{
                "id": MEDIA, "media_type": "BROADCAST", "media_product_type": "LIVE",
                "timestamp": "2026-11-21T12:00:04+0000"}]}),
            Live::NotYet | Live::Over => json!({"data": []}),
        }
    } else if r.is_page_live_videos() {
        // Asked for `broadcast_status=["LIVE"]`: only a video broadcasting now.
        assert_eq!(
            r.query.get("broadcast_status").map(String::as_str),
            Some(r#"["LIVE"]"#)
        );
        match m.live {
            Live::OnAir => json!({"data": [{"id": FB_VIDEO, "status": "LIVE"}]}),
            Live::NotYet | Live::Over => json!({"data": []}),
        }
    } else if r.is_comments() && !m.facebook && m.live == Live::Over {
        // An Instagram live's comments go with it.
        return Reply::error(
            400,
            &format!(
                r#"{{"error":{{"message":"Unsupported get request. Object with ID '{MEDIA}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.","type":"GraphMethodException","code":100,"error_subcode":33}}}}"#
            ),
        );
    } else if r.is_comments() {
        let offset: usize = r.query.get("after").map_or(0, |a| a.parse().unwrap());
        let newest_first: Vec<&Value> = m.comments.iter().rev().collect();
        let page: Vec<&Value> = newest_first
            .iter()
            .skip(offset)
            .take(m.page_size)
            .copied()
            .collect();
        let end = offset + m.page_size;
        let mut paging =
            json!({"cursors": {"before": format!("{offset}"), "after": format!("{end}")}});
        if end < newest_first.len() {
            let object = r.path.rsplit('/').nth(1).unwrap();
            // Real next URLs carry a version of their own and the token; the client
            // must send its own token, never this one.
            paging["next"] = json!(format!(
                "http://127.0.0.1:{}/v21.0/{object}/comments?fields={}&limit={}&after={end}&access_token=stale-token-from-next",
                m.port,
                r.query.get("fields").cloned().unwrap_or_default(),
                m.page_size
            ));
        }
        json!({"data": page, "paging": paging})
    } else if m.facebook {
        let status = match m.live {
            Live::NotYet => "SCHEDULED_UNPUBLISHED",
            Live::OnAir => "LIVE",
            Live::Over => "LIVE_STOPPED",
        };
        if m.status_object {
            json!({"status": {"video_status": status.to_lowercase(), "processing_progress": 100}, "id": FB_VIDEO})
        } else {
            json!({"status": status, "id": FB_VIDEO})
        }
    } else {
        return Reply::error(
            400,
            r#"{"error":{"message":"Unsupported get request.","type":"GraphMethodException","code":100}}"#,
        );
    };
    Reply {
        status: 200,
        headers,
        body: body.to_string(),
    }
}

/// `count` comments spread evenly over `over`, the first at zero, each made by `make`
/// from its number (from 1) and second of posting, for [`Model::scheduled`].
pub fn spread(
    count: u32,
    over: Duration,
    make: impl Fn(u32, u32) -> Value,
) -> Vec<(Duration, Value)> {
    (0..count)
        .map(|i| {
            let at = over * i / count;
            (at, make(i + 1, at.as_secs() as u32))
        })
        .collect()
}

/// An Instagram comment in the documented shape; `n` seconds after 12:00:00.
pub fn ig_comment(id: &str, secs: u32, user: Option<&str>, from: Value) -> Value {
    let mut c = json!({
        "id": id,
        "text": format!("comment {id}"),
        "timestamp": format!("2026-11-21T12:{:02}:{:02}+0000", secs / 60, secs % 60),
        "from": from,
        "like_count": 0,
    });
    if let Some(u) = user {
        c["username"] = json!(u);
    }
    c
}

/// A Facebook comment in the documented shape.
pub fn fb_comment(n: u32, secs: u32, name: Option<&str>) -> Value {
    let mut c = json!({
        "created_time": format!("2026-11-21T12:{:02}:{:02}+0000", secs / 60, secs % 60),
        "message": format!("message {n}"),
        "id": format!("{FB_VIDEO}_{n}"),
    });
    if let Some(name) = name {
        c["from"] = json!({"name": name, "id": format!("1000000000{n:05}")});
    }
    c
}
