//! The queue as the session folds it: merges, order, states and undo, driven by events
//! (and by the real filter and writer where the rules come from there).

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::*;
use crate::comments::{Comment, Filter, Verdict};
use crate::plan::{FilterSettings, Plan, parse};
use crate::session::{Action, Event, JournalTarget, Live, Session, Stamp};
use crate::show::{Clock, ManualClock};

const PLAN: &str = r#"(
    title: "Queue test",
    goal: (kind: Sales, summary: "sell"),
    target: (min: "20m", max: "40m"),
    segments: [
        (id: "warm", title: "Warm-up", kind: WarmUp, duration: "5m"),
        (id: "demo", title: "Demo", kind: Product, duration: "10m"),
        (id: "qa", title: "Q&A", kind: QAndA, duration: "10m"),
    ],
    questions: [
        (id: "hi", asker: "lin", text: "請問敏感肌可以用嗎？", priority: High),
        (id: "ship", asker: "kuo", text: "運費怎麼算？"),
        (id: "low", text: "有沒有旅行用的小容量？", priority: Low),
        (id: "later", asker: "pei", text: "精華要在化妝水前面還是後面擦？", segment: "qa"),
    ],
)"#;

fn plan() -> Arc<Plan> {
    Arc::new(parse(PLAN, "t.ron").unwrap())
}

fn stamp(ms: i64) -> Stamp {
    Stamp {
        ms,
        wall: DateTime::<Utc>::from_timestamp_millis(1_795_000_000_000 + ms).unwrap(),
    }
}

fn c(id: &str) -> QuestionKey {
    QuestionKey::Comment(id.into())
}

fn p(id: &str) -> QuestionKey {
    QuestionKey::Planned(id.into())
}

/// A session fed events by hand, each a second after the one before.
struct Fold {
    session: Session,
    ms: i64,
}

impl Fold {
    fn new() -> Self {
        Self {
            session: Session::new(plan()),
            ms: 0,
        }
    }

    fn at(&mut self) -> Stamp {
        self.ms += 1_000;
        stamp(self.ms)
    }

    fn apply(&mut self, event: Event) {
        self.session.apply(&event);
    }

    /// A shown question from `user`; `repeats` names the first asking the filter linked.
    fn ask(&mut self, id: &str, user: &str, text: &str, repeats: Option<&str>) {
        let at = self.at();
        self.apply(Event::CommentReceived {
            comment: Comment {
                id: id.into(),
                user: user.into(),
                text: text.into(),
                ts: at.wall,
                platform: None,
            },
            verdict: Verdict {
                question: true,
                duplicate_of: repeats.map(str::to_owned),
                ..Verdict::shown(id)
            },
            at,
        });
    }

    fn state(&mut self, key: QuestionKey, state: QuestionState) {
        let at = self.at();
        self.apply(Event::QuestionStateChanged {
            question: key,
            state,
            at,
        });
    }

    fn merge(&mut self, key: QuestionKey, into: QuestionKey) {
        let at = self.at();
        self.apply(Event::QuestionMerged {
            question: key,
            into,
            by_hand: true,
            at,
        });
    }

    fn split(&mut self, key: QuestionKey) {
        let at = self.at();
        self.apply(Event::QuestionSplit { question: key, at });
    }

    fn pin(&mut self, key: QuestionKey, pinned: bool) {
        let at = self.at();
        self.apply(Event::QuestionPinned {
            question: key,
            pinned,
            at,
        });
    }

    fn undo(&mut self) {
        let question = self.queue().undoable().cloned().unwrap();
        let at = self.at();
        self.apply(Event::QuestionUndone { question, at });
    }

    fn go(&mut self, index: usize) {
        let at = self.at();
        self.apply(Event::SegmentStarted {
            index,
            auto: false,
            resume: false,
            at,
        });
    }

    fn queue(&self) -> &Queue {
        self.session.questions()
    }

    fn order(&self) -> Vec<String> {
        self.queue()
            .upcoming()
            .iter()
            .map(|q| q.key.id().to_owned())
            .collect()
    }

    fn entry(&self, key: &QuestionKey) -> &Question {
        self.queue().entry_of(key).unwrap()
    }
}

