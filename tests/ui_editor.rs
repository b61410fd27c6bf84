//! The plan editor (F5) through the real app with egui_kittest: a plan built from a
//! template, segments added, reordered and timed, a cue and a question added, saved,
//! checked by `livecue check`, and opened again; saved replies written, previewed,
//! checked beside each reply and kept; problems shown next to their fields;
//! the unsaved-changes and hand-written-comments questions; a rehearsal at 20×.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod app_fixture;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use livecue::plan::{CueAction, Dur, SegmentKind};
use livecue::show::ManualClock;
use livecue::ui::{LivecueApp, Screen, Section};

use app_fixture::Open;

const PLAN: &str = r#"(
    title: "Friday chat",
    goal: (kind: Engagement),
    segments: [
        (title: "Warm-up", kind: WarmUp, duration: "5m"),
        (title: "Chat", kind: QAndA, duration: "50m"),
        (title: "Bye", kind: Closing, duration: "5m"),
    ],
)"#;

fn click(harness: &mut Harness<'static, LivecueApp>, label: &str) {
    harness.get_by_label(label).click();
    // A question appearing takes a frame to size itself before it shows.
    harness.run_steps(3);
}

/// The one- or many-line text field `label` names.
fn field_role(harness: &Harness<'static, LivecueApp>, label: &str) -> Role {
    if harness
        .query_by_role_and_label(Role::TextInput, label)
        .is_some()
    {
        Role::TextInput
    } else {
        Role::MultilineTextInput
    }
}

/// Replaces what a labelled text field holds with `text`.
fn type_into(harness: &mut Harness<'static, LivecueApp>, label: &str, text: &str) {
    let role = field_role(harness, label);
    harness.get_by_role_and_label(role, label).focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.run_steps(1);
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run_steps(2);
}

/// `livecue check` on a file the editor wrote: exit 0 and nothing on stderr.
fn passes_check_with_no_warning(path: &std::path::Path) {
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_livecue"))
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&check.stderr), "", "no warnings");
}

fn open_editor(harness: &mut Harness<'static, LivecueApp>) {
    harness.key_press(Key::F5);
    harness.run_steps(2);
    assert_eq!(harness.state().screen(), Screen::Editor);
}

