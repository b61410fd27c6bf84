//! Words from a list found in comments exactly the way the filter finds hidden words:
//! the same normalisation (look-alikes, Traditional and Simplified Chinese alike, letters
//! repeated for emphasis) and the same whole-word rule for spaced scripts. The report's
//! follow-up list uses it for complaint and order-problem words.

use super::FilterError;
use super::lexicon::{Hits, Lexicon, LexiconBuilder, ListKind};
use super::normalize::{Normalized, Normalizer};

/// Finds the words of one list in comments.
#[derive(Debug)]
pub struct WordMatcher {
    lexicon: Lexicon,
    normalizer: Normalizer,
    norm: Normalized,
    alt: Normalized,
    hits: Hits,
}

impl WordMatcher {
    /// A matcher for these words and phrases (`word*` matches the start of a word).
    pub fn new<I, S>(words: I) -> Result<Self, FilterError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut builder = LexiconBuilder::default();
        for word in words {
            let word = word.as_ref().trim();
            let (word, prefix) = match word.strip_suffix('*') {
                Some(stem) if !stem.trim().is_empty() => (stem, true),
                _ => (word, false),
            };
            builder.add(ListKind::Hidden, word, prefix);
        }
        Ok(Self {
            lexicon: builder.build()?,
            normalizer: Normalizer::default(),
            norm: Normalized::default(),
            alt: Normalized::default(),
            hits: Hits::default(),
        })
    }

    /// How many distinct words it looks for.
    pub fn len(&self) -> usize {
        self.lexicon.len()
    }

    /// Whether it looks for nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The first word of the list found in `text`, as written in the list.
    pub fn find(&mut self, text: &str) -> Option<&str> {
        self.lexicon.find_all(
            &mut self.normalizer,
            text,
            &mut self.norm,
            &mut self.alt,
            &mut self.hits,
        );
        self.lexicon.matched(&self.hits, ListKind::Hidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_like_the_filter() {
        let mut m =
            WordMatcher::new(["退貨", "never arrived", "refund*", "не пришло", "📦"]).unwrap();
        assert_eq!(m.len(), 5);
        assert_eq!(m.find("我要退货！"), Some("退貨"));
        assert_eq!(
            m.find("my parcel NEVER   arrived :("),
            Some("never arrived")
        );
        assert_eq!(m.find("refunds please"), Some("refund"));
        assert_eq!(m.find("Посылка не пришло"), Some("не пришло"));
        assert_eq!(m.find("where is my 📦"), Some("📦"));
        assert_eq!(m.find("arrived never"), None);
        assert_eq!(m.find("nonrefundable"), None);
        assert!(WordMatcher::new(Vec::<String>::new()).unwrap().is_empty());
    }
}
