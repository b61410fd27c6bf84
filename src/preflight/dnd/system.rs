//! The real [`Probe`]: this process's environment (or one given to it), commands with a
//! timeout, files, and the session D-Bus (Linux only).

use std::collections::HashMap;
use std::ffi::OsString;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{BusReply, CommandOutcome, Probe};

/// The most a command's output is read; the answers read here are a few lines.
const MAX_OUTPUT_BYTES: u64 = 1024 * 1024;

/// How often a running command is checked on.
const POLL_INTERVAL: Duration = Duration::from_millis(10);

/// The system itself: environment variables, programs on `PATH`, files, the session bus.
#[derive(Clone, Debug, Default)]
pub struct SystemProbe {
    /// `None`: this process's environment. `Some`: only these variables, both for what
    /// the probe reads and for the commands it runs.
    env: Option<HashMap<String, String>>,
}

impl SystemProbe {
    /// The probe [`super::detect`] uses: this process's environment.
    pub fn new() -> Self {
        Self::default()
    }

    /// A probe that sees only `vars`: commands are looked up on their `PATH` and run with
    /// only these variables; the session bus is the one they name. With no variables at
    /// all there is no tool and no bus, whatever the machine has.
    pub fn with_env<I, K, V>(vars: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        Self {
            env: Some(
                vars.into_iter()
                    .map(|(k, v)| (k.into(), v.into()))
                    .collect(),
            ),
        }
    }

    /// `program` found on this probe's `PATH`, as `execvp` would (the `.exe` added on
    /// Windows).
    fn find_program(&self, program: &str) -> Option<PathBuf> {
        if program.contains(std::path::MAIN_SEPARATOR) {
            let path = PathBuf::from(program);
            return is_program(&path).then_some(path);
        }
        let path = self.var("PATH")?;
        std::env::split_paths(&OsString::from(path))
            .filter(|dir| !dir.as_os_str().is_empty())
            .flat_map(|dir| {
                let plain = dir.join(program);
                let exe = cfg!(windows).then(|| dir.join(format!("{program}.exe")));
                [Some(plain), exe]
            })
            .flatten()
            .find(|candidate| is_program(candidate))
    }
}

#[cfg(unix)]
fn is_program(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_program(path: &Path) -> bool {
    path.is_file()
}

impl Probe for SystemProbe {
    fn var(&self, name: &str) -> Option<String> {
        match &self.env {
            Some(vars) => vars.get(name).cloned(),
            None => std::env::var(name).ok(),
        }
    }

    fn run(&self, program: &str, args: &[&str], timeout: Duration) -> CommandOutcome {
        let Some(path) = self.find_program(program) else {
            return CommandOutcome::NotFound;
        };
        let mut command = Command::new(path);
        command
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(vars) = &self.env {
            command.env_clear().envs(vars);
        }
        // Messages such as xfconf-query's "does not exist" are read in English.
        command.env("LC_ALL", "C");
        #[cfg(windows)]
        {
            use std::os::windows::process::CommandExt;
            // No console window flashing up from a windowed app.
            const CREATE_NO_WINDOW: u32 = 0x0800_0000;
            command.creation_flags(CREATE_NO_WINDOW);
        }
        run_bounded(command, timeout)
    }

    fn read_file(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn notification_service(&self, timeout: Duration) -> BusReply {
        #[cfg(target_os = "linux")]
        {
            match self.session_bus_address() {
                Ok(address) => dbus::notification_service(address, timeout),
                Err(why) => BusReply::NoBus(why),
            }
        }
        #[cfg(not(target_os = "linux"))]
        {
            let _ = timeout;
            BusReply::NoBus("livecue reads D-Bus only on Linux".to_owned())
        }
    }
}

/// Runs `command`, stopping it after `timeout`. Output is read on threads of their own so
/// that a program that keeps its pipes open (or whose children do) cannot block us.
fn run_bounded(mut command: Command, timeout: Duration) -> CommandOutcome {
    let started = Instant::now();
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return CommandOutcome::NotFound,
        Err(e) => return CommandOutcome::Failed(e.to_string()),
    };
    let stdout = child.stdout.take().map(read_in_background);
    let stderr = child.stderr.take().map(read_in_background);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= timeout => {
                // Already exited or not ours to stop any more: nothing else to do.
                let _ = child.kill();
                let _ = child.wait();
                return CommandOutcome::TimedOut;
            }
            Ok(None) => std::thread::sleep(POLL_INTERVAL),
            Err(e) => {
                let _ = child.kill();
                return CommandOutcome::Failed(e.to_string());
            }
        }
    };
    // The program has exited; its output is complete unless something it started still
    // holds the pipe, so wait only for what is left of the timeout (and a little).
    let grace = timeout.saturating_sub(started.elapsed()) + Duration::from_millis(50);
    let collect = |rx: Option<mpsc::Receiver<Vec<u8>>>| {
        rx.and_then(|rx| rx.recv_timeout(grace).ok())
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default()
    };
    CommandOutcome::Exited {
        success: status.success(),
        stdout: collect(stdout),
        stderr: collect(stderr),
    }
}

