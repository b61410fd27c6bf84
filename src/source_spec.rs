//! Which comment source to run, as written on the command line or in a plan
//! (`replay:FILE[@SPEED]`, `instagram`, `facebook`, `facebook:LIVE_VIDEO_ID`).
//!
//! A leaf: plain data and its parser, with no dependency on the sources themselves,
//! so plan validation can check a plan's `source` without pulling them in.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

/// How fast a replay runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Speed {
    /// Real time divided by this factor (`@10` = ten times faster). Always > 0.
    Factor(f64),
    /// As fast as the consumer takes them (`@max` or `@0`).
    Max,
}

impl fmt::Display for Speed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Speed::Factor(x) => write!(f, "{x}"),
            Speed::Max => f.write_str("max"),
        }
    }
}

/// Which source to run, as written on the command line (`--source`).
#[derive(Clone, Debug, PartialEq)]
pub enum SourceSpec {
    /// `replay:FILE[@SPEED]`: comment JSON Lines played back at their recorded pace.
    Replay {
        /// The JSON Lines file.
        path: PathBuf,
        /// Playback speed; 1 unless given.
        speed: Speed,
    },
    /// `instagram`: the live broadcast of the configured Instagram account.
    Instagram,
    /// `facebook`: the live video of the configured Facebook Page, once it starts.
    FacebookPage,
    /// `facebook:LIVE_VIDEO_ID`: one Facebook live video.
    Facebook {
        /// The live video's id.
        live_video_id: String,
    },
}

/// Why a `--source` value could not be understood.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    /// Not one of the forms.
    #[error(
        "unknown source `{0}`: use `replay:FILE[@SPEED]`, `instagram`, `facebook` (a Page's live) or `facebook:LIVE_VIDEO_ID`"
    )]
    Unknown(String),
    /// `replay:` without a file.
    #[error("`replay:` needs a file: `replay:comments.jsonl` or `replay:comments.jsonl@10`")]
    MissingFile,
    /// A speed that is not a positive number, `0` or `max`.
    #[error(
        "replay speed `{0}` is not a number: use e.g. `@10` (ten times faster), `@0.5` or `@max`"
    )]
    BadSpeed(String),
    /// `facebook:` without a usable id.
    #[error(
        "`facebook:` needs the live video's id (digits, as in `facebook:1234567890`), got `{0}`"
    )]
    BadLiveVideoId(String),
}

impl FromStr for SourceSpec {
    type Err = SpecError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if let Some(rest) = s.strip_prefix("replay:") {
            return parse_replay(rest);
        }
        if s == "instagram" {
            return Ok(SourceSpec::Instagram);
        }
        if s == "facebook" {
            return Ok(SourceSpec::FacebookPage);
        }
        if let Some(id) = s.strip_prefix("facebook:") {
            if !is_valid_graph_id(id) {
                return Err(SpecError::BadLiveVideoId(id.to_owned()));
            }
            return Ok(SourceSpec::Facebook {
                live_video_id: id.to_owned(),
            });
        }
        Err(SpecError::Unknown(s.to_owned()))
    }
}

// The speed is whatever follows the last `@`, unless that part looks like a path
// (a file name may contain `@`; add `@1` to such a name).
fn parse_replay(rest: &str) -> Result<SourceSpec, SpecError> {
    let (file, speed) = match rest.rsplit_once('@') {
        Some((file, speed)) if !speed.contains('/') && !speed.contains('\\') => {
            (file, parse_speed(speed)?)
        }
        _ => (rest, Speed::Factor(1.0)),
    };
    if file.is_empty() {
        return Err(SpecError::MissingFile);
    }
    Ok(SourceSpec::Replay {
        path: PathBuf::from(file),
        speed,
    })
}

fn parse_speed(text: &str) -> Result<Speed, SpecError> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("max") {
        return Ok(Speed::Max);
    }
    // `@10x` reads naturally too.
    let t = t.strip_suffix(['x', 'X']).unwrap_or(t);
    match t.parse::<f64>() {
        Ok(0.0) => Ok(Speed::Max),
        Ok(x) if x.is_finite() && x > 0.0 => Ok(Speed::Factor(x)),
        _ => Err(SpecError::BadSpeed(text.to_owned())),
    }
}

