//! Instagram and Facebook Live comments over the Graph API, by polling.
//!
//! One loop serves both platforms:
//! 1. check the broadcast (Instagram: `/{ig-user-id}/live_media`; Facebook:
//!    `/{live-video-id}?fields=status`) until it is live — `WaitingForBroadcast`;
//! 2. every `comments_every` (≈2 s), fetch the comments edge newest first and follow
//!    `paging.next` until a page holds only comments already seen (the first poll, and
//!    the poll after an interrupted one, read every page). Comments are deduplicated
//!    by id, sorted by timestamp within a poll and sent; order is never assumed;
//! 3. every `live_check_every`, check the broadcast again; once it is over, `Ended`.
//!
//! Every response's `X-App-Usage` / `X-Business-Use-Case-Usage` stretches the next
//! interval as usage rises. Errors are classified by Graph error code (never by HTTP
//! status alone): throttling → `RateLimited` then resume; transient → `Reconnecting`
//! with jittered exponential back-off; 190/102 → `TokenExpired`, stop; 10, 200–299
//! (and 100 naming a permission) → `PermissionMissing`, stop.

use std::collections::HashSet;
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::Url;
use reqwest::header::HeaderMap;
use serde::Deserialize;
use serde_json::Value;
use tokio::time::Instant;

use super::SourceState;
use super::token::{Platform, Redactor, Token};
use super::{Closed, Outbox, PollTiming, SourceConfig, SourceError, is_valid_graph_id};
use crate::comments::Comment;

/// Fields asked of each Instagram comment.
pub(crate) const IG_COMMENT_FIELDS: &str = "id,text,timestamp,username,from,like_count";
/// Fields asked of each Facebook comment.
pub(crate) const FB_COMMENT_FIELDS: &str = "created_time,from,message,id";

/// An HTTP client bound to one base URL and one token.
pub(crate) struct Client {
    http: reqwest::Client,
    base: Url,
    token: Token,
    redactor: Redactor,
}

impl Client {
    pub(crate) fn new(base: &str, token: Token, timing: &PollTiming) -> Result<Self, SourceError> {
        let bad = |why: &str| SourceError::BadGraphUrl(super::redact_url(base), why.to_owned());
        let mut base_url = Url::parse(base.trim()).map_err(|e| bad(&e.to_string()))?;
        if !matches!(base_url.scheme(), "http" | "https") || base_url.cannot_be_a_base() {
            return Err(bad("not an http(s) URL"));
        }
        if base_url.query().is_some() || base_url.fragment().is_some() {
            return Err(bad("give the base URL without a query"));
        }
        if let Ok(mut segments) = base_url.path_segments_mut() {
            segments.pop_if_empty();
        }
        // One TLS stack, rustls with ring; a provider installed earlier wins.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .timeout(timing.request_timeout)
            .connect_timeout(timing.request_timeout)
            // A redirect could carry the token's query to another host.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("livecue/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SourceError::Http(describe_reqwest(&e)))?;
        Ok(Self {
            http,
            base: base_url,
            redactor: Redactor::new([token.clone()]),
            token,
        })
    }

    /// `base/segment/...?query`.
    fn endpoint(&self, segments: &[&str], query: &[(&str, &str)]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.extend(segments);
        }
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        url
    }

    /// The `paging.next` URL to request, if it stays on the configured host; any
    /// `access_token` in it is dropped (ours is added when sending).
    fn follow(&self, next: &str) -> Result<Url, String> {
        let mut url =
            Url::parse(next).map_err(|e| format!("unusable paging.next ({e}); stopped paging"))?;
        if url.origin() != self.base.origin() {
            return Err(format!(
                "paging.next points to {}, not the configured Graph API host; stopped paging",
                url.origin().ascii_serialization()
            ));
        }
        let kept: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(k, _)| k != "access_token")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            url.set_query(None);
        } else {
            url.query_pairs_mut().clear().extend_pairs(kept);
        }
        url.set_fragment(None);
        Ok(url)
    }

    fn scrub(&self, text: &str) -> String {
        self.redactor.scrub(text)
    }

    /// One GET with the token; a JSON body and the usage headers, or a classified error.
    async fn get(&self, mut url: Url) -> Result<Reply, GraphError> {
        url.query_pairs_mut()
            .append_pair("access_token", self.token.expose_secret());
        let resp = match self.http.get(url).send().await {
            Ok(r) => r,
            Err(e) => return Err(GraphError::transient(self.scrub(&describe_reqwest(&e)))),
        };
        let status = resp.status().as_u16();
        let usage = parse_usage(resp.headers());
        let bytes = match resp.bytes().await {
            Ok(b) => b,
            Err(e) => {
                let mut err = GraphError::transient(self.scrub(&describe_reqwest(&e)));
                err.usage = usage;
                return Err(err);
            }
        };
        let body: Option<Value> = serde_json::from_slice(&bytes).ok();
        // Scrubbed before anything cuts the message short, which could leave half a
        // token that no longer matches.
        let api_error = body
            .as_ref()
            .and_then(|b| b.get("error"))
            .and_then(|e| ApiError::deserialize(e).ok())
            .map(|mut e| {
                e.message = e.message.map(|m| self.scrub(&m));
                e
            });
        match (status, body, api_error) {
            (200..=299, Some(body), None) => Ok(Reply { body, usage }),
            (200..=299, None, None) => Err(GraphError {
                kind: ErrorKind::Transient,
                message: format!("HTTP {status} with a body that is not JSON"),
                usage,
            }),
            (_, _, api) => {
                let kind = classify(status, api.as_ref());
                let message = match &api {
                    Some(a) => a.describe(status),
                    None => format!("HTTP {status}"),
                };
                Err(GraphError {
                    kind,
                    message: self.scrub(&message),
                    usage,
                })
            }
        }
    }
}

