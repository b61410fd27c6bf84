//! The HTTP side: routes, the token check, the WebSocket. Runs on the runner's runtime
//! and reaches the show only through the watch (state) and the request channel.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::json;
use tokio::sync::{mpsc, oneshot, watch};

use super::actions::{ACTION_NAMES, ApiAction, ParseError};
use super::pages::{self, Page};
use super::{ApiState, Request as ShowRequest, Token, Wake};

/// The cookie a page keeps the token in after `?token=` signed it in.
const COOKIE: &str = "livecue_token";
/// Wrong tokens one address may try per window before it gets 429 instead of 401.
const MAX_FAILURES: usize = 10;
/// The window wrong tokens are counted over.
const FAILURE_WINDOW: Duration = Duration::from_secs(60);
/// Addresses whose failures are remembered; past this the oldest are forgotten.
const MAX_ADDRESSES: usize = 1024;
/// How long an action may wait for the show thread (the app may be minimised and slow
/// to repaint); past it the client hears 503 and the action may still happen.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);

/// What every handler shares.
pub(super) struct Shared {
    /// Replaced in place by "New link", so the server keeps its port.
    token: std::sync::RwLock<Token>,
    state: watch::Receiver<Arc<ApiState>>,
    requests: mpsc::Sender<ShowRequest>,
    wake: Arc<Wake>,
    failures: Mutex<HashMap<IpAddr, Vec<Instant>>>,
}

impl Shared {
    pub(super) fn new(
        token: Token,
        state: watch::Receiver<Arc<ApiState>>,
        requests: mpsc::Sender<ShowRequest>,
        wake: Arc<Wake>,
    ) -> Arc<Self> {
        Arc::new(Self {
            token: std::sync::RwLock::new(token),
            state,
            requests,
            wake,
            failures: Mutex::new(HashMap::new()),
        })
    }

    /// Whether `given` is the token now.
    fn token_matches(&self, given: &str) -> bool {
        self.token.read().is_ok_and(|t| t.matches(given))
    }

    /// Serves with `token` from now on; the old one stops working.
    pub(super) fn set_token(&self, token: Token) {
        if let Ok(mut t) = self.token.write() {
            *t = token;
        }
    }

    /// Counts a wrong token from `ip`; true while it is within its allowance.
    fn note_failure(&self, ip: IpAddr) -> bool {
        let Ok(mut failures) = self.failures.lock() else {
            return false;
        };
        let now = Instant::now();
        if failures.len() >= MAX_ADDRESSES && !failures.contains_key(&ip) {
            failures.retain(|_, times| {
                times.retain(|t| now.duration_since(*t) < FAILURE_WINDOW);
                !times.is_empty()
            });
            if failures.len() >= MAX_ADDRESSES {
                failures.clear();
            }
        }
        let times = failures.entry(ip).or_default();
        times.retain(|t| now.duration_since(*t) < FAILURE_WINDOW);
        if times.len() >= MAX_FAILURES {
            return false;
        }
        times.push(now);
        true
    }
}

/// Serves until the task is aborted.
pub(super) async fn run(listener: tokio::net::TcpListener, shared: Arc<Shared>) {
    let app = Router::new()
        .route("/", get(producer_page))
        .route("/producer", get(producer_page))
        .route("/overlay", get(overlay_page))
        .route("/timer", get(timer_page))
        .route("/api/state", get(state))
        .route("/api/action/{name}", get(action).post(action))
        .route("/ws", get(websocket))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), auth))
        .with_state(shared);
    // Serving ends only with the listener failing; the show goes on without the API.
    let _ = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await;
}

/// Every request needs the token: `Authorization: Bearer`, the page cookie, or
/// `?token=` (which sets the cookie, so a page's own requests carry it).
async fn auth(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    let headers = request.headers();
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned());
    let query = Query::<HashMap<String, String>>::try_from_uri(request.uri())
        .ok()
        .and_then(|Query(q)| q.get("token").cloned());
    let given = [bearer.map(str::to_owned), cookie, query.clone()];
    if !given.iter().flatten().any(|t| shared.token_matches(t)) {
        let anything = given.iter().any(Option::is_some);
        return if !anything || shared.note_failure(peer.ip()) {
            error(
                StatusCode::UNAUTHORIZED,
                "livecue needs its token: open the link livecue printed (http://ADDR/?token=…), \
                 or send Authorization: Bearer TOKEN",
            )
        } else {
            let mut response = error(
                StatusCode::TOO_MANY_REQUESTS,
                "too many wrong tokens from this address; wait a minute",
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
            response
        };
    }
    let signed_in_by_query = query.filter(|t| shared.token_matches(t));
    let mut response = next.run(request).await;
    if let Some(token) = signed_in_by_query {
        let cookie = format!("{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/");
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

fn error(status: StatusCode, why: &str) -> Response {
    (status, axum::Json(json!({ "error": why }))).into_response()
}

async fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "no such page: livecue serves /producer, /overlay, /timer, /api/state, /api/action/NAME and /ws",
    )
}

