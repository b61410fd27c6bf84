//! The local API and its web pages: `--serve [ADDR]` on the app and on `livecue record`.
//!
//! The session lives on the thread that runs the show (the app's UI thread, `record`'s
//! loop), so the server, on the runner's tokio runtime, never touches it:
//!
//! ```text
//!  HTTP / WebSocket (runtime)                          show thread (ShowRunner::tick)
//!  POST /api/action/next ──Request{action, reply}──▶ mpsc ──▶ resolve → Live::perform
//!        ◀── 200 / 409 why ───────────── oneshot ◀──────────┘         │
//!  GET /api/state, /ws ◀── watch<Arc<ApiState>> ◀── snapshot after each pump and action
//! ```
//!
//! A request wakes the show thread ([`Wake`]: the app's repaint, `record`'s wait), so
//! an action is carried out and its new state sent within a frame.

mod actions;
mod lan;
mod pages;
mod pin;
mod server;
mod state;
mod token;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::sync::{Notify, mpsc, oneshot, watch};

pub use actions::{ACTION_NAMES, ApiAction, ParseError};
pub use lan::{InterfaceAddr, interfaces, link_addrs};
pub use pin::{KeychainLinkStore, LinkStore, MemoryLinkStore, pinned_token};
pub use state::{ApiState, snapshot};
pub use token::Token;

use crate::session::Live;
use crate::sources::NotifyFn;

/// The address `--serve` binds to when given none: this computer only.
pub const DEFAULT_ADDR: &str = "127.0.0.1:4090";

/// Requests that may wait for the show thread.
const REQUESTS: usize = 64;

/// Why the API could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound (in use, not this computer's).
    #[error("could not listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// No random token could be made.
    #[error("could not make a random token: {0}")]
    Random(getrandom::Error),
}

/// Where the API listens, and the one link that opens it.
#[derive(Clone, Debug)]
pub struct Serving {
    /// The address bound (the real port when 0 was asked for).
    pub addr: SocketAddr,
    /// The addresses the link names, best first: [`Self::addr`], or for an unspecified
    /// one (`0.0.0.0`, `::`) this computer's network addresses ([`link_addrs`]).
    pub link_addrs: Vec<SocketAddr>,
    token: Token,
    /// Whether the token is the pinned one ("Keep this link"), not this run's own.
    pub pinned: bool,
}

impl Serving {
    /// The token the link carries (for pinning it; `Debug` never shows it).
    pub fn token(&self) -> &Token {
        &self.token
    }

    /// `http://ADDR/?token=TOKEN`: the producer page, signed in, at the best address.
    pub fn url(&self) -> String {
        self.url_at(self.link_addrs.first().copied().unwrap_or(self.addr))
    }

    /// The same link at each of [`Self::link_addrs`].
    pub fn urls(&self) -> Vec<String> {
        self.link_addrs.iter().map(|a| self.url_at(*a)).collect()
    }

    fn url_at(&self, addr: SocketAddr) -> String {
        format!("http://{addr}/?token={}", self.token.reveal())
    }
}

/// Wakes the show thread when a request arrives.
pub struct Wake {
    notify: Notify,
    repaint: Mutex<NotifyFn>,
}

impl Wake {
    fn new(repaint: NotifyFn) -> Self {
        Self {
            notify: Notify::new(),
            repaint: Mutex::new(repaint),
        }
    }

    /// Wakes whoever waits: a blocked `wait` at once, the app through a repaint.
    pub fn wake(&self) {
        self.notify.notify_one();
        let repaint = self.repaint.lock().map(|r| Arc::clone(&r));
        if let Ok(repaint) = repaint {
            repaint();
        }
    }

    /// Resolves at the next [`Self::wake`] (or at once when one came since the last).
    pub async fn notified(&self) {
        self.notify.notified().await;
    }

    /// Replaces the repaint callback (the app's, once its window exists).
    pub fn set_repaint(&self, repaint: NotifyFn) {
        if let Ok(mut r) = self.repaint.lock() {
            *r = repaint;
        }
    }
}

/// An action on its way to the show thread, with where its answer goes.
struct Request {
    action: ApiAction,
    reply: oneshot::Sender<Result<(), String>>,
}

