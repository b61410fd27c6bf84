//! A running source with its own small tokio runtime, delivering into a [`Live`]
//! session. The app pumps it every frame; `livecue record` waits on it.

use std::time::Duration;

use tokio::sync::mpsc;

use super::{NotifyFn, SourceConfig, SourceError, SourceHandle, SourceMsg, SourceSpec, spawn};
use crate::session::Live;

/// Messages that may wait in the channel before the source itself waits.
const CHANNEL_CAPACITY: usize = 1024;

/// A source feeding a session.
pub struct Feed {
    rx: mpsc::Receiver<SourceMsg>,
    handle: SourceHandle,
    notice: Option<String>,
    backpressure_ms: u64,
    closed: bool,
    // Dropped last, after the handle has stopped the task.
    runtime: tokio::runtime::Runtime,
}

impl Feed {
    /// Starts the source on a runtime of its own (one named worker thread).
    pub fn start(
        spec: SourceSpec,
        config: SourceConfig,
        notify: NotifyFn,
    ) -> Result<Self, SourceError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("livecue-source")
            .enable_all()
            .build()
            .map_err(|e| SourceError::Http(format!("could not start the network thread: {e}")))?;
        let (tx, rx) = mpsc::channel(CHANNEL_CAPACITY);
        let handle = {
            let _entered = runtime.enter();
            spawn(spec, config, tx, notify)?
        };
        Ok(Self {
            rx,
            handle,
            notice: None,
            backpressure_ms: 0,
            closed: false,
            runtime,
        })
    }

    /// The source's name, as on the command line.
    pub fn name(&self) -> &str {
        self.handle.name()
    }

    /// The last notice from the source (a skipped line, why a token was refused).
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Total time the source waited on a full channel: the consumer falling behind.
    pub fn backpressure_ms(&self) -> u64 {
        self.backpressure_ms
    }

    /// True while the source waits on a full channel right now.
    pub fn is_backpressured(&self) -> bool {
        self.handle.is_backpressured()
    }

    /// True once the source has ended and every message has been delivered.
    pub fn is_done(&self) -> bool {
        self.closed
    }

    /// Delivers up to `max` waiting messages into the session without blocking.
    /// Returns how many were delivered.
    pub fn pump(&mut self, live: &mut Live, max: usize) -> usize {
        let mut delivered = 0;
        while delivered < max {
            match self.rx.try_recv() {
                Ok(msg) => {
                    self.deliver(live, msg);
                    delivered += 1;
                }
                Err(mpsc::error::TryRecvError::Empty) => break,
                Err(mpsc::error::TryRecvError::Disconnected) => {
                    self.closed = true;
                    break;
                }
            }
        }
        delivered
    }

    /// Waits up to `timeout` for one message and delivers it with everything else
    /// waiting. Returns how many were delivered.
    pub fn wait(&mut self, live: &mut Live, timeout: Duration) -> usize {
        if self.closed {
            return 0;
        }
        let first = self
            .runtime
            .block_on(async { tokio::time::timeout(timeout, self.rx.recv()).await });
        match first {
            Ok(Some(msg)) => {
                self.deliver(live, msg);
                1 + self.pump(live, usize::MAX)
            }
            Ok(None) => {
                self.closed = true;
                0
            }
            Err(_) => 0,
        }
    }

    /// Asks the source to stop.
    pub fn stop(&self) {
        self.handle.stop();
    }

    fn deliver(&mut self, live: &mut Live, msg: SourceMsg) {
        match msg {
            SourceMsg::Comment(comment) => {
                live.receive(comment);
            }
            SourceMsg::Status(state) => live.source_status(self.handle.name(), state),
            SourceMsg::Notice(text) => self.notice = Some(text),
            SourceMsg::Backpressure { waited_ms } => self.backpressure_ms += waited_ms,
        }
    }
}
