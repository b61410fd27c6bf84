//! The HTTP side: one client bound to a base URL and a token, requests that carry the
//! token and nothing else, `paging.next` kept on the configured host, and errors
//! described without their URL.

use reqwest::Url;
use serde::Deserialize;
use serde_json::Value;

use super::errors::{ApiError, ErrorKind, GraphError, classify};
use super::usage::{Usage, parse_usage};
use crate::sources::token::{Redactor, Token};
use crate::sources::{PollTiming, SourceError};

/// An HTTP client bound to one base URL and one token.
pub(crate) struct Client {
    http: reqwest::Client,
    base: Url,
    token: Token,
    redactor: Redactor,
}

impl Client {
    pub(crate) fn new(base: &str, token: Token, timing: &PollTiming) -> Result<Self, SourceError> {
        let bad =
            |why: &str| SourceError::BadGraphUrl(crate::sources::redact_url(base), why.to_owned());
        let mut base_url = Url::parse(base.trim()).map_err(|e| bad(&e.to_string()))?;
        if !matches!(base_url.scheme(), "http" | "https") || base_url.cannot_be_a_base() {
            return Err(bad("not an http(s) URL"));
        }
        if base_url.query().is_some() || base_url.fragment().is_some() {
            return Err(bad("give the base URL without a query"));
        }
        if let Ok(mut segments) = base_url.path_segments_mut() {
            segments.pop_if_empty();
        }
        // One TLS stack, rustls with ring; a provider installed earlier wins.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .timeout(timing.request_timeout)
            .connect_timeout(timing.request_timeout)
            // A redirect could carry the token's query to another host.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("livecue/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SourceError::Http(describe_reqwest(&e)))?;
        Ok(Self {
            http,
            base: base_url,
            redactor: Redactor::new([token.clone()]),
            token,
        })
    }

    /// `base/segment/...?query`.
    pub(super) fn endpoint(&self, segments: &[&str], query: &[(&str, &str)]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.extend(segments);
        }
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        url
    }

    /// The `paging.next` URL to request, if it stays on the configured host; any
    /// `access_token` in it is dropped (ours is added when sending).
    pub(super) fn follow(&self, next: &str) -> Result<Url, String> {
        let mut url =
            Url::parse(next).map_err(|e| format!("unusable paging.next ({e}); stopped paging"))?;
        if url.origin() != self.base.origin() {
            return Err(format!(
                "paging.next points to {}, not the configured Graph API host; stopped paging",
                url.origin().ascii_serialization()
            ));
        }
        let kept: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(k, _)| k != "access_token")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            url.set_query(None);
        } else {
            url.query_pairs_mut().clear().extend_pairs(kept);
        }
        url.set_fragment(None);
        Ok(url)
    }

    pub(super) fn scrub(&self, text: &str) -> String {
        self.redactor.scrub(text)
    }

    /// One GET with the token; a JSON body and the usage headers, or a classified error.
    pub(super) async fn get(&self, url: Url) -> Result<Reply, GraphError> {
        self.send(self.http.get(self.with_token(url))).await
    }

    /// One POST of a JSON body with the token (private replies, hiding a comment).
    pub(super) async fn post_json(&self, url: Url, body: &Value) -> Result<Reply, GraphError> {
        // serde_json by hand: reqwest's `json` feature is not built, and one body type
        // needs no more.
        self.send(
            self.http
                .post(self.with_token(url))
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(body.to_string()),
        )
        .await
    }

    fn with_token(&self, mut url: Url) -> Url {
        url.query_pairs_mut()
            .append_pair("access_token", self.token.expose_secret());
        url
    }

    async fn send(&self, request: reqwest::RequestBuilder) -> Result<Reply, GraphError> {
        let resp = match request.send().await {
            Ok(r) => r,
            Err(e) => return Err(GraphError::transient(self.scrub(&describe_reqwest(&e)))),
        };
        let status = resp.status().as_u16();
        let usage = parse_usage(resp.headers());
        let bytes = match resp.bytes().await {
            Ok(b) => b,
            Err(e) => {
                let mut err = GraphError::transient(self.scrub(&describe_reqwest(&e)));
                err.usage = usage;
                return Err(err);
            }
        };
        let body: Option<Value> = serde_json::from_slice(&bytes).ok();
        // Scrubbed before anything cuts the message short, which could leave half a
        // token that no longer matches.
        let api_error = body
            .as_ref()
            .and_then(|b| b.get("error"))
            .and_then(|e| ApiError::deserialize(e).ok())
            .map(|mut e| {
                e.message = e.message.map(|m| self.scrub(&m));
                e
            });
        match (status, body, api_error) {
            (200..=299, Some(body), None) => Ok(Reply { body, usage }),
            (200..=299, None, None) => Err(GraphError {
                kind: ErrorKind::Transient,
                message: format!("HTTP {status} with a body that is not JSON"),
                usage,
                code: None,
            }),
            (_, _, api) => {
                let kind = classify(status, api.as_ref());
                let message = match &api {
                    Some(a) => a.describe(status),
                    None => format!("HTTP {status}"),
                };
                Err(GraphError {
                    kind,
                    message: self.scrub(&message),
                    usage,
                    code: api.as_ref().and_then(|a| a.code),
                })
            }
        }
    }
}

/// A reqwest error as text, without its URL (which holds the token) and with causes.
fn describe_reqwest(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        return "request timed out".to_owned();
    }
    let mut text = String::from(if e.is_connect() {
        "cannot connect"
    } else {
        "request failed"
    });
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    crate::sources::redact_url(&text)
}

pub(super) struct Reply {
    pub(super) body: Value,
    pub(super) usage: Usage,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_next_stays_on_the_configured_host_and_drops_tokens() {
        let client = Client::new(
            "http://127.0.0.1:9/v26.0/",
            Token::new("secret").unwrap(),
            &PollTiming::default(),
        )
        .unwrap();
        assert_eq!(
            client
                .endpoint(&["178", "comments"], &[("fields", "id,text")])
                .as_str(),
            "http://127.0.0.1:9/v26.0/178/comments?fields=id%2Ctext"
        );
        let u = client
            .follow("http://127.0.0.1:9/v21.0/178/comments?limit=3&access_token=leaked&after=QV")
            .unwrap();
        assert_eq!(
            u.as_str(),
            "http://127.0.0.1:9/v21.0/178/comments?limit=3&after=QV"
        );
        let e = client
            .follow("https://evil.example/v21.0/178/comments?after=QV&access_token=x")
            .unwrap_err();
        assert!(
            e.contains("evil.example") && !e.contains("access_token=x"),
            "{e}"
        );
        assert!(client.follow("not a url").is_err());
    }

    #[test]
    fn bad_base_urls_are_refused() {
        let t = Token::new("secret").unwrap();
        let timing = PollTiming::default();
        assert!(Client::new("ftp://x/v26.0", t.clone(), &timing).is_err());
        assert!(Client::new("graph.facebook.com", t.clone(), &timing).is_err());
        let e = Client::new("http://x/v26.0?access_token=secret", t, &timing)
            .err()
            .unwrap()
            .to_string();
        assert!(!e.contains("secret"), "{e}");
    }
}
