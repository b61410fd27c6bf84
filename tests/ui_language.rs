//! The interface in 繁體中文 and English through the real app with egui_kittest: every
//! screen, dialog and window walked in each language, every label read from the
//! accessibility tree; in zh-TW no English word may be left, and F9 (or the button in
//! the screen bar) switches all of it at once and is remembered.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod app_fixture;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use livecue::comments::Comment;
use livecue::locale::Language;
use livecue::plan::templates::{Lang, TEMPLATES};
use livecue::runner::Settings;
use livecue::show::ManualClock;
use livecue::ui::{LivecueApp, Screen};

use app_fixture::{Open, dnd_on};

/// ASCII words a Chinese screen may show: names of products, formats, keys and the
/// source syntax typed as it is (`instagram`, `replay:FILE`), the language switch's
/// own "English", and units.
const ALLOWED: &[&str] = &[
    "livecue",
    "Instagram",
    "instagram",
    "Facebook",
    "facebook",
    "replay",
    "login",
    "LIVECUE",
    "TOKEN",
    "Mbps",
    "RON",
    "CSV",
    "JSON",
    "PNG",
    "English",
    // The product the local API's section is named for (the producer window).
    "Stream",
    "Deck",
    "Space",
    "Enter",
    "Esc",
    "Backspace",
    "Shift",
    "Ctrl",
    "Alt",
    "Home",
    "Tab",
    // The plan editor: the command its problems are the checks of (`livecue check`),
    // the CSV columns a pasted list of questions may have, typed as they are, and the
    // UTC time beside the plan's own time zone.
    "check",
    "text",
    "asker",
    "priority",
    "tags",
    "UTC",
    // The plan's field names, as written in the file, in its problems (`guests`).
    "guests",
    // The saved replies' one placeholder, typed as it is (`{user}`), and the handle
    // their preview sends to (`amy.tw`): a commenter's handle, shown as written.
    "user",
    "amy",
];

/// Every ASCII word (3+ letters) of the plan's and the comments' own text: what the
/// producer and the viewers wrote is shown as written, in any language.
fn data_words(texts: &[&str]) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for text in texts {
        // Only the plan's quoted strings are its words; the rest is RON syntax.
        for (i, part) in text.split('"').enumerate() {
            if i % 2 == 1 || !text.contains('"') {
                words.extend(ascii_words(part));
            }
        }
    }
    words
}

fn ascii_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .map(str::to_owned)
        .collect()
}

