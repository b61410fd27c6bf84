//! macOS 12 and later: Focus, from the files the Do Not Disturb service keeps in
//! `~/Library/DoNotDisturb/DB/`.
//!
//! `Assertions.json` is `{"data": [{"storeAssertionRecords": [...], ...}], "header": ...}`;
//! a Focus is on while a record is listed, its mode at
//! `assertionDetails.assertionDetailsModeIdentifier`. `ModeConfigurations.json` names the
//! modes: `data[0].modeConfigurations[id].mode.name`. Neither is a documented interface,
//! so an unexpected shape is reported as unknown, never guessed. Recent macOS versions
//! keep the folder behind Full Disk Access.

use std::collections::HashMap;
use std::io;
use std::path::PathBuf;

use serde_json::Value;

use super::{DndReport, DndState, Probe};

/// The `method` of every macOS report.
pub const METHOD: &str = "macos-focus";

/// Where the files are, under the home folder.
const DB_DIR: &str = "Library/DoNotDisturb/DB";

/// A Focus turned on, as `Assertions.json` lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct FocusAssertion {
    /// The mode, e.g. `com.apple.donotdisturb.mode.default` or `com.apple.focus.work`.
    pub mode_id: Option<String>,
    /// When it was turned on, seconds since 2001-01-01 (Apple's reference date).
    pub started: Option<f64>,
}

/// The Focus modes turned on, newest first; empty when none is. `Err` says what in the
/// file was not as expected.
pub fn parse_assertions(json: &[u8]) -> Result<Vec<FocusAssertion>, String> {
    let root: Value = serde_json::from_slice(json).map_err(|e| format!("it is not JSON ({e})"))?;
    let data = root
        .get("data")
        .and_then(Value::as_array)
        .ok_or("it has no data list")?;

    // Defensive: an assertion that an invalidation record names, or that is older than
    // a turn-everything-off request, is over even if it is still listed (seen on macOS
    // 26 with a Focus turned off while its schedule was running).
    let mut invalidated: Vec<&str> = Vec::new();
    let mut turned_off_at: Option<f64> = None;
    for entry in data {
        for record in list(entry, "storeInvalidationRecords") {
            if let Some(uuid) = record
                .pointer("/invalidationAssertion/assertionUUID")
                .and_then(Value::as_str)
            {
                invalidated.push(uuid);
            }
        }
        for request in list(entry, "storeInvalidationRequestRecords") {
            let any = request
                .pointer("/invalidationRequestPredicate/invalidationPredicateType")
                .and_then(Value::as_str)
                == Some("any");
            if let (true, Some(at)) = (
                any,
                request
                    .get("invalidationRequestDateTimestamp")
                    .and_then(Value::as_f64),
            ) {
                turned_off_at = Some(turned_off_at.map_or(at, |t| t.max(at)));
            }
        }
    }

    let mut active = Vec::new();
    for entry in data {
        let records = match entry.get("storeAssertionRecords") {
            None => continue,
            Some(Value::Array(records)) => records,
            Some(_) => return Err("storeAssertionRecords is not a list".to_owned()),
        };
        for record in records {
            if record
                .get("assertionUUID")
                .and_then(Value::as_str)
                .is_some_and(|uuid| invalidated.contains(&uuid))
            {
                continue;
            }
            let started = record
                .get("assertionStartDateTimestamp")
                .and_then(Value::as_f64);
            if let (Some(started), Some(off)) = (started, turned_off_at)
                && started < off
            {
                continue;
            }
            let mode_id = record
                .pointer("/assertionDetails/assertionDetailsModeIdentifier")
                .and_then(Value::as_str)
                .map(str::to_owned);
            active.push(FocusAssertion { mode_id, started });
        }
    }
    active.sort_by(|a, b| {
        b.started
            .unwrap_or(f64::MIN)
            .total_cmp(&a.started.unwrap_or(f64::MIN))
    });
    Ok(active)
}

