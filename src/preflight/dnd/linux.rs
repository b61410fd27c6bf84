//! Linux desktops: the freedesktop notification service's `Inhibited` property (KDE
//! Plasma and others) over the session D-Bus, GNOME's `show-banners` setting, dunst,
//! mako and Xfce's notification daemon.
//!
//! Which one to ask follows from who answers as `org.freedesktop.Notifications` (its
//! `GetServerInformation` name), else from `XDG_CURRENT_DESKTOP`. A setting is read only
//! when its desktop is the one showing notifications: GNOME's `show-banners` exists on
//! any machine with GNOME's schemas installed and says nothing about dunst under sway.
//! dunstctl and makoctl answer only while their daemon runs, so they are always safe
//! to ask.

use super::{
    BUS_TIMEOUT, Budget, BusReply, COMMAND_TIMEOUT, CommandOutcome, DndReport, DndState,
    InhibitedReply, Probe, command_failure, excerpt,
};

/// The desktop, from `XDG_CURRENT_DESKTOP` (a colon-separated list, e.g. `ubuntu:GNOME`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Desktop {
    /// GNOME, and desktops that name it (`ubuntu:GNOME`, `pop:GNOME`), and Unity.
    Gnome,
    /// KDE Plasma.
    Kde,
    /// Xfce.
    Xfce,
    /// Another desktop, by the name it gives.
    Other(String),
    /// `XDG_CURRENT_DESKTOP` is not set.
    Unknown,
}

impl Desktop {
    /// Reads the value of `XDG_CURRENT_DESKTOP`.
    pub fn from_xdg_current_desktop(value: Option<&str>) -> Self {
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            return Self::Unknown;
        };
        let names: Vec<String> = value.split(':').map(str::to_ascii_lowercase).collect();
        let has = |wanted: &[&str]| names.iter().any(|n| wanted.contains(&n.as_str()));
        if has(&["gnome", "gnome-classic", "gnome-flashback", "unity"]) {
            Self::Gnome
        } else if has(&["kde"]) {
            Self::Kde
        } else if has(&["xfce", "xfce4"]) {
            Self::Xfce
        } else {
            Self::Other(value.to_owned())
        }
    }
}

/// The notification service, from the name it gives in `GetServerInformation`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Server {
    /// GNOME Shell (`gnome-shell`).
    GnomeShell,
    /// dunst (`dunst`).
    Dunst,
    /// mako (`mako`).
    Mako,
    /// xfce4-notifyd (`Xfce Notify Daemon`).
    Xfce,
    /// Any other, by name (KDE's is `Plasma`).
    Other(String),
}

impl Server {
    /// Recognises a `GetServerInformation` name.
    pub fn from_name(name: &str) -> Self {
        let lower = name.to_ascii_lowercase();
        if lower.contains("gnome-shell") || lower == "gnome shell" {
            Self::GnomeShell
        } else if lower.contains("dunst") {
            Self::Dunst
        } else if lower.contains("mako") {
            Self::Mako
        } else if lower.contains("xfce") {
            Self::Xfce
        } else {
            Self::Other(name.to_owned())
        }
    }
}

/// A command-line tool that can tell whether notifications are held back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// `gsettings get org.gnome.desktop.notifications show-banners`
    Gsettings,
    /// `dunstctl is-paused`
    Dunstctl,
    /// `makoctl mode`
    Makoctl,
    /// `xfconf-query -c xfce4-notifyd -p /do-not-disturb`
    XfconfQuery,
}

impl Tool {
    /// The program run.
    pub fn program(self) -> &'static str {
        match self {
            Self::Gsettings => "gsettings",
            Self::Dunstctl => "dunstctl",
            Self::Makoctl => "makoctl",
            Self::XfconfQuery => "xfconf-query",
        }
    }

    /// Its arguments.
    pub fn args(self) -> &'static [&'static str] {
        match self {
            Self::Gsettings => &["get", "org.gnome.desktop.notifications", "show-banners"],
            Self::Dunstctl => &["is-paused"],
            Self::Makoctl => &["mode"],
            Self::XfconfQuery => &["-c", "xfce4-notifyd", "-p", "/do-not-disturb"],
        }
    }

    /// The `method` of a report read with it.
    pub fn method(self) -> &'static str {
        match self {
            Self::Gsettings => "gnome-gsettings",
            Self::Dunstctl => "dunstctl",
            Self::Makoctl => "makoctl",
            Self::XfconfQuery => "xfconf-query",
        }
    }
}