#[test]
fn a_plan_built_from_a_template_is_saved_checked_and_reopened_equal() {
    let shows = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let mut harness = Open::new(PLAN, shows.path()).app();
    open_editor(&mut harness);

    // The first template, in English: a 60-minute product launch.
    click(&mut harness, "New from template");
    let plan = harness.state().editor().plan().clone();
    assert_eq!(plan.title, "Product launch live");
    assert_eq!(plan.segments.len(), 7);
    assert!(harness.state().editor().problems().is_empty());

    // A segment added at the end, moved above the closing one with Alt+↑.
    click(&mut harness, "Segments");
    click(&mut harness, "Add segment");
    assert_eq!(harness.state().editor().selected_segment(), Some(7));
    harness.key_press_modifiers(egui::Modifiers::ALT, Key::ArrowUp);
    harness.run_steps(2);
    let editor = harness.state().editor();
    assert_eq!(editor.selected_segment(), Some(6));
    assert_eq!(editor.plan().segments[6].title, "New segment");
    assert_eq!(editor.plan().segments[7].kind, SegmentKind::Closing);

    // Its duration typed as m:ss.
    type_into(&mut harness, "Duration", "7:30");
    assert_eq!(
        harness.state().editor().plan().segments[6].duration,
        Dur::from_secs(450)
    );
    // The second segment duplicated, then moved down by its button.
    click(&mut harness, "Duplicate 2");
    let segments = &harness.state().editor().plan().segments;
    assert_eq!(segments[1].title, segments[2].title);
    assert_eq!(segments[2].id.as_deref(), Some("story-2"));
    click(&mut harness, "Delete 3");
    assert_eq!(harness.state().editor().plan().segments.len(), 8);

    // A cue, told what to say.
    click(&mut harness, "Cues");
    click(&mut harness, "Add cue");
    type_into(&mut harness, "Cue 5", "Show the bundle's box");
    let cues = &harness.state().editor().plan().cues;
    assert_eq!(cues.len(), 5);
    assert_eq!(
        cues[4].what,
        CueAction::Custom("Show the bundle's box".into())
    );

    // A question typed, and two pasted.
    click(&mut harness, "Questions");
    click(&mut harness, "Add question");
    type_into(&mut harness, "Question 4", "Does it ship abroad?");
    type_into(
        &mut harness,
        "Import questions",
        "- Is there a warranty?\n2. 有中文說明書嗎？",
    );
    click(&mut harness, "Import pasted");
    let questions = &harness.state().editor().plan().questions;
    let texts: Vec<_> = questions.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts[3..],
        [
            "Does it ship abroad?",
            "Is there a warranty?",
            "有中文說明書嗎？"
        ]
    );
    assert!(
        harness.state().editor().problems().is_empty(),
        "{:?}",
        harness.state().editor().problems()
    );
    assert!(harness.state().editor().is_dirty());
    let built = harness.state().editor().plan().clone();

    // Saved (as the save dialog's answer would), checked by the command line.
    let path = files.path().join("launch.ron");
    assert!(harness.state_mut().editor_mut().save_to(&path));
    harness.run_steps(2);
    assert!(!harness.state().editor().is_dirty());
    passes_check_with_no_warning(&path);

    // Another template, then the saved plan again from the recent files.
    click(&mut harness, "New from template");
    assert_ne!(harness.state().editor().plan(), &built);
    click(&mut harness, "Recent");
    click(&mut harness, &path.display().to_string());
    // The template was never saved: asked first.
    assert!(
        harness
            .query_by_label_contains("has unsaved changes")
            .is_some()
    );
    click(&mut harness, "Discard changes");
    assert_eq!(harness.state().editor().plan(), &built);
    assert_eq!(harness.state().editor().path(), Some(path.as_path()));
    assert!(!harness.state().editor().is_dirty());

    // The saved plan becomes the show's: a new show of it opens on pre-flight.
    click(&mut harness, "Use this plan for the show");
    assert_eq!(harness.state().screen(), Screen::Preflight);
    assert_eq!(harness.state().live().plan().as_ref(), &built);
    assert_eq!(harness.state().runner().rehearsal(), None);
}

#[test]
fn a_total_outside_the_window_is_shown_beside_the_running_time_bar() {
    let shows = tempfile::tempdir().unwrap();
    let mut harness = Open::new(PLAN, shows.path()).app();
    open_editor(&mut harness);
    assert!(harness.query_by_label("Inside the target window").is_some());
    click(&mut harness, "Segments");
    click(&mut harness, "Details 2");
    type_into(&mut harness, "Duration", "80m");
    let warning =
        "planned running time is 90:00, outside the target window 55:00–75:00: 15:00 over";
    // Beside the bar exactly so; in the problems list under its tab's name.
    assert!(harness.query_by_label(warning).is_some());
    assert!(
        harness
            .query_by_label(&format!("Segments: {warning}"))
            .is_some()
    );
    assert!(harness.query_by_label("Inside the target window").is_none());
    assert!(harness.state().editor().has_errors());
    // The show cannot be started, nor rehearsed, with it.
    assert!(
        harness
            .get_by_label("Use this plan for the show")
            .accesskit_node()
            .is_disabled()
    );
    assert!(harness.get_by_label("20×").accesskit_node().is_disabled());

    // A duration that does not read is said next to the field; the plan keeps 80m.
    type_into(&mut harness, "Duration", "8o minutes");
    assert_eq!(
        harness.state().editor().plan().segments[1].duration,
        Dur::from_mins(80)
    );
    // Beside the field and in the problems list.
    assert_eq!(
        harness
            .query_all_by_label_contains("invalid duration \"8o minutes\"")
            .count(),
        2
    );
    type_into(&mut harness, "Duration", "50m");
    assert!(harness.query_by_label("Inside the target window").is_some());
    assert!(harness.state().editor().problems().is_empty());
}

