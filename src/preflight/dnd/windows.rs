//! Windows 10 and 11: Focus Assist / Do not disturb, from the registry, read with
//! `reg query` (livecue forbids `unsafe`, so no registry or WNF calls of its own).
//!
//! What is read, all under `HKCU\Software\Microsoft\Windows\CurrentVersion`:
//! - `PushNotifications` `ToastEnabled` and `Notifications\Settings`
//!   `NOC_GLOBAL_SETTING_TOASTS_ENABLED`: 0 means notifications are off for every app
//!   (the first since Windows 10 1803, the second before).
//! - The quiet-hours settings in the CloudStore: on Windows 10 under
//!   `CloudStore\Store\Cache\DefaultAccount\$$windows.data.notifications.quiethourssettings`,
//!   on recent Windows 11 under `CloudStore\Store\DefaultAccount\Current\…$windows.data.donotdisturb.quiethourssettings`.
//!   Its binary `Data` holds the selected profile as UTF-16 text,
//!   `Microsoft.QuietHoursProfile.Unrestricted` (off), `.PriorityOnly` or `.AlarmsOnly`.
//!   Where in the blob it sits differs between versions, so it is searched for.
//!
//! Focus Assist's automatic rules (scheduled hours, games, full screen, duplicating the
//! display) switch it through a kernel notification (WNF) that the registry does not
//! show; the report says so when it reads "off".

use super::{Budget, COMMAND_TIMEOUT, CommandOutcome, DndReport, DndState, Probe};

/// The `method` of every Windows report.
pub const METHOD: &str = "windows-registry";

const PUSH_NOTIFICATIONS: &str =
    r"HKCU\Software\Microsoft\Windows\CurrentVersion\PushNotifications";
const NOTIFICATION_SETTINGS: &str =
    r"HKCU\Software\Microsoft\Windows\CurrentVersion\Notifications\Settings";
const CLOUD_STORE: &str = r"HKCU\Software\Microsoft\Windows\CurrentVersion\CloudStore\Store";

/// The most quiet-hours keys read (Windows 10 and 11 each have one; a copy or two may
/// linger after an upgrade).
const MAX_QUIET_HOURS_KEYS: usize = 4;

/// One key from `reg query` output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegKey {
    /// Its full path as printed, e.g. `HKEY_CURRENT_USER\Software\...`.
    pub path: String,
    /// Its values, as printed.
    pub values: Vec<RegValue>,
}

/// One value from `reg query` output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegValue {
    /// Its name (`(Default)` for the unnamed one, in the system's language).
    pub name: String,
    /// Its type, e.g. `REG_DWORD`, `REG_BINARY`.
    pub kind: String,
    /// Its data as printed: `0x1` for a DWORD, hex digits for binary data.
    pub data: String,
}

/// Reads the text `reg query` prints: key paths at the start of a line, each followed
/// by its values, indented, as `name    TYPE    data`. Anything else (blank lines,
/// `End of search: …`) is skipped.
pub fn parse_reg_query(text: &str) -> Vec<RegKey> {
    let mut keys: Vec<RegKey> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.starts_with("HKEY_") {
            keys.push(RegKey {
                path: line.trim().to_owned(),
                values: Vec::new(),
            });
            continue;
        }
        if !line.starts_with([' ', '\t']) {
            continue;
        }
        let (Some(key), Some(value)) = (keys.last_mut(), parse_value_line(line)) else {
            continue;
        };
        key.values.push(value);
    }
    keys
}

fn parse_value_line(line: &str) -> Option<RegValue> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let kind_at = tokens.iter().position(|t| t.starts_with("REG_"))?;
    if kind_at == 0 {
        return None;
    }
    Some(RegValue {
        name: tokens[..kind_at].join(" "),
        kind: tokens[kind_at].to_owned(),
        data: tokens[kind_at + 1..].join(" "),
    })
}

/// A `REG_DWORD` as `reg query` prints it (`0x0`, `0x1`).
pub fn parse_dword(data: &str) -> Option<u32> {
    let hex = data
        .trim()
        .strip_prefix("0x")
        .or_else(|| data.trim().strip_prefix("0X"))?;
    u32::from_str_radix(hex, 16).ok()
}