fn list<'a>(entry: &'a Value, key: &str) -> &'a [Value] {
    entry
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The Focus modes this Mac has, from `ModeConfigurations.json`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FocusModes {
    names: HashMap<String, String>,
    /// The names of modes a time schedule turns on (sorted).
    pub scheduled: Vec<String>,
}

impl FocusModes {
    /// The name the user sees for a mode id.
    pub fn name_of(&self, mode_id: &str) -> Option<&str> {
        self.names.get(mode_id).map(String::as_str)
    }
}

/// Reads `ModeConfigurations.json`: each mode's name, by the key it is filed under and
/// by its own `modeIdentifier`, and which modes have a schedule turned on.
pub fn parse_mode_configurations(json: &[u8]) -> Result<FocusModes, String> {
    let root: Value = serde_json::from_slice(json).map_err(|e| format!("it is not JSON ({e})"))?;
    let data = root
        .get("data")
        .and_then(Value::as_array)
        .ok_or("it has no data list")?;
    let mut modes = FocusModes::default();
    for entry in data {
        let Some(configurations) = entry.get("modeConfigurations").and_then(Value::as_object)
        else {
            continue;
        };
        for (key, configuration) in configurations {
            let Some(name) = configuration.pointer("/mode/name").and_then(Value::as_str) else {
                continue;
            };
            modes.names.insert(key.clone(), name.to_owned());
            if let Some(id) = configuration
                .pointer("/mode/modeIdentifier")
                .and_then(Value::as_str)
            {
                modes.names.insert(id.to_owned(), name.to_owned());
            }
            let triggers = configuration
                .pointer("/triggers/triggers")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice);
            let scheduled = triggers.iter().any(|t| {
                t.get("class").and_then(Value::as_str)
                    == Some("DNDModeConfigurationScheduleTrigger")
                    && t.get("enabledSetting").and_then(Value::as_i64) == Some(2)
            });
            if scheduled && !modes.scheduled.iter().any(|n| n == name) {
                modes.scheduled.push(name.to_owned());
            }
        }
    }
    modes.scheduled.sort();
    Ok(modes)
}

/// A readable name for a mode id the configurations do not name: the built-in ones by
/// their usual English name, others as they are.
pub fn fallback_mode_name(mode_id: &str) -> String {
    match mode_id {
        "com.apple.donotdisturb.mode.default" => "Do Not Disturb",
        "com.apple.sleep.sleep-mode" => "Sleep",
        "com.apple.focus.work" => "Work",
        "com.apple.focus.personal-time" => "Personal",
        "com.apple.donotdisturb.mode.driving" => "Driving",
        "com.apple.focus.reduce-interruptions" => "Reduce Interruptions",
        other => other,
    }
    .to_owned()
}

/// The report from what reading `Assertions.json` gave and, only when needed, what
/// reading `ModeConfigurations.json` gives.
pub fn report_from_files(
    assertions: io::Result<Vec<u8>>,
    mode_configurations: impl FnOnce() -> io::Result<Vec<u8>>,
) -> DndReport {
    const FILE: &str = "~/Library/DoNotDisturb/DB/Assertions.json";
    let bytes = match assertions {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            return DndReport::new(
                DndState::Unknown,
                METHOD,
                format!(
                    "macOS did not let livecue read the Focus state ({FILE}: permission denied). \
                     Give livecue, or the terminal it was started from, Full Disk Access in \
                     System Settings › Privacy & Security › Full Disk Access, then check again; \
                     until then, look at Focus in Control Center"
                ),
            );
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return DndReport::new(
                DndState::Unknown,
                METHOD,
                format!(
                    "there is no {FILE}: macOS before 12 (Monterey) keeps Do Not Disturb elsewhere; \
                     look at it in Notification Center"
                ),
            );
        }
        Err(e) => {
            return DndReport::new(
                DndState::Unknown,
                METHOD,
                format!("{FILE} could not be read ({e}); look at Focus in Control Center"),
            );
        }
    };
    let active = match parse_assertions(&bytes) {
        Ok(active) => active,
        Err(why) => {
            return DndReport::new(
                DndState::Unknown,
                METHOD,
                format!(
                    "{FILE} is not as livecue expects ({why}); a macOS update may have changed it: \
                     look at Focus in Control Center"
                ),
            );
        }
    };
    let modes = mode_configurations()
        .ok()
        .and_then(|bytes| parse_mode_configurations(&bytes).ok());
    match active.first() {
        Some(focus) => {
            let name = match &focus.mode_id {
                Some(id) => modes
                    .as_ref()
                    .and_then(|m| m.name_of(id))
                    .map_or_else(|| fallback_mode_name(id), str::to_owned),
                None => "a Focus".to_owned(),
            };
            let name = if focus.mode_id.is_some() {
                format!("Focus “{name}”")
            } else {
                name
            };
            DndReport::new(DndState::On, METHOD, format!("{name} is on (from {FILE})"))
        }
        None => {
            let scheduled = modes.map(|m| m.scheduled).unwrap_or_default();
            let detail = if scheduled.is_empty() {
                format!("no Focus is on ({FILE} lists none)")
            } else {
                let names: Vec<String> = scheduled.iter().map(|n| format!("“{n}”")).collect();
                format!(
                    "no Focus is on ({FILE} lists none); a Focus turned on by its schedule is not \
                     listed there, and this Mac schedules {}: look in Control Center if one may be on now",
                    names.join(", ")
                )
            };
            DndReport::new(DndState::Off, METHOD, detail)
        }
    }
}

