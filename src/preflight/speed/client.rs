//! The requests of Cloudflare's speed-test protocol, over reqwest.

use std::convert::Infallible;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body::{Frame, SizeHint};
use reqwest::Url;
use tokio::time::{Duration, Instant, sleep_until, timeout};

use super::meter::Meter;
use super::{Phase, SpeedConfig, SpeedError};

/// An upload body is handed to the connection in pieces this big, so what was taken
/// shows progress.
const UPLOAD_PIECE: usize = 16 * 1024;

/// Once an upload body is all handed over, the server still has to read what sits in
/// the socket buffers: allow it this rate on top of the stall timeout (about 0.5 Mbit/s,
/// under which no live stream works anyway), before the upload counts as stalled.
const DRAIN_FLOOR_BYTES_PER_SEC: f64 = 64.0 * 1024.0;

/// How often an upload's progress is looked at.
const UPLOAD_RECHECK: Duration = Duration::from_millis(250);

/// A speed-test server and how long to wait for it.
pub(crate) struct Client {
    http: reqwest::Client,
    server: String,
    down: Url,
    up: Url,
    connect_timeout: Duration,
    stall_timeout: Duration,
}

impl Client {
    /// For `config.server`; fails only on an address that is not an http(s) URL.
    pub(crate) fn new(config: &SpeedConfig) -> Result<Self, SpeedError> {
        let address = config.server.trim();
        let bad = |why: &str| SpeedError::BadServer {
            address: address.to_owned(),
            why: why.to_owned(),
        };
        let mut base = Url::parse(address).map_err(|e| bad(&e.to_string()))?;
        if !matches!(base.scheme(), "http" | "https") || base.cannot_be_a_base() {
            return Err(bad("not an http(s) address"));
        }
        if base.query().is_some() || base.fragment().is_some() {
            return Err(bad("give the address without a query"));
        }
        if let Ok(mut segments) = base.path_segments_mut() {
            segments.pop_if_empty();
        }
        let endpoint = |name: &str| {
            let mut url = base.clone();
            if let Ok(mut segments) = url.path_segments_mut() {
                segments.push(name);
            }
            url
        };
        // One TLS stack, rustls with ring; a provider installed earlier wins.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            // Covers DNS, TCP and TLS. No overall timeout: transfers are time-boxed by
            // their phase and watched for stalls instead.
            .connect_timeout(config.connect_timeout)
            .user_agent(concat!("livecue/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| bad(&describe(&e)))?;
        Ok(Self {
            http,
            server: base.as_str().trim_end_matches('/').to_owned(),
            down: endpoint("__down"),
            up: endpoint("__up"),
            connect_timeout: config.connect_timeout,
            stall_timeout: config.stall_timeout,
        })
    }

    /// The server's base URL, as measured against.
    pub(crate) fn server(&self) -> &str {
        &self.server
    }

    fn stalled(&self, phase: Phase) -> SpeedError {
        SpeedError::Stalled {
            phase,
            secs: self.stall_timeout.as_secs_f64().ceil().max(1.0) as u64,
        }
    }

    /// A request failed before or during its response.
    fn failed(&self, e: &reqwest::Error, phase: Phase) -> SpeedError {
        if e.is_connect() || e.is_timeout() {
            let reason = if e.is_timeout() {
                format!(
                    "no answer within {} s",
                    self.connect_timeout.as_secs_f64().ceil()
                )
            } else {
                describe(e)
            };
            SpeedError::Unreachable {
                server: self.server.clone(),
                reason,
            }
        } else if let Some(status) = e.status() {
            SpeedError::Refused {
                server: self.server.clone(),
                status: status.as_u16(),
            }
        } else {
            SpeedError::Dropped {
                phase,
                reason: describe(e),
            }
        }
    }

    /// Sends and waits for the response's head: a connection may have to be opened
    /// first, then the server has the stall timeout to answer.
    async fn head(
        &self,
        request: reqwest::RequestBuilder,
        phase: Phase,
    ) -> Result<reqwest::Response, SpeedError> {
        let response = timeout(self.connect_timeout + self.stall_timeout, request.send())
            .await
            .map_err(|_| self.stalled(phase))?
            .map_err(|e| self.failed(&e, phase))?;
        self.accepted(response)
    }

    fn accepted(&self, response: reqwest::Response) -> Result<reqwest::Response, SpeedError> {
        let status = response.status();
        if status.is_success() {
            Ok(response)
        } else {
            Err(SpeedError::Refused {
                server: self.server.clone(),
                status: status.as_u16(),
            })
        }
    }

    /// Reads a response to its end, so its connection can carry the next request.
    async fn drain(&self, mut response: reqwest::Response, phase: Phase) -> Result<(), SpeedError> {
        loop {
            match timeout(self.stall_timeout, response.chunk()).await {
                Err(_) => return Err(self.stalled(phase)),
                Ok(Err(e)) => return Err(self.failed(&e, phase)),
                Ok(Ok(None)) => return Ok(()),
                Ok(Ok(Some(_))) => {}
            }
        }
    }

    /// One round trip, `GET __down?bytes=0`: milliseconds from sending to the response's
    /// head, less the time the server says it spent. `during` tells the server what else
    /// is running (`download`, `upload`), as Cloudflare's client does.
    pub(crate) async fn ping(&self, phase: Phase, during: Option<&str>) -> Result<f64, SpeedError> {
        let mut url = self.down.clone();
        url.query_pairs_mut().append_pair("bytes", "0");
        if let Some(during) = during {
            url.query_pairs_mut().append_pair("during", during);
        }
        let sent = Instant::now();
        let response = self.head(self.http.get(url), phase).await?;
        let first_byte_ms = sent.elapsed().as_secs_f64() * 1000.0;
        let server_ms = response
            .headers()
            .get_all("server-timing")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(server_time_ms)
            .unwrap_or(0.0);
        self.drain(response, phase).await?;
        Ok((first_byte_ms - server_ms).max(0.0))
    }

    /// `GET __down?bytes=N`, each piece of the body recorded in `meter` as it arrives.
    pub(crate) async fn download(&self, bytes: u64, meter: &Meter) -> Result<(), SpeedError> {
        let phase = Phase::Download;
        let mut url = self.down.clone();
        url.query_pairs_mut()
            .append_pair("bytes", &bytes.to_string());
        let mut response = self.head(self.http.get(url), phase).await?;
        let mut last = Instant::now();
        loop {
            match timeout(self.stall_timeout, response.chunk()).await {
                Err(_) => return Err(self.stalled(phase)),
                Ok(Err(e)) => return Err(self.failed(&e, phase)),
                Ok(Ok(None)) => return Ok(()),
                Ok(Ok(Some(piece))) => {
                    let now = Instant::now();
                    meter.add(last, now, piece.len());
                    last = now;
                }
            }
        }
    }

    /// `POST __up` with `payload`: the time from sending to the head of the server's
    /// response, which comes only once the whole body has reached it.
    pub(crate) async fn upload(&self, payload: Bytes) -> Result<Duration, SpeedError> {
        let phase = Phase::Upload;
        let size = payload.len();
        let sent = Instant::now();
        let taken = Arc::new(Taken::default());
        let body = CountingBody {
            rest: payload,
            taken: taken.clone(),
        };
        let request = self
            .http
            .post(self.up.clone())
            .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
            .body(reqwest::Body::wrap(body))
            .send();
        tokio::pin!(request);
        loop {
            let seen = taken.get();
            // Nothing taken for the stall timeout is a stall; so is no answer long after
            // the whole body went, allowing for what the socket buffers still hold.
            let wake = match seen {
                None => sent + self.connect_timeout + self.stall_timeout,
                Some((at, false)) => at + self.stall_timeout,
                Some((at, true)) => {
                    at + self.stall_timeout
                        + Duration::from_secs_f64(size as f64 / DRAIN_FLOOR_BYTES_PER_SEC)
                }
            };
            // Looked at again now and then: pieces taken meanwhile move the deadline.
            let check = wake.min(Instant::now() + UPLOAD_RECHECK);
            tokio::select! {
                response = &mut request => {
                    let response = self.accepted(response.map_err(|e| self.failed(&e, phase))?)?;
                    let took = sent.elapsed();
                    self.drain(response, phase).await?;
                    return Ok(took);
                }
                () = sleep_until(check) => {
                    if Instant::now() >= wake && taken.get() == seen {
                        return Err(self.stalled(phase));
                    }
                }
            }
        }
    }
}

/// How much of an upload body the connection has taken: when it last took a piece, and
/// whether that was the last piece.
#[derive(Default)]
struct Taken(Mutex<Option<(Instant, bool)>>);

impl Taken {
    fn get(&self) -> Option<(Instant, bool)> {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn set(&self, done: bool) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some((Instant::now(), done));
    }
}

/// An upload body handed over in pieces, noting each piece taken.
struct CountingBody {
    rest: Bytes,
    taken: Arc<Taken>,
}

impl http_body::Body for CountingBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        if this.rest.is_empty() {
            return Poll::Ready(None);
        }
        let piece = this.rest.split_to(UPLOAD_PIECE.min(this.rest.len()));
        this.taken.set(this.rest.is_empty());
        Poll::Ready(Some(Ok(Frame::data(piece))))
    }

