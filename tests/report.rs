//! `livecue report` on shows run through the real session code: a replay source through
//! the show runner on a manual clock, the host's actions at scripted times. Every figure
//! in `summary.json` is checked against counts this test makes itself from what it sent
//! and did (the filter's verdicts are the filter's business; counting them is the
//! report's), the CSV files are read back with the `csv` crate, and the chart decoded.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use livecue::comments::{Reason, Verdict};
use livecue::plan::{self, Plan};
use livecue::questions::{QuestionKey, QuestionState};
use livecue::runner::{ShowClock, ShowRunner, ShowSetup, plan_filter};
use livecue::session::{Action, JournalTarget, Session, read_journal};
use livecue::show::ManualClock;
use livecue::sources::{SourceSettings, no_notify};
use serde_json::Value;

const SEC: i64 = 1_000;
const MIN: i64 = 60 * SEC;

/// Clock times (ms since the journal's epoch) of the host's actions in the main show.
const START: i64 = 2 * MIN;
const WARMUP_END: i64 = 8 * MIN;
/// The intro moves on by itself after its 4 minutes.
const INTRO_END: i64 = 12 * MIN;
const SERUM_END: i64 = 25 * MIN;
const GUEST_END: i64 = 37 * MIN;
const CLEANSER_END: i64 = 40 * MIN;
const QA_END: i64 = 52 * MIN;
const OFFER_END: i64 = 57 * MIN;
const END: i64 = 62 * MIN + 30 * SEC;
/// The app froze from here ...
const FREEZE_FROM: i64 = 21 * MIN + 50 * SEC;
/// ... to here: the cue due at show 20:00 (clock 22:00) and the serum's cue at 10:30
/// into the segment (22:30) fire late, at 22:40.
const FREEZE_TO: i64 = 22 * MIN + 40 * SEC;
const LAST: i64 = 64 * MIN;

fn bundled_plan() -> Arc<Plan> {
    Arc::new(plan::parse(livecue::EXAMPLE_PLAN, "skincare").unwrap())
}

fn epoch() -> DateTime<Utc> {
    // 20:00 in Taipei (the plan's time zone), a Saturday.
    "2026-11-28T12:00:00Z".parse().unwrap()
}

/// Something the test does at a clock time.
#[derive(Clone, Debug)]
enum What {
    Comment {
        id: String,
        user: String,
        text: String,
    },
    Do(Action),
}

fn comment(at: i64, id: &str, user: &str, text: &str) -> (i64, What) {
    (
        at,
        What::Comment {
            id: id.into(),
            user: user.into(),
            text: text.into(),
        },
    )
}

fn act(at: i64, action: Action) -> (i64, What) {
    (at, What::Do(action))
}

/// Texts a comment carries that a spreadsheet must not run, and texts that must come
/// back exactly.
const HYPERLINK: &str = "=HYPERLINK(\"x\")";
const PLUS: &str = "+886 912 345 678 請私訊";
const AT: &str = "@sunrise.skincare.tw 今天好美";
const QUOTES: &str = "他說\"這瓶超好用\"，真的嗎？";
const NEWLINES: &str = "第一行\n第二行：質地很清爽\r\n第三行";