/// Which tools to ask, in order, given the desktop and the notification service (when
/// the bus named one). `no_service`: the bus answered and no notification service runs.
pub fn plan(desktop: &Desktop, server: Option<&Server>, no_service: bool) -> Vec<Tool> {
    match server {
        Some(Server::GnomeShell) => vec![Tool::Gsettings],
        Some(Server::Dunst) => vec![Tool::Dunstctl],
        Some(Server::Mako) => vec![Tool::Makoctl],
        Some(Server::Xfce) => vec![Tool::XfconfQuery],
        // Plasma and others answer through `Inhibited` or not at all.
        Some(Server::Other(_)) => Vec::new(),
        // Nothing would show a notification now, and a stored setting would be stale.
        None if no_service => Vec::new(),
        // The bus could not be asked: the desktop's own setting, then the daemons' tools
        // (which may reach a bus this process was not told about).
        None => {
            let mut tools = match desktop {
                Desktop::Gnome => vec![Tool::Gsettings],
                Desktop::Xfce => vec![Tool::XfconfQuery],
                _ => Vec::new(),
            };
            tools.extend([Tool::Dunstctl, Tool::Makoctl]);
            tools
        }
    }
}

/// `gsettings get org.gnome.desktop.notifications show-banners`: `false` means banners
/// are not shown, which is GNOME's do-not-disturb. `Ok(true)`: do-not-disturb is on.
pub fn parse_gsettings_show_banners(stdout: &str) -> Result<bool, String> {
    match stdout.trim() {
        "false" => Ok(true),
        "true" => Ok(false),
        _ => Err(format!("gsettings answered {}", excerpt(stdout))),
    }
}

/// `dunstctl is-paused`: `true` while notifications are paused. `Ok(true)`: paused.
pub fn parse_dunstctl_is_paused(stdout: &str) -> Result<bool, String> {
    match stdout.trim() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(format!("dunstctl answered {}", excerpt(stdout))),
    }
}

/// The modes mako has on (`makoctl mode` prints one a line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MakoModes {
    /// Every mode that is on, as printed.
    pub active: Vec<String>,
    /// The one that holds notifications back, if any: a mode called `do-not-disturb`
    /// or `dnd` (any case, with `-`, `_`, space or nothing between the words), the
    /// names mako's documentation and users give it.
    pub do_not_disturb: Option<String>,
}

/// `makoctl mode`: the active modes, one a line (`default` when nothing else is on).
pub fn parse_makoctl_mode(stdout: &str) -> Result<MakoModes, String> {
    let active: Vec<String> = stdout
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if active.is_empty() {
        return Err("makoctl listed no mode".to_owned());
    }
    let do_not_disturb = active
        .iter()
        .find(|mode| {
            let folded: String = mode
                .chars()
                .filter(|c| !matches!(c, '-' | '_' | ' '))
                .flat_map(char::to_lowercase)
                .collect();
            folded == "donotdisturb" || folded == "dnd"
        })
        .cloned();
    Ok(MakoModes {
        active,
        do_not_disturb,
    })
}

/// `xfconf-query -c xfce4-notifyd -p /do-not-disturb`: `true` or `false`. `Ok(true)`:
/// do-not-disturb is on.
pub fn parse_xfconf_do_not_disturb(stdout: &str) -> Result<bool, String> {
    match stdout.trim() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(format!("xfconf-query answered {}", excerpt(stdout))),
    }
}

/// Whether xfconf-query's failure says the property was never stored: xfce4-notifyd
/// then uses its default, do-not-disturb off.
pub fn xfconf_property_missing(stderr: &str) -> bool {
    stderr.contains("does not exist")
}

/// What the notification service's `Inhibited` property says, as a report; `None` when
/// it said nothing (no such property, or the question failed).
pub fn report_from_inhibited(
    name: &str,
    vendor: &str,
    inhibited: &InhibitedReply,
) -> Option<DndReport> {
    let InhibitedReply::Value(inhibited) = inhibited else {
        return None;
    };
    let service = service_name(name, vendor);
    Some(if *inhibited {
        DndReport::new(
            DndState::On,
            "dbus-inhibited",
            format!(
                "the notification service ({service}) holds notifications back (Inhibited is true)"
            ),
        )
    } else {
        DndReport::new(
            DndState::Off,
            "dbus-inhibited",
            format!(
                "the notification service ({service}) shows notifications (Inhibited is false)"
            ),
        )
    })
}

