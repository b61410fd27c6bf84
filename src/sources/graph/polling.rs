//! The polling loop both platforms share: wait for the broadcast, read new comments,
//! notice when it ends, and handle each error as its class asks.

use std::collections::HashSet;

use chrono::Utc;
use serde_json::Value;
use tokio::time::Instant;

use super::client::Client;
use super::errors::{ErrorKind, GraphError};
use super::targets::{Broadcast, Target};
use super::usage::{Usage, backoff, usage_delay};
use crate::comments::Comment;
use crate::sources::{Closed, Outbox, PollTiming, SourceConfig, SourceState};

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