/// The main show's script.
fn script() -> Vec<(i64, What)> {
    use Action::*;
    let mut s = vec![
        comment(10 * SEC, "p1", "amy.tw", "哈囉大家好"),
        comment(30 * SEC, "p2", "helsinki.fan", "Hi from Helsinki!"),
        comment(50 * SEC, "p3", "masha", "Привет из Москвы"),
        comment(MIN + 20 * SEC, "p4", "amy.tw", "等好久了"),
        act(START, StartShow),
        act(WARMUP_END, NextSegment),
        act(14 * MIN, AdjustTime { delta_ms: MIN }),
        act(SERUM_END, NextSegment),
        act(GUEST_END, NextSegment),
        act(CLEANSER_END, JumpTo(5)),
        act(
            42 * MIN,
            SetQuestionState(QuestionKey::Planned("s1".into()), QuestionState::Answered),
        ),
        act(
            43 * MIN,
            SetQuestionState(QuestionKey::Comment("q1".into()), QuestionState::Answered),
        ),
        act(
            44 * MIN,
            SetQuestionState(QuestionKey::Planned("s5".into()), QuestionState::Skipped),
        ),
        act(45 * MIN + 30 * SEC, PromoteComment("nl".into())),
        act(
            46 * MIN,
            SetQuestionState(QuestionKey::Comment("nl".into()), QuestionState::Answered),
        ),
        act(QA_END, NextSegment),
        act(OFFER_END, NextSegment),
        act(END, EndShow),
        // Texts a spreadsheet must not run, and texts that must come back exactly.
        comment(9 * MIN, "hl", "trickster", HYPERLINK),
        comment(9 * MIN + 10 * SEC, "plus", "phone.guy", PLUS),
        comment(9 * MIN + 20 * SEC, "at", "fan.one", AT),
        comment(10 * MIN, "quotes", "kuo_hsin", QUOTES),
        comment(10 * MIN + 30 * SEC, "nl", "multi.line", NEWLINES),
        comment(10 * MIN + 40 * SEC, "tab", "tabby", "\tindented"),
        // Questions; the later ones repeat the first and merge into it.
        comment(13 * MIN, "q1", "mei.lin", "請問敏感肌可以用嗎？"),
        comment(13 * MIN + 20 * SEC, "q2", "yuting.c", "請問敏感肌可以用嗎"),
        comment(16 * MIN, "q3", "lin.yu", "敏感肌可以用嗎？"),
        comment(20 * MIN, "q4", "alex_tpe", "運費怎麼算？"),
        comment(20 * MIN + 30 * SEC, "q5", "hsu.pei", "請問運費怎麼算？"),
        comment(
            26 * MIN + 30 * SEC,
            "q6",
            "sam.k",
            "Is there a discount code for first-time buyers?",
        ),
        comment(41 * MIN, "q7", "chiayi.wu", "孕婦可以用嗎？"),
        // Complaints and order problems, in four languages.
        comment(15 * MIN, "k1", "wang.li", "上次買的還沒收到貨耶"),
        comment(
            26 * MIN,
            "k2",
            "jane.d",
            "I want a refund for my last order",
        ),
        comment(
            30 * MIN + 5 * SEC,
            "k3",
            "olga",
            "посылка не пришла уже месяц",
        ),
        comment(33 * MIN, "k4", "mikko", "paketti ei tullut perille"),
        comment(45 * MIN, "k5", "chen.w", "收到的瓶子壞掉了"),
        // Hidden by the plan's words, spam phrases and links.
        comment(17 * MIN, "h1", "angry.one", "這是假貨吧"),
        comment(18 * MIN, "h2", "angry.two", "垃圾產品"),
        comment(19 * MIN, "h3", "spam.bot", "互粉互粉"),
        comment(24 * MIN, "h4", "link.bot", "free followers at bit.ly/xyz"),
        comment(
            24 * MIN + 10 * SEC,
            "h5",
            "link.bot",
            "free followers at bit.ly/xyz",
        ),
        // After the end.
        comment(63 * MIN, "a1", "amy.tw", "謝謝大家 下次見"),
        comment(
            63 * MIN + 30 * SEC,
            "a2",
            "late.comer",
            "I want a refund, it never arrived",
        ),
    ];
    // Everyday chatter every 20 seconds from a rotating crowd.
    const CHATTER: [&str; 12] = [
        "好美喔",
        "這個顏色好適合冬天",
        "Love this serum so much",
        "the serum texture looks great",
        "質地看起來很清爽",
        "Спасибо за эфир",
        "Kiitos, tosi hyvä live",
        "主持人今天好漂亮",
        "已經下單兩瓶了",
        "my serum arrived yesterday, smells nice",
        "哈哈哈 太可愛了",
        "期待優惠碼",
    ];
    let mut n = 0;
    let mut at = START + 10 * SEC;
    while at < END {
        s.push(comment(
            at,
            &format!("c{n}"),
            &format!("viewer{}", n % 29),
            CHATTER[n % CHATTER.len()],
        ));
        n += 1;
        at += 20 * SEC;
    }
    // A burst in show minute 30, during the guest.
    for i in 0..30 {
        s.push(comment(
            START + 30 * MIN + 15 * SEC + i * SEC,
            &format!("b{i}"),
            &format!("burst{i}"),
            &format!("護理師說得好清楚！第 {i} 次來看"),
        ));
    }
    s.sort_by_key(|(at, _)| *at);
    s
}

/// What the test sent, and where it believes the show was then.
#[derive(Clone, Debug)]
struct Sent {
    id: String,
    user: String,
    text: String,
    at: i64,
    /// `None` before the start or after the end.
    segment: Option<usize>,
    after: bool,
}

struct Ran {
    sent: Vec<Sent>,
    verdicts: HashMap<String, Verdict>,
}