/// Reads `pipe` to its end (up to [`MAX_OUTPUT_BYTES`]) on a thread; the bytes arrive on
/// the returned channel. If the thread cannot start, the channel is closed at once.
fn read_in_background(pipe: impl Read + Send + 'static) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::sync_channel(1);
    // A thread that cannot start drops `tx`, which the receiver sees as no output.
    let _ = std::thread::Builder::new()
        .name("livecue-dnd-output".into())
        .spawn(move || {
            let mut bytes = Vec::new();
            // What was read before an error is still worth having.
            let _ = pipe.take(MAX_OUTPUT_BYTES).read_to_end(&mut bytes);
            let _ = tx.send(bytes);
        });
    rx
}

#[cfg(target_os = "linux")]
impl SystemProbe {
    /// The session bus address: `DBUS_SESSION_BUS_ADDRESS`, else `$XDG_RUNTIME_DIR/bus`
    /// (where systemd's user bus listens), as libdbus does.
    fn session_bus_address(&self) -> Result<String, String> {
        if let Some(address) = self
            .var("DBUS_SESSION_BUS_ADDRESS")
            .filter(|a| !a.trim().is_empty())
        {
            return Ok(address);
        }
        let Some(runtime_dir) = self.var("XDG_RUNTIME_DIR").filter(|d| !d.is_empty()) else {
            return Err("DBUS_SESSION_BUS_ADDRESS and XDG_RUNTIME_DIR are not set".to_owned());
        };
        let socket = Path::new(&runtime_dir).join("bus");
        if socket.exists() {
            Ok(format!(
                "unix:path={}",
                dbus::escape_address_value(&socket.to_string_lossy())
            ))
        } else {
            Err(format!(
                "DBUS_SESSION_BUS_ADDRESS is not set and there is no bus socket in XDG_RUNTIME_DIR ({runtime_dir})"
            ))
        }
    }
}

#[cfg(target_os = "linux")]
mod dbus {
    //! `org.freedesktop.Notifications` over the session bus, with zbus's blocking API.

    use std::sync::mpsc;
    use std::time::Duration;

    use zbus::blocking::Connection;
    use zbus::zvariant::{OwnedValue, Value};

    use super::super::{BusReply, InhibitedReply};

    const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
    const NOTIFICATIONS_PATH: &str = "/org/freedesktop/Notifications";

    /// Asks on a thread of its own, so that a bus that never answers costs `timeout` and
    /// no more (zbus's method timeout does not cover connecting).
    pub(super) fn notification_service(address: String, timeout: Duration) -> BusReply {
        let (tx, rx) = mpsc::sync_channel(1);
        let spawned = std::thread::Builder::new()
            .name("livecue-dnd-dbus".into())
            .spawn(move || {
                let _ = tx.send(ask(&address, timeout));
            });
        if let Err(e) = spawned {
            return BusReply::Failed(format!("could not start a thread to ask it ({e})"));
        }
        rx.recv_timeout(timeout).unwrap_or_else(|_| {
            BusReply::Failed(format!("no answer within {} ms", timeout.as_millis()))
        })
    }

    fn ask(address: &str, timeout: Duration) -> BusReply {
        let connection = match zbus::blocking::connection::Builder::address(address)
            .map(|b| b.method_timeout(timeout))
            .and_then(|b| b.build())
        {
            Ok(connection) => connection,
            Err(e) => return BusReply::NoBus(format!("cannot connect: {e}")),
        };
        // Asked first so that a notification daemon that D-Bus could start on demand
        // is not started by this check.
        let owned = connection
            .call_method(
                Some("org.freedesktop.DBus"),
                "/org/freedesktop/DBus",
                Some("org.freedesktop.DBus"),
                "NameHasOwner",
                &(NOTIFICATIONS,),
            )
            .and_then(|reply| reply.body().deserialize::<bool>());
        match owned {
            Ok(true) => {}
            Ok(false) => return BusReply::NoService,
            Err(e) => return BusReply::Failed(e.to_string()),
        }
        let (name, vendor) = connection
            .call_method(
                Some(NOTIFICATIONS),
                NOTIFICATIONS_PATH,
                Some(NOTIFICATIONS),
                "GetServerInformation",
                &(),
            )
            .and_then(|reply| {
                reply
                    .body()
                    .deserialize::<(String, String, String, String)>()
            })
            .map(|(name, vendor, _version, _spec)| (name, vendor))
            .unwrap_or_default();
        BusReply::Service {
            name,
            vendor,
            inhibited: inhibited(&connection),
        }
    }

