//! The producer's question panel driven through the real app with egui_kittest: the host
//! screen is detached (D), so the main window is the producer's.
//!
//! In the harness the detached host screen is an embedded window over part of the
//! producer's window, so widgets are clicked through accessibility (as a screen reader
//! would), which reaches them wherever they are drawn.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod app_fixture;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable};
use livecue::comments::Comment;
use livecue::questions::{FollowUpItem, Question, QuestionKey, QuestionState};
use livecue::show::ManualClock;
use livecue::ui::LivecueApp;

use app_fixture::Open;

const PLAN: &str = r#"(
    title: "Question panel test",
    goal: (kind: Sales, summary: "sell"),
    host: "shop.tw",
    segments: [
        (id: "warm", title: "暖場", kind: WarmUp, duration: "5m"),
        (id: "serum", title: "產品示範", kind: Product, duration: "20m"),
        (id: "qa", title: "Q&A", kind: QAndA, duration: "30m"),
        (title: "Bye", kind: Closing, duration: "5m"),
    ],
    questions: [
        (id: "s1", asker: "mei.lin", text: "請問敏感肌可以用嗎？", priority: High),
        (id: "s2", asker: "ivan_p", text: "Есть доставка в Россию?"),
    ],
)"#;

struct Fixture {
    harness: Harness<'static, LivecueApp>,
    _clock: ManualClock,
    _dir: tempfile::TempDir,
}

/// The app on air with the host screen detached: the producer's window.
fn producer() -> Fixture {
    let clock = ManualClock::new();
    let dir = tempfile::tempdir().unwrap();
    let mut harness = Open {
        clock: clock.clone(),
        ..Open::new(PLAN, &dir.path().join("shows"))
    }
    .app();
    // A new show opens on pre-flight; on air, then the host screen in its own window.
    harness.key_press(Key::F2);
    harness.run();
    harness.key_press(Key::D);
    harness.run();
    assert!(harness.state().detached());
    Fixture {
        harness,
        _clock: clock,
        _dir: dir,
    }
}

impl Fixture {
    fn say(&mut self, id: &str, user: &str, text: &str) {
        let verdict = self.harness.state_mut().live_mut().receive(Comment {
            id: id.into(),
            user: user.into(),
            text: text.into(),
            ts: chrono::DateTime::from_timestamp(1_795_000_100, 0).unwrap(),
            platform: Some("test".into()),
        });
        assert!(verdict.is_some(), "{id} is new");
    }

    /// The entry the producer sees for a key.
    fn question(&self, key: &QuestionKey) -> Question {
        self.harness
            .state()
            .live()
            .session()
            .questions()
            .entry_of(key)
            .unwrap()
            .clone()
    }

    /// The panel's row holding `text`, if listed.
    fn row(&self, text: &str) -> Option<egui::Rect> {
        self.harness
            .query(By::new().role(Role::Button).label_contains(text))
            .map(|n| n.rect())
    }

    fn select(&mut self, text: &str) {
        self.harness
            .get(By::new().role(Role::Button).label_contains(text))
            .click_accesskit();
        self.harness.run();
    }

    fn press(&mut self, label: &str) {
        self.harness
            .get(By::new().role(Role::Button).label(label))
            .click_accesskit();
        self.harness.run();
    }

    fn key(&mut self, key: Key) {
        self.harness.key_press(key);
        self.harness.run();
    }

    fn upcoming(&self) -> Vec<String> {
        self.harness
            .state()
            .live()
            .session()
            .questions()
            .upcoming()
            .iter()
            .map(|q| q.key.id().to_owned())
            .collect()
    }
}

fn live(id: &str) -> QuestionKey {
    QuestionKey::Comment(id.into())
}

fn planned(id: &str) -> QuestionKey {
    QuestionKey::Planned(id.into())
}

