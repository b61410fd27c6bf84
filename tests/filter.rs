//! The comment filter through its public API: what a producer would notice.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use chrono::{DateTime, Duration, Utc};
use livecue::comments::{Comment, Filter, Reason, Verdict, normalize, sanitize_for_display};
use livecue::plan::FilterSettings;

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn at(secs: i64) -> DateTime<Utc> {
    "2026-11-21T12:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::seconds(secs)
}

fn comment(id: &str, user: &str, text: &str, secs: i64) -> Comment {
    Comment {
        id: id.into(),
        user: user.into(),
        text: text.into(),
        ts: at(secs),
        platform: None,
    }
}

fn default_filter() -> Filter {
    Filter::new(&FilterSettings::default()).unwrap()
}

/// Classifies each text from its own user, a minute apart.
fn verdicts(filter: &mut Filter, texts: &[&str]) -> Vec<Verdict> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            filter.classify(&comment(
                &format!("c{i}"),
                &format!("user{i}"),
                t,
                i as i64 * 60,
            ))
        })
        .collect()
}

#[test]
fn everyday_words_are_never_offensive() {
    let everyday = [
        "Kiitos",
        "Спасибо",
        "class",
        "assistant",
        "Scunthorpe",
        "Kiitos paljon, ihana väri!",
        "Hyvää päivää kaikille",
        "Tilasin juuri, pakko saada",
        "Onko tätä tavaraa vielä?",
        "Спасибо большое за эфир",
        "Какая разница между кремами?",
        "Сколько стоит доставка?",
        "classic cocktail class with my assistant",
        "passionate about bass",
        "Essex, Sussex, Middlesex",
        "shiitake mushrooms",
        "I love the nude shade",
        "xx love you xxx",
        "Do you have S/M sizes?",
        "this will make me come back",
        "what a cute bunny",
        "cocktail hour",
        "Hancock",
        "grapes",
        "therapist",
        "analysis of the formula",
        "button",
        "hello from Dickinson",
        "Matsushita",
        "好好看喔",
        "牛奶味的嗎",
        "這款乳液好用嗎",
        "女性愛用款",
        "你在幹嘛",
        "乾燥肌可以用嗎",
        "我們去做愛心活動",
        "出口交易",
        "今日你們有直播嗎",
        "手機八折",
        "炸雞八折",
        "體操比賽",
        "個性愛好",
        "女性交流會",
        "想上你們的課",
        "插你的卡就可以",
        "好好干你的活",
        "你老母親還好嗎",
        "他媽媽很喜歡",
        "祝你全家平安",
        "生日快樂",
        "我媽的生日",
        "靠背很舒服",
        "老二出生了",
        "处女座的我",
        "卵磷脂",
        "月經期間可以用嗎",
        "牛肉棒好吃",
        "表情色彩很豐富",
        "这个乳液好用吗",
        "干净清爽",
        "女性爱用",
        "個性交友",
        "處女座",
        "屁股好痛",
        "私服穿搭",
        "ありがとうございます",
        "감사합니다",
        "สวัสดีครับ",
        "नमस्ते दोस्तों",
    ];
    let mut filter = default_filter();
    for (text, v) in everyday.iter().zip(verdicts(&mut filter, &everyday)) {
        assert!(
            v.shown,
            "{text:?} was hidden: {:?} {:?}",
            v.reasons, v.matched
        );
    }
}

#[test]
fn offensive_words_are_hidden_in_every_language() {
    let offensive = [
        ("fuck you", "fuck"),
        ("what a b1tch", "bitch"),
        ("F U C K", "fuck"),
        ("shut up asshole", "asshole"),
        ("vittu mikä lähetys", "vittu"),
        ("PERKELE", "perkele"),
        ("ты блядь", "блядь"),
        ("пиздец", "пизд"),
        ("ну ты и сука", "сука"),
        ("幹你娘", "干你娘"),
        ("干你娘", "干你娘"),
        ("他媽的爛貨", "他妈的"),
        ("王 八 蛋", "王八蛋"),
        ("機掰", "機掰"),
        ("傻逼主播", "傻逼"),
        ("🖕", "🖕"),
    ];
    let texts: Vec<&str> = offensive.iter().map(|(t, _)| *t).collect();
    let mut filter = default_filter();
    for ((text, word), v) in offensive.iter().zip(verdicts(&mut filter, &texts)) {
        assert_eq!(v.reasons, [Reason::Offensive], "{text:?}");
        assert!(!v.shown);
        assert_eq!(v.matched.as_deref(), Some(*word), "{text:?}");
    }
    // With the setting off, the same comments show.
    let mut lenient = Filter::new(&FilterSettings {
        hide_offensive: false,
        ..FilterSettings::default()
    })
    .unwrap();
    assert!(verdicts(&mut lenient, &texts).iter().all(|v| v.shown));
}