/// The show thread's end of a running API server. Dropping it stops the server.
pub struct Link {
    serving: Serving,
    state: watch::Sender<Arc<ApiState>>,
    requests: mpsc::Receiver<Request>,
    wake: Arc<Wake>,
    shared: Arc<server::Shared>,
    language: crate::locale::Language,
    task: tokio::task::JoinHandle<()>,
}

impl Link {
    /// Binds `addr` (at once, so a port in use is an error here, not later) and serves on
    /// `runtime`, starting from `first` as the state, with the `pinned` token if given,
    /// else a random one.
    pub fn start(
        runtime: &tokio::runtime::Handle,
        addr: SocketAddr,
        pinned: Option<Token>,
        first: ApiState,
        repaint: NotifyFn,
    ) -> Result<Self, ServeError> {
        let bind_error = |source| ServeError::Bind { addr, source };
        let listener = std::net::TcpListener::bind(addr).map_err(bind_error)?;
        listener.set_nonblocking(true).map_err(bind_error)?;
        let local = listener.local_addr().map_err(bind_error)?;
        let language = crate::locale::Language::from_os();
        let first = ApiState {
            language: state::language_tag(language),
            ..first
        };
        let is_pinned = pinned.is_some();
        let token = match pinned {
            Some(token) => token,
            None => Token::random().map_err(ServeError::Random)?,
        };
        let (state_tx, state_rx) = watch::channel(Arc::new(first));
        let (req_tx, req_rx) = mpsc::channel(REQUESTS);
        let wake = Arc::new(Wake::new(repaint));
        let shared = server::Shared::new(token.clone(), state_rx, req_tx, Arc::clone(&wake));
        let listener = {
            let _entered = runtime.enter();
            tokio::net::TcpListener::from_std(listener).map_err(bind_error)?
        };
        let task = runtime.spawn(server::run(listener, Arc::clone(&shared)));
        Ok(Self {
            serving: Serving {
                addr: local,
                link_addrs: link_addrs(local, &interfaces()),
                token,
                pinned: is_pinned,
            },
            state: state_tx,
            requests: req_rx,
            wake,
            shared,
            language,
            task,
        })
    }

    /// Where it listens.
    pub fn serving(&self) -> &Serving {
        &self.serving
    }

    /// Serves with `token` from now on, on the same address; links with the old one
    /// stop working (pages already open keep their cookie and are refused too).
    pub fn set_token(&mut self, token: Token, pinned: bool) {
        self.shared.set_token(token.clone());
        self.serving.token = token;
        self.serving.pinned = pinned;
    }

    /// Words the pages in `language` (the app's interface language; the OS's until
    /// told), from the next published state.
    pub fn set_language(&mut self, language: crate::locale::Language) {
        self.language = language;
    }

    /// Marks the token as pinned or not (it stays the same).
    pub fn set_pinned(&mut self, pinned: bool) {
        self.serving.pinned = pinned;
    }

    /// What wakes the show thread.
    pub fn wake(&self) -> &Arc<Wake> {
        &self.wake
    }

    /// Carries out the actions waiting, then publishes `state` (made after them by the
    /// caller's `make_state`), then answers each, so an answer's client reads the new state.
    pub fn answer(&mut self, live: &mut Live, make_state: impl FnOnce(&Live) -> ApiState) {
        let mut answers = Vec::new();
        while let Ok(request) = self.requests.try_recv() {
            let result =
                request
                    .action
                    .resolve(live)
                    .and_then(|action| match live.perform(action) {
                        true => Ok(()),
                        false => Err("it does not apply now".to_owned()),
                    });
            answers.push((request.reply, result));
        }
        let state = ApiState {
            language: state::language_tag(self.language),
            ..make_state(live)
        };
        // Only a real change wakes the WebSockets; time moves the snapshot once a second.
        self.state.send_if_modified(|old| {
            let changed = **old != state;
            if changed {
                *old = Arc::new(state);
            }
            changed
        });
        for (reply, result) in answers {
            // The client may have gone; the action stands either way.
            let _ = reply.send(result);
        }
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        self.task.abort();
    }
}
