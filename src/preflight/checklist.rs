//! The manual part of pre-flight: the plan's checklist (Instagram's Live guidance when
//! the plan gives none), and always the phone's do-not-disturb, which no check on this
//! computer can see.

use crate::plan::Plan;

/// The item added when a plan's checklist does not mention do-not-disturb.
pub const PHONE_DND: &str = "Phone on do-not-disturb";

/// The items to tick by hand, in order: the plan's own, then the phone's
/// do-not-disturb unless the plan already asks for it.
pub fn items(plan: &Plan) -> Vec<String> {
    let mut items = plan.checklist.clone();
    if !items.iter().any(|item| mentions_dnd(item)) {
        items.push(PHONE_DND.to_owned());
    }
    items
}

/// Whether an item is about do-not-disturb, in the languages plans are written in.
fn mentions_dnd(item: &str) -> bool {
    let lower = item.to_lowercase();
    [
        "do-not-disturb",
        "do not disturb",
        "勿擾",
        "勿扰",
        "не беспокоить",
        "älä häiritse",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_with(checklist: &[&str]) -> Plan {
        let mut plan = crate::plan::parse(crate::EXAMPLE_PLAN, "example").expect("example plan");
        plan.checklist = checklist.iter().map(|s| (*s).to_owned()).collect();
        plan
    }

    #[test]
    fn phone_dnd_is_added_once() {
        assert_eq!(
            items(&plan_with(&["Lights"])),
            vec!["Lights".to_owned(), PHONE_DND.to_owned()]
        );
        assert_eq!(items(&plan_with(&["手機開啟勿擾模式"])).len(), 1);
        assert_eq!(items(&plan_with(&["Phone on Do Not Disturb"])).len(), 1);
        assert_eq!(items(&plan_with(&[])), vec![PHONE_DND.to_owned()]);
    }

    #[test]
    fn default_checklist_already_has_it() {
        let plan = plan_with(&[]);
        let defaults = Plan {
            checklist: crate::plan::default_checklist(),
            ..plan
        };
        assert_eq!(items(&defaults), crate::plan::default_checklist());
    }
}
