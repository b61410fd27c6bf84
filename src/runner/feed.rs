//! A running source and the receiving end of its channel, delivering into a [`Live`]
//! session: comments through the filter into the journal, states as `source_status`.

use std::time::Duration;

use tokio::sync::mpsc;

use crate::api::Wake;
use crate::session::Live;
use crate::sources::{
    NotifyFn, SourceConfig, SourceError, SourceHandle, SourceMsg, SourceSpec, spawn,
};

/// Messages that may wait in the channel before the source itself waits.
const CHANNEL_CAPACITY: usize = 1024;

/// A source feeding a session.
pub(super) struct Feed {
    rx: mpsc::Receiver<SourceMsg>,
    handle: SourceHandle,
    notice: Option<String>,
    closed: bool,
}

impl Feed {
    /// Starts the source on `runtime`.
    pub fn start(
        runtime: &tokio::runtime::Runtime,
        spec: SourceSpec,
        config: SourceConfig,
        notify: NotifyFn,
    ) -> Result<Self, SourceError> {
        let (tx, rx) = mpsc::channel(CHANNEL_CAPACITY);
        let handle = {
            let _entered = runtime.enter();
            spawn(spec, config, tx, notify)?
        };
        Ok(Self {
            rx,
            handle,
            notice: None,
            closed: false,
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
    /// waiting; `wake` (the local API's) ends the wait early. Returns how many were
    /// delivered.
    pub fn wait(
        &mut self,
        runtime: &tokio::runtime::Runtime,
        live: &mut Live,
        timeout: Duration,
        wake: Option<&Wake>,
    ) -> usize {
        if self.closed {
            return 0;
        }
        let rx = &mut self.rx;
        let first = runtime.block_on(async {
            tokio::time::timeout(timeout, async {
                match wake {
                    Some(wake) => tokio::select! {
                        msg = rx.recv() => Some(msg),
                        () = wake.notified() => None,
                    },
                    None => Some(rx.recv().await),
                }
            })
            .await
        });
        match first {
            Ok(Some(Some(msg))) => {
                self.deliver(live, msg);
                1 + self.pump(live, usize::MAX)
            }
            Ok(Some(None)) => {
                self.closed = true;
                0
            }
            // Timed out, or woken: deliver whatever is there without waiting.
            Ok(None) | Err(_) => self.pump(live, usize::MAX),
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
            // The handle's flag says while it lasts; the total is not shown anywhere.
            SourceMsg::Backpressure { .. } => {}
        }
    }
}
