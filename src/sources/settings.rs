//! Turning a producer's choice (a source, an Instagram account id or a Facebook Page
//! id, the Graph API URL)
//! into a [`SourceConfig`], with errors that name what is missing in plain words. The
//! command line and the app each word these errors for their own users.

use super::{DEFAULT_GRAPH_URL, Platform, SourceConfig, SourceSpec, TokenError, load_token};
use crate::source_spec::is_valid_graph_id;

/// A chosen comment source and the account settings it needs.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceSettings {
    /// Which source.
    pub spec: SourceSpec,
    /// The Instagram professional account's user id (for `instagram`).
    pub ig_user_id: Option<String>,
    /// The Facebook Page's id (for `facebook`, which follows the Page's live video).
    pub fb_page_id: Option<String>,
    /// Graph API base URL with its version.
    pub graph_url: String,
}

/// Why a source's settings do not make a usable configuration.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// `instagram` without the account's user id.
    #[error("the instagram source needs the Instagram professional account's user id")]
    MissingIgUserId,
    /// A user id that is not digits.
    #[error("`{0}` is not an Instagram user id (digits)")]
    BadIgUserId(String),
    /// `facebook` without the Page's id.
    #[error(
        "the facebook source needs the Facebook Page's id, or one live video as `facebook:LIVE_VIDEO_ID`"
    )]
    MissingFbPageId,
    /// A Page id that is not digits.
    #[error("`{0}` is not a Facebook Page id (digits)")]
    BadFbPageId(String),
    /// No access token in the environment or the keychain.
    #[error(transparent)]
    Token(#[from] TokenError),
}

impl SourceSettings {
    /// Settings for a source with the default Graph API URL and no account id.
    pub fn new(spec: SourceSpec) -> Self {
        Self {
            spec,
            ig_user_id: None,
            fb_page_id: None,
            graph_url: DEFAULT_GRAPH_URL.to_owned(),
        }
    }

    /// The source's name, as journaled (`instagram`, `replay:FILE@10`).
    pub fn name(&self) -> String {
        self.spec.to_string()
    }

    /// The configuration, with the token the source needs from the environment or the
    /// keychain.
    pub fn config(&self) -> Result<SourceConfig, SettingsError> {
        let mut config = SourceConfig {
            graph_url: self.graph_url.clone(),
            ig_user_id: self.ig_user_id.clone(),
            fb_page_id: self.fb_page_id.clone(),
            ..SourceConfig::default()
        };
        match &self.spec {
            SourceSpec::Replay { .. } => {}
            SourceSpec::Instagram => {
                match self.ig_user_id.as_deref() {
                    Some(id) if is_valid_graph_id(id) => {}
                    Some(id) => return Err(SettingsError::BadIgUserId(id.to_owned())),
                    None => return Err(SettingsError::MissingIgUserId),
                }
                config.ig_token = Some(load_token(Platform::Instagram)?.0);
            }
            SourceSpec::FacebookPage => {
                match self.fb_page_id.as_deref() {
                    Some(id) if is_valid_graph_id(id) => {}
                    Some(id) => return Err(SettingsError::BadFbPageId(id.to_owned())),
                    None => return Err(SettingsError::MissingFbPageId),
                }
                config.fb_token = Some(load_token(Platform::Facebook)?.0);
            }
            SourceSpec::Facebook { .. } => {
                config.fb_token = Some(load_token(Platform::Facebook)?.0);
            }
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instagram_needs_a_user_id_of_digits() {
        let mut s = SourceSettings::new(SourceSpec::Instagram);
        assert!(matches!(s.config(), Err(SettingsError::MissingIgUserId)));
        s.ig_user_id = Some("me/../x".into());
        assert!(matches!(s.config(), Err(SettingsError::BadIgUserId(id)) if id == "me/../x"));
    }

    #[test]
    fn facebook_by_page_needs_a_page_id_of_digits() {
        let mut s = SourceSettings::new(SourceSpec::FacebookPage);
        assert!(matches!(s.config(), Err(SettingsError::MissingFbPageId)));
        s.fb_page_id = Some("me?x=1".into());
        assert!(matches!(s.config(), Err(SettingsError::BadFbPageId(id)) if id == "me?x=1"));
    }

    #[test]
    fn a_replay_needs_no_token() {
        let s = SourceSettings::new("replay:c.jsonl@10".parse().unwrap_or(SourceSpec::Instagram));
        let config = s.config();
        assert!(config.is_ok_and(|c| c.ig_token.is_none() && c.fb_token.is_none()));
    }
}
