//! Pre-flight's go / no-go in the interface language. The core weighs the checks and
//! words them in English for the CLI and the journal; the screen keeps the core's marks
//! and says the same things from the catalogue.

use crate::plan::Plan;
use crate::preflight::dnd::DndState;
use crate::preflight::speed::{
    HIGH_LOADED_LATENCY_MS, INSTAGRAM_MIN_UPLOAD_MBPS, LIVE_PRODUCER_MAX_MBPS, SpeedResult,
};
use crate::preflight::{Assessment, Check, Mark, PreflightLog, Row, SpeedOutcome, TokenCheck};
use crate::sources::TokenCheckProblem;
use crate::ui::text::{Texts, fill};

/// `assessment` with every label, figure, piece of advice and the verdict in `texts`.
/// `testing` is true while a speed test runs, as for `preflight::assess`.
pub fn in_words(
    texts: &Texts,
    plan: &Plan,
    log: &PreflightLog,
    testing: bool,
    token: Option<&TokenCheck>,
    assessment: Assessment,
) -> Assessment {
    let min_upload = crate::preflight::min_upload_mbps(plan);
    let rows: Vec<Row> = assessment
        .rows
        .into_iter()
        .map(|row| match row.check {
            Check::Speed => speed_row(texts, log, min_upload, testing, row),
            Check::Dnd => dnd_row(texts, log, row),
            Check::Token => match token {
                Some(check) => token_row(texts, check, row),
                None => row,
            },
            // The plan's own words.
            Check::Item(_) => row,
        })
        .collect();
    let open: Vec<String> = rows
        .iter()
        .filter(|r| r.mark >= Mark::Open)
        .map(|row| match row.check {
            Check::Item(_) => fill(texts.pf_not_ticked, &[&row.label]),
            Check::Speed => fill(texts.pf_open_check, &[texts.pf_open_upload, &row.figure]),
            Check::Dnd => fill(texts.pf_open_check, &[texts.pf_open_dnd, &row.figure]),
            Check::Token => fill(texts.pf_open_check, &[&row.label, &row.figure]),
        })
        .collect();
    let warnings = rows.iter().filter(|r| r.mark == Mark::Warn).count();
    let verdict = if assessment.go && warnings == 0 {
        texts.pf_verdict_passed.to_owned()
    } else if assessment.go {
        let count = if warnings == 1 {
            texts.pf_one_warning.to_owned()
        } else {
            fill(texts.pf_warnings, &[&warnings.to_string()])
        };
        fill(texts.pf_verdict_warnings, &[&count])
    } else if open.len() <= 2 {
        fill(
            texts.pf_verdict_open,
            &[&open.join(texts.pf_open_separator)],
        )
    } else {
        fill(
            texts.pf_verdict_open_more,
            &[&open[0], &open[1], &(open.len() - 2).to_string()],
        )
    };
    Assessment {
        rows,
        go: assessment.go,
        verdict,
        open,
    }
}

/// The token row: the core's marks, the screen's words. The advice stays the platform's
/// and the core's account of what to do (it names permissions and commands).
fn token_row(texts: &Texts, check: &TokenCheck, row: Row) -> Row {
    let (platform, figure) = match check {
        TokenCheck::Checking { platform } => (*platform, texts.pf_token_checking.to_owned()),
        TokenCheck::Failed { platform, .. } => (*platform, texts.pf_token_failed.to_owned()),
        TokenCheck::Checked(health) => {
            let figure = match &health.problem {
                Some(TokenCheckProblem::Refused { .. }) => texts.pf_token_refused.to_owned(),
                Some(TokenCheckProblem::Unreachable(_) | TokenCheckProblem::Throttled(_)) => {
                    texts.pf_token_not_checked.to_owned()
                }
                None if !health.missing.is_empty() => {
                    fill(texts.pf_token_missing, &[&health.missing.join(", ")])
                }
                None if !health.is_ready() => texts.pf_token_cannot_read.to_owned(),
                None => texts.pf_token_ready.to_owned(),
            };
            (health.platform.title(), figure)
        }
    };
    Row {
        label: fill(texts.pf_row_token, &[platform]),
        figure,
        ..row
    }
}

