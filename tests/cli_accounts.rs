//! `livecue accounts` and `livecue login facebook --page` as the real binary, against a
//! scripted Graph API on 127.0.0.1: the Pages, the linked Instagram account, the
//! permissions missing for each source — and never a token on screen.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod graph_server;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use graph_server::{FB_PAGE, IG_USER, Model, PAGE_TOKEN, Req, Server};
use serde_json::json;

const TOKEN: &str = "EAAaccountsUSERtoken4242";

fn livecue(server: &Server, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_livecue"));
    cmd.args(args)
        .args(["--graph-url", &server.url()])
        .env("LIVECUE_IG_TOKEN", TOKEN)
        .env_remove("LIVECUE_FB_TOKEN")
        // No keychain here: tokens come from the environment only.
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn text(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn start(rt: &tokio::runtime::Runtime, hook: graph_server::Hook) -> Server {
    rt.block_on(graph_server::start(false, hook))
}

#[test]
fn accounts_lists_the_page_its_instagram_account_and_what_is_missing() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = start(
        &rt,
        Box::new(|m: &mut Model, _: &Req| {
            // A second Page with no Instagram account linked.
            if m.pages.len() == 1 {
                m.pages
                    .push(json!({"id": "104000000000777", "name": "Side Shop",
                    "access_token": "EAAsecondPAGEtoken"}));
            }
            None
        }),
    );
    let output = livecue(&server, &["accounts"]).output().unwrap();
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    println!("{stdout}");
    let all = format!("{stdout}{stderr}");
    for secret in [TOKEN, PAGE_TOKEN, "EAAsecondPAGEtoken"] {
        assert!(!all.contains(secret), "a token was printed:\n{all}");
    }
    assert!(
        stdout.contains(&format!("Sunrise Skincare  Page id {FB_PAGE}")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "Instagram @sunrise.skincare.tw  user id {IG_USER}"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("Side Shop  Page id 104000000000777"),
        "{stdout}"
    );
    assert!(
        stdout.contains("no Instagram professional account linked"),
        "{stdout}"
    );
    // The server grants everything but instagram_manage_comments.
    assert!(
        stdout.contains("instagram source: missing instagram_manage_comments"),
        "{stdout}"
    );
    assert!(
        stdout.contains("facebook source: has all it needs"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Facebook private replies: pages_messaging missing"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("--ig-user-id {IG_USER}")),
        "{stdout}"
    );
    assert!(stdout.contains("speaking for Mei Lin"), "{stdout}");

    // The listing asked with the user's token, for exactly the documented fields.
    let requests = server.requests();
    let listing = requests
        .iter()
        .find(|r| r.path == "/v26.0/me/accounts")
        .expect("asked for /me/accounts");
    assert_eq!(
        listing.query["fields"],
        "id,name,access_token,instagram_business_account{id,username}"
    );
    assert!(
        requests
            .iter()
            .all(|r| r.query.get("access_token").map(String::as_str) == Some(TOKEN))
    );
}

#[test]
fn a_refused_token_is_an_error_without_the_token() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = start(
        &rt,
        Box::new(|_: &mut Model, _: &Req| {
            Some(graph_server::Reply::error(
                401,
                &json!({"error": {"message": format!("Error validating access token {TOKEN}"),
                    "type": "OAuthException", "code": 190, "error_subcode": 463}})
                .to_string(),
            ))
        }),
    );
    let output = livecue(&server, &["accounts"]).output().unwrap();
    let (stdout, stderr) = text(&output);
    assert!(!output.status.success(), "{stdout}\n{stderr}");
    assert!(stderr.contains("the token has expired"), "{stderr}");
    assert!(!format!("{stdout}{stderr}").contains(TOKEN), "{stderr}");
}

#[test]
fn login_page_refuses_a_page_the_user_does_not_manage_and_names_those_it_does() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = start(&rt, Box::new(|_: &mut Model, _: &Req| None));
    let mut child = livecue(&server, &["login", "facebook", "--page", "999999"])
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{TOKEN}\n").as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let (stdout, stderr) = text(&output);
    assert!(!output.status.success(), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("does not manage the Page 999999")
            && stderr.contains(&format!("Sunrise Skincare ({FB_PAGE})")),
        "{stderr}"
    );
    assert!(
        !format!("{stdout}{stderr}").contains(PAGE_TOKEN),
        "{stderr}"
    );
    // Looked up with the user token given on stdin.
    let listing = server
        .requests()
        .into_iter()
        .find(|r| r.path == "/v26.0/me/accounts")
        .expect("asked for /me/accounts");
    assert_eq!(listing.query["access_token"], TOKEN);

    let output = livecue(&server, &["login", "instagram", "--page", FB_PAGE])
        .output()
        .unwrap();
    let (_, stderr) = text(&output);
    assert!(!output.status.success());
    assert!(
        stderr.contains("--page is for `livecue login facebook`"),
        "{stderr}"
    );
}