    fn is_end_stream(&self) -> bool {
        self.rest.is_empty()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.rest.len() as u64)
    }
}

/// The server's own processing time from a `server-timing` header, milliseconds:
/// `cfRequestDuration;dur=…`, else the sum of `cfSpeed…;dur=…` entries (as Cloudflare's
/// client reads it). Tiny values are noise and count as absent.
pub(crate) fn server_time_ms(header: &str) -> Option<f64> {
    let entries: Vec<(String, Option<f64>)> = header
        .split(',')
        .map(|entry| {
            let mut parts = entry.split(';').map(str::trim);
            let name = parts.next().unwrap_or("").to_ascii_lowercase();
            let dur = parts
                .filter_map(|p| p.split_once('='))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("dur"))
                .and_then(|(_, v)| v.trim().trim_matches('"').parse::<f64>().ok())
                .filter(|d| d.is_finite() && *d >= 0.0);
            (name, dur)
        })
        .collect();
    let request = entries
        .iter()
        .find(|(name, _)| {
            matches!(
                name.as_str(),
                "cfrequestduration" | "cfreqduration" | "cfrequestdur" | "cfreqdur"
            )
        })
        .and_then(|(_, dur)| *dur);
    const NOISE_MS: f64 = 0.01;
    if let Some(d) = request.filter(|d| *d > NOISE_MS) {
        return Some(d);
    }
    let speed: f64 = entries
        .iter()
        .filter(|(name, _)| name.starts_with("cfspeed"))
        .filter_map(|(_, dur)| *dur)
        .sum();
    (speed > NOISE_MS).then_some(speed)
}

