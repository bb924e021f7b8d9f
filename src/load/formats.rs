//! The checked text formats of case and rules files. Each is written into the JSON Schema as
//! a `pattern` (so editors flag it as you type) and checked here by hand with the same
//! meaning: the loader finds a format by its pattern, and explains it in words.

use schemars::{Schema, SchemaGenerator, json_schema};
use serde_json::Value;

pub struct Format {
    /// The JSON Schema pattern (ECMAScript syntax, as editors read it).
    pub pattern: &'static str,
    /// What a value of this format is, for messages: "a case number".
    pub what: &'static str,
    /// The rule in words, for messages.
    pub rule: &'static str,
    pub example: &'static str,
    pub check: fn(&str) -> bool,
}

impl std::fmt::Debug for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.what)
    }
}

/// A file or folder name part: the case number names the case's folder under `output/`,
/// and document numbers name the PDF files, so neither may climb out (`..`, `/`, `\`) or
/// hold characters a file system or a URL treats specially.
fn file_name_part(s: &str, max: usize) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= max
        && b[0].is_ascii_alphanumeric()
        && !s.ends_with('.')
        && !s.contains("..")
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
}

pub const CASE_NUMBER: Format = Format {
    pattern: r"^(?!.*\.\.)[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9_-])?$",
    what: "a case number",
    rule: "it names the case's folder under `output/`, so use ASCII letters, digits, `-`, `_` \
           and `.` only, start with a letter or digit, no `..`, at most 64 characters",
    example: "TB-PIC-2026-003",
    check: |s| file_name_part(s, 64),
};

pub const DOCUMENT_NUMBER: Format = Format {
    pattern: r"^(?!.*\.\.)[A-Za-z0-9](?:[A-Za-z0-9._-]{0,126}[A-Za-z0-9_-])?$",
    what: "a document number",
    rule: "it names the record's PDF file, so use ASCII letters, digits, `-`, `_` and `.` \
           only, start with a letter or digit, no `..` or `/`, at most 128 characters",
    example: "TB-PIC-2026-0003",
    check: |s| file_name_part(s, 128),
};

pub const ID: Format = Format {
    pattern: r"^[A-Za-z0-9_-]{1,32}$",
    what: "an id",
    rule: "it goes into document numbers, so use ASCII letters, digits, `-` and `_` only, at \
           most 32 characters",
    example: "S2",
    check: |s| {
        (1..=32).contains(&s.len())
            && s.bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_'))
    },
};

pub const REVISION: Format = Format {
    pattern: r"^[A-Z]/(0|[1-9][0-9]{0,2})$",
    what: "a revision",
    rule: "write the edition letter, `/` and the amendment number",
    example: "A/0",
    check: |s| {
        let Some((letter, number)) = s.split_once('/') else {
            return false;
        };
        letter.len() == 1
            && letter.bytes().all(|c| c.is_ascii_uppercase())
            && (number == "0"
                || ((1..=3).contains(&number.len())
                    && !number.starts_with('0')
                    && number.bytes().all(|c| c.is_ascii_digit())))
    },
};

pub const NON_BLANK: Format = Format {
    pattern: r"\S",
    what: "text",
    rule: "it must not be blank; write the value, or leave the field out when it is optional",
    example: "",
    check: |s| !s.trim().is_empty(),
};

/// Years of the working-day calendar, as mapping keys.
pub const YEAR: Format = Format {
    pattern: r"^(19|2[0-9])[0-9]{2}$",
    what: "a year",
    rule: "write the four-digit year",
    example: "2026",
    check: |s| s.len() == 4 && s.parse::<u32>().is_ok_and(plausible_year),
};

/// Dates in certification records lie within living memory and the validity of certificates
/// issued now; a year outside this range is a typo (0226 for 2026), never a real record.
pub fn plausible_year(y: u32) -> bool {
    (1900..=2999).contains(&y)
}

pub const ALL: &[&Format] = &[
    &CASE_NUMBER,
    &DOCUMENT_NUMBER,
    &ID,
    &REVISION,
    &NON_BLANK,
    &YEAR,
];