fn service_name(name: &str, vendor: &str) -> String {
    match (name.trim(), vendor.trim()) {
        ("", "") => "unnamed".to_owned(),
        (name, "") => name.to_owned(),
        ("", vendor) => vendor.to_owned(),
        (name, vendor) => format!("{name} by {vendor}"),
    }
}

/// What one tool's answer says, as a report; `Err` with why it said nothing usable.
pub fn report_from_tool(tool: Tool, outcome: &CommandOutcome) -> Result<DndReport, String> {
    let stdout = match outcome {
        CommandOutcome::Exited {
            success: true,
            stdout,
            ..
        } => stdout,
        CommandOutcome::Exited {
            success: false,
            stderr,
            ..
        } if tool == Tool::XfconfQuery && xfconf_property_missing(stderr) => {
            return Ok(DndReport::new(
                DndState::Off,
                tool.method(),
                "Xfce's notification daemon has never had Do not disturb turned on (xfce4-notifyd /do-not-disturb is not set)",
            ));
        }
        _ => return Err(command_failure(tool.program(), outcome)),
    };
    let report = match tool {
        Tool::Gsettings => {
            let on = parse_gsettings_show_banners(stdout)?;
            if on {
                DndReport::new(
                    DndState::On,
                    tool.method(),
                    "GNOME's Do Not Disturb is on (org.gnome.desktop.notifications show-banners is false)",
                )
            } else {
                DndReport::new(
                    DndState::Off,
                    tool.method(),
                    "GNOME shows notification banners (org.gnome.desktop.notifications show-banners is true)",
                )
            }
        }
        Tool::Dunstctl => {
            if parse_dunstctl_is_paused(stdout)? {
                DndReport::new(
                    DndState::On,
                    tool.method(),
                    "dunst has notifications paused (dunstctl is-paused: true)",
                )
            } else {
                DndReport::new(
                    DndState::Off,
                    tool.method(),
                    "dunst shows notifications (dunstctl is-paused: false)",
                )
            }
        }
        Tool::Makoctl => {
            let modes = parse_makoctl_mode(stdout)?;
            let listed = modes.active.join(", ");
            match &modes.do_not_disturb {
                Some(mode) => DndReport::new(
                    DndState::On,
                    tool.method(),
                    format!("mako's “{mode}” mode is on (modes on: {listed})"),
                ),
                None => DndReport::new(
                    DndState::Off,
                    tool.method(),
                    format!(
                        "mako has no do-not-disturb mode on (modes on: {listed}; a mode named do-not-disturb or dnd counts)"
                    ),
                ),
            }
        }
        Tool::XfconfQuery => {
            if parse_xfconf_do_not_disturb(stdout)? {
                DndReport::new(
                    DndState::On,
                    tool.method(),
                    "Xfce's notification daemon has Do not disturb on (xfce4-notifyd /do-not-disturb is true)",
                )
            } else {
                DndReport::new(
                    DndState::Off,
                    tool.method(),
                    "Xfce's notification daemon shows notifications (xfce4-notifyd /do-not-disturb is false)",
                )
            }
        }
    };
    Ok(report)
}