#[test]
fn repeats_count_askers_and_keep_what_each_wrote() {
    let mut f = Fold::new();
    f.ask("c1", "amy", "Do you ship to Japan?", None);
    f.ask("c2", "@Bo", "do you ship to japan??", Some("c1"));
    f.ask("c3", "cy", "Shipping to Japan?", Some("c1"));
    let q = f.entry(&c("c1"));
    assert_eq!(q.times_asked(), 3);
    assert_eq!(q.askers(), ["amy", "@Bo", "cy"]);
    let texts: Vec<&str> = q.askings.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Do you ship to Japan?",
            "do you ship to japan??",
            "Shipping to Japan?"
        ]
    );
    // The repeat is found from its own id too, and is no entry of its own.
    assert_eq!(f.entry(&c("c3")).key, c("c1"));
    assert!(f.queue().find(&c("c3")).is_none());
    assert_eq!(f.queue().entries().count(), 5, "4 planned + 1 live");
}

#[test]
fn one_viewer_asking_twice_is_one_asker() {
    let mut f = Fold::new();
    f.ask("c1", "amy", "Do you ship to Japan?", None);
    f.ask("c2", "Amy", "do you ship to Japan???", Some("c1"));
    f.ask("c3", "@amy", "ship to japan?", Some("c1"));
    let q = f.entry(&c("c1"));
    assert_eq!(q.askings.len(), 3, "every asking is kept");
    assert_eq!(q.times_asked(), 1);
    assert_eq!(q.askers(), ["amy"]);
    // A pre-collected question without a name still counts as one asker.
    assert_eq!(f.entry(&p("low")).times_asked(), 1);
    assert!(f.entry(&p("low")).askers().is_empty());
}

#[test]
fn merging_by_hand_adds_askers_and_hides_the_merged_entry() {
    let mut f = Fold::new();
    f.ask("c1", "amy", "Is the serum OK for sensitive skin?", None);
    f.ask("c2", "bo", "is it ok on sensitive skin?", Some("c1"));
    f.ask("c3", "lin", "敏感肌能用吗", None);
    f.merge(c("c1"), p("hi"));
    f.merge(c("c3"), p("hi"));
    let q = f.entry(&p("hi"));
    // lin asked before the show and again live: still one asker.
    assert_eq!(q.askers(), ["lin", "amy", "bo"]);
    assert_eq!(q.times_asked(), 3);
    assert_eq!(q.askings.len(), 4);
    assert_eq!(q.parts(), [&c("c1"), &c("c3")]);
    assert_eq!(f.queue().find(&c("c1")).unwrap().merged_into, Some(p("hi")));
    assert!(!f.order().contains(&"c1".to_owned()));
    // A repeat of c1 arriving now counts on the merged entry.
    f.ask("c4", "cy", "sensitive skin ok?", Some("c1"));
    assert_eq!(f.entry(&p("hi")).times_asked(), 4);
    // Merging into a merged entry, or into itself, does not apply.
    assert!(!f.queue().can_merge(&p("ship"), &c("c1")));
    assert!(!f.queue().can_merge(&p("ship"), &p("ship")));
}

#[test]
fn a_split_gives_back_exactly_what_was_merged() {
    let mut f = Fold::new();
    f.ask("c1", "amy", "Do you ship to Japan?", None);
    f.ask("c2", "bo", "ship to japan?", Some("c1"));
    let before = f.entry(&c("c1")).clone();
    f.merge(c("c1"), p("ship"));
    f.ask("c3", "cy", "do you ship to japan", Some("c1"));
    assert_eq!(f.entry(&p("ship")).times_asked(), 4);
    f.split(c("c1"));
    let back = f.entry(&c("c1"));
    assert_eq!(back.merged_into, None);
    assert_eq!(back.askers(), ["amy", "bo", "cy"]);
    assert_eq!(back.askings[..2], before.askings[..]);
    assert_eq!(f.entry(&p("ship")).askers(), ["kuo"]);
    // One repeat the filter linked by mistake can be split off on its own.
    f.split(c("c2"));
    assert_eq!(f.entry(&c("c2")).key, c("c2"));
    assert_eq!(f.entry(&c("c1")).askers(), ["amy", "cy"]);
    // Undo puts it back where it was.
    f.undo();
    assert_eq!(f.entry(&c("c2")).key, c("c1"));
    assert!(f.queue().find(&c("c2")).is_none());
    assert_eq!(f.entry(&c("c1")).askers(), ["amy", "bo", "cy"]);
}

