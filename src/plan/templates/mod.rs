//! Ready-made plans a producer starts from: a product launch, an expert Q&A with a
//! guest, a workshop and a behind-the-scenes live, each in Traditional Chinese and
//! English.
//!
//! Each template is a RON plan file bundled into the binary, so it reads exactly like a
//! plan a producer would write, and the same checks (`livecue check`) hold for it. The
//! editor's "new from template" and `livecue new` both come through here.

use super::{Plan, PlanError, parse};

/// The language a template is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Traditional Chinese (Taiwan).
    ZhTw,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// Both languages, for lists and tests.
    pub const ALL: [Lang; 2] = [Lang::ZhTw, Lang::En];

    /// The tag used on the command line and in file names: `zh-TW`, `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhTw => "zh-TW",
            Lang::En => "en",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Tags are case-insensitive (BCP 47), and people write zh_TW too.
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "zh-tw" | "zh-hant" | "zh-hant-tw" => Ok(Lang::ZhTw),
            "en" | "en-us" | "en-gb" => Ok(Lang::En),
            _ => Err(format!("unknown language `{s}`: use zh-TW or en")),
        }
    }
}

/// One template: its name, what it is for, and its text in each language.
#[derive(Clone, Copy, Debug)]
pub struct Template {
    /// The name `livecue new --template` takes: `product-launch`.
    pub name: &'static str,
    /// One line on what it is for, in English.
    pub about: &'static str,
    zh_tw: &'static str,
    en: &'static str,
}

impl Template {
    /// The template's RON text in `lang`, comments included.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::ZhTw => self.zh_tw,
            Lang::En => self.en,
        }
    }

    /// The template as a plan.
    pub fn plan(&self, lang: Lang) -> Result<Plan, PlanError> {
        parse(self.text(lang), &self.file_name(lang))
    }

    /// How the bundled file is named in messages: `product-launch.zh-TW.ron`.
    pub fn file_name(&self, lang: Lang) -> String {
        format!("{}.{}.ron", self.name, lang.tag())
    }
}

/// Every template, in the order they are listed.
pub const TEMPLATES: [Template; 4] = [
    Template {
        name: "product-launch",
        about: "product launch (sales): demo, live-only offer, Q&A, call to action — 60 min",
        zh_tw: include_str!("product-launch.zh-TW.ron"),
        en: include_str!("product-launch.en.ron"),
    },
    Template {
        name: "expert-qa",
        about: "expert Q&A with a guest (credibility): two topics, sticker and live questions — 65 min",
        zh_tw: include_str!("expert-qa.zh-TW.ron"),
        en: include_str!("expert-qa.en.ron"),
    },
    Template {
        name: "workshop",
        about: "workshop / tutorial (engagement): three short steps, Q&A — 67 min",
        zh_tw: include_str!("workshop.zh-TW.ron"),
        en: include_str!("workshop.en.ron"),
    },
    Template {
        name: "behind-the-scenes",
        about: "behind the scenes (engagement): tour, process, a teammate, ask us anything — 58 min",
        zh_tw: include_str!("behind-the-scenes.zh-TW.ron"),
        en: include_str!("behind-the-scenes.en.ron"),
    },
];

/// The template with this name.
pub fn find(name: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.name == name.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{SegmentKind, to_ron, validate};

    #[test]
    fn every_template_in_both_languages_is_a_clean_plan_of_the_right_shape() {
        for t in &TEMPLATES {
            for lang in Lang::ALL {
                let name = t.file_name(lang);
                let plan = t.plan(lang).unwrap_or_else(|e| panic!("{name}: {e}"));
                let found = validate(&plan, t.text(lang), &name, None);
                assert!(found.is_empty(), "{name}: {found:?}");
                let mins = plan.planned_total().secs() / 60;
                assert!((55..=75).contains(&mins), "{name}: {mins} min");
                let kinds: Vec<_> = plan.segments.iter().map(|s| s.kind).collect();
                assert_eq!(kinds.first(), Some(&SegmentKind::WarmUp), "{name}");
                assert_eq!(kinds.last(), Some(&SegmentKind::Closing), "{name}");
                assert!(kinds.contains(&SegmentKind::QAndA), "{name}");
                assert!(
                    !plan.questions.is_empty() && !plan.cues.is_empty(),
                    "{name}"
                );
                assert_eq!(plan.checklist.len(), 10, "{name}");
                // Written out and read back, the plan is the same.
                let text = to_ron(&plan).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(crate::plan::parse(&text, &name).ok(), Some(plan), "{name}");
            }
        }
    }

    #[test]
    fn the_chinese_and_english_templates_have_the_same_running_order() {
        for t in &TEMPLATES {
            let (zh, en) = (t.plan(Lang::ZhTw), t.plan(Lang::En));
            let (Ok(zh), Ok(en)) = (zh, en) else {
                panic!("{} does not parse", t.name);
            };
            let shape = |p: &Plan| -> Vec<_> {
                p.segments
                    .iter()
                    .map(|s| (s.id.clone(), s.kind, s.duration))
                    .collect()
            };
            assert_eq!(shape(&zh), shape(&en), "{}", t.name);
            assert_eq!(zh.cues.len(), en.cues.len(), "{}", t.name);
        }
    }

    #[test]
    fn languages_are_read_leniently_and_unknown_ones_named() {
        assert_eq!("zh-TW".parse::<Lang>(), Ok(Lang::ZhTw));
        assert_eq!("zh_tw".parse::<Lang>(), Ok(Lang::ZhTw));
        assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
        assert!(matches!("fi".parse::<Lang>(), Err(e) if e.contains("zh-TW or en")));
        assert!(find("workshop").is_some());
        assert!(find("nope").is_none());
    }
}