/// A reqwest error as text, without its URL (which holds the token) and with causes.
fn describe_reqwest(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        return "request timed out".to_owned();
    }
    let mut text = String::from(if e.is_connect() {
        "cannot connect"
    } else {
        "request failed"
    });
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    super::redact_url(&text)
}

struct Reply {
    body: Value,
    usage: Usage,
}

/// Longest error message passed on from the platform.
const MAX_MESSAGE_CHARS: usize = 300;

/// The `error` object of a Graph API error response.
#[derive(Debug, Default, Deserialize)]
struct ApiError {
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    code: Option<i64>,
    #[serde(default)]
    error_subcode: Option<i64>,
    #[serde(default)]
    is_transient: Option<bool>,
}

impl ApiError {
    /// The message (untrusted, so cut to [`MAX_MESSAGE_CHARS`]) with code and status.
    fn describe(&self, status: u16) -> String {
        let message = self.message.as_deref().unwrap_or("no message");
        let mut text: String = message.chars().take(MAX_MESSAGE_CHARS).collect();
        if message.chars().count() > MAX_MESSAGE_CHARS {
            text.push('…');
        }
        let mut detail = Vec::new();
        if let Some(c) = self.code {
            detail.push(format!("code {c}"));
        }
        if let Some(s) = self.error_subcode {
            detail.push(format!("subcode {s}"));
        }
        detail.push(format!("HTTP {status}"));
        text.push_str(&format!(" ({})", detail.join(", ")));
        text
    }
}

#[derive(Clone, Debug, PartialEq)]
enum ErrorKind {
    /// Throttled: wait, keep the session, resume.
    RateLimited,
    /// Downtime or network: retry with back-off.
    Transient,
    /// The token is expired, revoked or invalid.
    TokenExpired,
    /// A permission is missing; the one named in the message, if any.
    Permission(Option<String>),
    /// Anything else: a bad id, an ended broadcast's comments, an unknown code.
    Other,
}

#[derive(Debug)]
struct GraphError {
    kind: ErrorKind,
    /// Redacted, for people.
    message: String,
    /// Usage headers of the failed response (they may say when access returns).
    usage: Usage,
}

impl GraphError {
    fn transient(message: String) -> Self {
        Self {
            kind: ErrorKind::Transient,
            message,
            usage: Usage::default(),
        }
    }

    fn other(message: String) -> Self {
        Self {
            kind: ErrorKind::Other,
            message,
            usage: Usage::default(),
        }
    }
}

/// Error code → what to do. See the Graph API's error-handling and rate-limiting guides.
fn classify(status: u16, api: Option<&ApiError>) -> ErrorKind {
    let code = api.and_then(|a| a.code);
    let message = api.and_then(|a| a.message.as_deref()).unwrap_or("");
    match code {
        Some(190 | 102) => ErrorKind::TokenExpired,
        Some(4 | 17 | 32 | 341 | 368 | 613 | 80000..=80014) => ErrorKind::RateLimited,
        Some(10 | 200..=299) => ErrorKind::Permission(permission_named_in(message)),
        Some(100) if message.to_ascii_lowercase().contains("permission") => {
            ErrorKind::Permission(permission_named_in(message))
        }
        Some(1 | 2) => ErrorKind::Transient,
        _ if api.and_then(|a| a.is_transient) == Some(true) => ErrorKind::Transient,
        _ if status >= 500 || status == 408 => ErrorKind::Transient,
        None if status == 429 => ErrorKind::RateLimited,
        _ => ErrorKind::Other,
    }
}