fn speed_row(texts: &Texts, log: &PreflightLog, min_upload: f64, testing: bool, row: Row) -> Row {
    let (figure, advice) = match (&log.speed, testing) {
        (_, true) => (texts.pf_testing.to_owned(), None),
        (None, false) => (
            texts.pf_not_tested.to_owned(),
            Some(texts.pf_not_tested_advice.to_owned()),
        ),
        // The error is the speed test's own account of what happened.
        (Some((SpeedOutcome::Failed { error, .. }, _)), false) => {
            (texts.pf_test_failed.to_owned(), Some(error.clone()))
        }
        (Some((SpeedOutcome::Measured(r), _)), false) => (
            format!("{:.1} Mbps", r.upload_mbps),
            Some(upload_advice(texts, r, min_upload)),
        ),
    };
    Row {
        label: texts.pf_row_upload.to_owned(),
        figure,
        advice,
        ..row
    }
}

/// The same cases as `preflight::speed::upload_advice`, in the interface language.
fn upload_advice(texts: &Texts, result: &SpeedResult, min_upload_mbps: f64) -> String {
    let needed = if min_upload_mbps.is_finite() && min_upload_mbps > 0.0 {
        min_upload_mbps
    } else {
        INSTAGRAM_MIN_UPLOAD_MBPS
    };
    let up = result.upload_mbps.max(0.0);
    let (up_text, needed_text, most) = (mbps(up), mbps(needed), mbps(LIVE_PRODUCER_MAX_MBPS));
    if up < needed.min(LIVE_PRODUCER_MAX_MBPS) {
        return fill(texts.pf_upload_too_slow, &[&up_text, &needed_text, &most]);
    }
    if up < needed {
        return fill(texts.pf_upload_under, &[&up_text, &needed_text, &most]);
    }
    if let Some(ms) = result
        .loaded_latency_ms
        .filter(|ms| *ms >= HIGH_LOADED_LATENCY_MS)
    {
        return fill(texts.pf_upload_loaded, &[&up_text, &format!("{ms:.0}")]);
    }
    fill(texts.pf_upload_enough, &[&up_text, &needed_text])
}

fn mbps(value: f64) -> String {
    if value < 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    }
}