#[test]
fn hidden_words_from_a_file_in_every_script() {
    let words = livecue::comments::parse_word_list(
        "# hidden words\n假貨\nscam\nтупой\nโกหก\nबकवास\nhuijaus\n",
    );
    let mut filter = Filter::with_hidden_words(&FilterSettings::default(), &words).unwrap();
    let hidden = [
        "這是假货吧",
        "SCAM!!",
        "s.c.a.m",
        "ѕсаm",
        "sc4m",
        "it's a s c a m",
        // `ты тупой` is offensive as well now (aimed at a person): the plan's word alone.
        "тупой вопрос",
        "พูดโกหกทั้งนั้น",
        "यह बकवास है",
        "Täyttä huijausta? ei, HUIJAUS",
    ];
    for (text, v) in hidden.iter().zip(verdicts(&mut filter, &hidden)) {
        assert_eq!(v.reasons, [Reason::HiddenWord], "{text:?}");
    }
    let shown = ["scampi for dinner", "is cam working?", "тупик", "बकवासी"];
    for (text, v) in shown.iter().zip(verdicts(&mut filter, &shown)) {
        assert!(v.shown, "{text:?}: {:?}", v.matched);
    }
}

#[test]
fn repeats_and_floods_follow_the_comment_timestamps() {
    let mut filter = default_filter();
    let mut say = |id: &str, user: &str, text: &str, secs: i64| {
        filter.classify(&comment(id, user, text, secs)).reasons
    };
    assert_eq!(say("a1", "amy", "Buy my course now", 0), []);
    assert_eq!(
        say("a2", "bo", "Buy my course now", 1),
        [],
        "another user may say it"
    );
    assert_eq!(
        say("a3", "amy", "buy my course NOW!!", 30),
        [Reason::SpamRepeat]
    );
    assert_eq!(
        say("a4", "amy", "buy my course now", 200),
        [],
        "a minute later it is new"
    );
    assert_eq!(
        say("a5", "@Amy", "Buy my course now", 201),
        [Reason::SpamRepeat]
    );

    let different = [
        "hello there",
        "what a show",
        "love the colour",
        "where is it from",
        "so good",
    ];
    for (i, text) in (0..5).zip(different) {
        assert_eq!(say(&format!("f{i}"), "fast", text, 1000 + i), []);
    }
    assert_eq!(
        say("f5", "fast", "one more thing", 1005),
        [Reason::SpamFlood]
    );
    assert_eq!(say("f6", "fast", "calm again", 1030), []);

    let mut quiet = Filter::new(&FilterSettings {
        hide_repeats: false,
        ..FilterSettings::default()
    })
    .unwrap();
    for i in 0..10 {
        assert!(
            quiet
                .classify(&comment(&format!("q{i}"), "amy", "same", i))
                .shown
        );
    }
}

#[test]
fn optional_rules_and_blocked_users() {
    let texts = ["THIS IS THE BEST LIVE EVER", "😍😍😍😍😍😍😍😍😍😍"];
    let mut by_default = default_filter();
    assert!(verdicts(&mut by_default, &texts).iter().all(|v| v.shown));
    let mut strict = Filter::new(&FilterSettings {
        hide_all_caps: true,
        hide_emoji_floods: true,
        blocked_users: vec!["@Spammer".into()],
        highlighted_users: vec!["guest.star".into()],
        ..FilterSettings::default()
    })
    .unwrap();
    let v = verdicts(&mut strict, &texts);
    assert_eq!(v[0].reasons, [Reason::Caps]);
    assert_eq!(v[1].reasons, [Reason::EmojiFlood]);
    let v = strict.classify(&comment("b1", "spammer", "hello", 999));
    assert_eq!(v.reasons, [Reason::BlockedUser]);
    assert!(strict.is_highlighted("@Guest.Star"));
    assert!(!strict.is_highlighted("spammer"));
}

