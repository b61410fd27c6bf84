//! The web pages in a real browser: Debian's Chromium, headless, driven through
//! ChromeDriver (WebDriver) against `livecue record --serve` on 127.0.0.1.
//!
//! Without `chromium` and `chromedriver` the test skips with a loud note, and fails when
//! `CI` is set: `.ci/run` installs both, so CI always runs it.
//!
//! The WebDriver calls are the few W3C endpoints the test needs, over reqwest: the Rust
//! WebDriver clients depend on Mozilla's `webdriver` crate, which is MPL-2.0.

#![allow(clippy::unwrap_used, clippy::expect_used)]
// tests fail loudly by design
// Process groups end the browser with its driver; CI runs this on Debian.
#![cfg(unix)]

mod api_fixture;

use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use api_fixture::{HTML_ID, HTML_TEXT, QUESTION_ID, QUESTION_TEXT, Served};
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
        // Its own process group, which the browser it starts joins: dropping the driver
        // ends both, even when the test fails before it closes its session.
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .process_group(0)
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
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The key W3C WebDriver names an element reference by.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One browser session through ChromeDriver.
struct Page {
    http: reqwest::Client,
    session: String,
}

impl Page {
    async fn open(driver: &Driver, chromium: &PathBuf, profile: &std::path::Path) -> Self {
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| (*a).to_owned()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let http = http();
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": chromium, "args": args },
        }}});
        let answer = call(
            &http,
            reqwest::Method::POST,
            &format!("{}/session", driver.url),
            caps,
        )
        .await;
        let id = answer["sessionId"]
            .as_str()
            .expect("a session id")
            .to_owned();
        Self {
            http,
            session: format!("{}/session/{id}", driver.url),
        }
    }

    async fn command(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        call(&self.http, method, &format!("{}{path}", self.session), body).await
    }

    async fn goto(&self, url: &str) {
        self.command(reqwest::Method::POST, "/url", json!({ "url": url }))
            .await;
    }

    async fn current_url(&self) -> String {
        let url = self
            .command(reqwest::Method::GET, "/url", Value::Null)
            .await;
        url.as_str().unwrap().to_owned()
    }

    async fn title(&self) -> String {
        let title = self
            .command(reqwest::Method::GET, "/title", Value::Null)
            .await;
        title.as_str().unwrap().to_owned()
    }

    async fn execute(&self, script: &str) -> Value {
        self.command(
            reqwest::Method::POST,
            "/execute/sync",
            json!({ "script": script, "args": [] }),
        )
        .await
    }

    /// Clicks the element `css` finds, as a pointer would.
    async fn click(&self, css: &str) {
        let found = self
            .command(
                reqwest::Method::POST,
                "/element",
                json!({ "using": "css selector", "value": css }),
            )
            .await;
        let Some(id) = found[ELEMENT].as_str() else {
            panic!("no element {css}: {found}");
        };
        self.command(
            reqwest::Method::POST,
            &format!("/element/{id}/click"),
            json!({}),
        )
        .await;
    }

    async fn close(self) {
        call(
            &self.http,
            reqwest::Method::DELETE,
            &self.session,
            Value::Null,
        )
        .await;
    }
}

