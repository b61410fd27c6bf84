//! Access tokens for the Graph API: where they come from, and keeping them out of sight.
//!
//! A token never appears in plan files, journals, logs, error messages or `Debug`
//! output: [`Token`] prints as `REDACTED`, and every message a source sends passes
//! through [`Redactor`], which also rewrites `access_token=…` in URLs.

use std::fmt;

/// The keychain service name livecue stores its tokens under.
pub const KEYCHAIN_SERVICE: &str = "livecue";

/// A Graph API access token. `Debug` and `Display` print `REDACTED`.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// A token from its text, trimmed; `None` when nothing is left.
    pub fn new(text: &str) -> Option<Token> {
        let t = text.trim();
        (!t.is_empty()).then(|| Token(t.to_owned()))
    }

    /// The secret itself, for the one place that sends it (the HTTP query) and the
    /// keychain. Never format it into a message.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(REDACTED)")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("REDACTED")
    }
}

/// Which platform a token is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Platform {
    /// Instagram (Graph API with Facebook Login).
    Instagram,
    /// Facebook Live.
    Facebook,
}

impl Platform {
    /// `instagram` or `facebook`: the keychain account and the `platform` of comments.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Instagram => "instagram",
            Platform::Facebook => "facebook",
        }
    }

    /// The platform's name for people.
    pub fn title(self) -> &'static str {
        match self {
            Platform::Instagram => "Instagram",
            Platform::Facebook => "Facebook",
        }
    }

    /// The environment variable that overrides the keychain.
    pub fn env_var(self) -> &'static str {
        match self {
            Platform::Instagram => "LIVECUE_IG_TOKEN",
            Platform::Facebook => "LIVECUE_FB_TOKEN",
        }
    }
}

/// Where a token was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenOrigin {
    /// The platform's environment variable.
    Env,
    /// The OS keychain, stored there by `livecue login`.
    Keychain,
}

/// Why no token could be had or stored. Messages never contain the token.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    /// Neither the environment nor the keychain holds one.
    #[error(
        "no {title} access token: set {var} or run `livecue login {name}`{detail}",
        title = .platform.title(),
        var = .platform.env_var(),
        name = .platform.as_str(),
        detail = .keychain.as_ref().map(|k| format!(" (keychain: {k})")).unwrap_or_default()
    )]
    Missing {
        /// For which platform.
        platform: Platform,
        /// Why the keychain could not help, when it failed rather than being empty.
        keychain: Option<String>,
    },
    /// The keychain refused to store or read the token.
    #[error("the OS keychain is not available ({0}); set the token in the environment instead")]
    Keychain(String),
}

/// The token for a platform: its environment variable first, then the OS keychain.
pub fn load_token(platform: Platform) -> Result<(Token, TokenOrigin), TokenError> {
    if let Some(t) = std::env::var(platform.env_var())
        .ok()
        .and_then(|v| Token::new(&v))
    {
        return Ok((t, TokenOrigin::Env));
    }
    let keychain = match keychain_entry(platform).and_then(|e| e.get_password()) {
        Ok(secret) => match Token::new(&secret) {
            Some(t) => return Ok((t, TokenOrigin::Keychain)),
            None => None,
        },
        Err(keyring::Error::NoEntry) => None,
        Err(e) => Some(keychain_message(&e)),
    };
    Err(TokenError::Missing { platform, keychain })
}

/// Stores a token in the OS keychain for later runs.
pub fn store_token(platform: Platform, token: &Token) -> Result<(), TokenError> {
    keychain_entry(platform)
        .and_then(|e| e.set_password(token.expose_secret()))
        .map_err(|e| TokenError::Keychain(keychain_message(&e)))
}

fn keychain_entry(platform: Platform) -> keyring::Result<keyring::Entry> {
    keyring::Entry::new(KEYCHAIN_SERVICE, platform.as_str())
}

// keyring's errors describe the store, never the secret; the match keeps it that way
// should a variant ever carry data we did not expect.
pub(crate) fn keychain_message(e: &keyring::Error) -> String {
    match e {
        keyring::Error::NoDefaultStore => "no keychain service found".to_owned(),
        keyring::Error::NoStorageAccess(inner) | keyring::Error::PlatformFailure(inner) => {
            inner.to_string()
        }
        keyring::Error::NoEntry => "no token stored".to_owned(),
        other => format!("{other}"),
    }
}