#[test]
fn links_and_spam_phrases() {
    let texts = [
        "visit www.cheap-followers.example now",
        "free stuff at growfast dot com",
        "go to shop.tw",
        "follow for follow 🙏",
        "f4f?",
        "互粉嗎",
        "互關互關",
        "взаимная подписка",
        "seuraa takaisin",
    ];
    let mut filter = default_filter();
    let v = verdicts(&mut filter, &texts);
    for i in 0..3 {
        assert!(v[i].reasons.contains(&Reason::SpamLink), "{}", texts[i]);
    }
    for i in 3..texts.len() {
        assert_eq!(v[i].reasons, [Reason::SpamPhrase], "{}", texts[i]);
        assert!(v[i].matched.is_some());
    }
    let mut lenient = Filter::new(&FilterSettings {
        hide_links: false,
        spam_phrases: vec!["giveaway".into()],
        ..FilterSettings::default()
    })
    .unwrap();
    let v = verdicts(&mut lenient, &["see www.shop.com", "GIVEAWAY time"]);
    assert!(v[0].shown);
    assert_eq!(v[1].reasons, [Reason::SpamPhrase]);
}

#[test]
fn only_shown_comments_are_questions_and_repeats_link_to_the_first() {
    let mut filter = Filter::with_hidden_words(&FilterSettings::default(), ["垃圾"]).unwrap();
    let v = verdicts(
        &mut filter,
        &[
            "運費怎麼算",
            "垃圾桶在哪裡買的？",
            "請問運費是怎麼算的呢",
            "什麼時候補貨",
            "什麼時候出貨",
            "运费怎么算？",
            "does it ship to Japan?",
            "does it ship to Korea?",
            "Does it ship to japan",
            "love it",
        ],
    );
    let q: Vec<bool> = v.iter().map(|v| v.question).collect();
    assert_eq!(
        q,
        [true, false, true, true, true, true, true, true, true, false]
    );
    let dup: Vec<Option<&str>> = v.iter().map(|v| v.duplicate_of.as_deref()).collect();
    assert_eq!(
        dup,
        [
            None,
            None,
            Some("c0"),
            None,
            None,
            Some("c0"),
            None,
            None,
            Some("c6"),
            None
        ]
    );
}

#[test]
fn verdicts_are_deterministic_and_serialise_matched_only_when_present() {
    let input = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/comments_dev.jsonl"),
    )
    .unwrap();
    let comments: Vec<Comment> = input
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let run = || {
        let mut f =
            Filter::with_hidden_words(&FilterSettings::default(), ["fake", "假貨"]).unwrap();
        comments.iter().map(|c| f.classify(c)).collect::<Vec<_>>()
    };
    assert_eq!(run(), run());
    let v = run();
    let hidden = serde_json::to_string(&v[0]).unwrap();
    assert_eq!(
        hidden,
        r#"{"id":"d0","shown":false,"reasons":["hidden_word"],"question":false,"duplicate_of":null,"matched":"假貨"}"#
    );
    let shown = serde_json::to_string(&v[27]).unwrap();
    assert_eq!(
        shown,
        r#"{"id":"d27","shown":true,"reasons":[],"question":true,"duplicate_of":null}"#
    );
    let back: Verdict = serde_json::from_str(&shown).unwrap();
    assert_eq!(back, v[27]);
}

#[test]
fn normaliser_and_display_sanitiser_are_public() {
    assert_eq!(normalize("Ｆ.Ａ.Ｋ.Ｅ 假 貨"), "fake 假货");
    assert_eq!(normalize("Йогурт, ВКУСНЫЙ"), "йогурт вкусный");
    assert_eq!(sanitize_for_display("abc\u{202E}dlrow\u{200B}"), "abcdlrow");
}