#[test]
fn an_unknown_guest_in_a_cue_is_named_next_to_the_cue() {
    let shows = tempfile::tempdir().unwrap();
    let mut harness = Open::new(PLAN, shows.path()).app();
    open_editor(&mut harness);
    // The expert Q&A template invites its guest with a cue.
    harness.get_by_value("product-launch").click();
    harness.run_steps(2);
    click(&mut harness, "expert-qa");
    click(&mut harness, "New from template");
    assert_eq!(harness.state().editor().plan().guests.len(), 1);
    click(&mut harness, "Guests & products");
    click(&mut harness, "Delete guest 1");
    click(&mut harness, "Cues");
    assert_eq!(harness.state().editor().section(), Section::Cues);
    let error = "cue 1 invites @guest.handle, who is not in `guests`";
    assert!(harness.query_by_label(error).is_some());
    assert!(harness.query_by_label(&format!("Cues: {error}")).is_some());
    // Typed as a guest who exists, it goes away.
    type_into(&mut harness, "Cue 1", "@guest.handle");
    assert!(harness.query_by_label(error).is_some());
    click(&mut harness, "Guests & products");
    click(&mut harness, "Add guest");
    harness.state_mut().editor_mut().plan_mut().guests[0].handle = "guest.handle".into();
    harness.run_steps(2);
    click(&mut harness, "Cues");
    assert!(harness.query_by_label(error).is_none());
}

#[test]
fn unsaved_changes_and_hand_written_comments_are_asked_about_first() {
    let shows = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let path = files.path().join("friday.ron");
    std::fs::write(&path, format!("// Written by hand.\n{PLAN}\n")).unwrap();
    let mut harness = Open::new(PLAN, shows.path()).app();
    open_editor(&mut harness);
    harness.state_mut().editor_mut().open_path(&path);
    harness.run_steps(2);
    assert_eq!(harness.state().editor().plan().title, "Friday chat");
    type_into(&mut harness, "Title", "Friday chat, live");
    assert_eq!(harness.state().editor().plan().title, "Friday chat, live");

    // A template over unsaved changes: asked first; keeping them loses nothing.
    click(&mut harness, "New from template");
    assert!(
        harness
            .query_by_label_contains("has unsaved changes")
            .is_some()
    );
    click(&mut harness, "Keep editing");
    assert_eq!(harness.state().editor().plan().title, "Friday chat, live");

    // Saving over the hand-written file says its comments will go.
    click(&mut harness, "Save");
    assert!(
        harness
            .query_by_label_contains("will not be kept")
            .is_some()
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("// Written by hand.")
    );
    click(&mut harness, "Save without the comments");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        !saved.contains("//") && saved.contains("Friday chat, live"),
        "{saved}"
    );
    // Saved once, the next save asks nothing.
    type_into(&mut harness, "Title", "Friday chat!");
    click(&mut harness, "Save");
    assert!(
        harness
            .query_by_label_contains("will not be kept")
            .is_none()
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("Friday chat!")
    );

    // Unsaved changes, then discarded for a template.
    type_into(&mut harness, "Title", "Scratch");
    click(&mut harness, "New from template");
    click(&mut harness, "Discard changes");
    assert_eq!(harness.state().editor().plan().title, "Product launch live");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("Friday chat!")
    );
}

