//! The polling loop both platforms share: wait for the broadcast, read new comments,
//! notice when it ends, and handle each error as its class asks.

use std::collections::HashSet;
use std::time::Duration;

use chrono::Utc;
use serde_json::Value;
use tokio::time::Instant;

use super::client::Client;
use super::errors::{ErrorKind, GraphError};
use super::targets::{Broadcast, Check, Target};
use super::usage::{Usage, backoff};
use crate::comments::Comment;
use crate::sources::{Closed, Outbox, PollTiming, SourceConfig, SourceState};

/// What one comment poll produced. Comments found before a failure are kept: their ids
/// are already marked seen, so they must go out.
struct Poll {
    fresh: Vec<Comment>,
    notices: Vec<String>,
    /// Meta's cursor limit ended the paging: older comments could not be reached.
    cursor_limited: bool,
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
        cursor_limited: false,
        result: Ok(Usage::default()),
    };
    let mut usage = Usage::default();
    let mut url = target.comments_url(client);
    let mut pages = 0usize;
    loop {
        let reply = match client.get(url).await {
            Ok(r) => r,
            // As far back as Meta lets anyone page: this poll has read all it can.
            Err(e) if e.kind == ErrorKind::CursorLimit && pages > 0 => {
                poll.cursor_limited = true;
                usage = usage.max(e.usage);
                break;
            }
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

/// Consecutive failures, for back-off; reset by a poll that succeeds (or, while
/// waiting, a check): a check that succeeds between two failed polls does not count.
#[derive(Default)]
struct Retry {
    failed: u32,
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

/// One source's loop and what it remembers between polls.
struct Driver<'a> {
    client: &'a Client,
    target: Target,
    timing: &'a PollTiming,
    out: &'a mut Outbox,
    seen: HashSet<String>,
    retry: Retry,
    /// The cursor limit was reported once already.
    told_cursor_limit: bool,
}

async fn drive(
    client: &Client,
    target: Target,
    config: SourceConfig,
    out: &mut Outbox,
) -> Result<(), Closed> {
    let SourceConfig {
        seen_ids, timing, ..
    } = config;
    let mut d = Driver {
        client,
        target,
        timing: &timing,
        out,
        seen: seen_ids,
        retry: Retry::default(),
        told_cursor_limit: false,
    };
    d.out.status(SourceState::Connecting).await?;
    if let Flow::Stop = d.wait_for_broadcast().await? {
        return Ok(());
    }
    d.out.status(SourceState::Live).await?;
    d.follow_broadcast().await
}

impl Driver<'_> {
    /// Checks until the broadcast is live (`Retry` then) or over / stopped (`Stop`).
    async fn wait_for_broadcast(&mut self) -> Result<Flow, Closed> {
        loop {
            match self.check().await? {
                Ok(check) => match check.broadcast {
                    Broadcast::Live => return Ok(Flow::Retry),
                    Broadcast::NotYet => {
                        self.retry = Retry::default();
                        self.out.status(SourceState::WaitingForBroadcast).await?;
                        tokio::time::sleep(check.usage.pace(self.timing.waiting_every)).await;
                    }
                    Broadcast::Over => {
                        self.out.status(SourceState::Ended).await?;
                        return Ok(Flow::Stop);
                    }
                },
                Err(e) => {
                    let needs = self.target.check_permissions();
                    if let Flow::Stop = self.handle(e, needs).await? {
                        return Ok(Flow::Stop);
                    }
                }
            }
        }
    }

    /// Reads comments every `comments_every` (stretched by usage) and checks the
    /// broadcast every `live_check_every`, until it is over or an error stops it.
    async fn follow_broadcast(&mut self) -> Result<(), Closed> {
        // The first poll reads every page: a resumed session may have missed comments.
        let mut full_scan = true;
        let mut next_check = Instant::now() + self.timing.live_check_every;
        loop {
            let poll = self.poll(full_scan).await?;
            let mut usage = match poll {
                Ok(usage) => {
                    full_scan = false;
                    self.retry = Retry::default();
                    self.out.status(SourceState::Live).await?;
                    usage
                }
                Err(e) => {
                    // Pages after the failure were not read: the next poll reads them all.
                    full_scan = true;
                    // Comments of a live media stop being readable when it ends, and the
                    // error that says so is not one livecue can name: look first.
                    if matches!(e.kind, ErrorKind::Other | ErrorKind::Permission(_))
                        && let Ok(Ok(check)) = self.check().await
                        && check.broadcast != Broadcast::Live
                    {
                        return self.out.status(SourceState::Ended).await;
                    }
                    let needs = self.target.comment_permissions();
                    match self.handle(e, needs).await? {
                        Flow::Retry => continue,
                        Flow::Stop => return Ok(()),
                    }
                }
            };
            if Instant::now() >= next_check {
                match self.check().await? {
                    Ok(check) => {
                        usage = usage.max(check.usage);
                        if check.broadcast != Broadcast::Live {
                            return self.out.status(SourceState::Ended).await;
                        }
                    }
                    Err(e) => {
                        let needs = self.target.check_permissions();
                        match self.handle(e, needs).await? {
                            Flow::Retry => continue,
                            Flow::Stop => return Ok(()),
                        }
                    }
                }
                next_check = Instant::now() + usage.pace(self.timing.live_check_every);
            }
            tokio::time::sleep(usage.pace(self.timing.comments_every)).await;
        }
    }

    /// One broadcast check; its notice, if any, is passed on.
    async fn check(&mut self) -> Result<Result<Check, GraphError>, Closed> {
        let check = self.target.check(self.client).await;
        if let Ok(Check {
            notice: Some(text), ..
        }) = &check
        {
            self.out.notice(text.clone()).await?;
        }
        Ok(check)
    }

    /// One comment poll: its comments in timestamp order, then its notices.
    async fn poll(&mut self, full_scan: bool) -> Result<Result<Usage, GraphError>, Closed> {
        let mut poll = poll_comments(
            self.client,
            &self.target,
            &mut self.seen,
            full_scan,
            self.timing.max_pages,
        )
        .await;
        poll.fresh
            .sort_by(|a, b| a.ts.cmp(&b.ts).then_with(|| a.id.cmp(&b.id)));
        for c in poll.fresh {
            self.out.comment(c).await?;
        }
        for n in poll.notices {
            self.out.notice(n).await?;
        }
        if poll.cursor_limited && !self.told_cursor_limit {
            self.told_cursor_limit = true;
            self.out
                .notice(format!(
                    "{} would not page further back (its cursor limit): comments older \
                     than those read may be missing",
                    self.target.platform().title()
                ))
                .await?;
        }
        Ok(poll.result)
    }

    /// Reports an error as a status, waits when it is worth retrying, and says whether
    /// to. Only a refused token and a missing permission stop the source: anything else
    /// may pass, and comments can only be read while the broadcast runs.
    async fn handle(&mut self, e: GraphError, needs: &str) -> Result<Flow, Closed> {
        let platform = self.target.platform();
        let timing = self.timing;
        match e.kind {
            ErrorKind::RateLimited => {
                self.retry.throttled += 1;
                let told = !e.usage.regain.is_zero();
                let wait = if told {
                    e.usage.regain
                } else {
                    backoff(
                        timing.rate_limit_base,
                        timing.rate_limit_max,
                        self.retry.throttled,
                    )
                };
                let until = Utc::now() + chrono::TimeDelta::from_std(wait).unwrap_or_default();
                self.out.status(SourceState::RateLimited { until }).await?;
                if told {
                    self.out
                        .notice(format!(
                            "{} has paused livecue's access for {} (until {}): {}. Comments \
                             made meanwhile are read when it lifts — if the broadcast ends \
                             before then, those comments are lost.",
                            platform.title(),
                            plain_duration(wait),
                            until.format("%H:%M:%S UTC"),
                            e.message
                        ))
                        .await?;
                }
                tokio::time::sleep(wait).await;
                Ok(Flow::Retry)
            }
            ErrorKind::Transient | ErrorKind::Other | ErrorKind::CursorLimit => {
                self.retry.failed += 1;
                self.out
                    .status(SourceState::Reconnecting {
                        attempt: self.retry.failed,
                        reason: e.message,
                    })
                    .await?;
                tokio::time::sleep(backoff(
                    timing.retry_base,
                    timing.retry_max,
                    self.retry.failed,
                ))
                .await;
                Ok(Flow::Retry)
            }
            ErrorKind::Token(problem) => {
                self.out
                    .notice(format!(
                        "{} refused the access token: {} — {}. {}",
                        platform.title(),
                        problem.cause(),
                        e.message,
                        problem.what_to_do(platform)
                    ))
                    .await?;
                let state = if problem.needs_account_attention() {
                    SourceState::Failed {
                        reason: format!(
                            "{}: the account needs attention on facebook.com ({})",
                            platform.title(),
                            problem.cause()
                        ),
                    }
                } else {
                    SourceState::TokenExpired
                };
                self.out.status(state).await?;
                Ok(Flow::Stop)
            }
            ErrorKind::Permission(named) => {
                let permission = named.unwrap_or_else(|| needs.to_owned());
                self.out
                    .notice(format!(
                        "{} needs the permission {permission} for this app: {}. Make a new \
                         token that grants it (see `livecue login --help`), store it with \
                         `livecue login {}`, then start the source again.",
                        platform.title(),
                        e.message,
                        platform.as_str()
                    ))
                    .await?;
                self.out
                    .status(SourceState::PermissionMissing { permission })
                    .await?;
                Ok(Flow::Stop)
            }
        }
    }
}

/// `45 seconds`, `1 minute`, `3 minutes` (rounded up).
fn plain_duration(d: Duration) -> String {
    let secs = d.as_secs();
    match secs {
        0..=119 => format!("{secs} seconds"),
        _ => format!("{} minutes", secs.div_ceil(60)),
    }
}