    fn inhibited(connection: &Connection) -> InhibitedReply {
        let reply = connection.call_method(
            Some(NOTIFICATIONS),
            NOTIFICATIONS_PATH,
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &(NOTIFICATIONS, "Inhibited"),
        );
        match reply {
            Ok(reply) => match reply.body().deserialize::<OwnedValue>() {
                Ok(value) => match unwrap_variant(&value) {
                    Value::Bool(inhibited) => InhibitedReply::Value(*inhibited),
                    other => InhibitedReply::Failed(format!(
                        "Inhibited is not a boolean but {}",
                        other.value_signature()
                    )),
                },
                Err(e) => InhibitedReply::Failed(e.to_string()),
            },
            Err(zbus::Error::MethodError(name, _, _)) if means_no_such_property(name.as_str()) => {
                InhibitedReply::NotSupported
            }
            Err(zbus::Error::FDO(e))
                if means_no_such_property(zbus::DBusError::name(e.as_ref()).as_str()) =>
            {
                InhibitedReply::NotSupported
            }
            Err(e) => InhibitedReply::Failed(e.to_string()),
        }
    }

    fn unwrap_variant<'a>(value: &'a Value<'a>) -> &'a Value<'a> {
        match value {
            Value::Value(inner) => unwrap_variant(inner),
            other => other,
        }
    }

    /// Services without the property answer with one of these, depending on the library
    /// they are written with.
    fn means_no_such_property(error_name: &str) -> bool {
        matches!(
            error_name.rsplit('.').next(),
            Some("UnknownProperty" | "InvalidArgs" | "UnknownInterface" | "UnknownMethod")
        )
    }

    /// Escapes a value for a D-Bus address, as the specification asks: bytes other than
    /// `[-0-9A-Za-z_/.\*]` become `%XX`.
    pub(super) fn escape_address_value(value: &str) -> String {
        value
            .bytes()
            .map(|b| match b {
                b'-'
                | b'0'..=b'9'
                | b'A'..=b'Z'
                | b'a'..=b'z'
                | b'_'
                | b'/'
                | b'.'
                | b'\\'
                | b'*' => char::from(b).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn address_values_are_escaped_as_the_specification_says() {
            assert_eq!(
                escape_address_value("/run/user/1000/bus"),
                "/run/user/1000/bus"
            );
            assert_eq!(escape_address_value("/tmp/a b=c"), "/tmp/a%20b%3Dc");
        }

        #[test]
        fn both_spellings_of_no_such_property_are_recognised() {
            assert!(means_no_such_property(
                "org.freedesktop.DBus.Error.UnknownProperty"
            ));
            assert!(means_no_such_property(
                "org.freedesktop.DBus.Error.InvalidArgs"
            ));
            assert!(!means_no_such_property(
                "org.freedesktop.DBus.Error.AccessDenied"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_probe_with_no_path_finds_no_program() {
        let probe = SystemProbe::with_env([("HOME", "/nonexistent")]);
        assert_eq!(
            probe.run("sh", &["-c", "true"], Duration::from_secs(1)),
            CommandOutcome::NotFound
        );
        assert_eq!(probe.var("HOME").as_deref(), Some("/nonexistent"));
        assert_eq!(probe.var("PATH"), None);
    }

    #[cfg(unix)]
    #[test]
    fn commands_run_with_only_the_given_environment() {
        let probe = SystemProbe::with_env([("PATH", "/bin:/usr/bin"), ("ONLY_THIS", "yes")]);
        let outcome = probe.run(
            "sh",
            &["-c", "echo $ONLY_THIS; echo ${HOME:-unset}"],
            Duration::from_secs(5),
        );
        match outcome {
            CommandOutcome::Exited {
                success: true,
                stdout,
                ..
            } => assert_eq!(stdout, "yes\nunset\n"),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_command_that_does_not_finish_is_stopped() {
        let probe = SystemProbe::with_env([("PATH", "/bin:/usr/bin")]);
        let outcome = probe.run("sh", &["-c", "exec sleep 30"], Duration::from_millis(200));
        assert_eq!(outcome, CommandOutcome::TimedOut);
    }

    #[cfg(unix)]
    #[test]
    fn a_failing_command_reports_its_status_and_stderr() {
        let probe = SystemProbe::with_env([("PATH", "/bin:/usr/bin")]);
        let outcome = probe.run(
            "sh",
            &["-c", "echo nope >&2; exit 3"],
            Duration::from_secs(5),
        );
        assert_eq!(
            outcome,
            CommandOutcome::Exited {
                success: false,
                stdout: String::new(),
                stderr: "nope\n".to_owned()
            }
        );
    }
}
