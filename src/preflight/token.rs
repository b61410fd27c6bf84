//! The comment source's token as a pre-flight row: whether Instagram or Facebook will
//! let livecue read the live's comments, checked before the show (the check itself is
//! `sources::check_token`, run off the UI thread by the app).

use super::verdict::{Check, Mark, Row};
use crate::sources::{TokenCheckProblem, TokenHealth};

/// Where the token check stands.
#[derive(Clone, Debug, PartialEq)]
pub enum TokenCheck {
    /// Asking the platform now.
    Checking {
        /// `Instagram` or `Facebook`.
        platform: &'static str,
    },
    /// The platform answered.
    Checked(TokenHealth),
    /// The check could not start: no token, no account id, the source failed to start.
    Failed {
        /// `Instagram` or `Facebook`.
        platform: &'static str,
        /// Why, in the source's words.
        reason: String,
    },
}

/// The row for the token check.
pub(super) fn token_row(check: &TokenCheck) -> Row {
    let row = |platform: &str, mark, figure: String, advice: Option<String>| Row {
        check: Check::Token,
        mark,
        label: format!("{platform} token"),
        figure,
        advice,
    };
    match check {
        TokenCheck::Checking { platform } => row(platform, Mark::Open, "checking…".into(), None),
        TokenCheck::Failed { platform, reason } => row(
            platform,
            Mark::Bad,
            "cannot read comments".into(),
            Some(reason.clone()),
        ),
        TokenCheck::Checked(health) => {
            let platform = health.platform.title();
            // The summary is a line without a full stop; the advice, whole sentences.
            let mut advice = vec![format!("{}.", health.summary())];
            advice.extend(health.advice.iter().cloned());
            let advice = Some(advice.join(" "));
            let (mark, figure) = match &health.problem {
                Some(TokenCheckProblem::Refused { .. }) => (Mark::Bad, "refused".to_owned()),
                // Not known to be bad: the host may go on, knowing it was not checked.
                Some(TokenCheckProblem::Unreachable(_) | TokenCheckProblem::Throttled(_)) => {
                    (Mark::Warn, "not checked".to_owned())
                }
                None if !health.missing.is_empty() => {
                    (Mark::Bad, format!("missing {}", health.missing.join(", ")))
                }
                None if !health.is_ready() => (Mark::Bad, "cannot read".to_owned()),
                None => (Mark::Good, "ready".to_owned()),
            };
            row(platform, mark, figure, advice)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{Platform, ReadCheck};

    fn health(missing: &[&str]) -> TokenHealth {
        TokenHealth {
            platform: Platform::Instagram,
            owner: None,
            granted: Some(vec!["instagram_basic".into()]),
            missing: missing.iter().map(|m| (*m).to_owned()).collect(),
            reads: vec![ReadCheck {
                what: "the Instagram account @sunrise".into(),
                ok: true,
                detail: "found".into(),
            }],
            problem: None,
            advice: Vec::new(),
        }
    }

    #[test]
    fn a_ready_token_is_good_and_a_missing_permission_is_named() {
        let ready = token_row(&TokenCheck::Checked(health(&[])));
        assert_eq!((ready.mark, ready.figure.as_str()), (Mark::Good, "ready"));
        assert_eq!(ready.label, "Instagram token");
        let missing = token_row(&TokenCheck::Checked(health(&["instagram_manage_comments"])));
        assert_eq!(missing.mark, Mark::Bad);
        assert_eq!(missing.figure, "missing instagram_manage_comments");
        assert!(
            missing
                .advice
                .as_deref()
                .is_some_and(|a| a.contains("reads the Instagram account @sunrise"))
        );
        let checking = token_row(&TokenCheck::Checking {
            platform: "Facebook",
        });
        assert_eq!(
            (checking.mark, checking.label.as_str()),
            (Mark::Open, "Facebook token")
        );
    }
}