#[test]
fn order_goes_by_pin_up_next_priority_askers_then_age() {
    let mut f = Fold::new();
    f.apply(Event::ShowStarted { at: stamp(0) });
    f.ask("c1", "amy", "Do you ship to Japan?", None);
    f.ask("c2", "bo", "Is it vegan?", None);
    f.ask("c3", "cy", "Do you ship to Japan??", Some("c1"));
    f.ask("c4", "dee", "Where is it made?", None);
    // High first; among normal ones the question asked twice, then oldest first (the
    // sticker question before the live ones); low last. "later" waits for the Q&A.
    assert_eq!(f.order(), ["hi", "c1", "ship", "c2", "c4", "low"]);
    f.pin(c("c4"), true);
    assert_eq!(f.order(), ["c4", "hi", "c1", "ship", "c2", "low"]);
    f.state(c("c2"), QuestionState::UpNext);
    f.state(p("low"), QuestionState::UpNext);
    // Pinned, then up next in the order they were put there, then the rest.
    assert_eq!(f.order(), ["c4", "c2", "low", "hi", "c1", "ship"]);
    // A second pinned question goes below the first, as up next does.
    f.pin(p("ship"), true);
    assert_eq!(f.order(), ["c4", "ship", "c2", "low", "hi", "c1"]);
    // A pinned question at the edge of its band moves no further down.
    assert_eq!(f.queue().neighbour(&p("ship"), false), None);
    assert_eq!(f.queue().band(f.entry(&c("c2"))), Band::UpNext);
    assert_eq!(f.queue().next().unwrap().key, c("c4"));
}

#[test]
fn moving_swaps_with_the_neighbour_and_the_rules_still_rank_newcomers() {
    let mut f = Fold::new();
    f.ask("c1", "amy", "Is it vegan?", None);
    f.ask("c2", "bo", "Where is it made?", None);
    assert_eq!(f.order(), ["hi", "ship", "c1", "c2", "low"]);
    let queue = f.queue();
    assert_eq!(queue.neighbour(&p("hi"), true), None, "at the top");
    assert_eq!(
        queue.neighbour(&p("ship"), true),
        Some(Placement::Above(p("hi"))),
        "past a higher priority too: the producer knows better"
    );
    assert_eq!(
        queue.neighbour(&c("c2"), true),
        Some(Placement::Above(c("c1")))
    );
    let at = f.at();
    f.apply(Event::QuestionMoved {
        question: c("c2"),
        to: Placement::Above(c("c1")),
        at,
    });
    assert_eq!(f.order(), ["hi", "ship", "c2", "c1", "low"]);
    let at = f.at();
    f.apply(Event::QuestionMoved {
        question: p("ship"),
        to: Placement::Below(c("c2")),
        at,
    });
    assert_eq!(f.order(), ["hi", "c2", "ship", "c1", "low"]);
    // More askers do not reshuffle what the producer arranged ...
    f.ask("c3", "cy", "is it vegan??", Some("c1"));
    assert_eq!(f.order(), ["hi", "c2", "ship", "c1", "low"]);
    // ... but a newcomer asked by many still rises above them.
    f.ask("c4", "dee", "Is there a discount code?", None);
    f.ask("c5", "eve", "any discount code?", Some("c4"));
    f.ask("c6", "fay", "discount code??", Some("c4"));
    assert_eq!(f.order(), ["hi", "c4", "c2", "ship", "c1", "low"]);
    f.undo();
    f.undo();
    assert_eq!(f.order(), ["hi", "c4", "c1", "ship", "c2", "low"]);
}

