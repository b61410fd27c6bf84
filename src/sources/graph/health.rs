//! Token health before the show: whom a token speaks for, which permissions it
//! carries, what it can read for the chosen source, and what is missing — so the host
//! hears it at pre-flight rather than when the first comment should arrive.
//!
//! Uses `/me` (with `metadata=1`, to tell a Page token from a user's), `/me/permissions`
//! and a read of what the source will read first (the Instagram account and its live
//! media, the Page and its live videos, or the live video). `/debug_token` would need
//! the app's own token, which livecue does not have.

use serde_json::Value;

use super::client::Client;
use super::errors::{ErrorKind, GraphError, TokenProblem};
use crate::sources::token::{Platform, Token};
use crate::sources::{SourceConfig, SourceError, SourceSpec, is_valid_graph_id};

/// Permissions the Instagram source needs (Instagram API with Facebook Login).
pub(super) const INSTAGRAM_NEEDS: &[&str] = &[
    "instagram_basic",
    "instagram_manage_comments",
    "pages_read_engagement",
];
/// Permissions the Facebook sources need.
pub(super) const FACEBOOK_NEEDS: &[&str] = &["pages_read_engagement", "pages_read_user_content"];

/// Whom a token speaks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenOwner {
    /// The user's or Page's id.
    pub id: String,
    /// Its name, when the platform gave one.
    pub name: Option<String>,
    /// A user or a Page.
    pub kind: OwnerKind,
}

/// What kind of account a token belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnerKind {
    /// A person's token (Facebook Login).
    User,
    /// A Page's token.
    Page,
    /// The platform did not say.
    Unknown,
}

/// One thing the token was tried on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadCheck {
    /// What was read, for people: "the Instagram account @sunrise.skincare.tw".
    pub what: String,
    /// Whether it could be read.
    pub ok: bool,
    /// What came back: "not live now", or the platform's error.
    pub detail: String,
}

/// Why the check could not say more.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenCheckProblem {
    /// The platform refused the token.
    Refused {
        /// Why, and so what to do.
        problem: TokenProblem,
        /// The platform's message (redacted).
        message: String,
    },
    /// The platform could not be reached, or failed.
    Unreachable(String),
    /// The platform is throttling this token right now.
    Throttled(String),
}

/// What a token can do for one source: the answer to "will comments come?" before
/// the show. Never holds the token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenHealth {
    /// Which platform's token.
    pub platform: Platform,
    /// Whom the token speaks for, when `/me` answered.
    pub owner: Option<TokenOwner>,
    /// Permissions granted, when `/me/permissions` could be read.
    pub granted: Option<Vec<String>>,
    /// Needed by the source and not granted (or refused when tried).
    pub missing: Vec<String>,
    /// What the token was tried on.
    pub reads: Vec<ReadCheck>,
    /// Set when the token was refused or the platform could not be asked.
    pub problem: Option<TokenCheckProblem>,
    /// What the host should do about anything found, one sentence each.
    pub advice: Vec<String>,
}

impl TokenHealth {
    fn new(platform: Platform) -> Self {
        Self {
            platform,
            owner: None,
            granted: None,
            missing: Vec::new(),
            reads: Vec::new(),
            problem: None,
            advice: Vec::new(),
        }
    }

    /// True when nothing stands in the way: the token was accepted, every read worked
    /// and no needed permission is missing.
    pub fn is_ready(&self) -> bool {
        self.problem.is_none() && self.missing.is_empty() && self.reads.iter().all(|r| r.ok)
    }

    /// One line for a checklist: "Instagram token (Mei Lin, a user): ready — reads the
    /// Instagram account @x and its live broadcasts" or what is wrong.
    pub fn summary(&self) -> String {
        let title = self.platform.title();
        let whose = match &self.owner {
            Some(o) => {
                let kind = match o.kind {
                    OwnerKind::User => ", a user",
                    OwnerKind::Page => ", a Page",
                    OwnerKind::Unknown => "",
                };
                format!(" ({}{kind})", o.name.as_deref().unwrap_or(&o.id))
            }
            None => String::new(),
        };
        if let Some(problem) = &self.problem {
            return match problem {
                TokenCheckProblem::Refused { problem, .. } => {
                    format!("{title} token refused: {}", problem.cause())
                }
                TokenCheckProblem::Unreachable(why) => {
                    format!("{title} token not checked: {why}")
                }
                TokenCheckProblem::Throttled(why) => {
                    format!("{title} token not checked: {title} is throttling it ({why})")
                }
            };
        }
        let read: Vec<&str> = self
            .reads
            .iter()
            .filter(|r| r.ok)
            .map(|r| r.what.as_str())
            .collect();
        let failed: Vec<&str> = self
            .reads
            .iter()
            .filter(|r| !r.ok)
            .map(|r| r.what.as_str())
            .collect();
        let mut parts = Vec::new();
        if !read.is_empty() {
            parts.push(format!("reads {}", read.join(", ")));
        }
        if !self.missing.is_empty() {
            parts.push(format!("missing {}", self.missing.join(", ")));
        }
        if !failed.is_empty() {
            parts.push(format!("cannot read {}", failed.join(", ")));
        }
        let verdict = if self.is_ready() {
            "ready"
        } else {
            "not ready"
        };
        format!("{title} token{whose}: {verdict} — {}", parts.join("; "))
    }
}