async fn producer_page(State(shared): State<Arc<Shared>>) -> Response {
    pages::respond(Page::Producer, &current(&shared))
}

async fn overlay_page(State(shared): State<Arc<Shared>>) -> Response {
    pages::respond(Page::Overlay, &current(&shared))
}

async fn timer_page(State(shared): State<Arc<Shared>>) -> Response {
    pages::respond(Page::Timer, &current(&shared))
}

fn current(shared: &Shared) -> Arc<ApiState> {
    Arc::clone(&shared.state.borrow())
}

async fn state(State(shared): State<Arc<Shared>>) -> Response {
    let mut response = axum::Json(current(&shared)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `GET` or `POST /api/action/{name}`: both, since Companion's and vMix's generic HTTP
/// buttons send either.
async fn action(
    State(shared): State<Arc<Shared>>,
    Path(name): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let action = match ApiAction::parse(&name, &query) {
        Ok(action) => action,
        Err(ParseError::Unknown(name)) => {
            return (
                StatusCode::NOT_FOUND,
                axum::Json(json!({
                    "error": format!("no action `{name}`"),
                    "actions": ACTION_NAMES,
                })),
            )
                .into_response();
        }
        Err(ParseError::BadParameter(why)) => return error(StatusCode::BAD_REQUEST, &why),
    };
    let (reply, answer) = oneshot::channel();
    let request = ShowRequest { action, reply };
    if shared.requests.send(request).await.is_err() {
        return error(StatusCode::SERVICE_UNAVAILABLE, "the show has closed");
    }
    shared.wake.wake();
    match tokio::time::timeout(ANSWER_TIMEOUT, answer).await {
        Ok(Ok(Ok(()))) => (
            StatusCode::OK,
            axum::Json(json!({ "ok": true, "state": *current(&shared) })),
        )
            .into_response(),
        Ok(Ok(Err(why))) => error(
            StatusCode::CONFLICT,
            &format!("{name} does not apply now: {why}"),
        ),
        _ => error(
            StatusCode::SERVICE_UNAVAILABLE,
            "livecue did not answer in time; the action may still happen",
        ),
    }
}

/// The state on connect, then whenever it changes (at least once a second while the
/// clock runs, since the snapshot's seconds change).
async fn websocket(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    if !same_origin(&headers) {
        return error(
            StatusCode::FORBIDDEN,
            "a WebSocket from another site's page is refused",
        );
    }
    let state = shared.state.clone();
    upgrade.on_upgrade(move |socket| send_states(socket, state))
}

/// A browser names the page's origin; it must be this server (`http://HOST`), so no
/// other site's page can read the show with the producer's cookie. Clients that are not
/// browsers send no `Origin` and carry the token themselves.
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    match (origin.to_str().ok(), host) {
        (Some(origin), Some(host)) => origin.strip_prefix("http://") == Some(host),
        _ => false,
    }
}

async fn send_states(mut socket: WebSocket, mut state: watch::Receiver<Arc<ApiState>>) {
    loop {
        let now = Arc::clone(&state.borrow_and_update());
        let Ok(text) = serde_json::to_string(&*now) else {
            return;
        };
        if socket.send(Message::Text(text.into())).await.is_err() {
            return;
        }
        loop {
            tokio::select! {
                changed = state.changed() => {
                    if changed.is_err() {
                        return;
                    }
                    break;
                }
                incoming = socket.recv() => match incoming {
                    // Pings are answered by the library; anything else a client says is ignored.
                    Some(Ok(Message::Close(_)) | Err(_)) | None => return,
                    Some(Ok(_)) => {}
                },
            }
        }
    }
}