const PERMISSION_PREFIXES: &[&str] = &[
    "pages_",
    "instagram_",
    "ads_",
    "business_",
    "user_",
    "read_",
    "publish_",
    "manage_",
    "public_",
];

/// The first permission name in an error message: a quoted `'pages_read_engagement'`,
/// or a bare snake-case word with a known permission prefix.
fn permission_named_in(message: &str) -> Option<String> {
    let looks_like = |w: &str| {
        w.len() >= 5
            && w.contains('_')
            && !w.starts_with('_')
            && !w.ends_with('_')
            && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            && PERMISSION_PREFIXES.iter().any(|p| w.starts_with(p))
    };
    let quoted = message.split(['\'', '"', '`']).skip(1).step_by(2);
    let bare = message.split(|c: char| !(c.is_ascii_lowercase() || c == '_'));
    quoted
        .chain(bare)
        .find(|w| looks_like(w))
        .map(str::to_owned)
}

/// Quota use reported by the platform, the highest of all figures.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Usage {
    /// Highest `call_count` / `total_cputime` / `total_time`, in percent.
    percent: f64,
    /// Longest `estimated_time_to_regain_access`.
    regain: Duration,
}

impl Usage {
    fn max(self, other: Usage) -> Usage {
        Usage {
            percent: self.percent.max(other.percent),
            regain: self.regain.max(other.regain),
        }
    }
}

/// Reads `X-App-Usage` (`{"call_count":28,...}`) and `X-Business-Use-Case-Usage`
/// (`{"<id>":[{"type":..,"call_count":..,"estimated_time_to_regain_access":<minutes>}]}`).
/// Absent or unreadable headers count as zero: they appear only after enough calls.
fn parse_usage(headers: &HeaderMap) -> Usage {
    let json = |name: &str| -> Option<Value> {
        serde_json::from_slice(headers.get(name)?.as_bytes()).ok()
    };
    let mut usage = Usage::default();
    let mut take = |o: &serde_json::Map<String, Value>| {
        for key in ["call_count", "total_cputime", "total_time"] {
            if let Some(p) = o.get(key).and_then(Value::as_f64) {
                usage.percent = usage.percent.max(p);
            }
        }
        if let Some(min) = o
            .get("estimated_time_to_regain_access")
            .and_then(Value::as_f64)
            .filter(|m| m.is_finite() && *m > 0.0)
        {
            usage.regain = usage
                .regain
                .max(Duration::from_secs_f64(min.min(24.0 * 60.0) * 60.0));
        }
    };
    if let Some(Value::Object(o)) = json("x-app-usage") {
        take(&o);
    }
    if let Some(Value::Object(by_id)) = json("x-business-use-case-usage") {
        for entries in by_id.values() {
            for entry in entries.as_array().into_iter().flatten() {
                if let Value::Object(o) = entry {
                    take(o);
                }
            }
        }
    }
    usage
}

/// The next poll interval: the base while usage is low, stretched as it rises, and
/// never shorter than the platform's own estimate of when access returns.
pub(crate) fn usage_delay(base: Duration, usage_percent: f64, regain: Duration) -> Duration {
    let factor = if usage_percent >= 95.0 {
        30
    } else if usage_percent >= 90.0 {
        5
    } else if usage_percent >= 75.0 {
        2
    } else {
        1
    };
    (base * factor).max(regain)
}

/// `base × 2^(attempt−1)`, capped at `max`, then jittered into its upper half so that
/// many clients do not retry in step.
pub(crate) fn backoff(base: Duration, max: Duration, attempt: u32) -> Duration {
    let exp = base
        .checked_mul(1u32 << attempt.saturating_sub(1).min(20))
        .unwrap_or(max)
        .min(max);
    let half = exp / 2;
    half + half.mul_f64(fastrand::f64())
}

/// Which broadcast a Graph source follows.
pub(crate) enum Target {
    Instagram {
        user_id: String,
        /// The live media once found.
        media_id: Option<String>,
    },
    Facebook {
        live_video_id: String,
    },
}

/// What a broadcast check found.
#[derive(Debug, PartialEq)]
enum Broadcast {
    NotYet,
    Live,
    Over,
}

impl Target {
    fn platform(&self) -> Platform {
        match self {
            Target::Instagram { .. } => Platform::Instagram,
            Target::Facebook { .. } => Platform::Facebook,
        }
    }