/// A reqwest error in words, without the request URL: the common network failures in
/// plain words, else the innermost cause (outer ones repeat it wrapped).
fn describe(e: &reqwest::Error) -> String {
    use std::io::ErrorKind;
    let mut innermost = None;
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            let plain = match io.kind() {
                ErrorKind::ConnectionRefused => Some("connection refused"),
                ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted => {
                    Some("the connection was cut")
                }
                ErrorKind::TimedOut => Some("timed out"),
                ErrorKind::NetworkUnreachable => Some("no route to the network"),
                ErrorKind::HostUnreachable => Some("no route to the server"),
                _ => None,
            };
            if let Some(plain) = plain {
                return plain.to_owned();
            }
        }
        innermost = Some(s.to_string());
        source = s.source();
    }
    match innermost {
        Some(text) if text.contains("lookup address") || text.contains("dns error") => {
            format!("its name could not be looked up: {text}")
        }
        Some(text) => text,
        None if e.is_body() => "the transfer broke off".to_owned(),
        None => "the request failed".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_timing_gives_the_server_s_own_time() {
        assert_eq!(server_time_ms("cfRequestDuration;dur=12.5"), Some(12.5));
        assert_eq!(
            server_time_ms("cdn-cache; desc=MISS, cfRequestDuration;dur=3.25"),
            Some(3.25)
        );
        assert_eq!(
            server_time_ms("cfSpeedA;dur=1.5, cfSpeedB;dur=2"),
            Some(3.5)
        );
        assert_eq!(server_time_ms("cfRequestDuration;dur=0.001"), None);
        assert_eq!(server_time_ms("total;dur=40"), None);
        assert_eq!(server_time_ms(""), None);
    }

    #[test]
    fn the_server_address_must_be_http() {
        let with = |server: &str| {
            Client::new(&SpeedConfig {
                server: server.to_owned(),
                ..SpeedConfig::default()
            })
        };
        let client = with(" https://speed.example.com/ ").unwrap();
        assert_eq!(client.server(), "https://speed.example.com");
        assert_eq!(client.down.as_str(), "https://speed.example.com/__down");
        assert_eq!(client.up.as_str(), "https://speed.example.com/__up");
        let nested = with("http://127.0.0.1:8080/speed").unwrap();
        assert_eq!(nested.down.as_str(), "http://127.0.0.1:8080/speed/__down");
        for bad in [
            "speed.example.com",
            "ftp://speed.example.com",
            "https://x/?a=1",
        ] {
            assert!(
                matches!(with(bad), Err(SpeedError::BadServer { .. })),
                "{bad}"
            );
        }
    }
}
