//! Drives the real `livecue` window on an X display: a display of its own (Xvfb with
//! openbox, since key presses reach a window only once a window manager has given it
//! the focus) unless `DISPLAY` is set, the app started on it, keys sent with xdotool,
//! and the journal read as JSON while the app writes it.
//!
//! Without a display and without Xvfb (or without xdotool or openbox) a test skips with
//! a loud note, and fails when the environment variable `CI` is set, so that CI cannot
//! pass without having run it.
//!
//! With `DISPLAY` set (a desktop session), the app's windows open there and take the
//! focus while the test runs; run with `DISPLAY` unset to keep them on a private Xvfb.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

/// The app's window title (`EN.app_title`); xdotool matches it as a whole.
const TITLE_PATTERN: &str = "^livecue$";

/// How long the app may take to show its window: a debug build drawing with llvmpipe
/// on 2 cores is slow to start.
pub const WINDOW_DEADLINE: Duration = Duration::from_secs(60);

/// An X display to open windows on; the Xvfb and openbox started for it are killed
/// on drop.
pub struct Display {
    name: String,
    own: Vec<Child>,
}

impl Display {
    /// `DISPLAY` when set, else an Xvfb of our own with openbox on it. None (after a
    /// loud note) when there is no way to get one or xdotool is missing; panics instead
    /// when `CI` is set.
    pub fn get() -> Option<Display> {
        if !on_path("xdotool") {
            return missing("xdotool is not installed");
        }
        if let Some(name) = std::env::var("DISPLAY").ok().filter(|d| !d.is_empty()) {
            return Some(Display { name, own: vec![] });
        }
        if !on_path("Xvfb") {
            return missing("DISPLAY is not set and Xvfb is not installed");
        }
        if !on_path("openbox") {
            return missing(
                "openbox is not installed (keys reach a window only with a window manager)",
            );
        }
        let mut display = Display {
            name: String::new(),
            own: vec![],
        };
        // `-displayfd 1`: Xvfb picks a free display number and writes it to stdout once
        // it accepts connections.
        let mut xvfb = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1920x1080x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("could not start Xvfb");
        let stdout = xvfb.stdout.take().expect("Xvfb's stdout");
        let stderr = xvfb.stderr.take().expect("Xvfb's stderr");
        display.own.push(xvfb);
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let number = match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(line) if !line.trim().is_empty() => line.trim().to_owned(),
            _ => {
                let _ = display.own[0].kill();
                let mut err = String::new();
                let _ = BufReader::new(stderr).read_to_string(&mut err);
                panic!("Xvfb did not report a display number within 20 s\nits stderr:\n{err}");
            }
        };
        // Xvfb's log is of no interest from here on; drain it so it never blocks.
        std::thread::spawn(move || {
            let _ = std::io::copy(&mut BufReader::new(stderr), &mut std::io::sink());
        });
        display.name = format!(":{number}");
        let openbox = Command::new("openbox")
            .arg("--sm-disable")
            .env("DISPLAY", &display.name)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("could not start openbox");
        display.own.push(openbox);
        // Openbox manages windows once its own windows (class names OPENBOX_...) exist.
        let started = Instant::now();
        while !display.xdotool_ok(&["search", "--classname", "^openbox_"]) {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "openbox did not start on {} within 20 s",
                display.name
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        eprintln!("app_display: Xvfb with openbox on {}", display.name);
        Some(display)
    }

