//! "Did you mean": the known name nearest to a mistyped one, for field names, enum values,
//! ids, rule ids, schemes and bodies alike.

/// The candidate nearest to `given` by edit distance, when near enough to be a typo (at
/// most a third of the candidate's length, at least one edit).
pub fn closest<'c>(given: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let given = given.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (distance(&given, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters; names longer than 64 characters are never near
/// (a hostile file's 1 MB key must not cost a quadratic comparison).
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    if a.chars().count() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::{closest, distance};

    #[test]
    fn a_typo_finds_its_name_and_a_stranger_finds_none() {
        assert_eq!(distance("kitten", "sitting"), 3);
        let rules = ["surveillance-due", "surveillance-overdue", "stage-gap"];
        assert_eq!(closest("survelliance-due", rules), Some("surveillance-due"));
        assert_eq!(closest("stage-gapp", rules), Some("stage-gap"));
        assert_eq!(closest("banana", rules), None);
        let schemes = ["confidentiality", "trade-secret"];
        assert_eq!(closest("confidentialty", schemes), Some("confidentiality"));
        assert_eq!(closest(&"x".repeat(100), ["xx"]), None);
    }
}
