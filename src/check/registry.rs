//! The rule table: every rule certdoc knows, in the order of `rules.md`.

use super::rule::Rule;
use super::rules;

pub static RULES: &[&Rule] = &[
    &rules::schema::RULE,
    &rules::duplicate_id::RULE,
    &rules::duplicate_id::ACROSS_CASES,
    &rules::unknown_reference::RULE,
    &rules::date_order::RULE,
    &rules::credit_code::RULE,
];

/// The documented rules, one per id (a rule may have several check functions).
pub fn documented() -> impl Iterator<Item = &'static Rule> {
    RULES.iter().copied().filter(|r| !r.docs.is_empty())
}

pub fn find(id: &str) -> Option<&'static Rule> {
    documented().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_and_documented() {
        let mut seen = HashSet::new();
        for r in documented() {
            assert!(seen.insert(r.id), "{} twice", r.id);
            assert!(!r.summary.is_empty() && !r.example.is_empty(), "{}", r.id);
            assert!(
                r.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{}",
                r.id
            );
        }
        for r in RULES {
            assert!(find(r.id).is_some(), "{} has no documented entry", r.id);
        }
    }
}
