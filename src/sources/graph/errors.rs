//! Graph API errors: the `error` object, and what each code means for a source.

use serde::Deserialize;

use super::usage::Usage;
use crate::sources::token::Platform;

/// Longest error message passed on from the platform.
const MAX_MESSAGE_CHARS: usize = 300;

/// The `error` object of a Graph API error response.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ApiError {
    #[serde(default)]
    pub(super) message: Option<String>,
    #[serde(default)]
    pub(super) code: Option<i64>,
    #[serde(default)]
    pub(super) error_subcode: Option<i64>,
    #[serde(default)]
    pub(super) is_transient: Option<bool>,
}

impl ApiError {
    /// The message (untrusted, so cut to [`MAX_MESSAGE_CHARS`]) with code and status.
    pub(super) fn describe(&self, status: u16) -> String {
        let message = self.message.as_deref().unwrap_or("no message");
        let mut text: String = message.chars().take(MAX_MESSAGE_CHARS).collect();
        if message.chars().count() > MAX_MESSAGE_CHARS {
            text.push('…');
        }
        let mut detail = Vec::new();
        if let Some(c) = self.code {
            detail.push(format!("code {c}"));
        }
        if let Some(s) = self.error_subcode {
            detail.push(format!("subcode {s}"));
        }
        detail.push(format!("HTTP {status}"));
        text.push_str(&format!(" ({})", detail.join(", ")));
        text
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum ErrorKind {
    /// Throttled: wait, keep the session, resume.
    RateLimited,
    /// Downtime or network: retry with back-off.
    Transient,
    /// The token cannot be used (code 190 or 102); the subcode says why.
    Token(TokenProblem),
    /// A permission is missing; the one named in the message, if any.
    Permission(Option<String>),
    /// Meta will not page further back ("The After Cursor specified exceeds the max
    /// limit"): the end of this poll's paging, not a failure.
    CursorLimit,
    /// Anything else: a bad id, an ended broadcast's comments, an unknown code. While a
    /// broadcast runs it is retried like a transient error: a fault that passes must
    /// not end the source.
    Other,
}

/// Why the platform refused an access token (Graph error 190 or 102, by subcode), and
/// so what the host has to do about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenProblem {
    /// Subcode 458: the app was removed from the account's settings.
    AppRemoved,
    /// Subcode 459: Facebook has put a security checkpoint on the account.
    Checkpointed,
    /// Subcode 460: the account's password was changed.
    PasswordChanged,
    /// Subcode 463: the token has expired.
    Expired,
    /// Subcode 464: the account is not confirmed.
    Unconfirmed,
    /// Subcode 467: the account logged out, or the token was invalidated.
    LoggedOut,
    /// No subcode, or one without a more precise meaning.
    Invalid,
}

impl TokenProblem {
    /// From a 190/102 error's `error_subcode`.
    pub fn from_subcode(subcode: Option<i64>) -> Self {
        match subcode {
            Some(458) => Self::AppRemoved,
            Some(459) => Self::Checkpointed,
            Some(460) => Self::PasswordChanged,
            Some(463) => Self::Expired,
            Some(464) => Self::Unconfirmed,
            Some(467) => Self::LoggedOut,
            _ => Self::Invalid,
        }
    }

    /// True when logging in again will not help until the account itself is seen to
    /// on facebook.com (459, 464).
    pub fn needs_account_attention(self) -> bool {
        matches!(self, Self::Checkpointed | Self::Unconfirmed)
    }

    /// What happened, in plain words.
    pub fn cause(self) -> &'static str {
        match self {
            Self::AppRemoved => "the Facebook account removed livecue's app from its settings",
            Self::Checkpointed => {
                "Facebook has put a security check on the account the token belongs to"
            }
            Self::PasswordChanged => {
                "the Facebook account's password was changed, which ends its tokens"
            }
            Self::Expired => "the token has expired",
            Self::Unconfirmed => "the Facebook account the token belongs to is not confirmed",
            Self::LoggedOut => "the Facebook account logged out, which ends its tokens",
            Self::Invalid => "the token is not valid (expired, revoked or mistyped)",
        }
    }

