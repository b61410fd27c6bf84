//! The session journal: JSON Lines on disk, one header line then one event per line.
//!
//! Appends are batched on a writer thread and made durable (`fsync`) within
//! [`SYNC_INTERVAL`] of being appended, and on drop; a crash loses at most that much.
//! The reader tolerates a torn last line (a crash mid-write) and reports it.

use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Event;

/// The journal format version written in every header.
pub const JOURNAL_FORMAT: u32 = 1;

/// How long an appended event may wait before it is on disk. Half the 200 ms budget,
/// leaving the other half for the write and `fsync` themselves.
pub const SYNC_INTERVAL: Duration = Duration::from_millis(100);

/// Events that may wait for the writer thread before `append` blocks.
const QUEUE_CAPACITY: usize = 65_536;

/// The first line of every journal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalHeader {
    /// Format version; readers refuse versions they do not know.
    pub livecue_journal: u32,
    /// Hash of the plan the show ran, `sha256:...`.
    pub plan_hash: String,
    /// The plan's title, for people listing journals.
    pub plan_title: String,
    /// Wall-clock time of monotonic millisecond zero.
    pub epoch: DateTime<Utc>,
    /// Set on a rehearsal's journal only: how many times faster than real time its
    /// clock ran. A rehearsal is never continued as a show, and reports say what it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rehearsal: Option<u32>,
}

impl JournalHeader {
    /// A header for a new journal whose monotonic zero is `epoch`.
    pub fn new(plan_hash: String, plan_title: String, epoch: DateTime<Utc>) -> Self {
        Self {
            livecue_journal: JOURNAL_FORMAT,
            plan_hash,
            plan_title,
            epoch,
            rehearsal: None,
        }
    }
}

/// Why a journal could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The file could not be opened, read or written.
    #[error("{path}: {source}")]
    Io {
        /// The journal file.
        path: PathBuf,
        /// What the OS said.
        source: io::Error,
    },
    /// The first line is missing or is not a journal header.
    #[error("{path}: not a livecue journal: {reason}")]
    Header {
        /// The journal file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A line before the last one is damaged.
    #[error("{path}:{line}: damaged journal line: {reason}")]
    Line {
        /// The journal file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// An event could not be written as JSON.
    #[error("could not encode event: {0}")]
    Encode(String),
    /// The writer thread has stopped.
    #[error("the journal writer has stopped")]
    Closed,
    /// Another livecue is writing this journal (the same show open twice).
    #[error("{0}: another livecue has this show open")]
    InUse(PathBuf),
}

/// A damaged last line found by the reader: what a crash mid-write leaves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TornTail {
    /// 1-based line number.
    pub line: usize,
    /// How many bytes it held.
    pub bytes: usize,
}

/// Everything read back from a journal.
#[derive(Clone, Debug)]
pub struct JournalContents {
    /// The header line.
    pub header: JournalHeader,
    /// The events, in order.
    pub events: Vec<Event>,
    /// A torn last line that was left out, if any.
    pub torn_tail: Option<TornTail>,
    /// Length in bytes of the intact part (where appending resumes).
    pub intact_len: u64,
}

/// Takes the journal for this process alone; the OS lets go when the file is closed,
/// a crash included.
fn lock(file: &File, path: &Path) -> Result<(), JournalError> {
    file.try_lock().map_err(|e| match e {
        std::fs::TryLockError::WouldBlock => JournalError::InUse(path.to_owned()),
        std::fs::TryLockError::Error(source) => JournalError::Io {
            path: path.to_owned(),
            source,
        },
    })
}

/// Reads a journal back, tolerating a torn last line.
pub fn read_journal(path: &Path) -> Result<JournalContents, JournalError> {
    let mut reader = JournalReader::open(path)?;
    let mut events = Vec::new();
    while let Some(event) = reader.next_event()? {
        events.push(event);
    }
    Ok(JournalContents {
        header: reader.header().clone(),
        events,
        torn_tail: reader.torn_tail().cloned(),
        intact_len: reader.intact_len(),
    })
}

/// A `comment_received` line decoded straight into its fields: serde reads an
/// internally tagged enum by first copying every field of the line into a tree of its
/// own, and comments are nearly every line of a big journal. The same event as
/// `Event`'s own decoding gives (`decode_matches_serde` checks).
#[derive(Deserialize)]
struct CommentLine {
    comment: crate::comments::Comment,
    verdict: crate::comments::Verdict,
    at: super::Stamp,
}