fn fixture_lines(name: &str) -> Vec<serde_json::Value> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `tests/fixtures/offensive_forms.jsonl`: for each way people write abuse — a symbol
/// for a letter, Russian roots behind prefixes, Finnish inflection, letters spelt out,
/// Taiwanese Mandarin and Hokkien, insults aimed at a person — comments that must hide
/// and everyday words and names that must show.
#[test]
fn offensive_forms_hide_and_everyday_words_show() {
    let cases = fixture_lines("offensive_forms.jsonl");
    let mut filter = default_filter();
    let mut failures = Vec::new();
    let mut per_class: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for (i, case) in cases.iter().enumerate() {
        let text = case["text"].as_str().unwrap();
        let class = case["class"].as_str().unwrap();
        let want_shown = case["shown"].as_bool().unwrap();
        let v = filter.classify(&comment(
            &format!("o{i}"),
            &format!("user{i}"),
            text,
            i as i64 * 60,
        ));
        let counts = per_class.entry(class.to_owned()).or_default();
        if want_shown {
            counts.1 += 1;
        } else {
            counts.0 += 1;
        }
        if v.shown != want_shown {
            failures.push(format!(
                "{class}: {text:?} shown={} (expected {want_shown}) {:?} {:?}",
                v.shown, v.reasons, v.matched
            ));
        } else if !want_shown {
            assert_eq!(v.reasons, [Reason::Offensive], "{text:?}");
            assert!(v.matched.is_some(), "{text:?}");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every class has comments that must hide and words that must show.
    for class in [
        "masked",
        "ru_roots",
        "fi_forms",
        "spelt_out",
        "taiwanese",
        "aimed",
    ] {
        let (hide, show) = per_class.get(class).copied().unwrap_or_default();
        assert!(hide >= 5 && show >= 5, "{class}: {hide} hide, {show} show");
    }
}

/// `tests/fixtures/duplicate_questions.jsonl`, read by the filter: the second asking
/// points at the first exactly when the fixture puts them in one entry (the sticker
/// questions of a line are the session's business, see `tests/session.rs`).
#[test]
fn near_duplicate_questions_from_the_fixture() {
    let mut failures = Vec::new();
    for case in fixture_lines("duplicate_questions.jsonl") {
        if case.get("planned").is_some() {
            continue;
        }
        let note = case["note"].as_str().unwrap();
        let askings: Vec<(String, String)> = case["askings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a[0].as_str().unwrap().to_owned(),
                    a[1].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let together = |i: usize| -> usize {
            case["entries"]
                .as_array()
                .unwrap()
                .iter()
                .position(|e| e.as_array().unwrap().iter().any(|k| k == &format!("c{i}")))
                .unwrap()
        };
        let mut filter = default_filter();
        let mut first_of_entry: std::collections::HashMap<usize, String> = Default::default();
        for (i, (user, text)) in askings.iter().enumerate() {
            let id = format!("c{i}");
            let v = filter.classify(&comment(&id, user, text, i as i64 * 90));
            assert!(v.question && v.shown, "{note}: {text:?} {v:?}");
            let expected = first_of_entry.get(&together(i)).cloned();
            if v.duplicate_of != expected {
                failures.push(format!(
                    "{note}: {text:?} duplicate_of {:?}, expected {expected:?}",
                    v.duplicate_of
                ));
            }
            first_of_entry.entry(together(i)).or_insert(id);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The `classify` benchmark's corpus is what viewers of a shopping live write, in seven
/// languages: no comment of it is offensive. With the benchmark's 5,000 hidden words the
/// verdicts are the same whether the offensive lists are on or off, so the lists (and
/// their forms, symbols for letters, names) add no hide there either.
#[test]
fn the_benchmark_corpus_has_no_offensive_comment() {
    let comments = corpus::corpus();
    let mut filter = default_filter();
    let offensive: Vec<(&str, Verdict)> = comments
        .iter()
        .map(|c| (c.text.as_str(), filter.classify(c)))
        .filter(|(_, v)| v.reasons.contains(&Reason::Offensive) || v.matched.is_some())
        .collect();
    assert!(
        offensive.is_empty(),
        "{:?}",
        &offensive[..offensive.len().min(5)]
    );

    let words = corpus::hidden_words();
    let mut with = Filter::with_hidden_words(&FilterSettings::default(), &words).unwrap();
    let mut without = Filter::with_hidden_words(
        &FilterSettings {
            hide_offensive: false,
            ..FilterSettings::default()
        },
        &words,
    )
    .unwrap();
    let mut hidden = 0;
    for c in &comments {
        let v = with.classify(c);
        assert_eq!(v, without.classify(c), "{:?}", c.text);
        assert!(!v.reasons.contains(&Reason::Offensive), "{:?}", c.text);
        hidden += usize::from(!v.shown);
    }
    // The hidden words do hide some of it: the comparison above is not empty.
    assert!(hidden > 0);
}