    /// What the host should do, in plain words.
    pub fn what_to_do(self, platform: Platform) -> String {
        let login = format!(
            "`livecue login {}` (or set {})",
            platform.as_str(),
            platform.env_var()
        );
        if self.needs_account_attention() {
            format!(
                "The account needs attention on facebook.com: log in there as the account \
                 that made the token and do what Facebook asks, then start the source again \
                 (if the token is still refused, store a new one with {login})."
            )
        } else {
            format!(
                "Log in again: make a new token (see `livecue login --help`), store it with \
                 {login}, then start the source again."
            )
        }
    }
}

#[derive(Debug)]
pub(super) struct GraphError {
    pub(super) kind: ErrorKind,
    /// Redacted, for people.
    pub(super) message: String,
    /// Usage headers of the failed response (they may say when access returns).
    pub(super) usage: Usage,
    /// The Graph error code, when the platform sent one (private replies tell "already
    /// answered" and "too late" by it).
    pub(super) code: Option<i64>,
}

impl GraphError {
    pub(super) fn transient(message: String) -> Self {
        Self {
            kind: ErrorKind::Transient,
            message,
            usage: Usage::default(),
            code: None,
        }
    }

    pub(super) fn other(message: String) -> Self {
        Self {
            kind: ErrorKind::Other,
            message,
            usage: Usage::default(),
            code: None,
        }
    }
}

/// Error code → what to do. See the Graph API's error-handling and rate-limiting guides.
pub(super) fn classify(status: u16, api: Option<&ApiError>) -> ErrorKind {
    let code = api.and_then(|a| a.code);
    let message = api.and_then(|a| a.message.as_deref()).unwrap_or("");
    let lower = message.to_ascii_lowercase();
    match code {
        Some(190 | 102) => ErrorKind::Token(TokenProblem::from_subcode(
            api.and_then(|a| a.error_subcode),
        )),
        Some(4 | 17 | 32 | 341 | 368 | 613 | 80000..=80014) => ErrorKind::RateLimited,
        Some(10 | 200..=299) => ErrorKind::Permission(permission_named_in(message)),
        // "(#100) The After Cursor specified exceeds the max limit"
        Some(100) if lower.contains("cursor") && lower.contains("limit") => ErrorKind::CursorLimit,
        Some(100) if lower.contains("permission") => {
            ErrorKind::Permission(permission_named_in(message))
        }
        Some(1 | 2) => ErrorKind::Transient,
        _ if api.and_then(|a| a.is_transient) == Some(true) => ErrorKind::Transient,
        _ if status >= 500 || status == 408 => ErrorKind::Transient,
        None if status == 429 => ErrorKind::RateLimited,
        _ => ErrorKind::Other,
    }
}

const PERMISSION_PREFIXES: &[&str] = &[
    "pages_",
    "instagram_",
    "ads_",
    "business_",
    "user_",
    "read_",
    "publish_",
    "manage_",
    "public_",
];

