//! "Did you mean": the known name nearest to a mistyped one.

/// The candidate nearest to `given` by edit distance, when it is near enough to be a typo
/// (at most a third of its length, and at least one edit).
pub fn closest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let given_lc = given.to_lowercase();
    let limit = (given.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (distance(&given_lc, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= limit && *c != given)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
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
        assert_eq!(
            closest("confidentialty", ["confidentiality", "trade-secret"]),
            Some("confidentiality")
        );
    }
}
