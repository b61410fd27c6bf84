//! `livecue classify`: comment JSON Lines in, verdict JSON Lines out.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::comments::{Comment, Filter, read_word_list};
use crate::plan::FilterSettings;

/// What a run of [`classify`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Comments classified (one verdict line each).
    pub classified: usize,
    /// Malformed lines reported on the error stream and skipped.
    pub skipped: usize,
}

/// Classifies the comments of `--input` (or stdin) with the filter settings of
/// `--plan` (or the defaults) plus `--hidden-words`. Exit 1 when any line was skipped.
pub fn run(
    plan: Option<&Path>,
    hidden_words: Option<&Path>,
    input: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let settings = match plan {
        Some(path) => super::load_checked(Some(path))?.filter,
        None => FilterSettings::default(),
    };
    let extra = match hidden_words {
        Some(path) => read_word_list(path)?,
        None => Vec::new(),
    };
    let mut filter = Filter::with_hidden_words(&settings, &extra)?;
    let stdout = io::stdout().lock();
    let stderr = io::stderr().lock();
    let summary = match input {
        Some(path) => {
            let file =
                File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
            let mut out = BufWriter::new(stdout);
            let summary = classify(
                BufReader::new(file),
                &mut out,
                stderr,
                &mut filter,
                &path.display().to_string(),
                false,
            )?;
            out.flush()?;
            summary
        }
        // Comments may trickle in through a pipe: answer each one as it comes.
        None => classify(
            io::stdin().lock(),
            stdout,
            stderr,
            &mut filter,
            "stdin",
            true,
        )?,
    };
    Ok(if summary.skipped > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads comments, one JSON object per line, and writes one verdict line per comment,
/// in order. Blank lines are ignored. A malformed line (not UTF-8, not JSON, not a
/// comment) produces no verdict: `SOURCE:LINE: error: ...` goes to `errors` and the
/// rest go on.
pub fn classify<R: BufRead, W: Write, E: Write>(
    mut input: R,
    mut out: W,
    mut errors: E,
    filter: &mut Filter,
    source: &str,
    flush_each: bool,
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line_no += 1;
        let bytes = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        let Ok(line) = std::str::from_utf8(bytes) else {
            writeln!(
                errors,
                "{source}:{line_no}: error: not UTF-8 text; line skipped"
            )?;
            summary.skipped += 1;
            continue;
        };
        if line.trim().is_empty() {
            continue;
        }
        let comment: Comment = match serde_json::from_str(line) {
            Ok(c) => c,
            Err(e) => {
                writeln!(
                    errors,
                    "{source}:{line_no}: error: not a comment: {}; line skipped",
                    describe(&e)
                )?;
                summary.skipped += 1;
                continue;
            }
        };
        let verdict = filter.classify(&comment);
        serde_json::to_writer(&mut out, &verdict)?;
        out.write_all(b"\n")?;
        if flush_each {
            out.flush()?;
        }
        summary.classified += 1;
    }
    out.flush()?;
    Ok(summary)
}

/// serde_json's message, with the position given as a column of this line.
fn describe(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match text.strip_suffix(&suffix) {
        Some(msg) if e.column() > 0 => format!("{msg} (column {})", e.column()),
        Some(msg) => msg.to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_lines(input: &str) -> (String, String, Summary) {
        let mut filter = Filter::new(&FilterSettings::default()).unwrap();
        let mut out = Vec::new();
        let mut err = Vec::new();
        let summary = classify(
            input.as_bytes(),
            &mut out,
            &mut err,
            &mut filter,
            "in.jsonl",
            false,
        )
        .unwrap();
        (
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
            summary,
        )
    }

    #[test]
    fn one_verdict_per_comment_and_errors_name_the_line() {
        let input = concat!(
            r#"{"id":"c1","user":"a","text":"hello","ts":"2026-11-21T12:00:00Z"}"#,
            "\n\n",
            "not json\n",
            r#"{"id":"c2","text":"missing ts"}"#,
            "\r\n",
            r#"{"id":"c3","user":"b","text":"請問運費怎麼算？","ts":"2026-11-21T12:00:01Z"}"#,
        );
        let (out, err, summary) = run_lines(input);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0],
            r#"{"id":"c1","shown":true,"reasons":[],"question":false,"duplicate_of":null}"#
        );
        assert!(lines[1].starts_with(r#"{"id":"c3","shown":true,"reasons":[],"question":true"#));
        assert!(
            err.contains("in.jsonl:3: error: not a comment: expected"),
            "{err}"
        );
        assert!(
            err.contains("in.jsonl:4: error: not a comment: missing field `ts`"),
            "{err}"
        );
        assert_eq!(
            summary,
            Summary {
                classified: 2,
                skipped: 2
            }
        );
    }

    #[test]
    fn invalid_utf8_is_reported_not_fatal() {
        let mut input = b"\xff\xfe\n".to_vec();
        input.extend_from_slice(br#"{"id":"c1","text":"ok","ts":"2026-11-21T12:00:00Z"}"#);
        let mut filter = Filter::new(&FilterSettings::default()).unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let summary = classify(&input[..], &mut out, &mut err, &mut filter, "x", false).unwrap();
        assert_eq!(
            summary,
            Summary {
                classified: 1,
                skipped: 1
            }
        );
        assert!(
            String::from_utf8(err)
                .unwrap()
                .starts_with("x:1: error: not UTF-8")
        );
    }
}
