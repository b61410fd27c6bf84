//! `livecue classify`, run as the real binary: the shared labelled fixture, stdin,
//! plan settings and malformed input.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `livecue` with `stdin` piped in.
fn livecue_with_stdin(args: &[&str], dir: &Path, stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_livecue"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run livecue");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn every_expectation_of_the_dev_fixture_holds() {
    let dir = fixtures();
    let out = Command::new(env!("CARGO_BIN_EXE_livecue"))
        .args([
            "classify",
            "--hidden-words",
            "hidden_words_dev.txt",
            "--input",
            "comments_dev.jsonl",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");

    let input = std::fs::read_to_string(dir.join("comments_dev.jsonl")).unwrap();
    let cases: Vec<Value> = input
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let stdout = text(&out.stdout);
    let verdicts: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(verdicts.len(), cases.len(), "one verdict per comment");
    assert!(cases.len() >= 50);

    let mut failures = Vec::new();
    for (case, verdict) in cases.iter().zip(&verdicts) {
        assert_eq!(verdict["id"], case["id"], "verdicts come in input order");
        let expect = &case["expect"];
        for field in ["shown", "question"] {
            if verdict[field] != expect[field] {
                failures.push(format!(
                    "{} {:?}: {field} is {}, expected {} ({})",
                    case["id"], case["text"], verdict[field], expect[field], case["note"]
                ));
            }
        }
        // A hidden comment says why; a shown one has no reasons and no `matched`.
        let reasons = verdict["reasons"].as_array().unwrap();
        assert_eq!(
            verdict["shown"].as_bool().unwrap(),
            reasons.is_empty(),
            "{verdict}"
        );
        if reasons.iter().any(|r| r == "hidden_word") {
            assert!(verdict["matched"].is_string(), "{verdict}");
        }
        if verdict["shown"] == true {
            assert!(verdict.get("matched").is_none(), "{verdict}");
        }
        assert!(verdict["duplicate_of"].is_null(), "{verdict}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // The producer sees which word hid a comment, as written in the list.
    let by_id = |id: &str| verdicts.iter().find(|v| v["id"] == id).unwrap();
    assert_eq!(by_id("d3")["matched"], "假貨");
    assert_eq!(by_id("d3")["reasons"], serde_json::json!(["hidden_word"]));
    assert_eq!(by_id("d15")["matched"], "тупой");
    assert_eq!(by_id("d21")["reasons"][0], "spam_link");
    assert_eq!(by_id("d24")["reasons"], serde_json::json!(["spam_phrase"]));
}

const PLAN: &str = r#"(
    title: "Filter test",
    goal: (kind: Engagement, summary: "Test the filter"),
    segments: [
        (title: "Warm-up", kind: WarmUp, duration: "5m"),
        (title: "Main", kind: Content, duration: "50m"),
        (title: "Bye", kind: Closing, duration: "5m"),
    ],
    filter: (
        hidden_words: ["scam"],
        hide_all_caps: true,
        hide_emoji_floods: true,
        spam_phrases: ["giveaway winner"],
        blocked_users: ["@Troll.Account"],
    ),
)
"#;

fn comment_line(id: &str, user: &str, text: &str, secs: u32) -> String {
    serde_json::json!({
        "id": id,
        "user": user,
        "text": text,
        "ts": format!("2026-11-21T12:{:02}:{:02}Z", secs / 60, secs % 60),
    })
    .to_string()
}

#[test]
fn stdin_is_the_default_input_and_plan_settings_apply() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.ron"), PLAN).unwrap();
    let lines = [
        comment_line("c1", "amy", "is this a sc4m?", 0),
        comment_line("c2", "bo", "THIS IS THE BEST LIVE EVER", 1),
        comment_line("c3", "cy", "😍😍😍😍😍😍😍😍", 2),
        comment_line("c4", "dee", "you are a GIVEAWAY winner, dm me", 3),
        comment_line("c5", "troll.account", "hello", 4),
        comment_line("c6", "amy", "運費怎麼算？", 5),
        comment_line("c7", "eve", "請問運費是怎麼算的呢", 6),
        comment_line("c8", "fin", "does it ship to Japan?", 7),
        comment_line("c9", "gus", "does it ship to Korea?", 8),
    ];
    let out = livecue_with_stdin(
        &["classify", "--plan", "plan.ron"],
        dir.path(),
        (lines.join("\n") + "\n").as_bytes(),
    );
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let verdicts: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let reasons: Vec<String> = verdicts.iter().map(|v| v["reasons"].to_string()).collect();
    assert_eq!(
        reasons,
        [
            r#"["hidden_word"]"#,
            r#"["caps"]"#,
            r#"["emoji_flood"]"#,
            r#"["spam_phrase"]"#,
            r#"["blocked_user"]"#,
            "[]",
            "[]",
            "[]",
            "[]",
        ]
    );
    assert_eq!(verdicts[0]["matched"], "scam");
    assert_eq!(verdicts[3]["matched"], "giveaway winner");
    // The same question asked again points at the first asking; a different one does not.
    assert_eq!(verdicts[6]["duplicate_of"], "c6");
    assert!(verdicts[8]["duplicate_of"].is_null());
    assert_eq!(verdicts[8]["question"], true);
}

#[test]
fn malformed_lines_are_reported_by_number_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = Vec::new();
    input.extend_from_slice(comment_line("c1", "a", "hello", 0).as_bytes());
    input.extend_from_slice(b"\n{\"id\": \"c2\", \"text\": \"no timestamp\"}\n");
    input.extend_from_slice(b"\xff\xfe not utf-8\n\n");
    input.extend_from_slice(comment_line("c3", "b", "bye", 1).as_bytes());
    let out = livecue_with_stdin(&["classify"], dir.path(), &input);
    assert_eq!(out.status.code(), Some(1), "a skipped line fails the run");
    let stdout = text(&out.stdout);
    let ids: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids, ["c1", "c3"]);
    let stderr = text(&out.stderr);
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    assert!(
        errors[0].starts_with("stdin:2: error: not a comment: missing field `ts`"),
        "{stderr}"
    );
    assert!(
        errors[1].starts_with("stdin:3: error: not UTF-8"),
        "{stderr}"
    );
}

#[test]
fn missing_files_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = livecue_with_stdin(&["classify", "--hidden-words", "nope.txt"], dir.path(), b"");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("cannot read word list nope.txt"), "{err}");
    let out = livecue_with_stdin(&["classify", "--input", "nope.jsonl"], dir.path(), b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot open nope.jsonl"));
}
