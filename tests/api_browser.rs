//! The web pages in a real browser: Debian's Chromium, headless, driven through
//! ChromeDriver (WebDriver) against `livecue record --serve` on 127.0.0.1.
//!
//! Without `chromium` and `chromedriver` the test skips with a loud note, and fails when
//! `CI` is set: `.ci/run` installs both, so CI always runs it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod api_fixture;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use api_fixture::{HTML_ID, HTML_TEXT, QUESTION_ID, QUESTION_TEXT, Served};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// Chromium's flags for a closed network and a root user, as the machine notes give
/// them, with a window the size of the overlay's canvas.
const CHROMIUM_ARGS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1920,1080",
];

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// ChromeDriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start(program: &PathBuf) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let driver = Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn browser(driver: &Driver, chromium: &PathBuf, profile: &std::path::Path) -> Client {
    let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| (*a).to_owned()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".to_owned(),
        json!({ "binary": chromium, "args": args }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .unwrap()
}

/// Runs `script` in the page until it returns `wanted` (10 s at most).
async fn until(page: &Client, what: &str, script: &str, wanted: Value) {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last = Value::Null;
    while Instant::now() < deadline {
        last = page.execute(script, vec![]).await.unwrap();
        if last == wanted {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what}: the page says {last}, not {wanted}");
}

/// An HTTP client (reqwest here is built without a default TLS provider).
fn http() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}

async fn post(served: &Served, action: &str) {
    let r = http()
        .post(format!("{}/api/action/{action}", served.base))
        .bearer_auth(&served.token)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{action}: {}", r.status());
}

#[tokio::test]
async fn the_overlay_shows_a_featured_question_and_the_producer_page_answers_one() {
    let (Some(chromium), Some(chromedriver)) = (
        find_program(&["chromium", "chromium-browser"]),
        find_program(&["chromedriver"]),
    ) else {
        let note = "api_browser: SKIPPED — chromium and chromedriver are not installed \
                    (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
        eprintln!("\n{}\n{note}\n{}\n", "!".repeat(80), "!".repeat(80));
        assert!(std::env::var_os("CI").is_none(), "{note}");
        return;
    };
    let served = tokio::task::spawn_blocking(Served::start).await.unwrap();
    let driver = Driver::start(&chromedriver);
    let profile = tempfile::tempdir().unwrap();
    let page = browser(&driver, &chromium, profile.path()).await;

    // The overlay, as OBS loads it: the link with the token.
    page.goto(&format!("{}/overlay?token={}", served.base, served.token))
        .await
        .unwrap();
    // The token leaves the address bar once the cookie holds it.
    assert!(!page.current_url().await.unwrap().as_str().contains("token"));
    until(
        &page,
        "nothing featured yet",
        "return document.getElementById('card').classList.contains('shown')",
        json!(false),
    )
    .await;
    // Wait for the replayed question, then feature it through the API.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let r = http()
            .post(format!(
                "{}/api/action/feature_question?question=comment:{QUESTION_ID}",
                served.base
            ))
            .bearer_auth(&served.token)
            .send()
            .await
            .unwrap();
        if r.status().is_success() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the question never arrived: {}",
            r.status()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    until(
        &page,
        "the featured question on the overlay",
        "const c = document.getElementById('card'); \
         return c.classList.contains('shown') ? document.getElementById('text').textContent : null",
        json!(QUESTION_TEXT),
    )
    .await;
    let asker = page.find(Locator::Id("name")).await.unwrap();
    assert_eq!(asker.text().await.unwrap(), "@amy.tw");
    post(&served, "clear_featured").await;
    until(
        &page,
        "the overlay cleared",
        "return document.getElementById('card').classList.contains('shown')",
        json!(false),
    )
    .await;

    // The producer page: the question queue, and "Answered" on the live question.
    page.goto(&format!("{}/producer?token={}", served.base, served.token))
        .await
        .unwrap();
    let selector = format!("li.question[data-key='comment:{QUESTION_ID}']");
    until(
        &page,
        "the question in the queue",
        &format!("return document.querySelectorAll(\"{selector}\").length"),
        json!(1),
    )
    .await;
    page.find(Locator::Css(&format!(
        "{selector} button[data-action='answered']"
    )))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    until(
        &page,
        "the answered question gone from the queue",
        &format!("return document.querySelectorAll(\"{selector}\").length"),
        json!(0),
    )
    .await;
    served.wait_for_event("the answer in the journal", |e| {
        matches!(
            e,
            livecue::session::Event::QuestionStateChanged {
                state: livecue::questions::QuestionState::Answered,
                ..
            }
        )
    });

    // A comment written as markup is shown as its text: no element, no script run.
    until(
        &page,
        "the markup comment as text",
        &format!(
            "const t = document.querySelector(\"li.comment[data-id='{HTML_ID}'] .text\"); \
             return t ? t.textContent : null"
        ),
        json!(HTML_TEXT),
    )
    .await;
    let images: Value = page
        .execute("return document.querySelectorAll('img').length", vec![])
        .await
        .unwrap();
    assert_eq!(images, json!(0));
    assert_eq!(page.title().await.unwrap(), "livecue producer");

    page.close().await.unwrap();
}