/// Checks a Linux desktop through `probe` within `budget`.
pub(super) fn detect(probe: &dyn Probe, budget: &Budget) -> DndReport {
    let desktop = Desktop::from_xdg_current_desktop(probe.var("XDG_CURRENT_DESKTOP").as_deref());
    let mut notes: Vec<String> = Vec::new();
    let bus = match budget.step(BUS_TIMEOUT) {
        Some(timeout) => probe.notification_service(timeout),
        None => BusReply::Failed("no time was left to ask".to_owned()),
    };
    let server = match &bus {
        BusReply::Service {
            name,
            vendor,
            inhibited,
        } => {
            if let Some(report) = report_from_inhibited(name, vendor, inhibited) {
                return report;
            }
            let why = match inhibited {
                InhibitedReply::Failed(e) => format!("asking it failed: {e}"),
                _ => "it has no Inhibited property".to_owned(),
            };
            notes.push(format!(
                "the notification service ({}) does not say whether it holds notifications back ({why})",
                service_name(name, vendor)
            ));
            Some(Server::from_name(name))
        }
        BusReply::NoService => {
            notes.push("no notification service runs on the session D-Bus (nothing owns org.freedesktop.Notifications)".to_owned());
            None
        }
        BusReply::NoBus(why) => {
            notes.push(format!("no session D-Bus ({why})"));
            None
        }
        BusReply::Failed(why) => {
            notes.push(format!("the session D-Bus did not answer ({why})"));
            None
        }
    };
    let tools = plan(&desktop, server.as_ref(), bus == BusReply::NoService);
    if server.is_none()
        && !tools.contains(&Tool::Gsettings)
        && !tools.contains(&Tool::XfconfQuery)
        && !tools.is_empty()
    {
        notes.push(match &desktop {
            Desktop::Unknown => {
                "GNOME's and Xfce's settings were not read (XDG_CURRENT_DESKTOP is not set)"
                    .to_owned()
            }
            other => format!(
                "GNOME's and Xfce's settings were not read (the desktop is {})",
                desktop_name(other)
            ),
        });
    }
    for tool in tools {
        let Some(timeout) = budget.step(COMMAND_TIMEOUT) else {
            notes.push(format!(
                "{} not asked: the check ran out of time",
                tool.program()
            ));
            continue;
        };
        let outcome = probe.run(tool.program(), tool.args(), timeout);
        match report_from_tool(tool, &outcome) {
            Ok(report) => return report,
            Err(_) if outcome == CommandOutcome::TimedOut => notes.push(format!(
                "{} did not answer within {} ms",
                tool.program(),
                timeout.as_millis()
            )),
            Err(why) => notes.push(why),
        }
    }
    let lead = match &bus {
        BusReply::Service { .. } => "livecue cannot tell whether notifications are held back",
        _ => "no notification service answered on this computer",
    };
    DndReport::new(
        DndState::Unknown,
        "none",
        format!("{lead}: {}", notes.join("; ")),
    )
}

