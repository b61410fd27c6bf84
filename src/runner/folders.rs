//! Where the app keeps its shows: one folder per show under a folder of shows, named
//! by when the show was opened, each holding its `journal.jsonl`.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::session::JournalHeader;

/// The journal file inside a show's folder.
const JOURNAL_FILE: &str = "journal.jsonl";

/// The newest journal under `shows_dir` recorded with the plan whose hash is
/// `plan_hash`, by the time its show was opened. Folders without a readable header,
/// and rehearsals, are passed over: a rehearsal is never continued as the real show.
pub fn find_newest_journal(shows_dir: &Path, plan_hash: &str) -> Option<PathBuf> {
    let entries = std::fs::read_dir(shows_dir).ok()?;
    let mut newest: Option<(DateTime<Utc>, PathBuf)> = None;
    for entry in entries.flatten() {
        let path = entry.path().join(JOURNAL_FILE);
        let Some(header) = read_header(&path) else {
            continue;
        };
        if header.plan_hash != plan_hash || header.rehearsal.is_some() {
            continue;
        }
        let key = (header.epoch, path);
        if newest.as_ref().is_none_or(|n| key > *n) {
            newest = Some(key);
        }
    }
    newest.map(|(_, path)| path)
}

/// A show found in a folder of shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShowEntry {
    /// Its journal.
    pub journal: PathBuf,
    /// The plan's title then.
    pub title: String,
    /// When the show was opened.
    pub opened: DateTime<Utc>,
    /// A rehearsal's speed (times real time); `None` for a real show.
    pub rehearsal: Option<u32>,
}

/// Every show under `shows_dir` with a readable journal header, newest first.
pub fn list_shows(shows_dir: &Path) -> Vec<ShowEntry> {
    let Ok(entries) = std::fs::read_dir(shows_dir) else {
        return Vec::new();
    };
    let mut shows: Vec<ShowEntry> = entries
        .flatten()
        .filter_map(|entry| {
            let journal = entry.path().join(JOURNAL_FILE);
            let header = read_header(&journal)?;
            Some(ShowEntry {
                journal,
                title: header.plan_title,
                opened: header.epoch,
                rehearsal: header.rehearsal,
            })
        })
        .collect();
    shows.sort_by(|a, b| {
        b.opened
            .cmp(&a.opened)
            .then_with(|| b.journal.cmp(&a.journal))
    });
    shows
}

/// A folder for a new show, not yet created: `2026-11-30_203107-Title`, with `-2`,
/// `-3` ... when a show was opened in the same second.
pub fn new_show_folder(shows_dir: &Path, title: &str) -> PathBuf {
    let base = format!(
        "{}-{}",
        chrono::Local::now().format("%Y-%m-%d_%H%M%S"),
        slug(title)
    );
    let mut folder = shows_dir.join(&base);
    let mut n = 2;
    while folder.exists() {
        folder = shows_dir.join(format!("{base}-{n}"));
        n += 1;
    }
    folder
}

// Only the first line: listing shows must not read whole journals.
fn read_header(path: &Path) -> Option<JournalHeader> {
    let mut line = String::new();
    BufReader::new(File::open(path).ok()?)
        .read_line(&mut line)
        .ok()?;
    serde_json::from_str(&line).ok()
}

/// A folder-name-safe version of a title: its own letters and digits, Chinese
/// included; characters no file system takes (`/ \ : * ? " < > |`, control characters),
/// spaces and dots become single dashes. At most 60 characters.
fn slug(title: &str) -> String {
    const UNSAFE: &[char] = &['/', '\\', ':', '*', '?', '"', '<', '>', '|', '.'];
    let mut out = String::new();
    for c in title.chars() {
        if c.is_control() || c.is_whitespace() || UNSAFE.contains(&c) {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push(c);
        }
    }
    let out: String = out.chars().take(60).collect();
    let out = out.trim_matches('-');
    if out.is_empty() {
        "show".to_owned()
    } else {
        out.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{JournalHeader, JournalWriter};

    fn journal(dir: &Path, name: &str, hash: &str, epoch_secs: i64) {
        let epoch = DateTime::from_timestamp(epoch_secs, 0).unwrap_or_default();
        let header = JournalHeader::new(hash.into(), "t".into(), epoch);
        let writer = JournalWriter::create(&dir.join(name).join(JOURNAL_FILE), &header);
        assert!(writer.is_ok());
    }

    #[test]
    fn the_newest_journal_of_the_same_plan_is_found() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        journal(dir.path(), "a", "sha256:one", 1_000);
        journal(dir.path(), "b", "sha256:one", 3_000);
        journal(dir.path(), "c", "sha256:two", 9_000);
        std::fs::create_dir_all(dir.path().join("empty")).unwrap_or_default();
        assert_eq!(
            find_newest_journal(dir.path(), "sha256:one"),
            Some(dir.path().join("b").join(JOURNAL_FILE))
        );
        assert_eq!(find_newest_journal(dir.path(), "sha256:three"), None);
        assert_eq!(find_newest_journal(&dir.path().join("missing"), "x"), None);
        let listed: Vec<_> = list_shows(dir.path())
            .into_iter()
            .map(|s| s.journal)
            .collect();
        assert_eq!(
            listed,
            ["c", "b", "a"].map(|n| dir.path().join(n).join(JOURNAL_FILE))
        );
    }

    #[test]
    fn a_rehearsal_is_listed_as_one_and_never_continued() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        journal(dir.path(), "show", "sha256:one", 1_000);
        let epoch = DateTime::from_timestamp(2_000, 0).unwrap_or_default();
        let mut header = JournalHeader::new("sha256:one".into(), "t".into(), epoch);
        header.rehearsal = Some(20);
        let path = dir.path().join("rehearsal").join(JOURNAL_FILE);
        assert!(JournalWriter::create(&path, &header).is_ok());
        assert_eq!(
            find_newest_journal(dir.path(), "sha256:one"),
            Some(dir.path().join("show").join(JOURNAL_FILE))
        );
        let listed: Vec<_> = list_shows(dir.path())
            .into_iter()
            .map(|s| (s.journal, s.rehearsal))
            .collect();
        assert_eq!(
            listed,
            [
                (path, Some(20)),
                (dir.path().join("show").join(JOURNAL_FILE), None)
            ]
        );
    }

    #[test]
    fn slugs_are_folder_safe() {
        assert_eq!(
            slug("Spring Launch: serum 30ml!"),
            "Spring-Launch-serum-30ml!"
        );
        assert_eq!(slug("保濕精華直播"), "保濕精華直播");
        assert_eq!(
            slug("晨光保養｜玻尿酸保濕精華新品發表"),
            "晨光保養｜玻尿酸保濕精華新品發表"
        );
        assert_eq!(slug("a/b\\c:d*e?f\"g<h>i|j"), "a-b-c-d-e-f-g-h-i-j");
        assert_eq!(slug("..hidden.  "), "hidden");
        assert_eq!(slug("/:*"), "show");
        assert_eq!(slug(&"長".repeat(100)).chars().count(), 60);
    }
}
