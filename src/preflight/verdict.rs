//! Go / no-go: every check with its mark, and one verdict over all of them.

use super::checklist;
use super::dnd::DndState;
use super::log::{PreflightLog, SpeedOutcome};
use super::speed;
use super::token::{TokenCheck, token_row};
use crate::plan::Plan;

/// How one check stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// Done and fine (green).
    Good,
    /// Fine for going live, but worth a look (amber).
    Warn,
    /// Not done yet: not run, not ticked, or the computer could not tell (grey).
    Open,
    /// Failing (red).
    Bad,
}

/// Which check a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// The network speed test.
    Speed,
    /// This computer's do-not-disturb.
    Dnd,
    /// The comment source's token (Instagram or Facebook only).
    Token,
    /// A checklist item, by index into [`checklist::items`].
    Item(usize),
}

/// One line of the go / no-go list.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Which check.
    pub check: Check,
    /// How it stands.
    pub mark: Mark,
    /// What is checked ("Upload", a checklist item's text).
    pub label: String,
    /// What was found, in a few words ("38.2 Mbps", "on (GNOME)"); empty for items.
    pub figure: String,
    /// What it means or what to do, when there is something to say.
    pub advice: Option<String>,
}

/// Every row and the verdict over them.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// The automatic checks first, then the checklist.
    pub rows: Vec<Row>,
    /// True when nothing is failing or open.
    pub go: bool,
    /// One line: "Go", or "No-go" with what is in the way.
    pub verdict: String,
    /// What is failing or open, one short phrase each (journaled with "go live anyway").
    pub open: Vec<String>,
}

/// The plan's upload threshold (Mbps).
pub fn min_upload_mbps(plan: &Plan) -> f64 {
    plan.preflight
        .min_upload_mbps
        .unwrap_or(speed::INSTAGRAM_MIN_UPLOAD_MBPS)
}

/// Weighs what pre-flight found for this plan. `testing` is true while a speed test
/// runs (its row then reads as open, not failed).
pub fn assess(plan: &Plan, log: &PreflightLog, testing: bool) -> Assessment {
    assess_with_token(plan, log, testing, None)
}

/// [`assess`] with the comment source's token check as a row, when the show's source
/// is Instagram or Facebook (a replay needs no token, and gets no row).
pub fn assess_with_token(
    plan: &Plan,
    log: &PreflightLog,
    testing: bool,
    token: Option<&TokenCheck>,
) -> Assessment {
    let min_upload = min_upload_mbps(plan);
    let mut rows = vec![speed_row(log, min_upload, testing), dnd_row(log)];
    if let Some(check) = token {
        rows.push(token_row(check));
    }
    for (index, item) in checklist::items(plan).into_iter().enumerate() {
        rows.push(Row {
            check: Check::Item(index),
            mark: if log.is_ticked(index) {
                Mark::Good
            } else {
                Mark::Open
            },
            label: item,
            figure: String::new(),
            advice: None,
        });
    }
    let open: Vec<String> = rows
        .iter()
        .filter(|r| r.mark >= Mark::Open)
        .map(open_phrase)
        .collect();
    let warnings = rows.iter().filter(|r| r.mark == Mark::Warn).count();
    let go = open.is_empty();
    let verdict = if go && warnings == 0 {
        "Go: every check passed".to_owned()
    } else if go {
        format!("Go, with {} to watch", count(warnings, "warning"))
    } else if open.len() <= 2 {
        format!("No-go: {}", open.join("; "))
    } else {
        format!(
            "No-go: {}; {}; and {} more",
            open[0],
            open[1],
            open.len() - 2
        )
    };
    Assessment {
        rows,
        go,
        verdict,
        open,
    }
}

