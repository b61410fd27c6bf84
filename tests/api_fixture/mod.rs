//! A show served over the local API for tests: the real `livecue record --serve` on
//! 127.0.0.1 (a free port), with a small plan and a replay of a few comments, the last
//! an hour later so the source stays open while the test runs.

#![allow(dead_code)] // each test binary uses its own part

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use livecue::session::{Event, read_journal};

/// The plan: three segments, a planned question, a cue as the second segment starts.
pub const PLAN: &str = r#"(
    title: "API test show",
    goal: (kind: Engagement),
    segments: [
        (id: "warm", title: "Warm-up", kind: WarmUp, duration: "5m"),
        (id: "qa", title: "Chat and questions", kind: QAndA, duration: "50m"),
        (id: "bye", title: "Goodbye", kind: Closing, duration: "5m"),
    ],
    questions: [
        (id: "s1", asker: "mei.lin", text: "敏感肌可以用這款精華液嗎？", source: Sticker),
    ],
    cues: [
        (at: Segment("qa", "0:00"), what: CallToAction("Pin the shop link"), sound: false),
    ],
)
"#;

/// A question in Chinese (it joins the queue).
pub const QUESTION_ID: &str = "c1";
/// Its text.
pub const QUESTION_TEXT: &str = "請問運費怎麼算？";
/// A comment that tries to be markup.
pub const HTML_ID: &str = "c2";
/// Its text.
pub const HTML_TEXT: &str = "<img src=x onerror=\"document.title='pwned'\"> 好美";

fn comments() -> String {
    let lines = [
        (QUESTION_ID, "amy.tw", QUESTION_TEXT, "2026-11-21T12:00:00Z"),
        (HTML_ID, "mallory", HTML_TEXT, "2026-11-21T12:00:00Z"),
        ("c3", "ben", "今天的燈光好好看", "2026-11-21T12:00:00Z"),
        // An hour on: keeps the replay, and so the recording, going through a test.
        ("c9", "late", "still here", "2026-11-21T13:00:00Z"),
    ];
    lines
        .iter()
        .map(|(id, user, text, ts)| {
            serde_json::json!({ "id": id, "user": user, "text": text, "ts": ts }).to_string() + "\n"
        })
        .collect()
}

/// A running `livecue record --serve`.
pub struct Served {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The token from the printed link.
    pub token: String,
    /// The line printed, as printed.
    pub link: String,
    /// The show folder (journal.jsonl).
    pub out: PathBuf,
    /// Lines printed after the link.
    printed: std::sync::mpsc::Receiver<String>,
    /// Where the recording's stderr goes.
    stderr: PathBuf,
    _dir: tempfile::TempDir,
}

impl Served {
    /// Starts the recording and waits for its link line.
    pub fn start() -> Self {
        Self::start_in(None)
    }

    /// The same, with the OS locale `locale` (`zh_TW.UTF-8`), which words the pages
    /// of `livecue record` (no locale: the test's own).
    pub fn start_in(locale: Option<&str>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.ron");
        std::fs::write(&plan, PLAN).unwrap();
        let replay = dir.path().join("comments.jsonl");
        std::fs::write(&replay, comments()).unwrap();
        let out = dir.path().join("show");
        let stderr = dir.path().join("stderr.log");
        let mut child = Command::new(env!("CARGO_BIN_EXE_livecue"))
            .arg("record")
            .arg("--plan")
            .arg(&plan)
            .arg("--source")
            .arg(format!("replay:{}", replay.display()))
            .arg("--out")
            .arg(&out)
            .args(["--status-every", "3600", "--serve", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::from(std::fs::File::create(&stderr).unwrap()))
            .envs(
                locale
                    .map(|l| [("LANGUAGE", l), ("LC_ALL", l)])
                    .into_iter()
                    .flatten(),
            )
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let link = loop {
            match rx.recv_timeout(Duration::from_secs(60)) {
                Ok(line) if line.starts_with("serving ") => break line,
                Ok(_) => {}
                Err(e) => {
                    let _ = child.kill();
                    panic!("livecue record printed no link: {e}");
                }
            }
        };
        let url = link.trim_start_matches("serving ").to_owned();
        let (base, token) = url.split_once("/?token=").expect("a link with a token");
        Self {
            child,
            base: base.to_owned(),
            token: token.to_owned(),
            link,
            out,
            printed: rx,
            stderr,
            _dir: dir,
        }
    }

    /// Everything printed so far but the link line: stdout after it, and stderr.
    pub fn printed(&self) -> String {
        let mut text: String = self.printed.try_iter().map(|l| l + "\n").collect();
        text += &std::fs::read_to_string(&self.stderr).unwrap_or_default();
        text
    }

    /// The journal's events so far (the writer syncs within 100 ms).
    pub fn events(&self) -> Vec<Event> {
        let path = self.out.join("journal.jsonl");
        if !Path::new(&path).exists() {
            return Vec::new();
        }
        read_journal(&path).map(|c| c.events).unwrap_or_default()
    }

    /// Waits (up to 10 s) until the journal holds an event `wanted` accepts.
    pub fn wait_for_event(&self, what: &str, wanted: impl Fn(&Event) -> bool) -> Event {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(e) = self.events().into_iter().find(|e| wanted(e)) {
                return e;
            }
            assert!(Instant::now() < deadline, "no {what} in the journal");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
