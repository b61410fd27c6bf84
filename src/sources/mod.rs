//! Comment sources: replay files, Instagram and Facebook Live (Graph API).
//!
//! Each source is a tokio task. It sends [`SourceMsg`]s — comments (with `platform`
//! set), status changes and notices — on a **bounded** channel, and calls a notify
//! function after each send so a UI can repaint. A full channel makes the source
//! wait (nothing is dropped) and the wait is reported: [`SourceMsg::Backpressure`]
//! and [`SourceHandle::is_backpressured`].
//!
//! ```text
//! SourceSpec ──spawn(spec, SourceConfig, tx, notify)──▶ task ──SourceMsg──▶ mpsc (bounded)
//!                                     │
//!                                SourceHandle: stop(), join(), is_finished()
//! ```

mod graph;
mod replay;
mod settings;
mod state;
mod token;

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

use crate::comments::Comment;

pub use crate::source_spec::{SourceSpec, SpecError, Speed, is_valid_graph_id};
pub use graph::{
    Accounts, AccountsError, HIDE_PERMISSION, InstagramAccount, PageAccount, ReplyAccount,
    ReplyError, hide_comment, list_accounts, list_accounts_blocking, needs as permissions_needed,
    reply_permission, send_private_reply,
};
pub use graph::{
    OwnerKind, ReadCheck, TokenCheckProblem, TokenHealth, TokenOwner, TokenProblem, check_token,
    check_token_blocking,
};
pub use settings::{SettingsError, SourceSettings};
pub use state::SourceState;
pub(crate) use token::keychain_message;
pub use token::{
    KEYCHAIN_SERVICE, Platform, Redactor, Token, TokenError, TokenOrigin, load_token, redact_url,
    store_token,
};

/// The Graph API base URL used unless configured otherwise (Facebook Login host, v26.0).
pub const DEFAULT_GRAPH_URL: &str = "https://graph.facebook.com/v26.0";

/// What a source says, in order, on its channel.
#[derive(Clone, Debug, PartialEq)]
pub enum SourceMsg {
    /// A comment not sent before (deduplicated by id), `platform` set.
    Comment(Comment),
    /// The source's state changed.
    Status(SourceState),
    /// Something the producer should know that is not a state change: a malformed
    /// replay line that was skipped, why the token was refused, paging cut short.
    Notice(String),
    /// The channel was full and the source waited this long to send; nothing was lost,
    /// but the consumer is falling behind.
    Backpressure {
        /// How long sends were blocked since the last report, in milliseconds.
        waited_ms: u64,
    },
}

/// Called after every message sent, e.g. `move || ctx.request_repaint()`.
pub type NotifyFn = Arc<dyn Fn() + Send + Sync>;

/// A notify function that does nothing (headless use, tests).
pub fn no_notify() -> NotifyFn {
    Arc::new(|| {})
}

/// Polling and back-off timings. The defaults suit a live show; tests shorten nothing
/// (they run on tokio's paused clock) but may read them.
#[derive(Clone, Debug, PartialEq)]
pub struct PollTiming {
    /// Between comment polls while live, before usage-based slowing (default 2 s).
    pub comments_every: Duration,
    /// Between checks for a broadcast that has not started (default 5 s).
    pub waiting_every: Duration,
    /// How often a live broadcast is checked for having ended (default 10 s).
    pub live_check_every: Duration,
    /// First retry delay after a transient failure, doubling per attempt (default 1 s).
    pub retry_base: Duration,
    /// Longest retry delay (default 60 s).
    pub retry_max: Duration,
    /// First wait when rate-limited without a hint from the platform, doubling per
    /// throttle in a row (default 10 s: comments can only be read while the live runs).
    pub rate_limit_base: Duration,
    /// Longest rate-limit wait without a hint (default 2 min); with one, livecue waits
    /// as long as the platform says.
    pub rate_limit_max: Duration,
    /// Timeout of one HTTP request (default 20 s).
    pub request_timeout: Duration,
    /// Most pages followed in one poll (default 200 × up to 50 comments).
    pub max_pages: usize,
}