/// The quiet-hours profile named in a `REG_BINARY` blob printed as hex digits: the word
/// after `Microsoft.QuietHoursProfile.` (`Unrestricted`, `PriorityOnly`, `AlarmsOnly`).
pub fn quiet_hours_profile(hex: &str) -> Option<String> {
    const PREFIX: &str = "Microsoft.QuietHoursProfile.";
    let bytes = decode_hex(hex.trim())?;
    let needle: Vec<u8> = PREFIX.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let start = bytes.windows(needle.len()).position(|w| w == needle)? + needle.len();
    let profile: String = bytes[start..]
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        .map_while(|unit| char::from_u32(u32::from(unit)).filter(char::is_ascii_alphanumeric))
        .collect();
    (!profile.is_empty()).then_some(profile)
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

/// What one registry value read gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading<T> {
    /// The value.
    Value(T),
    /// The value is not set (Windows then uses its default).
    Missing,
    /// It could not be read: why.
    Failed(String),
}

/// A quiet-hours settings key and the profile found in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuietHours {
    /// The key the `Data` value is in.
    pub key: String,
    /// The profile named in it, when one is.
    pub profile: Option<String>,
}

/// Everything read from the registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readings {
    /// `PushNotifications` `ToastEnabled`.
    pub toast_enabled: Reading<u32>,
    /// `Notifications\Settings` `NOC_GLOBAL_SETTING_TOASTS_ENABLED`.
    pub noc_toasts_enabled: Reading<u32>,
    /// The quiet-hours settings found, or why they could not be searched for.
    pub quiet_hours: Result<Vec<QuietHours>, String>,
}

/// The report from what was read.
pub fn decide(readings: &Readings) -> DndReport {
    for (reading, key, value) in [
        (&readings.toast_enabled, "PushNotifications", "ToastEnabled"),
        (
            &readings.noc_toasts_enabled,
            r"Notifications\Settings",
            "NOC_GLOBAL_SETTING_TOASTS_ENABLED",
        ),
    ] {
        if *reading == Reading::Value(0) {
            return DndReport::new(
                DndState::On,
                METHOD,
                format!("notifications are turned off for all apps (HKCU\\…\\{key} {value} is 0)"),
            );
        }
    }
    let toasts = match (&readings.toast_enabled, &readings.noc_toasts_enabled) {
        (Reading::Failed(why), _) | (_, Reading::Failed(why)) => {
            format!("whether notifications are on for apps could not be read ({why})")
        }
        _ => "notifications are on for apps".to_owned(),
    };
    let found = match &readings.quiet_hours {
        Ok(found) => found,
        Err(why) => {
            return DndReport::new(
                DndState::Unknown,
                METHOD,
                format!(
                    "the Focus Assist / Do not disturb setting could not be read ({why}); {toasts}"
                ),
            );
        }
    };
    // The Windows 11 key first: a Windows 10 one may linger after an upgrade.
    let mut with_profile: Vec<(&QuietHours, &str)> = found
        .iter()
        .filter_map(|q| q.profile.as_deref().map(|p| (q, p)))
        .collect();
    with_profile.sort_by_key(|(q, _)| !q.key.to_ascii_lowercase().contains("donotdisturb"));
    let Some((quiet_hours, profile)) = with_profile.first() else {
        let what = if found.is_empty() {
            "no quiet-hours settings under HKCU\\…\\CloudStore".to_owned()
        } else {
            format!(
                "{} quiet-hours key(s) found, none naming a profile",
                found.len()
            )
        };
        return DndReport::new(
            DndState::Unknown,
            METHOD,
            format!(
                "the Focus Assist / Do not disturb setting was not found in the registry ({what}); {toasts}"
            ),
        );
    };
    let key = short_key(&quiet_hours.key);
    match *profile {
        "Unrestricted" => DndReport::new(
            DndState::Off,
            METHOD,
            format!(
                "Focus Assist / Do not disturb is off as set by hand (quiet-hours profile Unrestricted in {key}) \
                 and {toasts}; its automatic rules (set hours, games, full screen, presenting) are not in the \
                 registry, so look at the bell in the taskbar if one may apply"
            ),
        ),
        "PriorityOnly" | "AlarmsOnly" => {
            let shown = if *profile == "PriorityOnly" {
                "priority only"
            } else {
                "alarms only"
            };
            DndReport::new(
                DndState::On,
                METHOD,
                format!(
                    "Focus Assist / Do not disturb is on, {shown} (quiet-hours profile {profile} in {key})"
                ),
            )
        }
        other => DndReport::new(
            DndState::Unknown,
            METHOD,
            format!(
                "the quiet-hours profile is “{other}”, which livecue does not know (in {key}); {toasts}"
            ),
        ),
    }
}

