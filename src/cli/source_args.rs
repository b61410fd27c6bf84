//! Command-line options that choose and configure a comment source, for the commands
//! that run one (`record`, the app).

use crate::sources::{
    DEFAULT_GRAPH_URL, Platform, SourceConfig, SourceSpec, is_valid_graph_id, load_token,
};

/// `--source`, `--ig-user-id`, `--graph-url`.
#[derive(Clone, Debug, clap::Args)]
pub struct SourceArgs {
    /// Comment source: replay:FILE[@SPEED], instagram, or facebook:LIVE_VIDEO_ID
    #[arg(long, value_name = "SRC")]
    pub source: SourceSpec,
    /// The Instagram professional account's user id (for --source instagram)
    #[arg(long, value_name = "ID")]
    pub ig_user_id: Option<String>,
    /// Graph API base URL with its version (a loopback server in tests)
    #[arg(long, value_name = "URL", default_value = DEFAULT_GRAPH_URL)]
    pub graph_url: String,
}

impl SourceArgs {
    /// The source's configuration, with the token it needs from the environment or the
    /// keychain. Errors say how to provide what is missing.
    pub fn config(&self) -> anyhow::Result<SourceConfig> {
        let mut config = SourceConfig {
            graph_url: self.graph_url.clone(),
            ig_user_id: self.ig_user_id.clone(),
            ..SourceConfig::default()
        };
        match &self.source {
            SourceSpec::Replay { .. } => {}
            SourceSpec::Instagram => {
                match self.ig_user_id.as_deref() {
                    Some(id) if is_valid_graph_id(id) => {}
                    Some(id) => {
                        anyhow::bail!("--ig-user-id `{id}` is not an Instagram user id (digits)")
                    }
                    None => anyhow::bail!(
                        "--source instagram needs --ig-user-id (the Instagram professional account's id)"
                    ),
                }
                config.ig_token = Some(load_token(Platform::Instagram)?.0);
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
        assert!(a.config().unwrap().ig_token.is_none());
    }

    #[test]
    fn bad_sources_are_clap_errors_with_the_reason() {
        let e = parse(&["--source", "twitch"]).unwrap_err().to_string();
        assert!(e.contains("replay:FILE[@SPEED]"), "{e}");
    }

    #[test]
    fn instagram_without_user_id_says_so() {
        let a = parse(&["--source", "instagram"]).unwrap();
        let e = a.config().unwrap_err().to_string();
        assert!(e.contains("--ig-user-id"), "{e}");
    }
}
