//! The built-in word lists, compiled into the binary from `assets/` (sources and
//! licences in `assets/README.md`).

use std::collections::HashSet;
use std::path::Path;

use super::FilterError;
use super::forms;
use super::lexicon::Shape;

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

/// Entries (of LDNOOBW or the additions) that are also names or ordinary words: hidden
/// only when aimed at a person.
const AIMED: &str = include_str!("../../assets/offensive/aimed.txt");

/// Everyday phrases that contain an offensive entry, which they cancel.
const EVERYDAY: &str = include_str!("../../assets/offensive/everyday.txt");

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

/// One offensive entry: the word, and how it matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OffensiveEntry {
    pub(crate) word: String,
    pub(crate) shape: Shape,
}

/// How a listed word of language `lang` matches: `word*` the start of a word, a
/// Finnish single word in all its case forms, a word of `aimed.txt` only when aimed at
/// a person.
fn shape_of<'a>(lang: &str, entry: &'a str, aimed: &HashSet<(&str, &str)>) -> (&'a str, Shape) {
    if let Some(stem) = entry.strip_suffix('*') {
        return (stem, Shape::Prefix);
    }
    if aimed.contains(&(lang, entry)) {
        return (entry, Shape::Aimed);
    }
    if lang == "fi" && !entry.contains(' ') {
        return (entry, Shape::Finnish);
    }
    (entry, Shape::Word)
}

/// The built-in offensive words: LDNOOBW for en, fi, ru, zh, less the exclusions,
/// plus livecue's additions, the Russian obscene roots and the everyday phrases that
/// cancel an entry they contain.
pub(crate) fn offensive_words() -> Result<Vec<OffensiveEntry>, FilterError> {
    let excluded: HashSet<(&str, &str)> = lang_lines(EXCLUDED).collect();
    let aimed: HashSet<(&str, &str)> = lang_lines(AIMED).collect();
    let mut out = Vec::new();
    for (lang, json) in LDNOOBW {
        let words: Vec<String> =
            serde_json::from_str(json).map_err(|e| FilterError::BuiltinList {
                name: lang,
                message: e.to_string(),
            })?;
        for word in words {
            if excluded.contains(&(lang, word.as_str())) {
                continue;
            }
            let (word, shape) = shape_of(lang, &word, &aimed);
            out.push(OffensiveEntry {
                word: word.to_owned(),
                shape,
            });
        }
    }
    for (lang, entry) in lang_lines(EXTRA).chain(lang_lines(AIMED)) {
        let (word, shape) = shape_of(lang, entry, &aimed);
        out.push(OffensiveEntry {
            word: word.to_owned(),
            shape,
        });
    }
    for root in forms::ru_roots() {
        out.push(OffensiveEntry {
            word: root.to_owned(),
            shape: Shape::RuRoot,
        });
    }
    for (_, phrase) in lang_lines(EVERYDAY) {
        out.push(OffensiveEntry {
            word: phrase.to_owned(),
            shape: Shape::Except,
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
        for probe in [
            "bitch",
            "vittu",
            "блядь",
            "王八蛋",
            "機掰",
            "пизд",
            "靠北邊",
        ] {
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
