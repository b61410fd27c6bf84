//! Do-not-disturb detection through the real probe: real commands (fake tools on a
//! `PATH` of the test's own), a private session bus with a made-up notification
//! service, and an empty environment, so that no result depends on this machine's
//! desktop.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use livecue::preflight::dnd::{DndState, Os, SystemProbe, detect, detect_with};

#[test]
fn with_no_bus_and_no_tools_it_is_unknown_and_says_why() {
    // No PATH, no bus address, no desktop: what a machine without a notification
    // daemon looks like, whatever this one has.
    let probe = SystemProbe::with_env(Vec::<(String, String)>::new());
    let report = detect_with(&probe, Os::Linux);
    assert_eq!(report.state, DndState::Unknown);
    assert_eq!(report.method, "none");
    assert!(
        report
            .detail
            .starts_with("no notification service answered on this computer: no session D-Bus"),
        "{report:?}"
    );
    assert!(
        report.detail.contains("dunstctl is not installed"),
        "{report:?}"
    );
}

#[test]
fn detect_on_this_machine_says_how_it_found_out() {
    let report = detect();
    assert!(!report.method.is_empty(), "{report:?}");
    assert!(!report.detail.is_empty(), "{report:?}");
    if report.state == DndState::Unknown && report.method == "none" {
        assert!(report.detail.contains(':'), "a reason follows: {report:?}");
    }
}

#[cfg(unix)]
mod tools {
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;

    use livecue::preflight::dnd::{DndState, Os, SystemProbe, detect_with};

    /// A shell script called `name` in `dir` that runs `body`.
    pub fn script(dir: &Path, name: &str, body: &str) {
        let path = dir.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    fn path_with(dir: &Path) -> String {
        // The scripts need sh and sleep; the tools themselves come only from `dir`.
        format!("{}:/bin:/usr/bin", dir.display())
    }

    #[test]
    fn makoctl_is_run_and_its_modes_read() {
        let dir = tempfile::tempdir().unwrap();
        script(
            dir.path(),
            "makoctl",
            "printf 'default\\ndo-not-disturb\\n'",
        );
        let probe = SystemProbe::with_env([("PATH", path_with(dir.path()))]);
        let report = detect_with(&probe, Os::Linux);
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::On, "makoctl"),
            "{report:?}"
        );
    }

    #[test]
    fn gsettings_is_read_on_gnome_only() {
        let dir = tempfile::tempdir().unwrap();
        script(
            dir.path(),
            "gsettings",
            "[ \"$*\" = 'get org.gnome.desktop.notifications show-banners' ] && echo false",
        );
        let gnome = SystemProbe::with_env([
            ("PATH", path_with(dir.path())),
            ("XDG_CURRENT_DESKTOP", "ubuntu:GNOME".to_owned()),
        ]);
        let report = detect_with(&gnome, Os::Linux);
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::On, "gnome-gsettings"),
            "{report:?}"
        );

        let sway = SystemProbe::with_env([
            ("PATH", path_with(dir.path())),
            ("XDG_CURRENT_DESKTOP", "sway".to_owned()),
        ]);
        let report = detect_with(&sway, Os::Linux);
        assert_eq!(report.state, DndState::Unknown, "{report:?}");
        assert!(report.detail.contains("the desktop is sway"), "{report:?}");
    }

    #[test]
    fn a_tool_that_hangs_is_stopped_and_named() {
        let dir = tempfile::tempdir().unwrap();
        script(dir.path(), "dunstctl", "exec sleep 30");
        let probe = SystemProbe::with_env([("PATH", path_with(dir.path()))]);
        let report = detect_with(&probe, Os::Linux);
        assert_eq!(report.state, DndState::Unknown, "{report:?}");
        assert!(
            report.detail.contains("dunstctl did not answer within"),
            "{report:?}"
        );
        assert!(
            report.detail.contains("makoctl is not installed"),
            "{report:?}"
        );
    }
}

#[cfg(target_os = "linux")]
mod bus {
    use std::io::{BufRead, BufReader};
    use std::path::Path;
    use std::process::{Child, Command, Stdio};

    use livecue::preflight::dnd::{DndState, Os, SystemProbe, detect_with};

    use super::tools::script;

    /// A private session bus (`dbus-daemon`), stopped when dropped.
    struct Bus {
        daemon: Child,
        address: String,
        _dir: tempfile::TempDir,
    }