/// Runs a script through the runner with a replay source; the journal goes to `folder`.
fn run_show(
    plan: &Arc<Plan>,
    script: &[(i64, What)],
    folder: &Path,
    epoch: DateTime<Utc>,
    last: i64,
    auto_advance: Option<(i64, usize)>,
) -> Ran {
    let clock = ManualClock::new();
    let setup = ShowSetup {
        plan: Arc::clone(plan),
        classifier: plan_filter(plan.filter.clone(), Vec::new()),
        clock: ShowClock::Manual {
            clock: clock.clone(),
            epoch,
        },
        notify: no_notify(),
    };
    let mut runner = ShowRunner::new_show(setup, JournalTarget::Folder(folder.to_owned())).unwrap();

    // The replay file: every scripted comment in order, with its own time.
    let replay = folder.with_extension("comments.jsonl");
    let mut lines = String::new();
    for (at, what) in script {
        if let What::Comment { id, user, text } = what {
            let ts = epoch + chrono::TimeDelta::milliseconds(*at);
            lines.push_str(
                &serde_json::json!({"id": id, "user": user, "text": text, "ts": ts}).to_string(),
            );
            lines.push('\n');
        }
    }
    std::fs::write(&replay, lines).unwrap();
    let spec = format!("replay:{}@max", replay.display()).parse().unwrap();
    runner.connect(SourceSettings::new(spec)).unwrap();

    let mut sent = Vec::new();
    let mut segment: Option<usize> = None;
    let mut after = false;
    let mut now = 0;
    let mut next = 0;
    loop {
        if let Some((at, to)) = auto_advance
            && now >= at
            && segment == Some(to - 1)
        {
            segment = Some(to);
        }
        while next < script.len() && script[next].0 <= now {
            match &script[next].1 {
                What::Do(action) => {
                    assert!(runner.perform(action.clone()), "{action:?} at {now}");
                    match action {
                        Action::StartShow => segment = Some(0),
                        Action::NextSegment => segment = segment.map(|s| s + 1),
                        Action::JumpTo(i) => segment = Some(*i),
                        Action::EndShow => {
                            segment = None;
                            after = true;
                        }
                        _ => {}
                    }
                }
                What::Comment { id, user, text } => {
                    let want = runner.live().session().comments().len() + 1;
                    let deadline = Instant::now() + Duration::from_secs(20);
                    while runner.live().session().comments().len() < want {
                        assert!(Instant::now() < deadline, "comment {id} never came");
                        if runner.pump(1) == 0 {
                            std::thread::sleep(Duration::from_millis(1));
                        }
                    }
                    let got = runner.live().session().comments().last().unwrap();
                    assert_eq!(&got.comment.id, id);
                    sent.push(Sent {
                        id: id.clone(),
                        user: user.clone(),
                        text: text.clone(),
                        at: now,
                        segment,
                        after,
                    });
                }
            }
            next += 1;
        }
        if now >= last {
            break;
        }
        let step = if now == FREEZE_FROM && last > FREEZE_TO {
            FREEZE_TO - FREEZE_FROM
        } else {
            SEC
        };
        clock.advance_ms(step);
        now += step;
        runner.tick();
    }
    let verdicts = runner
        .live()
        .session()
        .comments()
        .iter()
        .map(|e| (e.comment.id.clone(), e.verdict.clone()))
        .collect();
    runner.stop_source();
    drop(runner);
    Ran { sent, verdicts }
}