#[test]
fn a_rehearsal_at_20x_runs_the_host_screen_marked_as_a_rehearsal() {
    let shows = tempfile::tempdir().unwrap();
    let clock = ManualClock::new();
    let mut open = Open::new(PLAN, shows.path());
    open.clock = clock.clone();
    let mut harness = open.app();
    open_editor(&mut harness);
    click(&mut harness, "New from template");
    click(&mut harness, "20×");
    assert_eq!(harness.state().screen(), Screen::OnAir);
    assert_eq!(harness.state().runner().rehearsal(), Some(20));
    assert!(
        harness
            .query_by_label("REHEARSAL 20× — not a real show")
            .is_some()
    );
    // Three minutes pass: the show's 60 minutes are nearly over, untouched.
    for _ in 0..180 {
        clock.advance_secs(1);
        harness.run_steps(1);
    }
    let live = harness.state().live();
    let closing = live.plan().segments.len() - 1;
    assert_eq!(live.session().timeline().current(), Some(closing));
    // The rehearsal is listed as one in the report's list of shows.
    harness.key_press(Key::F4);
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("rehearsal 20×").is_some());
}

#[test]
fn a_segment_dragged_by_its_handle_lands_on_the_row_it_is_dropped_on() {
    let shows = tempfile::tempdir().unwrap();
    let mut harness = Open::new(PLAN, shows.path()).app();
    open_editor(&mut harness);
    click(&mut harness, "Segments");
    let handles: Vec<egui::Rect> = harness.get_all_by_label("≡").map(|n| n.rect()).collect();
    assert_eq!(handles.len(), 3);
    let (from, to) = (handles[2].center(), handles[0].center());
    harness.hover_at(from);
    harness.run_steps(1);
    harness.drag_at(from);
    harness.run_steps(1);
    // Past egui's drag threshold, then over the first row.
    harness.hover_at(from + egui::vec2(0.0, -12.0));
    harness.run_steps(1);
    harness.hover_at(to);
    harness.run_steps(2);
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(2);
    let titles: Vec<_> = harness
        .state()
        .editor()
        .plan()
        .segments
        .iter()
        .map(|s| s.title.clone())
        .collect();
    assert_eq!(titles, ["Bye", "Warm-up", "Chat"]);
    assert_eq!(harness.state().editor().selected_segment(), Some(0));
}