/// Checks macOS Focus through `probe`.
pub(super) fn detect(probe: &dyn Probe) -> DndReport {
    let Some(home) = probe.var("HOME").filter(|h| !h.is_empty()) else {
        return DndReport::new(
            DndState::Unknown,
            METHOD,
            "HOME is not set, so the Focus files cannot be found; look at Focus in Control Center",
        );
    };
    let dir = PathBuf::from(home).join(DB_DIR);
    report_from_files(probe.read_file(&dir.join("Assertions.json")), || {
        probe.read_file(&dir.join("ModeConfigurations.json"))
    })
}

#[cfg(test)]
mod tests {
    use std::io::ErrorKind;

    use super::super::fake::FakeProbe;
    use super::super::{Os, detect_with};
    use super::*;

    macro_rules! fixture {
        ($name:literal) => {
            include_bytes!(concat!("../../../tests/fixtures/dnd/macos/", $name)).as_slice()
        };
    }

    const MODES: &[u8] = fixture!("mode-configurations.json");

    fn report(assertions: io::Result<&[u8]>, modes: io::Result<&[u8]>) -> DndReport {
        report_from_files(assertions.map(<[u8]>::to_vec), || modes.map(<[u8]>::to_vec))
    }

    #[test]
    fn no_assertion_means_no_focus() {
        assert_eq!(
            parse_assertions(fixture!("assertions-none.json")),
            Ok(Vec::new())
        );
        let report = report(Ok(fixture!("assertions-none.json")), Ok(MODES));
        assert_eq!(
            (report.state, report.method.as_str()),
            (DndState::Off, METHOD)
        );
    }

    #[test]
    fn an_assertion_means_focus_is_on_under_its_configured_name() {
        let active = parse_assertions(fixture!("assertions-work.json")).unwrap();
        assert_eq!(active.len(), 1);
        assert_eq!(active[0].mode_id.as_deref(), Some("com.apple.focus.work"));

        let report = report(Ok(fixture!("assertions-work.json")), Ok(MODES));
        assert_eq!(report.state, DndState::On);
        assert!(
            report.detail.starts_with("Focus “Work” is on"),
            "{report:?}"
        );
    }

    #[test]
    fn the_newest_assertion_names_the_focus() {
        let report = report(Ok(fixture!("assertions-two-newest-custom.json")), Ok(MODES));
        assert_eq!(report.state, DndState::On);
        assert!(
            report.detail.starts_with("Focus “On Air” is on"),
            "{report:?}"
        );
    }