fn open_phrase(row: &Row) -> String {
    match row.check {
        Check::Item(_) => format!("not ticked: {}", row.label),
        _ => format!("{}: {}", row.label.to_lowercase(), row.figure),
    }
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn speed_row(log: &PreflightLog, min_upload: f64, testing: bool) -> Row {
    let row = |mark, figure: String, advice: Option<String>| Row {
        check: Check::Speed,
        mark,
        label: "Upload".to_owned(),
        figure,
        advice,
    };
    match (&log.speed, testing) {
        (_, true) => row(Mark::Open, "testing…".into(), None),
        (None, false) => row(
            Mark::Open,
            "not tested".into(),
            Some("Run the speed test where you will stream.".into()),
        ),
        (Some((SpeedOutcome::Failed { error, .. }, _)), false) => {
            row(Mark::Bad, "test failed".into(), Some(error.clone()))
        }
        (Some((SpeedOutcome::Measured(r), _)), false) => {
            let advice = speed::upload_advice(r, min_upload);
            let mark = match advice.mark {
                speed::Mark::Good => Mark::Good,
                speed::Mark::Warn => Mark::Warn,
                speed::Mark::Bad => Mark::Bad,
            };
            row(
                mark,
                format!("{:.1} Mbps", r.upload_mbps),
                Some(advice.message),
            )
        }
    }
}

fn dnd_row(log: &PreflightLog) -> Row {
    let row = |mark, figure: String, advice: Option<&str>| Row {
        check: Check::Dnd,
        mark,
        label: "Do-not-disturb on this computer".to_owned(),
        figure,
        advice: advice.map(str::to_owned),
    };
    let Some(check) = &log.dnd else {
        return row(Mark::Open, "not checked".into(), None);
    };
    if check.by_hand {
        return row(Mark::Good, "on (confirmed by hand)".into(), None);
    }
    let how = &check.report.method;
    match check.report.state {
        DndState::On => row(Mark::Good, format!("on ({how})"), None),
        DndState::Off => row(
            Mark::Bad,
            format!("off ({how})"),
            Some(
                "Notifications would pop up during the live: turn on do-not-disturb, then check again.",
            ),
        ),
        DndState::Unknown => Row {
            advice: Some(format!(
                "{}{} Turn on do-not-disturb yourself, then confirm it here.",
                check.report.detail,
                if check.report.detail.ends_with(['.', '。']) {
                    ""
                } else {
                    "."
                }
            )),
            ..row(Mark::Open, "unknown".into(), None)
        },
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::preflight::dnd::DndReport;
    use crate::preflight::log::DndCheck;
    use crate::preflight::speed::SpeedResult;

    fn plan() -> Plan {
        let mut plan =
            crate::plan::parse(crate::EXAMPLE_PLAN, "example").expect("the example plan parses");
        plan.checklist = vec!["Lights".into(), "Phone on do-not-disturb".into()];
        plan
    }

    fn measured(upload: f64) -> Option<(SpeedOutcome, chrono::DateTime<Utc>)> {
        Some((
            SpeedOutcome::Measured(SpeedResult {
                server: "http://127.0.0.1:1".into(),
                download_mbps: 50.0,
                upload_mbps: upload,
                latency_ms: 20.0,
                jitter_ms: 2.0,
                loaded_latency_ms: Some(40.0),
            }),
            Utc::now(),
        ))
    }

    fn dnd(state: DndState) -> Option<DndCheck> {
        Some(DndCheck {
            report: DndReport {
                state,
                method: "gnome".into(),
                detail: "no notification service answered".into(),
            },
            by_hand: false,
        })
    }

    fn all_done(upload: f64) -> PreflightLog {
        let mut log = PreflightLog {
            speed: measured(upload),
            dnd: dnd(DndState::On),
            ..PreflightLog::default()
        };
        log.tick(0, true);
        log.tick(1, true);
        log
    }

    #[test]
    fn nothing_done_is_no_go_listing_everything() {
        let a = assess(&plan(), &PreflightLog::default(), false);
        assert!(!a.go);
        assert_eq!(
            a.open,
            vec![
                "upload: not tested",
                "do-not-disturb on this computer: not checked",
                "not ticked: Lights",
                "not ticked: Phone on do-not-disturb"
            ]
        );
        assert_eq!(
            a.verdict,
            "No-go: upload: not tested; do-not-disturb on this computer: not checked; and 2 more"
        );
    }

    #[test]
    fn everything_done_is_go() {
        let a = assess(&plan(), &all_done(40.0), false);
        assert!(a.go, "{a:?}");
        assert_eq!(a.verdict, "Go: every check passed");
        assert!(a.rows.iter().all(|r| r.mark == Mark::Good));
    }

    #[test]
    fn upload_below_threshold_is_no_go_with_what_to_do() {
        let a = assess(&plan(), &all_done(8.0), false);
        assert!(!a.go);
        assert_eq!(a.rows[0].mark, Mark::Bad);
        assert_eq!(a.rows[0].figure, "8.0 Mbps");
        assert!(
            a.rows[0]
                .advice
                .as_deref()
                .is_some_and(|s| s.contains("plug in a network cable"))
        );
        assert_eq!(a.open, vec!["upload: 8.0 Mbps"]);
    }

    #[test]
    fn a_slow_line_under_load_is_go_with_a_warning() {
        let mut log = all_done(40.0);
        if let Some((SpeedOutcome::Measured(r), _)) = &mut log.speed {
            r.loaded_latency_ms = Some(650.0);
        }
        let a = assess(&plan(), &log, false);
        assert!(a.go);
        assert_eq!(a.rows[0].mark, Mark::Warn);
        assert_eq!(a.verdict, "Go, with 1 warning to watch");
    }

    #[test]
    fn threshold_comes_from_the_plan() {
        let mut plan = plan();
        plan.preflight.min_upload_mbps = Some(5.0);
        assert!(assess(&plan, &all_done(8.0), false).go);
    }

    #[test]
    fn unknown_dnd_is_open_until_confirmed_by_hand() {
        let mut log = all_done(40.0);
        log.dnd = dnd(DndState::Unknown);
        let a = assess(&plan(), &log, false);
        assert!(!a.go);
        assert_eq!(a.rows[1].mark, Mark::Open);
        assert!(
            a.rows[1]
                .advice
                .as_deref()
                .is_some_and(|s| s.contains("no notification service"))
        );
        log.dnd = log.dnd.map(|d| DndCheck { by_hand: true, ..d });
        assert!(assess(&plan(), &log, false).go);
    }

    #[test]
    fn dnd_off_and_failed_test_are_red() {
        let mut log = all_done(40.0);
        log.dnd = dnd(DndState::Off);
        log.speed = Some((
            SpeedOutcome::Failed {
                server: "x".into(),
                error: "could not reach".into(),
            },
            Utc::now(),
        ));
        let a = assess(&plan(), &log, false);
        assert_eq!(a.rows[0].mark, Mark::Bad);
        assert_eq!(a.rows[1].mark, Mark::Bad);
        assert!(!a.go);
        // A test still running is open, not failed.
        assert_eq!(assess(&plan(), &log, true).rows[0].mark, Mark::Open);
    }
}
