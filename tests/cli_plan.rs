//! `livecue check` and `livecue rundown`, run as the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs livecue in an English locale (`rundown` follows the locale).
fn livecue(args: &[&str], dir: &Path) -> Output {
    livecue_in("en_US.UTF-8", args, dir)
}

/// Runs livecue with `LANG` set and nothing overriding it.
fn livecue_in(lang: &str, args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_livecue"))
        .args(args)
        .current_dir(dir)
        .env("LANG", lang)
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run livecue")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const GOOD: &str = r#"(
    title: "Test plan",
    goal: (kind: Engagement, summary: "Say hello"),
    segments: [
        (title: "Warm-up", kind: WarmUp, duration: "5m"),
        (title: "Main", kind: Content, duration: "50m"),
        (title: "Bye", kind: Closing, duration: "5m"),
    ],
)
"#;

fn write_plan(dir: &Path, name: &str, src: &str) {
    std::fs::write(dir.join(name), src).unwrap();
}

#[test]
fn every_example_plan_passes_check() {
    let plans: Vec<String> = std::fs::read_dir(repo().join("plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| format!("plans/{}", p.file_name().unwrap().to_str().unwrap()))
        .collect();
    assert!(plans.len() >= 3, "{plans:?}");
    let mut args = vec!["check"];
    args.extend(plans.iter().map(String::as_str));
    let out = livecue(&args, &repo());
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    assert_eq!(text(&out.stdout).matches(": ok — ").count(), plans.len());
    assert_eq!(text(&out.stderr), "", "no warnings either");
}

#[test]
fn syntax_error_prints_file_line_col_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    write_plan(
        dir.path(),
        "broken.ron",
        &GOOD.replace("kind: Content,", "kind: Content"),
    );
    let out = livecue(&["check", "broken.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.starts_with("broken.ron:6:"), "{err}");
    let first = err.lines().next().unwrap();
    // The missing comma belongs right after `Content`.
    assert!(
        first.starts_with("broken.ron:6:38: error: expected comma"),
        "{first}"
    );
    assert!(first.contains(": error: "), "{first}");
}

#[test]
fn forty_minute_plan_reports_total_and_window() {
    let dir = tempfile::tempdir().unwrap();
    write_plan(dir.path(), "short.ron", &GOOD.replace("\"50m\"", "\"30m\""));
    let out = livecue(&["check", "short.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "short.ron:4:15: error: planned running time is 40:00, outside the target window 55:00–75:00: 15:00 short"
        ),
        "{err}"
    );
}

#[test]
fn misspelt_field_is_named_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    write_plan(
        dir.path(),
        "typo.ron",
        &GOOD.replace("kind: Content, duration:", "kind: Content, durration:"),
    );
    let out = livecue(&["check", "typo.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.starts_with("typo.ron:6:"), "{err}");
    assert!(
        err.contains("unknown field `durration` in segment; did you mean `duration`?"),
        "{err}"
    );
}

#[test]
fn warnings_print_but_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let src = GOOD.replace(
        "    segments:",
        "    media: [(id: \"pic\", path: \"missing.png\", caption: \"x\")],\n    segments:",
    );
    write_plan(dir.path(), "warn.ron", &src);
    let out = livecue(&["check", "warn.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let err = text(&out.stderr);
    assert!(
        err.contains("warn.ron:4:31: warning: media file \"missing.png\" is missing"),
        "{err}"
    );
    assert_eq!(
        text(&out.stdout),
        "warn.ron: ok — 3 segments, 60:00 planned (target 55:00–75:00), 1 warning(s)\n"
    );
}

#[test]
fn one_bad_plan_fails_the_run_but_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    write_plan(dir.path(), "a.ron", GOOD);
    write_plan(dir.path(), "b.ron", &GOOD.replace("\"5m\"", "\"0s\""));
    write_plan(dir.path(), "c.ron", GOOD);
    let out = livecue(
        &["check", "a.ron", "b.ron", "c.ron", "missing.ron"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("a.ron: ok") && stdout.contains("c.ron: ok"),
        "{stdout}"
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("b.ron:5:52: error: segment 1 \"Warm-up\" has zero length"),
        "{err}"
    );
    assert!(err.contains("b.ron: 3 error(s), 0 warning(s)"), "{err}");
    assert!(err.contains("missing.ron: No such file"), "{err}");
}

#[test]
fn a_missing_plan_says_no_such_file_once() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["check", "missing.ron"][..],
        &["rundown", "missing.ron"],
        &["missing.ron"],
    ] {
        let out = livecue(args, dir.path());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = text(&out.stderr);
        assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
        assert!(
            err.contains("missing.ron: No such file or directory"),
            "{err}"
        );
    }
}

#[test]
fn misspelt_endings_and_missing_commas_are_placed_and_explained() {
    let dir = tempfile::tempdir().unwrap();
    write_plan(
        dir.path(),
        "typo.ron",
        &GOOD.replace("kind: Content, duration:", "kind: Content, durashun:"),
    );
    let err = text(&livecue(&["check", "typo.ron"], dir.path()).stderr);
    assert!(
        err.contains("unknown field `durashun` in segment; did you mean `duration`?"),
        "{err}"
    );
    write_plan(
        dir.path(),
        "comma.ron",
        &GOOD.replace("summary: \"Say hello\"),", "summary: \"Say hello\")"),
    );
    let err = text(&livecue(&["check", "comma.ron"], dir.path()).stderr);
    assert!(
        err.starts_with("comma.ron:3:51: error: expected comma"),
        "{err}"
    );
}

#[test]
fn rundown_prints_the_running_order() {
    let out = livecue(&["rundown", "plans/espresso-workshop.en.ron"], &repo());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let table = text(&out.stdout);
    assert!(
        table.contains("Planned: 70:00 (target 55:00–75:00)"),
        "{table}"
    );
    let guest_row = table
        .lines()
        .find(|l| l.contains("Guest: Maya from Harbour Roasters"))
        .unwrap();
    assert!(
        guest_row.starts_with("5  33:00   12:00  guest"),
        "{guest_row}"
    );
    assert!(
        table.contains("32:00 invite @maya.roasts (Maya Lindqvist) ♪"),
        "{table}"
    );
}

#[test]
fn without_a_display_the_app_says_why_instead_of_hanging() {
    // Tests run headless: `livecue` with no arguments tries to open the window with the
    // bundled example, and must fail with a clear message and exit 1.
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_livecue"))
        .args(["--data-dir", "data"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("livecue: error: could not open the window"),
        "{err}"
    );
    assert!(err.contains("DISPLAY"), "{err}");
}

#[test]
fn rundown_follows_the_locale_and_other_messages_stay_english() {
    let plan = "plans/espresso-workshop.en.ron";
    let zh = text(&livecue_in("zh_TW.UTF-8", &["rundown", plan], &repo()).stdout);
    assert!(zh.contains("預定長度：70:00（目標 55:00–75:00）"), "{zh}");
    assert!(
        zh.contains("開始") && zh.contains("段落") && zh.contains("提示"),
        "{zh}"
    );
    assert!(
        zh.contains("32:00 邀請 @maya.roasts（Maya Lindqvist） ♪"),
        "{zh}"
    );
    let guest_row = zh
        .lines()
        .find(|l| l.contains("Maya from Harbour"))
        .unwrap();
    assert!(guest_row.contains("來賓"), "{guest_row}");
    assert!(!zh.contains("Planned:"), "{zh}");
    // Hong Kong and the script tag read Traditional Chinese too; Simplified does not.
    for lang in ["zh_HK.UTF-8", "zh_TW"] {
        let out = text(&livecue_in(lang, &["rundown", plan], &repo()).stdout);
        assert!(out.contains("預定長度："), "{lang}: {out}");
    }
    let cn = text(&livecue_in("zh_CN.UTF-8", &["rundown", plan], &repo()).stdout);
    assert!(cn.contains("Planned: 70:00"), "{cn}");
    // An error is English whatever the locale: scripts read it.
    let err = livecue_in("zh_TW.UTF-8", &["rundown", "missing.ron"], &repo());
    assert_eq!(err.status.code(), Some(1));
    assert!(
        text(&err.stderr).contains("missing.ron"),
        "{}",
        text(&err.stderr)
    );
    assert!(text(&err.stderr).is_ascii(), "{}", text(&err.stderr));
}

#[test]
fn rundown_without_a_plan_prints_the_bundled_example() {
    let dir = tempfile::tempdir().unwrap();
    let out = livecue(&["rundown"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let table = text(&out.stdout);
    assert!(
        table.starts_with("晨光保養｜玻尿酸保濕精華新品發表"),
        "{table}"
    );
    assert!(table.contains("產品示範：玻尿酸保濕精華"), "{table}");
}

#[test]
fn help_lists_only_commands_that_exist() {
    let out = livecue(&["--help"], &repo());
    assert!(out.status.success());
    let help = text(&out.stdout);
    let commands: Vec<&str> = help
        .split("Commands:")
        .nth(1)
        .unwrap()
        .split("Arguments:")
        .next()
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        commands,
        [
            "check",
            "rundown",
            "classify",
            "record",
            "preflight",
            "report",
            "new",
            "login",
            "accounts",
            "help"
        ]
    );
    for cmd in [
        "check",
        "rundown",
        "classify",
        "record",
        "preflight",
        "report",
        "login",
        "accounts",
    ] {
        let out = livecue(&[cmd, "--help"], &repo());
        assert!(out.status.success(), "{cmd} --help");
    }
}

#[test]
fn new_lists_the_templates_name_first() {
    let dir = tempfile::tempdir().unwrap();
    let out = livecue(&["new", "--list"], dir.path());
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let names: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_owned())
        .collect();
    assert_eq!(
        names,
        [
            "product-launch",
            "expert-qa",
            "workshop",
            "behind-the-scenes"
        ]
    );
}

#[test]
fn every_template_in_both_languages_passes_check_with_no_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut written = Vec::new();
    for name in [
        "product-launch",
        "expert-qa",
        "workshop",
        "behind-the-scenes",
    ] {
        for lang in ["zh-TW", "en"] {
            let file = format!("{name}.{lang}.ron");
            let out = livecue(
                &["new", "--template", name, "--lang", lang, &file],
                dir.path(),
            );
            assert!(out.status.success(), "{file}: {}", text(&out.stderr));
            written.push(file);
        }
    }
    let mut args = vec!["check"];
    args.extend(written.iter().map(String::as_str));
    let out = livecue(&args, dir.path());
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    assert_eq!(text(&out.stdout).matches(": ok — ").count(), 8);
    assert_eq!(text(&out.stderr), "", "no warnings either");
    // The Chinese template is written as Chinese, not escaped.
    let zh = std::fs::read_to_string(dir.path().join("workshop.zh-TW.ron")).unwrap();
    assert!(zh.contains("title: \"直播教學工作坊\""), "{zh}");
}

#[test]
fn new_never_overwrites_without_force_and_names_unknown_templates() {
    let dir = tempfile::tempdir().unwrap();
    write_plan(dir.path(), "mine.ron", GOOD);
    let out = livecue(&["new", "--template", "workshop", "mine.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("already exists"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine.ron")).unwrap(),
        GOOD
    );
    let out = livecue(
        &["new", "--template", "workshop", "--force", "mine.ron"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = livecue(&["new", "--template", "podcast", "x.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no template `podcast`; templates: product-launch"),
        "{}",
        text(&out.stderr)
    );
    assert!(!dir.path().join("x.ron").exists());
    let out = livecue(
        &["new", "--template", "workshop", "--lang", "fi", "x.ron"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "clap's usage error");
    assert!(
        text(&out.stderr).contains("zh-TW or en"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn written_plans_reload_equal_with_a_stable_field_order() {
    let dir = tempfile::tempdir().unwrap();
    let out = livecue(
        &[
            "new",
            "--template",
            "product-launch",
            "--lang",
            "en",
            "p.ron",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let path = dir.path().join("p.ron");
    let written = std::fs::read_to_string(&path).unwrap();
    let (plan, _) = livecue::plan::load(&path).unwrap();
    let template = livecue::plan::templates::find("product-launch").unwrap();
    assert_eq!(
        plan,
        template.plan(livecue::plan::templates::Lang::En).unwrap()
    );
    // Saved again, the file is byte for byte the same (after the template's comment).
    let again = livecue::plan::to_ron(&plan).unwrap();
    assert!(written.ends_with(&format!("{again}\n")), "{written}");
    // Top-level fields come in the plan's own order, whatever order they were typed in.
    let order: Vec<&str> = written
        .lines()
        .filter(|l| l.starts_with("    ") && !l.starts_with("     "))
        .filter_map(|l| l.trim().split_once(':').map(|(k, _)| k))
        .collect();
    assert_eq!(
        order,
        [
            "title",
            "goal",
            "target",
            "segments",
            "questions",
            "cues",
            "guests",
            "products",
            "media",
            "checklist",
            "filter"
        ]
    );
    // Unset optional fields are left out rather than written as None.
    assert!(
        !written.contains("None") && !written.contains("Some("),
        "{written}"
    );
}