/// The host screen's window, embedded in the harness.
fn host_window(f: &Fixture) -> egui_kittest::Node<'_> {
    f.harness
        .get(By::new().role(Role::Window).label("livecue — host screen"))
}

/// A label with exactly this text on the host screen's question card (above its feed).
fn on_the_card(f: &Fixture, text: &str) -> bool {
    let window = host_window(f);
    let feed_top = window
        .get(By::new().role(Role::Label).label("COMMENTS"))
        .rect()
        .top();
    window
        .query_all(By::new().role(Role::Label).label(text))
        .any(|n| n.rect().bottom() <= feed_top)
}

#[test]
fn a_live_question_goes_up_next_then_answered_skipped_and_undone() {
    let mut f = producer();
    f.key(Key::Space); // the show starts
    f.say("c1", "anna.v", "Toimitetaanko Suomeen?");
    f.harness.run();
    assert!(f.row("Toimitetaanko Suomeen?").is_some(), "listed");
    assert!(
        on_the_card(&f, "請問敏感肌可以用嗎？"),
        "high priority first"
    );

    f.select("Toimitetaanko Suomeen?");
    f.press("Up next");
    assert_eq!(f.question(&live("c1")).state, QuestionState::UpNext);
    assert_eq!(f.upcoming()[0], "c1");
    assert!(
        on_the_card(&f, "Toimitetaanko Suomeen?"),
        "on the host's card"
    );
    assert!(on_the_card(&f, "UP NEXT"));

    f.press("Mark answered");
    let q = f.question(&live("c1"));
    assert_eq!(q.state, QuestionState::Answered);
    assert_eq!(
        q.handled.unwrap().segment,
        Some(0),
        "answered in the warm-up"
    );
    assert!(on_the_card(&f, "請問敏感肌可以用嗎？"), "the card moved on");

    f.press("Undo");
    assert_eq!(f.question(&live("c1")).state, QuestionState::UpNext);

    // By key: S skips the selected question, Ctrl+Z takes it back.
    f.key(Key::S);
    assert_eq!(f.question(&live("c1")).state, QuestionState::Skipped);
    assert_eq!(
        f.question(&planned("s1")).state,
        QuestionState::Queued,
        "S acted on the selected question, not the card's"
    );
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    f.harness.run();
    assert_eq!(f.question(&live("c1")).state, QuestionState::UpNext);
    // A answers it by key; the Answered filter lists it with its show time.
    f.key(Key::A);
    assert_eq!(f.question(&live("c1")).state, QuestionState::Answered);
    f.key(Key::Num2);
    assert!(f.row("answered 0:00").is_some());
    assert!(
        f.row("請問敏感肌可以用嗎？").is_none(),
        "open ones filtered out"
    );
}

#[test]
fn pin_and_edit_the_wording_with_the_original_on_hover() {
    let mut f = producer();
    f.select("Есть доставка в Россию?");
    f.press("Pin");
    assert!(f.question(&planned("s2")).pinned);
    assert_eq!(f.upcoming(), ["s2", "s1"]);
    assert!(on_the_card(&f, "Есть доставка в Россию?"));

    f.press("Edit wording");
    let field = f.harness.get_by_label("Wording for the host");
    assert_eq!(field.value().as_deref(), Some("Есть доставка в Россию?"));
    field.focus();
    f.harness
        .key_combination_modifiers(egui::Modifiers::COMMAND, &[Key::A]);
    f.harness
        .get_by_label("Wording for the host")
        .type_text("Do you ship to Russia?");
    f.harness.run();
    f.key(Key::Enter);
    let q = f.question(&planned("s2"));
    assert_eq!(q.display_text(), "Do you ship to Russia?");
    assert_eq!(q.text, "Есть доставка в Россию?", "the original is kept");
    assert!(
        on_the_card(&f, "Do you ship to Russia?"),
        "the host reads the new wording"
    );
    assert!(f.row("Do you ship to Russia?").is_some());

    assert!(
        f.harness
            .query_by_label("As asked: Есть доставка в Россию?")
            .is_some(),
        "the selected question shows the original"
    );
    // With nothing selected, hovering the row shows the question as asked.
    f.key(Key::Escape);
    assert!(
        f.harness
            .query_by_label("As asked: Есть доставка в Россию?")
            .is_none()
    );
    let row = f.row("Do you ship to Russia?").unwrap();
    f.harness
        .hover_at(egui::pos2(row.right() - 10.0, row.center().y));
    f.harness.run();
    f.harness.run();
    assert!(
        f.harness
            .query_by_label("As asked: Есть доставка в Россию?")
            .is_some(),
        "original on hover"
    );
    // By key: P unpins the selected question.
    f.select("Do you ship to Russia?");
    f.key(Key::P);
    assert!(!f.question(&planned("s2")).pinned);
}