/// One event line.
fn decode(line: &[u8]) -> serde_json::Result<Event> {
    // Checked as UTF-8 once here rather than string by string while parsing.
    let Ok(line) = std::str::from_utf8(line) else {
        return serde_json::from_slice(line);
    };
    if line.starts_with(r#"{"type":"comment_received","#)
        && let Ok(c) = serde_json::from_str::<CommentLine>(line)
    {
        return Ok(Event::CommentReceived {
            comment: c.comment,
            verdict: c.verdict,
            at: c.at,
        });
    }
    serde_json::from_str(line)
}

/// Reads a journal one event at a time, holding one line in memory: what a report over
/// a big show uses. [`read_journal`] is this, collected. A damaged line before the last
/// is an error naming its line; a damaged last line is a torn tail, reported by
/// [`Self::torn_tail`] once the reader has reached it.
pub struct JournalReader<R> {
    reader: R,
    path: PathBuf,
    header: JournalHeader,
    line_no: usize,
    bytes_read: u64,
    intact_len: u64,
    torn_tail: Option<TornTail>,
    done: bool,
    buf: Vec<u8>,
}

impl JournalReader<BufReader<File>> {
    /// Opens a journal and reads its header line.
    pub fn open(path: &Path) -> Result<Self, JournalError> {
        let file = File::open(path).map_err(|source| JournalError::Io {
            path: path.to_owned(),
            source,
        })?;
        // Larger than the default 8 KiB: fewer reads for a big journal.
        Self::new(BufReader::with_capacity(256 * 1024, file), path)
    }
}

impl<R: BufRead> JournalReader<R> {
    /// A reader over `reader`; `path` names the journal in errors.
    pub fn new(mut reader: R, path: &Path) -> Result<Self, JournalError> {
        let header_err = |reason: String| JournalError::Header {
            path: path.to_owned(),
            reason,
        };
        let mut buf = Vec::new();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|source| JournalError::Io {
                path: path.to_owned(),
                source,
            })?;
        if n == 0 {
            return Err(header_err("the file is empty".into()));
        }
        let complete = buf.last() == Some(&b'\n');
        if complete {
            buf.pop();
        }
        let header = match serde_json::from_slice::<JournalHeader>(&buf) {
            Ok(h) if complete => h,
            Ok(_) => return Err(header_err("the header line is incomplete".into())),
            Err(e) => return Err(header_err(e.to_string())),
        };
        if header.livecue_journal != JOURNAL_FORMAT {
            return Err(header_err(format!(
                "format version {} is not supported (this livecue reads {JOURNAL_FORMAT})",
                header.livecue_journal
            )));
        }
        Ok(Self {
            reader,
            path: path.to_owned(),
            header,
            line_no: 1,
            bytes_read: n as u64,
            intact_len: n as u64,
            torn_tail: None,
            done: false,
            buf,
        })
    }

    /// The header line.
    pub fn header(&self) -> &JournalHeader {
        &self.header
    }

    /// Bytes read so far (for progress against the file's length).
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// Length in bytes of the intact part read so far (where appending resumes).
    pub fn intact_len(&self) -> u64 {
        self.intact_len
    }

    /// The torn last line, once the reader has reached it.
    pub fn torn_tail(&self) -> Option<&TornTail> {
        self.torn_tail.as_ref()
    }

    /// The next event, or `None` at the end (or at a torn last line).
    pub fn next_event(&mut self) -> Result<Option<Event>, JournalError> {
        if self.done {
            return Ok(None);
        }
        let io_err = |path: &Path, source| JournalError::Io {
            path: path.to_owned(),
            source,
        };
        self.buf.clear();
        let n = self
            .reader
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| io_err(&self.path, e))?;
        if n == 0 {
            self.done = true;
            return Ok(None);
        }
        self.line_no += 1;
        self.bytes_read += n as u64;
        let complete = self.buf.last() == Some(&b'\n');
        if complete {
            self.buf.pop();
        }
        let reason = match decode(&self.buf) {
            Ok(event) if complete => {
                self.intact_len += n as u64;
                return Ok(Some(event));
            }
            Ok(_) => "line is not terminated".to_owned(),
            Err(e) => e.to_string(),
        };
        // A bad line is a torn tail only when nothing follows it.
        let at_end = !complete
            || self
                .reader
                .fill_buf()
                .map_err(|e| io_err(&self.path, e))?
                .is_empty();
        if at_end {
            self.done = true;
            self.torn_tail = Some(TornTail {
                line: self.line_no,
                bytes: self.buf.len(),
            });
            return Ok(None);
        }
        Err(JournalError::Line {
            path: self.path.clone(),
            line: self.line_no,
            reason,
        })
    }
}