fn desktop_name(desktop: &Desktop) -> String {
    match desktop {
        Desktop::Gnome => "GNOME".to_owned(),
        Desktop::Kde => "KDE".to_owned(),
        Desktop::Xfce => "Xfce".to_owned(),
        Desktop::Other(name) => name.clone(),
        Desktop::Unknown => "unknown".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fake::{FakeProbe, exited};
    use super::super::{Os, detect_with};
    use super::*;

    macro_rules! fixture {
        ($name:literal) => {
            include_str!(concat!("../../../tests/fixtures/dnd/linux/", $name))
        };
    }

    const GSETTINGS: &str = "gsettings get org.gnome.desktop.notifications show-banners";
    const XFCONF: &str = "xfconf-query -c xfce4-notifyd -p /do-not-disturb";

    fn service(name: &str, inhibited: InhibitedReply) -> BusReply {
        BusReply::Service {
            name: name.to_owned(),
            vendor: String::new(),
            inhibited,
        }
    }

    #[test]
    fn gnome_show_banners_false_means_do_not_disturb() {
        assert_eq!(
            parse_gsettings_show_banners(fixture!("gsettings-show-banners-false.txt")),
            Ok(true)
        );
        assert_eq!(
            parse_gsettings_show_banners(fixture!("gsettings-show-banners-true.txt")),
            Ok(false)
        );
        let garbage = parse_gsettings_show_banners(fixture!("gsettings-garbage.txt"));
        assert_eq!(garbage, Err("gsettings answered “@mb nothing”".to_owned()));
    }

    #[test]
    fn dunst_paused_means_do_not_disturb() {
        assert_eq!(
            parse_dunstctl_is_paused(fixture!("dunstctl-is-paused-true.txt")),
            Ok(true)
        );
        assert_eq!(
            parse_dunstctl_is_paused(fixture!("dunstctl-is-paused-false.txt")),
            Ok(false)
        );
        assert!(parse_dunstctl_is_paused("").is_err());
    }

    #[test]
    fn mako_do_not_disturb_modes_are_recognised_by_name() {
        let default = parse_makoctl_mode(fixture!("makoctl-mode-default.txt")).unwrap();
        assert_eq!(default.active, ["default"]);
        assert_eq!(default.do_not_disturb, None);

        let dnd = parse_makoctl_mode(fixture!("makoctl-mode-do-not-disturb.txt")).unwrap();
        assert_eq!(dnd.active, ["default", "do-not-disturb"]);
        assert_eq!(dnd.do_not_disturb.as_deref(), Some("do-not-disturb"));

        let short = parse_makoctl_mode(fixture!("makoctl-mode-dnd.txt")).unwrap();
        assert_eq!(short.do_not_disturb.as_deref(), Some("dnd"));

        let other = parse_makoctl_mode(fixture!("makoctl-mode-other.txt")).unwrap();
        assert_eq!(other.do_not_disturb, None);

        for spelling in ["Do_Not_Disturb", "DND", "do not disturb", "DoNotDisturb"] {
            let modes = parse_makoctl_mode(spelling).unwrap();
            assert_eq!(modes.do_not_disturb.as_deref(), Some(spelling));
        }
        // "dnd" must be the whole name, not part of one.
        assert_eq!(
            parse_makoctl_mode("no-dnd-here\n").unwrap().do_not_disturb,
            None
        );
        assert!(parse_makoctl_mode("\n").is_err());
    }

    #[test]
    fn xfce_do_not_disturb_is_read_and_a_missing_property_means_off() {
        assert_eq!(
            parse_xfconf_do_not_disturb(fixture!("xfconf-do-not-disturb-true.txt")),
            Ok(true)
        );
        assert_eq!(
            parse_xfconf_do_not_disturb(fixture!("xfconf-do-not-disturb-false.txt")),
            Ok(false)
        );
        let missing = exited(
            false,
            "",
            fixture!("xfconf-do-not-disturb-missing.stderr.txt"),
        );
        let report = report_from_tool(Tool::XfconfQuery, &missing).unwrap();
        assert_eq!(report.state, DndState::Off);
        assert!(report.detail.contains("never"), "{report:?}");
    }

    #[test]
    fn the_bus_inhibited_property_decides_when_the_service_has_it() {
        let on = FakeProbe::new().bus(BusReply::Service {
            name: "Plasma".to_owned(),
            vendor: "KDE".to_owned(),
            inhibited: InhibitedReply::Value(true),
        });
        let report = detect_with(&on, Os::Linux);
        assert_eq!(report.state, DndState::On);
        assert_eq!(report.method, "dbus-inhibited");
        assert!(report.detail.contains("Plasma by KDE"), "{report:?}");
        assert!(on.ran.borrow().is_empty(), "no command is needed");

        let off = FakeProbe::new().bus(service("Plasma", InhibitedReply::Value(false)));
        let report = detect_with(&off, Os::Linux);
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::Off, "dbus-inhibited")
        );
    }

    #[test]
    fn gnome_shell_is_asked_through_gsettings() {
        let probe = FakeProbe::new()
            .var("XDG_CURRENT_DESKTOP", "ubuntu:GNOME")
            .bus(service("gnome-shell", InhibitedReply::NotSupported))
            .prints(GSETTINGS, fixture!("gsettings-show-banners-false.txt"));
        let report = detect_with(&probe, Os::Linux);
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::On, "gnome-gsettings")
        );
        assert_eq!(*probe.ran.borrow(), [GSETTINGS]);
    }

    #[test]
    fn gsettings_is_not_trusted_when_another_daemon_shows_notifications() {
        // GNOME's schema is installed, but dunst shows the notifications under sway.
        let probe = FakeProbe::new()
            .var("XDG_CURRENT_DESKTOP", "sway")
            .bus(service("dunst", InhibitedReply::NotSupported))
            .prints(GSETTINGS, "true\n")
            .prints(
                "dunstctl is-paused",
                fixture!("dunstctl-is-paused-true.txt"),
            );
        let report = detect_with(&probe, Os::Linux);
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::On, "dunstctl")
        );
        assert_eq!(*probe.ran.borrow(), ["dunstctl is-paused"]);
    }

    #[test]
    fn mako_and_xfce_are_asked_through_their_tools() {
        let mako = FakeProbe::new()
            .bus(service("mako", InhibitedReply::NotSupported))
            .prints("makoctl mode", fixture!("makoctl-mode-do-not-disturb.txt"));
        let report = detect_with(&mako, Os::Linux);
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::On, "makoctl")
        );
        assert!(report.detail.contains("“do-not-disturb”"), "{report:?}");

        let mako_default = FakeProbe::new()
            .bus(service("mako", InhibitedReply::NotSupported))
            .prints("makoctl mode", fixture!("makoctl-mode-default.txt"));
        assert_eq!(detect_with(&mako_default, Os::Linux).state, DndState::Off);

        let xfce = FakeProbe::new()
            .bus(service("Xfce Notify Daemon", InhibitedReply::NotSupported))
            .prints(XFCONF, fixture!("xfconf-do-not-disturb-false.txt"));
        let report = detect_with(&xfce, Os::Linux);
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::Off, "xfconf-query")
        );
    }

    #[test]
    fn without_a_bus_the_desktop_setting_is_read() {
        let probe = FakeProbe::new()
            .var("XDG_CURRENT_DESKTOP", "XFCE")
            .prints(XFCONF, fixture!("xfconf-do-not-disturb-true.txt"));
        let report = detect_with(&probe, Os::Linux);
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::On, "xfconf-query")
        );
    }

    #[test]
    fn a_tool_that_answers_nonsense_leaves_it_unknown_with_what_it_said() {
        let probe = FakeProbe::new()
            .var("XDG_CURRENT_DESKTOP", "GNOME")
            .prints(GSETTINGS, fixture!("gsettings-garbage.txt"));
        let report = detect_with(&probe, Os::Linux);
        assert_eq!(report.state, DndState::Unknown);
        assert!(report.detail.contains("“@mb nothing”"), "{report:?}");
    }

    #[test]
    fn no_bus_and_no_tools_is_unknown_with_every_reason() {
        let report = detect_with(&FakeProbe::new(), Os::Linux);
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::Unknown, "none")
        );
        assert!(
            report
                .detail
                .starts_with("no notification service answered on this computer: no session D-Bus"),
            "{report:?}"
        );
        assert!(
            report.detail.contains("XDG_CURRENT_DESKTOP is not set"),
            "{report:?}"
        );
        assert!(
            report.detail.contains("dunstctl is not installed"),
            "{report:?}"
        );
        assert!(
            report.detail.contains("makoctl is not installed"),
            "{report:?}"
        );
    }

    #[test]
    fn a_bus_without_a_notification_service_asks_no_tool() {
        let probe = FakeProbe::new()
            .var("XDG_CURRENT_DESKTOP", "GNOME")
            .bus(BusReply::NoService)
            .prints(GSETTINGS, "true\n");
        let report = detect_with(&probe, Os::Linux);
        assert_eq!(report.state, DndState::Unknown);
        assert!(
            report
                .detail
                .contains("nothing owns org.freedesktop.Notifications"),
            "{report:?}"
        );
        assert!(probe.ran.borrow().is_empty());
    }

    #[test]
    fn an_unknown_service_without_inhibited_is_unknown_and_named() {
        let probe = FakeProbe::new().bus(service(
            "SwayNotificationCenter",
            InhibitedReply::NotSupported,
        ));
        let report = detect_with(&probe, Os::Linux);
        assert_eq!(report.state, DndState::Unknown);
        assert!(
            report.detail.starts_with("livecue cannot tell"),
            "{report:?}"
        );
        assert!(
            report.detail.contains("SwayNotificationCenter"),
            "{report:?}"
        );
    }

    #[test]
    fn a_tool_that_times_out_is_reported_as_such() {
        let probe = FakeProbe::new()
            .bus(service("dunst", InhibitedReply::NotSupported))
            .command("dunstctl is-paused", CommandOutcome::TimedOut);
        let report = detect_with(&probe, Os::Linux);
        assert_eq!(report.state, DndState::Unknown);
        assert!(
            report.detail.contains("dunstctl did not answer within"),
            "{report:?}"
        );
    }

    #[test]
    fn desktops_and_servers_are_recognised() {
        assert_eq!(
            Desktop::from_xdg_current_desktop(Some("ubuntu:GNOME")),
            Desktop::Gnome
        );
        assert_eq!(Desktop::from_xdg_current_desktop(Some("KDE")), Desktop::Kde);
        assert_eq!(
            Desktop::from_xdg_current_desktop(Some("XFCE")),
            Desktop::Xfce
        );
        assert_eq!(
            Desktop::from_xdg_current_desktop(Some("sway")),
            Desktop::Other("sway".to_owned())
        );
        assert_eq!(
            Desktop::from_xdg_current_desktop(Some(" ")),
            Desktop::Unknown
        );
        assert_eq!(Server::from_name("gnome-shell"), Server::GnomeShell);
        assert_eq!(Server::from_name("Xfce Notify Daemon"), Server::Xfce);
        assert_eq!(
            Server::from_name("Plasma"),
            Server::Other("Plasma".to_owned())
        );
    }
}