#[test]
fn every_change_by_hand_can_be_undone() {
    let mut f = Fold::new();
    f.apply(Event::ShowStarted { at: stamp(0) });
    f.ask("c1", "amy", "Is it vegan?", None);
    let fresh = f.queue().clone();
    let base = |q: &Queue| {
        (
            q.all().to_vec(),
            q.follow_ups().to_vec(),
            q.upcoming().len(),
        )
    };
    for state in [
        QuestionState::UpNext,
        QuestionState::Answered,
        QuestionState::Skipped,
        QuestionState::Dismissed,
    ] {
        f.state(c("c1"), state);
        assert_eq!(f.entry(&c("c1")).state, state);
        f.undo();
        assert_eq!(base(f.queue()), base(&fresh), "undo {state:?}");
    }
    // Up next, then answered: undo goes back one step at a time.
    f.state(c("c1"), QuestionState::UpNext);
    f.state(c("c1"), QuestionState::Answered);
    f.undo();
    assert_eq!(f.entry(&c("c1")).state, QuestionState::UpNext);
    assert_eq!(f.entry(&c("c1")).handled, None);
    f.undo();
    assert_eq!(base(f.queue()), base(&fresh));

    f.pin(c("c1"), true);
    f.undo();
    let at = f.at();
    f.apply(Event::QuestionReworded {
        question: c("c1"),
        text: Some("Is the serum vegan?".into()),
        at,
    });
    assert_eq!(f.entry(&c("c1")).display_text(), "Is the serum vegan?");
    assert_eq!(f.entry(&c("c1")).text, "Is it vegan?");
    f.undo();
    f.merge(c("c1"), p("ship"));
    f.undo();
    let at = f.at();
    f.apply(Event::FollowUpMarked {
        item: FollowUpItem::Question(c("c1")),
        marked: true,
        at,
    });
    assert!(f.queue().is_marked(&FollowUpItem::Question(c("c1"))));
    f.undo();
    assert_eq!(base(f.queue()), base(&fresh));
    // A comment put into the queue by hand leaves it again.
    let at = f.at();
    f.apply(Event::CommentReceived {
        comment: Comment {
            id: "c9".into(),
            user: "gus".into(),
            text: "the blue one please".into(),
            ts: at.wall,
            platform: None,
        },
        verdict: Verdict::shown("c9"),
        at,
    });
    let at = f.at();
    f.apply(Event::QuestionAdded {
        comment_id: "c9".into(),
        at,
    });
    assert_eq!(f.entry(&c("c9")).text, "the blue one please");
    f.undo();
    assert!(f.queue().entry_of(&c("c9")).is_none());
    assert_eq!(base(f.queue()), base(&fresh));
    assert_eq!(f.queue().undoable(), None, "nothing left to undo");
    // An undo that does not name the newest change is ignored.
    f.pin(c("c1"), true);
    let at = f.at();
    f.apply(Event::QuestionUndone {
        question: p("hi"),
        at,
    });
    assert!(f.entry(&c("c1")).pinned);
}

#[test]
fn answered_records_the_show_time_and_the_segment() {
    let mut f = Fold::new();
    f.apply(Event::ShowStarted { at: stamp(10_000) });
    f.apply(Event::SegmentStarted {
        index: 1,
        auto: false,
        resume: false,
        at: stamp(70_000),
    });
    f.apply(Event::QuestionStateChanged {
        question: p("hi"),
        state: QuestionState::Answered,
        at: stamp(100_000),
    });
    assert_eq!(
        f.entry(&p("hi")).handled,
        Some(Handled {
            state: QuestionState::Answered,
            at_ms: 100_000,
            show_ms: Some(90_000),
            segment: Some(1),
        })
    );
}

#[test]
fn a_question_tied_to_a_segment_surfaces_when_it_starts() {
    let mut f = Fold::new();
    f.apply(Event::ShowStarted { at: stamp(0) });
    assert!(!f.order().contains(&"later".to_owned()));
    assert_eq!(f.queue().held()[0].key, p("later"));
    f.go(1);
    assert!(!f.order().contains(&"later".to_owned()), "not in the demo");
    f.go(2);
    // On air: first after anything pinned or up next, ahead of even a high priority.
    assert_eq!(f.order(), ["later", "hi", "ship", "low"]);
    assert!(f.queue().held().is_empty());
    // After its segment it stays in the queue, by the ordinary rules.
    f.go(1);
    assert_eq!(f.order(), ["hi", "ship", "later", "low"]);
}