fn dnd_row(texts: &Texts, log: &PreflightLog, row: Row) -> Row {
    let (figure, advice) = match &log.dnd {
        None => (texts.pf_dnd_not_checked.to_owned(), None),
        Some(check) if check.by_hand => (texts.pf_dnd_by_hand.to_owned(), None),
        Some(check) => {
            let how = &check.report.method;
            match check.report.state {
                DndState::On => (fill(texts.pf_dnd_on, &[how]), None),
                DndState::Off => (
                    fill(texts.pf_dnd_off, &[how]),
                    Some(texts.pf_dnd_off_advice.to_owned()),
                ),
                DndState::Unknown => {
                    // What the computer said is the probe's own account, in English: the
                    // English advice leads with it, the Chinese one leaves it to the
                    // row's hover text (see `network::row_ui`).
                    let detail = &check.report.detail;
                    let stop = if detail.is_empty() || detail.ends_with(['.', '。']) {
                        ""
                    } else {
                        "."
                    };
                    (
                        texts.pf_dnd_unknown.to_owned(),
                        Some(fill(
                            texts.pf_dnd_unknown_advice,
                            &[&format!("{detail}{stop}")],
                        )),
                    )
                }
            }
        }
    };
    Row {
        label: texts.pf_row_dnd.to_owned(),
        figure,
        advice,
        ..row
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::preflight::DndCheck;
    use crate::preflight::assess;
    use crate::preflight::dnd::DndReport;
    use crate::ui::text::{EN, ZH_TW};

    fn plan() -> Plan {
        crate::plan::parse(crate::EXAMPLE_PLAN, "example").unwrap()
    }

    fn measured(
        upload_mbps: f64,
        loaded_latency_ms: f64,
    ) -> Option<(SpeedOutcome, chrono::DateTime<Utc>)> {
        Some((
            SpeedOutcome::Measured(SpeedResult {
                server: "http://127.0.0.1:1".into(),
                download_mbps: 50.0,
                upload_mbps,
                latency_ms: 20.0,
                jitter_ms: 2.0,
                loaded_latency_ms: Some(loaded_latency_ms),
            }),
            Utc::now(),
        ))
    }

    fn dnd(state: DndState, by_hand: bool) -> Option<DndCheck> {
        Some(DndCheck {
            report: DndReport {
                state,
                method: "gnome".into(),
                detail: "no notification service answered".into(),
            },
            by_hand,
        })
    }

    /// Every case the core words: nothing done, each upload verdict, each
    /// do-not-disturb answer, a failed test, some items ticked, all ticked.
    fn logs() -> Vec<(PreflightLog, bool)> {
        let mut logs = vec![
            (PreflightLog::default(), false),
            (PreflightLog::default(), true),
        ];
        for (speed, dnd) in [
            (measured(3.0, 40.0), dnd(DndState::Off, false)),
            (measured(8.0, 40.0), dnd(DndState::Unknown, false)),
            (measured(12.0, 400.0), dnd(DndState::On, false)),
            (measured(25.0, 40.0), dnd(DndState::Unknown, true)),
            (
                Some((
                    SpeedOutcome::Failed {
                        server: "x".into(),
                        error: "could not reach the server".into(),
                    },
                    Utc::now(),
                )),
                None,
            ),
        ] {
            logs.push((
                PreflightLog {
                    speed,
                    dnd,
                    ..PreflightLog::default()
                },
                false,
            ));
        }
        let mut all = PreflightLog {
            speed: measured(25.0, 400.0),
            dnd: dnd(DndState::On, false),
            ..PreflightLog::default()
        };
        for i in 0..crate::preflight::checklist::items(&plan()).len() {
            all.tick(i, true);
        }
        logs.push((all.clone(), false));
        all.speed = measured(25.0, 40.0);
        logs.push((all, false));
        logs
    }

    #[test]
    fn in_english_the_screen_says_what_the_core_says() {
        let plan = plan();
        for (log, testing) in logs() {
            let core = assess(&plan, &log, testing);
            assert_eq!(
                in_words(&EN, &plan, &log, testing, None, core.clone()),
                core
            );
        }
    }

    #[test]
    fn in_chinese_the_same_marks_in_chinese_words() {
        let plan = plan();
        for (log, testing) in logs() {
            let core = assess(&plan, &log, testing);
            let zh = in_words(&ZH_TW, &plan, &log, testing, None, core.clone());
            assert_eq!(zh.go, core.go);
            let marks = |a: &Assessment| a.rows.iter().map(|r| r.mark).collect::<Vec<_>>();
            assert_eq!(marks(&zh), marks(&core));
            assert_eq!(zh.open.len(), core.open.len());
            assert!(zh.verdict.starts_with("可以開播") || zh.verdict.starts_with("還不能開播"));
            for row in &zh.rows[..2] {
                let words = format!(
                    "{} {} {}",
                    row.label,
                    row.figure,
                    row.advice.as_deref().unwrap_or("")
                );
                // English only in names and figures: Mbps, Instagram, the probe's method
                // and a failed test's own account.
                let english = words
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|w| w.len() >= 3)
                    .filter(|w| !["Mbps", "Instagram", "gnome"].contains(w))
                    .filter(|w| !"could not reach the server".contains(w))
                    .collect::<Vec<_>>();
                assert!(english.is_empty(), "{words}: {english:?}");
            }
        }
    }

    #[test]
    fn the_token_row_keeps_its_mark_in_either_language() {
        use crate::preflight::assess_with_token;
        use crate::sources::{Platform, TokenHealth};
        let plan = plan();
        let log = PreflightLog::default();
        let check = TokenCheck::Checked(TokenHealth {
            platform: Platform::Instagram,
            owner: None,
            granted: Some(vec!["instagram_basic".into()]),
            missing: vec!["instagram_manage_comments".into()],
            reads: Vec::new(),
            problem: None,
            advice: Vec::new(),
        });
        let core = assess_with_token(&plan, &log, false, Some(&check));
        let token = |a: &Assessment| {
            let row = a.rows.iter().find(|r| r.check == Check::Token).cloned();
            row.map(|r| (r.mark, r.label, r.figure))
        };
        let en = in_words(&EN, &plan, &log, false, Some(&check), core.clone());
        assert_eq!(token(&en), token(&core));
        let zh = in_words(&ZH_TW, &plan, &log, false, Some(&check), core.clone());
        assert_eq!(
            token(&zh),
            Some((
                Mark::Bad,
                "Instagram 權杖".to_owned(),
                "缺少 instagram_manage_comments".to_owned()
            ))
        );
        assert!(zh.open.iter().any(|o| o.starts_with("Instagram 權杖")));
    }
}