/// Checks the token `spec` would use, with `config`'s Graph URL and ids: whom it
/// speaks for, its permissions, and a read of what the source reads first. `Ok(None)`
/// for a replay (no token). Errors are the ones [`crate::sources::spawn`] would give
/// (no token, no account id, a bad URL). Owned arguments, so it can be spawned on a
/// runtime (the pre-flight screen's).
pub async fn check_token(
    spec: SourceSpec,
    config: SourceConfig,
) -> Result<Option<TokenHealth>, SourceError> {
    let (platform, token) = match &spec {
        SourceSpec::Replay { .. } => return Ok(None),
        SourceSpec::Instagram => (Platform::Instagram, config.ig_token.clone()),
        SourceSpec::FacebookPage | SourceSpec::Facebook { .. } => {
            (Platform::Facebook, config.fb_token.clone())
        }
    };
    let token: Token = token.ok_or(SourceError::MissingToken(platform))?;
    let probe = match &spec {
        SourceSpec::Replay { .. } => return Ok(None),
        SourceSpec::Instagram => Probe::Instagram(
            config
                .ig_user_id
                .clone()
                .filter(|id| is_valid_graph_id(id))
                .ok_or(SourceError::MissingIgUserId)?,
        ),
        SourceSpec::FacebookPage => Probe::Page(
            config
                .fb_page_id
                .clone()
                .filter(|id| is_valid_graph_id(id))
                .ok_or(SourceError::MissingFbPageId)?,
        ),
        SourceSpec::Facebook { live_video_id } => Probe::Video(live_video_id.clone()),
    };
    let client = Client::new(&config.graph_url, token, &config.timing)?;
    Ok(Some(check(&client, platform, &probe).await))
}

/// [`check_token`] for code that has no runtime at hand (the command line): runs it
/// on a small runtime of its own. Not for use inside a tokio runtime.
pub fn check_token_blocking(
    spec: SourceSpec,
    config: SourceConfig,
) -> Result<Option<TokenHealth>, SourceError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| SourceError::Http(format!("cannot start the check: {e}")))?;
    runtime.block_on(check_token(spec, config))
}

/// What the source reads first.
enum Probe {
    Instagram(String),
    Page(String),
    Video(String),
}

