//! The report screen through the real app with egui_kittest: end a show, open its
//! report, export it; start another show and reopen the first from the list.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod app_fixture;

use std::time::{Duration, Instant};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use livecue::comments::Comment;
use livecue::questions::FollowUpItem;
use livecue::session::Action;
use livecue::show::ManualClock;
use livecue::ui::{LivecueApp, Screen};

use app_fixture::Open;

const PLAN: &str = r#"(
    title: "Report test show",
    goal: (kind: Sales, summary: "sell"),
    segments: [
        (id: "warm", title: "暖場", kind: WarmUp, duration: "5m"),
        (id: "main", title: "Main", kind: Content, duration: "55m"),
    ],
)"#;

fn comment(id: &str, user: &str, text: &str) -> Comment {
    Comment {
        id: id.into(),
        user: user.into(),
        text: text.into(),
        ts: chrono::DateTime::from_timestamp(1_795_000_100, 0).unwrap(),
        platform: Some("test".into()),
    }
}

fn press(harness: &mut Harness<'static, LivecueApp>, key: Key) {
    harness.key_press(key);
    harness.run_steps(2);
}

/// Runs frames (by count: spinners repaint) until `label` shows.
fn wait_for(harness: &mut Harness<'static, LivecueApp>, label: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while harness.query_by_label_contains(label).is_none() {
        assert!(Instant::now() < deadline, "{label:?} never showed");
        std::thread::sleep(Duration::from_millis(20));
        harness.run_steps(1);
    }
}

/// A show with five comments (one a complaint, one a question) over two minutes, ended.
fn ended_show(harness: &mut Harness<'static, LivecueApp>, clock: &ManualClock) {
    // Pre-flight: the first checklist item ticked.
    press(harness, Key::N);
    press(harness, Key::F2);
    press(harness, Key::Space);
    let comments = [
        ("c1", "amy.tw", "晚安～"),
        ("c2", "bo", "請問運費怎麼算？"),
        ("c3", "amy.tw", "上次買的還沒收到，沒收到貨"),
        ("c4", "cat", "=HYPERLINK(\"x\")"),
        ("c5", "dan", "好喜歡"),
    ];
    for (i, (id, user, text)) in comments.into_iter().enumerate() {
        clock.advance_ms(25_000);
        harness
            .state_mut()
            .live_mut()
            .receive(comment(id, user, text));
        if i == 2 {
            press(harness, Key::Space);
        }
    }
    // The producer marks the last comment for a follow-up.
    assert!(harness.state_mut().live_mut().perform(Action::MarkFollowUp(
        FollowUpItem::Comment("c5".into()),
        true
    )));
    press(harness, Key::E);
    press(harness, Key::Enter);
    assert_eq!(harness.state().screen(), Screen::Summary);
}

#[test]
fn end_a_show_open_its_report_and_export_it() {
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::new();
    let mut harness = Open {
        clock: clock.clone(),
        ..Open::new(PLAN, dir.path())
    }
    .app();
    ended_show(&mut harness, &clock);

    harness.get_by_label("Full report…").click();
    harness.run_steps(2);
    assert_eq!(harness.state().screen(), Screen::Report);
    wait_for(&mut harness, "5 comments (5 shown, 0 hidden) from 4 people");
    assert!(
        harness
            .query_by_label_contains("Follow up after the show")
            .is_some()
    );
    assert!(harness.query_by_label_contains("沒收到貨").is_some());
    assert!(harness.query_all_by_label("暖場").count() >= 1);
    // The list has this show.
    assert!(harness.query_by_label_contains("This show").is_some());

    press(&mut harness, Key::X);
    wait_for(&mut harness, "Written to");
    let journal = harness.state().live().journal_path().unwrap();
    let out = journal.parent().unwrap().join("report");
    for file in [
        "summary.json",
        "comments.csv",
        "per_minute.csv",
        "segments.csv",
        "questions.csv",
        "followups.csv",
        "chart.png",
        "report.md",
    ] {
        assert!(out.join(file).is_file(), "{file} not written");
    }
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["comments"]["received"], 5);
    // What the producer marked comes first on the follow-up list, then the rest.
    let followups = summary["followups"].as_array().unwrap();
    assert_eq!(followups[0]["kind"], "marked", "{followups:?}");
    assert_eq!(followups[0]["id"], "c5");
    assert!(
        followups
            .iter()
            .any(|f| f["kind"] == "complaint" && f["id"] == "c3"),
        "{followups:?}"
    );
    // Pre-flight reached the report: the tick and the do-not-disturb reading.
    let preflight = &summary["preflight"];
    assert_eq!(preflight["checklist"][0]["ticked"], true, "{preflight}");
    assert_eq!(preflight["checklist"][1]["ticked"], false, "{preflight}");
    assert_eq!(preflight["dnd"]["state"], "unknown", "{preflight}");
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.contains("## Pre-flight"), "{md}");
    assert!(md.contains("- Checklist: 1 of 10 ticked"), "{md}");
    // A formula in a comment is neutralised in the spreadsheet.
    let csv = std::fs::read_to_string(out.join("comments.csv")).unwrap();
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
}

#[test]
fn a_past_show_reopens_from_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::new();
    let mut harness = Open {
        clock: clock.clone(),
        ..Open::new(PLAN, dir.path())
    }
    .app();
    ended_show(&mut harness, &clock);
    let first = harness.state().live().journal_path().unwrap();
    harness.get_by_label("Start a new show").click();
    harness.run_steps(2);
    press(&mut harness, Key::Enter);
    assert_ne!(harness.state().live().journal_path(), Some(first.clone()));
    // The new show is on; its report has nothing yet. The first is in the list.
    press(&mut harness, Key::F4);
    assert_eq!(harness.state().screen(), Screen::Report);
    let entries = harness
        .query_all_by_label_contains("Report test show")
        .count();
    assert!(entries >= 2, "{entries} shows listed");
    // The older show is the last in the list (newest first).
    harness
        .query_all_by_label_contains("Report test show")
        .last()
        .unwrap()
        .click();
    harness.run_steps(2);
    wait_for(&mut harness, "5 comments (5 shown, 0 hidden) from 4 people");
    let shown = harness
        .state()
        .report_jobs()
        .shown
        .as_ref()
        .map(|(p, _)| p.clone());
    assert_eq!(shown, Some(first));
}
