//! A speed-test server on 127.0.0.1 speaking Cloudflare's protocol (`GET __down?bytes=N`,
//! `POST __up`), throttled like a real line: one token bucket for all download bodies and
//! one for all upload bodies, whatever the number of connections, and a fixed delay
//! added to every request as its round trip.

#![allow(dead_code)] // each test file uses part of it

use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use http_body_util::BodyExt;
use hyper::body::{Body, Bytes, Frame, Incoming, SizeHint};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::sync::mpsc;
use tokio::time::Instant;

/// How the server behaves.
#[derive(Clone, Debug)]
pub struct Options {
    /// Download line rate, megabits per second, shared by all connections.
    pub down_mbps: f64,
    /// Upload line rate, megabits per second, shared by all connections.
    pub up_mbps: f64,
    /// Added to every request before it is answered.
    pub delay: Duration,
    /// Reported as `server-timing: cfRequestDuration;dur=…`, when set.
    pub server_timing_ms: Option<f64>,
    /// Downloads of more than zero bytes send their head and part of the body, then
    /// nothing more (the connection stays open).
    pub stall_downloads: bool,
    /// Uploads are read for their first piece, then neither read further nor answered.
    pub stall_uploads: bool,
    /// Every request is answered with this status and nothing else.
    pub refuse: Option<u16>,
}

impl Options {
    /// A line of `mbps` both ways with 20 ms added per request.
    pub fn line(mbps: f64) -> Self {
        Self {
            down_mbps: mbps,
            up_mbps: mbps,
            delay: Duration::from_millis(20),
            server_timing_ms: None,
            stall_downloads: false,
            stall_uploads: false,
            refuse: None,
        }
    }
}

pub struct Server {
    pub addr: SocketAddr,
    requests: Arc<AtomicUsize>,
}

impl Server {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Requests received so far.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// A token bucket: bytes are taken as debt and the taker waits until it is paid off, so
/// all takers together never get more than the rate (plus one burst).
struct Bucket {
    bytes_per_sec: f64,
    burst: f64,
    tokens: f64,
    last: Instant,
}

impl Bucket {
    fn new(mbps: f64) -> Arc<Mutex<Self>> {
        let bytes_per_sec = mbps * 1e6 / 8.0;
        // 10 ms of the line, as a shaper's queue would let through at once.
        let burst = (bytes_per_sec * 0.01).max(16_384.0);
        Arc::new(Mutex::new(Self {
            bytes_per_sec,
            burst,
            tokens: burst,
            last: Instant::now(),
        }))
    }
}

async fn take(bucket: &Mutex<Bucket>, bytes: usize) {
    let wait = {
        let mut b = bucket.lock().unwrap();
        let now = Instant::now();
        let refill = (now - b.last).as_secs_f64() * b.bytes_per_sec;
        b.tokens = (b.tokens + refill).min(b.burst);
        b.last = now;
        b.tokens -= bytes as f64;
        (b.tokens < 0.0).then(|| Duration::from_secs_f64(-b.tokens / b.bytes_per_sec))
    };
    if let Some(wait) = wait {
        tokio::time::sleep(wait).await;
    }
}

/// A response body fed piece by piece from a channel, with its length announced.
struct ChannelBody {
    rx: mpsc::Receiver<Bytes>,
    left: u64,
}

impl Body for ChannelBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if self.left == 0 {
            return Poll::Ready(None);
        }
        match self.rx.poll_recv(cx) {
            Poll::Ready(Some(piece)) => {
                self.left = self.left.saturating_sub(piece.len() as u64);
                Poll::Ready(Some(Ok(Frame::data(piece))))
            }
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.left == 0
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.left)
    }
}

const PIECE: usize = 16 * 1024;

/// Starts the server on 127.0.0.1:0 in the current runtime.
pub async fn start(options: Options) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let requests = Arc::new(AtomicUsize::new(0));
    let down = Bucket::new(options.down_mbps);
    let up = Bucket::new(options.up_mbps);
    let zeros = Bytes::from(vec![0u8; PIECE]);
    let count = requests.clone();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let (options, down, up, zeros, count) = (
                options.clone(),
                down.clone(),
                up.clone(),
                zeros.clone(),
                count.clone(),
            );
            let service = service_fn(move |req: Request<Incoming>| {
                count.fetch_add(1, Ordering::SeqCst);
                let (options, down, up, zeros) =
                    (options.clone(), down.clone(), up.clone(), zeros.clone());
                async move { Ok::<_, Infallible>(answer(req, &options, down, up, zeros).await) }
            });
            tokio::spawn(async move {
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    Server { addr, requests }
}

async fn answer(
    req: Request<Incoming>,
    options: &Options,
    down: Arc<Mutex<Bucket>>,
    up: Arc<Mutex<Bucket>>,
    zeros: Bytes,
) -> Response<ChannelBody> {
    let (tx, rx) = mpsc::channel(1);
    let mut response = Response::builder();
    if let Some(status) = options.refuse {
        return response
            .status(status)
            .body(ChannelBody { rx, left: 0 })
            .unwrap();
    }
    if let Some(ms) = options.server_timing_ms {
        response = response.header("server-timing", format!("cfRequestDuration;dur={ms}"));
    }
    let path = req.uri().path().to_owned();
    let bytes: u64 = req
        .uri()
        .query()
        .unwrap_or("")
        .split('&')
        .find_map(|kv| kv.strip_prefix("bytes="))
        .map_or(0, |n| n.parse().unwrap());
    let left = match path.as_str() {
        "/__down" => {
            tokio::time::sleep(options.delay).await;
            let stall = options.stall_downloads;
            tokio::spawn(async move {
                let mut left = bytes as usize;
                while left > 0 {
                    let n = if stall {
                        (left / 2).clamp(1, PIECE)
                    } else {
                        left.min(PIECE)
                    };
                    take(&down, n).await;
                    if tx.send(zeros.slice(..n)).await.is_err() {
                        return;
                    }
                    left -= n;
                    if stall {
                        // Keep the body open with nothing more in it.
                        std::future::pending::<()>().await;
                    }
                }
            });
            bytes
        }
        "/__up" => {
            let mut body = req.into_body();
            while let Some(frame) = body.frame().await {
                let Ok(frame) = frame else {
                    break;
                };
                if let Some(data) = frame.data_ref() {
                    take(&up, data.len()).await;
                }
                if options.stall_uploads {
                    std::future::pending::<()>().await;
                }
            }
            tokio::time::sleep(options.delay).await;
            0
        }
        _ => {
            return response
                .status(404)
                .body(ChannelBody { rx, left: 0 })
                .unwrap();
        }
    };
    response.body(ChannelBody { rx, left }).unwrap()
}
