//! Complaint and order-problem words: comments that should get a private message after
//! the show. Built-in lists per language in `assets/followup/`, which a plan extends with
//! `followup_words`; matched like hidden words ([`WordMatcher`]).

use crate::comments::{FilterError, WordMatcher, parse_word_list};
use crate::plan::Plan;

/// The built-in lists, by language.
const LISTS: [(&str, &str); 4] = [
    ("en", include_str!("../../assets/followup/en.txt")),
    ("fi", include_str!("../../assets/followup/fi.txt")),
    ("ru", include_str!("../../assets/followup/ru.txt")),
    ("zh", include_str!("../../assets/followup/zh.txt")),
];

/// Every built-in follow-up word, with its language.
pub fn builtin_followup_words() -> Vec<(&'static str, String)> {
    LISTS
        .iter()
        .flat_map(|(lang, text)| parse_word_list(text).into_iter().map(move |w| (*lang, w)))
        .collect()
}

/// A matcher for the built-in follow-up words and the plan's own.
pub fn followup_matcher(plan: &Plan) -> Result<WordMatcher, FilterError> {
    WordMatcher::new(
        builtin_followup_words()
            .into_iter()
            .map(|(_, w)| w)
            .chain(plan.followup_words.iter().cloned()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_list_and_plans_extend_it() {
        let words = builtin_followup_words();
        for lang in ["en", "fi", "ru", "zh"] {
            assert!(
                words.iter().filter(|(l, _)| *l == lang).count() >= 10,
                "{lang}"
            );
        }
        let mut plan = crate::plan::parse(crate::EXAMPLE_PLAN, "example").unwrap();
        let mut m = followup_matcher(&plan).unwrap();
        assert_eq!(m.find("三天了還沒收到貨"), Some("還沒收到"));
        assert_eq!(m.find("I want a REFUND"), Some("refund"));
        assert_eq!(m.find("посылка не пришла"), Some("не пришла"));
        assert_eq!(m.find("paketti ei tullut perille"), Some("ei tullut"));
        assert_eq!(m.find("瓶蓋鬆了"), None);
        plan.followup_words.push("瓶蓋鬆".into());
        assert_eq!(
            followup_matcher(&plan).unwrap().find("瓶蓋鬆了"),
            Some("瓶蓋鬆")
        );
    }
}