    /// Permissions the broadcast check needs, named when an error names none.
    fn check_permissions(&self) -> &'static str {
        match self {
            Target::Instagram { .. } => "instagram_basic, pages_read_engagement",
            Target::Facebook { .. } => "pages_read_engagement",
        }
    }

    /// Permissions reading comments needs, named when an error names none.
    fn comment_permissions(&self) -> &'static str {
        match self {
            Target::Instagram { .. } => "instagram_manage_comments",
            Target::Facebook { .. } => "pages_read_engagement, pages_read_user_content",
        }
    }

    async fn check(&mut self, client: &Client) -> Result<(Broadcast, Usage), GraphError> {
        match self {
            Target::Instagram { user_id, media_id } => {
                let url = client.endpoint(
                    &[user_id, "live_media"],
                    &[("fields", "id,media_type,media_product_type,timestamp")],
                );
                let reply = client.get(url).await?;
                let ids: Vec<&str> = reply
                    .body
                    .get("data")
                    .and_then(Value::as_array)
                    .ok_or_else(|| GraphError::other("live_media answer without `data`".into()))?
                    .iter()
                    .filter_map(|m| m.get("id").and_then(Value::as_str))
                    .filter(|id| is_valid_graph_id(id))
                    .collect();
                let state = match (media_id.as_deref(), ids.first()) {
                    // Only media broadcasting now is listed: empty means not live.
                    (None, None) => Broadcast::NotYet,
                    (None, Some(first)) => {
                        *media_id = Some((*first).to_owned());
                        Broadcast::Live
                    }
                    // Ours is gone (maybe replaced by a new broadcast): it ended.
                    (Some(ours), _) if ids.contains(&ours) => Broadcast::Live,
                    (Some(_), _) => Broadcast::Over,
                };
                Ok((state, reply.usage))
            }
            Target::Facebook { live_video_id } => {
                let url = client.endpoint(&[live_video_id], &[("fields", "status")]);
                let reply = client.get(url).await?;
                let status = reply
                    .body
                    .get("status")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                Ok((facebook_broadcast(status), reply.usage))
            }
        }
    }

    fn comments_url(&self, client: &Client) -> Url {
        match self {
            Target::Instagram { media_id, .. } => client.endpoint(
                &[media_id.as_deref().unwrap_or(""), "comments"],
                &[("fields", IG_COMMENT_FIELDS), ("limit", "50")],
            ),
            // Meta: "The best practice for querying comments on a Live video is to
            // continually poll for comments in the reverse_chronological ordering
            // mode." `no_filter`: livecue's own filter greys comments out visibly,
            // the platform's low-quality filter would drop them unseen.
            Target::Facebook { live_video_id } => client.endpoint(
                &[live_video_id, "comments"],
                &[
                    ("fields", FB_COMMENT_FIELDS),
                    ("order", "reverse_chronological"),
                    ("filter", "toplevel"),
                    ("live_filter", "no_filter"),
                    ("limit", "50"),
                ],
            ),
        }
    }

    fn parse_comment(&self, item: &Value) -> Result<Comment, String> {
        match self {
            Target::Instagram { .. } => instagram_comment(item),
            Target::Facebook { .. } => facebook_comment(item),
        }
    }
}

/// A live video's `status` → broadcast state. Unknown values count as live, so a
/// status Meta adds later never stops comments.
fn facebook_broadcast(status: &str) -> Broadcast {
    match status {
        "UNPUBLISHED" | "SCHEDULED_UNPUBLISHED" | "SCHEDULED_LIVE" | "PREVIEW" => Broadcast::NotYet,
        "LIVE_STOPPED" | "VOD" | "PROCESSING" | "SCHEDULED_CANCELED" | "SCHEDULED_EXPIRED" => {
            Broadcast::Over
        }
        _ => Broadcast::Live,
    }
}

fn str_at<'a>(v: &'a Value, path: &str) -> Option<&'a str> {
    v.pointer(path)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// Graph timestamps: `2026-11-21T12:03:09+0000` (also RFC 3339).
pub(crate) fn parse_graph_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z")
        .or_else(|_| DateTime::parse_from_rfc3339(text))
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn comment_time(item: &Value, field: &str) -> DateTime<Utc> {
    // A comment without a readable time is still a comment: keep it, stamped now.
    item.get(field)
        .and_then(Value::as_str)
        .and_then(parse_graph_time)
        .unwrap_or_else(Utc::now)
}

/// An IG Comment: `username` may be absent without the comments permission; then
/// `from.username`, then `from.id`.
fn instagram_comment(item: &Value) -> Result<Comment, String> {
    let id = str_at(item, "/id").ok_or("comment without an id")?;
    let user = str_at(item, "/username")
        .or_else(|| str_at(item, "/from/username"))
        .or_else(|| str_at(item, "/from/id"))
        .unwrap_or("");
    Ok(Comment {
        id: id.to_owned(),
        user: user.to_owned(),
        text: str_at(item, "/text").unwrap_or("").to_owned(),
        ts: comment_time(item, "timestamp"),
        platform: Some(Platform::Instagram.as_str().to_owned()),
    })
}