impl<R: BufRead> Iterator for JournalReader<R> {
    type Item = Result<Event, JournalError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.next_event() {
            Ok(event) => event.map(Ok),
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// How the journal writer is doing, for the status bar.
#[derive(Clone, Debug, Default)]
pub struct JournalHealth {
    /// Events durably on disk.
    pub events_synced: u64,
    /// When the last `fsync` completed.
    pub last_sync: Option<Instant>,
    /// The last write error, cleared when a later write succeeds.
    pub error: Option<String>,
}

enum Msg {
    Line(Vec<u8>),
    Sync(mpsc::Sender<Result<(), String>>),
}

/// Appends events to a journal file from a background thread.
pub struct JournalWriter {
    path: PathBuf,
    tx: Option<SyncSender<Msg>>,
    thread: Option<JoinHandle<()>>,
    health: Arc<Mutex<JournalHealth>>,
}

impl JournalWriter {
    /// Creates a new journal; fails when the file already exists.
    pub fn create(path: &Path, header: &JournalHeader) -> Result<Self, JournalError> {
        let io_err = |source| JournalError::Io {
            path: path.to_owned(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io_err)?;
        }
        let mut file = OpenOptions::new()
            .create_new(true)
            .write(true)
            .open(path)
            .map_err(io_err)?;
        lock(&file, path)?;
        let mut line =
            serde_json::to_vec(header).map_err(|e| JournalError::Encode(e.to_string()))?;
        line.push(b'\n');
        file.write_all(&line).map_err(io_err)?;
        file.sync_all().map_err(io_err)?;
        Self::spawn(path, file, line.len() as u64)
    }

    /// Reopens a journal after a crash: reads what is intact, cuts off a torn last
    /// line, and appends after it.
    pub fn resume(path: &Path) -> Result<(Self, JournalContents), JournalError> {
        let io_err = |source| JournalError::Io {
            path: path.to_owned(),
            source,
        };
        // Locked before reading: a second writer must not cut the file back to what it
        // read while the first one appends.
        let file = OpenOptions::new().write(true).open(path).map_err(io_err)?;
        lock(&file, path)?;
        let contents = read_journal(path)?;
        file.set_len(contents.intact_len).map_err(io_err)?;
        file.sync_all().map_err(io_err)?;
        let writer = Self::spawn(path, file, contents.intact_len)?;
        Ok((writer, contents))
    }

    fn spawn(path: &Path, file: File, intact_len: u64) -> Result<Self, JournalError> {
        let (tx, rx) = mpsc::sync_channel(QUEUE_CAPACITY);
        let health = Arc::new(Mutex::new(JournalHealth {
            last_sync: Some(Instant::now()),
            ..JournalHealth::default()
        }));
        let mut worker = Worker {
            file,
            intact_len,
            pending: Vec::new(),
            pending_events: 0,
            health: Arc::clone(&health),
        };
        let thread = std::thread::Builder::new()
            .name("livecue-journal".into())
            .spawn(move || worker.run(&rx))
            .map_err(|source| JournalError::Io {
                path: path.to_owned(),
                source,
            })?;
        Ok(Self {
            path: path.to_owned(),
            tx: Some(tx),
            thread: Some(thread),
            health,
        })
    }

    /// The journal file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Queues an event; it is on disk within [`SYNC_INTERVAL`].
    pub fn append(&self, event: &Event) -> Result<(), JournalError> {
        let mut line =
            serde_json::to_vec(event).map_err(|e| JournalError::Encode(e.to_string()))?;
        line.push(b'\n');
        self.tx
            .as_ref()
            .ok_or(JournalError::Closed)?
            .send(Msg::Line(line))
            .map_err(|_| JournalError::Closed)
    }

    /// Blocks until everything appended so far is on disk.
    pub fn sync(&self) -> Result<(), JournalError> {
        let (ack_tx, ack_rx) = mpsc::channel();
        self.tx
            .as_ref()
            .ok_or(JournalError::Closed)?
            .send(Msg::Sync(ack_tx))
            .map_err(|_| JournalError::Closed)?;
        ack_rx
            .recv()
            .map_err(|_| JournalError::Closed)?
            .map_err(|reason| JournalError::Io {
                path: self.path.clone(),
                source: io::Error::other(reason),
            })
    }

    /// How the writer is doing.
    pub fn health(&self) -> JournalHealth {
        self.health
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Drop for JournalWriter {
    fn drop(&mut self) {
        // Closing the channel tells the worker to write what is left and sync.
        drop(self.tx.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

struct Worker {
    file: File,
    /// File length up to the last successful write; a failed write is cut back to it.
    intact_len: u64,
    pending: Vec<u8>,
    pending_events: u64,
    health: Arc<Mutex<JournalHealth>>,
}

impl Worker {
    fn run(&mut self, rx: &mpsc::Receiver<Msg>) {
        let mut oldest_pending: Option<Instant> = None;
        loop {
            let wait = match oldest_pending {
                Some(t) => SYNC_INTERVAL.saturating_sub(t.elapsed()),
                None => Duration::from_secs(3600),
            };
            match rx.recv_timeout(wait) {
                Ok(Msg::Line(line)) => {
                    self.pending.extend_from_slice(&line);
                    self.pending_events += 1;
                    oldest_pending.get_or_insert_with(Instant::now);
                }
                Ok(Msg::Sync(ack)) => {
                    let result = self.flush();
                    oldest_pending = (!self.pending.is_empty()).then(Instant::now);
                    let _ = ack.send(result);
                    continue;
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    // Last chance: a failure here is recorded in health and the
                    // torn or missing tail is what the reader reports next time.
                    let _ = self.flush();
                    return;
                }
            }
            if oldest_pending.is_some_and(|t| t.elapsed() >= SYNC_INTERVAL) {
                let _ = self.flush();
                // After a failure the events stay pending and are retried next interval.
                oldest_pending = (!self.pending.is_empty()).then(Instant::now);
            }
        }
    }

    fn flush(&mut self) -> Result<(), String> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let result = self.write_pending();
        let mut health = self.health.lock().unwrap_or_else(PoisonError::into_inner);
        match &result {
            Ok(()) => {
                health.events_synced += self.pending_events;
                health.last_sync = Some(Instant::now());
                health.error = None;
                self.intact_len += self.pending.len() as u64;
                self.pending.clear();
                self.pending_events = 0;
            }
            Err(e) => health.error = Some(e.clone()),
        }
        result
    }

    fn write_pending(&mut self) -> Result<(), String> {
        let attempt = (|| -> io::Result<()> {
            // A previous failed write may have left part of a line: cut back first.
            self.file.set_len(self.intact_len)?;
            self.file.seek(SeekFrom::Start(self.intact_len))?;
            self.file.write_all(&self.pending)?;
            self.file.sync_data()
        })();
        attempt.map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Stamp;

    fn stamp(ms: i64) -> Stamp {
        Stamp {
            ms,
            wall: DateTime::from_timestamp_millis(1_795_000_000_000 + ms).unwrap(),
        }
    }

    fn header() -> JournalHeader {
        JournalHeader::new("sha256:00".into(), "T".into(), stamp(0).wall)
    }

    #[test]
    fn writes_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("show/journal.jsonl");
        let events: Vec<Event> = (0..50)
            .map(|i| Event::TimeAdjusted {
                delta_ms: i,
                at: stamp(i),
            })
            .collect();
        {
            let w = JournalWriter::create(&path, &header()).unwrap();
            for e in &events {
                w.append(e).unwrap();
            }
        }
        let back = read_journal(&path).unwrap();
        assert_eq!(back.header, header());
        assert_eq!(back.events, events);
        assert_eq!(back.torn_tail, None);
        assert!(
            JournalWriter::create(&path, &header()).is_err(),
            "must not overwrite"
        );
    }

    #[test]
    fn the_reader_goes_one_event_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.jsonl");
        {
            let w = JournalWriter::create(&path, &header()).unwrap();
            w.append(&Event::ShowStarted { at: stamp(1) }).unwrap();
            w.append(&Event::ShowEnded { at: stamp(2) }).unwrap();
        }
        let len = std::fs::metadata(&path).unwrap().len();
        let mut reader = JournalReader::open(&path).unwrap();
        assert_eq!(reader.header(), &header());
        assert_eq!(
            reader.next().unwrap().unwrap(),
            Event::ShowStarted { at: stamp(1) }
        );
        assert!(reader.bytes_read() < len);
        assert_eq!(
            reader.next().unwrap().unwrap(),
            Event::ShowEnded { at: stamp(2) }
        );
        assert!(reader.next().is_none());
        assert_eq!((reader.bytes_read(), reader.intact_len()), (len, len));
        assert_eq!(reader.torn_tail(), None);
    }

    #[test]
    fn decode_matches_serde() {
        let comment = Event::CommentReceived {
            comment: crate::comments::Comment {
                id: "c1".into(),
                user: "amy".into(),
                text: "請問\"運費\"\n怎麼算？".into(),
                ts: stamp(3).wall,
                platform: None,
            },
            verdict: crate::comments::Verdict {
                question: true,
                matched: Some("x".into()),
                ..crate::comments::Verdict::shown("c1")
            },
            at: stamp(5),
        };
        for event in [comment, Event::ShowEnded { at: stamp(9) }] {
            let line = serde_json::to_vec(&event).unwrap();
            assert_eq!(decode(&line).unwrap(), event);
            assert_eq!(serde_json::from_slice::<Event>(&line).unwrap(), event);
        }
        let odd = br#"{"type":"comment_received","comment":{"id":"c1","text":"x","ts":"2026-11-21T12:03:05Z"},"verdict":{"id":"c1","shown":true,"reasons":[],"question":false,"duplicate_of":null},"at":{"ms":1,"wall":"2026-11-21T12:03:05Z"},"extra":1}"#;
        assert_eq!(
            decode(odd).unwrap(),
            serde_json::from_slice::<Event>(odd).unwrap()
        );
        assert!(decode(br#"{"type":"comment_received","at":1}"#).is_err());
    }

    #[test]
    fn sync_makes_lines_visible_before_drop() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.jsonl");
        let w = JournalWriter::create(&path, &header()).unwrap();
        w.append(&Event::ShowStarted { at: stamp(1) }).unwrap();
        w.sync().unwrap();
        assert_eq!(read_journal(&path).unwrap().events.len(), 1);
        assert_eq!(w.health().events_synced, 1);
        assert!(w.health().error.is_none());
    }

    #[test]
    fn torn_tail_is_reported_and_cut_on_resume() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.jsonl");
        {
            let w = JournalWriter::create(&path, &header()).unwrap();
            w.append(&Event::ShowStarted { at: stamp(1) }).unwrap();
        }
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(br#"{"type":"show_ended","at":{"ms":5,"wa"#)
            .unwrap();
        drop(f);
        let back = read_journal(&path).unwrap();
        assert_eq!(back.events.len(), 1);
        assert_eq!(back.torn_tail, Some(TornTail { line: 3, bytes: 37 }));

        let (w, contents) = JournalWriter::resume(&path).unwrap();
        assert_eq!(contents.events.len(), 1);
        w.append(&Event::ShowEnded { at: stamp(9) }).unwrap();
        drop(w);
        let back = read_journal(&path).unwrap();
        assert_eq!(back.torn_tail, None);
        assert_eq!(
            back.events,
            vec![
                Event::ShowStarted { at: stamp(1) },
                Event::ShowEnded { at: stamp(9) }
            ]
        );
    }

    #[test]
    fn damage_before_the_last_line_is_an_error_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.jsonl");
        {
            let w = JournalWriter::create(&path, &header()).unwrap();
            w.append(&Event::ShowStarted { at: stamp(1) }).unwrap();
        }
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{text}garbage\n{text}")).unwrap();
        let err = read_journal(&path).unwrap_err().to_string();
        assert!(
            err.ends_with(":3: damaged journal line: expected value at line 1 column 1"),
            "{err}"
        );
    }

    #[test]
    fn refuses_unknown_versions_and_empty_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.jsonl");
        std::fs::write(&path, "").unwrap();
        assert!(
            read_journal(&path)
                .unwrap_err()
                .to_string()
                .contains("the file is empty")
        );
        let mut h = header();
        h.livecue_journal = 99;
        std::fs::write(&path, serde_json::to_string(&h).unwrap() + "\n").unwrap();
        assert!(
            read_journal(&path)
                .unwrap_err()
                .to_string()
                .contains("version 99")
        );
    }
}