/// Rewrites the value of every `access_token=` parameter in `text` to `REDACTED`.
pub fn redact_url(text: &str) -> String {
    const KEY: &str = "access_token=";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = find_ascii_case_insensitive(rest, KEY) {
        let value_start = i + KEY.len();
        out.push_str(&rest[..value_start]);
        out.push_str("REDACTED");
        let value_len = rest[value_start..]
            .find(|c: char| matches!(c, '&' | '#' | '"' | '\'' | ')' | '>') || c.is_whitespace())
            .unwrap_or(rest.len() - value_start);
        rest = &rest[value_start + value_len..];
    }
    out.push_str(rest);
    out
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Scrubs a token from text a source is about to send: `access_token=` values and any
/// literal copy of the token (plain or percent-encoded).
#[derive(Clone, Debug, Default)]
pub struct Redactor {
    tokens: Vec<Token>,
}

impl Redactor {
    /// A redactor for these tokens.
    pub fn new(tokens: impl IntoIterator<Item = Token>) -> Self {
        Self {
            tokens: tokens.into_iter().collect(),
        }
    }

    /// `text` with every secret replaced by `REDACTED`.
    pub fn scrub(&self, text: &str) -> String {
        let mut out = redact_url(text);
        for t in &self.tokens {
            let secret = t.expose_secret();
            out = out.replace(secret, "REDACTED");
            let encoded = percent_encode(secret);
            if encoded != secret {
                out = out.replace(&encoded, "REDACTED");
            }
        }
        out
    }
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "EAAGm0PX4ZCpsBAsecret+/=";

    #[test]
    fn token_debug_and_display_never_show_the_secret() {
        let t = Token::new(SECRET).unwrap();
        assert_eq!(format!("{t:?}"), "Token(REDACTED)");
        assert_eq!(format!("{t}"), "REDACTED");
        assert_eq!(format!("{:?}", Some(t.clone())), "Some(Token(REDACTED))");
        assert_eq!(t.expose_secret(), SECRET);
    }

    #[test]
    fn blank_tokens_are_none() {
        assert!(Token::new("  \n").is_none());
        assert_eq!(Token::new(" abc\n").unwrap().expose_secret(), "abc");
    }

    #[test]
    fn urls_lose_their_access_token() {
        assert_eq!(
            redact_url("GET http://127.0.0.1:9/v26.0/1/comments?access_token=EAAB123&after=x"),
            "GET http://127.0.0.1:9/v26.0/1/comments?access_token=REDACTED&after=x"
        );
        assert_eq!(
            redact_url("a?ACCESS_TOKEN=abc b?access_token=def#frag"),
            "a?ACCESS_TOKEN=REDACTED b?access_token=REDACTED#frag"
        );
        assert_eq!(redact_url("no token here"), "no token here");
        assert_eq!(
            redact_url("ends with access_token="),
            "ends with access_token=REDACTED"
        );
    }

    #[test]
    fn redactor_removes_literal_and_encoded_copies() {
        let r = Redactor::new(Token::new(SECRET));
        let encoded = percent_encode(SECRET);
        let text = format!("server said {SECRET} and {encoded} at https://x/?access_token=zzz");
        let scrubbed = r.scrub(&text);
        assert!(!scrubbed.contains(SECRET), "{scrubbed}");
        assert!(!scrubbed.contains(&encoded), "{scrubbed}");
        assert!(!scrubbed.contains("zzz"), "{scrubbed}");
        assert_eq!(scrubbed.matches("REDACTED").count(), 3, "{scrubbed}");
    }

    #[test]
    fn missing_token_message_names_both_ways_to_provide_one() {
        let e = TokenError::Missing {
            platform: Platform::Instagram,
            keychain: Some("no keychain service found".into()),
        };
        let msg = e.to_string();
        assert!(msg.contains("LIVECUE_IG_TOKEN"), "{msg}");
        assert!(msg.contains("livecue login instagram"), "{msg}");
        assert!(msg.contains("no keychain service found"), "{msg}");
    }
}
