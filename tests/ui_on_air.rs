//! On air, as a rehearsal found it: what the status bar and the source form say, through
//! the real app with egui_kittest.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod app_fixture;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use livecue::sources::SourceState;
use livecue::ui::LivecueApp;

use app_fixture::Open;

const PLAN: &str = r#"(
    title: "On-air test show",
    goal: (kind: Engagement, summary: "chat"),
    segments: [
        (title: "Warm-up", kind: WarmUp, duration: "5m"),
        (title: "Main", kind: Content, duration: "55m"),
    ],
)"#;

fn on_air(shows: &std::path::Path) -> Harness<'static, LivecueApp> {
    let mut harness = Open::new(PLAN, shows).app();
    harness.key_press(Key::F2);
    harness.run_steps(2);
    harness
}

fn type_into(harness: &mut Harness<'static, LivecueApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(1);
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[Key::A]);
    harness.get_by_label(label).type_text(text);
    harness.run_steps(1);
}

#[test]
fn a_failed_source_leaves_the_status_bar_once_another_connects() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = on_air(dir.path());
    harness.state_mut().live_mut().source_status(
        "instagram",
        SourceState::Failed {
            reason: "no token".into(),
        },
    );
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("instagram").is_some());

    // A mistake in the form is said in the form, which stays open; nothing changes.
    harness.key_press(Key::O);
    harness.run_steps(2);
    type_into(&mut harness, "Source", "instagram");
    harness.get_by_label("Connect").click();
    harness.run_steps(2);
    assert!(
        harness.query_by_label("Comment source").is_some(),
        "form closed"
    );
    assert!(
        harness
            .query_by_label_contains("Instagram needs the account's user id")
            .is_some()
    );

    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/comments.jsonl");
    type_into(
        &mut harness,
        "Source",
        &format!("replay:{}@max", demo.display()),
    );
    harness.get_by_label("Connect").click();
    harness.run_steps(3);
    // The source reports from its own thread: wait for its first word (not timed).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while harness
        .query_by_label_contains("replay:comments.jsonl@max")
        .is_none()
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.run_steps(1);
    }
    assert!(
        harness.query_by_label("Comment source").is_none(),
        "form open"
    );
    assert!(
        harness.query_by_label_contains("instagram").is_none(),
        "the old failure is still on the bar"
    );
    assert!(
        harness
            .query_by_label_contains("replay:comments.jsonl@max")
            .is_some()
    );
    // The journal and the audio are on the bar whatever else is.
    assert!(harness.query_by_label_contains("journal").is_some());
    assert!(harness.query_by_label_contains("sound off").is_some());
}