async fn check(client: &Client, platform: Platform, probe: &Probe) -> TokenHealth {
    let mut health = TokenHealth::new(platform);
    let needs = match platform {
        Platform::Instagram => INSTAGRAM_NEEDS,
        Platform::Facebook => FACEBOOK_NEEDS,
    };

    // Whom it speaks for; a refused token stops here.
    match client
        .get(client.endpoint(&["me"], &[("fields", "id,name"), ("metadata", "1")]))
        .await
    {
        Ok(reply) => health.owner = owner(&reply.body),
        Err(e) => match e.kind {
            ErrorKind::Token(problem) => {
                health.advice.push(problem.what_to_do(platform));
                health.problem = Some(TokenCheckProblem::Refused {
                    problem,
                    message: e.message,
                });
                return health;
            }
            ErrorKind::RateLimited => {
                health.problem = Some(TokenCheckProblem::Throttled(e.message));
                return health;
            }
            ErrorKind::Transient => {
                health.problem = Some(TokenCheckProblem::Unreachable(e.message));
                return health;
            }
            // `/me` refused for another reason: the reads below say more.
            _ => {}
        },
    }

    // Its permissions. A Page token may not list them; the reads still tell.
    match client
        .get(client.endpoint(&["me", "permissions"], &[]))
        .await
    {
        Ok(reply) => {
            let granted = granted(&reply.body);
            health.missing = needs
                .iter()
                .filter(|p| !granted.iter().any(|g| g == *p))
                .map(|p| (*p).to_owned())
                .collect();
            health.granted = Some(granted);
        }
        Err(e) => health.advice.push(format!(
            "The token's permissions could not be listed ({}); what it can read is checked \
             instead.",
            e.message
        )),
    }

    // What the source reads first.
    match probe {
        Probe::Instagram(user_id) => {
            let account = read(client, &[user_id], &[("fields", "id,username")]).await;
            let what = match &account {
                Ok(body) => match body.get("username").and_then(Value::as_str) {
                    Some(u) => format!("the Instagram account @{}", clip(u)),
                    None => format!("the Instagram account {user_id}"),
                },
                Err(_) => format!("the Instagram account {user_id}"),
            };
            note(&mut health, what, account, "instagram_basic", |_| {
                "found".into()
            });
            let live = read(client, &[user_id, "live_media"], &[("fields", "id")]).await;
            note(
                &mut health,
                "its live broadcasts".into(),
                live,
                "instagram_basic",
                live_now,
            );
        }
        Probe::Page(page_id) => {
            let page = read(client, &[page_id], &[("fields", "id,name")]).await;
            let what = match &page {
                Ok(body) => match body.get("name").and_then(Value::as_str) {
                    Some(n) => format!("the Page {}", clip(n)),
                    None => format!("the Page {page_id}"),
                },
                Err(_) => format!("the Page {page_id}"),
            };
            note(&mut health, what, page, "pages_read_engagement", |_| {
                "found".into()
            });
            let live = read(
                client,
                &[page_id, "live_videos"],
                &[("broadcast_status", r#"["LIVE"]"#), ("fields", "id")],
            )
            .await;
            note(
                &mut health,
                "its live videos".into(),
                live,
                "pages_read_engagement",
                live_now,
            );
            if let Some(o) = &health.owner
                && o.kind == OwnerKind::Page
                && o.id != *page_id
            {
                health.advice.push(format!(
                    "The token is {}'s, not the Page {page_id}'s: store the token of the Page \
                     that goes live.",
                    o.name.as_deref().unwrap_or(&o.id)
                ));
            }
        }
        Probe::Video(video_id) => {
            let video = read(client, &[video_id], &[("fields", "status")]).await;
            note(
                &mut health,
                format!("the live video {video_id}"),
                video,
                "pages_read_engagement",
                |body| match body.get("status") {
                    Some(Value::String(s)) => format!("status {}", clip(s)),
                    Some(other) => format!("status {}", clip(&other.to_string())),
                    None => "no status".into(),
                },
            );
        }
    }

    if !health.missing.is_empty() {
        health.advice.push(format!(
            "Make a new token that grants {} (see `livecue login --help`) and store it with \
             `livecue login {}`.",
            health.missing.join(", "),
            platform.as_str()
        ));
    }
    if platform == Platform::Facebook
        && health
            .owner
            .as_ref()
            .is_some_and(|o| o.kind == OwnerKind::User)
    {
        health.advice.push(
            "This is a user token: use the Page's long-lived token instead — Facebook names \
             who wrote a live comment only to a Page token, and a Page token's call budget \
             grows with the Page's audience where a user token gets a small hourly allowance \
             (see `livecue login --help`)."
                .into(),
        );
    }
    health
}

/// One GET of `segments?query`, the body or the error.
async fn read(
    client: &Client,
    segments: &[&str],
    query: &[(&str, &str)],
) -> Result<Value, GraphError> {
    client
        .get(client.endpoint(segments, query))
        .await
        .map(|reply| reply.body)
}

/// Records a read: what it found, or why it failed (a missing permission is added to
/// `missing`, the one named in the error or `needs`).
fn note(
    health: &mut TokenHealth,
    what: String,
    result: Result<Value, GraphError>,
    needs: &str,
    found: impl Fn(&Value) -> String,
) {
    match result {
        Ok(body) => health.reads.push(ReadCheck {
            what,
            ok: true,
            detail: found(&body),
        }),
        Err(e) => {
            if let ErrorKind::Permission(named) = &e.kind {
                let permission = named.clone().unwrap_or_else(|| needs.to_owned());
                if !health.missing.contains(&permission) {
                    health.missing.push(permission);
                }
            }
            health.reads.push(ReadCheck {
                what,
                ok: false,
                detail: e.message,
            });
        }
    }
}

fn live_now(body: &Value) -> String {
    match body.get("data").and_then(Value::as_array).map(Vec::len) {
        Some(0) => "not live now".into(),
        Some(_) => "live now".into(),
        None => "answered".into(),
    }
}

/// `/me` with `metadata=1`: id, name, and `metadata.type` (`user`, `page`).
fn owner(body: &Value) -> Option<TokenOwner> {
    let id = body.get("id").and_then(Value::as_str)?;
    let kind = match body.pointer("/metadata/type").and_then(Value::as_str) {
        Some("user") => OwnerKind::User,
        Some("page") => OwnerKind::Page,
        _ => OwnerKind::Unknown,
    };
    Some(TokenOwner {
        id: clip(id),
        name: body.get("name").and_then(Value::as_str).map(clip),
        kind,
    })
}

/// `/me/permissions`: `{"data":[{"permission":"instagram_basic","status":"granted"}, …]}`.
pub(super) fn granted(body: &Value) -> Vec<String> {
    body.get("data")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|p| p.get("status").and_then(Value::as_str) == Some("granted"))
        .filter_map(|p| p.get("permission").and_then(Value::as_str))
        .map(clip)
        .collect()
}

/// Text from the platform, bounded.
fn clip(text: &str) -> String {
    text.chars().take(100).collect()
}
