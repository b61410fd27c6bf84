//! `livecue login`, run as the real binary. No keychain is reachable here (the D-Bus
//! session address points nowhere), so these tests never touch a real keychain.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design
#![cfg(target_os = "linux")]

use std::io::Write;
use std::process::{Command, Output, Stdio};

const SECRET: &str = "EAAloginSECRET987zyx";

fn login(args: &[&str], stdin: &str) -> Output {
    let runtime = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_livecue"))
        .arg("login")
        .args(args)
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/livecue-test-bus",
        )
        .env("XDG_RUNTIME_DIR", runtime.path())
        .env_remove("LIVECUE_IG_TOKEN")
        .env_remove("LIVECUE_FB_TOKEN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn without_a_keychain_login_fails_clearly_and_never_prints_the_token() {
    let out = login(&["instagram"], &format!("{SECRET}\n"));
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("keychain"), "{stderr}");
    assert!(stderr.contains("environment"), "{stderr}");
    assert!(
        !stdout.contains(SECRET) && !stderr.contains(SECRET),
        "{stdout}{stderr}"
    );
}

#[test]
fn empty_input_is_refused() {
    let out = login(&["facebook"], "\n");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("no token given"), "{stderr}");
}

#[test]
fn unknown_platform_is_a_usage_error() {
    let out = login(&["twitch"], "");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("instagram") && stderr.contains("facebook"),
        "{stderr}"
    );
}

#[test]
fn help_says_how_to_get_a_token_with_the_needed_permissions() {
    let out = Command::new(env!("CARGO_BIN_EXE_livecue"))
        .args(["login", "--help"])
        .output()
        .unwrap();
    let help = text(&out.stdout);
    assert!(out.status.success(), "{help}");
    for part in [
        "instagram_manage_comments",
        "pages_read_user_content",
        "Extend Access",
        "/me/accounts",
        "Use the Page token",
        "does not expire",
    ] {
        assert!(help.contains(part), "`{part}` missing from:\n{help}");
    }
}