    impl Bus {
        /// `None` (and a note) when dbus-daemon is not installed.
        fn start() -> Option<Self> {
            let dir = tempfile::tempdir().unwrap();
            let config = dir.path().join("bus.conf");
            std::fs::write(
                &config,
                format!(
                    r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
                    dir.path().join("bus").display()
                ),
            )
            .unwrap();
            let spawned = Command::new("dbus-daemon")
                .arg(format!("--config-file={}", config.display()))
                .args(["--nofork", "--print-address=1"])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                // As root it complains that it cannot raise its file limit; harmless.
                .stderr(Stdio::null())
                .spawn();
            let mut daemon = match spawned {
                Ok(daemon) => daemon,
                Err(e) => {
                    eprintln!("dbus-daemon not available ({e}): bus tests skipped");
                    return None;
                }
            };
            let mut line = String::new();
            BufReader::new(daemon.stdout.take().unwrap())
                .read_line(&mut line)
                .unwrap();
            assert!(!line.trim().is_empty(), "dbus-daemon printed no address");
            Some(Self {
                daemon,
                address: line.trim().to_owned(),
                _dir: dir,
            })
        }

        fn runtime_dir(&self) -> &Path {
            self._dir.path()
        }
    }

    impl Drop for Bus {
        fn drop(&mut self) {
            let _ = self.daemon.kill();
            let _ = self.daemon.wait();
        }
    }

    struct WithInhibited {
        inhibited: bool,
    }

    #[zbus::interface(name = "org.freedesktop.Notifications")]
    impl WithInhibited {
        fn get_server_information(&self) -> (String, String, String, String) {
            ("Plasma".into(), "KDE".into(), "6.3".into(), "1.2".into())
        }

        #[zbus(property)]
        fn inhibited(&self) -> bool {
            self.inhibited
        }
    }

    struct WithoutInhibited {
        name: &'static str,
    }

    #[zbus::interface(name = "org.freedesktop.Notifications")]
    impl WithoutInhibited {
        fn get_server_information(&self) -> (String, String, String, String) {
            (self.name.into(), "".into(), "1.0".into(), "1.2".into())
        }
    }

    fn serve<I: zbus::object_server::Interface>(
        bus: &Bus,
        service: I,
    ) -> zbus::blocking::Connection {
        zbus::blocking::connection::Builder::address(bus.address.as_str())
            .unwrap()
            .name("org.freedesktop.Notifications")
            .unwrap()
            .serve_at("/org/freedesktop/Notifications", service)
            .unwrap()
            .build()
            .unwrap()
    }

    fn probe_on(bus: &Bus) -> SystemProbe {
        SystemProbe::with_env([("DBUS_SESSION_BUS_ADDRESS", bus.address.as_str())])
    }

    #[test]
    fn the_inhibited_property_is_read_over_the_session_bus() {
        let Some(bus) = Bus::start() else { return };
        let _service = serve(&bus, WithInhibited { inhibited: true });
        let report = detect_with(&probe_on(&bus), Os::Linux);
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::On, "dbus-inhibited"),
            "{report:?}"
        );
        assert!(report.detail.contains("Plasma by KDE"), "{report:?}");
    }

    #[test]
    fn inhibited_false_is_off_and_the_bus_is_found_in_the_runtime_dir() {
        let Some(bus) = Bus::start() else { return };
        let _service = serve(&bus, WithInhibited { inhibited: false });
        let dir = bus.runtime_dir().to_string_lossy().into_owned();
        let probe = SystemProbe::with_env([("XDG_RUNTIME_DIR", dir)]);
        let report = detect_with(&probe, Os::Linux);
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::Off, "dbus-inhibited"),
            "{report:?}"
        );
    }

    #[test]
    fn a_service_without_inhibited_is_asked_through_its_own_tool() {
        let Some(bus) = Bus::start() else { return };
        let _service = serve(&bus, WithoutInhibited { name: "mako" });
        let tools = tempfile::tempdir().unwrap();
        script(tools.path(), "makoctl", "echo default");
        script(tools.path(), "dunstctl", "echo true");
        let probe = SystemProbe::with_env([
            ("DBUS_SESSION_BUS_ADDRESS", bus.address.clone()),
            ("PATH", format!("{}:/bin:/usr/bin", tools.path().display())),
        ]);
        let report = detect_with(&probe, Os::Linux);
        // dunstctl would have said "paused": only mako's own tool is asked.
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::Off, "makoctl"),
            "{report:?}"
        );
    }

    #[test]
    fn a_bus_without_a_notification_service_is_unknown() {
        let Some(bus) = Bus::start() else { return };
        let report = detect_with(&probe_on(&bus), Os::Linux);
        assert_eq!(report.state, DndState::Unknown, "{report:?}");
        assert!(
            report.detail.starts_with(
                "no notification service answered on this computer: no notification service runs"
            ),
            "{report:?}"
        );
    }

    #[test]
    fn a_bus_address_nothing_listens_on_is_no_bus() {
        let dir = tempfile::tempdir().unwrap();
        let address = format!("unix:path={}", dir.path().join("gone").display());
        let probe = SystemProbe::with_env([("DBUS_SESSION_BUS_ADDRESS", address)]);
        let report = detect_with(&probe, Os::Linux);
        assert_eq!(report.state, DndState::Unknown, "{report:?}");
        assert!(
            report.detail.contains("no session D-Bus (cannot connect"),
            "{report:?}"
        );
    }
}