impl Default for PollTiming {
    fn default() -> Self {
        Self {
            comments_every: Duration::from_secs(2),
            waiting_every: Duration::from_secs(5),
            live_check_every: Duration::from_secs(10),
            retry_base: Duration::from_secs(1),
            retry_max: Duration::from_secs(60),
            rate_limit_base: Duration::from_secs(10),
            rate_limit_max: Duration::from_secs(2 * 60),
            request_timeout: Duration::from_secs(20),
            max_pages: 200,
        }
    }
}

/// Everything a source needs besides its spec. `Debug` never shows tokens.
#[derive(Clone, Debug)]
pub struct SourceConfig {
    /// Graph API base URL including the version, e.g. `https://graph.facebook.com/v26.0`
    /// (a loopback server in tests).
    pub graph_url: String,
    /// The Instagram professional account's id (`--ig-user-id`).
    pub ig_user_id: Option<String>,
    /// The Facebook Page whose live video `facebook` follows (`--fb-page-id`).
    pub fb_page_id: Option<String>,
    /// Token for Instagram.
    pub ig_token: Option<Token>,
    /// Token for Facebook Live.
    pub fb_token: Option<Token>,
    /// Comment ids already received (a resumed session): never sent again.
    pub seen_ids: HashSet<String>,
    /// Polling and back-off timings.
    pub timing: PollTiming,
}

impl Default for SourceConfig {
    fn default() -> Self {
        Self {
            graph_url: DEFAULT_GRAPH_URL.to_owned(),
            ig_user_id: None,
            fb_page_id: None,
            ig_token: None,
            fb_token: None,
            seen_ids: HashSet::new(),
            timing: PollTiming::default(),
        }
    }
}

/// Why a source could not be started.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// `spawn` was called outside a tokio runtime.
    #[error("sources run on a tokio runtime, and none is running here")]
    NoRuntime,
    /// The platform's token is missing.
    #[error(
        "no {title} access token: set {var} or run `livecue login {name}`",
        title = .0.title(), var = .0.env_var(), name = .0.as_str()
    )]
    MissingToken(Platform),
    /// `instagram` without `--ig-user-id`.
    #[error(
        "the instagram source needs the account's Instagram user id (`--ig-user-id`), digits only"
    )]
    MissingIgUserId,
    /// `facebook` without `--fb-page-id`.
    #[error(
        "the facebook source needs the Facebook Page's id (`--fb-page-id`), digits only, or one live video: `facebook:LIVE_VIDEO_ID`"
    )]
    MissingFbPageId,
    /// The base URL is not a usable http(s) URL.
    #[error("bad Graph API URL `{0}`: {1}")]
    BadGraphUrl(String, String),
    /// The HTTP client could not be built.
    #[error("cannot set up HTTPS: {0}")]
    Http(String),
}

/// A running source. Dropping the handle stops the source too.
#[derive(Debug)]
pub struct SourceHandle {
    name: String,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
    shared: Arc<Shared>,
}

#[derive(Debug, Default)]
struct Shared {
    backpressured: AtomicBool,
}

impl SourceHandle {
    /// The source's name as on the command line (journal `source` field).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Asks the source to stop; it sends nothing more once it has noticed.
    pub fn stop(&self) {
        let _ = self.stop.send(true);
    }

    /// True once the task has ended (by itself, or stopped).
    pub fn is_finished(&self) -> bool {
        self.task.as_ref().is_none_or(|t| t.is_finished())
    }

    /// True while the source is waiting on a full channel.
    pub fn is_backpressured(&self) -> bool {
        self.shared.backpressured.load(Ordering::Relaxed)
    }