#[test]
fn saved_replies_are_added_checked_beside_each_reply_saved_and_reopened_equal() {
    let shows = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let mut harness = Open::new(PLAN, shows.path()).app();
    open_editor(&mut harness);
    click(&mut harness, "Saved replies");
    assert_eq!(harness.state().editor().section(), Section::Replies);
    assert!(harness.state().editor().plan().saved_replies.is_empty());

    // Two replies added: each starts with a free id and no text, which the check names.
    click(&mut harness, "Add saved reply");
    click(&mut harness, "Add saved reply");
    let ids: Vec<_> = harness
        .state()
        .editor()
        .plan()
        .saved_replies
        .iter()
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(ids, ["reply-1", "reply-2"]);
    assert!(
        harness
            .query_by_label("saved reply \"reply-2\" has no text")
            .is_some()
    );

    type_into(&mut harness, "Reply 1", "shipping");
    type_into(
        &mut harness,
        "Text of reply 1",
        "Hi {user}, shipping is free over NT$1,000.",
    );
    type_into(&mut harness, "Reply 2", "order-help");
    type_into(
        &mut harness,
        "Text of reply 2",
        "Hi {usr}, send us your order number.",
    );

    // The preview fills {user} in as the commenter reads it.
    assert!(
        harness
            .query_by_label(
                "Preview, as @amy.tw reads it: Hi amy.tw, shipping is free over NT$1,000."
            )
            .is_some()
    );
    // The typo is an error, beside its reply (under its text, above the add button) and
    // in the problems list under the tab's name; the show cannot start with it.
    let typo = "saved reply \"order-help\" uses the placeholder {usr}, which livecue does not \
                know; placeholders are {user}";
    let beside = harness.get_by_label(typo).rect();
    let text_2 = harness
        .get_by_role_and_label(Role::MultilineTextInput, "Text of reply 2")
        .rect();
    let add = harness.get_by_label("Add saved reply").rect();
    assert!(
        text_2.bottom() <= beside.top() && beside.bottom() <= add.top(),
        "{text_2:?} {beside:?} {add:?}"
    );
    assert!(
        harness
            .query_by_label(&format!("Saved replies: {typo}"))
            .is_some()
    );
    assert_eq!(
        harness.state().editor().problems().len(),
        1,
        "{:?}",
        harness.state().editor().problems()
    );
    assert_eq!(
        harness.state().editor().problems()[0].path,
        "saved_replies[1].text"
    );
    assert!(
        harness
            .get_by_label("Use this plan for the show")
            .accesskit_node()
            .is_disabled()
    );

    // Duplicated under a free id, right after its original.
    let ids = |harness: &Harness<'static, LivecueApp>| -> Vec<String> {
        let replies = &harness.state().editor().plan().saved_replies;
        replies.iter().map(|r| r.id.clone()).collect()
    };
    let typo_path = |harness: &Harness<'static, LivecueApp>| -> String {
        harness.state().editor().problems()[0].path.clone()
    };
    click(&mut harness, "Duplicate reply 1");
    assert_eq!(ids(&harness), ["shipping", "shipping-2", "order-help"]);
    assert_eq!(
        harness.state().editor().plan().saved_replies[1].text,
        harness.state().editor().plan().saved_replies[0].text
    );
    assert_eq!(typo_path(&harness), "saved_replies[2].text");
    // Moved up: its problem moves with it, still beside it.
    click(&mut harness, "Move reply 3 up");
    assert_eq!(ids(&harness), ["shipping", "order-help", "shipping-2"]);
    assert_eq!(typo_path(&harness), "saved_replies[1].text");
    let beside = harness.get_by_label(typo).rect();
    let text_2 = harness
        .get_by_role_and_label(Role::MultilineTextInput, "Text of reply 2")
        .rect();
    let reply_3 = harness
        .get_by_role_and_label(Role::TextInput, "Reply 3")
        .rect();
    assert!(text_2.bottom() <= beside.top() && beside.bottom() <= reply_3.top());
    // The first cannot move up, the last not down.
    assert!(
        harness
            .get_by_label("Move reply 1 up")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        harness
            .get_by_label("Move reply 3 down")
            .accesskit_node()
            .is_disabled()
    );
    click(&mut harness, "Delete reply 3");
    assert_eq!(ids(&harness), ["shipping", "order-help"]);

    // Fixed: the problem goes, beside the reply and in the list.
    type_into(
        &mut harness,
        "Text of reply 2",
        "Hi {user}, send us your order number.",
    );
    assert!(harness.query_by_label(typo).is_none());
    assert!(
        harness.state().editor().problems().is_empty(),
        "{:?}",
        harness.state().editor().problems()
    );
    let built = harness.state().editor().plan().clone();
    assert_eq!(
        built.saved_replies,
        [
            livecue::plan::SavedReply {
                id: "shipping".into(),
                text: "Hi {user}, shipping is free over NT$1,000.".into()
            },
            livecue::plan::SavedReply {
                id: "order-help".into(),
                text: "Hi {user}, send us your order number.".into()
            },
        ]
    );

    // Saved, checked by the command line, and opened again after another plan.
    let path = files.path().join("replies.ron");
    assert!(harness.state_mut().editor_mut().save_to(&path));
    harness.run_steps(2);
    passes_check_with_no_warning(&path);
    click(&mut harness, "New from template");
    assert_ne!(harness.state().editor().plan(), &built);
    assert!(harness.state().editor().plan().saved_replies.is_empty());
    click(&mut harness, "Recent");
    click(&mut harness, &path.display().to_string());
    click(&mut harness, "Discard changes");
    assert_eq!(harness.state().editor().path(), Some(path.as_path()));
    assert_eq!(harness.state().editor().plan(), &built);
    // And the tab shows them again.
    click(&mut harness, "Saved replies");
    assert!(
        harness
            .query_by_label("Preview, as @amy.tw reads it: Hi amy.tw, send us your order number.")
            .is_some()
    );
}