/// A key path without the long common start, for a detail text.
fn short_key(path: &str) -> String {
    const COMMON: &str = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\";
    match path.get(..COMMON.len()) {
        Some(start) if start.eq_ignore_ascii_case(COMMON) => {
            format!("HKCU\\…\\{}", &path[COMMON.len()..])
        }
        _ => path.to_owned(),
    }
}

/// Reads the registry through `probe` (`reg query`) within `budget`.
pub(super) fn read(probe: &dyn Probe, budget: &Budget) -> Readings {
    let toast_enabled = read_dword(probe, budget, PUSH_NOTIFICATIONS, "ToastEnabled");
    let noc_toasts_enabled = read_dword(
        probe,
        budget,
        NOTIFICATION_SETTINGS,
        "NOC_GLOBAL_SETTING_TOASTS_ENABLED",
    );
    let quiet_hours = read_quiet_hours(probe, budget);
    Readings {
        toast_enabled,
        noc_toasts_enabled,
        quiet_hours,
    }
}

fn reg(probe: &dyn Probe, budget: &Budget, args: &[&str]) -> Result<CommandOutcome, String> {
    let timeout = budget
        .step(COMMAND_TIMEOUT)
        .ok_or("the check ran out of time")?;
    match probe.run("reg", args, timeout) {
        CommandOutcome::NotFound => Err("reg.exe was not found".to_owned()),
        CommandOutcome::TimedOut => Err(format!(
            "reg did not answer within {} ms",
            timeout.as_millis()
        )),
        CommandOutcome::Failed(why) => Err(format!("reg could not be run: {why}")),
        exited => Ok(exited),
    }
}

fn read_dword(probe: &dyn Probe, budget: &Budget, key: &str, value: &str) -> Reading<u32> {
    match reg(probe, budget, &["query", key, "/v", value]) {
        Err(why) => Reading::Failed(why),
        // reg says why in the system's language; a value or key that is not there is
        // by far the usual reason.
        Ok(CommandOutcome::Exited { success: false, .. }) => Reading::Missing,
        Ok(CommandOutcome::Exited { stdout, .. }) => parse_reg_query(&stdout)
            .iter()
            .flat_map(|k| &k.values)
            .find(|v| v.name.eq_ignore_ascii_case(value))
            .and_then(|v| parse_dword(&v.data))
            .map_or_else(
                || Reading::Failed(format!("reg printed no {value} number")),
                Reading::Value,
            ),
        Ok(_) => Reading::Failed("reg gave no answer".to_owned()),
    }
}

fn read_quiet_hours(probe: &dyn Probe, budget: &Budget) -> Result<Vec<QuietHours>, String> {
    let keys = match reg(
        probe,
        budget,
        &["query", CLOUD_STORE, "/s", "/f", "quiethourssettings", "/k"],
    )? {
        CommandOutcome::Exited {
            success: true,
            stdout,
            ..
        } => parse_reg_query(&stdout),
        // No match, or no CloudStore at all.
        _ => Vec::new(),
    };
    let mut found = Vec::new();
    for key in keys
        .iter()
        .filter(|k| k.path.to_ascii_lowercase().contains("quiethourssettings"))
        .take(MAX_QUIET_HOURS_KEYS)
    {
        let CommandOutcome::Exited {
            success: true,
            stdout,
            ..
        } = reg(probe, budget, &["query", &key.path, "/s", "/v", "Data"])?
        else {
            continue;
        };
        for subkey in parse_reg_query(&stdout) {
            for value in subkey
                .values
                .iter()
                .filter(|v| v.name.eq_ignore_ascii_case("Data"))
            {
                found.push(QuietHours {
                    key: subkey.path.clone(),
                    profile: quiet_hours_profile(&value.data),
                });
            }
        }
    }
    Ok(found)
}