    #[test]
    fn without_mode_names_a_built_in_focus_still_gets_its_name() {
        let unreadable = Err(io::Error::from(ErrorKind::PermissionDenied));
        let report = report(Ok(fixture!("assertions-work.json")), unreadable);
        assert_eq!(report.state, DndState::On);
        assert!(
            report.detail.starts_with("Focus “Work” is on"),
            "{report:?}"
        );
        assert_eq!(
            fallback_mode_name("com.apple.donotdisturb.mode.default"),
            "Do Not Disturb"
        );
        assert_eq!(
            fallback_mode_name("com.example.custom"),
            "com.example.custom"
        );
    }

    #[test]
    fn an_assertion_older_than_a_turn_off_request_is_over() {
        assert_eq!(
            parse_assertions(fixture!("assertions-turned-off-after.json")),
            Ok(Vec::new())
        );
    }

    #[test]
    fn mode_configurations_give_names_and_schedules() {
        let modes = parse_mode_configurations(MODES).unwrap();
        assert_eq!(modes.name_of("com.apple.focus.work"), Some("Work"));
        assert_eq!(
            modes.name_of("com.apple.donotdisturb.mode.default"),
            Some("Do Not Disturb")
        );
        // Do Not Disturb's schedule is switched off (enabledSetting 0); Sleep's is on.
        assert_eq!(modes.scheduled, ["Sleep"]);
    }

    #[test]
    fn off_mentions_a_scheduled_focus_the_file_cannot_show() {
        let report = report(Ok(fixture!("assertions-none.json")), Ok(MODES));
        assert_eq!(report.state, DndState::Off);
        assert!(report.detail.contains("schedules “Sleep”"), "{report:?}");

        let no_modes = report_from_files(Ok(fixture!("assertions-none.json").to_vec()), || {
            Err(io::Error::from(ErrorKind::NotFound))
        });
        assert!(!no_modes.detail.contains("schedule"), "{no_modes:?}");
    }

    #[test]
    fn unreadable_assertions_need_full_disk_access() {
        let denied = Err(io::Error::from(ErrorKind::PermissionDenied));
        let report = report(denied, Ok(MODES));
        assert_eq!(report.state, DndState::Unknown);
        assert!(report.detail.contains("permission denied"), "{report:?}");
        assert!(report.detail.contains("Full Disk Access"), "{report:?}");
    }

    #[test]
    fn an_unexpected_file_is_unknown_not_guessed() {
        assert!(parse_assertions(fixture!("assertions-unexpected-shape.json")).is_err());
        assert!(parse_assertions(b"not json").is_err());
        assert!(parse_assertions(br#"{"data":[{"storeAssertionRecords":{}}]}"#).is_err());
        let report = report(Ok(fixture!("assertions-unexpected-shape.json")), Ok(MODES));
        assert_eq!(report.state, DndState::Unknown);
        assert!(report.detail.contains("no data list"), "{report:?}");
    }

    #[test]
    fn detection_reads_the_files_under_home() {
        let probe = FakeProbe::new()
            .var("HOME", "/Users/host")
            .file(
                "/Users/host/Library/DoNotDisturb/DB/Assertions.json",
                Ok(fixture!("assertions-two-newest-custom.json")),
            )
            .file(
                "/Users/host/Library/DoNotDisturb/DB/ModeConfigurations.json",
                Ok(MODES),
            );
        let report = detect_with(&probe, Os::MacOs);
        assert_eq!(report.state, DndState::On);
        assert!(report.detail.contains("On Air"), "{report:?}");

        let denied = FakeProbe::new().var("HOME", "/Users/host").file(
            "/Users/host/Library/DoNotDisturb/DB/Assertions.json",
            Err(ErrorKind::PermissionDenied),
        );
        assert!(
            detect_with(&denied, Os::MacOs)
                .detail
                .contains("Full Disk Access")
        );

        let missing = detect_with(&FakeProbe::new().var("HOME", "/Users/host"), Os::MacOs);
        assert_eq!(missing.state, DndState::Unknown);
        assert!(missing.detail.contains("Monterey"), "{missing:?}");

        let no_home = detect_with(&FakeProbe::new(), Os::MacOs);
        assert!(no_home.detail.contains("HOME is not set"), "{no_home:?}");
    }
}