pub fn by_pattern(pattern: &str) -> Option<&'static Format> {
    ALL.iter().copied().find(|f| f.pattern == pattern)
}

fn text(f: &Format, nullable: bool) -> Schema {
    let ty: Value = if nullable {
        serde_json::json!(["string", "null"])
    } else {
        "string".into()
    };
    let mut s = json_schema!({ "type": ty, "pattern": f.pattern });
    if !f.example.is_empty() {
        s.insert("examples".into(), serde_json::json!([f.example]));
    }
    s
}

pub fn case_number(_: &mut SchemaGenerator) -> Schema {
    text(&CASE_NUMBER, false)
}

pub fn id(_: &mut SchemaGenerator) -> Schema {
    text(&ID, false)
}

pub fn document_number(_: &mut SchemaGenerator) -> Schema {
    text(&DOCUMENT_NUMBER, false)
}

pub fn optional_document_number(_: &mut SchemaGenerator) -> Schema {
    text(&DOCUMENT_NUMBER, true)
}

pub fn revision(_: &mut SchemaGenerator) -> Schema {
    text(&REVISION, false)
}

/// `revisions:`: document numbers to revision lists.
pub fn revisions(generator: &mut SchemaGenerator) -> Schema {
    let list = generator.subschema_for::<Vec<super::case::Revision>>();
    json_schema!({
        "type": "object",
        "propertyNames": { "pattern": DOCUMENT_NUMBER.pattern },
        "additionalProperties": list,
        "default": {}
    })
}

/// `years:` of the calendar: years to their holidays and working days.
pub fn calendar_years(generator: &mut SchemaGenerator) -> Schema {
    let year = generator.subschema_for::<super::calendar::Year>();
    json_schema!({
        "type": "object",
        "propertyNames": { "pattern": YEAR.pattern },
        "additionalProperties": year
    })
}

/// Container transform: every text property (and text list item) of the struct that has no
/// format of its own must not be blank, so `name: "  "` is an error at the node.
pub fn non_blank(schema: &mut Schema) {
    let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for prop in props.values_mut() {
        mark(prop);
        if let Some(items) = prop.get_mut("items") {
            mark(items);
        }
    }
}

fn mark(v: &mut Value) {
    let Some(o) = v.as_object_mut() else {
        return;
    };
    let is_text = match o.get("type") {
        Some(Value::String(t)) => t == "string",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
        _ => false,
    };
    if is_text
        && !["pattern", "format", "enum", "const"]
            .iter()
            .any(|k| o.contains_key(*k))
    {
        o.insert("pattern".into(), NON_BLANK.pattern.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_accept_the_bundled_numbers_and_refuse_paths() {
        for ok in ["TB-PIC-2026-003", "HZL-TS-2024-017", "a.b_c-1"] {
            assert!((CASE_NUMBER.check)(ok), "{ok}");
        }
        for bad in [
            "",
            "../x",
            "a/b",
            "a\\b",
            "-a",
            "a..b",
            "a.",
            "案-1",
            "a b",
            &"a".repeat(65),
        ] {
            assert!(!(CASE_NUMBER.check)(bad), "{bad}");
        }
        for ok in ["TB-PIC-2026-0003", "HZL2025TS0017", "TB-PIC-2026-003-PL-S2"] {
            assert!((DOCUMENT_NUMBER.check)(ok), "{ok}");
        }
        assert!(!(DOCUMENT_NUMBER.check)("TB/2026"));
        for ok in ["A/0", "B/12", "Z/999"] {
            assert!((REVISION.check)(ok), "{ok}");
        }
        for bad in ["A/01", "a/0", "A0", "AB/1", "A/", "A/1000"] {
            assert!(!(REVISION.check)(bad), "{bad}");
        }
        assert!((ID.check)("NC-1_a") && !(ID.check)("a.b") && !(ID.check)(&"x".repeat(33)));
        assert!(!(NON_BLANK.check)(" \t ") && (NON_BLANK.check)(" x"));
        assert!((YEAR.check)("2026") && !(YEAR.check)("0000") && !(YEAR.check)("226"));
    }
}