/// Graph ids are digits (sometimes joined by `_`); anything else never reaches a URL.
pub fn is_valid_graph_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

impl fmt::Display for SourceSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceSpec::Replay { path, speed } => {
                write!(f, "replay:{}", path.display())?;
                if *speed != Speed::Factor(1.0) {
                    write!(f, "@{speed}")?;
                }
                Ok(())
            }
            SourceSpec::Instagram => f.write_str("instagram"),
            SourceSpec::FacebookPage => f.write_str("facebook"),
            SourceSpec::Facebook { live_video_id } => write!(f, "facebook:{live_video_id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(s: &str) -> Result<SourceSpec, SpecError> {
        s.parse()
    }

    #[test]
    fn parses_the_three_forms() {
        assert_eq!(
            spec("replay:demo/comments.jsonl").unwrap(),
            SourceSpec::Replay {
                path: "demo/comments.jsonl".into(),
                speed: Speed::Factor(1.0)
            }
        );
        assert_eq!(
            spec("replay:c.jsonl@10").unwrap(),
            SourceSpec::Replay {
                path: "c.jsonl".into(),
                speed: Speed::Factor(10.0)
            }
        );
        assert_eq!(
            spec("replay:c.jsonl@0.5").unwrap(),
            SourceSpec::Replay {
                path: "c.jsonl".into(),
                speed: Speed::Factor(0.5)
            }
        );
        for max in [
            "replay:c.jsonl@max",
            "replay:c.jsonl@0",
            "replay:c.jsonl@MAX",
        ] {
            assert_eq!(
                spec(max).unwrap(),
                SourceSpec::Replay {
                    path: "c.jsonl".into(),
                    speed: Speed::Max
                },
                "{max}"
            );
        }
        assert_eq!(spec("instagram").unwrap(), SourceSpec::Instagram);
        assert_eq!(spec("facebook").unwrap(), SourceSpec::FacebookPage);
        assert_eq!(
            spec("facebook:1234567890").unwrap(),
            SourceSpec::Facebook {
                live_video_id: "1234567890".into()
            }
        );
    }

    #[test]
    fn at_sign_in_a_directory_is_part_of_the_path() {
        assert_eq!(
            spec("replay:shows@home/c.jsonl").unwrap(),
            SourceSpec::Replay {
                path: "shows@home/c.jsonl".into(),
                speed: Speed::Factor(1.0)
            }
        );
    }

    #[test]
    fn errors_say_what_to_write() {
        let e = spec("twitch").unwrap_err().to_string();
        assert!(
            e.contains("`twitch`") && e.contains("replay:FILE[@SPEED]"),
            "{e}"
        );
        let e = spec("replay:c.jsonl@fast").unwrap_err().to_string();
        assert!(e.contains("`fast`") && e.contains("@max"), "{e}");
        assert_eq!(
            spec("replay:c.jsonl@-2"),
            Err(SpecError::BadSpeed("-2".into()))
        );
        assert_eq!(
            spec("replay:c.jsonl@inf"),
            Err(SpecError::BadSpeed("inf".into()))
        );
        assert_eq!(spec("replay:"), Err(SpecError::MissingFile));
        assert_eq!(spec("replay:@10"), Err(SpecError::MissingFile));
        assert_eq!(
            spec("facebook:"),
            Err(SpecError::BadLiveVideoId(String::new()))
        );
        assert_eq!(
            spec("facebook:12/../me"),
            Err(SpecError::BadLiveVideoId("12/../me".into()))
        );
    }

    #[test]
    fn display_round_trips() {
        for s in [
            "replay:c.jsonl",
            "replay:c.jsonl@10",
            "replay:c.jsonl@max",
            "instagram",
            "facebook",
            "facebook:42",
        ] {
            assert_eq!(spec(s).unwrap().to_string(), s);
            assert_eq!(
                spec(&spec(s).unwrap().to_string()).unwrap(),
                spec(s).unwrap()
            );
        }
    }
}