/// Whether some label on screen contains `text` (it may show more than once: the
/// screen bar's tab and the screen's heading).
fn shows(harness: &Harness<'static, LivecueApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// Every label and value in the frame's accessibility tree, but for egui's own name of
/// its panel splitters ("Resize panel"): a name for screen readers, never on screen,
/// and not one livecue can word.
fn labels(harness: &Harness<'static, LivecueApp>) -> Vec<String> {
    harness
        .query_all(by().predicate(|n| n.role() != Role::Splitter))
        .flat_map(|node| {
            let n = node.accesskit_node();
            [n.label(), n.value()].into_iter().flatten()
        })
        .collect()
}

/// The English words on screen that are neither allowed names nor the show's data.
fn english_left(harness: &Harness<'static, LivecueApp>, data: &BTreeSet<String>) -> Vec<String> {
    let mut left: Vec<String> = labels(harness)
        .iter()
        .flat_map(|label| {
            ascii_words(label)
                .into_iter()
                // A long comment is cut with "…" on screen: a data word's start is data.
                .filter(|w| {
                    !ALLOWED.contains(&w.as_str())
                        && !data.iter().any(|d| d.starts_with(w.as_str()))
                })
                .map(move |w| format!("{w} (in {label:?})"))
        })
        .collect();
    left.sort();
    left.dedup();
    left
}

struct Walk {
    harness: Harness<'static, LivecueApp>,
    clock: ManualClock,
    data: BTreeSet<String>,
    /// Screens (and dialogs) seen, with the labels that prove each was really drawn.
    seen: Vec<&'static str>,
    _dir: tempfile::TempDir,
}

const COMMENTS: [(&str, &str, &str); 5] = [
    ("c1", "yu", "晚安～今天好漂亮"),
    ("c2", "bo", "請問運費怎麼算？"),
    ("c3", "li", "便宜粉絲 www.growfast.example 私訊我賺錢"),
    ("c4", "yu", "這是假貨吧"),
    ("c5", "mi", "敏感肌可以用嗎？"),
];

impl Walk {
    fn open(language: Language) -> Walk {
        let clock = ManualClock::new();
        let dir = tempfile::tempdir().unwrap();
        let harness = Open {
            clock: clock.clone(),
            dnd: dnd_on,
            settings: Some(Settings::path_in(dir.path())),
            ..Open::new(livecue::EXAMPLE_PLAN, &dir.path().join("shows")).in_language(language)
        }
        .app();
        let mut texts = vec![livecue::EXAMPLE_PLAN];
        texts.extend(COMMENTS.iter().flat_map(|(_, u, t)| [*u, *t]));
        // Values, not words: the speed-test server's address and the name of the way
        // do-not-disturb was read (`dbus-inhibited`), shown as they are.
        let method = dnd_on().method;
        texts.extend([livecue::preflight::speed::DEFAULT_SERVER, method.leak()]);
        Walk {
            harness,
            clock,
            data: data_words(&texts),
            seen: Vec::new(),
            _dir: dir,
        }
    }

    fn key(&mut self, key: Key) {
        self.harness.key_press(key);
        self.harness.run_steps(3);
    }

    /// Runs frames until `label` shows (the report is made on a thread).
    fn wait_for(&mut self, label: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !shows(&self.harness, label) {
            assert!(Instant::now() < deadline, "{label:?} never showed");
            std::thread::sleep(Duration::from_millis(20));
            self.harness.run_steps(1);
        }
    }

    /// The screen now is in `language`: a label of it shows, and in Chinese no
    /// English word is left.
    fn check(&mut self, name: &'static str, language: Language, zh: &str, en: &str) {
        let expected = match language {
            Language::ZhTw => zh,
            Language::En => en,
        };
        assert!(
            shows(&self.harness, expected),
            "{name}: {expected:?} not on screen in {language:?}; labels: {:#?}",
            labels(&self.harness)
        );
        let left = english_left(&self.harness, &self.data);
        match language {
            Language::ZhTw => assert!(left.is_empty(), "{name}: English left: {left:#?}"),
            // The same check finds English when there is English: it can fail.
            Language::En => assert!(left.len() > 3, "{name}: {left:?}"),
        }
        self.seen.push(name);
    }

    /// Walks every screen, dialog and window in `language`.
    fn every_screen(&mut self, language: Language) {
        // Pre-flight (F1), where a new show opens.
        assert_eq!(self.harness.state().screen(), Screen::Preflight);
        self.check("pre-flight", language, "開播前", "Before going live");
        // Go live while checks are open: the go-anyway dialog.
        self.key(Key::Enter);
        self.check(
            "go-anyway dialog",
            language,
            "仍然要開播嗎？",
            "Go live anyway?",
        );
        self.key(Key::Escape);

        // On air (F2): the host screen before the start, then running with comments.
        self.key(Key::F2);
        self.check(
            "host screen, ready",
            language,
            "按 Space 開始",
            "press Space to start",
        );
        self.key(Key::Space);
        for (id, user, text) in COMMENTS {
            self.clock.advance_ms(20_000);
            self.harness.state_mut().live_mut().receive(Comment {
                id: id.into(),
                user: user.into(),
                text: text.into(),
                ts: chrono::DateTime::from_timestamp(1_795_000_000 + 20, 0).unwrap(),
                platform: Some("test".into()),
            });
        }
        self.harness.run_steps(3);
        self.check(
            "host screen, on air",
            language,
            "下一個提問",
            "NEXT QUESTION",
        );
        // Three minutes into the warm-up: the plan's first cue, in its banner.
        self.clock.advance_ms(90_000);
        self.harness.run_steps(3);
        self.check("cue banner", language, "⚠ 提示", "⚠ CUE");
        self.key(Key::Enter);
        // Hidden comments greyed with their reasons in words.
        self.key(Key::H);
        self.check(
            "host screen, hidden shown",
            language,
            "已隱藏：",
            "hidden: ",
        );
        assert!(shows(
            &self.harness,
            match language {
                Language::ZhTw => "隱藏詞",
                Language::En => "hidden word",
            }
        ));
        self.key(Key::H);
        // The comment-source dialog.
        self.key(Key::O);
        self.check("source dialog", language, "留言來源", "Comment source");
        self.harness
            .get_by_label(match language {
                Language::ZhTw => "取消",
                Language::En => "Cancel",
            })
            .click();
        self.harness.run_steps(3);

        // Detached: the producer's window with the question panel, and the host
        // screen's own window.
        self.key(Key::D);
        assert!(self.harness.state().detached());
        self.check("producer window", language, "流程", "RUNDOWN");
        self.check("question panel", language, "事先收集", "Pre-collected");
        // A question picked: the detail with its buttons.
        self.harness
            .get(
                by().role(Role::Button)
                    .label_contains("敏感肌可以用嗎？會不會刺刺的？"),
            )
            .click_accesskit();
        self.harness.run_steps(3);
        self.check("question detail", language, "標為已回答", "Mark answered");
        self.check("host window", language, "主持人畫面", "host screen");
        self.key(Key::D);

        // Summary (F3) during the show.
        self.key(Key::F3);
        self.check("summary, so far", language, "到目前為止", "The show so far");

        // End the show: its dialog, then the summary and the host screen after it.
        self.key(Key::F2);
        self.key(Key::E);
        self.check(
            "end-show dialog",
            language,
            "要結束節目嗎？",
            "End the show?",
        );
        self.key(Key::Enter);
        assert_eq!(self.harness.state().screen(), Screen::Summary);
        self.check("summary, ended", language, "節目已結束", "Show ended");
        self.key(Key::F2);
        self.check(
            "host screen, over",
            language,
            "節目已結束",
            "The show is over",
        );

        // Report (F4), made on its thread.
        self.key(Key::F4);
        let (zh, en) = ("最常用的詞", "Most used words");
        self.wait_for(match language {
            Language::ZhTw => zh,
            Language::En => en,
        });
        self.check("report", language, zh, en);

        // A new show from the summary: its dialog.
        self.key(Key::F3);
        self.harness
            .get_by_label(match language {
                Language::ZhTw => "開始新節目",
                Language::En => "Start a new show",
            })
            .click();
        self.harness.run_steps(3);
        self.check(
            "new-show dialog",
            language,
            "要開始新節目嗎？",
            "Start a new show?",
        );
        self.key(Key::Escape);

        self.editor(language);
    }

    /// Clicks the button or tab `zh` / `en`.
    fn click(&mut self, language: Language, zh: &str, en: &str) {
        let label = match language {
            Language::ZhTw => zh,
            Language::En => en,
        };
        self.harness.get_by_label(label).click();
        // A question appearing takes a frame to size itself before it shows.
        self.harness.run_steps(3);
    }

    /// Replaces what the text field `label` holds with `text`.
    fn type_into(&mut self, label: &str, text: &str) {
        self.harness
            .get_by_role_and_label(Role::TextInput, label)
            .focus();
        self.harness.run_steps(1);
        self.harness
            .key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        self.harness.run_steps(1);
        self.harness
            .get_by_role_and_label(Role::TextInput, label)
            .type_text(text);
        self.harness.run_steps(2);
    }

    /// The saved-replies tab: the plan's replies previewed, and a placeholder it does not
    /// know (a producer's own word for it) named beside the reply and in the list.
    fn replies(&mut self, language: Language) {
        self.click(language, "預存回覆", "Saved replies");
        self.check(
            "editor, saved replies",
            language,
            "預覽（@amy.tw 收到的私訊）：嗨 amy.tw，全館滿 NT$1,000 免運",
            "Preview, as @amy.tw reads it: 嗨 amy.tw，全館滿 NT$1,000 免運",
        );
        assert!(shows(
            &self.harness,
            match language {
                Language::ZhTw => "新增預存回覆",
                Language::En => "Add saved reply",
            }
        ));
        let text = match language {
            Language::ZhTw => "預存回覆 1 的內容",
            Language::En => "Text of reply 1",
        };
        let field = self
            .harness
            .get_by_role_and_label(Role::MultilineTextInput, text);
        field.focus();
        self.harness.run_steps(1);
        self.harness
            .key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        self.harness.run_steps(1);
        self.harness
            .get_by_role_and_label(Role::MultilineTextInput, text)
            .type_text("嗨 {使用者}，全館滿 NT$1,000 免運！");
        self.harness.run_steps(2);
        let unknown = match language {
            Language::ZhTw => {
                "預存回覆「shipping」用了 livecue 不認得的替換欄位 {使用者}；能用的只有 {user}"
            }
            Language::En => {
                "saved reply \"shipping\" uses the placeholder {使用者}, which livecue does not know; placeholders are {user}"
            }
        };
        self.check(
            "editor, a saved reply's problem",
            language,
            unknown,
            unknown,
        );
        // Beside the reply, and in the list under the tab's name.
        assert_eq!(self.harness.query_all_by_label_contains(unknown).count(), 2);
        assert!(shows(
            &self.harness,
            &match language {
                Language::ZhTw => format!("預存回覆：{unknown}"),
                Language::En => format!("Saved replies: {unknown}"),
            }
        ));
    }

    /// The plan editor (F5): its tabs, a problem next to a field, the unsaved-changes
    /// question, and a new plan from a template in the interface's language.
    fn editor(&mut self, language: Language) {
        self.key(Key::F5);
        self.check("editor, show", language, "從範本新增", "New from template");
        self.click(language, "段落", "Segments");
        self.check("editor, segments", language, "新增段落", "Add segment");
        // The second segment 80 minutes long: the total is over the window, said beside
        // the running-time bar and in the problems list.
        self.click(language, "第 2 段詳細資料", "Details 2");
        let duration = match language {
            Language::ZhTw => "長度",
            Language::En => "Duration",
        };
        self.type_into(duration, "80m");
        self.check(
            "editor, running time over",
            language,
            "不在目標 55:00–75:00 內：多了",
            "outside the target window 55:00–75:00",
        );
        // A duration that does not read: said next to the field (and in the list).
        self.type_into(duration, "9q");
        self.check(
            "editor, problem next to a field",
            language,
            "「9q」不是長度",
            "invalid duration \"9q\"",
        );
        assert_eq!(
            self.harness
                .query_all_by_label_contains(match language {
                    Language::ZhTw => "「9q」不是長度",
                    Language::En => "invalid duration \"9q\"",
                })
                .count(),
            2,
            "beside the field and in the problems list"
        );
        // The list names the tab the problem is on, with full-width punctuation.
        assert!(shows(
            &self.harness,
            match language {
                Language::ZhTw => "段落：「9q」不是長度",
                Language::En => "Segments: invalid duration \"9q\"",
            }
        ));
        self.click(language, "提示", "Cues");
        self.check("editor, cues", language, "新增提示", "Add cue");
        self.click(language, "提問", "Questions");
        self.check(
            "editor, questions",
            language,
            "匯入提問",
            "Import questions",
        );
        self.click(language, "來賓與商品", "Guests & products");
        self.check("editor, people", language, "新增來賓", "Add guest");
        // Validation's own problems in the interface language: the guest the plan's
        // cue 4 invites (and segment 4 names) deleted.
        self.click(language, "刪除來賓 1", "Delete guest 1");
        self.click(language, "提示", "Cues");
        let invites = match language {
            Language::ZhTw => "提示 4 邀請的 @nurse.lin 不在 `guests` 裡",
            Language::En => "cue 4 invites @nurse.lin, who is not in `guests`",
        };
        self.check(
            "editor, a problem from validation",
            language,
            invites,
            invites,
        );
        assert_eq!(
            self.harness.query_all_by_label_contains(invites).count(),
            2,
            "beside the cue and in the problems list"
        );
        assert!(shows(
            &self.harness,
            match language {
                Language::ZhTw => "段落：第 4 段的來賓「nurse.lin」不在 `guests` 裡",
                Language::En =>
                    "Segments: segment 4 names guest \"nurse.lin\", who is not in `guests`",
            }
        ));
        self.click(language, "媒體", "Media");
        self.check("editor, media", language, "新增媒體", "Add media");
        self.click(language, "檢查清單", "Checklist");
        self.check("editor, checklist", language, "新增項目", "Add item");
        self.click(language, "留言過濾", "Filter");
        self.check("editor, filter", language, "隱藏連結", "Hide links");
        self.replies(language);

        // A template over the changes: asked first.
        self.click(language, "從範本新增", "New from template");
        self.check(
            "editor, unsaved changes",
            language,
            "有未儲存的變更。要先儲存嗎？",
            "has unsaved changes. Save them first?",
        );
        // Discarded: the first template, in the interface's language.
        self.click(language, "放棄變更", "Discard changes");
        let lang = match language {
            Language::ZhTw => Lang::ZhTw,
            Language::En => Lang::En,
        };
        let template = TEMPLATES[0].plan(lang).unwrap();
        assert_eq!(self.harness.state().editor().plan(), &template);
        self.check(
            "editor, new from template",
            language,
            "已用「新品發表」範本（zh-TW）新增企劃",
            "New plan from the product-launch template (en)",
        );
    }
}

#[test]
fn every_screen_in_chinese_has_no_english_left() {
    let mut walk = Walk::open(Language::ZhTw);
    walk.every_screen(Language::ZhTw);
    assert_eq!(walk.seen.len(), 32, "{:?}", walk.seen);
}

#[test]
fn every_screen_in_english_is_english() {
    let mut walk = Walk::open(Language::En);
    walk.every_screen(Language::En);
    assert_eq!(walk.seen.len(), 32, "{:?}", walk.seen);
}

#[test]
fn f9_and_the_button_switch_every_screen_at_once_and_the_choice_is_remembered() {
    let mut walk = Walk::open(Language::ZhTw);
    let settings = Settings::path_in(walk._dir.path());
    assert!(!settings.exists(), "nothing is written before a switch");
    walk.check("pre-flight", Language::ZhTw, "開播前", "Before going live");

    walk.key(Key::F9);
    assert_eq!(walk.harness.state().language(), Language::En);
    // Every screen is English now, without visiting it first in English.
    for (key, label) in [
        (Key::F1, "Before going live"),
        (Key::F2, "press Space to start"),
        (Key::F3, "The show so far"),
        (Key::F4, "Shows"),
    ] {
        walk.key(key);
        assert!(shows(&walk.harness, label), "{label:?} after F9");
        assert!(!shows(&walk.harness, "開播前"));
    }
    assert_eq!(
        Settings::load(&settings).unwrap().language,
        Some(Language::En)
    );

    // The button in the screen bar (named in the other language) switches back.
    walk.harness.get_by_label("中文").click();
    walk.harness.run_steps(3);
    assert_eq!(walk.harness.state().language(), Language::ZhTw);
    walk.key(Key::F2);
    walk.check(
        "host screen",
        Language::ZhTw,
        "按 Space 開始",
        "press Space to start",
    );
    assert_eq!(
        Settings::load(&settings).unwrap().language,
        Some(Language::ZhTw)
    );
}

#[test]
fn a_damaged_settings_file_is_said_and_left_as_it_was() {
    let mut walk = Walk::open(Language::En);
    let settings = Settings::path_in(walk._dir.path());
    std::fs::write(&settings, "(language: Klingon)").unwrap();
    walk.key(Key::F9);
    // The switch holds for this run; the file is not written over; the on-air screen
    // says why the choice will not be remembered.
    assert_eq!(walk.harness.state().language(), Language::ZhTw);
    walk.key(Key::F2);
    assert!(shows(&walk.harness, "無法記住介面語言"));
    assert_eq!(
        std::fs::read_to_string(&settings).unwrap(),
        "(language: Klingon)"
    );
}
