//! Command-line options that choose and configure a comment source, for the commands
//! that run one (`record`, the app).

use crate::sources::{DEFAULT_GRAPH_URL, SettingsError, SourceSettings, SourceSpec};

/// `--source`, `--ig-user-id`, `--fb-page-id`, `--graph-url`.
#[derive(Clone, Debug, clap::Args)]
pub struct SourceArgs {
    /// Comment source: replay:FILE[@SPEED], instagram, facebook (a Page's live), or
    /// facebook:LIVE_VIDEO_ID
    #[arg(long, value_name = "SRC")]
    pub source: SourceSpec,
    /// The Instagram professional account's user id (for --source instagram)
    #[arg(long, value_name = "ID")]
    pub ig_user_id: Option<String>,
    /// The Facebook Page's id (for --source facebook: livecue waits for its live video)
    #[arg(long, value_name = "ID")]
    pub fb_page_id: Option<String>,
    /// Graph API base URL with its version (a loopback server in tests)
    #[arg(long, value_name = "URL", default_value = DEFAULT_GRAPH_URL)]
    pub graph_url: String,
}

impl SourceArgs {
    /// The source settings these options choose.
    pub fn settings(&self) -> SourceSettings {
        SourceSettings {
            spec: self.source.clone(),
            ig_user_id: self.ig_user_id.clone(),
            fb_page_id: self.fb_page_id.clone(),
            graph_url: self.graph_url.clone(),
        }
    }
}

/// A settings problem in the words of the command line's flags.
pub fn flag_wording(error: &SettingsError) -> String {
    match error {
        SettingsError::MissingIgUserId => {
            "--source instagram needs --ig-user-id (the Instagram professional account's id)"
                .to_owned()
        }
        SettingsError::BadIgUserId(id) => {
            format!("--ig-user-id `{id}` is not an Instagram user id (digits)")
        }
        SettingsError::MissingFbPageId => {
            "--source facebook needs --fb-page-id (the Facebook Page's id), \
             or name one live video: --source facebook:LIVE_VIDEO_ID"
                .to_owned()
        }
        SettingsError::BadFbPageId(id) => {
            format!("--fb-page-id `{id}` is not a Facebook Page id (digits)")
        }
        SettingsError::Token(e) => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Debug, Parser)]
    struct Harness {
        #[command(flatten)]
        source: SourceArgs,
    }

    fn parse(args: &[&str]) -> Result<SourceArgs, clap::Error> {
        Harness::try_parse_from(std::iter::once("livecue").chain(args.iter().copied()))
            .map(|h| h.source)
    }

    #[test]
    fn parses_source_and_graph_options() {
        let a = parse(&[
            "--source",
            "instagram",
            "--ig-user-id",
            "17841400008460056",
            "--graph-url",
            "http://127.0.0.1:8080/v26.0",
        ])
        .unwrap();
        assert_eq!(a.source, SourceSpec::Instagram);
        assert_eq!(a.ig_user_id.as_deref(), Some("17841400008460056"));
        assert_eq!(a.graph_url, "http://127.0.0.1:8080/v26.0");
        let a = parse(&["--source", "replay:c.jsonl@10"]).unwrap();
        assert_eq!(a.graph_url, DEFAULT_GRAPH_URL);
        assert!(
            matches!(&a.source, SourceSpec::Replay { path, .. } if path == std::path::Path::new("c.jsonl"))
        );
        assert!(a.settings().config().unwrap().ig_token.is_none());
    }

    #[test]
    fn bad_sources_are_clap_errors_with_the_reason() {
        let e = parse(&["--source", "twitch"]).unwrap_err().to_string();
        assert!(e.contains("replay:FILE[@SPEED]"), "{e}");
    }

    #[test]
    fn facebook_without_page_id_says_so() {
        let a = parse(&["--source", "facebook"]).unwrap();
        let e = flag_wording(&a.settings().config().unwrap_err());
        assert!(
            e.contains("--fb-page-id") && e.contains("facebook:LIVE_VIDEO_ID"),
            "{e}"
        );
        let a = parse(&["--source", "facebook", "--fb-page-id", "12/x"]).unwrap();
        let e = flag_wording(&a.settings().config().unwrap_err());
        assert!(e.contains("`12/x`"), "{e}");
    }

    #[test]
    fn instagram_without_user_id_says_so() {
        let a = parse(&["--source", "instagram"]).unwrap();
        let e = flag_wording(&a.settings().config().unwrap_err());
        assert!(e.contains("--ig-user-id"), "{e}");
    }
}
