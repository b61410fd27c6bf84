//! This computer's do-not-disturb state, per desktop and OS.
//!
//! [`detect`] asks the system the way each platform allows: on Linux the notification
//! service over the session D-Bus and the desktop's own tool (GNOME, dunst, mako, Xfce),
//! on macOS the Focus database, on Windows the registry. It never hangs: every command
//! and bus call has a timeout, and the whole check stops after about two seconds.
//!
//! Everything the check reads goes through a [`Probe`] (environment variables, commands,
//! files, the session bus), so tests drive every branch of every platform on any machine
//! with a made-up probe; [`SystemProbe`] is the real one. The text each tool prints is
//! read by pure functions in [`linux`], [`macos`] and [`windows`], which compile and are
//! tested on every platform; only which platform [`detect`] checks depends on the build.

#[cfg(test)]
mod fake;
pub mod linux;
pub mod macos;
mod system;
pub mod windows;

use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub use system::SystemProbe;

/// Whether notifications are held back on this computer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DndState {
    /// Do-not-disturb (Focus, Focus Assist, paused notifications) is on.
    On,
    /// Notifications will pop up during the live.
    Off,
    /// It could not be found out; the host confirms by hand.
    Unknown,
}

/// The do-not-disturb state and how it was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DndReport {
    /// On, off or unknown.
    pub state: DndState,
    /// How it was read, e.g. `gnome-gsettings`, `dbus-inhibited`, `dunstctl`; `none` when
    /// nothing could be asked.
    pub method: String,
    /// What was seen, or why it could not be found out, in plain words.
    pub detail: String,
}

impl DndReport {
    fn new(state: DndState, method: &str, detail: impl Into<String>) -> Self {
        Self {
            state,
            method: method.to_owned(),
            detail: detail.into(),
        }
    }
}

/// How long the whole check may take, at most (plus the few milliseconds it takes to
/// stop a command that ran out of time).
pub const TOTAL_BUDGET: Duration = Duration::from_secs(2);

/// How long one command may run.
const COMMAND_TIMEOUT: Duration = Duration::from_millis(1000);

/// How long the session bus may take to answer, connection included.
const BUS_TIMEOUT: Duration = Duration::from_millis(700);

/// Finds out whether do-not-disturb is on, on this computer. Blocks for up to about
/// [`TOTAL_BUDGET`]: call it off the UI thread.
pub fn detect() -> DndReport {
    detect_with(&SystemProbe::new(), Os::current())
}

/// [`detect`] through `probe`, as on `os`: tests pass a made-up probe, or a
/// [`SystemProbe`] with an environment of their own.
pub fn detect_with(probe: &dyn Probe, os: Os) -> DndReport {
    let budget = Budget::new(TOTAL_BUDGET);
    match os {
        Os::Linux => linux::detect(probe, &budget),
        Os::MacOs => macos::detect(probe),
        Os::Windows => windows::detect(probe, &budget),
        Os::Other => DndReport::new(
            DndState::Unknown,
            "none",
            "livecue cannot read do-not-disturb on this operating system",
        ),
    }
}

/// The operating systems whose do-not-disturb livecue can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Os {
    /// Linux desktops (freedesktop notifications, GNOME, dunst, mako, Xfce).
    Linux,
    /// macOS 12 and later (Focus).
    MacOs,
    /// Windows 10 and 11 (Focus Assist, Do not disturb).
    Windows,
    /// Anything else: always unknown.
    Other,
}

impl Os {
    /// The system this build runs on.
    pub fn current() -> Self {
        if cfg!(target_os = "linux") {
            Self::Linux
        } else if cfg!(target_os = "macos") {
            Self::MacOs
        } else if cfg!(windows) {
            Self::Windows
        } else {
            Self::Other
        }
    }
}

/// Everything the check reads from the system, so that tests can stand in for it.
pub trait Probe {
    /// An environment variable (`None` when unset or not Unicode).
    fn var(&self, name: &str) -> Option<String>;

    /// Runs `program` (looked up on `PATH`) with `args`, stopping it after `timeout`.
    fn run(&self, program: &str, args: &[&str], timeout: Duration) -> CommandOutcome;

    /// The bytes of a file.
    fn read_file(&self, path: &Path) -> io::Result<Vec<u8>>;

    /// Asks the session D-Bus about `org.freedesktop.Notifications`, within `timeout`.
    fn notification_service(&self, timeout: Duration) -> BusReply;
}