/// Checks Windows through `probe` within `budget`.
pub(super) fn detect(probe: &dyn Probe, budget: &Budget) -> DndReport {
    decide(&read(probe, budget))
}

#[cfg(test)]
mod tests {
    use super::super::fake::{FakeProbe, exited};
    use super::super::{Os, detect_with};
    use super::*;

    macro_rules! fixture {
        ($name:literal) => {
            include_str!(concat!("../../../tests/fixtures/dnd/windows/", $name))
        };
    }

    const TOAST: &str = r"reg query HKCU\Software\Microsoft\Windows\CurrentVersion\PushNotifications /v ToastEnabled";
    const NOC: &str = r"reg query HKCU\Software\Microsoft\Windows\CurrentVersion\Notifications\Settings /v NOC_GLOBAL_SETTING_TOASTS_ENABLED";
    const FIND: &str = r"reg query HKCU\Software\Microsoft\Windows\CurrentVersion\CloudStore\Store /s /f quiethourssettings /k";
    const KEY10: &str = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\CloudStore\Store\Cache\DefaultAccount\$$windows.data.notifications.quiethourssettings";
    const KEY11: &str = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\CloudStore\Store\DefaultAccount\Current\{0f2a6c1e-5b3d-4e8a-9c71-2d4b8e6f1a30}$windows.data.donotdisturb.quiethourssettings";

    fn data_query(key: &str) -> String {
        format!("reg query {key} /s /v Data")
    }

    /// `reg` failing the way it does for a value that is not set (its message is in the
    /// system's language, so only the status counts).
    fn not_set() -> CommandOutcome {
        exited(
            false,
            "",
            "ERROR: The system was unable to find the specified registry key or value.\r\n",
        )
    }

    fn profile_in(text: &str) -> Option<String> {
        let keys = parse_reg_query(text);
        quiet_hours_profile(&keys.first()?.values.first()?.data)
    }

    #[test]
    fn reg_output_is_read_into_keys_and_values() {
        let keys = parse_reg_query(fixture!("reg-toast-enabled-0.txt"));
        assert_eq!(
            keys,
            [RegKey {
                path:
                    r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\PushNotifications"
                        .to_owned(),
                values: vec![RegValue {
                    name: "ToastEnabled".to_owned(),
                    kind: "REG_DWORD".to_owned(),
                    data: "0x0".to_owned(),
                }],
            }]
        );
        assert_eq!(parse_dword("0x1"), Some(1));
        assert_eq!(parse_dword("1"), None);
        let found = parse_reg_query(fixture!("reg-find-quiet-hours-keys.txt"));
        assert_eq!(
            found.iter().map(|k| k.path.as_str()).collect::<Vec<_>>(),
            [KEY10, KEY11]
        );
        assert!(parse_reg_query(fixture!("reg-find-no-keys.txt")).is_empty());
    }

    #[test]
    fn the_quiet_hours_profile_is_found_wherever_it_sits_in_the_blob() {
        assert_eq!(
            profile_in(fixture!("reg-quiet-hours-win10-unrestricted.txt")).as_deref(),
            Some("Unrestricted")
        );
        assert_eq!(
            profile_in(fixture!("reg-quiet-hours-win10-priority-only.txt")).as_deref(),
            Some("PriorityOnly")
        );
        assert_eq!(
            profile_in(fixture!("reg-quiet-hours-win10-alarms-only.txt")).as_deref(),
            Some("AlarmsOnly")
        );
        // Windows 11 keeps it at an odd offset: it is searched for bytewise.
        assert_eq!(
            profile_in(fixture!("reg-quiet-hours-win11-priority-only.txt")).as_deref(),
            Some("PriorityOnly")
        );
        assert_eq!(quiet_hours_profile("0200000043420100"), None);
        assert_eq!(quiet_hours_profile("0G"), None);
        assert_eq!(quiet_hours_profile("123"), None);
    }

    fn readings(toast: Reading<u32>, profile: Option<&str>) -> Readings {
        Readings {
            toast_enabled: toast,
            noc_toasts_enabled: Reading::Missing,
            quiet_hours: Ok(profile
                .map(|p| QuietHours {
                    key: format!(r"{KEY10}\Current"),
                    profile: Some(p.to_owned()),
                })
                .into_iter()
                .collect()),
        }
    }

