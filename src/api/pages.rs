//! The three pages, embedded in the binary: nothing else is ever served, so no path can
//! reach a file on disk.
//!
//! Each page gets the state at load time inside it, so it draws at once, before its
//! WebSocket connects. The state goes in as JSON inside a `<script>` element, with every
//! character that could end the element or start markup written as a `\u` escape.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::ApiState;

/// One of the embedded pages.
#[derive(Clone, Copy, Debug)]
pub(super) enum Page {
    /// The phone-sized producer page.
    Producer,
    /// The OBS browser-source overlay.
    Overlay,
    /// The full-screen talent timer.
    Timer,
}

/// Where the page's HTML says the state goes.
const PLACEHOLDER: &str = "/*LIVECUE_STATE*/null";

impl Page {
    fn html(self) -> &'static str {
        match self {
            Page::Producer => include_str!("../../assets/web/producer.html"),
            Page::Overlay => include_str!("../../assets/web/overlay.html"),
            Page::Timer => include_str!("../../assets/web/timer.html"),
        }
    }
}

/// The page with `state` in it, and headers that keep the token out of referrers and
/// caches and allow only the page's own script and connections.
pub(super) fn respond(page: Page, state: &ApiState) -> Response {
    let json = serde_json::to_string(state).unwrap_or_else(|_| "null".to_owned());
    let body = page.html().replacen(PLACEHOLDER, &script_safe(&json), 1);
    let mut response = body.into_response();
    let headers = response.headers_mut();
    let fixed = [
        (header::CONTENT_TYPE, "text/html; charset=utf-8"),
        (header::CACHE_CONTROL, "no-store"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; \
             connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// JSON that can sit inside `<script>`: `<`, `>` and `&` escaped (no `</script>` or
/// `<!--` can appear), and the two line separators JavaScript once treated as newlines.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_the_state_cannot_leave_the_script() {
        let json = serde_json::to_string("</script><img src=x onerror=alert(1)>&").unwrap();
        let safe = script_safe(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "</script><img src=x onerror=alert(1)>&");
    }

    #[test]
    fn every_page_has_the_placeholder() {
        for page in [Page::Producer, Page::Overlay, Page::Timer] {
            assert_eq!(page.html().matches(PLACEHOLDER).count(), 1, "{page:?}");
        }
    }
}
