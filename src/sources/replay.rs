//! `replay:FILE[@SPEED]`: comment JSON Lines played back at their recorded pace.
//!
//! Each comment goes out at its `ts` offset from the first one, divided by the speed.
//! Pacing runs on tokio's clock, so tests pause it and stay deterministic. Recorded
//! timestamps are kept as they are: the filter sees the pace the audience had.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::time::Instant;

use super::SourceState;
use super::{Closed, Outbox, Speed};
use crate::comments::Comment;

/// Longest line read; a longer one is reported and skipped, not loaded whole.
const MAX_LINE_BYTES: usize = 64 * 1024;

pub(crate) async fn run(path: PathBuf, speed: Speed, seen: HashSet<String>, mut out: Outbox) {
    // An error here only means the receiver is gone; there is no one left to tell.
    let _ = play(&path, speed, &seen, &mut out).await;
}

async fn play(
    path: &Path,
    speed: Speed,
    seen: &HashSet<String>,
    out: &mut Outbox,
) -> Result<(), Closed> {
    let name = path.display().to_string();
    let file = match tokio::fs::File::open(path).await {
        Ok(f) => f,
        Err(e) => {
            return out
                .status(SourceState::Failed {
                    reason: format!("cannot open {name}: {e}"),
                })
                .await;
        }
    };
    out.status(SourceState::Live).await?;
    let mut reader = BufReader::new(file);
    let mut line = Vec::new();
    let mut line_no = 0usize;
    // (first comment's ts, when it went out, last deadline)
    let mut clock: Option<(chrono::DateTime<chrono::Utc>, Instant, Instant)> = None;
    loop {
        line.clear();
        let read = match read_line(&mut reader, &mut line).await {
            Ok(n) => n,
            Err(e) => {
                return out
                    .status(SourceState::Failed {
                        reason: format!("{name}:{}: read error: {e}", line_no + 1),
                    })
                    .await;
            }
        };
        if read == 0 {
            break;
        }
        line_no += 1;
        let comment = match parse_line(&line) {
            Ok(Some(c)) => c,
            Ok(None) => continue,
            Err(why) => {
                out.notice(format!("{name}:{line_no}: skipped: {why}"))
                    .await?;
                continue;
            }
        };
        if seen.contains(&comment.id) {
            continue;
        }
        let deadline = match clock {
            None => {
                let now = Instant::now();
                clock = Some((comment.ts, now, now));
                now
            }
            Some((t0, start, last)) => {
                let deadline = (start + scaled_offset(comment.ts - t0, speed)).max(last);
                clock = Some((t0, start, deadline));
                deadline
            }
        };
        if speed != Speed::Max {
            tokio::time::sleep_until(deadline).await;
        }
        out.comment(comment).await?;
    }
    out.status(SourceState::Ended).await
}

/// Reads one line (without its newline) into `buf`, keeping at most
/// [`MAX_LINE_BYTES`]; returns the bytes consumed (0 at the end of the file).
async fn read_line<R: AsyncBufReadExt + Unpin>(
    reader: &mut R,
    buf: &mut Vec<u8>,
) -> std::io::Result<usize> {
    let mut consumed = 0;
    loop {
        let available = reader.fill_buf().await?;
        if available.is_empty() {
            return Ok(consumed);
        }
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let room = MAX_LINE_BYTES.saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let n = chunk.len();
        consumed += n;
        reader.consume(n);
        if done {
            if buf.last() == Some(&b'\n') {
                buf.pop();
            }
            return Ok(consumed);
        }
    }
}

/// A comment, `None` for a blank line, or why the line is unusable.
fn parse_line(line: &[u8]) -> Result<Option<Comment>, String> {
    if line.len() >= MAX_LINE_BYTES {
        return Err(format!("line longer than {} KiB", MAX_LINE_BYTES / 1024));
    }
    let text = std::str::from_utf8(line).map_err(|_| "not UTF-8".to_owned())?;
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let mut comment: Comment = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if comment.id.is_empty() {
        return Err("empty `id`".to_owned());
    }
    if comment.platform.is_none() {
        comment.platform = Some("replay".to_owned());
    }
    Ok(Some(comment))
}

fn scaled_offset(offset: chrono::TimeDelta, speed: Speed) -> Duration {
    let ms = offset.num_milliseconds().max(0) as f64;
    match speed {
        Speed::Max => Duration::ZERO,
        Speed::Factor(x) => Duration::from_secs_f64(ms / 1000.0 / x),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_parse_or_say_why_not() {
        let c = parse_line(br#"{"id":"c1","user":"amy","text":"hi","ts":"2026-11-21T12:03:05Z"}"#)
            .unwrap()
            .unwrap();
        assert_eq!(c.platform.as_deref(), Some("replay"));
        let c = parse_line(
            br#"{"id":"c1","text":"hi","ts":"2026-11-21T12:03:05Z","platform":"instagram"}"#,
        )
        .unwrap()
        .unwrap();
        assert_eq!(c.platform.as_deref(), Some("instagram"));
        assert_eq!(c.user, "");
        assert_eq!(parse_line(b"   ").unwrap(), None);
        assert!(parse_line(b"{not json").is_err());
        assert!(
            parse_line(br#"{"id":"c1","text":"no ts"}"#)
                .unwrap_err()
                .contains("ts")
        );
        assert!(parse_line(b"\xff\xfe").unwrap_err().contains("UTF-8"));
        assert!(
            parse_line(br#"{"id":"","text":"x","ts":"2026-11-21T12:03:05Z"}"#)
                .unwrap_err()
                .contains("id")
        );
    }

    #[test]
    fn offsets_scale_with_speed() {
        let ten_s = chrono::TimeDelta::seconds(10);
        assert_eq!(
            scaled_offset(ten_s, Speed::Factor(1.0)),
            Duration::from_secs(10)
        );
        assert_eq!(
            scaled_offset(ten_s, Speed::Factor(10.0)),
            Duration::from_secs(1)
        );
        assert_eq!(
            scaled_offset(ten_s, Speed::Factor(0.5)),
            Duration::from_secs(20)
        );
        assert_eq!(scaled_offset(ten_s, Speed::Max), Duration::ZERO);
        assert_eq!(
            scaled_offset(-ten_s, Speed::Factor(1.0)),
            Duration::ZERO,
            "a comment older than the first goes out at once"
        );
    }
}