fn livecue(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_livecue"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Rows of a CSV file as maps from column to cell, the byte-order mark checked and
/// taken off.
fn read_csv(path: &Path, bom: bool) -> Vec<HashMap<String, String>> {
    let bytes = std::fs::read(path).unwrap();
    let bytes = match bytes.strip_prefix("\u{FEFF}".as_bytes()) {
        Some(rest) => {
            assert!(bom, "{}: unexpected BOM", path.display());
            rest.to_vec()
        }
        None => {
            assert!(!bom, "{}: no BOM", path.display());
            bytes
        }
    };
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// The cell this test expects for a text a viewer wrote (OWASP's leading quote).
fn neutral(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn show_time(ms: i64) -> String {
    let s = ms / 1000;
    format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

fn u(v: &Value) -> usize {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}")) as usize
}

#[test]
fn a_show_run_through_the_runner_reports_every_figure() {
    let plan = bundled_plan();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("2026-11-28_200000-skincare");
    let script = script();
    let ran = run_show(&plan, &script, &folder, epoch(), LAST, Some((INTRO_END, 2)));
    let sent = &ran.sent;
    let verdict = |id: &str| ran.verdicts[id].clone();

    // The bundled plan's hash matches: no --plan needed. --excel for BOM and CR LF.
    let stdout = ok(&livecue(&["report", folder.to_str().unwrap(), "--excel"]));
    let out = folder.join("report");
    assert!(
        stdout.contains(&format!("{} comments", sent.len())),
        "{stdout}"
    );
    let summary = read_json(&out.join("summary.json"));

    // --- The show.
    let show = &summary["show"];
    assert_eq!(show["title"], plan.title.as_str());
    assert_eq!(show["state"], "ended");
    assert_eq!(show["plan_matches"], true);
    assert_eq!(show["time_zone"], "Asia/Taipei");
    assert_eq!(show["local_start"], "2026-11-28 20:02");
    assert_eq!(show["weekday"], "Saturday");
    assert_eq!(show["running_ms"], END - START);
    assert_eq!(show["planned_ms"], 62 * MIN);
    assert_eq!(show["over_ms"], END - START - 62 * MIN);
    assert_eq!(show["window"], "inside");
    assert_eq!(show["torn_tail"], false);
    assert_eq!(show["resumes"], 0);

    // --- Comments, from the verdicts of what was sent.
    let c = &summary["comments"];
    let shown: Vec<&Sent> = sent.iter().filter(|s| verdict(&s.id).shown).collect();
    let hidden = sent.len() - shown.len();
    assert_eq!(u(&c["received"]), sent.len());
    assert_eq!(u(&c["shown"]), shown.len());
    assert_eq!(u(&c["hidden"]), hidden);
    assert!(hidden >= 5, "the script hides at least five comments");
    for entry in c["hidden_by_reason"].as_array().unwrap() {
        let reason: Reason = serde_json::from_value(entry["reason"].clone()).unwrap();
        let n = sent
            .iter()
            .filter(|s| {
                let v = verdict(&s.id);
                !v.shown && v.reasons.contains(&reason)
            })
            .count();
        assert_eq!(u(&entry["comments"]), n, "{reason:?}");
    }
    let mut matched: BTreeMap<String, usize> = BTreeMap::new();
    for s in sent {
        let v = verdict(&s.id);
        if let (false, Some(m)) = (v.shown, v.matched) {
            *matched.entry(m).or_default() += 1;
        }
    }
    let reported: BTreeMap<String, usize> = c["top_matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["text"].as_str().unwrap().to_owned(), u(&m["count"])))
        .collect();
    assert_eq!(reported, matched);
    assert!(matched.contains_key("假貨") && matched.contains_key("互粉"));
    let questions: Vec<&Sent> = sent
        .iter()
        .filter(|s| {
            let v = verdict(&s.id);
            v.shown && v.question
        })
        .collect();
    assert_eq!(u(&c["questions_detected"]), questions.len());
    let repeats = questions
        .iter()
        .filter(|s| verdict(&s.id).duplicate_of.is_some())
        .count();
    assert_eq!(u(&c["questions_repeated"]), repeats);
    assert!(repeats >= 2, "q2, q3 and q5 repeat earlier questions");
    let before = sent
        .iter()
        .filter(|s| s.segment.is_none() && !s.after)
        .count();
    let after = sent.iter().filter(|s| s.after).count();
    let during = sent.len() - before - after;
    assert_eq!(
        (
            u(&c["before_show"]),
            u(&c["during_show"]),
            u(&c["after_show"])
        ),
        (before, during, after)
    );
    assert_eq!((before, after), (4, 2));
    let rate = during as f64 * 60_000.0 / (END - START) as f64;
    assert!((c["rate_per_min"].as_f64().unwrap() - rate).abs() < 1e-9);

    // --- Minute by minute, from show minute -2 (the first comment) to 61.
    let mut minutes: BTreeMap<i64, (usize, usize, usize)> = BTreeMap::new();
    for s in sent {
        let m = minutes.entry((s.at - START).div_euclid(MIN)).or_default();
        let v = verdict(&s.id);
        m.0 += 1;
        m.1 += usize::from(v.shown);
        m.2 += usize::from(v.shown && v.question);
    }
    let rows = summary["per_minute"].as_array().unwrap();
    let first = *minutes.keys().next().unwrap();
    let last = *minutes.keys().last().unwrap();
    assert_eq!((first, last), (-2, 61));
    assert_eq!(rows.len() as i64, last - first + 1);
    for row in rows {
        let minute = row["minute"].as_i64().unwrap();
        let (received, shown, qs) = minutes.get(&minute).copied().unwrap_or_default();
        assert_eq!(u(&row["received"]), received, "minute {minute}");
        assert_eq!(u(&row["shown"]), shown, "minute {minute}");
        assert_eq!(u(&row["hidden"]), received - shown, "minute {minute}");
        assert_eq!(u(&row["questions"]), qs, "minute {minute}");
        let start: DateTime<Utc> = serde_json::from_value(row["start"].clone()).unwrap();
        assert_eq!(
            start,
            epoch() + chrono::TimeDelta::milliseconds(START + minute * MIN)
        );
    }
    let (peak_minute, peak) = minutes
        .iter()
        .map(|(m, v)| (*m, v.0))
        .max_by_key(|(m, n)| (*n, -m))
        .unwrap();
    assert_eq!(peak_minute, 30, "the burst");
    assert_eq!(u(&c["peak"]["comments"]), peak);
    assert_eq!(c["peak"]["minute"], peak_minute);
    assert_eq!(c["peak"]["segment"], plan.segments[3].title.as_str());

    // --- Commenters.
    let mut by_user: HashMap<&str, usize> = HashMap::new();
    for s in sent {
        *by_user.entry(s.user.as_str()).or_default() += 1;
    }
    assert_eq!(u(&summary["commenters"]["unique"]), by_user.len());
    for top in summary["commenters"]["top"].as_array().unwrap() {
        assert_eq!(u(&top["comments"]), by_user[top["user"].as_str().unwrap()]);
    }
    let most = by_user.values().max().unwrap();
    assert_eq!(u(&summary["commenters"]["top"][0]["comments"]), *most);

    // --- Segments planned against actual, with their comments.
    let actual = [
        WARMUP_END - START,
        INTRO_END - WARMUP_END,
        SERUM_END - INTRO_END,
        GUEST_END - SERUM_END,
        CLEANSER_END - GUEST_END,
        QA_END - CLEANSER_END,
        OFFER_END - QA_END,
        END - OFFER_END,
    ];
    let segs = summary["segments"].as_array().unwrap();
    assert_eq!(segs.len(), 8);
    for (i, seg) in segs.iter().enumerate() {
        let planned = plan.segments[i].duration.ms();
        assert_eq!(seg["title"], plan.segments[i].title.as_str());
        assert_eq!(seg["planned_ms"], planned, "segment {i}");
        assert_eq!(seg["actual_ms"], actual[i], "segment {i}");
        assert_eq!(seg["over_ms"], actual[i] - planned, "segment {i}");
        assert_eq!(seg["adjusted_ms"], if i == 2 { MIN } else { 0 });
        assert_eq!(seg["runs"], 1);
        assert_eq!(seg["skipped"], false);
        let mine: Vec<&Sent> = sent.iter().filter(|s| s.segment == Some(i)).collect();
        assert_eq!(u(&seg["comments"]), mine.len(), "segment {i}");
        let qs = mine
            .iter()
            .filter(|s| {
                let v = verdict(&s.id);
                v.shown && v.question
            })
            .count();
        assert_eq!(u(&seg["questions"]), qs, "segment {i}");
        let rate = mine.len() as f64 * 60_000.0 / actual[i] as f64;
        assert!((seg["rate_per_min"].as_f64().unwrap() - rate).abs() < 1e-9);
        let mut per_min: BTreeMap<i64, usize> = BTreeMap::new();
        for s in &mine {
            *per_min.entry((s.at - START).div_euclid(MIN)).or_default() += 1;
        }
        let (m, n) = per_min
            .iter()
            .map(|(m, n)| (*m, *n))
            .max_by_key(|(m, n)| (*n, -m))
            .unwrap();
        assert_eq!(
            (
                seg["peak_minute"].as_i64().unwrap(),
                u(&seg["peak_comments"])
            ),
            (m, n)
        );
    }
    // The cleanser was cut short by the jump to Q&A.
    assert_eq!(segs[4]["over_ms"], -5 * MIN);

    // --- Questions: the plan's six, each live question that repeated none already
    // queued, and the comment promoted by hand.
    let q = &summary["questions"];
    let mut live_keys: Vec<String> = Vec::new();
    let mut merged = 0;
    for s in &questions {
        match verdict(&s.id).duplicate_of {
            Some(first) if live_keys.contains(&first) => merged += 1,
            _ => live_keys.push(s.id.clone()),
        }
    }
    live_keys.push("nl".into());
    // A live question that repeats a pre-collected one joins it; the journal says so
    // with an automatic `question_merged`.
    let journal = read_journal(&folder.join("journal.jsonl")).unwrap();
    let joined_ids: Vec<String> = journal
        .events
        .iter()
        .map(|e| serde_json::to_value(e).unwrap())
        .filter(|v| v["type"] == "question_merged" && v["by_hand"] == false)
        .map(|v| v["question"]["id"].as_str().unwrap().to_owned())
        .collect();
    let joined = joined_ids.len();
    merged += joined;
    assert_eq!(u(&q["planned"]), plan.questions.len());
    assert_eq!(u(&q["live"]), live_keys.len());
    assert_eq!(u(&q["total"]), plan.questions.len() + live_keys.len());
    assert_eq!(u(&q["merged"]), merged);
    assert_eq!((u(&q["answered"]), u(&q["skipped"])), (3, 1));
    // Answered 3, skipped 1, and the ones that joined a pre-collected question.
    let left = plan.questions.len() + live_keys.len() - 4 - joined;
    assert_eq!(u(&q["left"]), left);
    let list = q["list"].as_array().unwrap();
    let texts: Vec<&str> = list.iter().map(|x| x["text"].as_str().unwrap()).collect();
    for p in &plan.questions {
        assert!(texts.contains(&p.text.as_str()));
    }
    for key in &live_keys {
        let s = sent.iter().find(|s| &s.id == key).unwrap();
        let row = list.iter().find(|x| x["id"] == key.as_str()).unwrap();
        assert_eq!(row["text"], s.text.as_str());
        // One that joined a pre-collected question lists its asker there.
        if !joined_ids.contains(key) {
            assert_eq!(row["asker"], s.user.as_str());
        }
        assert_eq!(row["asked_show_ms"], s.at - START);
        let title = s.segment.map(|i| plan.segments[i].title.as_str());
        assert_eq!(row["segment"].as_str(), title);
    }
    let q1 = list.iter().find(|x| x["id"] == "q1").unwrap();
    assert_eq!(q1["state"], "answered");
    assert!(
        q1["also_asked_by"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "yuting.c"),
        "{q1}"
    );

    // The report keeps the queue itself (the session would keep every comment): it
    // must be the queue the show's own session folds from the same journal.
    let session = Session::replay(Arc::clone(&plan), &journal.events);
    let queue = session.questions().all();
    assert_eq!(queue.len(), list.len());
    for (q, row) in queue.iter().zip(list) {
        let id = match &q.key {
            QuestionKey::Planned(id) | QuestionKey::Comment(id) => id.as_str(),
        };
        assert_eq!(row["id"], id);
        assert_eq!(row["text"], q.text.as_str());
        assert_eq!(row["asker"].as_str(), q.asker());
        let also: Vec<&str> = row["also_asked_by"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert_eq!(also, q.askers()[1.min(q.askers().len())..].to_vec());
        let state: QuestionState = serde_json::from_value(row["state"].clone()).unwrap();
        assert_eq!(state, q.state);
    }

    // --- Cues: every one fired; the two due while the app was frozen, late.
    let cues = &summary["cues"];
    assert_eq!(
        (
            u(&cues["planned"]),
            u(&cues["fired"]),
            u(&cues["on_time"]),
            u(&cues["late"])
        ),
        (7, 7, 5, 2)
    );
    let late: Vec<(i64, i64)> = cues["list"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "late")
        .map(|c| (c["index"].as_i64().unwrap(), c["late_ms"].as_i64().unwrap()))
        .collect();
    // Cue 3 is Show("20:00"), due at clock 22:00; cue 4 is 10:30 into the serum (22:30).
    assert_eq!(
        late,
        vec![
            (3, FREEZE_TO - 22 * MIN),
            (4, FREEZE_TO - 22 * MIN - 30 * SEC)
        ]
    );

    // --- Follow-ups: complaints (bots left out) and every question left.
    let complaint_ids = ["k1", "k2", "k3", "k4", "k5", "a2"];
    let followups = summary["followups"].as_array().unwrap();
    let complaints: Vec<&str> = followups
        .iter()
        .filter(|f| f["kind"] == "complaint")
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(complaints, complaint_ids);
    let k3 = followups.iter().find(|f| f["id"] == "k3").unwrap();
    assert_eq!(k3["matched"], "не пришла");
    assert_eq!(k3["user"], "olga");
    assert_eq!(k3["segment"], plan.segments[3].title.as_str());
    assert_eq!(k3["show_ms"], 30 * MIN + 5 * SEC - START);
    let unanswered = followups
        .iter()
        .filter(|f| f["kind"] == "unanswered_question")
        .count();
    assert_eq!(unanswered, left);
    let times: Vec<Option<DateTime<Utc>>> = followups
        .iter()
        .map(|f| serde_json::from_value(f["at"].clone()).unwrap())
        .collect();
    let dated: Vec<_> = times.iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "by time");

    // --- Words: counted once per shown comment.
    let words: HashMap<&str, usize> = summary["words"]["words"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["text"].as_str().unwrap(), u(&w["count"])))
        .collect();
    let with_word = |w: &str| {
        shown
            .iter()
            .filter(|s| {
                s.text
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|x| x == w)
            })
            .count()
    };
    assert_eq!(words.get("serum").copied(), Some(with_word("serum")));
    let clear = shown.iter().filter(|s| s.text.contains("清楚")).count();
    assert_eq!(words.get("清楚").copied(), Some(clear));
    assert!(!words.contains_key("the") && !words.contains_key("嗎"));

    // --- comments.csv: every comment, in order, texts exact or neutralised.
    let rows = read_csv(&out.join("comments.csv"), true);
    assert!(
        std::fs::read(out.join("comments.csv"))
            .unwrap()
            .ends_with(b"\r\n")
    );
    assert_eq!(rows.len(), sent.len());
    for (row, s) in rows.iter().zip(sent) {
        let v = verdict(&s.id);
        assert_eq!(row["id"], s.id);
        assert_eq!(row["text"], neutral(&s.text), "{}", s.id);
        assert_eq!(row["user"], s.user);
        assert_eq!(row["shown"], if v.shown { "yes" } else { "no" });
        let reasons: Vec<&str> = v.reasons.iter().map(|r| r.as_str()).collect();
        assert_eq!(row["reasons"], reasons.join(";"));
        assert_eq!(row["matched"], v.matched.clone().unwrap_or_default());
        assert_eq!(
            row["duplicate_of"],
            v.duplicate_of.clone().unwrap_or_default()
        );
        let segment = match (s.segment, s.after) {
            (Some(i), _) => plan.segments[i].title.clone(),
            (None, false) => "before the show".into(),
            (None, true) => "after the show".into(),
        };
        assert_eq!(row["segment"], segment, "{}", s.id);
        let show = if s.segment.is_some() || s.after {
            show_time(s.at - START)
        } else {
            String::new()
        };
        assert_eq!(row["show_time"], show, "{}", s.id);
        let local = (epoch() + chrono::TimeDelta::milliseconds(s.at))
            .with_timezone(&chrono_tz::Asia::Taipei)
            .format("%Y-%m-%d %H:%M:%S")
            .to_string();
        assert_eq!(row["time"], local);
    }
    let by_id = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(by_id("hl")["text"], "'=HYPERLINK(\"x\")");
    assert_eq!(by_id("plus")["text"], format!("'{PLUS}"));
    assert_eq!(by_id("at")["text"], format!("'{AT}"));
    assert_eq!(by_id("tab")["text"], "'\tindented");
    assert_eq!(by_id("quotes")["text"], QUOTES);
    assert_eq!(by_id("nl")["text"], NEWLINES);
    assert_eq!(by_id("k1")["followup"], "還沒收到");

    // --- The other tables.
    let per_minute = read_csv(&out.join("per_minute.csv"), true);
    assert_eq!(per_minute.len(), (last - first + 1) as usize);
    for row in &per_minute {
        let minute: i64 = row["minute"].parse().unwrap();
        assert_eq!(
            row["received"].parse::<usize>().unwrap(),
            minutes.get(&minute).map_or(0, |m| m.0)
        );
    }
    let segments = read_csv(&out.join("segments.csv"), true);
    assert_eq!(segments.len(), 8);
    for (i, row) in segments.iter().enumerate() {
        assert_eq!(row["title"], plan.segments[i].title);
        assert_eq!(row["actual_s"], (actual[i] / 1000).to_string());
        assert_eq!(
            row["over_s"],
            ((actual[i] - plan.segments[i].duration.ms()) / 1000).to_string()
        );
    }
    let questions_csv = read_csv(&out.join("questions.csv"), true);
    assert_eq!(questions_csv.len(), list.len());
    let nl = questions_csv.iter().find(|r| r["id"] == "nl").unwrap();
    assert_eq!(nl["text"], NEWLINES);
    assert_eq!(nl["state"], "answered");
    assert_eq!(nl["segment"], plan.segments[1].title);
    let followups_csv = read_csv(&out.join("followups.csv"), true);
    assert_eq!(followups_csv.len(), followups.len());
    let k1 = followups_csv.iter().find(|r| r["id"] == "k1").unwrap();
    assert_eq!(
        (
            k1["kind"].as_str(),
            k1["user"].as_str(),
            k1["text"].as_str()
        ),
        ("complaint", "wang.li", "上次買的還沒收到貨耶")
    );
    assert_eq!(k1["segment"], plan.segments[2].title);

    // --- The chart and the page.
    let chart = image::open(out.join("chart.png")).unwrap();
    assert_eq!(
        (chart.width(), chart.height()),
        (livecue::report::CHART_WIDTH, livecue::report::CHART_HEIGHT)
    );
    assert!(chart.width() >= 1200 && chart.height() >= 500);
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.contains("![Comments per minute](chart.png)"));
    assert!(md.contains(&plan.segments[3].title));

    // Without --excel: no BOM, the same rows.
    let plain = dir.path().join("plain");
    ok(&livecue(&[
        "report",
        folder.join("journal.jsonl").to_str().unwrap(),
        "--out",
        plain.to_str().unwrap(),
    ]));
    let again = read_csv(&plain.join("comments.csv"), false);
    assert_eq!(again, rows);
    assert_eq!(
        read_json(&plain.join("summary.json"))["comments"],
        summary["comments"]
    );
}

/// A short show of another plan, for the trend table.
fn other_plan() -> Arc<Plan> {
    let src = r#"(
    title: "Espresso at home",
    goal: (kind: Engagement, summary: "teach"),
    scheduled_start: (date: "2026-12-03", time: "19:30", time_zone: "Europe/Helsinki"),
    target: (min: "10m", max: "20m"),
    segments: [
        (id: "hello", title: "Hello", kind: WarmUp, duration: "3m"),
        (id: "pull", title: "Pulling a shot", kind: Content, duration: "10m"),
    ],
    followup_words: ["grinder jammed"],
)"#;
    Arc::new(plan::parse(src, "espresso.ron").unwrap())
}