/// The first permission name in an error message: a quoted `'pages_read_engagement'`,
/// or a bare snake-case word with a known permission prefix.
fn permission_named_in(message: &str) -> Option<String> {
    let looks_like = |w: &str| {
        w.len() >= 5
            && w.contains('_')
            && !w.starts_with('_')
            && !w.ends_with('_')
            && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            && PERMISSION_PREFIXES.iter().any(|p| w.starts_with(p))
    };
    let quoted = message.split(['\'', '"', '`']).skip(1).step_by(2);
    let bare = message.split(|c: char| !(c.is_ascii_lowercase() || c == '_'));
    quoted
        .chain(bare)
        .find(|w| looks_like(w))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn api(code: i64, message: &str) -> ApiError {
        ApiError {
            message: Some(message.to_owned()),
            code: Some(code),
            ..ApiError::default()
        }
    }

    #[test]
    fn error_codes_map_to_actions() {
        for code in [4, 17, 32, 341, 613, 80001, 80002] {
            assert_eq!(
                classify(400, Some(&api(code, "limit"))),
                ErrorKind::RateLimited,
                "{code}"
            );
        }
        assert_eq!(
            classify(400, Some(&api(190, "expired"))),
            ErrorKind::Token(TokenProblem::Invalid)
        );
        assert_eq!(
            classify(401, Some(&api(102, "session"))),
            ErrorKind::Token(TokenProblem::Invalid)
        );
        for (subcode, problem) in [
            (458, TokenProblem::AppRemoved),
            (459, TokenProblem::Checkpointed),
            (460, TokenProblem::PasswordChanged),
            (463, TokenProblem::Expired),
            (464, TokenProblem::Unconfirmed),
            (467, TokenProblem::LoggedOut),
            (492, TokenProblem::Invalid),
        ] {
            let e = ApiError {
                error_subcode: Some(subcode),
                ..api(190, "Error validating access token")
            };
            assert_eq!(
                classify(400, Some(&e)),
                ErrorKind::Token(problem),
                "{subcode}"
            );
        }
        assert_eq!(
            classify(
                400,
                Some(&api(
                    100,
                    "(#100) The After Cursor specified exceeds the max limit"
                ))
            ),
            ErrorKind::CursorLimit
        );
        // Code 1 over HTTP 400 without `is_transient`: still passing trouble.
        assert_eq!(
            classify(400, Some(&api(1, "An unknown error occurred"))),
            ErrorKind::Transient
        );
        assert_eq!(
            classify(500, Some(&api(1, "unknown"))),
            ErrorKind::Transient
        );
        assert_eq!(
            classify(503, Some(&api(2, "service"))),
            ErrorKind::Transient
        );
        assert_eq!(classify(500, None), ErrorKind::Transient);
        assert_eq!(classify(502, None), ErrorKind::Transient);
        assert_eq!(classify(429, None), ErrorKind::RateLimited);
        assert_eq!(classify(404, None), ErrorKind::Other);
        assert_eq!(
            classify(400, Some(&api(100, "Unsupported get request"))),
            ErrorKind::Other
        );
        let transient = ApiError {
            is_transient: Some(true),
            ..api(9999, "odd")
        };
        assert_eq!(classify(400, Some(&transient)), ErrorKind::Transient);
        // The fixture: type OAuthException, yet a throttle.
        let fixture: Value = serde_json::from_str(
            r#"{"error":{"message":"(#17) User request limit reached","type":"OAuthException","is_transient":true,"code":17,"error_subcode":2446079,"fbtrace_id":"AbCdEfGh123"}}"#,
        )
        .unwrap();
        let e = ApiError::deserialize(&fixture["error"]).unwrap();
        assert_eq!(classify(400, Some(&e)), ErrorKind::RateLimited);
        assert_eq!(
            e.describe(400),
            "(#17) User request limit reached (code 17, subcode 2446079, HTTP 400)"
        );
        let long = api(1, &"x".repeat(5000)).describe(500);
        assert!(long.chars().count() < 350, "{long}");
    }

    #[test]
    fn permission_errors_name_the_permission() {
        let cases = [
            (
                10,
                "(#10) This endpoint requires the 'pages_read_engagement' permission or the 'Page Public Content Access' feature",
                Some("pages_read_engagement"),
            ),
            (
                283,
                "(#283) Requires pages_read_engagement permission to manage the object",
                Some("pages_read_engagement"),
            ),
            (
                100,
                "(#100) Object does not exist, cannot be loaded due to missing permission or reviewable feature... requires the 'instagram_manage_comments' permission",
                Some("instagram_manage_comments"),
            ),
            (
                10,
                "(#10) Application does not have permission for this action",
                None,
            ),
        ];
        for (code, message, want) in cases {
            assert_eq!(
                classify(400, Some(&api(code, message))),
                ErrorKind::Permission(want.map(str::to_owned)),
                "{message}"
            );
        }
        assert_eq!(permission_named_in("uses access_token=abc"), None);
    }

    #[test]
    fn token_problems_say_what_to_do() {
        for problem in [
            TokenProblem::AppRemoved,
            TokenProblem::PasswordChanged,
            TokenProblem::Expired,
            TokenProblem::LoggedOut,
            TokenProblem::Invalid,
        ] {
            let todo = problem.what_to_do(Platform::Instagram);
            assert!(todo.starts_with("Log in again"), "{problem:?}: {todo}");
            assert!(todo.contains("livecue login instagram"), "{todo}");
            assert!(!problem.needs_account_attention());
        }
        for problem in [TokenProblem::Checkpointed, TokenProblem::Unconfirmed] {
            let todo = problem.what_to_do(Platform::Facebook);
            assert!(todo.contains("facebook.com"), "{problem:?}: {todo}");
            assert!(problem.needs_account_attention());
        }
    }
}
