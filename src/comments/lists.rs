//! The built-in word lists, compiled into the binary from `assets/` (sources and
//! licences in `assets/README.md`).

use std::collections::HashSet;
use std::path::Path;

use super::FilterError;

/// LDNOOBW lists (CC-BY-4.0), by language.
const LDNOOBW: [(&str, &str); 4] = [
    ("en", include_str!("../../assets/offensive/ldnoobw/en.json")),
    ("fi", include_str!("../../assets/offensive/ldnoobw/fi.json")),
    ("ru", include_str!("../../assets/offensive/ldnoobw/ru.json")),
    ("zh", include_str!("../../assets/offensive/ldnoobw/zh.json")),
];

/// LDNOOBW entries livecue leaves out (everyday words, clinical terms, substrings of
/// ordinary Chinese phrases).
const EXCLUDED: &str = include_str!("../../assets/offensive/excluded.txt");

/// livecue's own additions; `*` at the end matches the start of a word.
const EXTRA: &str = include_str!("../../assets/offensive/extra.txt");

/// Built-in spam phrases.
const SPAM_PHRASES: &str = include_str!("../../assets/spam/phrases.txt");

/// Parses a word list: one word or phrase per line; blank lines and lines starting
/// with `#` are skipped.
pub fn parse_word_list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Reads a word list file (see [`parse_word_list`]).
pub fn read_word_list(path: &Path) -> Result<Vec<String>, FilterError> {
    let text = std::fs::read_to_string(path).map_err(|source| FilterError::WordList {
        path: path.to_owned(),
        source,
    })?;
    Ok(parse_word_list(&text))
}

/// Lines of a `LANG ENTRY` list.
fn lang_lines(text: &str) -> impl Iterator<Item = (&str, &str)> {
    parse_word_list_borrowed(text).filter_map(|line| line.split_once(' '))
}

fn parse_word_list_borrowed(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// One offensive entry: the word, and whether it matches the start of a word only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OffensiveEntry {
    pub(crate) word: String,
    pub(crate) prefix: bool,
}

/// The built-in offensive words: LDNOOBW for en, fi, ru, zh, less the exclusions,
/// plus livecue's additions.
pub(crate) fn offensive_words() -> Result<Vec<OffensiveEntry>, FilterError> {
    let excluded: HashSet<(&str, &str)> = lang_lines(EXCLUDED).collect();
    let mut out = Vec::new();
    for (lang, json) in LDNOOBW {
        let words: Vec<String> =
            serde_json::from_str(json).map_err(|e| FilterError::BuiltinList {
                name: lang,
                message: e.to_string(),
            })?;
        out.extend(
            words
                .into_iter()
                .filter(|w| !excluded.contains(&(lang, w.as_str())))
                .map(|word| OffensiveEntry {
                    word,
                    prefix: false,
                }),
        );
    }
    for (_, entry) in lang_lines(EXTRA) {
        let (word, prefix) = match entry.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (entry, false),
        };
        out.push(OffensiveEntry {
            word: word.to_owned(),
            prefix,
        });
    }
    Ok(out)
}

/// The built-in spam phrases.
pub(crate) fn spam_phrases() -> Vec<String> {
    parse_word_list(SPAM_PHRASES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_exclusion_names_an_entry_of_its_list() {
        for (lang, word) in lang_lines(EXCLUDED) {
            let json = LDNOOBW
                .iter()
                .find(|(l, _)| *l == lang)
                .map(|(_, j)| *j)
                .unwrap_or_else(|| panic!("unknown language {lang}"));
            let words: Vec<String> = serde_json::from_str(json).unwrap();
            assert!(
                words.iter().any(|w| w == word),
                "{lang} {word:?} is not in the list"
            );
        }
    }

    #[test]
    fn lists_load_with_every_language() {
        let words = offensive_words().unwrap();
        assert!(words.len() > 700, "{}", words.len());
        for probe in ["bitch", "vittu", "блядь", "王八蛋", "機掰", "пизд"] {
            assert!(words.iter().any(|e| e.word == probe), "{probe}");
        }
        assert!(!words.iter().any(|e| e.word == "乳" || e.word == "tavara"));
        assert!(spam_phrases().iter().any(|p| p == "互粉"));
    }

    #[test]
    fn word_list_files_skip_comments_and_blank_lines() {
        let words = parse_word_list("# comment\n假貨\n\n  fake  \r\n#x\n");
        assert_eq!(words, ["假貨", "fake"]);
    }
}