#[test]
fn several_shows_make_a_trend_table_and_a_plan_is_found_by_its_hash() {
    let dir = tempfile::tempdir().unwrap();
    let main = dir.path().join("main-show");
    let ran_main = run_show(
        &bundled_plan(),
        &script(),
        &main,
        epoch(),
        LAST,
        Some((INTRO_END, 2)),
    );

    let other = other_plan();
    let espresso = dir.path().join("espresso");
    let script = vec![
        comment(20 * SEC, "e1", "barista", "Morning!"),
        act(MIN, Action::StartShow),
        comment(2 * MIN, "e2", "liisa", "my grinder jammed again, help"),
        act(4 * MIN, Action::NextSegment),
        comment(5 * MIN, "e3", "barista", "How fine should the grind be?"),
        comment(5 * MIN + 10 * SEC, "e4", "liisa", "Kiitos!"),
        act(13 * MIN, Action::EndShow),
    ];
    // A Thursday evening in Helsinki.
    let espresso_epoch: DateTime<Utc> = "2026-12-03T17:29:00Z".parse().unwrap();
    let ran = run_show(&other, &script, &espresso, espresso_epoch, 14 * MIN, None);
    assert_eq!(ran.sent.len(), 4);

    // Without its plan, the espresso show cannot be reported: it says how to fix that.
    let out = dir.path().join("out");
    let failed = livecue(&[
        "report",
        main.to_str().unwrap(),
        espresso.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!failed.status.success());
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(
        stderr.contains("Espresso at home") && stderr.contains("--plan"),
        "{stderr}"
    );

    // A plan file next to the journal is found by its hash.
    std::fs::write(espresso.join("espresso.ron"), plan::to_ron(&other).unwrap()).unwrap();
    let stdout = ok(&livecue(&[
        "report",
        espresso.to_str().unwrap(),
        main.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]));
    assert!(stdout.contains("| show | weekday |"), "{stdout}");
    let a = read_json(&out.join("main-show/summary.json"));
    let b = read_json(&out.join("espresso/summary.json"));
    assert_eq!(b["show"]["weekday"], "Thursday");
    assert_eq!(b["show"]["local_start"], "2026-12-03 19:30");
    assert_eq!(b["show"]["running_ms"], 12 * MIN);
    assert_eq!(u(&b["comments"]["received"]), 4);
    let complaints: Vec<&Value> = b["followups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "complaint")
        .collect();
    assert_eq!(complaints.len(), 1, "the plan's own follow-up word");
    assert_eq!(complaints[0]["matched"], "grinder jammed");

    // The trend table, oldest show first, each row the figures of its summary.
    let trend = read_csv(&out.join("trend.csv"), false);
    assert_eq!(trend.len(), 2);
    for (row, (name, s, n)) in trend
        .iter()
        .zip([("main-show", &a, ran_main.sent.len()), ("espresso", &b, 4)])
    {
        assert_eq!(row["show"], name);
        assert_eq!(row["comments"], n.to_string());
        assert_eq!(row["commenters"], s["commenters"]["unique"].to_string());
        assert_eq!(
            row["questions"],
            s["comments"]["questions_detected"].to_string()
        );
        assert_eq!(row["weekday"], s["show"]["weekday"].as_str().unwrap());
        assert_eq!(row["start"], s["show"]["local_start"].as_str().unwrap());
        assert_eq!(
            row["running_time"],
            show_time(s["show"]["running_ms"].as_i64().unwrap())
        );
        assert_eq!(
            row["peak_comments"],
            s["comments"]["peak"]["comments"].to_string()
        );
    }
    assert!(
        std::fs::read_to_string(out.join("trend.md"))
            .unwrap()
            .contains("Saturday")
    );
}