/// What running a command gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommandOutcome {
    /// It ran to the end.
    Exited {
        /// Whether it exited with status 0.
        success: bool,
        /// What it printed (lossily decoded).
        stdout: String,
        /// What it printed on stderr (lossily decoded).
        stderr: String,
    },
    /// No such program on `PATH`: not an error, the tool is simply not there.
    NotFound,
    /// It did not finish in time and was stopped.
    TimedOut,
    /// It could not be started or waited for: why.
    Failed(String),
}

/// What the session bus said about the notification service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BusReply {
    /// There is no session bus to ask: why.
    NoBus(String),
    /// The bus answered, but no notification service runs (nothing owns
    /// `org.freedesktop.Notifications`).
    NoService,
    /// A notification service answered.
    Service {
        /// Its name from `GetServerInformation` (`Plasma`, `gnome-shell`, `dunst`, `mako`,
        /// `Xfce Notify Daemon` ...); empty when it would not say.
        name: String,
        /// Its vendor from `GetServerInformation`.
        vendor: String,
        /// Its `Inhibited` property.
        inhibited: InhibitedReply,
    },
    /// The bus did not answer in time, or answered with an error: what happened.
    Failed(String),
}

/// The `Inhibited` property of `org.freedesktop.Notifications`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InhibitedReply {
    /// The service holds notifications back (`true`) or shows them (`false`).
    Value(bool),
    /// The service has no such property (GNOME Shell, dunst and mako do not).
    NotSupported,
    /// Asking failed: what happened.
    Failed(String),
}

/// The time left for the whole check.
#[derive(Clone, Copy, Debug)]
struct Budget {
    deadline: Instant,
}

impl Budget {
    fn new(total: Duration) -> Self {
        Self {
            deadline: Instant::now() + total,
        }
    }

    /// How long the next step may take: at most `max`, and no longer than what is left;
    /// `None` when nothing is left.
    fn step(&self, max: Duration) -> Option<Duration> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        (left >= Duration::from_millis(20)).then(|| left.min(max))
    }
}

/// A short, single-line, printable excerpt of what a tool printed, for a detail text.
fn excerpt(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    let line = text.trim().lines().next().unwrap_or("").trim();
    let mut out: String = line
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_CHARS)
        .collect();
    if line.chars().count() > MAX_CHARS {
        out.push('…');
    }
    if out.is_empty() {
        "nothing".to_owned()
    } else {
        format!("“{out}”")
    }
}

/// Why a command gave no usable answer, in words, e.g. `dunstctl is not installed`.
fn command_failure(program: &str, outcome: &CommandOutcome) -> String {
    match outcome {
        CommandOutcome::NotFound => format!("{program} is not installed"),
        CommandOutcome::TimedOut => format!("{program} did not answer in time"),
        CommandOutcome::Failed(why) => format!("{program} could not be run ({why})"),
        CommandOutcome::Exited {
            success: false,
            stdout,
            stderr,
        } => {
            let said = if stderr.trim().is_empty() {
                stdout
            } else {
                stderr
            };
            format!("{program} failed, saying {}", excerpt(said))
        }
        CommandOutcome::Exited {
            success: true,
            stdout,
            ..
        } => format!("{program} answered {}", excerpt(stdout)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_keeps_one_short_printable_line() {
        assert_eq!(excerpt("  true\n"), "“true”");
        assert_eq!(excerpt("\n"), "nothing");
        assert_eq!(excerpt("a\u{1b}[31mb\nsecond line"), "“a[31mb”");
        let long = "x".repeat(100);
        assert_eq!(excerpt(&long), format!("“{}…”", "x".repeat(60)));
    }

    #[test]
    fn an_exhausted_budget_allows_no_further_step() {
        let spent = Budget::new(Duration::ZERO);
        assert_eq!(spent.step(COMMAND_TIMEOUT), None);
        let fresh = Budget::new(TOTAL_BUDGET);
        assert_eq!(fresh.step(COMMAND_TIMEOUT), Some(COMMAND_TIMEOUT));
    }

    #[test]
    fn other_systems_are_unknown_with_a_reason() {
        let report = detect_with(&fake::FakeProbe::new(), Os::Other);
        assert_eq!(report.state, DndState::Unknown);
        assert!(
            report.detail.contains("this operating system"),
            "{report:?}"
        );
    }
}