    /// Waits for the task to end (call [`Self::stop`] first to end it early).
    pub async fn join(mut self) {
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for SourceHandle {
    fn drop(&mut self) {
        if let Some(task) = &self.task {
            task.abort();
        }
    }
}

/// Starts a source on the current tokio runtime. Configuration problems (no token, no
/// Instagram user id, a bad URL) are returned here; everything after start-up arrives
/// as [`SourceMsg`]s on `tx`.
pub fn spawn(
    spec: SourceSpec,
    config: SourceConfig,
    tx: mpsc::Sender<SourceMsg>,
    notify: NotifyFn,
) -> Result<SourceHandle, SourceError> {
    let runtime = tokio::runtime::Handle::try_current().map_err(|_| SourceError::NoRuntime)?;
    let name = spec.to_string();
    let shared = Arc::new(Shared::default());
    let out = Outbox::new(tx, notify, shared.clone());
    let (stop, mut stopped) = watch::channel(false);
    let work: std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> = match spec {
        SourceSpec::Replay { path, speed } => {
            Box::pin(replay::run(path, speed, config.seen_ids, out))
        }
        SourceSpec::Instagram => {
            let token = config
                .ig_token
                .clone()
                .ok_or(SourceError::MissingToken(Platform::Instagram))?;
            let user_id = config
                .ig_user_id
                .clone()
                .filter(|id| is_valid_graph_id(id))
                .ok_or(SourceError::MissingIgUserId)?;
            let client = graph::Client::new(&config.graph_url, token, &config.timing)?;
            let target = graph::Target::Instagram {
                user_id,
                media_id: None,
            };
            Box::pin(graph::run(client, target, config, out))
        }
        SourceSpec::Facebook { live_video_id } => {
            let client = graph::Client::new(&config.graph_url, fb_token(&config)?, &config.timing)?;
            let target = graph::Target::facebook_video(live_video_id);
            Box::pin(graph::run(client, target, config, out))
        }
        SourceSpec::FacebookPage => {
            let token = fb_token(&config)?;
            let page_id = config
                .fb_page_id
                .clone()
                .filter(|id| is_valid_graph_id(id))
                .ok_or(SourceError::MissingFbPageId)?;
            let client = graph::Client::new(&config.graph_url, token, &config.timing)?;
            let target = graph::Target::FacebookPage {
                page_id,
                live_video_id: None,
            };
            Box::pin(graph::run(client, target, config, out))
        }
    };
    let task = runtime.spawn(async move {
        tokio::select! {
            biased;
            _ = stopped.wait_for(|s| *s) => {}
            () = work => {}
        }
    });
    Ok(SourceHandle {
        name,
        stop,
        task: Some(task),
        shared,
    })
}

fn fb_token(config: &SourceConfig) -> Result<Token, SourceError> {
    config
        .fb_token
        .clone()
        .ok_or(SourceError::MissingToken(Platform::Facebook))
}

/// The receiving end went away: the source has no one to talk to and stops.
#[derive(Debug)]
pub(crate) struct Closed;

/// The sending side every source uses: waits instead of dropping, reports waits,
/// notifies after each send and sends a status only when it changes.
pub(crate) struct Outbox {
    tx: mpsc::Sender<SourceMsg>,
    notify: NotifyFn,
    shared: Arc<Shared>,
    last_status: Option<SourceState>,
    unreported_wait: Duration,
    last_report: Option<tokio::time::Instant>,
}

/// How often a lasting stall on a full channel is reported.
const REPORT_EVERY: Duration = Duration::from_secs(1);

impl Outbox {
    fn new(tx: mpsc::Sender<SourceMsg>, notify: NotifyFn, shared: Arc<Shared>) -> Self {
        Self {
            tx,
            notify,
            shared,
            last_status: None,
            unreported_wait: Duration::ZERO,
            last_report: None,
        }
    }

    async fn send(&mut self, msg: SourceMsg) -> Result<(), Closed> {
        let waited = match self.tx.try_send(msg) {
            Ok(()) => false,
            Err(mpsc::error::TrySendError::Closed(_)) => return Err(Closed),
            Err(mpsc::error::TrySendError::Full(msg)) => {
                self.shared.backpressured.store(true, Ordering::Relaxed);
                (self.notify)();
                let started = tokio::time::Instant::now();
                let sent = self.tx.send(msg).await;
                self.unreported_wait += started.elapsed();
                self.shared.backpressured.store(false, Ordering::Relaxed);
                sent.map_err(|_| Closed)?;
                true
            }
        };
        (self.notify)();
        if !self.unreported_wait.is_zero() {
            self.report_wait(waited).await?;
        }
        Ok(())
    }

    /// Reports time spent waiting on a full channel: at once when a stall begins, then
    /// at most every [`REPORT_EVERY`] while it lasts, and what is left when it ends.
    async fn report_wait(&mut self, still_full: bool) -> Result<(), Closed> {
        let now = tokio::time::Instant::now();
        let due = self
            .last_report
            .is_none_or(|t| now.duration_since(t) >= REPORT_EVERY);
        let waited_ms = u64::try_from(self.unreported_wait.as_millis()).unwrap_or(u64::MAX);
        let report = SourceMsg::Backpressure { waited_ms };
        if still_full {
            if !due {
                return Ok(());
            }
            // Waiting for room once more is the price of never losing the report.
            self.tx.send(report).await.map_err(|_| Closed)?;
        } else if self.tx.try_send(report).is_err() {
            return Ok(());
        }
        self.unreported_wait = Duration::ZERO;
        self.last_report = Some(now);
        (self.notify)();
        Ok(())
    }

    pub(crate) async fn comment(&mut self, c: Comment) -> Result<(), Closed> {
        self.send(SourceMsg::Comment(c)).await
    }

    pub(crate) async fn notice(&mut self, text: String) -> Result<(), Closed> {
        self.send(SourceMsg::Notice(text)).await
    }

    /// Sends `state` unless it is the state last sent.
    pub(crate) async fn status(&mut self, state: SourceState) -> Result<(), Closed> {
        if self.last_status.as_ref() == Some(&state) {
            return Ok(());
        }
        self.last_status = Some(state.clone());
        self.send(SourceMsg::Status(state)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_debug_hides_tokens() {
        let config = SourceConfig {
            ig_token: Token::new("EAAsecret-ig"),
            fb_token: Token::new("EAAsecret-fb"),
            ..SourceConfig::default()
        };
        let debug = format!("{config:?}");
        assert!(!debug.contains("EAAsecret"), "{debug}");
        assert!(debug.contains("REDACTED"), "{debug}");
    }

    #[tokio::test]
    async fn spawn_refuses_missing_token_and_user_id() {
        let (tx, _rx) = mpsc::channel(4);
        let e = spawn(
            SourceSpec::Instagram,
            SourceConfig::default(),
            tx.clone(),
            no_notify(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("LIVECUE_IG_TOKEN"), "{e}");
        let config = SourceConfig {
            ig_token: Token::new("t"),
            ig_user_id: Some("17841400008460056/../x".into()),
            ..SourceConfig::default()
        };
        let e = spawn(SourceSpec::Instagram, config, tx.clone(), no_notify()).unwrap_err();
        assert!(matches!(e, SourceError::MissingIgUserId), "{e}");
        let e = spawn(
            SourceSpec::Facebook {
                live_video_id: "1".into(),
            },
            SourceConfig::default(),
            tx,
            no_notify(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("LIVECUE_FB_TOKEN"), "{e}");
    }

    #[test]
    fn spawn_needs_a_runtime() {
        let (tx, _rx) = mpsc::channel(4);
        let e = spawn(
            SourceSpec::Instagram,
            SourceConfig::default(),
            tx,
            no_notify(),
        )
        .unwrap_err();
        assert!(matches!(e, SourceError::NoRuntime));
    }
}