    #[test]
    fn notifications_off_for_all_apps_count_as_on() {
        let report = decide(&readings(Reading::Value(0), Some("Unrestricted")));
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::On, METHOD)
        );
        assert!(report.detail.contains("ToastEnabled is 0"), "{report:?}");
    }

    #[test]
    fn a_quiet_hours_profile_decides() {
        let on = decide(&readings(Reading::Value(1), Some("PriorityOnly")));
        assert_eq!(on.state, DndState::On);
        assert!(on.detail.contains("priority only"), "{on:?}");
        let off = decide(&readings(Reading::Missing, Some("Unrestricted")));
        assert_eq!(off.state, DndState::Off);
        assert!(off.detail.contains("automatic rules"), "{off:?}");
        let strange = decide(&readings(Reading::Missing, Some("Gaming")));
        assert_eq!(strange.state, DndState::Unknown);
        assert!(strange.detail.contains("“Gaming”"), "{strange:?}");
    }

    #[test]
    fn nothing_found_is_unknown_with_what_was_read() {
        let report = decide(&readings(Reading::Missing, None));
        assert_eq!(report.state, DndState::Unknown);
        assert!(
            report.detail.contains("no quiet-hours settings"),
            "{report:?}"
        );
        assert!(
            report.detail.contains("notifications are on for apps"),
            "{report:?}"
        );
    }

    #[test]
    fn windows_is_read_with_reg_query() {
        let probe = FakeProbe::new()
            .prints(TOAST, fixture!("reg-toast-enabled-1.txt"))
            .command(NOC, not_set())
            .prints(FIND, fixture!("reg-find-quiet-hours-keys.txt"))
            .prints(
                &data_query(KEY10),
                fixture!("reg-quiet-hours-win10-unrestricted.txt"),
            )
            .prints(
                &data_query(KEY11),
                fixture!("reg-quiet-hours-win11-priority-only.txt"),
            );
        let report = detect_with(&probe, Os::Windows);
        // The Windows 11 key wins over a Windows 10 one left from before an upgrade.
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::On, METHOD)
        );
        assert!(
            report.detail.contains("donotdisturb.quiethourssettings"),
            "{report:?}"
        );
        assert!(
            report
                .detail
                .starts_with("Focus Assist / Do not disturb is on"),
            "{report:?}"
        );
    }

    #[test]
    fn windows_10_off_and_notifications_off() {
        let off = FakeProbe::new()
            .command(TOAST, not_set())
            .command(NOC, not_set())
            .prints(
                FIND,
                &format!("\r\n{KEY10}\r\nEnd of search: 1 match(es) found.\r\n"),
            )
            .prints(
                &data_query(KEY10),
                fixture!("reg-quiet-hours-win10-unrestricted.txt"),
            );
        let report = detect_with(&off, Os::Windows);
        assert_eq!(report.state, DndState::Off);

        let toasts_off = FakeProbe::new()
            .prints(TOAST, fixture!("reg-toast-enabled-1.txt"))
            .prints(NOC, fixture!("reg-noc-toasts-enabled-0.txt"))
            .prints(FIND, fixture!("reg-find-no-keys.txt"));
        let report = detect_with(&toasts_off, Os::Windows);
        assert_eq!(report.state, DndState::On);
        assert!(
            report
                .detail
                .contains("NOC_GLOBAL_SETTING_TOASTS_ENABLED is 0"),
            "{report:?}"
        );
    }

    #[test]
    fn missing_settings_or_no_reg_is_unknown() {
        let missing = FakeProbe::new()
            .command(TOAST, not_set())
            .command(NOC, not_set())
            .prints(FIND, fixture!("reg-find-no-keys.txt"));
        let report = detect_with(&missing, Os::Windows);
        assert_eq!(report.state, DndState::Unknown);
        assert!(
            report.detail.contains("not found in the registry"),
            "{report:?}"
        );

        let no_reg = detect_with(&FakeProbe::new(), Os::Windows);
        assert_eq!(no_reg.state, DndState::Unknown);
        assert!(
            no_reg.detail.contains("reg.exe was not found"),
            "{no_reg:?}"
        );
    }
}