#[test]
fn merge_by_hand_then_split_again() {
    let mut f = producer();
    f.say("c1", "amy", "Do you ship to Finland?");
    f.say("c2", "bo", "Is delivery to Helsinki possible?");
    f.harness.run();
    assert_eq!(f.question(&live("c2")).key, live("c2"), "two entries");

    f.select("Is delivery to Helsinki possible?");
    f.press("Merge into…");
    f.select("Do you ship to Finland?");
    f.press("Merge here");
    let c1 = f.question(&live("c1"));
    assert_eq!(c1.times_asked(), 2);
    assert_eq!(c1.askers(), ["amy", "bo"]);
    assert_eq!(f.question(&live("c2")).key, live("c1"), "c2 is in c1 now");
    assert!(f.row("Is delivery to Helsinki possible?").is_none());
    assert!(f.row("×2 asked").is_some());

    f.press("Split off");
    assert_eq!(f.question(&live("c2")).key, live("c2"));
    assert_eq!(f.question(&live("c1")).times_asked(), 1);
    assert!(f.row("Is delivery to Helsinki possible?").is_some());

    // By key: G on the selected one, ↑ to pick the one it joins, Enter; T splits.
    f.select("Is delivery to Helsinki possible?");
    f.key(Key::G);
    f.key(Key::ArrowUp);
    f.key(Key::Enter);
    assert_eq!(f.question(&live("c2")).key, live("c1"));
    f.key(Key::T);
    assert_eq!(f.question(&live("c2")).key, live("c2"));
}

#[test]
fn questions_and_comments_are_marked_for_a_follow_up() {
    let mut f = producer();
    f.say("c1", "amy", "Do you ship to Finland?");
    f.say("c2", "kuo", "謝謝分享！下次想看身體保養");
    f.harness.run();
    f.select("Do you ship to Finland?");
    f.press("Follow up after the show");
    let queue = |f: &Fixture| f.harness.state().live().session().questions().clone();
    assert!(queue(&f).is_marked(&FollowUpItem::Question(live("c1"))));
    assert!(f.row("follow up").is_some(), "tagged in the list");
    f.press("No follow-up");
    assert!(!queue(&f).is_marked(&FollowUpItem::Question(live("c1"))));
    f.key(Key::F);
    assert!(queue(&f).is_marked(&FollowUpItem::Question(live("c1"))));

    // Any comment, from the feed's menu.
    f.key(Key::Escape); // no question selected: one "Follow up" button on screen
    let host = host_window(&f).rect();
    f.harness
        .get_all(
            By::new()
                .role(Role::Label)
                .label("謝謝分享！下次想看身體保養"),
        )
        .find(|n| !host.contains_rect(n.rect()))
        .expect("in the producer's feed")
        .click_secondary();
    f.harness.run();
    f.press("Follow up after the show");
    assert!(queue(&f).is_marked(&FollowUpItem::Comment("c2".into())));
    assert_eq!(queue(&f).follow_ups().len(), 2);
}