/// A Facebook Comment: `from` is missing without a Page token; then the user is empty.
fn facebook_comment(item: &Value) -> Result<Comment, String> {
    let id = str_at(item, "/id").ok_or("comment without an id")?;
    let user = str_at(item, "/from/name")
        .or_else(|| str_at(item, "/from/id"))
        .unwrap_or("");
    Ok(Comment {
        id: id.to_owned(),
        user: user.to_owned(),
        text: str_at(item, "/message").unwrap_or("").to_owned(),
        ts: comment_time(item, "created_time"),
        platform: Some(Platform::Facebook.as_str().to_owned()),
    })
}

/// What one comment poll produced. Comments found before a failure are kept: their ids
/// are already marked seen, so they must go out.
struct Poll {
    fresh: Vec<Comment>,
    notices: Vec<String>,
    result: Result<Usage, GraphError>,
}

async fn poll_comments(
    client: &Client,
    target: &Target,
    seen: &mut HashSet<String>,
    full_scan: bool,
    max_pages: usize,
) -> Poll {
    let mut poll = Poll {
        fresh: Vec::new(),
        notices: Vec::new(),
        result: Ok(Usage::default()),
    };
    let mut usage = Usage::default();
    let mut url = target.comments_url(client);
    let mut pages = 0usize;
    loop {
        let reply = match client.get(url).await {
            Ok(r) => r,
            Err(e) => {
                poll.result = Err(e);
                return poll;
            }
        };
        usage = usage.max(reply.usage);
        pages += 1;
        let Some(data) = reply.body.get("data").and_then(Value::as_array) else {
            poll.result = Err(GraphError::other("comments answer without `data`".into()));
            return poll;
        };
        let mut unseen = 0usize;
        for item in data {
            let Some(id) = item.get("id").and_then(Value::as_str) else {
                poll.notices.push("skipped a comment without an id".into());
                continue;
            };
            if seen.contains(id) {
                continue;
            }
            unseen += 1;
            seen.insert(id.to_owned());
            match target.parse_comment(item) {
                Ok(c) => poll.fresh.push(c),
                Err(why) => poll.notices.push(format!("skipped comment {id}: {why}")),
            }
        }
        // A page of nothing but known comments: everything older was read before.
        if !full_scan && !data.is_empty() && unseen == 0 {
            break;
        }
        let Some(next) = reply.body.pointer("/paging/next").and_then(Value::as_str) else {
            break;
        };
        if pages >= max_pages {
            poll.notices.push(format!(
                "stopped paging after {pages} pages; older comments may be missing"
            ));
            break;
        }
        match client.follow(next) {
            Ok(u) => url = u,
            Err(why) => {
                poll.notices.push(client.scrub(&why));
                break;
            }
        }
    }
    poll.result = Ok(usage);
    poll
}

/// Consecutive failures, for back-off; reset by any success.
#[derive(Default)]
struct Retry {
    transient: u32,
    throttled: u32,
}

enum Flow {
    Retry,
    Stop,
}

pub(crate) async fn run(client: Client, target: Target, config: SourceConfig, mut out: Outbox) {
    // An error here only means the receiver is gone; there is no one left to tell.
    let _ = drive(&client, target, config, &mut out).await;
}