    /// Runs xdotool on this display, with a time limit; its stdout when it succeeded.
    pub fn xdotool(&self, args: &[&str], limit: Duration) -> Option<String> {
        let out = Command::new("timeout")
            .arg(format!("{}", limit.as_secs_f64()))
            .arg("xdotool")
            .args(args)
            .env("DISPLAY", &self.name)
            .stdin(Stdio::null())
            .output()
            .expect("could not run timeout xdotool");
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn xdotool_ok(&self, args: &[&str]) -> bool {
        self.xdotool(args, Duration::from_secs(5)).is_some()
    }

    /// Starts `livecue` with `args` on this display; its stdout and stderr go to
    /// `log` so that a failing test can show them.
    pub fn start_app(&self, args: &[&str], home: &Path, log: &Path) -> App<'_> {
        let log_file = std::fs::File::create(log).expect("could not create the app's log");
        let child = Command::new(env!("CARGO_BIN_EXE_livecue"))
            .args(args)
            .env("DISPLAY", &self.name)
            // No GPU here: Mesa's software renderer for glow.
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            // Remembered window state (eframe's persistence) stays in the test's folder.
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            // No session bus (keychain, accessibility) for the app to wait on.
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
            .env_remove("WAYLAND_DISPLAY")
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().expect("the app's log"))
            .stderr(log_file)
            .spawn()
            .expect("could not start livecue");
        App {
            display: self,
            child,
            log: log.to_owned(),
            window: None,
        }
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        // The window manager first, then the server; SIGTERM so that Xvfb removes its
        // socket and lock file, SIGKILL if that takes longer than 2 s.
        for child in self.own.iter_mut().rev() {
            let _ = Command::new("kill")
                .arg(child.id().to_string())
                .stderr(Stdio::null())
                .status();
            let asked = Instant::now();
            while matches!(child.try_wait(), Ok(None)) && asked.elapsed() < Duration::from_secs(2) {
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// The running app; killed with SIGKILL on drop if still running.
pub struct App<'d> {
    display: &'d Display,
    child: Child,
    log: PathBuf,
    window: Option<String>,
}

impl App<'_> {
    /// Waits (up to [`WINDOW_DEADLINE`]) for the app's window to be shown, gives it the
    /// focus and returns its id.
    pub fn wait_for_window(&mut self) -> String {
        let started = Instant::now();
        let deadline = started + WINDOW_DEADLINE;
        let found = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let found = self.display.xdotool(
                &["search", "--sync", "--onlyvisible", "--name", TITLE_PATTERN],
                left.max(Duration::from_secs(1)),
            );
            let shown = found.as_deref().is_some_and(|s| !s.trim().is_empty());
            let exited = matches!(self.child.try_wait(), Ok(Some(_)));
            // xdotool can fail at once with an X error when a window goes away while it
            // searches (the killed run's, torn down by the server): ask again until the
            // deadline, unless the app itself has gone.
            if shown || exited || Instant::now() >= deadline {
                break found;
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        let id = match found.as_deref().and_then(|s| s.split_whitespace().next()) {
            Some(id) => id.to_owned(),
            None => {
                let exited = self.child.try_wait().ok().flatten();
                panic!(
                    "no visible window named {TITLE_PATTERN:?} on {} within {:?} (app exited: {exited:?})\napp log:\n{}",
                    self.display.name,
                    WINDOW_DEADLINE,
                    self.log_text()
                );
            }
        };
        eprintln!(
            "app_display: window {id} shown after {:.1} s",
            started.elapsed().as_secs_f64()
        );
        self.window = Some(id.clone());
        self.focus();
        id
    }

    /// Raises the window and gives it the keyboard focus (the window manager does the
    /// focusing; `--sync` waits until it is the active window).
    pub fn focus(&self) {
        let id = self.window.as_deref().expect("wait_for_window first");
        let activated = self
            .display
            .xdotool(&["windowactivate", "--sync", id], Duration::from_secs(10))
            .is_some();
        if !activated {
            // Without _NET_ACTIVE_WINDOW support (a bare display), set the focus directly.
            self.display
                .xdotool(&["windowfocus", "--sync", id], Duration::from_secs(10))
                .unwrap_or_else(|| panic!("could not focus window {id}"));
        }
    }

    /// Presses and releases `key` (an X keysym name such as `space`) in the app's window.
    ///
    /// The window is activated first and the key goes through XTEST to the focused
    /// window, as a real key press does. A synthetic event (`xdotool key --window WID`
    /// while another window has the focus, which xdotool sends with XSendEvent) does not
    /// reach the app.
    pub fn key(&self, key: &str) {
        self.focus();
        self.display
            .xdotool(&["key", "--clearmodifiers", key], Duration::from_secs(10))
            .unwrap_or_else(|| panic!("xdotool key {key} failed"));
    }

    /// Whether the app is still running.
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Kills the app with SIGKILL, as a crash or power cut would end it.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// What the app printed so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for App<'_> {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The show folders in `data_dir` (`--data-dir` holds them directly), sorted by name.
pub fn show_folders(data_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(data_dir) else {
        return vec![];
    };
    let mut folders: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    folders
}

/// The journal files in the show folders of `data_dir`, sorted by path.
pub fn journals(data_dir: &Path) -> Vec<PathBuf> {
    show_folders(data_dir)
        .into_iter()
        .map(|f| f.join("journal.jsonl"))
        .filter(|j| j.is_file())
        .collect()
}

/// The journal's lines after the header, as JSON; a last line cut short by a write in
/// progress (or by SIGKILL) is left out.
pub fn events(journal: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(journal).unwrap_or_default();
    text.lines()
        .skip(1)
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect()
}

/// The events of type `kind`.
pub fn of_type<'e>(events: &'e [Value], kind: &str) -> Vec<&'e Value> {
    events.iter().filter(|e| e["type"] == kind).collect()
}

/// The `comment.id`s of the `comment_received` events, in journal order.
pub fn comment_ids(events: &[Value]) -> Vec<String> {
    of_type(events, "comment_received")
        .into_iter()
        .filter_map(|e| e["comment"]["id"].as_str().map(str::to_owned))
        .collect()
}

/// A short account of a journal's events for failure messages: types in order, with
/// runs of the same type counted.
pub fn summary(events: &[Value]) -> String {
    let mut parts: Vec<(String, usize)> = vec![];
    for e in events {
        let mut kind = e["type"].as_str().unwrap_or("?").to_owned();
        if let Some(i) = e.get("index") {
            kind = format!("{kind}({i})");
        }
        match parts.last_mut() {
            Some((last, n)) if *last == kind => *n += 1,
            _ => parts.push((kind, 1)),
        }
    }
    parts
        .iter()
        .map(|(k, n)| {
            if *n > 1 {
                format!("{k}×{n}")
            } else {
                k.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Polls the journals under `data_dir` (or only `only`) every 50 ms until `done` holds
/// for the events of one of them; returns that journal's path and events. Panics after
/// `limit`, or when the app has exited, with what each journal holds and the app's log.
pub fn wait_for_journal(
    app: &mut App<'_>,
    data_dir: &Path,
    only: Option<&Path>,
    what: &str,
    limit: Duration,
    done: impl Fn(&[Value]) -> bool,
) -> (PathBuf, Vec<Value>) {
    let started = Instant::now();
    loop {
        let candidates = match only {
            Some(journal) => vec![journal.to_owned()],
            None => journals(data_dir),
        };
        for journal in candidates {
            let events = events(&journal);
            if done(&events) {
                eprintln!(
                    "app_display: {what}: after {:.1} s",
                    started.elapsed().as_secs_f64()
                );
                return (journal, events);
            }
        }
        let running = app.running();
        if started.elapsed() > limit || !running {
            let state = if running {
                "still running"
            } else {
                "no longer running"
            };
            let found: Vec<String> = journals(data_dir)
                .iter()
                .map(|j| format!("  {}: {}", j.display(), summary(&events(j))))
                .collect();
            let found = if found.is_empty() {
                "  (no journal yet)".to_owned()
            } else {
                found.join("\n")
            };
            let place = only.map_or_else(
                || "any journal".to_owned(),
                |j| format!("the journal {}", j.display()),
            );
            panic!(
                "timed out after {:.1} s waiting for: {what} in {place} (the app is {state})\njournals now:\n{found}\napp log:\n{}",
                started.elapsed().as_secs_f64(),
                app.log_text()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

fn missing(why: &str) -> Option<Display> {
    if std::env::var_os("CI").is_some() {
        panic!("{why}: this test needs an X display; install xvfb openbox xdotool");
    }
    eprintln!();
    eprintln!("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
    eprintln!("!!! SKIPPED: {why}.");
    eprintln!("!!! This test drives the real app window; install xvfb openbox xdotool");
    eprintln!("!!! (Debian: apt-get install xvfb openbox xdotool) to run it.");
    eprintln!("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
    eprintln!();
    None
}