#[test]
fn the_row_under_the_pointer_stays_put_while_fifty_comments_arrive() {
    let mut f = producer();
    let texts = [
        "Do you ship to Finland?",
        "Is it vegan?",
        "How long does a bottle last?",
        "Can I use it under makeup?",
        "Is there a refill pack?",
    ];
    for (i, text) in texts.iter().enumerate() {
        f.say(&format!("q{i}"), &format!("viewer{i}"), text);
    }
    f.harness.run();
    let before: Vec<(String, egui::Rect)> = texts
        .iter()
        .map(|t| (t.to_string(), f.row(t).unwrap()))
        .collect();
    // The pointer rests on the third live question (the right end of its row, clear of
    // the host window drawn over the harness).
    let target = f.row("How long does a bottle last?").unwrap();
    let pointer = egui::pos2(target.right() - 8.0, target.center().y);
    f.harness.hover_at(pointer);
    f.harness.run();

    // Fifty comments: chat, the refill question asked again and again (it would rise
    // to the top), and new questions.
    for i in 0..50 {
        let id = format!("c{i}");
        match i % 5 {
            0 => f.say(&id, &format!("fan{i}"), "Is there a refill pack?"),
            1 => f.say(
                &id,
                &format!("new{i}"),
                &format!("Does colour {i} suit dark skin?"),
            ),
            _ => f.say(&id, &format!("chat{i}"), &format!("好好看 {i}")),
        }
        if i % 10 == 9 {
            f.harness.run();
        }
    }
    f.harness.run();
    assert!(
        f.harness
            .state()
            .live()
            .session()
            .questions()
            .entry_of(&live("q4"))
            .unwrap()
            .times_asked()
            > 5,
        "the refill question gathered askers"
    );
    for (text, rect) in &before {
        assert_eq!(f.row(text), Some(*rect), "{text} moved under the pointer");
    }
    let under = f
        .harness
        .query(By::new().role(Role::Button).predicate(move |n| {
            n.bounding_box().is_some_and(|b| {
                b.x0 as f32 <= pointer.x
                    && pointer.x <= b.x1 as f32
                    && b.y0 as f32 <= pointer.y
                    && pointer.y <= b.y1 as f32
            })
        }))
        .map(|n| n.accesskit_node().label().unwrap_or_default());
    assert!(
        under
            .as_deref()
            .is_some_and(|l| l.contains("How long does a bottle last?")),
        "{under:?}"
    );
    assert!(
        f.harness.query_by_label_contains(" new ↑").is_some(),
        "the new questions wait behind a marker"
    );
    assert!(f.row("Does colour 1 suit dark skin?").is_none());

    // The pointer leaves: the list catches up, the refill question on top.
    f.harness.hover_at(egui::pos2(1900.0, 1070.0));
    f.harness.run();
    f.harness.run();
    assert!(f.row("Does colour 1 suit dark skin?").is_some());
    assert!(f.harness.query_by_label_contains(" new ↑").is_none());
    let refill = f.row("Is there a refill pack?").unwrap();
    assert!(refill.top() < f.row("Do you ship to Finland?").unwrap().top());
}

#[test]
fn the_card_says_when_more_people_ask_while_it_is_up() {
    let mut f = producer();
    f.say("c1", "anna.v", "Toimitetaanko Suomeen?");
    f.harness.run();
    f.select("Toimitetaanko Suomeen?");
    f.press("Up next");
    assert!(on_the_card(&f, "@anna.v"));
    assert!(!on_the_card(&f, "+1 more asking"));
    f.say("c2", "mika", "toimitetaanko suomeen??");
    f.say("c3", "anna.v", "Toimitetaanko Suomeen???");
    f.harness.run();
    // anna.v asking again is not one more person.
    assert!(on_the_card(&f, "+1 more asking"));
    assert!(on_the_card(&f, "×2 asked"));
    assert!(on_the_card(&f, "@anna.v  @mika"));
}