async fn drive(
    client: &Client,
    mut target: Target,
    config: SourceConfig,
    out: &mut Outbox,
) -> Result<(), Closed> {
    let timing = &config.timing;
    let mut seen = config.seen_ids;
    let mut retry = Retry::default();
    out.status(SourceState::Connecting).await?;

    loop {
        match target.check(client).await {
            Ok((Broadcast::Live, _)) => break,
            Ok((Broadcast::NotYet, usage)) => {
                retry = Retry::default();
                out.status(SourceState::WaitingForBroadcast).await?;
                tokio::time::sleep(usage_delay(
                    timing.waiting_every,
                    usage.percent,
                    usage.regain,
                ))
                .await;
            }
            Ok((Broadcast::Over, _)) => return out.status(SourceState::Ended).await,
            Err(e) => {
                let needs = target.check_permissions();
                if let Flow::Stop = handle(e, &target, needs, timing, &mut retry, out).await? {
                    return Ok(());
                }
            }
        }
    }
    out.status(SourceState::Live).await?;

    // The first poll reads every page: a resumed session may have missed comments.
    let mut full_scan = true;
    let mut next_check = Instant::now() + timing.live_check_every;
    loop {
        let mut poll = poll_comments(client, &target, &mut seen, full_scan, timing.max_pages).await;
        poll.fresh
            .sort_by(|a, b| a.ts.cmp(&b.ts).then_with(|| a.id.cmp(&b.id)));
        for c in poll.fresh {
            out.comment(c).await?;
        }
        for n in poll.notices {
            out.notice(n).await?;
        }
        let mut usage = match poll.result {
            Ok(usage) => {
                full_scan = false;
                retry = Retry::default();
                out.status(SourceState::Live).await?;
                usage
            }
            Err(e) => {
                // Pages after the failure were not read: the next poll reads them all.
                full_scan = true;
                if e.kind == ErrorKind::Other {
                    // Comments of a live media stop being readable when it ends.
                    if let Ok((Broadcast::Over | Broadcast::NotYet, _)) = target.check(client).await
                    {
                        return out.status(SourceState::Ended).await;
                    }
                }
                let needs = target.comment_permissions();
                match handle(e, &target, needs, timing, &mut retry, out).await? {
                    Flow::Retry => continue,
                    Flow::Stop => return Ok(()),
                }
            }
        };
        if Instant::now() >= next_check {
            next_check = Instant::now() + timing.live_check_every;
            match target.check(client).await {
                Ok((Broadcast::Live, u)) => usage = usage.max(u),
                Ok((Broadcast::NotYet | Broadcast::Over, _)) => {
                    return out.status(SourceState::Ended).await;
                }
                Err(e) => {
                    let needs = target.check_permissions();
                    match handle(e, &target, needs, timing, &mut retry, out).await? {
                        Flow::Retry => continue,
                        Flow::Stop => return Ok(()),
                    }
                }
            }
        }
        tokio::time::sleep(usage_delay(
            timing.comments_every,
            usage.percent,
            usage.regain,
        ))
        .await;
    }
}

