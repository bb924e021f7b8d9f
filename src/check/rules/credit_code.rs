//! 统一社会信用代码 (unified social credit code) per GB 32100-2015.

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "credit-code",
    severity: Severity::Error,
    summary: "the client's 统一社会信用代码 is 18 characters with a valid GB 32100 check character",
    docs: "GB 32100-2015 codes are 18 characters from `0-9A-HJ-NP-RTUWXY` (no I, O, S, V, Z). \
           The 18th is a check character: each of the first 17 characters' values is weighted \
           by 3^(i-1) mod 31, and the check value is (31 - sum mod 31) mod 31. A wrong code is \
           printed on the certificate and in the regulator's database, so it is caught here.",
    example: "client:\n  credit_code: 91350100M000100Y44   # the check character should be 3",
    default_citations: &["GB 32100-2015 4"],
    applies: Applies::Always,
    check: Check::Case(check),
};

const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

fn value_of(c: char) -> Option<u32> {
    CHARSET.find(c).and_then(|i| u32::try_from(i).ok())
}

/// Why a code is invalid, or `None` for a valid code.
pub fn problem(code: &str) -> Option<String> {
    let n = code.chars().count();
    if n != 18 {
        return Some(format!("has {n} characters; GB 32100 codes have 18"));
    }
    let mut sum = 0u32;
    let mut weight = 1u32;
    let mut expected = '0';
    for (i, c) in code.chars().enumerate() {
        let Some(v) = value_of(c) else {
            return Some(format!(
                "has `{c}` at position {}; GB 32100 allows only 0-9 and A-Z without I, O, S, V, Z",
                i + 1
            ));
        };
        if i < 17 {
            sum += v * weight;
            weight = weight * 3 % 31;
        } else {
            let check = (31 - sum % 31) % 31;
            expected = CHARSET.chars().nth(check as usize).unwrap_or('0');
            if c == expected {
                return None;
            }
        }
    }
    Some(format!(
        "ends in `{}`, but its GB 32100 check character is `{expected}`",
        code.chars().last().unwrap_or(' ')
    ))
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let code = &ctx.case.client.credit_code;
    if let Some(why) = problem(code.trim()) {
        out.push(Finding::new(
            code.pos,
            format!("统一社会信用代码 `{}` {why}", code.value),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn valid_codes_pass() {
        assert_eq!(problem("91350100M000100Y43"), None);
        assert_eq!(problem("91360100MA39K8T2XY"), None);
    }

    #[test]
    fn invalid_codes_say_why() {
        assert!(problem("91350100M000100Y44").unwrap().contains("`3`"));
        assert!(
            problem("91350100M000100Y4")
                .unwrap()
                .contains("17 characters")
        );
        assert!(problem("91350100M0001O0Y43").unwrap().contains("`O`"));
        assert!(
            problem("九1350100M000100Y43")
                .unwrap()
                .contains("position 1")
        );
    }
}