/// One WebDriver call; its `value`, or a failed test naming the driver's error.
async fn call(http: &reqwest::Client, method: reqwest::Method, url: &str, body: Value) -> Value {
    let mut request = http.request(method, url);
    if !body.is_null() {
        request = request
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let answer: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert!(status.is_success(), "WebDriver {url}: {status} {answer}");
    answer["value"].clone()
}

/// Runs `script` in the page until it returns `wanted` (10 s at most).
async fn until(page: &Page, what: &str, script: &str, wanted: Value) {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last = Value::Null;
    while Instant::now() < deadline {
        last = page.execute(script).await;
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

/// Chromium and ChromeDriver, or none after a loud note (a failure under CI).
fn browser() -> Option<(PathBuf, PathBuf)> {
    let (Some(chromium), Some(chromedriver)) = (
        find_program(&["chromium", "chromium-browser"]),
        find_program(&["chromedriver"]),
    ) else {
        let note = "api_browser: SKIPPED — chromium and chromedriver are not installed \
                    (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
        eprintln!("\n{}\n{note}\n{}\n", "!".repeat(80), "!".repeat(80));
        assert!(std::env::var_os("CI").is_none(), "{note}");
        return None;
    };
    Some((chromium, chromedriver))
}

#[tokio::test]
async fn the_producer_page_speaks_taiwanese_chinese_when_livecue_does() {
    let Some((chromium, chromedriver)) = browser() else {
        return;
    };
    let served = tokio::task::spawn_blocking(|| Served::start_in(Some("zh_TW.UTF-8")))
        .await
        .unwrap();
    let state = http()
        .get(format!("{}/api/state", served.base))
        .bearer_auth(&served.token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let state: Value = serde_json::from_str(&state).unwrap();
    assert_eq!(state["language"], "zh-TW");

    let driver = Driver::start(&chromedriver);
    let profile = tempfile::tempdir().unwrap();
    let page = Page::open(&driver, &chromium, profile.path()).await;
    page.goto(&format!("{}/producer?token={}", served.base, served.token))
        .await;
    // The header's buttons and the headings, before any question arrives.
    until(
        &page,
        "the Next button in Chinese",
        "return document.querySelector(\"header button[data-action='next']\").textContent",
        json!("下一段"),
    )
    .await;
    let headings = page
        .execute("return Array.from(document.querySelectorAll('h2')).map(h => h.textContent)")
        .await;
    assert_eq!(headings, json!(["疊加畫面上的精選", "提問", "最新留言"]));
    // The replayed question's own buttons.
    let selector = format!("li.question[data-key='comment:{QUESTION_ID}'] button");
    until(
        &page,
        "the question's buttons in Chinese",
        &format!(
            "return Array.from(document.querySelectorAll(\"{selector}\")).map(b => b.textContent)"
        ),
        json!(["已回答", "跳過", "精選"]),
    )
    .await;
    assert_eq!(
        page.execute("return document.documentElement.lang").await,
        json!("zh-Hant-TW")
    );
    page.close().await;
}

#[tokio::test]
async fn the_overlay_shows_a_featured_question_and_the_producer_page_answers_one() {
    let Some((chromium, chromedriver)) = browser() else {
        return;
    };
    let served = tokio::task::spawn_blocking(|| Served::start_in(Some("en_US.UTF-8")))
        .await
        .unwrap();
    let driver = Driver::start(&chromedriver);
    let profile = tempfile::tempdir().unwrap();
    let page = Page::open(&driver, &chromium, profile.path()).await;

    // The overlay, as OBS loads it: the link with the token.
    page.goto(&format!("{}/overlay?token={}", served.base, served.token))
        .await;
    // The token leaves the address bar once the cookie holds it.
    assert!(!page.current_url().await.contains("token"));
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
    let asker = page
        .execute("return document.getElementById('name').textContent")
        .await;
    assert_eq!(asker, json!("@amy.tw"));
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
        .await;
    let selector = format!("li.question[data-key='comment:{QUESTION_ID}']");
    until(
        &page,
        "the question in the queue",
        &format!("return document.querySelectorAll(\"{selector}\").length"),
        json!(1),
    )
    .await;
    page.click(&format!("{selector} button[data-action='answered']"))
        .await;
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
    let images = page
        .execute("return document.querySelectorAll('img').length")
        .await;
    assert_eq!(images, json!(0));
    assert_eq!(page.title().await, "livecue producer");
    // In an English locale, the same page says its labels in English.
    assert_eq!(
        page.execute("return document.documentElement.lang").await,
        json!("en")
    );
    let next = page
        .execute("return document.querySelector(\"header button[data-action='next']\").textContent")
        .await;
    assert_eq!(next, json!("Next"));
    page.close().await;
}