/// Reports an error as a status, waits when it is worth retrying, and says whether to.
async fn handle(
    e: GraphError,
    target: &Target,
    needs: &str,
    timing: &PollTiming,
    retry: &mut Retry,
    out: &mut Outbox,
) -> Result<Flow, Closed> {
    let platform = target.platform();
    match e.kind {
        ErrorKind::RateLimited => {
            retry.throttled += 1;
            let wait = if e.usage.regain.is_zero() {
                backoff(
                    timing.rate_limit_base,
                    timing.rate_limit_max,
                    retry.throttled,
                )
            } else {
                e.usage.regain
            };
            let until = Utc::now() + chrono::TimeDelta::from_std(wait).unwrap_or_default();
            out.status(SourceState::RateLimited { until }).await?;
            tokio::time::sleep(wait).await;
            Ok(Flow::Retry)
        }
        ErrorKind::Transient => {
            retry.transient += 1;
            out.status(SourceState::Reconnecting {
                attempt: retry.transient,
                reason: e.message,
            })
            .await?;
            tokio::time::sleep(backoff(
                timing.retry_base,
                timing.retry_max,
                retry.transient,
            ))
            .await;
            Ok(Flow::Retry)
        }
        ErrorKind::TokenExpired => {
            out.notice(format!(
                "{} refused the access token: {}. It has expired or was revoked; run \
                 `livecue login {}` (or set {}) and start the source again.",
                platform.title(),
                e.message,
                platform.as_str(),
                platform.env_var()
            ))
            .await?;
            out.status(SourceState::TokenExpired).await?;
            Ok(Flow::Stop)
        }
        ErrorKind::Permission(named) => {
            let permission = named.unwrap_or_else(|| needs.to_owned());
            out.notice(format!(
                "{} needs the permission {permission} for this app: {}",
                platform.title(),
                e.message
            ))
            .await?;
            out.status(SourceState::PermissionMissing { permission })
                .await?;
            Ok(Flow::Stop)
        }
        ErrorKind::Other => {
            out.status(SourceState::Failed {
                reason: format!("{}: {}", platform.title(), e.message),
            })
            .await?;
            Ok(Flow::Stop)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn api(code: i64, message: &str) -> ApiError {
        ApiError {
            message: Some(message.to_owned()),
            code: Some(code),
            ..ApiError::default()
        }
    }

    #[test]
    fn error_codes_map_to_actions() {
        for code in [4, 17, 32, 341, 613, 80001, 80002] {
            assert_eq!(
                classify(400, Some(&api(code, "limit"))),
                ErrorKind::RateLimited,
                "{code}"
            );
        }
        assert_eq!(
            classify(400, Some(&api(190, "expired"))),
            ErrorKind::TokenExpired
        );
        assert_eq!(
            classify(401, Some(&api(102, "session"))),
            ErrorKind::TokenExpired
        );
        assert_eq!(
            classify(500, Some(&api(1, "unknown"))),
            ErrorKind::Transient
        );
        assert_eq!(
            classify(503, Some(&api(2, "service"))),
            ErrorKind::Transient
        );
        assert_eq!(classify(500, None), ErrorKind::Transient);
        assert_eq!(classify(502, None), ErrorKind::Transient);
        assert_eq!(classify(429, None), ErrorKind::RateLimited);
        assert_eq!(classify(404, None), ErrorKind::Other);
        assert_eq!(
            classify(400, Some(&api(100, "Unsupported get request"))),
            ErrorKind::Other
        );
        let transient = ApiError {
            is_transient: Some(true),
            ..api(9999, "odd")
        };
        assert_eq!(classify(400, Some(&transient)), ErrorKind::Transient);
        // The fixture: type OAuthException, yet a throttle.
        let fixture: Value = serde_json::from_str(
            r#"{"error":{"message":"(#17) User request limit reached","type":"OAuthException","is_transient":true,"code":17,"error_subcode":2446079,"fbtrace_id":"AbCdEfGh123"}}"#,
        )
        .unwrap();
        let e = ApiError::deserialize(&fixture["error"]).unwrap();
        assert_eq!(classify(400, Some(&e)), ErrorKind::RateLimited);
        assert_eq!(
            e.describe(400),
            "(#17) User request limit reached (code 17, subcode 2446079, HTTP 400)"
        );
        let long = api(1, &"x".repeat(5000)).describe(500);
        assert!(long.chars().count() < 350, "{long}");
    }

    #[test]
    fn permission_errors_name_the_permission() {
        let cases = [
            (
                10,
                "(#10) This endpoint requires the 'pages_read_engagement' permission or the 'Page Public Content Access' feature",
                Some("pages_read_engagement"),
            ),
            (
                283,
                "(#283) Requires pages_read_engagement permission to manage the object",
                Some("pages_read_engagement"),
            ),
            (
                100,
                "(#100) Object does not exist, cannot be loaded due to missing permission or reviewable feature... requires the 'instagram_manage_comments' permission",
                Some("instagram_manage_comments"),
            ),
            (
                10,
                "(#10) Application does not have permission for this action",
                None,
            ),
        ];
        for (code, message, want) in cases {
            assert_eq!(
                classify(400, Some(&api(code, message))),
                ErrorKind::Permission(want.map(str::to_owned)),
                "{message}"
            );
        }
        assert_eq!(permission_named_in("uses access_token=abc"), None);
    }

    #[test]
    fn usage_headers_take_the_highest_figure() {
        // The fixture's headers.
        let mut h = HeaderMap::new();
        h.insert(
            "x-app-usage",
            HeaderValue::from_static(r#"{"call_count":72,"total_cputime":20,"total_time":25}"#),
        );
        h.insert(
            "x-business-use-case-usage",
            HeaderValue::from_static(
                r#"{"17841400008460056":[{"type":"instagram","call_count":91,"total_cputime":15,"total_time":18,"estimated_time_to_regain_access":0}]}"#,
            ),
        );
        assert_eq!(
            parse_usage(&h),
            Usage {
                percent: 91.0,
                regain: Duration::ZERO
            }
        );
        h.insert(
            "x-business-use-case-usage",
            HeaderValue::from_static(
                r#"{"1":[{"type":"pages","call_count":10,"estimated_time_to_regain_access":3}],"2":[{"type":"instagram","total_time":100,"estimated_time_to_regain_access":0}]}"#,
            ),
        );
        assert_eq!(
            parse_usage(&h),
            Usage {
                percent: 100.0,
                regain: Duration::from_secs(180)
            }
        );
        h.insert("x-app-usage", HeaderValue::from_static("not json"));
        h.remove("x-business-use-case-usage");
        assert_eq!(parse_usage(&h), Usage::default());
    }

    #[test]
    fn polling_slows_as_usage_rises() {
        let base = Duration::from_secs(2);
        assert_eq!(usage_delay(base, 0.0, Duration::ZERO), base);
        assert_eq!(usage_delay(base, 74.0, Duration::ZERO), base);
        assert_eq!(usage_delay(base, 75.0, Duration::ZERO), base * 2);
        assert_eq!(usage_delay(base, 91.0, Duration::ZERO), base * 5);
        assert_eq!(usage_delay(base, 95.0, Duration::ZERO), base * 30);
        assert_eq!(
            usage_delay(base, 10.0, Duration::from_secs(300)),
            Duration::from_secs(300)
        );
    }

    #[test]
    fn backoff_doubles_within_jitter_and_caps() {
        let base = Duration::from_secs(1);
        let max = Duration::from_secs(60);
        for _ in 0..200 {
            for (attempt, full) in [(1, 1), (2, 2), (3, 4), (6, 32), (7, 60), (40, 60)] {
                let d = backoff(base, max, attempt);
                let full = Duration::from_secs(full);
                assert!(d >= full / 2 && d <= full, "attempt {attempt}: {d:?}");
            }
        }
    }

    #[test]
    fn graph_timestamps_parse() {
        let t = parse_graph_time("2026-11-21T12:03:09+0000").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-21T12:03:09+00:00");
        let t = parse_graph_time("2026-11-21T20:03:09+0800").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-21T12:03:09+00:00");
        assert!(parse_graph_time("2026-11-21T12:03:09.250+0000").is_some());
        assert!(parse_graph_time("2026-11-21T12:03:09Z").is_some());
        assert!(parse_graph_time("yesterday").is_none());
    }

    #[test]
    fn fixture_comments_map_to_the_contract() {
        let page2: Value = serde_json::from_str(
            r#"{"id":"18011000000000000","text":"第一次看直播～","timestamp":"2026-11-21T12:02:58+0000","from":{"id":"17841400000000000"},"like_count":0}"#,
        )
        .unwrap();
        let c = instagram_comment(&page2).unwrap();
        assert_eq!(c.user, "17841400000000000", "no username: from.id");
        assert_eq!(c.platform.as_deref(), Some("instagram"));
        assert_eq!(c.ts.to_rfc3339(), "2026-11-21T12:02:58+00:00");
        let from_only: Value = serde_json::from_str(
            r#"{"id":"1","text":"hi","timestamp":"2026-11-21T12:02:58+0000","from":{"id":"9","username":"mei.lin"}}"#,
        )
        .unwrap();
        assert_eq!(instagram_comment(&from_only).unwrap().user, "mei.lin");
        let fb: Value = serde_json::from_str(
            r#"{"created_time":"2026-11-21T12:05:11+0000","from":{"name":"Anna Virtanen","id":"100000000000001"},"message":"Paljonko toimitus maksaa Suomeen?","id":"1234567890_1111"}"#,
        )
        .unwrap();
        let c = facebook_comment(&fb).unwrap();
        assert_eq!(c.user, "Anna Virtanen");
        assert_eq!(c.text, "Paljonko toimitus maksaa Suomeen?");
        assert_eq!(c.id, "1234567890_1111");
        assert_eq!(c.platform.as_deref(), Some("facebook"));
        assert!(facebook_comment(&serde_json::json!({"message": "x"})).is_err());
    }

    #[test]
    fn facebook_status_values() {
        assert_eq!(facebook_broadcast("LIVE"), Broadcast::Live);
        assert_eq!(
            facebook_broadcast("SCHEDULED_UNPUBLISHED"),
            Broadcast::NotYet
        );
        assert_eq!(facebook_broadcast("LIVE_STOPPED"), Broadcast::Over);
        assert_eq!(facebook_broadcast("VOD"), Broadcast::Over);
        assert_eq!(facebook_broadcast("SOMETHING_NEW"), Broadcast::Live);
    }

    #[test]
    fn paging_next_stays_on_the_configured_host_and_drops_tokens() {
        let client = Client::new(
            "http://127.0.0.1:9/v26.0/",
            Token::new("secret").unwrap(),
            &PollTiming::default(),
        )
        .unwrap();
        assert_eq!(
            client
                .endpoint(&["178", "comments"], &[("fields", "id,text")])
                .as_str(),
            "http://127.0.0.1:9/v26.0/178/comments?fields=id%2Ctext"
        );
        let u = client
            .follow("http://127.0.0.1:9/v21.0/178/comments?limit=3&access_token=leaked&after=QV")
            .unwrap();
        assert_eq!(
            u.as_str(),
            "http://127.0.0.1:9/v21.0/178/comments?limit=3&after=QV"
        );
        let e = client
            .follow("https://evil.example/v21.0/178/comments?after=QV&access_token=x")
            .unwrap_err();
        assert!(
            e.contains("evil.example") && !e.contains("access_token=x"),
            "{e}"
        );
        assert!(client.follow("not a url").is_err());
    }

    #[test]
    fn bad_base_urls_are_refused() {
        let t = Token::new("secret").unwrap();
        let timing = PollTiming::default();
        assert!(Client::new("ftp://x/v26.0", t.clone(), &timing).is_err());
        assert!(Client::new("graph.facebook.com", t.clone(), &timing).is_err());
        let e = Client::new("http://x/v26.0?access_token=secret", t, &timing)
            .err()
            .unwrap()
            .to_string();
        assert!(!e.contains("secret"), "{e}");
    }
}
