//! A running source and the receiving end of its channel, delivering into a [`Live`]
//! session: comments through the filter into the journal, states as `source_status`.

use std::time::Duration;

use tokio::sync::mpsc;

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
    /// waiting. Returns how many were delivered.
    pub fn wait(
        &mut self,
        runtime: &tokio::runtime::Runtime,
        live: &mut Live,
        timeout: Duration,
    ) -> usize {
        if self.closed {
            return 0;
        }
        let first = runtime.block_on(async { tokio::time::timeout(timeout, self.rx.recv()).await });
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
            // The handle's flag says while it lasts; the total is not shown anywhere.
            SourceMsg::Backpressure { .. } => {}
        }
    }
}