fn live(plan: Arc<Plan>, clock: &ManualClock) -> Live {
    Live::new(
        Arc::clone(&plan),
        Arc::new(clock.clone()),
        stamp(0).wall,
        JournalTarget::Off,
        Box::new(Filter::new(&FilterSettings::default()).unwrap()),
    )
}

fn say(live: &mut Live, clock: &ManualClock, id: &str, user: &str, text: &str) {
    clock.advance_ms(1_000);
    let ts = stamp(clock.now_ms()).wall;
    live.receive(Comment {
        id: id.into(),
        user: user.into(),
        text: text.into(),
        ts,
        platform: None,
    })
    .unwrap();
}

#[test]
fn asked_three_times_in_traditional_and_simplified_is_one_entry_with_three_askers() {
    let clock = ManualClock::new();
    let mut live = live(plan(), &clock);
    say(&mut live, &clock, "c1", "mei", "請問這瓶精華孕婦可以擦嗎？");
    say(&mut live, &clock, "c2", "ting", "这瓶精华孕妇可以擦吗");
    say(&mut live, &clock, "c3", "hsu", "孕婦可以擦這瓶精華嗎");
    let queue = live.session().questions();
    let live_entries: Vec<&Question> = queue.entries().filter(|q| !q.is_planned()).collect();
    assert_eq!(live_entries.len(), 1, "{live_entries:#?}");
    assert_eq!(live_entries[0].times_asked(), 3);
    assert_eq!(live_entries[0].askers(), ["mei", "ting", "hsu"]);
}

#[test]
fn ship_to_japan_and_ship_to_korea_stay_two_entries() {
    let clock = ManualClock::new();
    let mut live = live(plan(), &clock);
    say(&mut live, &clock, "c1", "amy", "Do you ship to Japan?");
    say(&mut live, &clock, "c2", "bo", "Do you ship to Korea?");
    let queue = live.session().questions();
    assert_eq!(queue.entry_of(&c("c1")).unwrap().times_asked(), 1);
    assert_eq!(queue.entry_of(&c("c2")).unwrap().key, c("c2"));
}

#[test]
fn a_live_question_repeating_a_sticker_question_joins_it() {
    let clock = ManualClock::new();
    let mut live = live(plan(), &clock);
    say(&mut live, &clock, "c1", "amy", "运费怎么算？");
    say(&mut live, &clock, "c2", "bo", "請問運費是怎麼算的呢");
    let queue = live.session().questions();
    let ship = queue.entry_of(&c("c1")).unwrap();
    assert_eq!(ship.key, p("ship"));
    assert_eq!(ship.askers(), ["kuo", "amy", "bo"]);
    assert_eq!(queue.entry_of(&c("c2")).unwrap().key, p("ship"));
    // A merge the app made is not the producer's to undo; a split is.
    assert_eq!(queue.undoable(), None);
    assert!(live.perform(Action::SplitQuestion(c("c1"))));
    assert_eq!(
        live.session()
            .questions()
            .entry_of(&c("c1"))
            .unwrap()
            .askers(),
        ["amy", "bo"]
    );
}

#[test]
fn actions_that_do_not_apply_journal_nothing() {
    let clock = ManualClock::new();
    let mut live = live(plan(), &clock);
    say(&mut live, &clock, "c1", "amy", "Is it vegan?");
    let events = live.session().events_applied();
    for action in [
        Action::UndoQuestion,
        Action::SetQuestionState(c("c1"), QuestionState::Queued),
        Action::PinQuestion(c("c1"), false),
        Action::MoveQuestion {
            question: p("hi"),
            up: true,
        },
        Action::MergeQuestion {
            question: c("c1"),
            into: c("c1"),
        },
        Action::SplitQuestion(p("hi")),
        Action::RewordQuestion(c("c1"), Some("  Is it vegan?  ".into())),
        Action::MarkFollowUp(FollowUpItem::Comment("nope".into()), true),
        Action::PromoteComment("c1".into()),
    ] {
        assert!(!live.perform(action.clone()), "{action:?}");
    }
    assert_eq!(live.session().events_applied(), events);
}
